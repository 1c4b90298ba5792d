//! The checks of the session's frame: its start and end, the staff-ticked steps of journals
//! written before the kiosk logged its own journey, feedback.

use super::rules::{
    Checked, GOALS_MAX, Reason, TextRule, at, complaint_category, optional_key, pseudonym, score,
    step_number, text,
};

pub fn session_started(
    staff: &str,
    client: Option<&str>,
    site: &str,
    variant: Option<&str>,
    goals: &[String],
) -> Checked {
    text(staff, TextRule::Label).map_err(at("staff"))?;
    if let Some(client) = client {
        pseudonym(client).map_err(at("client"))?;
    }
    text(site, TextRule::Label).map_err(at("site"))?;
    if let Some(variant) = variant {
        text(variant, TextRule::Code).map_err(at("variant"))?;
    }
    if goals.len() > GOALS_MAX {
        return Err(at("goals")(Reason::TooMany { max: GOALS_MAX }));
    }
    goals
        .iter()
        .try_for_each(|g| text(g, TextRule::Key))
        .map_err(at("goals"))
}

pub fn session_ended(complaint: Option<&str>) -> Checked {
    complaint.map_or(Ok(()), |c| complaint_category(c).map_err(at("complaint")))
}

pub fn step_completed(lesson: Option<&str>, step: u32) -> Checked {
    optional_key(lesson).map_err(at("lesson"))?;
    step_number(step).map_err(at("step"))
}

pub fn error_or_help(lesson: Option<&str>, step: Option<u32>, screen: &str) -> Checked {
    optional_key(lesson).map_err(at("lesson"))?;
    if let Some(step) = step {
        step_number(step).map_err(at("step"))?;
    }
    text(screen, TextRule::Key).map_err(at("screen"))
}

pub fn feedback(csat: Option<u8>, ces: Option<u8>, nps: Option<u8>) -> Checked {
    score(csat, 1, 5).map_err(at("csat"))?;
    score(ces, 1, 7).map_err(at("ces"))?;
    score(nps, 0, 10).map_err(at("nps"))
}
