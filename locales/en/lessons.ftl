## Lessons: the list, the steps, the end of a lesson, fraud drills, warnings.
## Lesson texts follow, lesson by lesson (l-<lesson>-…). Written for a reader of 75: short
## sentences, no jargon, one action per step.

home-lessons = Lessons
lessons-title = Lessons
lessons-intro = Choose a lesson. The money here is for practice — mistakes are fine.
lessons-none = There are no lessons yet. Please call a staff member.
lessons-page = Page { $page } of { $pages }
lessons-continue = Continue: { $title }
lessons-item-done = { $title } (done)
lessons-item-staff = For staff: { $title }
lessons-more = More lessons
lessons-first = First lessons
help-lessons = Lessons on using the bank's app and on not being fooled by fraudsters. Press the lesson's number.
staff-lessons = Suggest a lesson that fits the client's goal. "Continue" opens a lesson where the client stopped.

lesson-title = Lesson
lesson-progress = Lesson: step { $step } of { $total }
lesson-next = Next
lesson-leave = Leave the lesson
lesson-begin = Start
lesson-skip = Skip this step
lesson-goal-met = Well done! You did everything right.
lesson-goal-not-yet = The task is not done yet. Press "Start" and try again.
lesson-drill-learned = Now you know what it looks like. In real life — stop.
lesson-quiz-wrong = { $why } Try again.
lesson-say-phrase = "{ $phrase }"
lesson-say-how = Press Space and say these words aloud. If voice is off, press 1.
lesson-said-it = I said it
help-lesson = This is a lesson. Read the text and press "Next". If there is a task, press "Start" and do it. Esc leaves the lesson; your place is kept.
staff-lesson = Let the client do the step alone. Help only if they are stuck.

lesson-end-title = Lesson complete!
lesson-end-recap = What we did:
lesson-end-hotline = The bank's number: { $hotline }. Call if anything is unclear.
lesson-write-reminder = Save a reminder to print
lesson-open-reminder = Open the reminder
lesson-to-list = Back to the lessons
lesson-reminder-saved = Reminder saved: { $path }
help-lesson-end = The lesson is over. The reminder can be printed and taken home.
staff-lesson-end = Print the reminder and give it to the client.
choice-lesson = Back to the lesson

## The reminder (a file to print)
reminder-subtitle = Reminder of { $date }
reminder-steps = What we did
reminder-hotline = The bank's number
reminder-hotline-note = Call it yourself, using the number on the back of your card. The bank never asks for a text-message code.
reminder-rules = Three rules against fraudsters
reminder-rule-1 = Never tell anyone a text-message code, your PIN or your card details. Not even "the bank".
reminder-rule-2 = There is no such thing as a "safe account". If someone asks you to move money, hang up.
reminder-rule-3 = Take your time. If someone hurries you, it is a fraud. Call your family or the bank.
reminder-footer = Opora — practice mode. The money in the lessons was not real.
reminder-no-lessons = No reminder: this kiosk does not know the lessons of this session.
reminder-title-session = What we learned today
reminder-failed = The reminder could not be saved: { $reason }. Please call a staff member.
reminder-cannot-open = The reminder could not be opened: { $reason }. The file is here: { $path }.

## Fraud drills
drill-title = Attention
drill-result-title = Result
drill-result-stopped-title = Well done!
drill-result-continued-title = Stop!
drill-praise = You stopped — that is exactly right. Your money is safe.
drill-gentle-stop = Don't worry, this was practice. But in real life this is where to stop.
drill-nothing-moved = The practice transfer was cancelled; no money moved.
help-drill = This is a practice situation: this is how fraudsters act. Decide what to do: stop or go on.
staff-drill = A practice alarm. Don't give hints: see whether the client stops alone.
help-drill-result = What happened here and what to do in real life.
staff-drill-result = Talk with the client about the signs of a fraud.

drill-safe-account-title = A call from "the bank"
drill-safe-account-caller = "Bank security service"
drill-safe-account-call = Someone is stealing money from your card! Move it to a safe account now.
drill-safe-account-text = During the transfer the phone rings. The voice says it is the bank and tells you to move your money to a "safe account".
drill-safe-account-stop = Hang up and stop the transfer
drill-safe-account-go = Do as they say
drill-safe-account-lesson =
    The bank never calls to ask you to move money.
    There is no such thing as a "safe account". Hang up and call the bank yourself.

drill-hurry-title = Someone is hurrying you
drill-hurry-text = A message arrives: "Mum, quick! Send it right now, I'll explain later. Don't call me!"
drill-hurry-stop = Stop and call my daughter
drill-hurry-go = Send it faster
drill-hurry-lesson =
    Hurry is the main sign of a fraud.
    Call your family on the number you know and ask them yourself.

drill-code-request-title = Someone asks for the code
drill-code-request-caller = "Bank employee"
drill-code-request-call = Read me the code from the text message so we can cancel a suspicious payment.
drill-code-request-text = The confirmation code has arrived. At once "a bank employee" calls and asks you to read it out.
drill-code-request-stop = Don't say the code, hang up
drill-code-request-go = Read out the code
drill-code-request-lesson =
    The code is your signature. Nobody knows it and nobody asks for it, not even the bank.
    Whoever asks for the code is a fraudster.

drill-payee-mismatch-title = The name does not match
drill-payee-mismatch-text = Before a transfer the bank shows who will get the money. Compare the name with the person you meant.
drill-payee-expected = You meant to send to: { $name }
drill-payee-shown = The bank shows the recipient: { $name }
drill-payee-mismatch-stop = Stop and check the number
drill-payee-mismatch-go = Send anyway
drill-payee-mismatch-lesson =
    If the recipient's name does not match, do not send.
    Call the person on their old number and check.
cop-match = The name matches.
cop-close = The name is similar but does not match. Check it.
cop-no-match = The name does not match! This is someone else.

## The real warning before a transfer
warning-title = Check this transfer
warning-new-payee = This number is not one of your saved people. You are sending to someone new.
warning-big-amount = This is more than half the money on the card (the card has { $balance }).
warning-advice = If someone is calling you, hurrying you or asking you to transfer — stop and call the bank.
warning-cancel = Cancel the transfer
warning-go-on = Continue anyway
help-warning = This is a warning. Cancelling is safe. Continue only if you are sure.
staff-warning = A risk warning: a new recipient or a large amount.
notice-note = Note

## Checking lesson files (opora lessons check)
lesson-problem = { $file }, line { $line }: { $reason }
lesson-problem-syntax = cannot be read as TOML: { $reason }
lesson-problem-cannot-read = the file cannot be read: { $reason }
lesson-problem-unknown-kind = unknown step kind "{ $kind }" (allowed: explain, do, quiz, say)
lesson-problem-missing-message = no text "{ $id }" in language { $lang }
lesson-problem-unknown-operation = unknown operation "{ $operation }" (allowed: send, pay-bill, top-up, own-transfer, block-card, open with screen = balance, history or help)
lesson-problem-unknown-payee = the practice bank has no payee "{ $payee }"
lesson-problem-unknown-bill = the practice bank has no bill "{ $bill }"
lesson-problem-unknown-drill = unknown drill "{ $drill }" (allowed: safe-account, payee-mismatch, hurry, code-request)
lesson-problem-unknown-audience = unknown audience "{ $audience }" (allowed: clients, staff)
lesson-problem-unknown-variant = variant "{ $variant }" is not declared in variants
lesson-problem-bad-amount = the amount "{ $amount }" is not written correctly
lesson-problem-bad-phone = the number "{ $phone }" is not written correctly
lesson-problem-duplicate-step = step "{ $step }" already exists in this lesson
lesson-problem-duplicate-lesson = lesson "{ $lesson }" already exists
lesson-problem-missing = the field "{ $field }" is missing
lesson-problem-not-for-kind = the field "{ $field }" does not belong to a step of kind "{ $kind }"
lesson-problem-no-safe-answer = the question has no safe answer (safe = true)
lesson-problem-too-many-answers = { $count } answers; at most { $max } are allowed
lesson-problem-no-steps = the lesson has no steps
lesson-problem-drill-without-transfer = a drill can only happen in a money transfer
lessons-check-ok = Lessons checked: { $count }. No problems.
lessons-check-failed = Problems found: { $count }.
lessons-list-line = { $id } — { $title } ({ $steps } steps)

## Lesson 1. First steps
l-first-title = First steps
l-first-summary = What the bank's app is, and the PIN code.
l-first-welcome =
    Hello! This is practice mode.
    The money here is not real. Mistakes are fine.
l-first-app =
    The bank's app is your bank in your phone.
    It shows how much money is on your card.
    You can pay and send money without leaving home.
l-first-pin =
    The app asks for a PIN code — four digits.
    Choose digits only you know.
    Not your birthday, and not "1234".
l-first-pin-short =
    The PIN code is the key to your bank.
    Only you know it. Nobody else.
l-first-pin-quiz = Who may you tell your PIN code?
l-first-pin-quiz-nobody = Nobody
l-first-pin-quiz-nobody-why = Right. Only you know your PIN code.
l-first-pin-quiz-bank = A bank employee on the phone
l-first-pin-quiz-bank-why = No. The bank never asks for your PIN code.
l-first-pin-quiz-grandson = My grandson, if he asks in a message
l-first-pin-quiz-grandson-why = No. A fraudster may have written the message in his name.
l-first-balance =
    Let's see how much money is on the card.
    Press "Start". The balance opens.
    Then press Esc to come back to the lesson.
l-first-exit =
    When you are done, close the app.
    Don't leave your phone with the app open unattended.
l-first-recap-1 = The bank's app is the bank in your phone.
l-first-recap-2 = Never tell anyone your PIN code.
l-first-recap-3 = The balance is the first choice on the home screen.

## Lesson 2. Sending money safely
l-send-title = Sending money safely
l-send-summary = How to send money to your family without mistakes.
l-send-intro =
    A transfer leaves at once.
    Getting the money back later is very hard.
    So we check everything before sending.
l-send-check =
    Before a transfer the app shows: to whom, how much, and the bank's fee.
    Check the recipient's name and the amount.
l-send-300 =
    Your grandson Dima asked for 300 roubles for the bus.
    Send him 300 ₽. Press "Start".
l-send-code-quiz = A text message with a code arrives. Someone calls and asks for the code. What do you do?
l-send-code-quiz-hang-up = Hang up and tell the code to nobody
l-send-code-quiz-hang-up-why = Right. The code is your signature. Nobody asks for it.
l-send-code-quiz-tell = Tell the code if the bank is calling
l-send-code-quiz-tell-why = No. The bank never asks for the code. Fraudsters say they are the bank.
l-send-code-quiz-half = Tell only the first digits
l-send-code-quiz-half-why = No. Not even part of the code.
l-send-hurry =
    Your daughter Olga asks for 500 roubles.
    Send her 500 ₽. Be careful: something unexpected may happen during the transfer.
l-send-remember =
    Remember: check the name and the amount.
    Never tell anyone the text-message code.
    If someone hurries you — stop.
l-send-recap-1 = Before sending, check the name and the amount.
l-send-recap-2 = Never tell anyone the text-message code.
l-send-recap-3 = If someone hurries you, stop and call your family.

## Lesson 3. Paying bills and the phone
l-pay-title = Paying bills and the phone
l-pay-summary = How to pay for electricity and top up a phone.
l-pay-intro =
    Electricity, water and phone bills can be paid in the app.
    No trip to the post office, no queue.
l-pay-electricity =
    Pay for electricity.
    Press "Start", choose electricity and pay the amount due.
l-pay-top-up-intro =
    You can top up a phone in the app too.
    The money reaches the number at once.
l-pay-top-up =
    Top up your own phone by 200 ₽.
    Press "Start", choose "Top up a phone", then your number.
l-pay-link-quiz = A text message: "You owe money for electricity. Pay by this link." What do you do?
l-pay-link-quiz-check = Don't open the link; check the bill in the app
l-pay-link-quiz-check-why = Right. Real bills are shown in the bank's app.
l-pay-link-quiz-pay = Pay by the link before the power is cut
l-pay-link-quiz-pay-why = No. The link may lead to a fraudsters' site.
l-pay-done =
    Done! You paid for electricity and topped up your phone.
    Every payment is in the history.
l-pay-recap-1 = Pay bills in the app: "Pay".
l-pay-recap-2 = Top up your phone in the same place.
l-pay-recap-3 = Never pay by a link from a text message.

## Lesson 4. A lost card
l-lost-title = A lost card
l-lost-summary = What to do if your card is lost or stolen.
l-lost-intro =
    Card lost or stolen? Don't worry.
    Block it at once. The money stays in your account.
l-lost-where =
    "Block card" is right on the home screen.
    You can also call the bank. The number is in "Help".
l-lost-find-help =
    Find "Help".
    Press "Start" — help opens with the bank's number.
    Then press Esc to come back to the lesson.
l-lost-found-quiz = You blocked the card and found it an hour later. What do you do?
l-lost-found-quiz-call = Call the bank or go to a branch
l-lost-found-quiz-call-why = Right. The bank will unblock the card or issue a new one.
l-lost-found-quiz-wait = Nothing; the card will start working again
l-lost-found-quiz-wait-why = No. A blocked card does not unblock itself.
l-lost-found-quiz-stranger = Tell the card number to whoever calls
l-lost-found-quiz-stranger-why = No. Never tell anyone your card number or codes.
l-lost-block =
    Now block the practice card.
    Press "Start" and confirm blocking.
l-lost-after =
    The card is blocked; the money is safe.
    In practice mode a staff member unblocks the card afterwards.
l-lost-recap-1 = Card lost — block it at once: "Block card" on the home screen.
l-lost-recap-2 = The money in the account stays safe.
l-lost-recap-3 = Found the card — call the bank yourself.

## Lesson 5. A fraud call
l-fraud-title = A fraud call
l-fraud-summary = How to recognise a fraud on the phone and what to do.
l-fraud-intro =
    Fraudsters call and say: "This is the bank's security service".
    The voice is polite and confident. The number may look like the bank's.
l-fraud-safe-account =
    They ask you to move your money to a "safe account".
    There is no such account. It is a fraud.
l-fraud-call-quiz = A call: "Someone is stealing from your card, move the money to a safe account". What do you do?
l-fraud-call-quiz-hang-up = Hang up and call the bank myself
l-fraud-call-quiz-hang-up-why = Right. Call the number on the back of your card.
l-fraud-call-quiz-obey = Move the money as they say
l-fraud-call-quiz-obey-why = No. The money would go to the fraudsters.
l-fraud-call-quiz-card = Tell them the card number so they can check
l-fraud-call-quiz-card-why = No. The bank knows your card already. Only fraudsters ask for it.
l-fraud-drill-call =
    Let's practise. Start a transfer of 1000 ₽ to the number +7 905 700-11-22.
    See what happens and decide what to do.
l-fraud-drill-code =
    Now send your grandson Dima 200 ₽.
    Be careful when the code arrives.
l-fraud-drill-name =
    A message: "Grandma, it's Dima, my new number is +7 999 101-20-30. Send me 300 roubles".
    Start a transfer to this number and look at the recipient's name.
l-fraud-drill-name-expected = Dima (grandson)
l-fraud-rules =
    Three rules:
    1. Never tell anyone the text-message code.
    2. There is no "safe account".
    3. If someone hurries you, hang up and call the bank yourself.
l-fraud-recap-1 = "The bank's security service" on the phone is a fraudster.
l-fraud-recap-2 = Never tell anyone the text-message code.
l-fraud-recap-3 = If the recipient's name does not match, don't send.

## Lesson 6. A trusted person
l-trusted-title = A trusted person
l-trusted-summary = How to name someone who approves your transfers.
l-trusted-what =
    Since 1 September 2025 you can name a trusted person.
    In Russia this is called "the second hand".
l-trusted-how =
    When you send money, your trusted person gets a message.
    They can approve the transfer or decline it.
    This makes it harder for fraudsters to fool you.
l-trusted-where =
    You can name a trusted person at a branch or in the app.
    More about it is in "Help".
l-trusted-find =
    Find "Help".
    Press "Start", then Esc to come back to the lesson.
l-trusted-who-quiz = Who is best as your trusted person?
l-trusted-who-quiz-family = Someone close whom I trust
l-trusted-who-quiz-family-why = Right. For example your son, daughter or grandchild.
l-trusted-who-quiz-caller = Whoever called and offered help
l-trusted-who-quiz-caller-why = No. A stranger on the phone may be a fraudster.
l-trusted-change =
    You can change your trusted person or cancel at any time.
    Only you decide.
l-trusted-recap-1 = A trusted person approves or declines your transfers.
l-trusted-recap-2 = Name one at a branch or in the app.
l-trusted-recap-3 = Choose only someone close to you.

## Lesson 7. Talking to Opora
l-voice-title = Talking to Opora
l-voice-summary = Which words the assistant understands.
l-voice-intro =
    You can talk to Opora.
    Press Space and say what you need. For example: "balance".
l-voice-say-balance = To hear how much money is on the card, say:
l-voice-phrase-balance = Balance
l-voice-say-back = To go one step back, say:
l-voice-phrase-back = Back
l-voice-say-repeat = To hear the screen again, say:
l-voice-phrase-repeat = Repeat
l-voice-safety =
    Money never moves by voice alone.
    A transfer is always confirmed with a key.
l-voice-recap-1 = Press Space and say what you need.
l-voice-recap-2 = "Back", "Repeat", "Help" work everywhere.
l-voice-recap-3 = Confirm a transfer only with a key.

## A lesson for staff. How to run a session
l-staff-title = How to run a session
l-staff-summary = For staff: consent, plain words, an honest record.
l-staff-consent =
    A session starts with consent.
    Ask the client aloud. Without consent only the refusal is recorded.
l-staff-words =
    Speak plainly. Not "authorisation" but "signing in". Not "the application" but "the bank in your phone".
    One action at a time. Wait for the client to press the key.
l-staff-hands-quiz = The client asks: "Do it for me". What do you say?
l-staff-hands-quiz-together = "Let's do it together: I'll explain, you press"
l-staff-hands-quiz-together-why = Right. The aim of the session is that the client can do it alone.
l-staff-hands-quiz-do-it = "Of course, give me your phone"
l-staff-hands-quiz-do-it-why = No. The client learns nothing, and someone else's hands in their phone is a bad example.
l-staff-fraud =
    Talk about fraud plainly: "The bank never calls and never asks for a code. Whoever asks is a fraudster".
    Show the lesson "A fraud call" — everything can be tried there.
l-staff-outcome-quiz = The client sent the money, but you gave one hint. What do you record?
l-staff-outcome-quiz-helped = "With help"
l-staff-outcome-quiz-helped-why = Right. A hint is help. An honest record shows the bank who needs support.
l-staff-outcome-quiz-alone = "Alone"
l-staff-outcome-quiz-alone-why = No. "Alone" means without a single hint, in the "now do it alone" check.
l-staff-end =
    At the end comes the "now do it alone" check, without hints.
    Then the client's rating and the reminder to take home.
l-staff-recap-1 = Consent first, aloud.
l-staff-recap-2 = The client presses; you explain in plain words.
l-staff-recap-3 = Record honestly: a hint means "with help".
