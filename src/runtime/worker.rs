//! The practice bank on its own thread: the UI sends effects, the worker answers with messages
//! through a channel, and the UI never waits on the disk.

use super::BankEdge;
use crate::core::{Effect, Msg};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

pub struct BankWorker {
    requests: Option<Sender<Effect>>,
    replies: Receiver<Msg>,
    thread: Option<JoinHandle<()>>,
}

impl BankWorker {
    pub fn spawn(mut edge: BankEdge) -> BankWorker {
        let (request_tx, request_rx) = mpsc::channel::<Effect>();
        let (reply_tx, reply_rx) = mpsc::channel::<Msg>();
        let thread = std::thread::Builder::new()
            .name("opora-bank".into())
            .spawn(move || {
                for effect in request_rx {
                    for msg in edge.handle(&effect) {
                        if reply_tx.send(msg).is_err() {
                            return;
                        }
                    }
                }
            })
            .ok();
        BankWorker {
            requests: Some(request_tx),
            replies: reply_rx,
            thread,
        }
    }

    /// Hands an effect to the worker; the answer arrives through [`BankWorker::try_recv`].
    pub fn send(&self, effect: Effect) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(effect);
        }
    }

    pub fn try_recv(&self) -> Option<Msg> {
        self.replies.try_recv().ok()
    }

    /// Waits up to `timeout` for an answer.
    pub fn recv_timeout(&self, timeout: std::time::Duration) -> Option<Msg> {
        self.replies.recv_timeout(timeout).ok()
    }
}

impl Drop for BankWorker {
    fn drop(&mut self) {
        // Closing the channel ends the worker's loop; wait so a write in flight completes.
        self.requests.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
