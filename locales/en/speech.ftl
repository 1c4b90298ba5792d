### Opora — speech (English): messages about the voice, and texts written for listening.
###
### A message `speech-<id>` replaces `<id>` when the screen is read aloud: amounts, dates and
### phone numbers already arrive as words; here is what sounds different from how it reads.
### Digits left in a text are said as words by the program.

## Texts for listening

speech-progress = Step { $step } of { $total }. { $name }
speech-prompt-choice = { $max ->
        [1] Press number one
       *[other] Press a number from one to { $max }
    }
speech-error-no-such-choice = There is no such number here. Press a number from one to { $max }.
speech-code-label = Four-digit code
speech-history-line = { $date }, { $who }, { $amount }
speech-history-range = { $total } { $total ->
        [one] operation
       *[other] operations
    } in all. On the screen, numbers { $first } to { $last }.
speech-line-fee-rule = Fee in percent: { $percent }, at most { $max }
speech-phone-entry-example = For example: eight, nine one two, three four five, six seven, eight nine
speech-error-phone-length = The number has { $digits } { $digits ->
        [one] digit
       *[other] digits
    }, but it needs eleven. Type the whole number, starting with eight.
speech-error-phone-empty = You have not typed a number yet. Type it in digits, starting with eight.
speech-error-phone-characters = A phone number can only have digits. Type it in digits, starting with eight.
speech-error-phone-not-russian = This is not a Russian number. It must start with plus seven or with eight.
speech-error-phone-not-mobile = This is not a mobile number. Mobile numbers start with eight nine.
speech-error-amount-not-number = An amount can only have digits and a comma or point. For example: three hundred. Or three hundred, point, fifty.
speech-error-amount-kopecks = At most two digits of kopecks after the point. For example: three hundred, point, fifty.
speech-trusted-person-what = Since the first of September twenty twenty-five you can name a trusted person.

## Voice

# The speaking rate changed (keys < and >); the screen is then read again.
speech-slower = Slower.
speech-faster = Faster.
speech-slowest = This is the slowest.
speech-fastest = This is the fastest.
# The voice turned itself off; shown as one line on the screen.
speech-off = The voice is off: { $reason }
speech-failed-no-program = the program { $program } was not found. Install it: sudo apt-get install espeak-ng
speech-failed-no-audio = this computer has no sound device
speech-failed-timeout = the speech service did not answer within { $seconds } s
speech-failed-engine = the speech synthesizer reported an error: { $detail }
speech-failed-no-voice = there is no voice for this language

## Computer check (opora doctor)

doctor-title = Computer check
doctor-terminal = Terminal: { $columns } × { $rows } characters
doctor-terminal-none = Terminal: none (output is not a screen)
doctor-speech-choice = Voice: { $choice }
doctor-speech-chosen = chosen: { $backend }
doctor-speech-off-chosen = the voice is off
doctor-espeak-found = espeak-ng: found ({ $version }), voices: { $voices }
doctor-espeak-missing = espeak-ng: not found. Install it: sudo apt-get install espeak-ng
doctor-audio-found = Sound: { $device }
doctor-audio-missing = Sound: no sound device (no /dev/snd, PulseAudio or PipeWire)
doctor-dispatcher-ok = speech-dispatcher: answers
doctor-dispatcher-failed = speech-dispatcher: not working — { $reason }
doctor-dispatcher-skipped = speech-dispatcher: not checked — { $reason }
