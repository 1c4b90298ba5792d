home-title = { home-title }
choice-home = { choice-home } { home-title }
