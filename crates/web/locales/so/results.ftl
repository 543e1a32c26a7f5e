# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = Gudaha { $km } km ee { $postcode }.
results-summary-needs = Waxaad weydiisay:
results-essential = { $what } (lama huraan)
results-change = Beddel raadinta
results-sort-label = Kala horreynta
results-sort-fit = Kuwa ugu habboon marka hore
results-sort-distance = Kuwa ugu dhow marka hore
results-pages = Bogagga natiijooyinka
results-page-prev = Boggii hore
results-page-next = Bogga xiga
results-showing = Natiijooyinka { $from } ilaa { $to }
results-cap = Ugu badnaan { $count } natiijo ee ugu horreeya ayaa la tusi karaa: ku dar baahi ama gaabi masaafada si aad kuwa kale u aragto.
