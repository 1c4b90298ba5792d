//! Voice beside the full-screen kiosk: a thread that loads the model (seconds) without holding
//! up the first frame, then listens whenever asked and reports what it heard into the run
//! loop's inbox, like the bank's worker. Space again sets a flag the listener checks between
//! chunks, so stopping is immediate.

use super::VoiceError;
use super::engine::Prepared;
use opora_core::i18n::I18n;
use opora_core::voice::Context;
use opora_core::voice::meaning::{Heard, VoiceMsg};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};

/// What the voice thread reports.
#[derive(Debug)]
pub enum VoiceEvent {
    /// The model loaded, or why not.
    Loaded(Result<(), VoiceError>),
    /// One utterance: what was heard (or nothing), or why listening failed.
    Heard(Result<Option<Heard>, VoiceError>),
}

impl VoiceEvent {
    /// The message for the core, with any failure as a sentence in the person's language.
    pub fn into_msg(self, i18n: &I18n, announce: bool) -> VoiceMsg {
        match self {
            VoiceEvent::Loaded(Ok(())) => VoiceMsg::Ready,
            VoiceEvent::Loaded(Err(error)) => VoiceMsg::Unavailable {
                reason: error.tell_client(i18n),
                announce,
            },
            VoiceEvent::Heard(Ok(heard)) => VoiceMsg::Heard(heard),
            VoiceEvent::Heard(Err(error)) => VoiceMsg::Failed(error.tell_client(i18n)),
        }
    }
}

/// The voice thread, seen from the run loop.
pub struct VoiceWorker {
    requests: Option<Sender<Context>>,
    stop: Arc<AtomicBool>,
}

impl VoiceWorker {
    /// Starts the thread: it loads the model, reports [`VoiceEvent::Loaded`], then listens for
    /// each context it is given. Reports go to `inbox`, wrapped in whatever the inbox carries.
    pub fn spawn<T: From<VoiceEvent> + Send + 'static>(
        prepared: Prepared,
        inbox: Sender<T>,
    ) -> VoiceWorker {
        let (request_tx, request_rx) = mpsc::channel::<Context>();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let spawned = std::thread::Builder::new()
            .name("opora-voice".into())
            .spawn(move || {
                let mut engine = match prepared.load() {
                    Ok(engine) => {
                        if inbox.send(T::from(VoiceEvent::Loaded(Ok(())))).is_err() {
                            return;
                        }
                        engine
                    }
                    Err(error) => {
                        let _ = inbox.send(T::from(VoiceEvent::Loaded(Err(error))));
                        return;
                    }
                };
                for context in request_rx {
                    let heard = engine.hear(&context, &flag).map(|(heard, _)| heard);
                    let failed = heard.is_err();
                    if inbox.send(T::from(VoiceEvent::Heard(heard))).is_err() || failed {
                        return;
                    }
                }
            });
        VoiceWorker {
            requests: spawned.is_ok().then_some(request_tx),
            stop,
        }
    }

    /// Listens for one utterance with the grammar of this screen.
    pub fn listen(&self, context: Context) {
        self.stop.store(false, Ordering::SeqCst);
        if let Some(tx) = &self.requests {
            let _ = tx.send(context);
        }
    }

    /// Ends the utterance being listened to now.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

impl Drop for VoiceWorker {
    fn drop(&mut self) {
        // Stops a listen in progress and ends the thread's loop. The thread is not waited for:
        // a model still loading would hold up quitting by seconds.
        self.stop.store(true, Ordering::SeqCst);
        self.requests.take();
    }
}
