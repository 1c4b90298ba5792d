# Журнал сопровождаемых сессий и настройки: фразы для сотрудников.

journal-db-corrupt = Файл журнала повреждён: { $path }. Переместите его в сторону (события можно снова загрузить из выгрузки) и начните заново.
journal-db-locked = Файл журнала занят другой программой: { $path }. Закройте другую копию Opora и повторите.
journal-db-readonly = В файл журнала нельзя записать: { $path }. Проверьте диск и права на файл.
journal-db-cannot-open = Файл журнала не открывается и не создаётся: { $path }. Проверьте, что папка существует и доступна для записи.
journal-db-disk-full = Диск с журналом заполнен: { $path }. Освободите место и повторите.
journal-db-too-new = Файл журнала { $path } записан более новой версией Opora. Обновите Opora на этом устройстве.
journal-db-other = Журналом не удалось воспользоваться: { $reason }.
journal-exported = Записано событий: { $count }, файл { $path }.
journal-exported-log = Записано сессий: { $cases }, событий: { $events }, файл { $path }.
journal-rebuilt = Таблицы отчёта заново собраны из событий ({ $events }): сессий { $sessions }, шагов { $steps }.
journal-imported = Загружено новых событий: { $added }, уже были: { $skipped }.
journal-purged = Удалено событий из сессий старше { $days } дн.: { $count }.
journal-import-bad-line = Ничего не загружено. Строка { $line }: { $reason }
journal-line-no-header = файл начинается не с заголовка журнала Opora. Это выгрузка командой «opora journal export»?
journal-line-too-new = файл записан более новой версией Opora; обновите Opora на этом устройстве.
journal-line-bad-event = это не событие журнала ({ $detail }).
journal-file-io = Файл не читается или не записывается: { $reason }.
config-io = Файл настроек { $path } не читается или не записывается: { $reason }.
config-invalid = В файле настроек { $path } ошибка: { $reason }. В нём могут быть только bank_key, device_id и таблица [speech] (mode, rate, wav).
config-no-bank-key = Не задан общий ключ банка для псевдонимов. Получите ключ вашего банка и выполните: opora config set bank-key — Opora спросит ключ и не покажет его на экране (или впишите bank_key = "…" в { $path }).
config-key-too-short = Ключ банка должен быть не короче 16 символов. Используйте ключ, который выдал банк.
config-no-device-id = У устройства ещё нет имени. Выполните: opora config set device-id ИМЯ (например tver-branch-3) или впишите device_id = "…" в { $path }.
config-bad-device-id = Имя устройства — от 1 до 64 букв, цифр, точек, дефисов или подчёркиваний, например tver-branch-3.
config-unknown-setting = Настройки «{ $name }» нет. Есть bank-key, device-id, site, self-practice-journal и central-url.
config-bad-site = Место — от 1 до 40 букв, цифр, пробелов, точек, запятых или дефисов, например «Тверь, отделение 3».
config-not-on-off = Напишите on (включить) или off (выключить).
config-saved = Настройка { $name } сохранена в { $path }.
config-shown = Настройки: { $path }. Ключ банка: { $key }. Имя устройства: { $device }.
config-is-set = задан
config-not-set = не задано
