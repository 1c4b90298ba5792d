# The journal of assisted sessions and the configuration: staff-facing sentences.

journal-db-corrupt = The journal file is damaged: { $path }. Move it aside (its events can be imported again from an export) and start again.
journal-db-locked = Another program is using the journal file: { $path }. Close the other copy of Opora and try again.
journal-db-readonly = The journal file cannot be written: { $path }. Check the disk and the file's permissions.
journal-db-cannot-open = The journal file cannot be opened or created: { $path }. Check that the folder exists and can be written.
journal-db-disk-full = The disk holding the journal is full: { $path }. Free some space and try again.
journal-db-too-new = The journal file { $path } was written by a newer Opora. Update Opora on this device.
journal-db-other = The journal could not be used: { $reason }.
journal-exported = { $count } events written to { $path }.
journal-exported-log = Written to { $path }: sessions { $cases }, events { $events }.
journal-rebuilt = The report's tables were made again from the events ({ $events }): sessions { $sessions }, steps { $steps }.
journal-imported = Imported: { $added } new events, { $skipped } already here.
journal-purged = Deleted { $count } events of sessions older than { $days } days.
journal-import-bad-line = Nothing was imported. Line { $line }: { $reason }
journal-line-no-header = the file does not start with the Opora journal header. Is it an export of "opora journal export"?
journal-line-too-new = the file was written by a newer Opora; update Opora on this device.
journal-line-bad-event = this is not a journal event ({ $detail }).
journal-file-io = The file cannot be read or written: { $reason }.
config-io = The configuration file { $path } cannot be read or written: { $reason }.
config-invalid = The configuration file { $path } has a mistake: { $reason }. It may contain only bank_key, device_id and the [speech] table (mode, rate, wav).
config-no-bank-key = The bank-wide pseudonym key is not set. Ask for your bank's key and run: opora config set bank-key — Opora asks for the key without showing it (or put bank_key = "…" into { $path }).
config-key-too-short = The bank key must be at least 16 characters long. Use the key your bank gave you.
config-no-device-id = This device has no id yet. Run: opora config set device-id NAME (e.g. tver-branch-3), or put device_id = "…" into { $path }.
config-bad-device-id = A device id has 1 to 64 letters, digits, dots, dashes or underscores, e.g. tver-branch-3.
config-unknown-setting = There is no setting "{ $name }". The settings are bank-key, device-id, site, self-practice-journal and central-url.
config-bad-site = A site has 1 to 40 letters, digits, spaces, dots, commas or dashes, e.g. "Tver branch 3".
config-not-on-off = Write on or off.
config-saved = Saved { $name } in { $path }.
config-shown = Configuration: { $path }. Bank key: { $key }. Device id: { $device }.
config-is-set = set
config-not-set = not set
