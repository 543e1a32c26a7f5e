# Profile pages (/carers/{id}, /providers/{id}), listen and share.
profile-about = Własnymi słowami
profile-about-service = O tej usłudze
profile-languages = Języki
profile-reads-writes = czyta i pisze
profile-reads = czyta
profile-food = Jedzenie i gotowanie
profile-faith = Wyznanie
profile-services = Oferowana pomoc
profile-checks = Sprawdzenia
profile-no-checks = Brak ważnych sprawdzeń na dziś
profile-check-until = { $check }, ważne do { $date }
profile-hours = { $hours ->
    [one] { $hours } godzina tygodniowo
    [few] { $hours } godziny tygodniowo
   *[other] { $hours } godzin tygodniowo
}
profile-area = Okolica
profile-area-text = Mieszka w { $area }, dojeżdża do { $km } km
profile-area-drawn = Siedziba w { $area }, obsługuje obszar zaznaczony na mapie
profile-yes = Tak
profile-accepting = Przyjmuje nowych klientów
profile-not-accepting = Obecnie nie przyjmuje nowych klientów
profile-available-from = może zacząć od { $date }
profile-self-referral = możesz skontaktować się samodzielnie
profile-week-caption = Zwykły tydzień
profile-week-free = wolne
profile-week-partly = częściowo
profile-week-busy = zajęte
profile-exact-times = Dokładne godziny: { $times }
profile-reach = Jak się skontaktować
profile-reach-carer = Z asystentami osobistymi kontaktuje się przez agencję, która prowadzi ich dane, nigdy bezpośrednio: agencja sprawdza, kim jesteś, i umawia pierwsze spotkanie.
profile-opening-hours = Godziny otwarcia
profile-cqc = Placówka CQC { $id }
listen-button = Posłuchaj
listen-stop = Zatrzymaj
share-title = Udostępnij
share-whatsapp = WhatsApp
share-sms = SMS
share-email = E-mail
share-subject = Opieka znaleziona w carematch
share-text-carer = { $name }, { $gender ->
    [female] asystentka osobista znaleziona
   *[other] asystent osobisty znaleziony
 } w carematch:
share-text-provider = { $name }, usługa znaleziona w carematch:
share-text-shortlist = Moja lista opiekunów w carematch:
