## Голосовой ввод: что слышно и видно, когда клиент говорит (src/voice, src/core/screens/voice.rs).

# Почему фраза ничего не сделала — и что сделать вместо этого.
voice-reject-not-understood = Я не понял. Скажите, например: «баланс» или «назад».
voice-reject-not-on-this-screen = На этом экране так нельзя. Скажите номер пункта или «назад».
voice-reject-no-such-choice = Пункта { $number } здесь нет. { $max ->
        [1] Есть только пункт 1.
       *[other] Есть пункты от 1 до { $max }.
    }
voice-reject-key-only = Голосом это не подтверждается. Проверьте всё и нажмите клавишу.
voice-reject-code-by-keys = Код не говорят вслух. Наберите его цифрами на клавиатуре.
voice-reject-bad-amount = Я не понял сумму. Скажите, например: «пятьсот рублей».
voice-reject-amount-zero = Сумма должна быть больше нуля.
voice-reject-amount-too-big = Такая сумма слишком большая.
voice-reject-ambiguous = Я услышал сразу несколько команд. Скажите что-то одно.
voice-reject-need-payee = Скажите, кому перевести: например, «пятьсот рублей дочери».
voice-reject-phone-first = Сначала скажите номер телефона, потом сумму.
voice-reject-not-the-phrase = Это другие слова. Попробуйте сказать: «{ $phrase }».

# Почему голос выключен — одно предложение, остальное работает как обычно.
voice-off-no-library = Голосовые команды выключены: не найдена библиотека распознавания речи libvosk. Её ставит scripts/setup.sh.
voice-off-no-model = Голосовые команды выключены: нет модели распознавания для языка «{ $lang }» (ищу в { $path }). Как её поставить — в models/README.md.
voice-off-model-language = Голосовые команды выключены: непонятно, на каком языке модель в { $path }. Укажите язык: --voice-lang ru или en.
voice-off-model-broken = Голосовые команды выключены: модель в { $path } не загрузилась. Скачайте её заново (models/README.md).
voice-off-recognizer = Голосовые команды выключены: распознавание речи не запустилось с этой моделью.
voice-off-no-microphone = Голосовые команды выключены: микрофон не найден.
voice-off-not-set-up = Голосовые команды на этом компьютере не настроены. Всё остальное работает: нажимайте цифры.
voice-off-microphone-failed = Голосовые команды выключены: микрофон не открылся. Позовите сотрудника или нажимайте цифры.
voice-off-microphone = Голосовые команды выключены: микрофон не открылся ({ $detail }).
voice-off-input-file = Голосовые команды выключены: файл { $path } не читается как WAV ({ $detail }).

# opora voice check — для сотрудника.
voice-check-library = Библиотека распознавания: { $path }
voice-check-model = Модель: { $path } — язык { $lang }, { $rate } Гц, загружена за { $seconds } с.
voice-check-vocabulary = Модель знает { $known } из { $total } слов главного экрана.
voice-check-source = Слушаю: { $source }
voice-check-say = Скажите «{ $phrase }»…
voice-check-heard = Услышано: «{ $text }» — { $audio } с звука, коэффициент реального времени { $rtf } по самой речи (цель — меньше 0,1), { $ms } мс от конца речи до смысла (из них { $pause } мс — пауза, которой кончается фраза).
voice-check-confidence = Уверенность в каждом слове: { $words } (ниже { $sure } Opora переспросит: «Вы сказали …?»).
voice-check-meaning = На главном экране это значит: { $meaning }.
voice-check-nothing = Ничего не услышано. Проверьте микрофон и скажите громче.
voice-check-ok = Голос работает.
voice-check-log = Сообщения звуковой системы записаны в { $path }.

# На экране киоска.
voice-listening = Слушаю… Говорите. Пробел — закончить.
voice-heard = Я услышал: «{ $text }»
voice-listening-big = Слушаю…
voice-listening-hint = Говорите. Пробел — закончить.
voice-heard-label = Я услышал:
voice-heard-big = «{ $text }»
voice-heard-nothing = Я ничего не услышал. Нажмите Пробел и скажите ещё раз.
voice-loading = Голос ещё загружается. Подождите немного и нажмите Пробел снова.
voice-stale = Пока вы говорили, экран сменился. Скажите ещё раз.
voice-said-right = Верно! Эти слова я услышал.
voice-slower = Скорость речи: медленнее.
voice-faster = Скорость речи: быстрее.
voice-keys = Пробел — сказать голосом
voice-notice-label = Голосовые команды
voice-off-by-choice = Голосовые команды на этом компьютере выключены. Нажимайте цифры.
voice-keys-loading = Пробел — голос (загружается…)

doctor-voice-ready = Голосовые команды: готовы (модель { $model }, язык { $lang }, libvosk и звук найдены)
doctor-voice-off = Голосовые команды: выключены — { $reason }

## Вопросы голоса перед действием (src/core/voice/question.rs, src/core/screens/voice.rs).

voice-which-amount-title = Какую сумму?
voice-which-amount-question = Вы сказали { $first } или { $second }?
voice-which-amount-why = Назовите номер или скажите сумму полностью.
voice-which-amount-neither = Ни то, ни другое
voice-did-you-say-title = Вы сказали «{ $text }»?
voice-did-you-say-why = Я не совсем расслышал. Проверьте, пожалуйста.
voice-did-you-say-yes = Да
voice-did-you-say-no = Нет, скажу ещё раз
voice-say-again = Хорошо. Скажите ещё раз или нажмите цифру.
voice-amount-rubles = { $rubles } { $count ->
        [one] рубль
        [few] рубля
       *[many] рублей
    }
voice-amount-kopecks = { $kopecks } { $kopecks ->
        [one] копейка
        [few] копейки
       *[many] копеек
    }
voice-amount-rubles-kopecks = { $rubles } { $count ->
        [one] рубль
        [few] рубля
       *[many] рублей
    } { $kopecks } { $kopecks ->
        [one] копейка
        [few] копейки
       *[many] копеек
    }
help-voice-which-amount = Сумму, которую я услышал, можно понять двумя способами. Нажмите 1 или 2 — ту, что вы имели в виду, или 3, чтобы сказать ещё раз.
help-voice-did-you-say = Я не уверен, что расслышал. Нажмите 1, если вы сказали именно это, или 2, чтобы сказать ещё раз.
