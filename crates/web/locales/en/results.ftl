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
results-map-show = Show these results on a map
results-map-hint = Each result is shown at the middle of its area (such as M13), never at anyone's address. The numbers are those of the list.
results-map-label = Map of the results: use the arrow keys to move, + and − to zoom, Tab to go through the results
