# پی اے مارکیٹ رپورٹ: /commissioner/market (docs/market.md)

market-link = پی اے مارکیٹ رپورٹ: علاقے، زبان، سروس اور ایجنسی کے لحاظ سے پی اے اور فراہم کنندگان
market-title = پی اے مارکیٹ رپورٹ
market-intro = فعال ذاتی معاونین (پی اے) اور دیکھ بھال فراہم کرنے والے، اس مقامی کونسل میں گنے گئے جہاں وہ مقیم ہیں۔ صرف تعداد: کسی پی اے کا نام یا جگہ نہیں دکھائی جاتی۔
market-filter-view = جدول
market-filter-authority = مقامی کونسل
market-filter-language = زبان
market-all = سب
market-show = دکھائیں
market-view-language = کونسل اور زبان کے لحاظ سے
market-view-service = کونسل اور سروس کے لحاظ سے
market-view-agency = کونسل اور معاون ایجنسی کے لحاظ سے
market-view-ethnicity = نسلی گروہ کے لحاظ سے پی اے، مردم شماری کے مقابلے میں
market-download-csv = CSV ڈاؤن لوڈ کریں
market-download-geojson = GeoJSON ڈاؤن لوڈ کریں (نقشہ)
market-suppression-title = کچھ اعداد "<5" کیوں دکھائے گئے ہیں
market-suppression = جب پی اے کی تعداد 1 سے 4 کے درمیان ہو تو ہم "<5" دکھاتے ہیں تاکہ کسی کو پہچانا نہ جا سکے۔ جب کسی چھپے ہوئے عدد کو کل تعداد سے نکالا جا سکتا ہو تو اس کے ساتھ والا سب سے چھوٹا عدد بھی چھپا دیا جاتا ہے۔ فراہم کنندگان کی تعداد پوری دکھائی جاتی ہے: وہ ادارے ہیں اور نیچے ان کے نام درج ہیں۔
market-snapshot-since = تبدیلیاں { $date } کے اسنیپ شاٹ کے بعد سے ہیں۔
market-snapshot-none = ابھی کوئی پچھلا اسنیپ شاٹ نہیں، اس لیے دکھانے کو کوئی تبدیلی نہیں۔
market-total = کل: { $pas } پی اے اور { $providers } فراہم کنندگان۔
market-col-authority = مقامی کونسل
market-col-language = زبان
market-col-service = سروس
market-col-agency = معاون ایجنسی
market-col-ethnicity = نسلی گروہ
market-col-pas = پی اے
market-col-providers = فراہم کنندگان
market-col-census = رہائشیوں میں حصہ (مردم شماری 2021)
market-col-trend = تبدیلی
market-trend-up = { $n ->
    [one] پچھلے اسنیپ شاٹ سے ایک زیادہ
   *[other] پچھلے اسنیپ شاٹ سے { $n } زیادہ
}
market-trend-down = { $n ->
    [one] پچھلے اسنیپ شاٹ سے ایک کم
   *[other] پچھلے اسنیپ شاٹ سے { $n } کم
}
market-trend-same = پچھلے اسنیپ شاٹ سے کوئی تبدیلی نہیں
market-trend-unknown = موازنہ ممکن نہیں: ایک عدد چھپا ہوا ہے
market-not-recorded = درج نہیں
market-no-agency = کوئی ایجنسی نہیں
market-organisations-title = ہر زبان بولنے والے فراہم کنندگان، علاقے کے لحاظ سے
