### The kiosk: the question before leaving, the staff menu and what the service keys did (English).

## Leaving (0 on the home screen)

quit-confirm-title = Leave Opora?
quit-confirm-text = If you pressed 0 by accident, press 2 and everything stays as it was.
quit-yes = Yes, leave
quit-no = No, stay
help-quit-confirm = Opora asks whether you really want to leave. Press 2 to stay, or 1 to leave.
staff-quit-confirm = 1 leaves. On a kiosk Opora starts again by itself.
