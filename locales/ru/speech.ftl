### Opora — речь (русский): сообщения о голосе и тексты, написанные для слуха.
###
### Сообщение `speech-<id>` заменяет сообщение `<id>`, когда экран читается вслух: суммы, даты и
### телефоны уже приходят словами, а здесь — то, что на слух звучит иначе, чем читается глазами
### («Шаг 2 из 4» → «Шаг два из четырёх»). Цифры, оставшиеся в тексте, программа произносит
### словами сама.

## Тексты для слуха

speech-progress = Шаг { $step } из { $total ->
        [1] одного
        [2] двух
        [3] трёх
        [4] четырёх
        [5] пяти
       *[other] { $total }
    }. { $name }
speech-prompt-choice = { $max ->
        [1] Нажмите цифру один
       *[other] Нажмите цифру от одного до { $max ->
            [2] двух
            [3] трёх
            [4] четырёх
            [5] пяти
            [6] шести
           *[other] { $max }
        }
    }
speech-error-no-such-choice = Такой цифры здесь нет. Нажмите цифру от одного до { $max ->
        [1] одного
        [2] двух
        [3] трёх
        [4] четырёх
        [5] пяти
        [6] шести
       *[other] { $max }
    }.
speech-code-label = Код из четырёх цифр
speech-history-line = { $date }, { $who }, { $amount }
speech-history-range = Всего операций: { $total }. На экране номера: { $first } — { $last }.
speech-line-fee-rule = Комиссия в процентах: { $percent }, не больше { $max }
speech-phone-entry-example = Например: восемь, девятьсот двенадцать, триста сорок пять, шестьдесят семь, восемьдесят девять
speech-error-phone-length = Цифр в номере: { $digits }, а нужно одиннадцать. Наберите номер целиком, начиная с восьмёрки.
speech-error-phone-empty = Вы ещё не ввели номер. Наберите его цифрами, начиная с восьмёрки.
speech-error-phone-characters = В номере могут быть только цифры. Наберите его цифрами, начиная с восьмёрки.
speech-error-phone-not-russian = Это не российский номер. Номер должен начинаться с плюс семи или с восьмёрки.
speech-error-phone-not-mobile = Это не мобильный номер. Мобильный номер начинается с восьмёрки и девятки.
speech-error-amount-not-number = В сумме могут быть только цифры и запятая. Например: триста. Или триста, запятая, пятьдесят.
speech-error-amount-kopecks = После запятой — не больше двух цифр копеек. Например: триста, запятая, пятьдесят.
speech-trusted-person-what = С первого сентября две тысячи двадцать пятого года можно назначить доверенное лицо.

## Голос

# Скорость речи изменена (клавиши < и >); дальше экран читается заново.
speech-slower = Медленнее.
speech-faster = Быстрее.
speech-slowest = Медленнее нельзя.
speech-fastest = Быстрее нельзя.
# Голос выключился; показывается одной строкой на экране.
speech-off = Голос выключен: { $reason }
speech-failed-no-program = программа { $program } не найдена. Установите её: sudo apt-get install espeak-ng
speech-failed-no-audio = на этом компьютере нет звукового устройства
speech-failed-timeout = служба речи не ответила за { $seconds } с
speech-failed-engine = синтезатор речи сообщил об ошибке: { $detail }
speech-failed-no-voice = для этого языка нет голоса

## Проверка компьютера (opora doctor)

doctor-title = Проверка компьютера
doctor-terminal = Терминал: { $columns } × { $rows } знаков
doctor-terminal-none = Терминал: не найден (вывод идёт не на экран)
doctor-speech-choice = Голос: { $choice }
doctor-speech-chosen = выбран: { $backend }
doctor-speech-off-chosen = голос выключен
doctor-espeak-found = espeak-ng: найден ({ $version }), голоса: { $voices }
doctor-espeak-missing = espeak-ng: не найден. Установите: sudo apt-get install espeak-ng
doctor-audio-found = Звук: { $device }
doctor-audio-missing = Звук: звукового устройства нет (нет /dev/snd, PulseAudio и PipeWire)
doctor-dispatcher-ok = speech-dispatcher: отвечает
doctor-dispatcher-failed = speech-dispatcher: не работает — { $reason }
doctor-dispatcher-skipped = speech-dispatcher: не проверялся — { $reason }
