# The agency console's register upload: a re-upload previewed before it is saved (agency_upload.rs).
agency-upload-applied = Zaktualizowano { $updated }, dodano { $added }; bez zmian: { $unchanged }.
agency-upload-preview-title = Sprawdź przed zapisaniem
agency-upload-preview = Ten plik aktualizuje { $updated } Twoich asystentów i dodaje { $added } nowych; bez zmian: { $unchanged }. Nic nie zostanie zapisane bez Twojego potwierdzenia.
agency-upload-will-update = { $count ->
    [one] Ten asystent zostanie zaktualizowany:
    [few] Ci { $count } asystenci zostaną zaktualizowani:
   *[other] Tych { $count } asystentów zostanie zaktualizowanych:
}
agency-upload-will-add = { $count ->
    [one] Ten asystent zostanie dodany:
    [few] Ci { $count } asystenci zostaną dodani:
   *[other] Tych { $count } asystentów zostanie dodanych:
}
agency-upload-preview-note = Wiersze są dopasowywane do Twoich asystentów po identyfikatorze (external_ref); zaktualizowany asystent otrzymuje wszystkie dane z pliku.
agency-upload-confirm = Zapisz te zmiany
agency-upload-cancel = Anuluj
