# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = { $postcode } ਤੋਂ { $km } ਕਿਲੋਮੀਟਰ ਦੇ ਅੰਦਰ।
results-summary-needs = ਤੁਸੀਂ ਮੰਗਿਆ:
results-essential = { $what } (ਲਾਜ਼ਮੀ)
results-change = ਖੋਜ ਬਦਲੋ
results-sort-label = ਤਰਤੀਬ
results-sort-fit = ਸਭ ਤੋਂ ਢੁਕਵੇਂ ਪਹਿਲਾਂ
results-sort-distance = ਸਭ ਤੋਂ ਨੇੜੇ ਪਹਿਲਾਂ
results-pages = ਨਤੀਜਿਆਂ ਦੇ ਪੰਨੇ
results-page-prev = ਪਿਛਲਾ ਪੰਨਾ
results-page-next = ਅਗਲਾ ਪੰਨਾ
results-showing = ਨਤੀਜੇ { $from } ਤੋਂ { $to }
results-cap = ਵੱਧ ਤੋਂ ਵੱਧ ਪਹਿਲੇ { $count } ਨਤੀਜੇ ਹੀ ਦਿਖਾਏ ਜਾ ਸਕਦੇ ਹਨ: ਹੋਰ ਦੇਖਣ ਲਈ ਕੋਈ ਲੋੜ ਜੋੜੋ ਜਾਂ ਦੂਰੀ ਘਟਾਓ।
