### The kiosk: the question before leaving, the staff menu and what the service keys did (English).

## Leaving (0 on the home screen)

quit-confirm-title = Leave Opora?
quit-confirm-text = If you pressed 0 by accident, press 2 and everything stays as it was.
quit-yes = Yes, leave
quit-no = No, stay
help-quit-confirm = Opora asks whether you really want to leave. Press 2 to stay, or 1 to leave.
staff-quit-confirm = 1 leaves. On a kiosk Opora starts again by itself.

## A blocked card and the staff menu (F9)

home-card-blocked = The card is blocked: what to do
home-card-blocked-note = The card •• { $last } is blocked.
lesson-card-unblocked = The practice card works again: the lesson blocked it for practice.
staff-block-already = To unblock the practice card: F9, then 1.
kiosk-staff-title = For staff
kiosk-staff-unblock = Unblock the practice card
kiosk-staff-card-blocked = The practice card is blocked.
kiosk-staff-card-works = The practice card works.
help-kiosk-staff = The staff menu: F9 opens and closes it. The client does not need it.

## A cancelled operation

cancelled = { $flow ->
        [pay] Payment cancelled. No money has left the card.
        [topup] Top-up cancelled. No money has left the card.
        [own] Transfer cancelled. The money stays where it was.
       *[send] Transfer cancelled. No money has left the card.
    }

## The confirmation code

error-code-digits = The code is 4 digits. No letters and no more digits.

## A reminder nothing here can show

reminder-not-opened = This computer has nothing to open the reminder with. It is saved as { $path }; a staff member can print it.

## What the service keys did

text-size-now = Text size: { $size } of { $of }{ $limit ->
        [largest] {" "}— the largest.
        [smallest] {" "}— the smallest.
       *[no] .
    }
sound-off-here = Sound is off on this computer: the screen is not read aloud.
