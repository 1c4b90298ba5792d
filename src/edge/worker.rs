//! A program's edge on its own thread: the face sends effects, the worker answers with messages
//! through a callback (into the face's inbox), and the face never waits on the disk.

use opora_core::program::{Edge, Program};
use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

pub struct Worker<P: Program> {
    requests: Option<Sender<P::Effect>>,
    thread: Option<JoinHandle<()>>,
}

impl<P: Program> Worker<P> {
    /// Starts the worker; each answer is given to `deliver`, which returns false once nobody
    /// listens any more (the worker then stops).
    pub fn spawn<E: Edge<P>>(
        mut edge: E,
        deliver: impl Fn(P::Msg) -> bool + Send + 'static,
    ) -> Worker<P> {
        let (request_tx, request_rx) = mpsc::channel::<P::Effect>();
        let thread = std::thread::Builder::new()
            .name("opora-edge".into())
            .spawn(move || {
                for effect in request_rx {
                    for msg in edge.handle(effect) {
                        if !deliver(msg) {
                            return;
                        }
                    }
                }
            })
            .ok();
        Worker {
            requests: Some(request_tx),
            thread,
        }
    }

    /// Hands an effect to the worker; its answers arrive through `deliver`.
    pub fn send(&self, effect: P::Effect) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(effect);
        }
    }
}

impl<P: Program> Drop for Worker<P> {
    fn drop(&mut self) {
        // Closing the channel ends the worker's loop; wait so a write in flight completes.
        self.requests.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
