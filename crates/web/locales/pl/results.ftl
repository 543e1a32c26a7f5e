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
