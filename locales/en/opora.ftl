### Opora — practice kiosk texts (English).
### Short sentences, no jargon, one action per screen.

## Common

practice-band = PRACTICE MODE — not real money
loading = Loading…
money = ₽{ $amount }
progress = Step { $step } of { $total } · { $name }
step-target = Who or what
step-amount = Amount
step-check = Check
step-code = Code from SMS
prompt-choice = Press a number from 1 to { $max }
prompt-field = Type and press Enter
keys = Esc — back · ? — hint · r — repeat · + and − — text size
keys-home = 0 — quit · ? — hint · r — repeat · + and − — text size
staff-line = Staff: { $hint }
spoken-choice = { $number } — { $label }
choice-home = Home
choice-back = Back
notice-error = Error
notice-warning = Attention
notice-success = Done
notice-info = Please wait

## Home

home-title = Hello!
home-question = { $name }, what would you like to do?
home-journal-note = Practice steps are recorded without your name, so the bank can make its help better.
home-balance = Balance
home-balance-history = Balance and history
home-send = Send money
home-pay = Pay a bill or phone
home-history = History
home-block = Block card
home-help = Help

## Balance

balance-title = Balance
balance-card = { $name } •• { $last }
balance-card-blocked = The card is blocked. The money on it is safe.
balance-savings = { $name }: { $amount }
account-balance = { $name }: { $amount }

## Send money

send-who-title = Who to send to?
send-by-phone = By phone number
send-own = Between my accounts
own-direction-title = Where to move it?
own-card-to-savings = From card to savings
own-savings-to-card = From savings to card
payee-name = { $name } ({ $relation })
relation-daughter = daughter
relation-son = son
relation-granddaughter = granddaughter
relation-grandson = grandson
relation-neighbour = neighbour
relation-friend = friend
relation-other = acquaintance
phone-entry-title = Phone number
phone-entry-title-topup = Which number to top up?
phone-entry-example = For example: 8 912 345-67-89
phone-entry-label = Number
target-phone-named = { $name }, { $phone }
target-bill = { $bill }, { $provider }
target-topup = Phone { $phone }

## Pay

pay-what-title = What to pay?
pay-topup = Top up a phone
bill-choice = { $bill } — { $amount }
bill-choice-paid = { $bill } — paid
bill-kind-electricity = Electricity
bill-kind-water = Water
bill-kind-gas = Gas
bill-kind-heating = Heating
bill-kind-mobile-phone = Mobile phone
bill-kind-internet = Internet
bill-amount-title = Bill
bill-provider = { $provider }, account { $account }
bill-already-paid = This bill is already paid.
bill-pay-due = Pay { $amount }
bill-other-amount = Another amount
topup-whose-title = Which phone to top up?
topup-own = My number { $phone }
topup-other = Another number

## Amount

amount-entry-title = How much to send?
amount-entry-title-bill = How much to pay?
amount-entry-title-topup = How much to top up?
amount-entry-label = Amount
amount-entry-suffix = { " " }₽
line-to = Recipient: { $who }
line-to-caption = Recipient:
line-available = Available: { $amount } ({ $name })
line-phone-free-left = You can still send { $amount } this month without a fee.

## Check

check-title = Please check
check-confirm = All correct, continue
check-change = Change the amount
check-cancel = Cancel
line-fee = Fee: { $amount }
line-fee-free = Fee: none, it is free
line-fee-rule = Fee { $percent } %, at most { $max }
line-from = From: { $name }
line-total = Total to be taken: { $amount }
line-balance-after = Left after: { $amount }

## Confirmation code

code-title = SMS code
phone-caption = Your phone
phone-sender = Practice Bank
phone-code-message = Code { $code }. Payment { $amount }, recipient: { $who }. Never tell anyone this code.
phone-code-waiting = The message with the code will arrive here.
code-lesson = Never tell anyone this code. Not even bank staff. The bank never asks for the code.
code-label = 4-digit code
code-pending = Working on it. Please wait.

## Done

done-title = Done
done-title-transfer = Money sent
done-title-own = Money moved
done-title-bill = Bill paid
done-title-topup = Phone topped up
line-balance-now = Balance now: { $amount } ({ $name })
done-already = This operation was already done. The money was not taken twice.

## History

history-title = History
history-range = Operations { $first } to { $last }. { $total } { $total ->
        [one] operation
       *[other] operations
    } in all.
history-empty = No operations yet.
history-line = { $date } · { $who } · { $amount }
history-older = Earlier
history-newer = Later
history-back = Back to the list
history-item-title = Operation
history-date = Date: { $date }
history-account = Account: { $name }
history-kind-pension = Pension
history-kind-purchase = Purchase
history-kind-transfer-out = Transfer
history-kind-transfer-in = Money received
history-kind-bill = Bill payment
history-kind-top-up = Phone top-up
history-kind-own-transfer = Between my accounts
history-kind-interest = Interest
history-kind-cash-withdrawal = Cash withdrawal
history-kind-fee = Fee

## Block card

block-confirm-title = Block the card?
block-confirm-what = Nobody will be able to pay with the card. The money stays in the account.
block-confirm-unblock = Only bank staff can unblock the card.
block-yes = Yes, block it
block-no = No, go back
block-done-title = Card blocked
block-done-money-safe = The money in the account is safe.
block-done-next = Bank staff will order a new card. If the card was stolen, call the bank:
block-already-title = The card is already blocked
card-blocked-title = The card is blocked

## Help

help-title = Help
help-hotline-note = The bank's phone. Free of charge, day and night.
help-hotline-safety = Call it yourself. If someone calls you, hang up and dial this number.
help-choice-staff = Call a staff member
help-choice-trusted = Trusted person
call-staff-title = Help is coming
call-staff-text = Please stay at the screen. A member of staff will come and help you.
trusted-person-title = Trusted person
trusted-person-what = Since 1 September 2025 you can name a trusted person.
trusted-person-how = This is someone close to you. They approve or decline your transfers.
trusted-person-where = You can name a trusted person in the bank's app or at a branch.
screen-help-title = Hint
screen-help-ok = Got it, go back
help-keys = A number chooses. Esc goes back. r repeats aloud. The less-than and greater-than keys (< and >) make the voice slower or faster. Plus and minus change the text size.

## Hints for each screen (the ? key)

help-home = This is the home screen. Press the number of what you want. For example, 1 is the balance and the history, 5 the lessons. Lost your card? Press 4. To quit, press 0.
help-balance = This shows how much money is on your card. Your savings are below. Number 2 shows the history.
help-send-who = Choose who gets the money. Numbers 1 to 3 are your family and friends. You can also send by phone number.
help-own-direction = Choose where to move the money from and to. Both are your own accounts.
help-pay-what = Choose a bill. The amount to pay is next to it.
help-topup-whose = Choose whose phone to top up: yours or another one.
help-phone-entry = Type the number in digits. You can start with 8 or 7. Backspace deletes a digit.
help-bill-amount = Press 1 to pay the whole amount. Or 2 to type another amount.
help-amount-entry = Type the amount in digits. Kopecks go after a comma or a point. Backspace deletes a digit.
help-check = Check the recipient, the amount and the fee. If all is correct, press 1.
help-code = The code came to the phone on the screen. Type it and press Enter. Never tell anyone this code.
help-done = It is done. Press 1 to go back to the home screen.
help-history = These are your latest operations. Choose one to see the details.
help-history-item = This is one operation. Plus means money came in, minus means it went out.
help-block-confirm = Block the card if it was lost or stolen. Press 1 to block it.
help-block-done = The card is blocked. Nobody can pay with it.
help-block-already = The card is already blocked. Bank staff can unblock it.
help-card-blocked = The card is blocked, so you cannot pay with it. Please ask bank staff.
help-help = This is the bank's phone number. You can also call a staff member.
help-call-staff = A member of bank staff will come to you.
help-trusted-person = A trusted person helps protect your money from fraudsters.
help-screen-help = This is a hint. Press 1 or Esc to go back.

## Hints for staff

staff-home = Let the client press the number. Start with 1, the balance.
staff-balance = Ask where the client sees the amount. Number 1 sends money, number 2 shows the history.
staff-send-who = Explain: saved recipients are free of charge.
staff-phone-entry = The number may start with 8. The program explains any mistake itself.
staff-amount-entry = Suggest a small amount, for example 300 roubles.
staff-check = Ask the client to read the recipient and the amount aloud.
staff-code = The key lesson: never tell the code to anyone, not even to you.
staff-done = Praise the client. Ask if they could do it again alone.
staff-block-confirm = Blocking takes two keys from home. To unblock: opora sandbox unblock-card.
staff-card-blocked = To unblock the practice card: opora sandbox unblock-card.
staff-history = Show how to tell money in (plus) from money out (minus).

## Input errors

error-no-such-choice = There is no such number here. Press a number from 1 to { $max }.
error-amount-empty = You have not typed an amount yet. Type it in digits, for example 300.
error-amount-negative = The amount cannot have a minus sign. Type it in digits, for example 300.
error-amount-zero = The amount cannot be zero. Type how much to send, for example 300.
error-amount-not-number = An amount can only have digits and a comma or point. For example: 300 or 300.50.
error-amount-too-long = The number is too long. Check the amount and type it again.
error-amount-kopecks = At most two digits of kopecks after the point. For example: 300.50.
error-phone-empty = You have not typed a number yet. Type it in digits, for example 8 912 345-67-89.
error-phone-characters = A phone number can only have digits. For example: 8 912 345-67-89.
error-phone-length = The number has { $digits } { $digits ->
        [one] digit
       *[other] digits
    }, but it needs 11. For example: 8 912 345-67-89.
error-phone-not-russian = This is not a Russian number. It must start with +7 or 8.
error-phone-not-mobile = This is not a mobile number. Mobile numbers start with 8 9.
error-unknown-phone = The number { $phone } does not belong to a client of the bank. Please check it.
error-card-blocked = The card is blocked, so you cannot pay with it. Please ask bank staff.
error-insufficient = Not enough money. { $available } is available. Type a smaller amount.
error-above-limit = That is over the limit. At most { $limit } at a time.
error-below-minimum = The amount is too small. It must be at least { $minimum }.
error-bill-paid = This bill is already paid. There is no need to pay it again.
error-same-account = You cannot move money to the same account.
error-unknown = Something went wrong. Go back to the home screen and try again.
error-wrong-code = The code does not match. Look at the message on the phone and type the 4 digits again.
error-code-not-yet = The code has not arrived yet. Please wait a moment.

## File errors

error-db-corrupt = The practice bank file is damaged: { $path }. Ask staff to run: opora sandbox reset.
error-db-locked = Another program is using the practice bank file: { $path }. Close the other copy of Opora and start again.
error-db-readonly = The practice bank file cannot be changed: { $path }. Ask staff to allow writing or to set another folder (OPORA_HOME).
error-db-cannot-open = The practice bank file could not be opened: { $path }. Check that the folder exists and can be written to.
error-db-disk-full = There is no space left on the disk for the practice bank file: { $path }. Free some space and start again.
error-db-too-new = The practice bank file was made by a newer Opora: { $path }. Please update Opora.
error-db-other = The practice bank is not working: { $reason }. Please ask staff for help.
locale-file-missing = A text file is missing: { $path }. The built-in texts are used.
locale-file-broken = There is an error in the text file { $path }, line { $line }: { $reason }. The built-in texts are used.

## Terminal and commands

terminal-too-small = The window is too small: please stretch it to at least { $needcols } × { $needrows } (now { $cols } × { $rows }).
text-more-below = ↓ The text goes on: PgDn for more
text-more-above = ↑ End of the text: PgUp to go back
terminal-failed = The terminal screen could not be opened: { $reason }. Try the plain mode: opora --plain.
sandbox-reset-done = The practice bank is restored: { $path }.
sandbox-unblock-done = The practice card is unblocked.
plain-unknown-command = I did not understand "{ $input }". Type a number, "back" or "?".
plain-bye = Goodbye!
