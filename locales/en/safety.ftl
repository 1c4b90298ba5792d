# Safety: checking journal events, files and input. Sentences for staff and clients.

## Files Opora reads

file-problem = The file { $path } was not read: { $reason }.
file-reason-not-regular = it is not a regular file (a folder, a pipe or a device), and Opora reads regular files only
file-reason-too-big = it is larger than { $size }, too large for a file of this kind
file-size-kib = { $count } KB
file-size-mib = { $count } MB

## Checking journal events

journal-invalid = Field "{ $field }": { $reason }
journal-invalid-not-v7 = This is not a UUIDv7 id of the kind Opora writes.
journal-invalid-too-old = The event's time is before { $date }: Opora was not running that long ago.
journal-invalid-future = The event's time is after { $date }: check the clock of the device that wrote the journal.
journal-invalid-label = Use letters, digits, spaces, dots, commas, dashes, underscores and №, 1 to 40 characters, e.g. "st-12" or "Tver-3".
journal-invalid-code = Use Latin letters, digits, dashes and underscores, 1 to 16 characters, e.g. "A" or "spring-b".
journal-invalid-key = Use lower-case Latin letters, digits and dashes, 1 to 64 characters, e.g. "pay-bills".
journal-invalid-device = Use letters, digits, dots, dashes and underscores, 1 to 64 characters, e.g. "tver-branch-3".
journal-invalid-phone = This looks like a phone number (7 or more digits in a row). The journal holds no personal data: use a staff or branch code.
journal-invalid-card = This looks like a card number. The journal holds no personal data: use a staff or branch code.
journal-invalid-name = This looks like a person's name (two capitalised words, initials or a patronymic). The journal holds no personal data: use a staff code such as "st-12", and join a branch name with dashes, such as "Tver-Central".
journal-invalid-range = It must be a number from { $min } to { $max }.
journal-invalid-pseudonym = This is not a client pseudonym (32 hex digits). Names, phone numbers and client ids never go into the journal.
journal-invalid-choice = Allowed: { $allowed }.
journal-invalid-too-many = At most { $max }.
journal-event-refused = The event was not recorded in the journal. { $reason }
journal-line-invalid = the event did not pass the check. { $reason }
journal-line-conflict = the event { $id } is already in the journal with different content. This is not the same export: check where the file came from.
journal-line-too-long = the line is longer than { $size }; Opora's exports have no such lines.
journal-purge-too-far = "--older-than { $days }" is too far back: use 0 to { $max } days.

## Lessons

lesson-problem-bad-id = the lesson id "{ $lesson }" cannot be used: use lower-case Latin letters, digits and dashes, 1 to 64 characters, e.g. "send-safely"

## Files Opora writes

target-own-file = { $path } is one of Opora's own files (the journal, the practice bank, lesson progress or the settings); Opora never writes over it. Choose another file name.
target-no-folder = The folder { $folder } does not exist. Create it or choose another folder.
target-not-a-file = { $path } is not a regular file (a folder or a device). Give a file name.
target-exists = The file { $path } already exists and is outside Opora's folder. To replace it, add --force, or choose another name.
target-ask = The file { $path } already exists. Replace it? Type "yes" or "no":
target-declined = The file { $path } was left as it was; nothing was written.

## A bank's texts

locale-file-unreadable = The text file { $path } was not read: { $reason }. The built-in texts are used.
locale-file-incomplete = The text file { $path } lacks { $count } messages (e.g. "{ $example }"). The built-in texts are used for them.

## Confirmation code

error-code-expired = A wrong code was typed three times in a row, so this code no longer works.
phone-code-expired = This code no longer works.
code-expired-explain = A real bank does the same: after three wrong codes in a row the code stops working, so no one can guess it. No money was taken. Press 1 to get a new code.
code-new = Get a new code

## Settings and the bank key

config-key-weak = This key is too easy to guess (repeats or runs of characters, such as "aaaa" or "1234"). Use the key your bank gave you: random, at least 16 characters.
config-key-on-command-line = The bank key is never typed on the command line: other programs would see it and it would stay in the command history. Run opora config set bank-key without the key — Opora asks for it without showing it — or pass the key on standard input: opora config set bank-key < key-file
config-key-prompt = Type the bank key (it is not shown) and press Enter:
config-key-empty = No key was typed; nothing was changed.
config-exposed = Warning: other users of this computer can read the configuration file { $path } (mode { $mode }), and it holds the bank key. Run: chmod 600 { $path }
config-key-unusable = set, but it cannot be used: { $reason }
doctor-config-private = Configuration file { $path }: readable by its owner only.
doctor-data-exposed = Warning: other users can open the data folder { $path } (mode { $mode }). Run: chmod 700 { $path }
doctor-data-private = Data folder { $path }: its owner's alone.
input-failed = The input broke off: { $reason }.
assist-bad-variant = The variant "{ $variant }" cannot be used. { $reason }
assist-bad-lesson-goal = The goal "{ $key }" in --lesson cannot be used. { $reason }
