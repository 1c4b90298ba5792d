# Общий журнал банка в PostgreSQL (opora central, journal push, config set central-url):
# фразы для сотрудников и администраторов.

central-not-set = Центральная база не задана. Выполните: opora config set central-url postgresql://ПОЛЬЗОВАТЕЛЬ@СЕРВЕР:5432/БАЗА?sslmode=verify-full
central-url-invalid = Адрес центральной базы неверен: { $reason }.
central-url-not-postgres = он должен начинаться с postgresql://
central-url-password = в нём есть пароль, а ему там не место: задайте пароль в PGPASSWORD или в файле паролей (~/.pgpass, доступном только владельцу)
central-url-bad-escape = в нём испорчена %-последовательность
central-url-bad-port = порт «{ $port }» — не число от 1 до 65535
central-url-bad-sslmode = sslmode «{ $mode }» — не одно из disable, prefer, require, verify-ca, verify-full
central-url-bad-timeout = connect_timeout «{ $value }» — не число секунд
central-url-unknown-parameter = параметра «{ $name }» нет (Опора читает sslmode, sslrootcert, connect_timeout, application_name, passfile, host, port, dbname, user)
central-url-no-host = в нём не указан сервер
central-url-too-long = он слишком длинный
central-unreachable = Центральная база { $server } недоступна ({ $reason }). Ничего не потеряно: события остаются на этом устройстве; отправьте их снова, когда появится сеть.
central-no-password = Центральная база просит пароль для { $user }, а он не задан. Задайте его в PGPASSWORD или в файле паролей ~/.pgpass (никогда в командной строке).
central-passfile-exposed = Файл паролей { $path } могут читать другие пользователи, поэтому он не используется. Закройте его: chmod 600 { $path }
central-auth-failed = Центральная база не пустила пользователя { $user }: пароль неверен или такого пользователя нет. Проверьте PGPASSWORD или файл паролей ~/.pgpass.
central-no-database = На центральном сервере нет базы «{ $db }». Проверьте имя в конце адреса.
central-tls-unavailable = Центральный сервер не предлагает шифрованное соединение, а адрес его требует (sslmode). Попросите администратора включить TLS.
central-untrusted = Сертификату центрального сервера нет доверия ({ $reason }). Укажите в адресе sslrootcert с сертификатом вашего банка, например ?sslmode=verify-full&sslrootcert=/etc/opora/bank-ca.pem
central-no-root-cert = Адрес требует проверять сертификат сервера, но доверенный сертификат не задан. Добавьте в адрес sslrootcert=/путь/к/bank-ca.pem.
central-bad-root-cert = Файл доверенного сертификата { $path } не подходит ({ $reason }). Нужен PEM-файл с сертификатом банка.
central-not-initialized = В центральной базе ещё нет схемы Опоры. Администратор один раз выполняет: opora central init
central-schema-too-new = Схема центральной базы — версии { $version }, новее, чем знает эта Опора ({ $known }). Обновите Опору на этом устройстве.
central-schema-too-old = Схема центральной базы — версии { $version }, а нужна версия { $needed }. Администратор выполняет: opora central init
central-denied = Пользователю { $user } это в центральной базе не разрешено ({ $reason }). Устройства входят под членом роли opora_device, аналитики — под членом opora_analyst (см. docs/central.md).
central-dropped = Соединение с центральной базой прервалось ({ $reason }). Ничего не потеряно и не отправлено дважды: отправьте снова.
central-server-error = Центральная база ответила ошибкой: { $reason } ({ $code }).

central-initialized = Схема центральной базы { $server } — версии { $to } (была { $from }). Выдайте роли устройствам и аналитикам командами ниже (их выполняет роль, которая может создавать роли):
central-up-to-date = Схема центральной базы { $server } уже версии { $to }. Команды для ролей, для справки:

push-nothing = Отправлять нечего: в центральной базе ({ $server }) есть все события этого устройства (всего { $total }).
push-done = В центральную базу ({ $server }) отправлено событий: { $sent }, из них новых там: { $new }. Всего подтверждено: { $total }.
push-from-start = Центральная база для этого устройства новая (или отметка прошлой отправки пропала): отправляется всё; события, которые там уже есть, пропускаются.
push-progress = Отправлено { $sent } из { $pending } событий…
push-background-log = Фоновая отправка после сеанса: { $result }

config-central = Центральная база: { $url }. Пароль: { $password }.
config-central-not-set = Центральная база: не задана.
config-password-env = из PGPASSWORD
config-password-file = из { $path }
config-password-none = не найден (серверу он может быть не нужен)
config-password-exposed = файл паролей { $path } могут читать другие, он не используется
config-central-cleared = Адрес центральной базы удалён из { $path }.

central-refreshed = Сводки центральной базы { $server } обновлены: сеансов свёрнуто сейчас — { $sessions } (событий — { $events }).
central-refresh-rebuilt = Они были сделаны по другим правилам, поэтому каждый сеанс собран заново из его событий.
central-refresh-unknown = Событий неизвестных этой версии Opora видов пропущено: { $count }. Обновите Opora здесь и обновите сводки снова.
report-central-waiting = Это цифры по сводкам центральной базы на { $at }; сеансов, отправленных позже, в них ещё нет: { $waiting } (их сворачивает команда администратора opora central refresh).
report-central-never = Сводки центральной базы ещё ни разу не делались: администратор запускает opora central refresh.
report-central-unreachable = Центральная база { $server } недоступна ({ $reason }). Попробуйте снова, когда появится сеть, или постройте отчёт по журналу этого устройства без --central.
