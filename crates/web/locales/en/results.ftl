# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = Within { $km } km of { $postcode }.
results-summary-needs = You asked for:
results-essential = { $what } (essential)
results-change = Change search
results-sort-label = Order
results-sort-fit = Best fit first
results-sort-distance = Nearest first
results-pages = Pages of results
results-page-prev = Previous page
results-page-next = Next page
results-showing = Results { $from } to { $to }
results-cap = Only the first { $count } results can be shown: add a need or shorten the distance to see others.
