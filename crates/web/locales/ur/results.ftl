# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = { $postcode } سے { $km } کلومیٹر کے اندر۔
results-summary-needs = آپ نے مانگا:
results-essential = { $what } (لازمی)
results-change = تلاش بدلیں
results-sort-label = ترتیب
results-sort-fit = سب سے موزوں پہلے
results-sort-distance = سب سے قریب پہلے
results-pages = نتائج کے صفحات
results-page-prev = پچھلا صفحہ
results-page-next = اگلا صفحہ
results-showing = نتائج { $from } سے { $to }
results-cap = زیادہ سے زیادہ پہلے { $count } نتائج ہی دکھائے جا سکتے ہیں: دوسرے دیکھنے کے لیے کوئی ضرورت شامل کریں یا فاصلہ کم کریں۔
