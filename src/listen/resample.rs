//! Changing the sample rate of a stream of audio: a windowed-sinc resampler that works chunk by
//! chunk (a microphone delivers 48 kHz, a WAV file 22 050 Hz, the model wants 16 kHz). When it
//! lowers the rate it also filters out what the lower rate cannot hold, so speech does not fold
//! into noise.

use std::f64::consts::PI;

/// Zero crossings of the kernel on each side, at the lower of the two rates.
const HALF_TAPS: f64 = 16.0;

/// A streaming resampler from one rate to another.
pub struct Resampler {
    /// Input samples per output sample.
    step: f64,
    /// The kernel's cut-off, as a fraction of the input's Nyquist frequency.
    cutoff: f64,
    /// How far the kernel reaches on each side, in input samples.
    reach: usize,
    /// Input not yet fully used, starting `reach` samples of history before `position`.
    buffer: Vec<f32>,
    /// Where the next output sample falls, in input samples from the start of `buffer`.
    position: f64,
    passthrough: bool,
}

impl Resampler {
    pub fn new(from: u32, to: u32) -> Resampler {
        let (from, to) = (f64::from(from.max(1)), f64::from(to.max(1)));
        let cutoff = (to / from).min(1.0);
        let reach = (HALF_TAPS / cutoff).ceil() as usize;
        Resampler {
            step: from / to,
            cutoff,
            reach,
            // Silence before the first sample, so the first outputs have history.
            buffer: vec![0.0; reach],
            position: reach as f64,
            passthrough: from == to,
        }
    }

    /// Resamples a chunk, appending what can be computed so far to `out`.
    pub fn push(&mut self, input: &[f32], out: &mut Vec<f32>) {
        if self.passthrough {
            out.extend_from_slice(input);
            return;
        }
        self.buffer.extend_from_slice(input);
        while self.position + self.reach as f64 + 1.0 < self.buffer.len() as f64 {
            out.push(self.sample_at(self.position));
            self.position += self.step;
        }
        // Drop input no later output needs.
        let keep_from = (self.position.floor() as usize).saturating_sub(self.reach);
        if keep_from > 0 {
            self.buffer.drain(..keep_from);
            self.position -= keep_from as f64;
        }
    }

    /// The rest of the stream, as if silence followed.
    pub fn finish(&mut self, out: &mut Vec<f32>) {
        if self.passthrough {
            return;
        }
        let end = self.buffer.len() as f64;
        let silence = vec![0.0; self.reach + 2];
        self.buffer.extend_from_slice(&silence);
        while self.position < end {
            out.push(self.sample_at(self.position));
            self.position += self.step;
        }
    }

    fn sample_at(&self, t: f64) -> f32 {
        let centre = t.floor() as isize;
        let reach = self.reach as isize;
        let mut sum = 0.0;
        for k in (centre - reach + 1)..=(centre + reach) {
            let Some(&x) = usize::try_from(k).ok().and_then(|k| self.buffer.get(k)) else {
                continue;
            };
            let d = t - k as f64;
            sum += f64::from(x) * self.kernel(d);
        }
        sum as f32
    }

    /// A low-pass sinc at the cut-off, under a Hann window as wide as the reach.
    fn kernel(&self, d: f64) -> f64 {
        let reach = self.reach as f64;
        if d.abs() >= reach {
            return 0.0;
        }
        let x = d * self.cutoff;
        let sinc = if x.abs() < 1e-9 {
            1.0
        } else {
            (PI * x).sin() / (PI * x)
        };
        let window = 0.5 + 0.5 * (PI * d / reach).cos();
        self.cutoff * sinc * window
    }
}

/// Resamples a whole recording.
pub fn resample(input: &[f32], from: u32, to: u32) -> Vec<f32> {
    let mut resampler = Resampler::new(from, to);
    let mut out = Vec::with_capacity(input.len() * to as usize / from.max(1) as usize + 16);
    resampler.push(input, &mut out);
    resampler.finish(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sine(freq: f64, rate: u32, seconds: f64) -> Vec<f32> {
        let n = (f64::from(rate) * seconds) as usize;
        (0..n)
            .map(|i| (0.5 * (2.0 * PI * freq * i as f64 / f64::from(rate)).sin()) as f32)
            .collect()
    }

    /// The strength of one frequency in a signal (a single DFT bin), as an amplitude.
    fn strength(signal: &[f32], freq: f64, rate: u32) -> f64 {
        let (mut re, mut im) = (0.0, 0.0);
        for (i, &x) in signal.iter().enumerate() {
            let angle = 2.0 * PI * freq * i as f64 / f64::from(rate);
            re += f64::from(x) * angle.cos();
            im += f64::from(x) * angle.sin();
        }
        2.0 * (re * re + im * im).sqrt() / signal.len() as f64
    }

    #[test]
    fn a_tone_keeps_its_pitch_loudness_and_length() {
        for (from, to) in [
            (22_050, 16_000),
            (48_000, 16_000),
            (8_000, 16_000),
            (44_100, 16_000),
        ] {
            let input = sine(440.0, from, 1.0);
            let out = resample(&input, from, to);
            let expected = f64::from(to);
            assert!(
                (out.len() as f64 - expected).abs() <= 2.0,
                "{from}→{to}: {} samples",
                out.len()
            );
            // Away from the edges the tone is there, at the same strength.
            let middle = &out[to as usize / 10..to as usize * 9 / 10];
            let a = strength(middle, 440.0, to);
            assert!((a - 0.5).abs() < 0.02, "{from}→{to}: amplitude {a}");
        }
    }

    #[test]
    fn what_the_lower_rate_cannot_hold_is_filtered_out() {
        // 12 kHz is above the 8 kHz Nyquist frequency of 16 kHz audio.
        let input = sine(12_000.0, 48_000, 0.5);
        let out = resample(&input, 48_000, 16_000);
        // Away from the clicks where the tone starts and stops.
        let middle = &out[800..out.len() - 800];
        let loudest = middle.iter().fold(0.0f32, |m, x| m.max(x.abs()));
        assert!(loudest < 0.02, "aliased tone at {loudest}");
    }

    #[test]
    fn chunks_give_the_same_result_as_the_whole() {
        let input = sine(300.0, 22_050, 0.3);
        let whole = resample(&input, 22_050, 16_000);
        let mut resampler = Resampler::new(22_050, 16_000);
        let mut pieces = Vec::new();
        for chunk in input.chunks(137) {
            resampler.push(chunk, &mut pieces);
        }
        resampler.finish(&mut pieces);
        assert_eq!(whole.len(), pieces.len());
        for (a, b) in whole.iter().zip(&pieces) {
            assert!((a - b).abs() < 1e-5);
        }
    }

    #[test]
    fn the_same_rate_passes_through() {
        let input = sine(300.0, 16_000, 0.1);
        assert_eq!(resample(&input, 16_000, 16_000), input);
        assert!(resample(&[], 44_100, 16_000).is_empty());
    }
}
