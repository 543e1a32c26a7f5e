# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] Potwierdzono dzisiaj
    [one] Potwierdzono { $days } dzień temu
    [few] Potwierdzono { $days } dni temu
    [many] Potwierdzono { $days } dni temu
   *[other] Potwierdzono { $days } dnia temu
}
fresh-stale = Ukryty przed publicznością: niepotwierdzony od 180 dni. Potwierdź, aby znów był widoczny.
fresh-reminded = Przypomnienie wysłano { $date }
fresh-deleted-title = Usunięci asystenci PA
fresh-deleted-none = Brak usuniętych asystentów PA.
fresh-deleted-intro = Usunięci asystenci PA są przechowywani i można ich przywrócić. Po przywróceniu znów pojawiają się w wyszukiwaniu i dopasowaniu.
fresh-restore = Przywróć: { $name }
fresh-restored = Przywrócono: { $name }.
fresh-history-link = Historia zmian: { $name }
fresh-history-title = Zmiany danych: { $name }
fresh-history-intro = Kto zmienił ten wpis i które pola, od najnowszych. Wartości nigdy nie są tu zapisywane.
fresh-history-none = Nie zapisano jeszcze żadnych zmian.
fresh-history-more = { $count ->
    [one] { $count } zmiana łącznie; pokazano najnowsze.
    [few] { $count } zmiany łącznie; pokazano najnowsze.
    [many] { $count } zmian łącznie; pokazano najnowsze.
   *[other] { $count } zmiany łącznie; pokazano najnowsze.
}
fresh-back = Wróć do panelu
fresh-col-when = Kiedy
fresh-col-what = Zmiana
fresh-col-who = Kto
fresh-col-fields = Pola
fresh-op-create = Utworzono
fresh-op-update = Edytowano
fresh-op-delete = Usunięto
fresh-op-restore = Przywrócono
fresh-op-confirm = Potwierdzono, że dane są aktualne
fresh-op-vet = Decyzja weryfikacyjna
fresh-op-stale = Ukryto z braku potwierdzenia
