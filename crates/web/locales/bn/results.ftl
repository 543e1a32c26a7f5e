# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = { $postcode } থেকে { $km } কিমির মধ্যে।
results-summary-needs = আপনি চেয়েছেন:
results-essential = { $what } (আবশ্যক)
results-change = খোঁজ বদলান
results-sort-label = ক্রম
results-sort-fit = সবচেয়ে উপযুক্ত আগে
results-sort-distance = সবচেয়ে কাছের আগে
results-pages = ফলাফলের পাতা
results-page-prev = আগের পাতা
results-page-next = পরের পাতা
results-showing = ফলাফল { $from } থেকে { $to }
results-cap = সর্বোচ্চ প্রথম { $count }টি ফলাফল দেখানো যায়: অন্যগুলো দেখতে একটি প্রয়োজন যোগ করুন বা দূরত্ব কমান।
