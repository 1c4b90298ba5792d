//! The microphone, through cpal (ALSA on Linux). The stream is opened only while listening —
//! from Space to the pause after speech — and closed again, so the kiosk never records
//! otherwise. Opening is checked once at start: with no sound card cpal fails when it
//! configures the stream, not when it looks the device up, and voice must then be off with one
//! sentence, not fail later in front of the client.

use super::VoiceError;
use super::listener::{Capture, Ended, Listener, Utterance};
use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{Data, FromSample, SampleFormat, SizedSample};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

/// How long to wait for the client to start speaking.
const WAIT_FOR_SPEECH: Duration = Duration::from_secs(8);
/// The longest utterance.
const LONGEST: Duration = Duration::from_secs(15);

/// The default input device of the system.
pub struct MicListener {
    device: cpal::Device,
    config: cpal::SupportedStreamConfig,
    name: String,
    rate: u32,
    pause: Duration,
}

impl MicListener {
    /// Finds the default microphone and checks that a stream can be opened on it, for a model
    /// at `rate` Hz.
    pub fn open(rate: u32) -> Result<MicListener, VoiceError> {
        let host = cpal::default_host();
        let device = host
            .default_input_device()
            .ok_or(VoiceError::NoMicrophone)?;
        let config = device
            .default_input_config()
            .map_err(|e| VoiceError::Microphone {
                detail: e.to_string(),
            })?;
        let name = device.to_string();
        let mic = MicListener {
            device,
            config,
            name,
            rate,
            pause: super::endpoint::DEFAULT_PAUSE,
        };
        // Opened and closed at once: the failure comes now, not in front of the client.
        let (stream, _) = mic.stream()?;
        drop(stream);
        Ok(mic)
    }

    /// Ends utterances after `pause` of quiet instead of the default.
    pub fn with_pause(mut self, pause: Duration) -> MicListener {
        self.pause = pause;
        self
    }

    /// Opens a stream; its samples (mono, at the device's rate) arrive on the receiver.
    fn stream(&self) -> Result<(cpal::Stream, Receiver<Vec<f32>>), VoiceError> {
        let (tx, rx) = mpsc::channel::<Vec<f32>>();
        let channels = usize::from(self.config.channels().max(1));
        let format = self.config.sample_format();
        let stream = self
            .device
            .build_input_stream_raw(
                self.config.config(),
                format,
                move |data: &Data, _| {
                    if let Some(samples) = to_f32(data, format) {
                        let mono = samples
                            .chunks(channels)
                            .map(|frame| frame.iter().sum::<f32>() / channels as f32)
                            .collect();
                        // The listener has stopped listening: nothing to do.
                        let _ = tx.send(mono);
                    }
                },
                // Errors during the stream show as silence; the time limits end it.
                |_| {},
                Some(Duration::from_secs(2)),
            )
            .map_err(|e| VoiceError::Microphone {
                detail: e.to_string(),
            })?;
        Ok((stream, rx))
    }
}

/// The samples of a callback as f32, whatever the device delivers.
fn to_f32(data: &Data, format: SampleFormat) -> Option<Vec<f32>> {
    fn convert<T: SizedSample>(data: &Data) -> Option<Vec<f32>>
    where
        f32: FromSample<T>,
    {
        data.as_slice::<T>()
            .map(|s| s.iter().map(|x| x.to_sample::<f32>()).collect())
    }
    match format {
        SampleFormat::F32 => convert::<f32>(data),
        SampleFormat::I16 => convert::<i16>(data),
        SampleFormat::I32 => convert::<i32>(data),
        SampleFormat::U16 => convert::<u16>(data),
        SampleFormat::U8 => convert::<u8>(data),
        SampleFormat::I8 => convert::<i8>(data),
        SampleFormat::F64 => convert::<f64>(data),
        _ => None,
    }
}

impl Listener for MicListener {
    fn rate(&self) -> u32 {
        self.rate
    }

    fn listen(
        &mut self,
        stop: &AtomicBool,
        sink: &mut dyn FnMut(&[i16]),
    ) -> Result<Utterance, VoiceError> {
        let (stream, rx) = self.stream()?;
        stream.play().map_err(|e| VoiceError::Microphone {
            detail: e.to_string(),
        })?;
        let mut capture = Capture::new(self.config.sample_rate(), self.rate, self.pause);
        let started = Instant::now();
        let ended = loop {
            if stop.load(Ordering::Relaxed) {
                break capture.end(Ended::Stopped, sink);
            }
            let waited = started.elapsed();
            if (!capture.speech() && waited > WAIT_FOR_SPEECH) || waited > LONGEST {
                break capture.end(Ended::TimeLimit, sink);
            }
            match rx.recv_timeout(Duration::from_millis(50)) {
                Ok(samples) => {
                    if let Some(ended) = capture.push(&samples, sink) {
                        break ended;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    break capture.end(Ended::EndOfInput, sink);
                }
            }
        };
        drop(stream);
        let mut utterance = capture.utterance();
        utterance.ended = ended;
        Ok(utterance)
    }

    fn describe(&self) -> String {
        self.name.clone()
    }
}
