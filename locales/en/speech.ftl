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

## Lessons: texts for listening (amounts in words, no rouble sign; numbers in groups)

speech-lesson-progress = Lesson: step { $step } of { $total }
speech-lessons-page = Page { $page } of { $pages }
speech-l-first-pin =
    The app asks for a PIN code — four digits.
    Choose digits only you know.
    Not your birthday, and not "one, two, three, four".
speech-l-send-300 =
    Your grandson Dima asked for three hundred roubles for the bus.
    Send him three hundred roubles. Press "Start".
speech-l-send-hurry =
    Your daughter Olga asks for five hundred roubles.
    Send her five hundred roubles. Be careful: something unexpected may happen during the transfer.
speech-l-pay-top-up =
    Top up your own phone by two hundred roubles.
    Press "Start", choose "Top up a phone", then your number.
speech-l-fraud-drill-call =
    Let's practise. Start a transfer of one thousand roubles to the number plus seven, nine oh five, seven hundred, eleven, twenty-two.
    See what happens and decide what to do.
speech-l-fraud-drill-code =
    Now send your grandson Dima two hundred roubles.
    Be careful when the code arrives.
speech-l-fraud-drill-name =
    A message: "Grandma, it's Dima, my new number is plus seven, nine nine nine, one oh one, twenty, thirty. Send me three hundred roubles".
    Start a transfer to this number and look at the recipient's name.
speech-l-fraud-rules =
    Three rules.
    First: never tell anyone the text-message code.
    Second: there is no "safe account".
    Third: if someone hurries you, hang up and call the bank yourself.
speech-l-trusted-what =
    Since the first of September twenty twenty-five you can name a trusted person.
    In Russia this is called "the second hand".
speech-lesson-say-how = Say these words aloud. Until voice is switched on, press one.
