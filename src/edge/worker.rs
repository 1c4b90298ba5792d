//! The practice bank on its own thread: the UI sends effects, the worker answers with messages
//! into the UI's inbox, and the UI never waits on the disk.

use super::BankEdge;
use opora_core::input::{Effect, Msg};
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

pub struct BankWorker {
    requests: Option<Sender<Effect>>,
    thread: Option<JoinHandle<()>>,
}

impl BankWorker {
    /// Starts the worker; its answers go to `inbox`, wrapped in whatever the inbox carries.
    pub fn spawn<T: From<Msg> + Send + 'static>(
        mut edge: BankEdge,
        inbox: Sender<T>,
    ) -> BankWorker {
        let (request_tx, request_rx) = mpsc::channel::<Effect>();
        let thread = std::thread::Builder::new()
            .name("opora-bank".into())
            .spawn(move || {
                for effect in request_rx {
                    for msg in edge.handle(&effect) {
                        if inbox.send(T::from(msg)).is_err() {
                            return;
                        }
                    }
                }
            })
            .ok();
        BankWorker {
            requests: Some(request_tx),
            thread,
        }
    }

    /// Hands an effect to the worker; the answer arrives in the inbox given to `spawn`.
    pub fn send(&self, effect: Effect) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(effect);
        }
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
