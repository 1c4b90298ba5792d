//! The practice card's blocked state as the kiosk handles it: staff open their menu (F9) and
//! unblock the card, and a lesson that blocked the card for practice unblocks it once the client
//! leaves the lesson or reaches its end. The screens that show the state are the families'.
//! Also what a cancelled money action says: nothing left the card.

use super::messages::Effect;
use super::screen::Screen;
use super::state::{App, Notice};

impl App {
    /// The staff key: opens the staff menu, or closes it when it is open.
    pub(super) fn staff_key(&mut self) -> Vec<Effect> {
        if matches!(self.screen(), Screen::StaffMenu) {
            return self.go_back();
        }
        self.push(Screen::StaffMenu);
        Vec::new()
    }

    /// Staff chose «Разблокировать учебную карту».
    pub(super) fn staff_unblock(&mut self) -> Vec<Effect> {
        if matches!(self.screen(), Screen::StaffMenu) {
            self.back();
        }
        self.notice = Some(Notice::CardUnblocked { by_lesson: false });
        vec![Effect::UnblockCard]
    }

    /// A money action of this flow was cancelled: the screen it returns to says nothing moved.
    pub(super) fn say_cancelled(&mut self, flow: Option<&'static str>) {
        if let Some(flow @ ("send" | "own" | "pay" | "topup")) = flow {
            self.notice = Some(Notice::Cancelled(flow));
        }
    }

    /// Remembers that a lesson's practice step blocked the card.
    pub(super) fn note_block(&mut self, blocked_in_lesson: bool) {
        if blocked_in_lesson {
            self.practice_block = true;
        }
    }

    /// After each message: a card a lesson blocked works again once the lesson is over.
    pub(super) fn end_practice_block(&mut self) -> Option<Effect> {
        let over = self.lesson_run().is_none_or(|run| run.finished());
        if !self.practice_block || !over {
            return None;
        }
        self.practice_block = false;
        if self.notice.is_none() {
            self.notice = Some(Notice::CardUnblocked { by_lesson: true });
        }
        Some(Effect::UnblockCard)
    }
}
