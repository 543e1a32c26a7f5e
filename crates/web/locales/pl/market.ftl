# Raport o rynku asystentów osobistych: /commissioner/market (docs/market.md).

market-link = Raport o rynku asystentów osobistych: asystenci i usługodawcy według obszaru, języka, usługi i agencji
market-title = Raport o rynku asystentów osobistych
market-intro = Aktywni asystenci osobiści (PA) i usługodawcy, liczeni w samorządzie, w którym mają siedzibę. Tylko liczby: żaden asystent nie jest wymieniony z nazwiska ani wskazany na mapie.
market-filter-view = Tabela
market-filter-authority = Samorząd lokalny
market-filter-language = Język
market-all = Wszystkie
market-show = Pokaż
market-view-language = Według samorządu i języka
market-view-service = Według samorządu i usługi
market-view-agency = Według samorządu i agencji wsparcia
market-view-ethnicity = Asystenci według grupy etnicznej, na tle spisu powszechnego
market-download-csv = Pobierz CSV
market-download-geojson = Pobierz GeoJSON (mapa)
market-suppression-title = Dlaczego niektóre liczby są pokazane jako „<5”
market-suppression = Gdy liczba asystentów wynosiłaby od 1 do 4, pokazujemy „<5”, aby nikogo nie dało się rozpoznać. Gdy ukrytą liczbę można by obliczyć z sumy, ukrywamy też najmniejszą liczbę obok niej. Liczby usługodawców są pokazane w całości: to organizacje, wymienione poniżej z nazwy.
market-snapshot-since = Zmiany od migawki z { $date }.
market-snapshot-none = Nie ma jeszcze wcześniejszej migawki, więc nie ma zmian do pokazania.
market-total = Razem: asystenci { $pas }, usługodawcy { $providers }.
market-col-authority = Samorząd lokalny
market-col-language = Język
market-col-service = Usługa
market-col-agency = Agencja wsparcia
market-col-ethnicity = Grupa etniczna
market-col-pas = Asystenci
market-col-providers = Usługodawcy
market-col-census = Odsetek mieszkańców (spis 2021)
market-col-trend = Zmiana
market-trend-up = { $n ->
    [one] wzrost o jeden od ostatniej migawki
   *[other] wzrost o { $n } od ostatniej migawki
}
market-trend-down = { $n ->
    [one] spadek o jeden od ostatniej migawki
   *[other] spadek o { $n } od ostatniej migawki
}
market-trend-same = bez zmian od ostatniej migawki
market-trend-unknown = nie da się porównać: liczba jest ukryta
market-not-recorded = Nie podano
market-no-agency = Bez agencji
market-organisations-title = Usługodawcy mówiący w każdym języku, według obszaru
