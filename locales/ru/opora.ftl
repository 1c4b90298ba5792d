### Opora — тексты учебного киоска (русский).
### Короткие предложения, без жаргона, одно действие на экран.

## Общее

practice-band = УЧЕБНЫЙ РЕЖИМ — деньги не настоящие
loading = Загрузка…
money = { $amount } ₽
progress = Шаг { $step } из { $total } · { $name }
step-target = Кому или за что
step-amount = Сумма
step-check = Проверка
step-code = Код из SMS
prompt-choice = Нажмите цифру от 1 до { $max }
prompt-field = Наберите и нажмите Enter
keys = Esc — назад · ? — подсказка · r — повторить · + и − — размер текста
keys-home = 0 — выйти · ? — подсказка · r — повторить · + и − — размер текста
staff-line = Сотруднику: { $hint }
spoken-choice = { $number } — { $label }
choice-home = На главную
choice-back = Назад
notice-error = Ошибка
notice-warning = Внимание
notice-success = Готово
notice-info = Подождите

## Главный экран

home-title = Здравствуйте!
home-question = { $name }, что вы хотите сделать?
home-journal-note = Шаги в учебном режиме записываются без имени, чтобы банк делал помощь лучше.
home-balance = Баланс
home-balance-history = Баланс и история
home-send = Перевести деньги
home-pay = Оплатить счёт или телефон
home-history = История операций
home-block = Заблокировать карту
home-help = Помощь

## Баланс

balance-title = Баланс
balance-card = { $name } •• { $last }
balance-card-blocked = Карта заблокирована. Деньги на ней сохранены.
balance-savings = { $name }: { $amount }
account-balance = { $name }: { $amount }

## Перевод

send-who-title = Кому перевести?
send-by-phone = По номеру телефона
send-own = Между своими счетами
own-direction-title = Куда перевести?
own-card-to-savings = С карты на накопительный счёт
own-savings-to-card = С накопительного счёта на карту
payee-name = { $name } ({ $relation })
relation-daughter = дочь
relation-son = сын
relation-granddaughter = внучка
relation-grandson = внук
relation-neighbour = соседка
relation-friend = подруга
relation-other = знакомый
phone-entry-title = Номер телефона
phone-entry-title-topup = Какой номер пополнить?
phone-entry-example = Например: 8 912 345-67-89
phone-entry-label = Номер
target-phone-named = { $name }, { $phone }
target-bill = { $bill }, { $provider }
target-topup = Телефон { $phone }

## Оплата

pay-what-title = Что оплатить?
pay-topup = Пополнить телефон
bill-choice = { $bill } — { $amount }
bill-choice-paid = { $bill } — оплачено
bill-kind-electricity = Электроэнергия
bill-kind-water = Вода
bill-kind-gas = Газ
bill-kind-heating = Отопление
bill-kind-mobile-phone = Мобильная связь
bill-kind-internet = Интернет
bill-amount-title = Счёт
bill-provider = { $provider }, лицевой счёт { $account }
bill-already-paid = Этот счёт уже оплачен.
bill-pay-due = Оплатить { $amount }
bill-other-amount = Другая сумма
topup-whose-title = Какой телефон пополнить?
topup-own = Мой номер { $phone }
topup-other = Другой номер

## Сумма

amount-entry-title = Сколько перевести?
amount-entry-title-bill = Сколько заплатить?
amount-entry-title-topup = На сколько пополнить?
amount-entry-label = Сумма
amount-entry-suffix = { " " }₽
line-to = Получатель: { $who }
line-to-caption = Получатель:
line-available = Доступно: { $amount } ({ $name })
line-phone-free-left = Без комиссии в этом месяце можно перевести ещё { $amount }.

## Проверка

check-title = Проверьте
check-confirm = Всё верно, продолжить
check-change = Изменить сумму
check-cancel = Отменить
line-fee = Комиссия: { $amount }
line-fee-free = Комиссия: нет, бесплатно
line-fee-rule = Комиссия { $percent } %, не больше { $max }
line-from = Откуда: { $name }
line-total = Всего спишется: { $amount }
line-balance-after = Останется: { $amount }

## Код подтверждения

code-title = Код из SMS
phone-caption = Ваш телефон
phone-sender = Учебный банк
phone-code-message = Код { $code }. Платёж { $amount }, получатель: { $who }. Никому не сообщайте этот код.
phone-code-waiting = Сообщение с кодом придёт сюда.
code-lesson = Никому не сообщайте этот код. Даже сотруднику банка. Банк никогда не спрашивает код.
code-label = Код из 4 цифр
code-pending = Выполняем. Подождите.

## Готово

done-title = Готово
done-title-transfer = Перевод выполнен
done-title-own = Деньги переведены
done-title-bill = Счёт оплачен
done-title-topup = Телефон пополнен
line-balance-now = Остаток: { $amount } ({ $name })
done-already = Эта операция уже была выполнена. Деньги не списаны второй раз.

## История

history-title = История операций
history-range = Операции с { $first } по { $last }. Всего { $total } { $total ->
        [one] операция
        [few] операции
       *[many] операций
    }.
history-empty = Операций пока нет.
history-line = { $date } · { $who } · { $amount }
history-older = Более ранние
history-newer = Более поздние
history-back = К списку операций
history-item-title = Операция
history-date = Дата: { $date }
history-account = Счёт: { $name }
history-kind-pension = Пенсия
history-kind-purchase = Покупка
history-kind-transfer-out = Перевод
history-kind-transfer-in = Поступление
history-kind-bill = Оплата счёта
history-kind-top-up = Пополнение телефона
history-kind-own-transfer = Между своими счетами
history-kind-interest = Проценты
history-kind-cash-withdrawal = Снятие наличных
history-kind-fee = Комиссия

## Блокировка карты

block-confirm-title = Заблокировать карту?
block-confirm-what = Картой больше нельзя будет платить. Деньги останутся на счёте.
block-confirm-unblock = Разблокировать карту может только сотрудник банка.
block-yes = Да, заблокировать
block-no = Нет, не надо
block-done-title = Карта заблокирована
block-done-money-safe = Деньги на счёте в сохранности.
block-done-next = Новую карту закажет сотрудник банка. Если карту украли, позвоните в банк:
block-already-title = Карта уже заблокирована
card-blocked-title = Карта заблокирована

## Помощь

help-title = Помощь
help-hotline-note = Телефон банка. Звонок бесплатный, круглосуточно.
help-hotline-safety = Звоните сами. Если звонят вам, положите трубку и наберите этот номер.
help-choice-staff = Позвать сотрудника
help-choice-trusted = Доверенное лицо
call-staff-title = Сотрудник подойдёт
call-staff-text = Оставайтесь у экрана. Сотрудник банка сейчас подойдёт и поможет.
trusted-person-title = Доверенное лицо
trusted-person-what = С 1 сентября 2025 года можно назначить доверенное лицо.
trusted-person-how = Это близкий человек. Он одобряет или отклоняет ваши переводы.
trusted-person-where = Назначить доверенное лицо можно в приложении банка или в отделении.
screen-help-title = Подсказка
screen-help-ok = Понятно, вернуться
help-keys = Цифра — выбрать. Esc — назад. r — повторить вслух. Клавиши «меньше» и «больше» (< и >) — говорить медленнее или быстрее. Плюс и минус — размер текста.

## Подсказки к экранам (клавиша ?)

help-home = Это главный экран. Нажмите цифру нужного действия. Например, 1 — баланс и история операций, 5 — обучение. Потеряли карту — 4. Чтобы выйти, нажмите 0.
help-balance = Здесь видно, сколько денег на карте. Ниже — накопительный счёт. Цифра 2 — история операций.
help-send-who = Выберите, кому отправить деньги. Цифры 1–3 — ваши близкие. Можно перевести по номеру телефона.
help-own-direction = Выберите, откуда и куда переложить деньги. Это ваши собственные счета.
help-pay-what = Выберите счёт. Рядом указано, сколько нужно заплатить.
help-topup-whose = Выберите, чей телефон пополнить: ваш или другой.
help-phone-entry = Наберите номер цифрами. Можно начинать с 8 или с 7. Стереть цифру — клавиша Backspace.
help-bill-amount = Нажмите 1, чтобы оплатить всю сумму. Или 2, чтобы ввести другую сумму.
help-amount-entry = Наберите сумму цифрами. Копейки — после запятой. Стереть цифру — клавиша Backspace.
help-check = Проверьте получателя, сумму и комиссию. Если всё верно, нажмите 1.
help-code = Код пришёл на телефон на экране. Наберите его и нажмите Enter. Никому не говорите этот код.
help-done = Операция выполнена. Нажмите 1, чтобы вернуться на главный экран.
help-history = Здесь ваши последние операции. Выберите одну, чтобы увидеть подробности.
help-history-item = Это одна операция. Плюс — деньги пришли, минус — ушли.
help-block-confirm = Блокируйте карту, если её потеряли или украли. Нажмите 1, чтобы заблокировать.
help-block-done = Карта заблокирована. Никто не сможет ею заплатить.
help-block-already = Карта уже заблокирована. Разблокировать её может сотрудник банка.
help-card-blocked = Карта заблокирована, поэтому платить ею нельзя. Обратитесь к сотруднику банка.
help-help = Здесь телефон банка. Можно позвать сотрудника.
help-call-staff = Сотрудник банка подойдёт к вам.
help-trusted-person = Доверенное лицо помогает защитить ваши деньги от мошенников.
help-screen-help = Это подсказка. Нажмите 1 или Esc, чтобы вернуться.

## Подсказки для сотрудника

staff-home = Пусть клиент сам нажмёт цифру. Начните с 1 — баланс.
staff-balance = Спросите, где клиент видит сумму. Перевод — цифра 1, история операций — цифра 2.
staff-send-who = Объясните: сохранённые получатели — без комиссии.
staff-phone-entry = Номер можно набирать с 8. Ошибку программа объяснит сама.
staff-amount-entry = Предложите небольшую сумму, например 300 рублей.
staff-check = Попросите клиента вслух прочитать получателя и сумму.
staff-code = Главный урок: код нельзя называть никому, даже вам.
staff-done = Похвалите клиента. Спросите, сможет ли он повторить сам.
staff-block-confirm = Блокировка — за две клавиши с главного экрана. Разблокировка: opora sandbox unblock-card.
staff-card-blocked = Разблокировать учебную карту: opora sandbox unblock-card.
staff-history = Покажите, как отличить поступление (плюс) от списания (минус).

## Ошибки ввода

error-no-such-choice = Такой цифры здесь нет. Нажмите цифру от 1 до { $max }.
error-amount-empty = Вы ещё не ввели сумму. Наберите её цифрами, например 300.
error-amount-negative = Сумма не может быть со знаком минус. Наберите её цифрами, например 300.
error-amount-zero = Сумма не может быть нулём. Наберите, сколько перевести, например 300.
error-amount-not-number = В сумме могут быть только цифры и запятая. Например: 300 или 300,50.
error-amount-too-long = Слишком длинное число. Проверьте сумму и наберите её ещё раз.
error-amount-kopecks = После запятой — не больше двух цифр копеек. Например: 300,50.
error-phone-empty = Вы ещё не ввели номер. Наберите его цифрами, например 8 912 345-67-89.
error-phone-characters = В номере могут быть только цифры. Например: 8 912 345-67-89.
error-phone-length = В номере { $digits } { $digits ->
        [one] цифра
        [few] цифры
       *[many] цифр
    }, а нужно 11. Например: 8 912 345-67-89.
error-phone-not-russian = Это не российский номер. Номер должен начинаться с +7 или с 8.
error-phone-not-mobile = Это не мобильный номер. Мобильный номер начинается с 8 9.
error-unknown-phone = Номер { $phone } не найден среди клиентов банка. Проверьте номер.
error-card-blocked = Карта заблокирована, платить ею нельзя. Обратитесь к сотруднику банка.
error-insufficient = Не хватает денег. Доступно { $available }. Введите сумму поменьше.
error-above-limit = Это больше лимита. За один раз можно не больше { $limit }.
error-below-minimum = Слишком маленькая сумма. Нужно не меньше { $minimum }.
error-bill-paid = Этот счёт уже оплачен. Второй раз платить не нужно.
error-same-account = Нельзя перевести деньги на тот же самый счёт.
error-unknown = Что-то пошло не так. Вернитесь на главный экран и попробуйте ещё раз.
error-wrong-code = Код не подходит. Посмотрите сообщение на телефоне и наберите 4 цифры ещё раз.
error-code-not-yet = Код ещё не пришёл. Подождите немного.

## Ошибки файлов

error-db-corrupt = Файл учебного банка повреждён: { $path }. Попросите сотрудника выполнить команду: opora sandbox reset.
error-db-locked = Файл учебного банка занят другой программой: { $path }. Закройте другую копию Opora и запустите снова.
error-db-readonly = Файл учебного банка нельзя изменить: { $path }. Попросите сотрудника разрешить запись или задать другую папку (OPORA_HOME).
error-db-cannot-open = Не удалось открыть файл учебного банка: { $path }. Проверьте, что папка существует и в неё можно писать.
error-db-disk-full = На диске нет места для файла учебного банка: { $path }. Освободите место и запустите снова.
error-db-too-new = Файл учебного банка создан более новой версией Opora: { $path }. Обновите Opora.
error-db-other = Учебный банк не работает: { $reason }. Попросите помощи у сотрудника.
locale-file-missing = Нет файла с текстами: { $path }. Используются встроенные тексты.
locale-file-broken = Ошибка в файле с текстами { $path }, строка { $line }: { $reason }. Используются встроенные тексты.

## Терминал и команды

terminal-too-small = Окно слишком маленькое: растяните его хотя бы до { $needcols } × { $needrows } (сейчас { $cols } × { $rows }).
text-more-below = ↓ Текст продолжается: PgDn — дальше
text-more-above = ↑ Конец текста: PgUp — к началу
terminal-failed = Не удалось открыть экран терминала: { $reason }. Попробуйте простой режим: opora --plain.
sandbox-reset-done = Учебный банк восстановлен: { $path }.
sandbox-unblock-done = Учебная карта разблокирована.
plain-unknown-command = Не понял «{ $input }». Наберите цифру, «назад» или «?».
plain-bye = До свидания!
