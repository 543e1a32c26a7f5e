# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = { $postcode } થી { $km } કિમીની અંદર.
results-summary-needs = તમે માગ્યું:
results-essential = { $what } (જરૂરી)
results-change = શોધ બદલો
results-sort-label = ક્રમ
results-sort-fit = સૌથી યોગ્ય પહેલા
results-sort-distance = સૌથી નજીક પહેલા
results-pages = પરિણામોનાં પાનાં
results-page-prev = પાછલું પાનું
results-page-next = આગલું પાનું
results-showing = પરિણામ { $from } થી { $to }
results-cap = વધુમાં વધુ પહેલાં { $count } પરિણામ જ બતાવી શકાય: બીજાં જોવા માટે કોઈ જરૂરિયાત ઉમેરો અથવા અંતર ઘટાડો.
