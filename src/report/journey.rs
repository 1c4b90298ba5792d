//! The client's journey in figures, from the typed step rows (`step_facts`): a funnel per money
//! flow (from the screens the kiosk entered) and per lesson, the drop-off step, median and p90
//! seconds per step, errors and help per step, and "where clients get lost" — each group's
//! steps with the largest loss and the longest time.
//!
//! - A flow's funnel counts sessions: started = sessions that entered any screen of the flow;
//!   its stages are the flow's numbered steps («шаг k из n»: reached k = sessions that entered a
//!   screen at step k, named by those screens) and then its end (the screens entered right after
//!   the last numbered step, e.g. `done`). A screen without a number met elsewhere (a warning
//!   between amount and check) is listed beside the funnel with its own figures but is not a
//!   stage. A flow without numbered steps (blocking the card) has one stage per screen, in the
//!   order its screens are usually entered.
//! - A lesson's funnel: started = sessions with `lesson_started`; reached step k =
//!   `lesson_step_started` k (and `lesson_started` is step 1); completed = `lesson_completed`.
//!   In journals written by the staff-ticked version, reached step k means staff ticked it done
//!   (`step_completed`), and errors and help come from `error_shown` and `help_asked`, as before.
//! - Step time: seconds from entering the step until the next step (for ticked steps, from the
//!   previous tick or the lesson's start); median and nearest-rank p90.
//! - The drop-off step loses the most sessions from the stage before (the first of equals).
//!
//! "Where clients get lost" is made from these figures in `lost.rs`.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::SMALL_GROUP;
use super::stats::{Share, median, percentile, wilson};
use crate::store::journal::facts::fold::Role;

/// One lesson within one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LessonFigures {
    pub group: String,
    pub lesson: String,
    pub small: bool,
    /// Completed ÷ started.
    pub completion: Share,
    pub steps: Vec<StepFigures>,
    pub drop_off_step: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepFigures {
    pub step: u32,
    /// Sessions that reached this step (ticked it done, in legacy journals).
    pub reached: u64,
    /// Reached ÷ started.
    pub funnel: Option<f64>,
    /// Sessions lost since the previous step (or the start).
    pub loss: i64,
    pub median_seconds: Option<f64>,
    pub p90_seconds: Option<f64>,
    pub errors: u64,
    pub help: u64,
}

/// One money flow (`send`, `own`, `pay`, `topup`, `block`) within one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlowFigures {
    pub group: String,
    pub flow: String,
    pub small: bool,
    /// Sessions that entered the flow.
    pub started: u64,
    /// The funnel's stages, in order.
    pub stages: Vec<FlowStage>,
    /// Screens of the flow met off the funnel's path (loss is none).
    pub side: Vec<FlowStage>,
    /// The stage that loses the most sessions (its first screen).
    pub drop_off: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlowStage {
    /// The screens of this stage, the most visited first.
    pub screens: Vec<String>,
    /// «шаг k из n», when the flow numbers it.
    pub step: Option<u32>,
    pub reached: u64,
    pub funnel: Option<f64>,
    pub loss: Option<i64>,
    pub visits: u64,
    pub median_seconds: Option<f64>,
    pub p90_seconds: Option<f64>,
    pub errors: u64,
    pub help: u64,
}

/// One step row as the report reads it.
pub struct Row {
    pub sid: i64,
    pub name_id: i64,
    pub role: i64,
    pub step_no: Option<i64>,
    pub after_step: Option<i64>,
    pub ordinal: Option<i64>,
    pub ms: Option<i64>,
    pub errors: i64,
    pub help: i64,
}

/// The step rows of the flows and lessons, and their names: the same whatever the breakdown,
/// so the dashboard keeps them while the journal does not change.
#[derive(Default)]
pub struct StepTable {
    /// id → (track, name, step).
    pub names: HashMap<i64, (String, String, String)>,
    pub rows: Vec<Row>,
}

/// The journey's inputs: sessions and their groups, and the step table.
pub struct Inputs<'a> {
    /// (sid, group, legacy) for flows; one row per group a session is in.
    pub sessions: Vec<(i64, String, bool)>,
    /// The same for lessons (a breakdown by lesson uses each step's own lesson).
    pub lesson_sessions: Vec<(i64, String, bool)>,
    pub by_lesson: bool,
    pub steps: &'a StepTable,
}

/// A bucket of step rows. Rows arrive ordered by session, so a session is counted once by
/// comparing with the last one seen.
#[derive(Default)]
struct Acc {
    sessions: Vec<i64>,
    visits: u64,
    ms: Vec<f64>,
    errors: u64,
    help: u64,
    ordinal_sum: i64,
}

impl Acc {
    fn add(&mut self, sid: i64, row: &Row, reached: bool, timed: bool) {
        if reached {
            if self.sessions.last() != Some(&sid) {
                self.sessions.push(sid);
            }
            self.visits += 1;
            self.ordinal_sum += row.ordinal.unwrap_or(0);
        }
        if timed && let Some(ms) = row.ms {
            self.ms.push(ms as f64 / 1000.0);
        }
        self.errors += u64::try_from(row.errors).unwrap_or(0);
        self.help += u64::try_from(row.help).unwrap_or(0);
    }

    fn merge(&mut self, other: &Acc) {
        self.sessions.extend(&other.sessions);
        self.sessions.sort_unstable();
        self.sessions.dedup();
        self.visits += other.visits;
        self.ms.extend(&other.ms);
        self.errors += other.errors;
        self.help += other.help;
        self.ordinal_sum += other.ordinal_sum;
    }

    fn times(&mut self) -> (Option<f64>, Option<f64>) {
        self.ms.sort_by(f64::total_cmp);
        (median(&self.ms), percentile(&self.ms, 0.9))
    }
}

#[derive(Default)]
struct LessonAcc {
    started: Vec<i64>,
    completed: Vec<i64>,
    steps: BTreeMap<u32, Acc>,
}

/// (screen, step number, after step) → its visits.
type FlowAcc = BTreeMap<(String, Option<i64>, Option<i64>), Acc>;

/// Sessions by id: the indexes of their groups, and whether they are legacy.
fn by_sid(list: &[(i64, String, bool)], groups: &mut Vec<String>) -> Vec<Option<(Vec<u32>, bool)>> {
    let mut index: HashMap<String, u32> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.clone(), i as u32))
        .collect();
    let top = list.iter().map(|(sid, ..)| *sid).max().unwrap_or(0);
    let mut out: Vec<Option<(Vec<u32>, bool)>> =
        vec![None; usize::try_from(top.max(0)).unwrap_or(0) + 1];
    for (sid, grp, legacy) in list {
        let next = groups.len() as u32;
        let i = *index.entry(grp.clone()).or_insert_with(|| {
            groups.push(grp.clone());
            next
        });
        if let Some(slot) = usize::try_from(*sid).ok().and_then(|s| out.get_mut(s)) {
            let entry = slot.get_or_insert_with(|| (Vec::new(), *legacy));
            entry.0.push(i);
        }
    }
    out
}

/// The lesson and flow figures.
pub fn compute(inputs: &Inputs<'_>) -> (Vec<LessonFigures>, Vec<FlowFigures>) {
    let mut groups: Vec<String> = Vec::new();
    let flow_groups = by_sid(&inputs.sessions, &mut groups);
    let lesson_groups = by_sid(&inputs.lesson_sessions, &mut groups);
    let mut lesson_index: HashMap<&str, u32> = HashMap::new();
    if inputs.by_lesson {
        for (track, name, _) in inputs.steps.names.values() {
            if track == "lesson" && !lesson_index.contains_key(name.as_str()) {
                lesson_index.insert(name, groups.len() as u32);
                groups.push(name.clone());
            }
        }
    }
    // Buckets by (group, step name, step number, after step), without a string per row.
    let mut buckets: Buckets = HashMap::default();
    let mut lesson_ends: HashMap<(u32, i64, i64), Vec<i64>> = HashMap::new();
    // Step names by id (ids are small and dense): track and name.
    let top = inputs.steps.names.keys().copied().max().unwrap_or(0);
    let mut kinds: Vec<Option<(&str, &str)>> =
        vec![None; usize::try_from(top.max(0)).unwrap_or(0) + 1];
    for (id, (track, name, _)) in &inputs.steps.names {
        if let Some(k) = usize::try_from(*id).ok().and_then(|i| kinds.get_mut(i)) {
            *k = Some((track.as_str(), name.as_str()));
        }
    }
    for row in &inputs.steps.rows {
        let Some((track, name)) = usize::try_from(row.name_id)
            .ok()
            .and_then(|i| kinds.get(i).copied().flatten())
        else {
            continue;
        };
        let Some(role) = Role::from_code(row.role) else {
            continue;
        };
        match track {
            "flow" => {
                let Some((in_groups, _)) = slot(&flow_groups, row.sid) else {
                    continue;
                };
                for g in in_groups {
                    buckets
                        .entry((*g, row.name_id, row.step_no, row.after_step, -1))
                        .or_default()
                        .add(row.sid, row, true, true);
                }
            }
            "lesson" => {
                let Some((in_groups, legacy)) = slot(&lesson_groups, row.sid) else {
                    continue;
                };
                let own = [lesson_index.get(name).copied().unwrap_or(0)];
                let in_groups = if inputs.by_lesson {
                    &own[..]
                } else {
                    &in_groups[..]
                };
                for g in in_groups {
                    lesson_row(&mut buckets, &mut lesson_ends, *g, row, role, *legacy);
                }
            }
            _ => {}
        }
    }
    let mut lessons: BTreeMap<(String, String), LessonAcc> = BTreeMap::new();
    let mut flows: BTreeMap<(String, String), FlowAcc> = BTreeMap::new();
    for ((g, name_id, step_no, after, role), acc) in buckets {
        let Some((track, name, step)) = inputs.steps.names.get(&name_id) else {
            continue;
        };
        let group = groups.get(g as usize).cloned().unwrap_or_default();
        if track == "flow" {
            flows
                .entry((group, name.clone()))
                .or_default()
                .entry((step.clone(), step_no, after))
                .or_default()
                .merge(&acc);
        } else if let Some(step) = step_no.and_then(|s| u32::try_from(s).ok()) {
            let _ = role;
            lessons
                .entry((group, name.clone()))
                .or_default()
                .steps
                .entry(step)
                .or_default()
                .merge(&acc);
        }
    }
    for ((g, name_id, role), mut sids) in lesson_ends {
        let Some((_, name, _)) = inputs.steps.names.get(&name_id) else {
            continue;
        };
        let group = groups.get(g as usize).cloned().unwrap_or_default();
        let acc = lessons.entry((group, name.clone())).or_default();
        sids.sort_unstable();
        sids.dedup();
        if role == Role::LessonDone as i64 {
            acc.completed = sids;
        } else {
            acc.started = sids;
        }
    }
    let lesson_figures: Vec<LessonFigures> = lessons
        .into_iter()
        .filter(|(_, acc)| !acc.started.is_empty() || !acc.completed.is_empty())
        .map(|((group, lesson), acc)| lesson_funnel(group, lesson, acc))
        .collect();
    let flow_figures: Vec<FlowFigures> = flows
        .into_iter()
        .map(|((group, flow), acc)| flow_funnel(group, flow, acc))
        .collect();
    (lesson_figures, flow_figures)
}

type Buckets = HashMap<(u32, i64, Option<i64>, Option<i64>, i64), Acc, Quick>;

/// A quick hash for the small integer keys of the buckets (one lookup per step row: the
/// standard hasher, built to resist crafted keys, costs more than the rest of the work).
#[derive(Clone, Copy, Default)]
struct Quick;

#[derive(Default)]
struct QuickHasher(u64);

impl std::hash::BuildHasher for Quick {
    type Hasher = QuickHasher;
    fn build_hasher(&self) -> QuickHasher {
        QuickHasher(0)
    }
}

impl std::hash::Hasher for QuickHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

fn slot(map: &[Option<(Vec<u32>, bool)>], sid: i64) -> Option<&(Vec<u32>, bool)> {
    usize::try_from(sid)
        .ok()
        .and_then(|s| map.get(s))
        .and_then(Option::as_ref)
}

fn lesson_row(
    buckets: &mut Buckets,
    ends: &mut HashMap<(u32, i64, i64), Vec<i64>>,
    g: u32,
    row: &Row,
    role: Role,
    legacy: bool,
) {
    // Step rows of one lesson are bucketed by the lesson's start row's name id; the step
    // number keeps them apart.
    fn bucket<'a>(buckets: &'a mut Buckets, g: u32, row: &Row, step: i64) -> &'a mut Acc {
        buckets
            .entry((g, row.name_id, Some(step), None, 0))
            .or_default()
    }
    match (role, row.step_no) {
        (Role::LessonStart | Role::LessonDone, _) => {
            let sids = ends.entry((g, row.name_id, role as i64)).or_default();
            if sids.last() != Some(&row.sid) {
                sids.push(row.sid);
            }
            if role == Role::LessonStart && !legacy {
                bucket(buckets, g, row, 1).add(row.sid, row, true, true);
            }
        }
        (Role::LessonStep | Role::LegacyStep, Some(step)) => {
            bucket(buckets, g, row, step).add(row.sid, row, true, true);
        }
        (Role::LegacyMark, Some(step)) => {
            bucket(buckets, g, row, step).add(row.sid, row, false, false)
        }
        _ => {}
    }
}

fn count(sessions: &[i64]) -> u64 {
    sessions.len() as u64
}

fn lesson_funnel(group: String, lesson: String, acc: LessonAcc) -> LessonFigures {
    let started = count(&acc.started);
    let mut previous = i64::try_from(started).unwrap_or(i64::MAX);
    let mut worst: Option<(i64, u32)> = None;
    let mut steps = Vec::new();
    for (step, mut a) in acc.steps {
        let reached = count(&a.sessions);
        let reached_i = i64::try_from(reached).unwrap_or(i64::MAX);
        let loss = previous - reached_i;
        if loss > 0 && worst.is_none_or(|(w, _)| loss > w) {
            worst = Some((loss, step));
        }
        previous = reached_i;
        let (median_seconds, p90_seconds) = a.times();
        steps.push(StepFigures {
            step,
            reached,
            funnel: (started > 0).then(|| reached as f64 / started as f64),
            loss,
            median_seconds,
            p90_seconds,
            errors: a.errors,
            help: a.help,
        });
    }
    LessonFigures {
        group,
        lesson,
        small: started < SMALL_GROUP,
        completion: wilson(count(&acc.completed), started),
        steps,
        drop_off_step: worst.map(|(_, step)| step),
    }
}

fn stage(parts: Vec<(String, &Acc)>, step: Option<u32>) -> (FlowStage, Acc) {
    let mut merged = Acc::default();
    let mut by_screen: BTreeMap<String, u64> = BTreeMap::new();
    for (screen, acc) in &parts {
        merged.merge(acc);
        *by_screen.entry(screen.clone()).or_default() += acc.visits;
    }
    let mut screens: Vec<(String, u64)> = by_screen.into_iter().collect();
    screens.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (median_seconds, p90_seconds) = merged.times();
    (
        FlowStage {
            screens: screens.into_iter().map(|(s, _)| s).collect(),
            step,
            reached: count(&merged.sessions),
            funnel: None,
            loss: None,
            visits: merged.visits,
            median_seconds,
            p90_seconds,
            errors: merged.errors,
            help: merged.help,
        },
        merged,
    )
}

fn flow_funnel(group: String, flow: String, acc: FlowAcc) -> FlowFigures {
    let mut everyone: Vec<i64> = acc
        .values()
        .flat_map(|a| a.sessions.iter().copied())
        .collect();
    everyone.sort_unstable();
    everyone.dedup();
    let started = count(&everyone);
    let last = acc.keys().filter_map(|(_, step, _)| *step).max();
    let mut stages: Vec<FlowStage> = Vec::new();
    let mut side: Vec<FlowStage> = Vec::new();
    match last {
        Some(last) => {
            let mut numbered: BTreeMap<i64, Vec<(String, &Acc)>> = BTreeMap::new();
            let mut end: Vec<(String, &Acc)> = Vec::new();
            let mut off: BTreeMap<String, Vec<(String, &Acc)>> = BTreeMap::new();
            for ((screen, step, after), a) in &acc {
                match (step, after) {
                    (Some(k), _) => numbered.entry(*k).or_default().push((screen.clone(), a)),
                    (None, Some(after)) if *after == last => end.push((screen.clone(), a)),
                    (None, _) => off
                        .entry(screen.clone())
                        .or_default()
                        .push((screen.clone(), a)),
                }
            }
            for (k, parts) in numbered {
                stages.push(stage(parts, u32::try_from(k).ok()).0);
            }
            if !end.is_empty() {
                stages.push(stage(end, None).0);
            }
            side = off
                .into_values()
                .map(|parts| stage(parts, None).0)
                .collect();
        }
        None => {
            let mut by_screen: BTreeMap<String, Vec<(String, &Acc)>> = BTreeMap::new();
            for ((screen, _, _), a) in &acc {
                by_screen
                    .entry(screen.clone())
                    .or_default()
                    .push((screen.clone(), a));
            }
            let mut ordered: Vec<(f64, FlowStage)> = by_screen
                .into_values()
                .map(|parts| {
                    let (figures, merged) = stage(parts, None);
                    let place = merged.ordinal_sum as f64 / merged.visits.max(1) as f64;
                    (place, figures)
                })
                .collect();
            ordered.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.reached.cmp(&a.1.reached)));
            stages = ordered.into_iter().map(|(_, s)| s).collect();
        }
    }
    let mut previous = i64::try_from(started).unwrap_or(i64::MAX);
    let mut worst: Option<(i64, usize)> = None;
    for (i, s) in stages.iter_mut().enumerate() {
        let reached = i64::try_from(s.reached).unwrap_or(i64::MAX);
        let loss = previous - reached;
        s.loss = Some(loss);
        s.funnel = (started > 0).then(|| s.reached as f64 / started as f64);
        if loss > 0 && worst.is_none_or(|(w, _)| loss > w) {
            worst = Some((loss, i));
        }
        previous = reached;
    }
    for s in &mut side {
        s.funnel = (started > 0).then(|| s.reached as f64 / started as f64);
    }
    FlowFigures {
        small: started < SMALL_GROUP,
        drop_off: worst.and_then(|(_, i)| stages[i].screens.first().cloned()),
        group,
        flow,
        started,
        stages,
        side,
    }
}
