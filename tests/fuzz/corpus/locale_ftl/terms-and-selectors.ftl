-bank = Банк
home-title = { -bank } { $n ->
    [one] один
   *[other] много
}
money = { NUMBER($amount) } ₽
