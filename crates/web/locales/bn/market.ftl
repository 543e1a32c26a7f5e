# পিএ বাজার প্রতিবেদন: /commissioner/market (docs/market.md)

market-link = পিএ বাজার প্রতিবেদন: এলাকা, ভাষা, সেবা ও এজেন্সি অনুযায়ী পিএ ও সেবাদাতা
market-title = পিএ বাজার প্রতিবেদন
market-intro = সক্রিয় ব্যক্তিগত সহকারী (পিএ) ও যত্ন সেবাদাতা, যে স্থানীয় কাউন্সিলে তাঁদের ঠিকানা সেখানে গোনা হয়েছে। শুধু সংখ্যা: কোনো পিএ-র নাম বা অবস্থান দেখানো হয় না।
market-filter-view = তালিকা
market-filter-authority = স্থানীয় কাউন্সিল
market-filter-language = ভাষা
market-all = সব
market-show = দেখান
market-view-language = কাউন্সিল ও ভাষা অনুযায়ী
market-view-service = কাউন্সিল ও সেবা অনুযায়ী
market-view-agency = কাউন্সিল ও সহায়তা এজেন্সি অনুযায়ী
market-view-ethnicity = জাতিগত গোষ্ঠী অনুযায়ী পিএ, আদমশুমারির তুলনায়
market-download-csv = CSV ডাউনলোড করুন
market-download-geojson = GeoJSON ডাউনলোড করুন (মানচিত্র)
market-suppression-title = কিছু সংখ্যা কেন "<5" দেখায়
market-suppression = পিএ-র সংখ্যা ১ থেকে ৪ হলে আমরা "<5" দেখাই, যাতে কাউকে চেনা না যায়। মোট থেকে কোনো লুকানো সংখ্যা বের করা গেলে পাশের সবচেয়ে ছোট সংখ্যাটিও লুকানো হয়। সেবাদাতার সংখ্যা পুরো দেখানো হয়: তারা প্রতিষ্ঠান, নিচে তাদের নাম আছে।
market-snapshot-since = পরিবর্তনগুলো { $date } তারিখের স্ন্যাপশট থেকে।
market-snapshot-none = এখনো কোনো আগের স্ন্যাপশট নেই, তাই দেখানোর মতো কোনো পরিবর্তন নেই।
market-total = মোট: { $pas } জন পিএ ও { $providers }টি সেবাদাতা।
market-col-authority = স্থানীয় কাউন্সিল
market-col-language = ভাষা
market-col-service = সেবা
market-col-agency = সহায়তা এজেন্সি
market-col-ethnicity = জাতিগত গোষ্ঠী
market-col-pas = পিএ
market-col-providers = সেবাদাতা
market-col-census = বাসিন্দাদের অংশ (আদমশুমারি ২০২১)
market-col-trend = পরিবর্তন
market-trend-up = { $n ->
    [one] আগের স্ন্যাপশট থেকে একজন বেড়েছে
   *[other] আগের স্ন্যাপশট থেকে { $n } বেড়েছে
}
market-trend-down = { $n ->
    [one] আগের স্ন্যাপশট থেকে একজন কমেছে
   *[other] আগের স্ন্যাপশট থেকে { $n } কমেছে
}
market-trend-same = আগের স্ন্যাপশট থেকে কোনো পরিবর্তন নেই
market-trend-unknown = তুলনা করা যায় না: একটি সংখ্যা লুকানো
market-not-recorded = লেখা নেই
market-no-agency = কোনো এজেন্সি নেই
market-organisations-title = প্রতিটি ভাষায় কথা বলা সেবাদাতা, এলাকা অনুযায়ী
