# The commissioner's interactive gap map (commissioner_map.rs, static/map.js) and the demo areas
# named on the find page when a postcode is not in the demo gazetteer.
map-heading = { $need }: opiekunowie i usługi w promieniu { $km } km
map-need-language = Użytkownicy języka: { $name }
map-need-cuisine = Osoby, które chcą kuchni: { $name }
map-need-diet = Osoby przestrzegające zasad żywienia: { $name }
map-need-faith_practice = Osoby, które potrzebują: { $name }
map-need-service = Osoby, które potrzebują: { $name }
map-need-experience = Osoby, które potrzebują opiekuna z doświadczeniem: { $name }
map-need-gender = Osoby, które chcą opiekuna: { $name }
map-need-join = { $first } oraz { $second }
map-legend-title = Luka w każdym obszarze
map-legend-count = { $count ->
    [one] 1 obszar
    [few] { $count } obszary
    [many] { $count } obszarów
   *[other] { $count } obszaru
}
map-caveats-title = Czytaj te liczby ostrożnie
map-caveat-method = Podaż liczona jest w jednym punkcie każdego obszaru. Osoby to mieszkańcy według spisu 2021, a nie osoby korzystające z opieki.
map-caveat-syl = Sylheti nie ma w spisie własnej kategorii: liczba obejmuje wszystkich, których głównym językiem jest bengalski (z sylheti i chatgaya).
map-caveat-hak = W spisie hakka liczony jest razem z innymi językami chińskimi: nie ma liczby mówiących w hakka, więc pokazana jest tylko podaż.
map-caveat-nan = W spisie min nan (hokkien) liczony jest razem z innymi językami chińskimi: nie ma dla niego liczby, więc pokazana jest tylko podaż.
map-caveat-zho = „Chiński, dialekt nieokreślony” nie jest kategorią spisu: wybierz kantoński lub mandaryński, aby zobaczyć liczbę.
map-caveat-kurdish = Spis liczy kurdyjski jako jeden język: liczba obejmuje wszystkich mówiących po kurdyjsku, kurmandżi i sorani razem.
map-caveat-prs = Dari nie ma kategorii w spisie: liczba to osoby mówiące po persku (farsi), co mogły zaznaczyć osoby mówiące w dari.
map-caveat-pnb = Zachodni pendżabski nie ma w spisie własnej kategorii: liczba obejmuje wszystkich mówiących po pendżabsku.
map-caveat-twi = Twi liczony jest w ramach akan: liczba obejmuje wszystkich mówiących w akan.
map-caveat-language-none = Spis nie ma osobnej liczby dla tego języka, więc pokazana jest tylko podaż.
map-caveat-halal = Halal: każdy, kto podał wyznanie muzułmańskie, liczony jest jako potrzebujący jedzenia halal.
map-caveat-kosher = Koszerne: liczony jest każdy, kto podał wyznanie żydowskie, choć nie wszyscy przestrzegają koszerności.
map-caveat-diet-none = Spis nie ma liczby dla tych zasad żywienia, więc pokazana jest tylko podaż.
map-caveat-cuisine = Kuchnia: liczba to osoby mówiące głównym językiem społeczności, z której pochodzi ta kuchnia.
map-caveat-pakistani = Kuchnia pakistańska: liczba to osoby mówiące w urdu i pakistańskim pahari (z mirpuri i potwari).
map-caveat-cuisine-none = Spis nie ma liczby związanej z tą kuchnią, więc pokazana jest tylko podaż.
map-caveat-faith-none = Samo wyznanie nie mówi, kto potrzebuje danej praktyki religijnej: spis nie ma tej liczby, więc pokazana jest tylko podaż.
map-caveat-service-none = Spis nie ma liczb dla usług ani doświadczenia, więc pokazana jest tylko podaż.
map-caveat-gender-none = Użyte tu dane spisu nie są podzielone według płci: popyt obejmuje osoby każdej płci.
map-interactive = Mapa interaktywna
map-keys = Klawiatura: przejdź klawiszem Tab do mapy, strzałki ją przesuwają, a + i − powiększają i pomniejszają; obszar pod krzyżykiem na środku jest opisany obok mapy. W tabeli „Pokaż na mapie” przenosi do obszaru. Escape czyści.
map-zoom-london = Powiększ Londyn
map-zoom-all = Pokaż wszystkie obszary
map-zoom-in = Powiększ
map-zoom-out = Pomniejsz
map-show-on-map = Pokaż na mapie
map-details-title = Obszar
map-details-empty = Wskaż obszar albo wybierz „Pokaż na mapie” w tabeli.
map-detail-demand = Osoby
map-detail-demand-in-reach = Osoby z opiekunem lub usługą w zasięgu
map-detail-share = Odsetek osób w zasięgu
map-detail-carers = Opiekunowie w zasięgu
map-detail-providers = Usługi w zasięgu
map-detail-nearest = Najbliższy opiekun lub usługa
map-detail-nearest-none = brak w promieniu 150 km
map-detail-band = Luka
map-detail-sectors = Sektory kodów pocztowych
map-detail-unknown = nieznane
map-col-share = W zasięgu
map-census-figure = Użyta liczba ze spisu: { $category } ({ $table })
map-failed = Nie udało się wczytać mapy interaktywnej; mapa poniżej pokazuje te same liczby.
find-demo-areas = To wersja demonstracyjna z opiekunami tylko w kilku obszarach. Wpisz kod pocztowy z jednego z nich:
