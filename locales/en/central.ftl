# The bank-wide journal on PostgreSQL (opora central, journal push, config set central-url):
# staff- and administrator-facing sentences.

central-not-set = No central database is set. Run: opora config set central-url postgresql://USER@HOST:5432/DB?sslmode=verify-full
central-url-invalid = The central database address is not valid: { $reason }.
central-url-not-postgres = it must start with postgresql://
central-url-password = it holds a password, which never belongs there: put the password in PGPASSWORD or in the password file (~/.pgpass, private to its owner)
central-url-bad-escape = a %-escape in it is broken
central-url-bad-port = port "{ $port }" is not a number from 1 to 65535
central-url-bad-sslmode = sslmode "{ $mode }" is not one of disable, prefer, require, verify-ca, verify-full
central-url-bad-timeout = connect_timeout "{ $value }" is not a number of seconds
central-url-unknown-parameter = there is no parameter "{ $name }" (Opora reads sslmode, sslrootcert, connect_timeout, application_name, passfile, host, port, dbname, user)
central-url-no-host = it names no server
central-url-too-long = it is too long
central-unreachable = The central database at { $server } cannot be reached ({ $reason }). Nothing was lost: the events stay on this device; push again when the network is back.
central-no-password = The central database asks for a password for { $user }, and none is set. Put it in PGPASSWORD or in the password file ~/.pgpass (never on the command line).
central-passfile-exposed = The password file { $path } can be read by other users, so it is not used. Make it private: chmod 600 { $path }
central-auth-failed = The central database refused user { $user }: the password is wrong or there is no such user. Check PGPASSWORD or the password file ~/.pgpass.
central-no-database = The central server has no database "{ $db }". Check the name at the end of the central address.
central-tls-unavailable = The central server does not offer an encrypted connection, and the address asks for one (sslmode). Ask its administrator to turn TLS on.
central-untrusted = The central server's certificate is not trusted ({ $reason }). Point sslrootcert in the central address at your bank's certificate, e.g. ?sslmode=verify-full&sslrootcert=/etc/opora/bank-ca.pem
central-no-root-cert = The central address asks to check the server's certificate, but no trusted certificate is set. Add sslrootcert=/path/to/bank-ca.pem to the address.
central-bad-root-cert = The trusted certificate file { $path } cannot be used ({ $reason }). It must be a PEM file with the bank's certificate.
central-not-initialized = The central database has no Opora schema yet. Its administrator runs once: opora central init
central-schema-too-new = The central database's schema is version { $version }, newer than this Opora knows ({ $known }). Update Opora on this device.
central-schema-too-old = The central database's schema is version { $version }; this needs version { $needed }. Its administrator runs: opora central init
central-denied = User { $user } may not do this on the central database ({ $reason }). Devices log in with a member of opora_device, analysts with a member of opora_analyst (see docs/central.md).
central-dropped = The connection to the central database was lost ({ $reason }). Nothing was lost or sent twice: push again.
central-server-error = The central database answered with an error: { $reason } ({ $code }).

central-initialized = The central schema is at version { $to } (it was at { $from }) on { $server }. Give devices and analysts their roles with the statements below (run them as a role that may create roles):
central-up-to-date = The central schema on { $server } is already at version { $to }. The roles' statements, for reference:

push-nothing = Nothing to send: the central database ({ $server }) has every event of this device ({ $total } in all).
push-done = Sent { $sent } events to the central database ({ $server }); { $new } were new there. { $total } acknowledged in all.
push-from-start = The central database is new to this device (or the last push mark is gone): everything is sent; events it already has are skipped.
push-progress = Sent { $sent } of { $pending } events…
push-background-log = Background push after the session: { $result }

config-central = Central database: { $url }. Password: { $password }.
config-central-not-set = Central database: not set.
config-password-env = from PGPASSWORD
config-password-file = from { $path }
config-password-none = none found (the server may not need one)
config-password-exposed = the password file { $path } can be read by others and is not used
config-central-cleared = The central database address is removed from { $path }.

central-refreshed = The central facts on { $server } are up to date: { $sessions } sessions ({ $events } events) folded just now.
central-refresh-rebuilt = They were made by other rules, so every session was folded again from its events.
central-refresh-unknown = { $count } events of kinds this Opora does not know were left out; update Opora here and refresh again.
report-central-waiting = These figures are the central facts as of { $at }; { $waiting } sessions pushed since are not in them yet (the administrator's opora central refresh folds them).
report-central-never = The central facts have never been made: the administrator runs opora central refresh.
report-central-unreachable = The central database at { $server } cannot be reached ({ $reason }). Try again when the network is back, or report on this device's journal without --central.
