## Голосовой ввод: что слышно и видно, когда клиент говорит (src/voice, src/core/screens/voice.rs).

# Почему фраза ничего не сделала — и что сделать вместо этого.
voice-reject-not-understood = Я не понял. Скажите, например: «баланс» или «назад».
voice-reject-not-on-this-screen = На этом экране так нельзя. Скажите номер пункта или «назад».
voice-reject-no-such-choice = Пункта { $number } здесь нет. Есть пункты от 1 до { $max }.
voice-reject-key-only = Голосом это не подтверждается. Проверьте всё и нажмите клавишу.
voice-reject-code-by-keys = Код не говорят вслух. Наберите его цифрами на клавиатуре.
voice-reject-bad-amount = Я не понял сумму. Скажите, например: «пятьсот рублей».
voice-reject-amount-zero = Сумма должна быть больше нуля.
voice-reject-amount-too-big = Такая сумма слишком большая.
voice-reject-ambiguous = Я услышал сразу несколько команд. Скажите что-то одно.
voice-reject-need-payee = Скажите, кому перевести: например, «пятьсот рублей дочери».
voice-reject-phone-first = Сначала скажите номер телефона, потом сумму.
voice-reject-not-the-phrase = Это другие слова. Попробуйте сказать: «{ $phrase }».
