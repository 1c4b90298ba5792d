home-title = Главная
