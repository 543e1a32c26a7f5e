# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = W promieniu { $km } km od { $postcode }.
results-summary-needs = Szukasz:
results-essential = { $what } (koniecznie)
results-change = Zmień wyszukiwanie
results-sort-label = Kolejność
results-sort-fit = Najlepiej dopasowane najpierw
results-sort-distance = Najbliższe najpierw
results-pages = Strony wyników
results-page-prev = Poprzednia strona
results-page-next = Następna strona
results-showing = Wyniki od { $from } do { $to }
results-cap = Można pokazać najwyżej { $count } pierwszych wyników: dodaj potrzebę lub zmniejsz odległość, aby zobaczyć inne.
results-map-show = Pokaż te wyniki na mapie
results-map-hint = Każdy wynik jest pokazany w środku swojego obszaru (np. M13), nigdy pod czyimkolwiek adresem. Numery są takie jak na liście.
results-map-label = Mapa wyników: strzałki przesuwają, + i − przybliżają, Tab przechodzi przez wyniki
