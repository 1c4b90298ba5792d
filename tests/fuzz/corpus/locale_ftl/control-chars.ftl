home-title = Главная]0;pwned
money = { $amount } [2J₽
