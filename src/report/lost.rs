//! "Where clients get lost": for each group, the steps of its flows and lessons with the largest
//! loss (sessions that reached the step before but not this one) and those with the longest
//! median time, from the journey's figures (`journey.rs`).

use serde::Serialize;

use super::journey::{FlowFigures, LessonFigures};

/// One line of "where clients get lost".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LostFigures {
    pub group: String,
    /// `loss` (the largest losses) or `time` (the longest median times).
    pub rank: String,
    /// `flow` or `lesson`.
    pub track: String,
    pub name: String,
    /// The screen (flows) or step number (lessons).
    pub step: String,
    pub reached: u64,
    pub loss: i64,
    /// Loss ÷ started.
    pub loss_share: Option<f64>,
    pub median_seconds: Option<f64>,
    pub p90_seconds: Option<f64>,
}

/// How many lines of each kind "where clients get lost" shows per group.
const LOST_LINES: usize = 3;

pub fn where_lost(lessons: &[LessonFigures], flows: &[FlowFigures]) -> Vec<LostFigures> {
    let mut all: Vec<LostFigures> = Vec::new();
    for l in lessons {
        for s in &l.steps {
            all.push(LostFigures {
                group: l.group.clone(),
                rank: String::new(),
                track: "lesson".into(),
                name: l.lesson.clone(),
                step: s.step.to_string(),
                reached: s.reached,
                loss: s.loss,
                loss_share: (l.completion.n > 0).then(|| s.loss as f64 / l.completion.n as f64),
                median_seconds: s.median_seconds,
                p90_seconds: s.p90_seconds,
            });
        }
    }
    for f in flows {
        for s in &f.stages {
            all.push(LostFigures {
                group: f.group.clone(),
                rank: String::new(),
                track: "flow".into(),
                name: f.flow.clone(),
                step: s.screens.join(" / "),
                reached: s.reached,
                loss: s.loss.unwrap_or(0),
                loss_share: (f.started > 0).then(|| s.loss.unwrap_or(0) as f64 / f.started as f64),
                median_seconds: s.median_seconds,
                p90_seconds: s.p90_seconds,
            });
        }
    }
    let mut groups: Vec<String> = all.iter().map(|l| l.group.clone()).collect();
    groups.sort();
    groups.dedup();
    let mut out = Vec::new();
    for group in groups {
        let mine: Vec<&LostFigures> = all.iter().filter(|l| l.group == group).collect();
        let mut by_loss: Vec<&LostFigures> = mine.iter().copied().filter(|l| l.loss > 0).collect();
        by_loss.sort_by(|a, b| b.loss.cmp(&a.loss).then(a.name.cmp(&b.name)));
        out.extend(by_loss.into_iter().take(LOST_LINES).map(|l| LostFigures {
            rank: "loss".into(),
            ..l.clone()
        }));
        let mut by_time: Vec<&LostFigures> = mine
            .iter()
            .copied()
            .filter(|l| l.median_seconds.is_some())
            .collect();
        by_time.sort_by(|a, b| {
            b.median_seconds
                .unwrap_or(0.0)
                .total_cmp(&a.median_seconds.unwrap_or(0.0))
                .then(a.name.cmp(&b.name))
        });
        out.extend(by_time.into_iter().take(LOST_LINES).map(|l| LostFigures {
            rank: "time".into(),
            ..l.clone()
        }));
    }
    out
}
