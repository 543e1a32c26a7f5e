# carematch web pages: Polish.
# Same ids as the English reference catalogue. Placeables in { } are filled in by the server; keep them.

## Page shell
site-name = carematch
site-tagline = Opieka, która mówi Twoim językiem
skip-to-content = Przejdź do treści głównej
nav-find = Znajdź opiekę
nav-shortlist = Moja lista ({ $count })
nav-agency = Dla agencji
nav-commissioner = Dla zamawiających usługi (rady lokalne)
nav-help = Pomoc
language-switcher = Język
footer-privacy = Nigdy nie pokazujemy publicznie adresu domowego opiekuna, jego dokładnej lokalizacji ani danych kontaktowych. To, co tu wpisujesz, nie jest zapisywane.
footer-api = Otwarte dane i API

## Find care form
find-title = Znajdź opiekuna lub usługę środowiskową
find-intro = Powiedz nam, gdzie mieszka osoba potrzebująca opieki i co jest dla niej ważne. Pokażemy pasujących asystentów osobistych (PA) i lokalne usługi oraz wyjaśnimy, dlaczego pasują.
field-postcode = Kod pocztowy (postcode)
field-postcode-hint = Na przykład M13 0EG. Do obliczenia odległości używamy tylko okolicy.
field-distance = Jak daleko
distance-km = { $km } km
field-help = Potrzebna pomoc
field-languages = Języki, którymi opiekun powinien mówić
field-languages-must = Musi mówić jednym z tych języków
field-languages-reads = Ma też umieć czytać w tym języku (listy, etykiety leków)
field-dbs = Przy opiece osobistej wymagaj ważnego rozszerzonego zaświadczenia DBS
field-food = Jedzenie
field-cuisines = Domowa kuchnia
field-diets = Zasady żywieniowe, których opiekun musi przestrzegać
field-medical-diets = Diety medyczne lub o zmienionej konsystencji, zgodnie z którymi opiekun musi gotować
field-faith = Praktyki religijne, które należy uszanować
field-gender = Płeć opiekuna przy opiece osobistej
gender-any = Bez znaczenia
field-gender-must = To jest konieczne
field-more = Również ważne
field-lgbt = Otwartość na osoby LGBT+
field-remote = Wsparcie przez telefon lub online też jest w porządku (pomóc mogą też usługi z daleka)
field-client = Plan klienta
field-hours = Godziny wsparcia w tygodniu
field-budget = Budżet tygodniowy (£)
field-budget-hint = Razem z godzinami w tygodniu: liczba godzin × stawka godzinowa asystenta musi zmieścić się w budżecie.
field-prefer = Asystenci (PA), których klient zna i chce ponownie (numery PA, oddzielone przecinkami)
field-block = Asystenci (PA), których klient nie chce (numery PA, oddzielone przecinkami)
field-when = Kiedy potrzebna jest pomoc
part-morning = Rano
part-afternoon = Po południu
part-evening = Wieczorem
find-submit = Szukaj
find-more-options = Więcej opcji

## Results
results-title = Wyniki
results-count = { $count ->
    [one] Znaleźliśmy jeden pasujący wynik.
    [few] Znaleźliśmy { $count } pasujące wyniki (opiekunowie i usługi).
    [many] Znaleźliśmy { $count } pasujących wyników (opiekunowie i usługi).
   *[other] Znaleźliśmy { $count } pasującego wyniku (opiekunowie i usługi).
}
results-none = Nikt jeszcze nie spełnia wszystkich koniecznych wymagań.
results-considered = Sprawdzone osoby i usługi w zasięgu: { $count }.
result-carer = Asystent osobisty (PA)
result-provider = Usługa środowiskowa
result-distance = Około { $km } km stąd
result-score = Dopasowanie { $percent }%
result-free = Wolne terminy: { $when }
result-area = Okolica: { $area }
result-rate = £{ $rate } za godzinę
result-why = Dlaczego ten wynik
outcome-met = Tak
outcome-partial = Częściowo
outcome-unmet = Nie
outcome-required = konieczne
relax-title = Za mało wyników? Spróbuj:
relax-distance = Pokaż opiekunów w odległości do { $km } km (dodatkowo: { $count })
relax-make-preferred = Zmień „{ $what }” z warunku koniecznego na preferencję (dodatkowo: { $count })
error-title = Sprawdź formularz
error-postcode-missing = Wpisz kod pocztowy.
error-postcode-invalid = „{ $postcode }” nie jest brytyjskim kodem pocztowym.
error-postcode-unknown = Nie znamy kodu pocztowego „{ $postcode }”.
error-loading = Katalog wciąż się wczytuje. Spróbuj ponownie za minutę.
refused-title = Nie można przyjąć tego formularza
refused-body = Dla Twojego bezpieczeństwa przyjmujemy tylko formularze wysłane z własnych stron tej witryny. Ten nie został stamtąd wysłany albo jest nieaktualny. Nic nie zostało zmienione. Wróć, odśwież stronę i spróbuj ponownie.
refused-back = Wróć

## Criteria names (for the reasons)
crit-language = Język
crit-cuisine = Gotowanie
crit-diet = Zasady żywieniowe
crit-faith_practice = Praktyki religijne
crit-faith = Ta sama wiara
crit-carer_gender = Płeć opiekuna
crit-service = Pomoc
crit-experience = Doświadczenie
crit-check = Weryfikacja
crit-distance = Odległość
crit-schedule = Dostępność w potrzebnych godzinach
crit-hours_per_week = Godziny w tygodniu
crit-max_hourly_rate = Stawka godzinowa
crit-needed_by = Może zacząć na czas
crit-accepting_new_clients = Przyjmuje nowych klientów
crit-carer_capacity = Ma miejsce dla nowych klientów
crit-weekly_budget = Budżet tygodniowy
crit-lgbt_inclusive = Otwartość na osoby LGBT+
crit-preferred_carer = Wskazany przez Ciebie opiekun
crit-reads = Czytanie
crit-writes = Pisanie
crit-medical_diet = Dieta medyczna
crit-delivery_mode = Forma pracy

## Reasons and relaxations
crit-with-value = { $name }: { $value }
level-basic = podstawowy
level-conversational = komunikatywny
level-fluent = biegły
level-native = ojczysty
why-language-level = mówi w języku: { $language } (poziom: { $level })
why-language = { $who ->
    [provider] personel mówi w języku: { $language }
   *[other] mówi w języku: { $language }
}
why-language-related = { $who ->
    [provider] personel mówi w języku: { $related } — proszę potwierdzić: { $language }
   *[other] mówi w języku: { $related } — proszę potwierdzić: { $language }
}
why-language-lower = mówi w języku: { $language } (poziom: { $level }) — potrzebny poziom: { $needed }
why-language-none = { $who ->
    [provider] personel nie mówi w języku: { $language }
   *[other] nie mówi w języku: { $language }
}
why-cuisine = gotuje, kuchnia: { $cuisine }
why-cuisine-not = nie podaje kuchni: { $cuisine }
why-diet = przestrzega zasad żywieniowych: { $diet }
why-diet-not = nie podaje zasad żywieniowych: { $diet }
why-practice = { $practice }
why-practice-not = nie podaje: { $practice }
why-service = oferuje: { $service }
why-service-not = nie oferuje: { $service }
why-experience = ma doświadczenie: { $experience }
why-experience-not = nie podaje doświadczenia: { $experience }
why-faith = wyznaje tę samą religię co osoba szukająca opieki ({ $faith })
why-faith-not = brak informacji, że wyznaje tę samą religię co osoba szukająca opieki ({ $faith })
why-gender = { $gender ->
    [female] opiekunka (kobieta)
    [male] opiekun (mężczyzna)
   *[other] osoba opiekuńcza ({ $label })
}
why-gender-not = { $gender ->
    [female] nie jest opiekunką (kobietą)
    [male] nie jest opiekunem (mężczyzną)
   *[other] nie jest osobą opiekuńczą ({ $label })
}
why-faith-provider = nie dotyczy organizacji — proszę zapytać o personel wyznania: { $faith }
why-gender-provider = { $gender ->
    [female] nie dotyczy organizacji — proszę zapytać o opiekunkę
    [male] nie dotyczy organizacji — proszę zapytać o opiekuna (mężczyznę)
   *[other] nie dotyczy organizacji — proszę zapytać o osobę opiekuńczą ({ $label })
}
why-distance = { $km } km stąd
why-schedule-none = brak zapisanej dostępności
why-schedule-not-free = brak dostępności w potrzebnych godzinach
why-free-days = { $days }: { $periods }
why-schedule-all = dostępność: { $times } — cały potrzebny czas
why-schedule-part = dostępność: { $times } — { $percent }% potrzebnego czasu
period-mornings = rano
period-afternoons = po południu
period-evenings = wieczorem
period-nights = w nocy
list-join = { $a }, { $b }
list-and = { $a } i { $b }
list-or = { $a } lub { $b }
list-groups = { $a }; { $b }
why-start-arranged = termin rozpoczęcia do uzgodnienia
why-hours-arranged = godziny do uzgodnienia
why-hours = { $free } godz. wolnych w tygodniu (potrzeba { $needed })
why-hours-short = { $free } godz. wolnych w tygodniu — potrzeba { $needed }
why-rate-unknown = stawka godzinowa nie jest podana — proszę zapytać
why-rate = £{ $rate } za godzinę
why-rate-over = £{ $rate } za godzinę — powyżej limitu £{ $limit }
why-available-now = dostępność od zaraz
why-available-from = dostępność od { $date }
why-available-late = dostępność od { $date } — potrzeba do { $needed }
why-check-none = brak wpisu: { $check }
why-check-valid = { $check }: ważne do { $date }
why-check-expired = { $check }: ważność wygasła { $date }
why-accepting = przyjmuje nowych klientów (potwierdzono { $date })
why-accepting-lapsed = informacja o przyjmowaniu klientów nieodnowiona od { $date } (wygasa po { $days } dniach) — proszę zapytać
why-accepting-not = nie przyjmuje nowych klientów
why-reads = { $who ->
    [provider] personel czyta w języku: { $language }
   *[other] czyta w języku: { $language }
}
why-reads-not = { $who ->
    [provider] personel nie czyta w języku: { $language }
   *[other] nie czyta w języku: { $language }
}
why-writes = { $who ->
    [provider] personel pisze w języku: { $language }
   *[other] pisze w języku: { $language }
}
why-writes-not = { $who ->
    [provider] personel nie pisze w języku: { $language }
   *[other] nie pisze w języku: { $language }
}
why-medical-diet = gotuje zgodnie z dietą: { $diet }
why-medical-diet-not = nie podaje diety: { $diet }
why-delivery = forma pracy: { $mode }
why-delivery-not = nie pracuje w tej formie: { $mode }
why-lgbt = deklaruje otwartość na osoby LGBT+
why-lgbt-not = brak deklaracji otwartości na osoby LGBT+
why-preferred-carer = { $who ->
    [female] opiekunka wskazana przez Ciebie jako preferowana
    [male] opiekun wskazany przez Ciebie jako preferowany
   *[other] osoba wskazana przez Ciebie jako preferowana
}
why-remote = { $km } km stąd — forma pracy: { $modes }
why-budget = £{ $cost } tygodniowo za { $hours } godz. (budżet £{ $budget })
why-budget-over = £{ $cost } tygodniowo za { $hours } godz. — powyżej budżetu £{ $budget }
why-budget-unknown = stawka godzinowa nie jest podana — proszę zapytać o koszt tygodniowy
why-criterion = { $what }
date-format = { $dd }.{ $mm }.{ $y }
date-unknown = (data nieznana)
relax-within = dodatkowo: { $count } w odległości do { $km } km
relax-hours = dodatkowo: { $count }, jeśli wystarczy mniej niż { $needed } godz. w tygodniu
relax-rate = dodatkowo: { $count } ze stawką powyżej £{ $limit } za godzinę lub bez podanej stawki
relax-needed-by = dodatkowo: { $count } z dostępnością dopiero po { $date }
relax-language-dialect = { $count ->
    [one] { $count } osoba mówi w języku: { $related } — proszę potwierdzić: { $language }
    [few] { $count } osoby mówią w języku: { $related } — proszę potwierdzić: { $language }
   *[other] { $count } osób mówi w języku: { $related } — proszę potwierdzić: { $language }
}
relax-language-some-dialect = dodatkowo: { $count } bez wymogu języka: { $language }; w tym { $dialect } mówiących w języku: { $related } — proszę potwierdzić: { $language }
relax-language-level = dodatkowo: { $count } bez wymogu języka: { $language } na poziomie: { $level }
relax-language = dodatkowo: { $count } bez wymogu języka: { $language }
relax-accepting = dodatkowo: { $count }, jeśli zapytać też organizacje, które obecnie nie przyjmują nowych klientów (lub nie odnowiły tej informacji)
relax-schedule = dodatkowo: { $count } z dostępnością tylko w części potrzebnego czasu
relax-check = dodatkowo: { $count } bez ważnego dokumentu: { $check }
relax-capacity = dodatkowo: { $count }, jeśli uwzględnić też asystentów (PA), którzy obecnie nie mają wolnych miejsc
relax-budget = dodatkowo: { $count } z kosztem powyżej tygodniowego budżetu £{ $budget } lub bez podanej stawki
relax-without = dodatkowo: { $count } bez wymogu „{ $what }”

## Shortlist
shortlist-add = Dodaj do mojej listy: { $name }
shortlist-remove = Usuń z mojej listy: { $name }
shortlist-added = Na Twojej liście
shortlist-title = Moja lista
shortlist-empty = Twoja lista jest pusta. Dodaj opiekunów i usługi z wyników wyszukiwania.
shortlist-share = Udostępnij tę listę
shortlist-share-hint = Każdy, kto ma ten link, zobaczy tę samą listę. Nie ma na niej żadnych danych osobowych.
shortlist-print = Drukuj
shortlist-ask-title = Pytania do agencji
shortlist-ask-free = Czy { $name } ma nadal czas w godzinach, których potrzebuję, i od kiedy?
shortlist-ask-checks = Czy { $name } ma aktualne weryfikacje (np. DBS)?
shortlist-ask-food = Czy { $name } potrafi gotować to, co jem, przestrzegając moich zasad żywieniowych?
shortlist-ask-language = Czy { $name } mówi moim językiem wystarczająco dobrze, by zapewnić mi opiekę osobistą?
shortlist-ask-contact = { $name }: jak się skontaktować i kto umawia pierwsze spotkanie?
shortlist-contact = Kontakt
shortlist-gone = Ten wpis nie jest już dostępny.
shortlist-back = Wróć do wyszukiwania

## Sign in (agencies and commissioners)
login-title = Logowanie
login-intro = Zaloguj się kluczem API otrzymanym od administratora. Klucz nie jest zapisywany w przeglądarce – zapisywane jest tylko ciasteczko sesji.
login-key = Klucz API
login-submit = Zaloguj się
login-bad-key = Ten klucz jest nieprawidłowy albo został unieważniony.
login-wrong-role = Ten klucz nie daje dostępu do tej strony.
logout = Wyloguj się

## Agency console
agency-title = Panel agencji
agency-signed-in = Zalogowano jako: { $agency }
agency-find-title = Znajdź asystentów (PA) dla klienta
agency-find-intro = Obejmuje także Twoich asystentów, którzy nie są widoczni publicznie. Wyświetlane są dane kontaktowe.
agency-carers-title = Twoi asystenci PA ({ $count })
agency-col-name = Imię i nazwisko
agency-col-postcode = Kod pocztowy
agency-col-languages = Języki
agency-col-public = Widoczny publicznie
agency-col-faith-public = Wyznanie widoczne publicznie
agency-col-confirmed = Ostatnio potwierdzono
agency-col-actions = Działania
agency-delete = Usuń: { $name }
agency-deleted = Usunięto: { $name }.
agency-confirm = Potwierdź dostępność: { $name }
agency-col-accepting = Przyjmuje nowych klientów
agency-accepting-lapsed = Wygasło (niepotwierdzone od 90 dni)
agency-mark-full = Oznacz { $name } jako bez wolnych miejsc
agency-mark-accepting = Oznacz { $name } jako przyjmującego nowych klientów
agency-list = Pokaż publicznie: { $name }
agency-unlist = Ukryj z listy publicznej: { $name }
agency-faith-show = Pokaż publicznie wyznanie: { $name } (za zgodą)
agency-faith-hide = Ukryj wyznanie: { $name }
agency-updated = Zaktualizowano dane: { $name }.
agency-yes = Tak
agency-no = Nie
agency-upload-title = Prześlij rejestr (CSV)
agency-upload-intro = Wszystko albo nic: jeśli którykolwiek wiersz zawiera błąd, nic nie zostanie zaimportowane, a wszystkie problemy zostaną wypisane.
agency-upload-file = Plik CSV
agency-upload-template = Pobierz szablon
agency-export-register = Pobierz swój rejestr (CSV)
agency-export-register-note = Te same kolumny co w szablonie, gotowy do edycji i ponownego przesłania. Zawiera dane osobowe: przechowuj go bezpiecznie.
agency-upload-submit = Prześlij
agency-upload-ok = { $count ->
    [one] Zaimportowano jedną osobę (PA).
    [few] Zaimportowano { $count } osoby (PA).
    [many] Zaimportowano { $count } osób (PA).
   *[other] Zaimportowano { $count } osoby (PA).
}
agency-upload-rejected = Nic nie zostało zaimportowane. Popraw te wiersze i prześlij plik ponownie:
agency-upload-col-line = Wiersz
agency-upload-col-column = Kolumna
agency-upload-col-reason = Problem
agency-upload-missing = Wybierz plik CSV do przesłania.
agency-upload-too-large = Plik jest większy niż 10 MB. Podziel go na części i prześlij każdą z nich osobno.
agency-page = Strona { $page } z { $pages }
page-previous = Poprzednia
page-next = Następna
contact-phone = Telefon
contact-email = E-mail

## Commissioner map
map-title = Gdzie brakuje opieki?
map-intro = Kolor każdego obszaru pokazuje, ile spośród osób z daną potrzebą ma w zasięgu opiekuna lub usługę.
map-need = Potrzeba
map-distance = W odległości do
map-show = Pokaż mapę
map-download-geojson = Pobierz GeoJSON
map-download-csv = Pobierz CSV
map-table-title = Obszary, od największej luki
map-col-area = Obszar
map-col-demand = Osoby
map-col-carers = Opiekunowie
map-col-providers = Usługi
map-col-nearest = Najbliżej (km)
map-col-severity = Luka
map-sort = Sortuj według: { $column }
map-no-authorities = Nie zaimportowano jeszcze żadnych władz lokalnych (councils). Najpierw uruchom carematch import authorities, boundaries i census.
severity-none_in_reach = Brak w zasięgu
severity-severe = Poważna luka
severity-moderate = Umiarkowana luka
severity-adequate = Wystarczająco
severity-demand_unknown = Zapotrzebowanie nieznane
severity-no_demand = Brak zapotrzebowania

## Errors
not-found-title = Nie znaleziono strony
not-found-body = Pod tym adresem nie ma żadnej strony.

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = Kantońska
cuisine-north_chinese = Północnochińska
cuisine-vietnamese = Wietnamska
cuisine-filipino = Filipińska
cuisine-punjabi = Pendżabska
cuisine-gujarati = Gudżaracka
cuisine-bengali = Bengalska i sylhecka
cuisine-pakistani = Pakistańska
cuisine-south_indian = Południowoindyjska
cuisine-sri_lankan = Lankijska (Sri Lanka)
cuisine-somali = Somalijska
cuisine-east_african = Wschodnioafrykańska
cuisine-west_african = Zachodnioafrykańska
cuisine-caribbean = Karaibska
cuisine-middle_eastern = Bliskowschodnia
cuisine-persian = Perska i afgańska
cuisine-kurdish = Kurdyjska
cuisine-turkish = Turecka
cuisine-greek_cypriot = Grecko-cypryjska
cuisine-polish = Polska
cuisine-eastern_european = Wschodnioeuropejska
cuisine-jewish = Żydowska kuchnia domowa
cuisine-irish = Irlandzka
cuisine-british = Brytyjska
diet-halal = Halal
diet-kosher = Koszerna
diet-vegetarian = Wegetariańska
diet-vegan = Wegańska
diet-jain = Dżinijska (bez warzyw korzeniowych)
diet-no_pork = Bez wieprzowiny
diet-no_beef = Bez wołowiny
faith-buddhist = Buddyzm
faith-christian = Chrześcijaństwo
faith-hindu = Hinduizm
faith-jewish = Judaizm
faith-muslim = Islam
faith-sikh = Sikhizm
faith-other = Inna religia
faith-none = Bez wyznania
faith_practice-prayer_times = Szanuje pory modlitwy
faith_practice-fasting = Wspiera w czasie postu
faith_practice-same_gender_personal_care = Opieka osobista przez osobę tej samej płci
faith_practice-modest_dress = Skromny ubiór
faith_practice-ritual_washing = Rytualne obmycia
faith_practice-religious_festivals = Święta religijne
faith_practice-accompany_to_worship = Towarzyszy w drodze do kościoła lub innego miejsca kultu
service-personal_care = Opieka osobista
service-meal_preparation = Przygotowywanie posiłków
service-domestic = Pomoc w domu
service-shopping = Zakupy
service-companionship = Dotrzymywanie towarzystwa
service-medication_prompting = Przypominanie o lekach
service-accompany_appointments = Towarzyszenie podczas wizyt (np. u lekarza GP)
service-night_support = Wsparcie w nocy
service-live_in = Opieka z zamieszkaniem
service-respite = Opieka wytchnieniowa (odpoczynek dla rodziny)
service-day_activities = Zajęcia dzienne
service-luncheon_club = Klub obiadowy
service-befriending = Przyjacielskie odwiedziny
service-advocacy = Rzecznictwo (pomoc w upominaniu się o swoje prawa)
service-interpreting = Tłumaczenie ustne
service-peer_support = Wsparcie rówieśnicze
service-support_planning = Planowanie wsparcia
service-direct_payment_support = Pomoc przy płatnościach bezpośrednich
medical_diet-diabetic = Cukrzycowa (mało cukru)
medical_diet-soft = Miękka, łatwa do pogryzienia
medical_diet-pureed = Zmiksowana (papkowata)
medical_diet-thickened_fluids = Zagęszczone płyny
medical_diet-gluten_free = Bezglutenowa (celiakia)
medical_diet-low_salt = Z małą ilością soli
medical_diet-low_fat = Niskotłuszczowa
medical_diet-dairy_free = Bez nabiału
medical_diet-nut_free = Bez orzechów
medical_diet-renal = Nerkowa (przy chorobach nerek)
delivery_mode-in_person = Osobiście
delivery_mode-phone = Przez telefon
delivery_mode-online = Online (wideo lub czat)
experience-dementia = Demencja
experience-mental_health = Zdrowie psychiczne
experience-physical_disability = Niepełnosprawność ruchowa
experience-visual_impairment = Problemy ze wzrokiem
experience-hearing_impairment = Problemy ze słuchem
experience-learning_disability = Niepełnosprawność intelektualna
experience-autism = Autyzm
experience-stroke = Udar
experience-end_of_life = Opieka u kresu życia
check-dbs_enhanced = Rozszerzone zaświadczenie DBS
check-right_to_work = Prawo do pracy w Wielkiej Brytanii
check-public_liability_insurance = Ubezpieczenie OC
check-first_aid = Pierwsza pomoc
check-food_hygiene = Higiena żywności
check-manual_handling = Bezpieczne podnoszenie i przenoszenie
check-cqc_registered = Rejestracja w CQC
provider_kind-micro_provider = Mały lokalny usługodawca
provider_kind-charity = Organizacja charytatywna lub grupa społeczna
provider_kind-home_care_agency = Agencja opieki domowej zarejestrowana w CQC
provider_kind-day_service = Ośrodek dzienny
provider_kind-luncheon_club = Klub obiadowy
provider_kind-shared_lives = Program Shared Lives
provider_kind-advocacy = Usługa rzecznictwa
gender-female = Kobieta
gender-male = Mężczyzna
gender-non_binary = Osoba niebinarna
weekday-mon = Poniedziałek
weekday-tue = Wtorek
weekday-wed = Środa
weekday-thu = Czwartek
weekday-fri = Piątek
weekday-sat = Sobota
weekday-sun = Niedziela

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = Nie znaleziono
