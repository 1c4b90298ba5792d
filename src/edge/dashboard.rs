//! The dashboard's edge: builds the report's figures from the journal for each breakdown.

use crate::report::dashboard::{Dashboard, DashboardEffect, DashboardMsg, figures};
use crate::store::journal::Journal;
use opora_core::program::Edge;

pub struct DashboardEdge {
    journal: Journal,
}

impl DashboardEdge {
    pub fn new(journal: Journal) -> DashboardEdge {
        DashboardEdge { journal }
    }
}

impl Edge<Dashboard> for DashboardEdge {
    fn handle(&mut self, effect: DashboardEffect) -> Vec<DashboardMsg> {
        match effect {
            DashboardEffect::Build { by, period } => {
                vec![DashboardMsg::Figures(figures(&self.journal, by, period))]
            }
            DashboardEffect::Quit => Vec::new(),
        }
    }
}
