home-title =
    .label = x
