//! Speech output: what Opora says and how. `words` turns numbers, money, phones and dates into
//! words; the speakers say text through a synthesizer.

pub mod words;
