home-title = ‮эонволг
