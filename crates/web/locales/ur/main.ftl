# carematch web pages: Urdu (Nastaliq / Arabic script, right to left).
# Same ids as the English reference catalogue. Placeables in { } are filled in by the server; keep them.

## Page shell
site-name = carematch
site-tagline = آپ کی اپنی زبان میں دیکھ بھال
skip-to-content = اصل مواد پر جائیں
nav-find = دیکھ بھال تلاش کریں
nav-shortlist = میری منتخب فہرست ({ $count })
nav-agency = ایجنسیوں کے لیے
nav-commissioner = کونسل کمشنرز کے لیے
nav-help = مدد
language-switcher = زبان
footer-privacy = ہم کبھی بھی کسی دیکھ بھال کرنے والے کا گھر کا پتہ، درست مقام یا رابطے کی تفصیلات عام لوگوں کو نہیں دکھاتے۔ آپ یہاں جو کچھ لکھتے ہیں وہ محفوظ نہیں کیا جاتا۔
footer-api = اوپن ڈیٹا اور API

## Find care form
find-title = دیکھ بھال کرنے والا یا کوئی کمیونٹی سروس تلاش کریں
find-intro = ہمیں بتائیں کہ جس فرد کو دیکھ بھال کی ضرورت ہے وہ کہاں رہتے ہیں اور ان کے لیے کون سی باتیں اہم ہیں۔ ہم مناسب ذاتی معاون (PA) اور مقامی سروسز دکھاتے ہیں، اور یہ بھی بتاتے ہیں کہ وہ کیوں مناسب ہیں۔
field-postcode = پوسٹ کوڈ
field-postcode-hint = مثال کے طور پر M13 0EG۔ فاصلہ ناپنے کے لیے صرف علاقہ استعمال ہوتا ہے۔
field-distance = کتنی دور تک
distance-km = { $km } کلومیٹر
field-help = کس مدد کی ضرورت ہے
field-languages = دیکھ بھال کرنے والے کو کون سی زبانیں آنی چاہئیں
field-languages-must = ان میں سے کوئی ایک زبان بولنا ضروری ہے
field-languages-reads = وہ یہ زبان پڑھ بھی سکیں (خطوط، دواؤں کے لیبل)
field-dbs = ذاتی نگہداشت کے لیے درست اینہانسڈ DBS چیک طلب کریں
field-food = کھانا
field-cuisines = گھر کا کھانا
field-diets = کھانے کے اصول جن کی دیکھ بھال کرنے والے کو پابندی کرنی ہوگی
field-medical-diets = طبی غذائیں یا خاص قسم کی غذائیں (نرم، پیوری) جو دیکھ بھال کرنے والے کو پکانی ہوں گی
field-faith = مذہبی طریقے جن کا احترام کیا جائے
field-gender = ذاتی دیکھ بھال کے لیے دیکھ بھال کرنے والے کی صنف
gender-any = کوئی ترجیح نہیں
field-gender-must = یہ لازمی ہے
field-more = یہ بھی اہم ہے
field-lgbt = LGBT+ افراد کا خیرمقدم
field-remote = فون یا آن لائن مدد بھی ٹھیک ہے (دور کی سروسز بھی مدد کر سکتی ہیں)
field-client = کلائنٹ کا منصوبہ
field-hours = ہفتے میں معاونت کے گھنٹے
field-budget = ہفتہ وار بجٹ (£)
field-budget-hint = ہفتے کے گھنٹوں کے ساتھ: گھنٹے × PA کا فی گھنٹہ ریٹ بجٹ کے اندر ہونا چاہیے۔
field-prefer = وہ PA جنہیں کلائنٹ جانتے ہیں اور دوبارہ چاہتے ہیں (PA نمبر، کاما سے الگ کر کے)
field-block = وہ PA جنہیں کلائنٹ نہیں چاہتے (PA نمبر، کاما سے الگ کر کے)
field-when = مدد کب چاہیے
part-morning = صبح
part-afternoon = دوپہر
part-evening = شام
find-submit = تلاش کریں
find-more-options = مزید انتخاب

## Results
results-title = نتائج
results-count = { $count ->
    [one] ایک دیکھ بھال کرنے والا یا سروس مناسب ہے۔
   *[other] { $count } دیکھ بھال کرنے والے اور سروسز مناسب ہیں۔
}
results-none = ابھی کوئی بھی تمام لازمی ضرورتیں پوری نہیں کرتا۔
results-considered = قریب کے { $count } دیکھ بھال کرنے والوں اور سروسز کو جانچا گیا۔
result-carer = ذاتی معاون (PA)
result-provider = کمیونٹی سروس
result-distance = تقریباً { $km } کلومیٹر دور
result-score = مطابقت { $percent }%
result-free = دستیاب: { $when }
result-area = { $area } میں مقیم
result-rate = £{ $rate } فی گھنٹہ
result-why = یہ نتیجہ کیوں
outcome-met = ہاں
outcome-partial = جزوی طور پر
outcome-unmet = نہیں
outcome-required = لازمی
relax-title = نتائج کافی نہیں؟ یہ آزمائیں:
relax-distance = { $km } کلومیٹر تک کے دیکھ بھال کرنے والے دکھائیں ({ $count } مزید)
relax-make-preferred = “{ $what }” کو لازمی کے بجائے صرف ترجیح بنائیں ({ $count } مزید)
error-title = براہ کرم فارم چیک کریں
error-postcode-missing = پوسٹ کوڈ درج کریں۔
error-postcode-invalid = “{ $postcode }” برطانیہ کا پوسٹ کوڈ نہیں ہے۔
error-postcode-unknown = ہمارے پاس پوسٹ کوڈ “{ $postcode }” کی معلومات نہیں ہیں۔
error-loading = ڈائریکٹری ابھی لوڈ ہو رہی ہے۔ براہ کرم ایک منٹ بعد دوبارہ کوشش کریں۔
refused-title = یہ فارم قبول نہیں کیا جا سکا
refused-body = آپ کی حفاظت کے لیے ہم صرف اسی ویب سائٹ کے اپنے صفحات سے بھیجے گئے فارم قبول کرتے ہیں۔ یہ فارم وہاں سے نہیں آیا، یا پرانا ہو چکا ہے۔ کچھ بھی تبدیل نہیں کیا گیا۔ واپس جائیں، صفحہ دوبارہ لوڈ کریں اور پھر کوشش کریں۔
refused-back = واپس جائیں

## Criteria names (for the reasons)
crit-language = زبان
crit-cuisine = کھانا پکانا
crit-diet = کھانے کے اصول
crit-faith_practice = مذہبی طریقہ
crit-faith = ایک ہی مذہب
crit-carer_gender = دیکھ بھال کرنے والے کی صنف
crit-service = مدد
crit-experience = تجربہ
crit-check = جانچ پڑتال
crit-distance = فاصلہ
crit-schedule = ضرورت کے وقت دستیاب
crit-hours_per_week = ہفتے کے گھنٹے
crit-max_hourly_rate = فی گھنٹہ ریٹ
crit-needed_by = وقت پر شروع کر سکتے ہیں
crit-accepting_new_clients = نئے کلائنٹ لے رہے ہیں
crit-carer_capacity = نئے کلائنٹس کے لیے گنجائش ہے
crit-weekly_budget = ہفتہ وار بجٹ
crit-lgbt_inclusive = LGBT+ افراد کا خیرمقدم
crit-preferred_carer = آپ کے بتائے ہوئے دیکھ بھال کرنے والے
crit-reads = پڑھنا
crit-writes = لکھنا
crit-medical_diet = طبی غذا
crit-delivery_mode = کام کا طریقہ

## Reasons and relaxations
crit-with-value = { $name }: { $value }
level-basic = بنیادی سطح
level-conversational = بول چال کی سطح
level-fluent = روانی سے
level-native = مادری زبان
why-language-level = { $who ->
    [female] { $language } بولتی ہیں ({ $level })
   *[other] { $language } بولتے ہیں ({ $level })
}
why-language = { $who ->
    [female] { $language } بولتی ہیں
    [provider] عملہ { $language } بولتا ہے
   *[other] { $language } بولتے ہیں
}
why-language-related = { $who ->
    [female] { $related } بولتی ہیں — تصدیق کریں کہ { $language } بھی بولتی ہیں
    [provider] عملہ { $related } بولتا ہے — تصدیق کریں کہ { $language } بھی بولتا ہے
   *[other] { $related } بولتے ہیں — تصدیق کریں کہ { $language } بھی بولتے ہیں
}
why-language-lower = { $who ->
    [female] { $language } بولتی ہیں ({ $level }) — { $needed } درکار ہے
   *[other] { $language } بولتے ہیں ({ $level }) — { $needed } درکار ہے
}
why-language-none = { $who ->
    [female] { $language } نہیں بولتیں
    [provider] عملہ { $language } نہیں بولتا
   *[other] { $language } نہیں بولتے
}
why-cuisine = { $who ->
    [female] گھر کا کھانا پکاتی ہیں: { $cuisine }
   *[other] گھر کا کھانا پکاتے ہیں: { $cuisine }
}
why-cuisine-not = کھانا پکانے میں درج نہیں: { $cuisine }
why-diet = { $who ->
    [female] کھانے کے ان اصولوں کی پابندی کرتی ہیں: { $diet }
   *[other] کھانے کے ان اصولوں کی پابندی کرتے ہیں: { $diet }
}
why-diet-not = کھانے کا یہ اصول درج نہیں: { $diet }
why-practice = { $practice }
why-practice-not = درج نہیں: { $practice }
why-service = { $who ->
    [female] یہ خدمت فراہم کرتی ہیں: { $service }
   *[other] یہ خدمت فراہم کرتے ہیں: { $service }
}
why-service-not = { $who ->
    [female] یہ خدمت فراہم نہیں کرتیں: { $service }
   *[other] یہ خدمت فراہم نہیں کرتے: { $service }
}
why-experience = تجربہ ہے: { $experience }
why-experience-not = کوئی تجربہ درج نہیں: { $experience }
why-faith = اس شخص کے ہم مذہب ہیں ({ $faith })
why-faith-not = اس شخص کا ہم مذہب ہونا درج نہیں ({ $faith })
why-gender = { $gender ->
    [female] خاتون دیکھ بھال کرنے والی
    [male] مرد دیکھ بھال کرنے والا
   *[other] دیکھ بھال کرنے والے: { $label }
}
why-gender-not = { $gender ->
    [female] خاتون دیکھ بھال کرنے والی نہیں
    [male] مرد دیکھ بھال کرنے والا نہیں
   *[other] دیکھ بھال کرنے والے ({ $label }) نہیں
}
why-faith-provider = ادارے پر لاگو نہیں — پوچھیں کہ کیا عملے میں { $faith } افراد ہیں
why-gender-provider = ادارے پر لاگو نہیں — { $label } عملے کے بارے میں پوچھیں
why-distance = { $km } کلومیٹر دور
why-schedule-none = فارغ اوقات درج نہیں
why-schedule-not-free = مطلوبہ اوقات میں فارغ نہیں
why-free-days = { $days } { $periods }
why-schedule-all = فارغ: { $times } — پورے شیڈول کا احاطہ
why-schedule-part = فارغ: { $times } — شیڈول کے { $percent }% کا احاطہ
period-mornings = صبح
period-afternoons = دوپہر
period-evenings = شام
period-nights = رات
list-join = { $a }، { $b }
list-and = { $a } اور { $b }
list-or = { $a } یا { $b }
list-groups = { $a }؛ { $b }
why-start-arranged = شروع کرنے کی تاریخ باہمی رضامندی سے
why-hours-arranged = اوقات باہمی رضامندی سے
why-hours = ہفتے میں { $free } { $free ->
    [one] گھنٹہ
   *[other] گھنٹے
} فارغ ({ $needed } درکار)
why-hours-short = ہفتے میں { $free } { $free ->
    [one] گھنٹہ
   *[other] گھنٹے
} فارغ — { $needed } درکار
why-rate-unknown = فی گھنٹہ ریٹ شائع نہیں — پوچھیں
why-rate = £{ $rate } فی گھنٹہ
why-rate-over = £{ $rate } فی گھنٹہ — £{ $limit } کی حد سے زیادہ
why-available-now = ابھی دستیاب ہیں
why-available-from = { $date } سے دستیاب ہیں
why-available-late = { $date } سے دستیاب ہیں — { $needed } تک درکار
why-check-none = { $check } درج نہیں
why-check-valid = { $check } { $date } تک درست
why-check-expired = { $check } کی مدت { $date } کو ختم ہو گئی
why-accepting = نئے کلائنٹس لے رہے ہیں ({ $date } کو تصدیق ہوئی)
why-accepting-lapsed = { $date } سے نئے کلائنٹس لینے کی تصدیق نہیں ہوئی ({ $days } دن بعد ختم ہو جاتی ہے) — پوچھیں
why-accepting-not = نئے کلائنٹس نہیں لے رہے
why-reads = { $who ->
    [female] { $language } پڑھ سکتی ہیں
    [provider] عملہ { $language } پڑھ سکتا ہے
   *[other] { $language } پڑھ سکتے ہیں
}
why-reads-not = { $who ->
    [female] { $language } نہیں پڑھ سکتیں
    [provider] عملہ { $language } نہیں پڑھ سکتا
   *[other] { $language } نہیں پڑھ سکتے
}
why-writes = { $who ->
    [female] { $language } لکھ سکتی ہیں
    [provider] عملہ { $language } لکھ سکتا ہے
   *[other] { $language } لکھ سکتے ہیں
}
why-writes-not = { $who ->
    [female] { $language } نہیں لکھ سکتیں
    [provider] عملہ { $language } نہیں لکھ سکتا
   *[other] { $language } نہیں لکھ سکتے
}
why-medical-diet = { $who ->
    [female] یہ طبی غذا پکاتی ہیں: { $diet }
   *[other] یہ طبی غذا پکاتے ہیں: { $diet }
}
why-medical-diet-not = یہ طبی غذا درج نہیں: { $diet }
why-delivery = کام کا طریقہ: { $mode }
why-delivery-not = { $who ->
    [female] اس طریقے سے کام نہیں کرتیں: { $mode }
   *[other] اس طریقے سے کام نہیں کرتے: { $mode }
}
why-lgbt = { $who ->
    [female] LGBT+ افراد کا خیرمقدم کرتی ہیں
   *[other] LGBT+ افراد کا خیرمقدم کرتے ہیں
}
why-lgbt-not = LGBT+ افراد کا خیرمقدم کرنا درج نہیں
why-preferred-carer = آپ نے انہیں پسندیدہ دیکھ بھال کرنے والے کے طور پر بتایا تھا
why-remote = { $km } کلومیٹر دور — کام کا طریقہ: { $modes }
why-budget = { $hours } { $hours ->
    [one] گھنٹے
   *[other] گھنٹوں
} کے لیے £{ $cost } فی ہفتہ (بجٹ £{ $budget })
why-budget-over = { $hours } { $hours ->
    [one] گھنٹے
   *[other] گھنٹوں
} کے لیے £{ $cost } فی ہفتہ — £{ $budget } کے بجٹ سے زیادہ
why-budget-unknown = فی گھنٹہ ریٹ شائع نہیں — ہفتہ وار خرچ کے بارے میں پوچھیں
why-criterion = { $what }
date-format = { $d }/{ $m }/{ $y }
date-unknown = نامعلوم تاریخ
relax-within = { $km } کلومیٹر کے اندر { $count } مزید
relax-hours = { $count } مزید جن کے پاس ہفتے میں { $needed } سے کم گھنٹے فارغ ہیں
relax-rate = { $count } مزید جن کا ریٹ £{ $limit } فی گھنٹہ سے زیادہ ہے یا شائع نہیں
relax-needed-by = { $count } مزید جو { $date } کے بعد دستیاب ہیں
relax-language-dialect = { $count ->
    [one] { $count } فرد { $related } بولتا ہے — { $language } کی تصدیق کریں
   *[other] { $count } افراد { $related } بولتے ہیں — { $language } کی تصدیق کریں
}
relax-language-some-dialect = { $language } کی شرط ہٹانے پر { $count } مزید، جن میں سے { $dialect } { $related } بولتے ہیں — { $language } کی تصدیق کریں
relax-language-level = { $language } ({ $level }) کی شرط ہٹانے پر { $count } مزید
relax-language = { $language } کی شرط ہٹانے پر { $count } مزید
relax-accepting = { $count } مزید اگر ان اداروں سے بھی پوچھا جائے جو فی الحال نئے کلائنٹس نہیں لے رہے (یا جن کی تصدیق ختم ہو گئی)
relax-schedule = { $count } مزید جو شیڈول کا کچھ حصہ پورا کرتے ہیں
relax-check = درست { $check } کی شرط ہٹانے پر { $count } مزید
relax-capacity = { $count } مزید اگر وہ PA بھی شامل کریں جن کے پاس فی الحال گنجائش نہیں
relax-budget = { $count } مزید جن کا خرچ £{ $budget } کے ہفتہ وار بجٹ سے زیادہ ہے یا ریٹ شائع نہیں
relax-without = “{ $what }” کی شرط ہٹانے پر { $count } مزید

## Shortlist
shortlist-add = { $name } کو میری منتخب فہرست میں شامل کریں
shortlist-remove = { $name } کو میری منتخب فہرست سے ہٹائیں
shortlist-added = آپ کی منتخب فہرست میں ہے
shortlist-title = میری منتخب فہرست
shortlist-empty = آپ کی منتخب فہرست خالی ہے۔ اپنی تلاش کے نتائج میں سے دیکھ بھال کرنے والے اور سروسز شامل کریں۔
shortlist-share = یہ منتخب فہرست شیئر کریں
shortlist-share-hint = جس کے پاس بھی یہ لنک ہو وہ یہی فہرست دیکھ سکتا ہے۔ اس میں کوئی ذاتی معلومات نہیں ہیں۔
shortlist-print = پرنٹ کریں
shortlist-ask-title = ایجنسی سے پوچھنے کے لیے سوالات
shortlist-ask-free = کیا { $name } میرے مطلوبہ اوقات میں اب بھی دستیاب ہیں، اور کب سے؟
shortlist-ask-checks = کیا { $name } کی جانچ پڑتال (جیسے DBS) تازہ ترین ہے؟
shortlist-ask-food = کیا { $name } میرے کھانے کے اصولوں کا خیال رکھتے ہوئے وہ کھانا بنا سکتے ہیں جو میں کھاتا/کھاتی ہوں؟
shortlist-ask-language = کیا { $name } ذاتی دیکھ بھال کے لیے میری زبان اچھی طرح بول لیتے ہیں؟
shortlist-ask-contact = میں { $name } سے کیسے رابطہ کروں، اور پہلی ملاقات کون طے کرتا ہے؟
shortlist-contact = رابطہ
shortlist-gone = یہ اندراج اب فہرست میں موجود نہیں ہے۔
shortlist-back = تلاش پر واپس جائیں

## Sign in (agencies and commissioners)
login-title = سائن اِن کریں
login-intro = اس API کلید سے سائن اِن کریں جو آپ کے منتظم نے آپ کو دی ہے۔ کلید آپ کے براؤزر میں محفوظ نہیں کی جاتی؛ صرف ایک سیشن کوکی محفوظ ہوتی ہے۔
login-key = API کلید
login-submit = سائن اِن کریں
login-bad-key = یہ کلید درست نہیں ہے، یا اسے منسوخ کر دیا گیا ہے۔
login-wrong-role = اس کلید سے یہ صفحہ نہیں کھل سکتا۔
logout = سائن آؤٹ کریں

## Agency console
agency-title = ایجنسی کنسول
agency-signed-in = { $agency } کے لیے سائن اِن ہیں
agency-find-title = کسی کلائنٹ کے لیے PA تلاش کریں
agency-find-intro = اس میں آپ کے وہ PA بھی شامل ہیں جو عوامی طور پر درج نہیں ہیں۔ رابطے کی تفصیلات دکھائی جاتی ہیں۔
agency-carers-title = آپ کے PA ({ $count })
agency-col-name = نام
agency-col-postcode = پوسٹ کوڈ
agency-col-languages = زبانیں
agency-col-public = عوامی طور پر درج
agency-col-faith-public = مذہب عوامی طور پر دکھایا گیا
agency-col-confirmed = آخری تصدیق
agency-col-actions = اقدامات
agency-delete = { $name } کو حذف کریں
agency-deleted = { $name } کو حذف کر دیا گیا۔
agency-confirm = تصدیق کریں کہ { $name } اب بھی دستیاب ہیں
agency-col-accepting = نئے کلائنٹس لے رہے ہیں
agency-accepting-lapsed = میعاد ختم (90 دن میں تصدیق نہیں ہوئی)
agency-mark-full = { $name } کو بھرا ہوا نشان زد کریں
agency-mark-accepting = { $name } کو نئے کلائنٹس لیتے ہوئے نشان زد کریں
agency-list = { $name } کو عوامی فہرست میں دکھائیں
agency-unlist = { $name } کو عوامی فہرست سے ہٹائیں
agency-faith-show = { $name } کا مذہب عوامی طور پر دکھائیں (انہوں نے رضامندی دی)
agency-faith-hide = { $name } کا مذہب نجی رکھیں
agency-updated = { $name } کی معلومات اپ ڈیٹ ہو گئیں۔
agency-yes = ہاں
agency-no = نہیں
agency-upload-title = رجسٹر اپ لوڈ کریں (CSV)
agency-upload-intro = سب کچھ یا کچھ بھی نہیں: اگر کسی بھی قطار میں کوئی مسئلہ ہو تو کچھ بھی درآمد نہیں ہوتا، اور ہر مسئلے کی فہرست دی جاتی ہے۔
agency-upload-file = CSV فائل
agency-upload-template = نمونہ (ٹیمپلیٹ) ڈاؤن لوڈ کریں
agency-export-register = اپنا رجسٹر ڈاؤن لوڈ کریں (CSV)
agency-export-register-note = نمونے والے ہی کالم، ترمیم کر کے دوبارہ اپ لوڈ کرنے کے لیے تیار۔ اس میں ذاتی معلومات ہیں: اسے محفوظ رکھیں۔
agency-upload-submit = اپ لوڈ کریں
agency-upload-ok = { $count ->
    [one] ایک PA درآمد کیا گیا۔
   *[other] { $count } PA درآمد کیے گئے۔
}
agency-upload-rejected = کچھ بھی درآمد نہیں ہوا۔ یہ قطاریں درست کریں اور دوبارہ اپ لوڈ کریں:
agency-upload-col-line = لائن
agency-upload-col-column = کالم
agency-upload-col-reason = مسئلہ
agency-upload-missing = اپ لوڈ کرنے کے لیے ایک CSV فائل منتخب کریں۔
agency-upload-too-large = فائل 10 MB سے بڑی ہے۔ اسے حصوں میں تقسیم کریں اور ہر حصہ الگ سے اپ لوڈ کریں۔
agency-page = صفحہ { $page } از { $pages }
page-previous = پچھلا
page-next = اگلا
contact-phone = فون
contact-email = ای میل

## Commissioner map
map-title = دیکھ بھال کہاں کم ہے؟
map-intro = ہر علاقے کا رنگ یہ دکھاتا ہے کہ جن لوگوں کو اس کی ضرورت ہے ان میں سے کتنوں کی پہنچ میں کوئی دیکھ بھال کرنے والا یا سروس موجود ہے۔
map-need = ضرورت
map-distance = فاصلے کے اندر
map-show = نقشہ دکھائیں
map-download-geojson = GeoJSON ڈاؤن لوڈ کریں
map-download-csv = CSV ڈاؤن لوڈ کریں
map-table-title = علاقے، سب سے بڑی کمی والے پہلے
map-col-area = علاقہ
map-col-demand = لوگ
map-col-carers = دیکھ بھال کرنے والے
map-col-providers = سروسز
map-col-nearest = قریب ترین (کلومیٹر)
map-col-severity = کمی
map-sort = { $column } کے مطابق ترتیب دیں
map-no-authorities = ابھی تک کوئی مقامی اتھارٹی (کونسل) درآمد نہیں کی گئی۔ پہلے carematch import authorities، boundaries اور census چلائیں۔
severity-none_in_reach = پہنچ میں کوئی نہیں
severity-severe = شدید
severity-moderate = درمیانی
severity-adequate = کافی
severity-demand_unknown = ضرورت معلوم نہیں
severity-no_demand = کوئی ضرورت نہیں

## Errors
not-found-title = صفحہ نہیں ملا
not-found-body = اس پتے پر کوئی صفحہ موجود نہیں ہے۔

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = کینٹونیز (چینی)
cuisine-north_chinese = شمالی چینی
cuisine-vietnamese = ویتنامی
cuisine-filipino = فلپائنی
cuisine-punjabi = پنجابی
cuisine-gujarati = گجراتی
cuisine-bengali = بنگالی اور سلہٹی
cuisine-pakistani = پاکستانی
cuisine-south_indian = جنوبی ہندوستانی
cuisine-sri_lankan = سری لنکن
cuisine-somali = صومالی
cuisine-east_african = مشرقی افریقی
cuisine-west_african = مغربی افریقی
cuisine-caribbean = کیریبین
cuisine-middle_eastern = مشرقِ وسطیٰ
cuisine-persian = ایرانی اور افغانی
cuisine-kurdish = کرد
cuisine-turkish = ترکی
cuisine-greek_cypriot = یونانی قبرصی
cuisine-polish = پولش
cuisine-eastern_european = مشرقی یورپی
cuisine-jewish = یہودی گھریلو کھانا
cuisine-irish = آئرش
cuisine-british = برطانوی
diet-halal = حلال
diet-kosher = کوشر (یہودی)
diet-vegetarian = سبزی خور
diet-vegan = ویگن (دودھ سمیت جانوروں سے بنی کوئی چیز نہیں)
diet-jain = جین (زمین کے نیچے اگنے والی سبزیاں نہیں)
diet-no_pork = سور کا گوشت نہیں
diet-no_beef = گائے کا گوشت نہیں
faith-buddhist = بدھ مت
faith-christian = مسیحی
faith-hindu = ہندو
faith-jewish = یہودی
faith-muslim = مسلمان
faith-sikh = سکھ
faith-other = کوئی اور مذہب
faith-none = کوئی مذہب نہیں
faith_practice-prayer_times = نماز اور عبادت کے اوقات کا احترام
faith_practice-fasting = روزے میں ساتھ دینا
faith_practice-same_gender_personal_care = ذاتی دیکھ بھال اپنی ہی صنف کے فرد سے
faith_practice-modest_dress = باحیا لباس
faith_practice-ritual_washing = مذہبی طہارت (جیسے وضو)
faith_practice-religious_festivals = مذہبی تہوار
faith_practice-accompany_to_worship = عبادت گاہ تک ساتھ جانا
service-personal_care = ذاتی دیکھ بھال
service-meal_preparation = کھانا تیار کرنا
service-domestic = گھر کے کام کاج میں مدد
service-shopping = خریداری
service-companionship = ساتھ دینا اور بات چیت
service-medication_prompting = دوا لینے کی یاد دہانی
service-accompany_appointments = اپائنٹمنٹ (جیسے GP یا ہسپتال) پر ساتھ جانا
service-night_support = رات کے وقت مدد
service-live_in = گھر میں ساتھ رہ کر دیکھ بھال
service-respite = عارضی دیکھ بھال (گھر والوں کو آرام کا وقفہ)
service-day_activities = دن کی سرگرمیاں
service-luncheon_club = لنچ کلب
service-befriending = دوستی اور ملاقات
service-advocacy = وکالت (آپ کی بات آگے پہنچانا)
service-interpreting = ترجمانی
service-peer_support = ہم مرتبہ معاونت
service-support_planning = معاونت کی منصوبہ بندی
service-direct_payment_support = براہ راست ادائیگی میں معاونت
medical_diet-diabetic = ذیابیطس کی غذا (کم چینی)
medical_diet-soft = نرم، آسانی سے چبائی جانے والی
medical_diet-pureed = پیس کر بنائی گئی (پیوری)
medical_diet-thickened_fluids = گاڑھے کیے گئے مشروبات
medical_diet-gluten_free = گلوٹن کے بغیر (سیلیک)
medical_diet-low_salt = کم نمک
medical_diet-low_fat = کم چکنائی
medical_diet-dairy_free = دودھ سے بنی چیزوں کے بغیر
medical_diet-nut_free = گری دار میووں کے بغیر
medical_diet-renal = گردوں کی غذا (رینل)
delivery_mode-in_person = آمنے سامنے
delivery_mode-phone = فون پر
delivery_mode-online = آن لائن (ویڈیو یا چیٹ)
experience-dementia = ڈیمنشیا (یادداشت کی بیماری)
experience-mental_health = ذہنی صحت
experience-physical_disability = جسمانی معذوری
experience-visual_impairment = بینائی کی کمزوری
experience-hearing_impairment = سماعت کی کمزوری
experience-learning_disability = سیکھنے کی معذوری (لرننگ ڈس ایبلٹی)
experience-autism = آٹزم
experience-stroke = فالج (اسٹروک)
experience-end_of_life = زندگی کے آخری ایام کی دیکھ بھال
check-dbs_enhanced = اینہانسڈ DBS چیک
check-right_to_work = برطانیہ میں کام کرنے کا حق
check-public_liability_insurance = پبلک لائبلٹی انشورنس
check-first_aid = ابتدائی طبی امداد (فرسٹ ایڈ)
check-food_hygiene = کھانے کی صفائی ستھرائی
check-manual_handling = محفوظ طریقے سے اٹھانا اور سہارا دینا
check-cqc_registered = CQC میں رجسٹرڈ
provider_kind-micro_provider = چھوٹا کمیونٹی سروس فراہم کنندہ
provider_kind-charity = فلاحی ادارہ (چیریٹی) یا کمیونٹی گروپ
provider_kind-home_care_agency = CQC میں رجسٹرڈ ہوم کیئر ایجنسی
provider_kind-day_service = ڈے سروس (دن کا مرکز)
provider_kind-luncheon_club = لنچ کلب
provider_kind-shared_lives = Shared Lives اسکیم
provider_kind-advocacy = وکالت کی سروس
gender-female = خاتون
gender-male = مرد
gender-non_binary = نان بائنری
weekday-mon = پیر
weekday-tue = منگل
weekday-wed = بدھ
weekday-thu = جمعرات
weekday-fri = جمعہ
weekday-sat = ہفتہ
weekday-sun = اتوار

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = یہ اندراج نہیں ملا
