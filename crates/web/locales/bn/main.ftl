# carematch web pages: Bengali (Bengali script; everyday Bangladeshi usage, as read by Bengali and Sylheti families in the UK).
# Same ids as the English reference catalogue. Placeables in { } are filled in by the server; keep them.

## Page shell
site-name = carematch
site-tagline = আপনার নিজের ভাষায় যত্ন
skip-to-content = মূল অংশে যান
nav-find = যত্নের সেবা খুঁজুন
nav-shortlist = আমার বাছাই তালিকা ({ $count })
nav-agency = এজেন্সির জন্য
nav-commissioner = কাউন্সিল কমিশনারদের জন্য
nav-help = সাহায্য
language-switcher = ভাষা
footer-privacy = আমরা কখনো কোনো কেয়ারারের বাড়ির ঠিকানা, সঠিক অবস্থান বা যোগাযোগের তথ্য সবার সামনে দেখাই না। আপনি এখানে যা লেখেন, তা সংরক্ষণ করা হয় না।
footer-api = উন্মুক্ত ডেটা ও API

## Find care form
find-title = কেয়ারার বা কমিউনিটি সেবা খুঁজুন
find-intro = যাঁর যত্ন দরকার তিনি কোথায় থাকেন এবং তাঁর কাছে কী গুরুত্বপূর্ণ, তা আমাদের জানান। আমরা মানানসই ব্যক্তিগত সহকারী (PA) ও স্থানীয় সেবাগুলো দেখাই, আর কেন মানানসই তাও জানাই।
field-postcode = পোস্টকোড
field-postcode-hint = যেমন M13 0EG। দূরত্ব মাপতে শুধু এলাকাটি ব্যবহার করা হয়।
field-distance = কত দূর পর্যন্ত
distance-km = { $km } কিমি
field-help = কী ধরনের সাহায্য দরকার
field-languages = কেয়ারারকে যে ভাষাগুলো বলতে হবে
field-languages-must = এর মধ্যে অন্তত একটি ভাষা অবশ্যই বলতে হবে
field-languages-reads = ভাষাটি পড়তেও পারতে হবে (চিঠি, ওষুধের লেবেল)
field-dbs = ব্যক্তিগত যত্নের জন্য বৈধ বর্ধিত DBS চেক চান
field-food = খাবার
field-cuisines = ঘরের রান্না
field-diets = খাবারের যে নিয়ম কেয়ারারকে মানতেই হবে
field-medical-diets = চিকিৎসাজনিত খাবার বা বিশেষ ধরনের খাবার (নরম, পিউরি) যা কেয়ারারকে রান্না করতেই হবে
field-faith = যে ধর্মীয় রীতিনীতির প্রতি সম্মান দেখাতে হবে
field-gender = ব্যক্তিগত যত্নের জন্য কেয়ারারের লিঙ্গ
gender-any = কোনো পছন্দ নেই
field-gender-must = এটি অবশ্যই দরকার
field-more = এগুলোও গুরুত্বপূর্ণ
field-lgbt = LGBT+ মানুষদের প্রতি বান্ধব
field-remote = ফোনে বা অনলাইনে সাহায্যও চলবে (দূরের সেবাগুলোও সাহায্য করতে পারে)
field-client = ক্লায়েন্টের পরিকল্পনা
field-hours = সপ্তাহে কত ঘণ্টা সহায়তা
field-budget = সাপ্তাহিক বাজেট (£)
field-budget-hint = সপ্তাহে কত ঘণ্টার সাথে মিলিয়ে দেখা হয়: ঘণ্টা × PA-এর ঘণ্টাপ্রতি রেট বাজেটের মধ্যে থাকতে হবে।
field-prefer = ক্লায়েন্ট যে PA-দের চেনেন এবং আবার চান (PA নম্বর, কমা দিয়ে আলাদা করে)
field-block = ক্লায়েন্ট যে PA-দের চান না (PA নম্বর, কমা দিয়ে আলাদা করে)
field-when = কখন সাহায্য দরকার
part-morning = সকাল
part-afternoon = দুপুর
part-evening = সন্ধ্যা
find-submit = খুঁজুন
find-more-options = আরও বিকল্প

## Results
results-title = ফলাফল
results-count = { $count ->
    [one] { $count }টি মানানসই ফলাফল পাওয়া গেছে।
   *[other] { $count }টি মানানসই ফলাফল পাওয়া গেছে (কেয়ারার ও সেবা)।
}
results-none = এখনো কেউ সবগুলো জরুরি চাহিদা পূরণ করে না।
results-considered = কাছাকাছি { $count }টি কেয়ারার ও সেবা যাচাই করা হয়েছে।
result-carer = ব্যক্তিগত সহকারী (PA)
result-provider = কমিউনিটি সেবা
result-distance = প্রায় { $km } কিমি দূরে
result-score = মিল { $percent }%
result-free = ফাঁকা সময়: { $when }
result-area = এলাকা: { $area }
result-rate = ঘণ্টায় £{ $rate }
result-why = কেন এই ফলাফল
outcome-met = হ্যাঁ
outcome-partial = আংশিক
outcome-unmet = না
outcome-required = জরুরি
relax-title = যথেষ্ট ফলাফল নেই? এগুলো চেষ্টা করুন:
relax-distance = { $km } কিমি পর্যন্ত দূরের কেয়ারার দেখান (আরও { $count }টি)
relax-make-preferred = “{ $what }” জরুরি না রেখে শুধু পছন্দ হিসেবে রাখুন (আরও { $count }টি)
error-title = অনুগ্রহ করে ফর্মটি দেখে নিন
error-postcode-missing = একটি পোস্টকোড লিখুন।
error-postcode-invalid = “{ $postcode }” যুক্তরাজ্যের কোনো পোস্টকোড নয়।
error-postcode-unknown = “{ $postcode }” পোস্টকোডটি আমাদের জানা নেই।
error-loading = তালিকাটি এখনো লোড হচ্ছে। অনুগ্রহ করে এক মিনিট পরে আবার চেষ্টা করুন।
refused-title = এই ফর্মটি গ্রহণ করা যায়নি
refused-body = আপনার নিরাপত্তার জন্য আমরা শুধু এই সাইটের নিজের পাতা থেকে পাঠানো ফর্মই গ্রহণ করি। এই ফর্মটি সেখান থেকে আসেনি, অথবা এটি পুরোনো হয়ে গেছে। কিছুই বদলানো হয়নি। ফিরে যান, পাতাটি আবার লোড করুন এবং আবার চেষ্টা করুন।
refused-back = ফিরে যান

## Criteria names (for the reasons)
crit-language = ভাষা
crit-cuisine = রান্না
crit-diet = খাবারের নিয়ম
crit-faith_practice = ধর্মীয় রীতি
crit-faith = একই ধর্ম
crit-carer_gender = কেয়ারারের লিঙ্গ
crit-service = সাহায্য
crit-experience = অভিজ্ঞতা
crit-check = যাচাই
crit-distance = দূরত্ব
crit-schedule = দরকারের সময় ফাঁকা
crit-hours_per_week = সপ্তাহে কত ঘণ্টা
crit-max_hourly_rate = ঘণ্টাপ্রতি রেট
crit-needed_by = সময়মতো শুরু করতে পারবেন
crit-accepting_new_clients = নতুন ক্লায়েন্ট নিচ্ছেন
crit-carer_capacity = নতুন ক্লায়েন্টের জন্য জায়গা আছে
crit-weekly_budget = সাপ্তাহিক বাজেট
crit-lgbt_inclusive = LGBT+ মানুষদের প্রতি বান্ধব
crit-preferred_carer = আপনার উল্লেখ করা কেয়ারার
crit-reads = পড়তে পারেন
crit-writes = লিখতে পারেন
crit-medical_diet = চিকিৎসাজনিত খাবার
crit-delivery_mode = কাজের ধরন

## Reasons and relaxations
crit-with-value = { $name }: { $value }
level-basic = প্রাথমিক
level-conversational = কথোপকথনের মতো
level-fluent = সাবলীল
level-native = মাতৃভাষা
why-language-level = { $language } বলেন ({ $level })
why-language = { $who ->
    [provider] কর্মীরা { $language } বলেন
   *[other] { $language } বলেন
}
why-language-related = { $who ->
    [provider] কর্মীরা { $related } বলেন — { $language } বলেন কি না নিশ্চিত করুন
   *[other] { $related } বলেন — { $language } বলেন কি না নিশ্চিত করুন
}
why-language-lower = { $language } বলেন ({ $level }) — প্রয়োজন: { $needed }
why-language-none = { $who ->
    [provider] কর্মীরা { $language } বলেন না
   *[other] { $language } বলেন না
}
why-cuisine = ঘরোয়া রান্না করেন: { $cuisine }
why-cuisine-not = রান্নার তালিকায় নেই: { $cuisine }
why-diet = খাবারের এই নিয়ম মানেন: { $diet }
why-diet-not = খাবারের এই নিয়ম তালিকায় নেই: { $diet }
why-practice = { $practice }
why-practice-not = তালিকায় নেই: { $practice }
why-service = এই সেবা দেন: { $service }
why-service-not = এই সেবা দেন না: { $service }
why-experience = অভিজ্ঞতা আছে: { $experience }
why-experience-not = অভিজ্ঞতার উল্লেখ নেই: { $experience }
why-faith = ব্যক্তির সঙ্গে একই ধর্মের ({ $faith })
why-faith-not = ব্যক্তির সঙ্গে একই ধর্মের বলে উল্লেখ নেই ({ $faith })
why-gender = { $label } কেয়ারার
why-gender-not = { $label } কেয়ারার নন
why-faith-provider = প্রতিষ্ঠানের ক্ষেত্রে প্রযোজ্য নয় — { $faith } কর্মী আছেন কি না জিজ্ঞেস করুন
why-gender-provider = প্রতিষ্ঠানের ক্ষেত্রে প্রযোজ্য নয় — { $label } কেয়ারার পাওয়া যাবে কি না জিজ্ঞেস করুন
why-distance = { $km } কিমি দূরে
why-schedule-none = ফাঁকা সময় লেখা নেই
why-schedule-not-free = প্রয়োজনীয় সময়ে ফাঁকা নেই
why-free-days = { $days } { $periods }
why-schedule-all = ফাঁকা: { $times } — পুরো সময়সূচি মেলে
why-schedule-part = ফাঁকা: { $times } — সময়সূচির { $percent }% মেলে
period-mornings = সকাল
period-afternoons = দুপুর
period-evenings = সন্ধ্যা
period-nights = রাত
list-join = { $a }, { $b }
list-and = { $a } ও { $b }
list-or = { $a } বা { $b }
list-groups = { $a }; { $b }
why-start-arranged = শুরুর তারিখ আলোচনা করে ঠিক হবে
why-hours-arranged = সময় আলোচনা করে ঠিক হবে
why-hours = সপ্তাহে { $free } ঘণ্টা ফাঁকা ({ $needed } ঘণ্টা প্রয়োজন)
why-hours-short = সপ্তাহে { $free } ঘণ্টা ফাঁকা — { $needed } ঘণ্টা প্রয়োজন
why-rate-unknown = ঘণ্টাপ্রতি রেট প্রকাশ করা হয়নি — জিজ্ঞেস করুন
why-rate = ঘণ্টায় £{ $rate }
why-rate-over = ঘণ্টায় £{ $rate } — £{ $limit } সীমার বেশি
why-available-now = এখনই পাওয়া যাবে
why-available-from = { $date } থেকে পাওয়া যাবে
why-available-late = { $date } থেকে পাওয়া যাবে — প্রয়োজন { $needed }-এর মধ্যে
why-check-none = { $check } রেকর্ডে নেই
why-check-valid = { $check } { $date } পর্যন্ত বৈধ
why-check-expired = { $check }-এর মেয়াদ { $date } তারিখে শেষ হয়েছে
why-accepting = নতুন ক্লায়েন্ট নিচ্ছে ({ $date } তারিখে নিশ্চিত করা)
why-accepting-lapsed = { $date } থেকে নতুন ক্লায়েন্ট নেওয়ার তথ্য নবায়ন করা হয়নি ({ $days } দিন পরে বাতিল হয়) — জিজ্ঞেস করুন
why-accepting-not = নতুন ক্লায়েন্ট নিচ্ছে না
why-reads = { $who ->
    [provider] কর্মীরা { $language } পড়তে পারেন
   *[other] { $language } পড়তে পারেন
}
why-reads-not = { $who ->
    [provider] কর্মীরা { $language } পড়তে পারেন না
   *[other] { $language } পড়তে পারেন না
}
why-writes = { $who ->
    [provider] কর্মীরা { $language } লিখতে পারেন
   *[other] { $language } লিখতে পারেন
}
why-writes-not = { $who ->
    [provider] কর্মীরা { $language } লিখতে পারেন না
   *[other] { $language } লিখতে পারেন না
}
why-medical-diet = এই চিকিৎসাজনিত খাবার রান্না করেন: { $diet }
why-medical-diet-not = এই চিকিৎসাজনিত খাবার তালিকায় নেই: { $diet }
why-delivery = কাজের ধরন: { $mode }
why-delivery-not = এভাবে কাজ করেন না: { $mode }
why-lgbt = LGBT+ মানুষদের প্রতি বান্ধব
why-lgbt-not = LGBT+ মানুষদের প্রতি বান্ধব বলে উল্লেখ নেই
why-preferred-carer = আপনি এই কেয়ারারকে পছন্দের বলে উল্লেখ করেছেন
why-remote = { $km } কিমি দূরে — কাজ করেন: { $modes }
why-budget = { $hours } ঘণ্টার জন্য সপ্তাহে £{ $cost } (বাজেট £{ $budget })
why-budget-over = { $hours } ঘণ্টার জন্য সপ্তাহে £{ $cost } — £{ $budget } বাজেটের বেশি
why-budget-unknown = ঘণ্টাপ্রতি রেট প্রকাশ করা হয়নি — সাপ্তাহিক খরচ কত, জিজ্ঞেস করুন
why-criterion = { $what }
date-format = { $d }/{ $m }/{ $y }
date-unknown = অজানা তারিখ
relax-within = { $km } কিমির মধ্যে আরও { $count }টি
relax-hours = আরও { $count }টি, যাদের সপ্তাহে { $needed } ঘণ্টার কম সময় ফাঁকা
relax-rate = আরও { $count }টি, যাদের রেট ঘণ্টায় £{ $limit }-এর বেশি বা প্রকাশিত নয়
relax-needed-by = আরও { $count }টি, যাদের { $date }-এর পরে পাওয়া যাবে
relax-language-dialect = { $count } জন { $related } বলেন — { $language } নিশ্চিত করুন
relax-language-some-dialect = { $language } বাধ্যতামূলক না করলে আরও { $count }টি, যাদের { $dialect } জন { $related } বলেন — { $language } নিশ্চিত করুন
relax-language-level = { $language } { $level } স্তরে বাধ্যতামূলক না করলে আরও { $count }টি
relax-language = { $language } বাধ্যতামূলক না করলে আরও { $count }টি
relax-accepting = যেসব প্রতিষ্ঠান এখন নতুন ক্লায়েন্ট নিচ্ছে না (বা যাদের তথ্যের মেয়াদ শেষ), তাদেরও জিজ্ঞেস করলে আরও { $count }টি
relax-schedule = আরও { $count }টি, যারা সময়সূচির কিছু অংশ মেলাতে পারেন
relax-check = বৈধ { $check } বাধ্যতামূলক না করলে আরও { $count }টি
relax-capacity = যেসব PA-র এখন জায়গা নেই, তাঁদেরও ধরলে আরও { $count }টি
relax-budget = আরও { $count }টি, যাদের খরচ £{ $budget } সাপ্তাহিক বাজেটের বেশি বা রেট প্রকাশিত নয়
relax-without = “{ $what }” বাধ্যতামূলক না করলে আরও { $count }টি

## Shortlist
shortlist-add = আমার বাছাই তালিকায় { $name } যোগ করুন
shortlist-remove = আমার বাছাই তালিকা থেকে { $name } সরিয়ে দিন
shortlist-added = আপনার বাছাই তালিকায় আছে
shortlist-title = আমার বাছাই তালিকা
shortlist-empty = আপনার বাছাই তালিকা খালি। খোঁজার ফলাফল থেকে কেয়ারার ও সেবা যোগ করুন।
shortlist-share = এই বাছাই তালিকা শেয়ার করুন
shortlist-share-hint = এই লিংক যার কাছে থাকবে, তিনিও একই তালিকা দেখতে পাবেন। এতে কোনো ব্যক্তিগত তথ্য নেই।
shortlist-print = প্রিন্ট করুন
shortlist-ask-title = এজেন্সিকে যে প্রশ্নগুলো করবেন
shortlist-ask-free = আমার দরকারের সময়গুলোতে { $name } কি এখনো ফাঁকা আছেন, আর কবে থেকে?
shortlist-ask-checks = { $name }-এর যাচাইগুলো (যেমন DBS) কি হালনাগাদ আছে?
shortlist-ask-food = { $name } কি আমার খাবারের নিয়ম মেনে আমি যা খাই তা রান্না করতে পারবেন?
shortlist-ask-language = ব্যক্তিগত যত্নের জন্য { $name } কি আমার ভাষা যথেষ্ট ভালোভাবে বলতে পারেন?
shortlist-ask-contact = আমি { $name }-এর সাথে কীভাবে যোগাযোগ করব, আর প্রথম সাক্ষাতের ব্যবস্থা কে করবে?
shortlist-contact = যোগাযোগ
shortlist-gone = এটি আর তালিকায় নেই।
shortlist-back = খোঁজে ফিরে যান

## Sign in (agencies and commissioners)
login-title = সাইন ইন
login-intro = আপনার অ্যাডমিনিস্ট্রেটর যে API কী দিয়েছেন, তা দিয়ে সাইন ইন করুন। কী-টি আপনার ব্রাউজারে রাখা হয় না; শুধু একটি সেশন কুকি রাখা হয়।
login-key = API কী
login-submit = সাইন ইন করুন
login-bad-key = এই কী-টি সঠিক নয়, অথবা এটি বাতিল করা হয়েছে।
login-wrong-role = এই কী দিয়ে এই পাতাটি খোলা যাবে না।
logout = সাইন আউট

## Agency console
agency-title = এজেন্সি কনসোল
agency-signed-in = { $agency }-এর হয়ে সাইন ইন করা আছে
agency-find-title = কোনো ক্লায়েন্টের জন্য PA খুঁজুন
agency-find-intro = আপনার যেসব PA সর্বসাধারণের তালিকায় নেই, তাঁরাও এখানে আছেন। যোগাযোগের তথ্য দেখানো হয়।
agency-carers-title = আপনার PA-রা ({ $count })
agency-col-name = নাম
agency-col-postcode = পোস্টকোড
agency-col-languages = ভাষা
agency-col-public = সর্বসাধারণের তালিকায়
agency-col-faith-public = ধর্ম সর্বসাধারণকে দেখানো হয়
agency-col-confirmed = শেষবার নিশ্চিত করা হয়েছে
agency-col-actions = কাজ
agency-delete = { $name } মুছে ফেলুন
agency-deleted = { $name } মুছে ফেলা হয়েছে।
agency-confirm = নিশ্চিত করুন যে { $name } এখনও পাওয়া যাচ্ছেন
agency-col-accepting = নতুন ক্লায়েন্ট নিচ্ছেন
agency-accepting-lapsed = মেয়াদোত্তীর্ণ (৯০ দিনে নিশ্চিত করা হয়নি)
agency-mark-full = { $name }-কে পূর্ণ হিসেবে চিহ্নিত করুন
agency-mark-accepting = { $name }-কে নতুন ক্লায়েন্ট নিচ্ছেন হিসেবে চিহ্নিত করুন
agency-list = { $name }-কে সর্বসাধারণের তালিকায় দেখান
agency-unlist = { $name }-কে সর্বসাধারণের তালিকা থেকে সরান
agency-faith-show = { $name }-এর ধর্ম সর্বসাধারণকে দেখান (তিনি সম্মতি দিয়েছেন)
agency-faith-hide = { $name }-এর ধর্ম গোপন রাখুন
agency-updated = { $name }-এর তথ্য হালনাগাদ হয়েছে।
agency-yes = হ্যাঁ
agency-no = না
agency-upload-title = রেজিস্টার আপলোড করুন (CSV)
agency-upload-intro = হয় সব, নয় কিছুই না: কোনো সারিতে সমস্যা থাকলে কিছুই ইমপোর্ট হয় না, আর প্রতিটি সমস্যার তালিকা দেখানো হয়।
agency-upload-file = CSV ফাইল
agency-upload-template = টেমপ্লেট ডাউনলোড করুন
agency-export-register = আপনার রেজিস্টার ডাউনলোড করুন (CSV)
agency-export-register-note = টেমপ্লেটের একই কলাম, সম্পাদনা করে আবার আপলোড করা যায়। এতে ব্যক্তিগত তথ্য আছে: নিরাপদে রাখুন।
agency-upload-submit = আপলোড করুন
agency-upload-ok = { $count ->
    [one] { $count } জন PA ইমপোর্ট করা হয়েছে।
   *[other] { $count } জন PA ইমপোর্ট করা হয়েছে।
}
agency-upload-rejected = কিছুই ইমপোর্ট হয়নি। এই সারিগুলো ঠিক করে আবার আপলোড করুন:
agency-upload-col-line = লাইন
agency-upload-col-column = কলাম
agency-upload-col-reason = সমস্যা
agency-upload-missing = আপলোড করার জন্য একটি CSV ফাইল বেছে নিন।
agency-upload-too-large = ফাইলটি 10 MB-এর চেয়ে বড়। এটি কয়েক ভাগে ভাগ করে প্রতিটি ভাগ আলাদাভাবে আপলোড করুন।
agency-page = { $pages } পাতার মধ্যে পাতা { $page }
page-previous = আগের পাতা
page-next = পরের পাতা
contact-phone = ফোন
contact-email = ইমেইল

## Commissioner map
map-title = কোথায় যত্নের ঘাটতি আছে?
map-intro = প্রতিটি এলাকার রং দেখায়, যাঁদের এই সাহায্য দরকার তাঁদের কতজনের নাগালের মধ্যে কোনো কেয়ারার বা সেবা আছে।
map-need = চাহিদা
map-distance = দূরত্বের মধ্যে
map-show = মানচিত্র দেখান
map-download-geojson = GeoJSON ডাউনলোড করুন
map-download-csv = CSV ডাউনলোড করুন
map-table-title = এলাকা, সবচেয়ে বড় ঘাটতি আগে
map-col-area = এলাকা
map-col-demand = মানুষ
map-col-carers = কেয়ারার
map-col-providers = সেবা
map-col-nearest = সবচেয়ে কাছের (কিমি)
map-col-severity = ঘাটতি
map-sort = { $column } অনুযায়ী সাজান
map-no-authorities = এখনো কোনো স্থানীয় কর্তৃপক্ষ (কাউন্সিল) ইমপোর্ট করা হয়নি। আগে carematch import authorities, boundaries ও census চালান।
severity-none_in_reach = নাগালে কেউ নেই
severity-severe = গুরুতর
severity-moderate = মাঝারি
severity-adequate = যথেষ্ট
severity-demand_unknown = চাহিদা অজানা
severity-no_demand = কোনো চাহিদা নেই

## Errors
not-found-title = পাতাটি পাওয়া যায়নি
not-found-body = এই ঠিকানায় কোনো পাতা নেই।

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = ক্যান্টোনিজ (চাইনিজ)
cuisine-north_chinese = উত্তর চীনা
cuisine-vietnamese = ভিয়েতনামী
cuisine-filipino = ফিলিপিনো
cuisine-punjabi = পাঞ্জাবি
cuisine-gujarati = গুজরাটি
cuisine-bengali = বাঙালি ও সিলেটি
cuisine-pakistani = পাকিস্তানি
cuisine-south_indian = দক্ষিণ ভারতীয়
cuisine-sri_lankan = শ্রীলঙ্কান
cuisine-somali = সোমালি
cuisine-east_african = পূর্ব আফ্রিকান
cuisine-west_african = পশ্চিম আফ্রিকান
cuisine-caribbean = ক্যারিবিয়ান
cuisine-middle_eastern = মধ্যপ্রাচ্যের
cuisine-persian = ইরানি ও আফগান
cuisine-kurdish = কুর্দি
cuisine-turkish = তুর্কি
cuisine-greek_cypriot = গ্রিক সাইপ্রিয়ট
cuisine-polish = পোলিশ
cuisine-eastern_european = পূর্ব ইউরোপীয়
cuisine-jewish = ইহুদি ঘরোয়া রান্না
cuisine-irish = আইরিশ
cuisine-british = ব্রিটিশ
diet-halal = হালাল
diet-kosher = কোশার (ইহুদি)
diet-vegetarian = নিরামিষ
diet-vegan = ভিগান (দুধসহ কোনো প্রাণিজ খাবার নয়)
diet-jain = জৈন (মাটির নিচের সবজি নয়)
diet-no_pork = শূকরের মাংস নয়
diet-no_beef = গরুর মাংস নয়
faith-buddhist = বৌদ্ধ
faith-christian = খ্রিস্টান
faith-hindu = হিন্দু
faith-jewish = ইহুদি
faith-muslim = মুসলিম
faith-sikh = শিখ
faith-other = অন্য ধর্ম
faith-none = কোনো ধর্ম নেই
faith_practice-prayer_times = নামাজ ও প্রার্থনার সময়ের প্রতি সম্মান
faith_practice-fasting = রোজা বা উপবাসে সহায়তা
faith_practice-same_gender_personal_care = একই লিঙ্গের কেয়ারার দিয়ে ব্যক্তিগত যত্ন
faith_practice-modest_dress = শালীন পোশাক
faith_practice-ritual_washing = ধর্মীয় পবিত্রতা (যেমন অজু)
faith_practice-religious_festivals = ধর্মীয় উৎসব
faith_practice-accompany_to_worship = মসজিদ, মন্দির বা অন্য উপাসনালয়ে সঙ্গে যাওয়া
service-personal_care = ব্যক্তিগত যত্ন
service-meal_preparation = রান্না ও খাবার তৈরি
service-domestic = ঘরের কাজে সাহায্য
service-shopping = বাজার-সদাই
service-companionship = সঙ্গ দেওয়া
service-medication_prompting = ওষুধ খাওয়ার কথা মনে করিয়ে দেওয়া
service-accompany_appointments = অ্যাপয়েন্টমেন্টে (যেমন GP, হাসপাতাল) সঙ্গে যাওয়া
service-night_support = রাতের সহায়তা
service-live_in = বাড়িতে থেকে যত্ন
service-respite = বিরতির যত্ন (পরিবারের জন্য একটু বিশ্রাম)
service-day_activities = দিনের বেলার কার্যক্রম
service-luncheon_club = লাঞ্চ ক্লাব
service-befriending = বন্ধুত্ব ও খোঁজখবর
service-advocacy = অ্যাডভোকেসি (আপনার হয়ে কথা বলা)
service-interpreting = দোভাষী সেবা
service-peer_support = সমমনা সহায়তা
service-support_planning = সহায়তা পরিকল্পনা
service-direct_payment_support = সরাসরি অর্থপ্রদান সহায়তা
medical_diet-diabetic = ডায়াবেটিসের খাবার (কম চিনি)
medical_diet-soft = নরম, সহজে চিবানো যায়
medical_diet-pureed = পিউরি করা (মিহি করে বাটা)
medical_diet-thickened_fluids = ঘন করা পানীয়
medical_diet-gluten_free = গ্লুটেন ছাড়া (সিলিয়াক)
medical_diet-low_salt = কম লবণ
medical_diet-low_fat = কম চর্বি
medical_diet-dairy_free = দুধ ও দুগ্ধজাত খাবার ছাড়া
medical_diet-nut_free = বাদাম ছাড়া
medical_diet-renal = কিডনি রোগের খাবার (রেনাল)
delivery_mode-in_person = সামনাসামনি
delivery_mode-phone = ফোনে
delivery_mode-online = অনলাইনে (ভিডিও বা চ্যাট)
experience-dementia = ডিমেনশিয়া (স্মৃতিভ্রংশ)
experience-mental_health = মানসিক স্বাস্থ্য
experience-physical_disability = শারীরিক প্রতিবন্ধিতা
experience-visual_impairment = দৃষ্টি সমস্যা
experience-hearing_impairment = শ্রবণ সমস্যা
experience-learning_disability = শিখন প্রতিবন্ধিতা (লার্নিং ডিজঅ্যাবিলিটি)
experience-autism = অটিজম
experience-stroke = স্ট্রোক
experience-end_of_life = জীবনের শেষ সময়ের যত্ন
check-dbs_enhanced = এনহ্যান্সড DBS চেক
check-right_to_work = যুক্তরাজ্যে কাজের অধিকার
check-public_liability_insurance = পাবলিক লায়াবিলিটি বিমা
check-first_aid = প্রাথমিক চিকিৎসা (ফার্স্ট এইড)
check-food_hygiene = খাদ্য পরিচ্ছন্নতা
check-manual_handling = নিরাপদে তোলা ও ধরা (ম্যানুয়াল হ্যান্ডলিং)
check-cqc_registered = CQC-তে নিবন্ধিত
provider_kind-micro_provider = ছোট কমিউনিটি সেবাদাতা
provider_kind-charity = দাতব্য সংস্থা বা কমিউনিটি গ্রুপ
provider_kind-home_care_agency = CQC-তে নিবন্ধিত হোম কেয়ার এজেন্সি
provider_kind-day_service = ডে সার্ভিস (দিনের সেবাকেন্দ্র)
provider_kind-luncheon_club = লাঞ্চ ক্লাব
provider_kind-shared_lives = Shared Lives প্রকল্প
provider_kind-advocacy = অ্যাডভোকেসি সেবা
gender-female = নারী
gender-male = পুরুষ
gender-non_binary = নন-বাইনারি
weekday-mon = সোমবার
weekday-tue = মঙ্গলবার
weekday-wed = বুধবার
weekday-thu = বৃহস্পতিবার
weekday-fri = শুক্রবার
weekday-sat = শনিবার
weekday-sun = রবিবার

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = এই তথ্য পাওয়া যায়নি
