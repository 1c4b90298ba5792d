## Voice input: what is heard and shown when the client speaks (src/voice, src/core/screens/voice.rs).

# Why a phrase did nothing — and what to do instead.
voice-reject-not-understood = I did not understand. Say, for example, "balance" or "back".
voice-reject-not-on-this-screen = That is not on this screen. Say a number or "back".
voice-reject-no-such-choice = There is no choice { $number } here. The choices are 1 to { $max }.
voice-reject-key-only = Voice cannot confirm this. Check everything and press the key.
voice-reject-code-by-keys = The code is never said aloud. Type it on the keyboard.
voice-reject-bad-amount = I did not catch the amount. Say, for example, "five hundred roubles".
voice-reject-amount-zero = The amount must be more than zero.
voice-reject-amount-too-big = That amount is too large.
voice-reject-ambiguous = I heard more than one command. Say just one.
voice-reject-need-payee = Say who to send it to, for example "five hundred roubles to my daughter".
voice-reject-phone-first = Say the phone number first, then the amount.
voice-reject-not-the-phrase = Those were other words. Try saying: "{ $phrase }".
