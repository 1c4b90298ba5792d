//! The dashboard's edge over the bank's central database (`opora dashboard --central`): builds
//! the report's figures there for each breakdown, and keeps what went wrong for the command to
//! say in the staff member's language once the screen is closed.

use std::sync::{Arc, Mutex};

use crate::central::{Central, CentralError, report};
use crate::report::dashboard::{Dashboard, DashboardEffect, DashboardMsg, FiguresError};
use opora_core::program::Edge;

pub struct CentralDashboardEdge {
    central: Central,
    /// The last failure, shared with the command that started the dashboard.
    pub failure: Arc<Mutex<Option<CentralError>>>,
}

impl CentralDashboardEdge {
    /// The edge over a connection already checked and refreshed (`central::report::prepare`).
    pub fn new(central: Central) -> CentralDashboardEdge {
        CentralDashboardEdge {
            central,
            failure: Arc::new(Mutex::new(None)),
        }
    }
}

impl Edge<Dashboard> for CentralDashboardEdge {
    fn handle(&mut self, effect: DashboardEffect) -> Vec<DashboardMsg> {
        match effect {
            DashboardEffect::Build { by, period } => {
                let built = report::build(&mut self.central, Some(by), period)
                    .and_then(|r| Ok(Box::new((r, report::weekly(&mut self.central, period)?))));
                let figures = built.map_err(|e| {
                    if let Ok(mut kept) = self.failure.lock() {
                        *kept = Some(e);
                    }
                    FiguresError::Central
                });
                vec![DashboardMsg::Figures(figures)]
            }
            DashboardEffect::Quit => Vec::new(),
        }
    }
}
