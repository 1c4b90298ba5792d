## Voice input: what is heard and shown when the client speaks (src/voice, src/core/screens/voice.rs).

# Why a phrase did nothing — and what to do instead.
voice-reject-not-understood = I did not understand. Say, for example, "balance" or "back".
voice-reject-not-on-this-screen = That is not on this screen. Say a number or "back".
voice-reject-no-such-choice = There is no choice { $number } here. { $max ->
        [1] There is only choice 1.
       *[other] The choices are 1 to { $max }.
    }
voice-reject-key-only = Voice cannot confirm this. Check everything and press the key.
voice-reject-code-by-keys = The code is never said aloud. Type it on the keyboard.
voice-reject-bad-amount = I did not catch the amount. Say, for example, "five hundred roubles".
voice-reject-amount-zero = The amount must be more than zero.
voice-reject-amount-too-big = That amount is too large.
voice-reject-ambiguous = I heard more than one command. Say just one.
voice-reject-need-payee = Say who to send it to, for example "five hundred roubles to my daughter".
voice-reject-phone-first = Say the phone number first, then the amount.
voice-reject-not-the-phrase = Those were other words. Try saying: "{ $phrase }".

# Why voice is off — one sentence; everything else works as usual.
voice-off-no-library = Voice commands are off: the speech library libvosk was not found. scripts/setup.sh installs it.
voice-off-no-model = Voice commands are off: there is no speech model for "{ $lang }" (looked in { $path }). models/README.md says how to install one.
voice-off-model-language = Voice commands are off: the language of the model in { $path } is unclear. Name it: --voice-lang ru or en.
voice-off-model-broken = Voice commands are off: the model in { $path } did not load. Download it again (models/README.md).
voice-off-recognizer = Voice commands are off: speech recognition did not start with this model.
voice-off-no-microphone = Voice commands are off: no microphone was found.
voice-off-not-set-up = Voice commands are not set up on this computer. Everything else works: press the numbers.
voice-off-microphone-failed = Voice commands are off: the microphone did not open. Ask a staff member, or press the numbers.
voice-off-microphone = Voice commands are off: the microphone did not open ({ $detail }).
voice-off-input-file = Voice commands are off: the file { $path } cannot be read as WAV ({ $detail }).

# opora voice check — for staff.
voice-check-library = Speech library: { $path }
voice-check-model = Model: { $path } — language { $lang }, { $rate } Hz, loaded in { $seconds } s.
voice-check-vocabulary = The model knows { $known } of the { $total } words of the home screen.
voice-check-source = Listening to: { $source }
voice-check-say = Say "{ $phrase }"…
voice-check-heard = Heard: "{ $text }" — { $audio } s of audio, real-time factor { $rtf } over the voice (target: under 0.1), { $ms } ms from the end of speech to the meaning (of which { $pause } ms is the pause that ends a phrase).
voice-check-confidence = Confidence in each word: { $words } (below { $sure } Opora asks back: "Did you say …?").
voice-check-meaning = On the home screen this means: { $meaning }.
voice-check-nothing = Nothing was heard. Check the microphone and speak louder.
voice-check-ok = Voice works.
voice-check-log = The sound system's messages are in { $path }.

# On the kiosk's screen.
voice-listening = Listening… Speak now. Space to finish.
voice-heard = I heard: "{ $text }"
voice-listening-big = Listening…
voice-listening-hint = Speak now. Space to finish.
voice-heard-label = I heard:
voice-heard-big = "{ $text }"
voice-heard-nothing = I heard nothing. Press Space and say it again.
voice-loading = Voice is still loading. Wait a moment and press Space again.
voice-stale = The screen changed while you were speaking. Say it again.
voice-said-right = Right! I heard those words.
voice-slower = Speech rate: slower.
voice-faster = Speech rate: faster.
voice-keys = Space — speak
voice-notice-label = Voice commands
voice-off-by-choice = Voice commands are switched off on this computer. Press the numbers.
voice-keys-loading = Space — voice (loading…)

doctor-voice-ready = Voice commands: ready (model { $model }, language { $lang }, libvosk and sound found)
doctor-voice-off = Voice commands: off — { $reason }

## Questions voice asks before acting (src/core/voice/question.rs, src/core/screens/voice.rs).

voice-which-amount-title = Which amount?
voice-which-amount-question = Did you say { $first } or { $second }?
voice-which-amount-why = Say its number, or the whole amount again.
voice-which-amount-neither = Neither
voice-did-you-say-title = Did you say "{ $text }"?
voice-did-you-say-why = I am not sure I heard you right. Please check.
voice-did-you-say-yes = Yes
voice-did-you-say-no = No, I will say it again
voice-say-again = All right. Say it again, or press a number.
voice-amount-rubles = { $rubles } { $count ->
        [one] rouble
       *[other] roubles
    }
voice-amount-kopecks = { $kopecks } { $kopecks ->
        [one] kopeck
       *[other] kopecks
    }
voice-amount-rubles-kopecks = { $rubles } { $count ->
        [one] rouble
       *[other] roubles
    } { $kopecks } { $kopecks ->
        [one] kopeck
       *[other] kopecks
    }
help-voice-which-amount = The amount I heard can be read two ways. Press 1 or 2 for the one you meant, or 3 to say it again.
help-voice-did-you-say = I am not sure I heard you right. Press 1 if that is what you said, or 2 to say it again.
