# carematch web pages: Punjabi (Gurmukhi script).
# Same ids as the English reference catalogue. Placeables in { } are filled in by the server; keep them.

## Page shell
site-name = carematch
site-tagline = ਦੇਖਭਾਲ, ਤੁਹਾਡੀ ਆਪਣੀ ਬੋਲੀ ਵਿੱਚ
skip-to-content = ਮੁੱਖ ਸਮੱਗਰੀ 'ਤੇ ਜਾਓ
nav-find = ਦੇਖਭਾਲ ਲੱਭੋ
nav-shortlist = ਮੇਰੀ ਚੋਣ-ਸੂਚੀ ({ $count })
nav-agency = ਏਜੰਸੀਆਂ ਲਈ
nav-commissioner = ਕੌਂਸਲ ਕਮਿਸ਼ਨਰਾਂ ਲਈ
nav-help = ਮਦਦ
language-switcher = ਭਾਸ਼ਾ
footer-privacy = ਅਸੀਂ ਕਦੇ ਵੀ ਕਿਸੇ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਦਾ ਘਰ ਦਾ ਪਤਾ, ਸਹੀ ਟਿਕਾਣਾ ਜਾਂ ਸੰਪਰਕ ਵੇਰਵੇ ਆਮ ਲੋਕਾਂ ਨੂੰ ਨਹੀਂ ਦਿਖਾਉਂਦੇ। ਤੁਸੀਂ ਇੱਥੇ ਜੋ ਵੀ ਲਿਖਦੇ ਹੋ, ਉਹ ਸਾਂਭਿਆ ਨਹੀਂ ਜਾਂਦਾ।
footer-api = ਖੁੱਲ੍ਹਾ ਡਾਟਾ ਅਤੇ API

## Find care form
find-title = ਦੇਖਭਾਲ ਕਰਨ ਵਾਲਾ ਜਾਂ ਕੋਈ ਭਾਈਚਾਰਕ ਸੇਵਾ ਲੱਭੋ
find-intro = ਸਾਨੂੰ ਦੱਸੋ ਕਿ ਜਿਸ ਵਿਅਕਤੀ ਨੂੰ ਦੇਖਭਾਲ ਚਾਹੀਦੀ ਹੈ, ਉਹ ਕਿੱਥੇ ਰਹਿੰਦੇ ਹਨ ਅਤੇ ਉਨ੍ਹਾਂ ਲਈ ਕੀ ਮਾਇਨੇ ਰੱਖਦਾ ਹੈ। ਅਸੀਂ ਢੁਕਵੇਂ ਨਿੱਜੀ ਸਹਾਇਕ (PA) ਅਤੇ ਸਥਾਨਕ ਸੇਵਾਵਾਂ ਦਿਖਾਉਂਦੇ ਹਾਂ, ਅਤੇ ਇਹ ਵੀ ਦੱਸਦੇ ਹਾਂ ਕਿ ਉਹ ਕਿਉਂ ਢੁਕਵੇਂ ਹਨ।
field-postcode = ਪੋਸਟਕੋਡ
field-postcode-hint = ਜਿਵੇਂ M13 0EG। ਦੂਰੀ ਮਾਪਣ ਲਈ ਸਿਰਫ਼ ਇਲਾਕਾ ਵਰਤਿਆ ਜਾਂਦਾ ਹੈ।
field-distance = ਕਿੰਨੀ ਦੂਰ ਤੱਕ
distance-km = { $km } ਕਿਲੋਮੀਟਰ
field-help = ਕਿਹੜੀ ਮਦਦ ਚਾਹੀਦੀ ਹੈ
field-languages = ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਨੂੰ ਕਿਹੜੀਆਂ ਭਾਸ਼ਾਵਾਂ ਆਉਣੀਆਂ ਚਾਹੀਦੀਆਂ ਹਨ
field-languages-must = ਇਨ੍ਹਾਂ ਵਿੱਚੋਂ ਕੋਈ ਇੱਕ ਭਾਸ਼ਾ ਬੋਲਣੀ ਜ਼ਰੂਰੀ ਹੈ
field-languages-reads = ਉਹ ਭਾਸ਼ਾ ਪੜ੍ਹਨੀ ਵੀ ਆਉਣੀ ਚਾਹੀਦੀ ਹੈ (ਚਿੱਠੀਆਂ, ਦਵਾਈਆਂ ਦੇ ਲੇਬਲ)
field-dbs = ਨਿੱਜੀ ਦੇਖਭਾਲ ਲਈ ਵੈਧ ਵਧੀ ਹੋਈ DBS ਜਾਂਚ ਮੰਗੋ
field-food = ਖਾਣਾ
field-cuisines = ਘਰ ਦਾ ਖਾਣਾ
field-diets = ਖਾਣੇ ਦੇ ਨਿਯਮ ਜੋ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਨੂੰ ਮੰਨਣੇ ਜ਼ਰੂਰੀ ਹਨ
field-medical-diets = ਡਾਕਟਰੀ ਖੁਰਾਕ ਜਾਂ ਖ਼ਾਸ ਕਿਸਮ ਦਾ ਖਾਣਾ (ਨਰਮ, ਪੀਸਿਆ ਹੋਇਆ) ਜੋ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਨੂੰ ਬਣਾਉਣਾ ਜ਼ਰੂਰੀ ਹੈ
field-faith = ਧਾਰਮਿਕ ਰੀਤਾਂ ਜਿਨ੍ਹਾਂ ਦਾ ਸਤਿਕਾਰ ਕੀਤਾ ਜਾਵੇ
field-gender = ਨਿੱਜੀ ਦੇਖਭਾਲ ਲਈ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਦਾ ਲਿੰਗ
gender-any = ਕੋਈ ਤਰਜੀਹ ਨਹੀਂ
field-gender-must = ਇਹ ਜ਼ਰੂਰੀ ਹੈ
field-more = ਇਹ ਵੀ ਮਹੱਤਵਪੂਰਨ ਹੈ
field-lgbt = LGBT+ ਲੋਕਾਂ ਦਾ ਸੁਆਗਤ
field-remote = ਫ਼ੋਨ ਰਾਹੀਂ ਜਾਂ ਔਨਲਾਈਨ ਮਦਦ ਵੀ ਠੀਕ ਹੈ (ਦੂਰ ਦੀਆਂ ਸੇਵਾਵਾਂ ਵੀ ਮਦਦ ਕਰ ਸਕਦੀਆਂ ਹਨ)
field-client = ਕਲਾਇੰਟ ਦੀ ਯੋਜਨਾ
field-hours = ਹਫ਼ਤੇ ਵਿੱਚ ਸਹਾਇਤਾ ਦੇ ਘੰਟੇ
field-budget = ਹਫ਼ਤਾਵਾਰੀ ਬਜਟ (£)
field-budget-hint = ਹਫ਼ਤੇ ਦੇ ਘੰਟਿਆਂ ਦੇ ਨਾਲ: ਘੰਟੇ × PA ਦਾ ਘੰਟੇ ਦਾ ਰੇਟ ਬਜਟ ਦੇ ਅੰਦਰ ਹੋਣਾ ਚਾਹੀਦਾ ਹੈ।
field-prefer = ਉਹ PA ਜਿਨ੍ਹਾਂ ਨੂੰ ਕਲਾਇੰਟ ਜਾਣਦੇ ਹਨ ਅਤੇ ਦੁਬਾਰਾ ਚਾਹੁੰਦੇ ਹਨ (PA ਨੰਬਰ, ਕੌਮੇ ਨਾਲ ਵੱਖ ਕਰਕੇ)
field-block = ਉਹ PA ਜਿਨ੍ਹਾਂ ਨੂੰ ਕਲਾਇੰਟ ਨਹੀਂ ਚਾਹੁੰਦੇ (PA ਨੰਬਰ, ਕੌਮੇ ਨਾਲ ਵੱਖ ਕਰਕੇ)
field-when = ਮਦਦ ਕਦੋਂ ਚਾਹੀਦੀ ਹੈ
part-morning = ਸਵੇਰ
part-afternoon = ਦੁਪਹਿਰ
part-evening = ਸ਼ਾਮ
find-submit = ਲੱਭੋ
find-more-options = ਹੋਰ ਚੋਣਾਂ

## Results
results-title = ਨਤੀਜੇ
results-count = { $count ->
    [one] { $count } ਢੁਕਵਾਂ ਨਤੀਜਾ ਮਿਲਿਆ।
   *[other] { $count } ਢੁਕਵੇਂ ਨਤੀਜੇ ਮਿਲੇ (ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਅਤੇ ਸੇਵਾਵਾਂ)।
}
results-none = ਹਾਲੇ ਕੋਈ ਵੀ ਸਾਰੀਆਂ ਜ਼ਰੂਰੀ ਲੋੜਾਂ ਪੂਰੀਆਂ ਨਹੀਂ ਕਰਦਾ।
results-considered = ਪਹੁੰਚ ਵਿੱਚ ਆਉਂਦੇ { $count } ਦੇਖਭਾਲ ਕਰਨ ਵਾਲਿਆਂ ਅਤੇ ਸੇਵਾਵਾਂ ਦੀ ਜਾਂਚ ਕੀਤੀ ਗਈ।
result-carer = ਨਿੱਜੀ ਸਹਾਇਕ (PA)
result-provider = ਭਾਈਚਾਰਕ ਸੇਵਾ
result-distance = ਲਗਭਗ { $km } ਕਿਲੋਮੀਟਰ ਦੂਰ
result-score = ਮੇਲ { $percent }%
result-free = ਉਪਲਬਧ: { $when }
result-area = { $area } ਵਿੱਚ ਸਥਿਤ
result-rate = £{ $rate } ਪ੍ਰਤੀ ਘੰਟਾ
result-why = ਇਹ ਨਤੀਜਾ ਕਿਉਂ
outcome-met = ਹਾਂ
outcome-partial = ਕੁਝ ਹੱਦ ਤੱਕ
outcome-unmet = ਨਹੀਂ
outcome-required = ਜ਼ਰੂਰੀ
relax-title = ਨਤੀਜੇ ਘੱਟ ਹਨ? ਇਹ ਅਜ਼ਮਾਓ:
relax-distance = { $km } ਕਿਲੋਮੀਟਰ ਤੱਕ ਦੇ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਦਿਖਾਓ ({ $count } ਹੋਰ)
relax-make-preferred = “{ $what }” ਨੂੰ ਜ਼ਰੂਰੀ ਦੀ ਥਾਂ ਸਿਰਫ਼ ਤਰਜੀਹ ਬਣਾਓ ({ $count } ਹੋਰ)
error-title = ਕਿਰਪਾ ਕਰਕੇ ਫਾਰਮ ਦੀ ਜਾਂਚ ਕਰੋ
error-postcode-missing = ਪੋਸਟਕੋਡ ਲਿਖੋ।
error-postcode-invalid = “{ $postcode }” ਯੂਕੇ ਦਾ ਪੋਸਟਕੋਡ ਨਹੀਂ ਹੈ।
error-postcode-unknown = ਸਾਡੇ ਕੋਲ ਪੋਸਟਕੋਡ “{ $postcode }” ਦੀ ਜਾਣਕਾਰੀ ਨਹੀਂ ਹੈ।
error-loading = ਡਾਇਰੈਕਟਰੀ ਹਾਲੇ ਲੋਡ ਹੋ ਰਹੀ ਹੈ। ਕਿਰਪਾ ਕਰਕੇ ਇੱਕ ਮਿੰਟ ਬਾਅਦ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ।
refused-title = ਇਹ ਫਾਰਮ ਸਵੀਕਾਰ ਨਹੀਂ ਕੀਤਾ ਜਾ ਸਕਿਆ
refused-body = ਤੁਹਾਡੀ ਸੁਰੱਖਿਆ ਲਈ, ਅਸੀਂ ਸਿਰਫ਼ ਇਸ ਸਾਈਟ ਦੇ ਆਪਣੇ ਪੰਨਿਆਂ ਤੋਂ ਭੇਜੇ ਫਾਰਮ ਹੀ ਸਵੀਕਾਰ ਕਰਦੇ ਹਾਂ। ਇਹ ਫਾਰਮ ਉੱਥੋਂ ਨਹੀਂ ਆਇਆ, ਜਾਂ ਪੁਰਾਣਾ ਹੋ ਗਿਆ ਹੈ। ਕੁਝ ਵੀ ਨਹੀਂ ਬਦਲਿਆ ਗਿਆ। ਵਾਪਸ ਜਾਓ, ਪੰਨਾ ਦੁਬਾਰਾ ਲੋਡ ਕਰੋ ਅਤੇ ਫਿਰ ਕੋਸ਼ਿਸ਼ ਕਰੋ।
refused-back = ਵਾਪਸ ਜਾਓ

## Criteria names (for the reasons)
crit-language = ਭਾਸ਼ਾ
crit-cuisine = ਖਾਣਾ ਬਣਾਉਣਾ
crit-diet = ਖਾਣੇ ਦੇ ਨਿਯਮ
crit-faith_practice = ਧਾਰਮਿਕ ਰੀਤ
crit-faith = ਇੱਕੋ ਧਰਮ
crit-carer_gender = ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਦਾ ਲਿੰਗ
crit-service = ਮਦਦ
crit-experience = ਤਜਰਬਾ
crit-check = ਜਾਂਚ
crit-distance = ਦੂਰੀ
crit-schedule = ਲੋੜ ਵੇਲੇ ਉਪਲਬਧ
crit-hours_per_week = ਹਫ਼ਤੇ ਦੇ ਘੰਟੇ
crit-max_hourly_rate = ਘੰਟੇ ਦਾ ਰੇਟ
crit-needed_by = ਸਮੇਂ ਸਿਰ ਸ਼ੁਰੂ ਕਰ ਸਕਦੇ ਹਨ
crit-accepting_new_clients = ਨਵੇਂ ਕਲਾਇੰਟ ਲੈ ਰਹੇ ਹਨ
crit-carer_capacity = ਨਵੇਂ ਕਲਾਇੰਟਾਂ ਲਈ ਥਾਂ ਹੈ
crit-weekly_budget = ਹਫ਼ਤਾਵਾਰੀ ਬਜਟ
crit-lgbt_inclusive = LGBT+ ਲੋਕਾਂ ਦਾ ਸੁਆਗਤ
crit-preferred_carer = ਤੁਹਾਡੇ ਵੱਲੋਂ ਦੱਸੇ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ
crit-reads = ਪੜ੍ਹਨਾ
crit-writes = ਲਿਖਣਾ
crit-medical_diet = ਡਾਕਟਰੀ ਖੁਰਾਕ
crit-delivery_mode = ਕੰਮ ਕਰਨ ਦਾ ਢੰਗ

## Reasons and relaxations
crit-with-value = { $name }: { $value }
level-basic = ਮੁੱਢਲਾ ਪੱਧਰ
level-conversational = ਗੱਲਬਾਤ ਜੋਗਾ ਪੱਧਰ
level-fluent = ਰਵਾਨੀ ਨਾਲ
level-native = ਮਾਂ-ਬੋਲੀ
why-language-level = { $who ->
    [female] { $language } ਬੋਲਦੀ ਹੈ ({ $level })
    [male] { $language } ਬੋਲਦਾ ਹੈ ({ $level })
   *[other] { $language } ਬੋਲਦੇ ਹਨ ({ $level })
}
why-language = { $who ->
    [female] { $language } ਬੋਲਦੀ ਹੈ
    [male] { $language } ਬੋਲਦਾ ਹੈ
    [provider] ਸਟਾਫ਼ { $language } ਬੋਲਦਾ ਹੈ
   *[other] { $language } ਬੋਲਦੇ ਹਨ
}
why-language-related = { $who ->
    [female] { $related } ਬੋਲਦੀ ਹੈ — ਪੱਕਾ ਕਰੋ ਕਿ { $language } ਵੀ ਬੋਲਦੀ ਹੈ
    [male] { $related } ਬੋਲਦਾ ਹੈ — ਪੱਕਾ ਕਰੋ ਕਿ { $language } ਵੀ ਬੋਲਦਾ ਹੈ
    [provider] ਸਟਾਫ਼ { $related } ਬੋਲਦਾ ਹੈ — ਪੱਕਾ ਕਰੋ ਕਿ { $language } ਵੀ ਬੋਲਦਾ ਹੈ
   *[other] { $related } ਬੋਲਦੇ ਹਨ — ਪੱਕਾ ਕਰੋ ਕਿ { $language } ਵੀ ਬੋਲਦੇ ਹਨ
}
why-language-lower = { $who ->
    [female] { $language } ਬੋਲਦੀ ਹੈ ({ $level }) — ਲੋੜੀਂਦਾ ਪੱਧਰ: { $needed }
    [male] { $language } ਬੋਲਦਾ ਹੈ ({ $level }) — ਲੋੜੀਂਦਾ ਪੱਧਰ: { $needed }
   *[other] { $language } ਬੋਲਦੇ ਹਨ ({ $level }) — ਲੋੜੀਂਦਾ ਪੱਧਰ: { $needed }
}
why-language-none = { $who ->
    [female] { $language } ਨਹੀਂ ਬੋਲਦੀ
    [male] { $language } ਨਹੀਂ ਬੋਲਦਾ
    [provider] ਸਟਾਫ਼ { $language } ਨਹੀਂ ਬੋਲਦਾ
   *[other] { $language } ਨਹੀਂ ਬੋਲਦੇ
}
why-cuisine = { $who ->
    [female] ਘਰੇਲੂ ਖਾਣਾ ਬਣਾਉਂਦੀ ਹੈ: { $cuisine }
    [male] ਘਰੇਲੂ ਖਾਣਾ ਬਣਾਉਂਦਾ ਹੈ: { $cuisine }
   *[other] ਘਰੇਲੂ ਖਾਣਾ ਬਣਾਉਂਦੇ ਹਨ: { $cuisine }
}
why-cuisine-not = ਖਾਣਾ ਬਣਾਉਣ ਵਿੱਚ ਦਰਜ ਨਹੀਂ: { $cuisine }
why-diet = { $who ->
    [female] ਖਾਣੇ ਦੇ ਇਹ ਨਿਯਮ ਮੰਨਦੀ ਹੈ: { $diet }
    [male] ਖਾਣੇ ਦੇ ਇਹ ਨਿਯਮ ਮੰਨਦਾ ਹੈ: { $diet }
   *[other] ਖਾਣੇ ਦੇ ਇਹ ਨਿਯਮ ਮੰਨਦੇ ਹਨ: { $diet }
}
why-diet-not = ਖਾਣੇ ਦਾ ਇਹ ਨਿਯਮ ਦਰਜ ਨਹੀਂ: { $diet }
why-practice = { $practice }
why-practice-not = ਦਰਜ ਨਹੀਂ: { $practice }
why-service = { $who ->
    [female] ਇਹ ਸੇਵਾ ਦਿੰਦੀ ਹੈ: { $service }
    [male] ਇਹ ਸੇਵਾ ਦਿੰਦਾ ਹੈ: { $service }
   *[other] ਇਹ ਸੇਵਾ ਦਿੰਦੇ ਹਨ: { $service }
}
why-service-not = { $who ->
    [female] ਇਹ ਸੇਵਾ ਨਹੀਂ ਦਿੰਦੀ: { $service }
    [male] ਇਹ ਸੇਵਾ ਨਹੀਂ ਦਿੰਦਾ: { $service }
   *[other] ਇਹ ਸੇਵਾ ਨਹੀਂ ਦਿੰਦੇ: { $service }
}
why-experience = ਤਜਰਬਾ ਹੈ: { $experience }
why-experience-not = ਕੋਈ ਤਜਰਬਾ ਦਰਜ ਨਹੀਂ: { $experience }
why-faith = ਵਿਅਕਤੀ ਨਾਲ ਸਾਂਝਾ ਧਰਮ ({ $faith })
why-faith-not = ਵਿਅਕਤੀ ਨਾਲ ਸਾਂਝਾ ਧਰਮ ਦਰਜ ਨਹੀਂ ({ $faith })
why-gender = { $gender ->
    [female] ਔਰਤ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੀ
    [male] ਮਰਦ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲਾ
   *[other] ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ: { $label }
}
why-gender-not = { $gender ->
    [female] ਔਰਤ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੀ ਨਹੀਂ
    [male] ਮਰਦ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲਾ ਨਹੀਂ
   *[other] ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ({ $label }) ਨਹੀਂ
}
why-faith-provider = ਸੰਸਥਾ ’ਤੇ ਲਾਗੂ ਨਹੀਂ — ਪੁੱਛੋ ਕਿ ਕੀ ਸਟਾਫ਼ ਵਿੱਚ { $faith } ਲੋਕ ਹਨ
why-gender-provider = ਸੰਸਥਾ ’ਤੇ ਲਾਗੂ ਨਹੀਂ — { $label } ਸਟਾਫ਼ ਬਾਰੇ ਪੁੱਛੋ
why-distance = { $km } ਕਿਲੋਮੀਟਰ ਦੂਰ
why-schedule-none = ਵਿਹਲਾ ਸਮਾਂ ਦਰਜ ਨਹੀਂ
why-schedule-not-free = ਲੋੜੀਂਦੇ ਸਮੇਂ ’ਤੇ ਵਿਹਲ ਨਹੀਂ
why-free-days = { $days } { $periods }
why-schedule-all = ਵਿਹਲ: { $times } — ਸਾਰੀ ਸਮਾਂ-ਸਾਰਣੀ ਪੂਰੀ ਹੁੰਦੀ ਹੈ
why-schedule-part = ਵਿਹਲ: { $times } — ਸਮਾਂ-ਸਾਰਣੀ ਦਾ { $percent }% ਪੂਰਾ ਹੁੰਦਾ ਹੈ
period-mornings = ਸਵੇਰ
period-afternoons = ਦੁਪਹਿਰ
period-evenings = ਸ਼ਾਮ
period-nights = ਰਾਤ
list-join = { $a }, { $b }
list-and = { $a } ਅਤੇ { $b }
list-or = { $a } ਜਾਂ { $b }
list-groups = { $a }; { $b }
why-start-arranged = ਸ਼ੁਰੂ ਕਰਨ ਦੀ ਤਾਰੀਖ਼ ਆਪਸੀ ਸਹਿਮਤੀ ਨਾਲ
why-hours-arranged = ਸਮਾਂ ਆਪਸੀ ਸਹਿਮਤੀ ਨਾਲ
why-hours = ਹਫ਼ਤੇ ਵਿੱਚ { $free } { $free ->
    [one] ਘੰਟਾ
   *[other] ਘੰਟੇ
} ਵਿਹਲ ({ $needed } ਦੀ ਲੋੜ)
why-hours-short = ਹਫ਼ਤੇ ਵਿੱਚ { $free } { $free ->
    [one] ਘੰਟਾ
   *[other] ਘੰਟੇ
} ਵਿਹਲ — { $needed } ਦੀ ਲੋੜ
why-rate-unknown = ਘੰਟੇ ਦਾ ਰੇਟ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ — ਪੁੱਛੋ
why-rate = £{ $rate } ਪ੍ਰਤੀ ਘੰਟਾ
why-rate-over = £{ $rate } ਪ੍ਰਤੀ ਘੰਟਾ — £{ $limit } ਦੀ ਹੱਦ ਤੋਂ ਵੱਧ
why-available-now = ਹੁਣੇ ਉਪਲਬਧ
why-available-from = { $date } ਤੋਂ ਉਪਲਬਧ
why-available-late = { $date } ਤੋਂ ਉਪਲਬਧ — { $needed } ਤੱਕ ਲੋੜ
why-check-none = { $check } ਦਰਜ ਨਹੀਂ
why-check-valid = { $check } { $date } ਤੱਕ ਜਾਇਜ਼
why-check-expired = { $check } ਦੀ ਮਿਆਦ { $date } ਨੂੰ ਖ਼ਤਮ ਹੋ ਗਈ
why-accepting = ਨਵੇਂ ਗਾਹਕ ਲੈ ਰਹੇ ਹਨ ({ $date } ਨੂੰ ਪੁਸ਼ਟੀ ਕੀਤੀ)
why-accepting-lapsed = { $date } ਤੋਂ ਨਵੇਂ ਗਾਹਕ ਲੈਣ ਦੀ ਪੁਸ਼ਟੀ ਨਵਿਆਈ ਨਹੀਂ ਗਈ ({ $days } ਦਿਨਾਂ ਬਾਅਦ ਖ਼ਤਮ ਹੋ ਜਾਂਦੀ ਹੈ) — ਪੁੱਛੋ
why-accepting-not = ਨਵੇਂ ਗਾਹਕ ਨਹੀਂ ਲੈ ਰਹੇ
why-reads = { $who ->
    [female] { $language } ਪੜ੍ਹ ਸਕਦੀ ਹੈ
    [male] { $language } ਪੜ੍ਹ ਸਕਦਾ ਹੈ
    [provider] ਸਟਾਫ਼ { $language } ਪੜ੍ਹ ਸਕਦਾ ਹੈ
   *[other] { $language } ਪੜ੍ਹ ਸਕਦੇ ਹਨ
}
why-reads-not = { $who ->
    [female] { $language } ਨਹੀਂ ਪੜ੍ਹ ਸਕਦੀ
    [male] { $language } ਨਹੀਂ ਪੜ੍ਹ ਸਕਦਾ
    [provider] ਸਟਾਫ਼ { $language } ਨਹੀਂ ਪੜ੍ਹ ਸਕਦਾ
   *[other] { $language } ਨਹੀਂ ਪੜ੍ਹ ਸਕਦੇ
}
why-writes = { $who ->
    [female] { $language } ਲਿਖ ਸਕਦੀ ਹੈ
    [male] { $language } ਲਿਖ ਸਕਦਾ ਹੈ
    [provider] ਸਟਾਫ਼ { $language } ਲਿਖ ਸਕਦਾ ਹੈ
   *[other] { $language } ਲਿਖ ਸਕਦੇ ਹਨ
}
why-writes-not = { $who ->
    [female] { $language } ਨਹੀਂ ਲਿਖ ਸਕਦੀ
    [male] { $language } ਨਹੀਂ ਲਿਖ ਸਕਦਾ
    [provider] ਸਟਾਫ਼ { $language } ਨਹੀਂ ਲਿਖ ਸਕਦਾ
   *[other] { $language } ਨਹੀਂ ਲਿਖ ਸਕਦੇ
}
why-medical-diet = { $who ->
    [female] ਇਹ ਡਾਕਟਰੀ ਖੁਰਾਕ ਬਣਾਉਂਦੀ ਹੈ: { $diet }
    [male] ਇਹ ਡਾਕਟਰੀ ਖੁਰਾਕ ਬਣਾਉਂਦਾ ਹੈ: { $diet }
   *[other] ਇਹ ਡਾਕਟਰੀ ਖੁਰਾਕ ਬਣਾਉਂਦੇ ਹਨ: { $diet }
}
why-medical-diet-not = ਇਹ ਡਾਕਟਰੀ ਖੁਰਾਕ ਦਰਜ ਨਹੀਂ: { $diet }
why-delivery = ਕੰਮ ਕਰਨ ਦਾ ਢੰਗ: { $mode }
why-delivery-not = { $who ->
    [female] ਇਸ ਢੰਗ ਨਾਲ ਕੰਮ ਨਹੀਂ ਕਰਦੀ: { $mode }
    [male] ਇਸ ਢੰਗ ਨਾਲ ਕੰਮ ਨਹੀਂ ਕਰਦਾ: { $mode }
   *[other] ਇਸ ਢੰਗ ਨਾਲ ਕੰਮ ਨਹੀਂ ਕਰਦੇ: { $mode }
}
why-lgbt = { $who ->
    [female] LGBT+ ਲੋਕਾਂ ਦਾ ਸੁਆਗਤ ਕਰਦੀ ਹੈ
    [male] LGBT+ ਲੋਕਾਂ ਦਾ ਸੁਆਗਤ ਕਰਦਾ ਹੈ
   *[other] LGBT+ ਲੋਕਾਂ ਦਾ ਸੁਆਗਤ ਕਰਦੇ ਹਨ
}
why-lgbt-not = LGBT+ ਲੋਕਾਂ ਦਾ ਸੁਆਗਤ ਕਰਨ ਬਾਰੇ ਦਰਜ ਨਹੀਂ
why-preferred-carer = ਤੁਸੀਂ ਇਨ੍ਹਾਂ ਨੂੰ ਪਸੰਦੀਦਾ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਵਜੋਂ ਦੱਸਿਆ ਸੀ
why-remote = { $km } ਕਿਲੋਮੀਟਰ ਦੂਰ — ਕੰਮ ਕਰਨ ਦਾ ਢੰਗ: { $modes }
why-budget = { $hours } { $hours ->
    [one] ਘੰਟੇ
   *[other] ਘੰਟਿਆਂ
} ਲਈ £{ $cost } ਪ੍ਰਤੀ ਹਫ਼ਤਾ (ਬਜਟ £{ $budget })
why-budget-over = { $hours } { $hours ->
    [one] ਘੰਟੇ
   *[other] ਘੰਟਿਆਂ
} ਲਈ £{ $cost } ਪ੍ਰਤੀ ਹਫ਼ਤਾ — £{ $budget } ਦੇ ਬਜਟ ਤੋਂ ਵੱਧ
why-budget-unknown = ਘੰਟੇ ਦਾ ਰੇਟ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ — ਹਫ਼ਤੇ ਦੇ ਖ਼ਰਚੇ ਬਾਰੇ ਪੁੱਛੋ
why-criterion = { $what }
date-format = { $d }/{ $m }/{ $y }
date-unknown = ਅਣਜਾਣ ਤਾਰੀਖ਼
relax-within = { $km } ਕਿਲੋਮੀਟਰ ਦੇ ਅੰਦਰ { $count } ਹੋਰ
relax-hours = { $count } ਹੋਰ ਜਿਨ੍ਹਾਂ ਕੋਲ ਹਫ਼ਤੇ ਵਿੱਚ { $needed } ਤੋਂ ਘੱਟ ਘੰਟੇ ਵਿਹਲ ਹੈ
relax-rate = { $count } ਹੋਰ ਜਿਨ੍ਹਾਂ ਦਾ ਰੇਟ £{ $limit } ਪ੍ਰਤੀ ਘੰਟਾ ਤੋਂ ਵੱਧ ਹੈ ਜਾਂ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ
relax-needed-by = { $count } ਹੋਰ ਜੋ { $date } ਤੋਂ ਬਾਅਦ ਉਪਲਬਧ ਹਨ
relax-language-dialect = { $count ->
    [one] { $count } ਵਿਅਕਤੀ { $related } ਬੋਲਦਾ ਹੈ — { $language } ਬਾਰੇ ਪੱਕਾ ਕਰੋ
   *[other] { $count } ਲੋਕ { $related } ਬੋਲਦੇ ਹਨ — { $language } ਬਾਰੇ ਪੱਕਾ ਕਰੋ
}
relax-language-some-dialect = { $language } ਦੀ ਸ਼ਰਤ ਹਟਾਉਣ ’ਤੇ { $count } ਹੋਰ, ਜਿਨ੍ਹਾਂ ਵਿੱਚੋਂ { $dialect } { $related } ਬੋਲਦੇ ਹਨ — { $language } ਬਾਰੇ ਪੱਕਾ ਕਰੋ
relax-language-level = { $language } ({ $level }) ਦੀ ਸ਼ਰਤ ਹਟਾਉਣ ’ਤੇ { $count } ਹੋਰ
relax-language = { $language } ਦੀ ਸ਼ਰਤ ਹਟਾਉਣ ’ਤੇ { $count } ਹੋਰ
relax-accepting = { $count } ਹੋਰ, ਜੇ ਉਹਨਾਂ ਸੰਸਥਾਵਾਂ ਨੂੰ ਵੀ ਪੁੱਛਿਆ ਜਾਵੇ ਜੋ ਇਸ ਵੇਲੇ ਨਵੇਂ ਗਾਹਕ ਨਹੀਂ ਲੈ ਰਹੀਆਂ (ਜਾਂ ਜਿਨ੍ਹਾਂ ਦੀ ਪੁਸ਼ਟੀ ਮੁੱਕ ਗਈ)
relax-schedule = { $count } ਹੋਰ ਜੋ ਸਮਾਂ-ਸਾਰਣੀ ਦਾ ਕੁਝ ਹਿੱਸਾ ਪੂਰਾ ਕਰਦੇ ਹਨ
relax-check = ਜਾਇਜ਼ { $check } ਦੀ ਸ਼ਰਤ ਹਟਾਉਣ ’ਤੇ { $count } ਹੋਰ
relax-capacity = { $count } ਹੋਰ, ਜੇ ਉਹ PA ਵੀ ਸ਼ਾਮਲ ਕਰੋ ਜਿਨ੍ਹਾਂ ਕੋਲ ਇਸ ਵੇਲੇ ਥਾਂ ਨਹੀਂ
relax-budget = { $count } ਹੋਰ ਜਿਨ੍ਹਾਂ ਦਾ ਖ਼ਰਚਾ £{ $budget } ਦੇ ਹਫ਼ਤਾਵਾਰੀ ਬਜਟ ਤੋਂ ਵੱਧ ਹੈ ਜਾਂ ਰੇਟ ਪ੍ਰਕਾਸ਼ਿਤ ਨਹੀਂ
relax-without = “{ $what }” ਦੀ ਸ਼ਰਤ ਹਟਾਉਣ ’ਤੇ { $count } ਹੋਰ

## Shortlist
shortlist-add = { $name } ਨੂੰ ਮੇਰੀ ਚੋਣ-ਸੂਚੀ ਵਿੱਚ ਜੋੜੋ
shortlist-remove = { $name } ਨੂੰ ਮੇਰੀ ਚੋਣ-ਸੂਚੀ ਵਿੱਚੋਂ ਹਟਾਓ
shortlist-added = ਤੁਹਾਡੀ ਚੋਣ-ਸੂਚੀ ਵਿੱਚ ਹੈ
shortlist-title = ਮੇਰੀ ਚੋਣ-ਸੂਚੀ
shortlist-empty = ਤੁਹਾਡੀ ਚੋਣ-ਸੂਚੀ ਖਾਲੀ ਹੈ। ਆਪਣੀ ਖੋਜ ਦੇ ਨਤੀਜਿਆਂ ਵਿੱਚੋਂ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਅਤੇ ਸੇਵਾਵਾਂ ਜੋੜੋ।
shortlist-share = ਇਹ ਚੋਣ-ਸੂਚੀ ਸਾਂਝੀ ਕਰੋ
shortlist-share-hint = ਜਿਸ ਕੋਲ ਵੀ ਇਹ ਲਿੰਕ ਹੋਵੇ, ਉਹ ਇਹੀ ਸੂਚੀ ਦੇਖ ਸਕਦਾ ਹੈ। ਇਸ ਵਿੱਚ ਕੋਈ ਨਿੱਜੀ ਜਾਣਕਾਰੀ ਨਹੀਂ ਹੈ।
shortlist-print = ਪ੍ਰਿੰਟ ਕਰੋ
shortlist-ask-title = ਏਜੰਸੀ ਤੋਂ ਪੁੱਛਣ ਵਾਲੇ ਸਵਾਲ
shortlist-ask-free = ਕੀ { $name } ਮੇਰੇ ਲੋੜੀਂਦੇ ਸਮਿਆਂ 'ਤੇ ਹਾਲੇ ਵੀ ਉਪਲਬਧ ਹਨ, ਅਤੇ ਕਦੋਂ ਤੋਂ?
shortlist-ask-checks = ਕੀ { $name } ਦੀਆਂ ਜਾਂਚਾਂ (ਜਿਵੇਂ DBS) ਅੱਪ-ਟੂ-ਡੇਟ ਹਨ?
shortlist-ask-food = ਕੀ { $name } ਮੇਰੇ ਖਾਣੇ ਦੇ ਨਿਯਮਾਂ ਦਾ ਧਿਆਨ ਰੱਖਦੇ ਹੋਏ ਉਹ ਖਾਣਾ ਬਣਾ ਸਕਦੇ ਹਨ ਜੋ ਮੈਂ ਖਾਂਦਾ/ਖਾਂਦੀ ਹਾਂ?
shortlist-ask-language = ਕੀ { $name } ਨਿੱਜੀ ਦੇਖਭਾਲ ਲਈ ਮੇਰੀ ਭਾਸ਼ਾ ਚੰਗੀ ਤਰ੍ਹਾਂ ਬੋਲ ਲੈਂਦੇ ਹਨ?
shortlist-ask-contact = ਮੈਂ { $name } ਨਾਲ ਸੰਪਰਕ ਕਿਵੇਂ ਕਰਾਂ, ਅਤੇ ਪਹਿਲੀ ਮੁਲਾਕਾਤ ਕੌਣ ਤੈਅ ਕਰਦਾ ਹੈ?
shortlist-contact = ਸੰਪਰਕ
shortlist-gone = ਇਹ ਹੁਣ ਸੂਚੀ ਵਿੱਚ ਨਹੀਂ ਹੈ।
shortlist-back = ਖੋਜ 'ਤੇ ਵਾਪਸ ਜਾਓ

## Sign in (agencies and commissioners)
login-title = ਸਾਈਨ ਇਨ ਕਰੋ
login-intro = ਉਸ API ਕੁੰਜੀ ਨਾਲ ਸਾਈਨ ਇਨ ਕਰੋ ਜੋ ਤੁਹਾਡੇ ਪ੍ਰਬੰਧਕ ਨੇ ਤੁਹਾਨੂੰ ਦਿੱਤੀ ਹੈ। ਕੁੰਜੀ ਤੁਹਾਡੇ ਬ੍ਰਾਊਜ਼ਰ ਵਿੱਚ ਨਹੀਂ ਸਾਂਭੀ ਜਾਂਦੀ; ਸਿਰਫ਼ ਇੱਕ ਸੈਸ਼ਨ ਕੂਕੀ ਸਾਂਭੀ ਜਾਂਦੀ ਹੈ।
login-key = API ਕੁੰਜੀ
login-submit = ਸਾਈਨ ਇਨ ਕਰੋ
login-bad-key = ਇਹ ਕੁੰਜੀ ਸਹੀ ਨਹੀਂ ਹੈ, ਜਾਂ ਇਸਨੂੰ ਰੱਦ ਕਰ ਦਿੱਤਾ ਗਿਆ ਹੈ।
login-wrong-role = ਇਸ ਕੁੰਜੀ ਨਾਲ ਇਹ ਪੰਨਾ ਨਹੀਂ ਖੁੱਲ੍ਹ ਸਕਦਾ।
logout = ਸਾਈਨ ਆਉਟ ਕਰੋ

## Agency console
agency-title = ਏਜੰਸੀ ਕੰਸੋਲ
agency-signed-in = { $agency } ਲਈ ਸਾਈਨ ਇਨ ਕੀਤਾ ਹੋਇਆ ਹੈ
agency-find-title = ਕਿਸੇ ਕਲਾਇੰਟ ਲਈ PA ਲੱਭੋ
agency-find-intro = ਇਸ ਵਿੱਚ ਤੁਹਾਡੇ ਉਹ PA ਵੀ ਸ਼ਾਮਲ ਹਨ ਜੋ ਜਨਤਕ ਤੌਰ 'ਤੇ ਸੂਚੀਬੱਧ ਨਹੀਂ ਹਨ। ਸੰਪਰਕ ਵੇਰਵੇ ਦਿਖਾਏ ਜਾਂਦੇ ਹਨ।
agency-carers-title = ਤੁਹਾਡੇ PA ({ $count })
agency-col-name = ਨਾਮ
agency-col-postcode = ਪੋਸਟਕੋਡ
agency-col-languages = ਭਾਸ਼ਾਵਾਂ
agency-col-public = ਜਨਤਕ ਤੌਰ 'ਤੇ ਸੂਚੀਬੱਧ
agency-col-faith-public = ਧਰਮ ਜਨਤਕ ਤੌਰ 'ਤੇ ਦਿਖਾਇਆ
agency-col-confirmed = ਆਖਰੀ ਵਾਰ ਪੁਸ਼ਟੀ
agency-col-actions = ਕਾਰਵਾਈਆਂ
agency-delete = { $name } ਨੂੰ ਮਿਟਾਓ
agency-deleted = { $name } ਨੂੰ ਮਿਟਾ ਦਿੱਤਾ ਗਿਆ।
agency-confirm = ਪੁਸ਼ਟੀ ਕਰੋ ਕਿ { $name } ਅਜੇ ਵੀ ਉਪਲਬਧ ਹੈ
agency-col-accepting = ਨਵੇਂ ਗਾਹਕ ਲੈ ਰਹੇ ਹਨ
agency-accepting-lapsed = ਮਿਆਦ ਖਤਮ (90 ਦਿਨਾਂ ਵਿੱਚ ਪੁਸ਼ਟੀ ਨਹੀਂ)
agency-mark-full = { $name } ਨੂੰ ਭਰਿਆ ਹੋਇਆ ਮਾਰਕ ਕਰੋ
agency-mark-accepting = { $name } ਨੂੰ ਨਵੇਂ ਗਾਹਕ ਲੈਂਦੇ ਮਾਰਕ ਕਰੋ
agency-list = { $name } ਨੂੰ ਜਨਤਕ ਸੂਚੀ ਵਿੱਚ ਦਿਖਾਓ
agency-unlist = { $name } ਨੂੰ ਜਨਤਕ ਸੂਚੀ ਵਿੱਚੋਂ ਹਟਾਓ
agency-faith-show = { $name } ਦਾ ਧਰਮ ਜਨਤਕ ਤੌਰ 'ਤੇ ਦਿਖਾਓ (ਉਹਨਾਂ ਨੇ ਸਹਿਮਤੀ ਦਿੱਤੀ)
agency-faith-hide = { $name } ਦਾ ਧਰਮ ਨਿੱਜੀ ਰੱਖੋ
agency-updated = { $name } ਦੀ ਜਾਣਕਾਰੀ ਅੱਪਡੇਟ ਹੋ ਗਈ ਹੈ।
agency-yes = ਹਾਂ
agency-no = ਨਹੀਂ
agency-upload-title = ਰਜਿਸਟਰ ਅੱਪਲੋਡ ਕਰੋ (CSV)
agency-upload-intro = ਸਭ ਕੁਝ ਜਾਂ ਕੁਝ ਵੀ ਨਹੀਂ: ਜੇ ਕਿਸੇ ਵੀ ਕਤਾਰ ਵਿੱਚ ਕੋਈ ਸਮੱਸਿਆ ਹੈ, ਤਾਂ ਕੁਝ ਵੀ ਇੰਪੋਰਟ ਨਹੀਂ ਹੁੰਦਾ ਅਤੇ ਹਰ ਸਮੱਸਿਆ ਦੀ ਸੂਚੀ ਦਿੱਤੀ ਜਾਂਦੀ ਹੈ।
agency-upload-file = CSV ਫਾਈਲ
agency-upload-template = ਨਮੂਨਾ (ਟੈਂਪਲੇਟ) ਡਾਊਨਲੋਡ ਕਰੋ
agency-export-register = ਆਪਣਾ ਰਜਿਸਟਰ ਡਾਊਨਲੋਡ ਕਰੋ (CSV)
agency-export-register-note = ਨਮੂਨੇ ਵਾਲੇ ਹੀ ਕਾਲਮ, ਸੋਧ ਕੇ ਦੁਬਾਰਾ ਅੱਪਲੋਡ ਕਰਨ ਲਈ ਤਿਆਰ। ਇਸ ਵਿੱਚ ਨਿੱਜੀ ਜਾਣਕਾਰੀ ਹੈ: ਇਸਨੂੰ ਸੁਰੱਖਿਅਤ ਰੱਖੋ।
agency-upload-submit = ਅੱਪਲੋਡ ਕਰੋ
agency-upload-ok = { $count ->
    [one] { $count } PA ਇੰਪੋਰਟ ਕੀਤਾ ਗਿਆ।
   *[other] { $count } PA ਇੰਪੋਰਟ ਕੀਤੇ ਗਏ।
}
agency-upload-rejected = ਕੁਝ ਵੀ ਇੰਪੋਰਟ ਨਹੀਂ ਹੋਇਆ। ਇਹ ਕਤਾਰਾਂ ਠੀਕ ਕਰੋ ਅਤੇ ਦੁਬਾਰਾ ਅੱਪਲੋਡ ਕਰੋ:
agency-upload-col-line = ਲਾਈਨ
agency-upload-col-column = ਕਾਲਮ
agency-upload-col-reason = ਸਮੱਸਿਆ
agency-upload-missing = ਅੱਪਲੋਡ ਕਰਨ ਲਈ ਇੱਕ CSV ਫਾਈਲ ਚੁਣੋ।
agency-upload-too-large = ਫਾਈਲ 10 MB ਤੋਂ ਵੱਡੀ ਹੈ। ਇਸਨੂੰ ਹਿੱਸਿਆਂ ਵਿੱਚ ਵੰਡੋ ਅਤੇ ਹਰ ਹਿੱਸਾ ਵੱਖਰਾ ਅੱਪਲੋਡ ਕਰੋ।
agency-page = { $pages } ਵਿੱਚੋਂ ਪੰਨਾ { $page }
page-previous = ਪਿਛਲਾ
page-next = ਅਗਲਾ
contact-phone = ਫ਼ੋਨ
contact-email = ਈਮੇਲ

## Commissioner map
map-title = ਦੇਖਭਾਲ ਕਿੱਥੇ ਨਹੀਂ ਮਿਲ ਰਹੀ?
map-intro = ਹਰ ਇਲਾਕੇ ਦਾ ਰੰਗ ਦੱਸਦਾ ਹੈ ਕਿ ਜਿਨ੍ਹਾਂ ਲੋਕਾਂ ਨੂੰ ਇਸਦੀ ਲੋੜ ਹੈ, ਉਨ੍ਹਾਂ ਵਿੱਚੋਂ ਕਿੰਨਿਆਂ ਦੀ ਪਹੁੰਚ ਵਿੱਚ ਕੋਈ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲਾ ਜਾਂ ਸੇਵਾ ਹੈ।
map-need = ਲੋੜ
map-distance = ਦੂਰੀ ਦੇ ਅੰਦਰ
map-show = ਨਕਸ਼ਾ ਦਿਖਾਓ
map-download-geojson = GeoJSON ਡਾਊਨਲੋਡ ਕਰੋ
map-download-csv = CSV ਡਾਊਨਲੋਡ ਕਰੋ
map-table-title = ਇਲਾਕੇ, ਸਭ ਤੋਂ ਵੱਡੀ ਕਮੀ ਵਾਲੇ ਪਹਿਲਾਂ
map-col-area = ਇਲਾਕਾ
map-col-demand = ਲੋਕ
map-col-carers = ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ
map-col-providers = ਸੇਵਾਵਾਂ
map-col-nearest = ਸਭ ਤੋਂ ਨੇੜੇ (ਕਿ.ਮੀ.)
map-col-severity = ਕਮੀ
map-sort = { $column } ਅਨੁਸਾਰ ਤਰਤੀਬ ਦਿਓ
map-no-authorities = ਹਾਲੇ ਕੋਈ ਸਥਾਨਕ ਅਥਾਰਟੀ (ਕੌਂਸਲ) ਇੰਪੋਰਟ ਨਹੀਂ ਕੀਤੀ ਗਈ। ਪਹਿਲਾਂ carematch import authorities, boundaries ਅਤੇ census ਚਲਾਓ।
severity-none_in_reach = ਪਹੁੰਚ ਵਿੱਚ ਕੋਈ ਨਹੀਂ
severity-severe = ਗੰਭੀਰ
severity-moderate = ਦਰਮਿਆਨੀ
severity-adequate = ਕਾਫ਼ੀ
severity-demand_unknown = ਲੋੜ ਦਾ ਪਤਾ ਨਹੀਂ
severity-no_demand = ਕੋਈ ਲੋੜ ਨਹੀਂ

## Errors
not-found-title = ਪੰਨਾ ਨਹੀਂ ਮਿਲਿਆ
not-found-body = ਇਸ ਪਤੇ 'ਤੇ ਕੋਈ ਪੰਨਾ ਨਹੀਂ ਹੈ।

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = ਕੈਂਟੋਨੀਜ਼ (ਚੀਨੀ)
cuisine-north_chinese = ਉੱਤਰੀ ਚੀਨੀ
cuisine-vietnamese = ਵੀਅਤਨਾਮੀ
cuisine-filipino = ਫਿਲੀਪੀਨੀ
cuisine-punjabi = ਪੰਜਾਬੀ
cuisine-gujarati = ਗੁਜਰਾਤੀ
cuisine-bengali = ਬੰਗਾਲੀ ਅਤੇ ਸਿਲਹਟੀ
cuisine-pakistani = ਪਾਕਿਸਤਾਨੀ
cuisine-south_indian = ਦੱਖਣ ਭਾਰਤੀ
cuisine-sri_lankan = ਸ੍ਰੀਲੰਕਾਈ
cuisine-somali = ਸੋਮਾਲੀ
cuisine-east_african = ਪੂਰਬੀ ਅਫ਼ਰੀਕੀ
cuisine-west_african = ਪੱਛਮੀ ਅਫ਼ਰੀਕੀ
cuisine-caribbean = ਕੈਰੇਬੀਅਨ
cuisine-middle_eastern = ਮੱਧ ਪੂਰਬੀ
cuisine-persian = ਈਰਾਨੀ ਅਤੇ ਅਫ਼ਗਾਨੀ
cuisine-kurdish = ਕੁਰਦੀ
cuisine-turkish = ਤੁਰਕੀ
cuisine-greek_cypriot = ਗ੍ਰੀਕ ਸਾਈਪ੍ਰਿਅਟ
cuisine-polish = ਪੋਲਿਸ਼
cuisine-eastern_european = ਪੂਰਬੀ ਯੂਰਪੀ
cuisine-jewish = ਯਹੂਦੀ ਘਰੇਲੂ ਖਾਣਾ
cuisine-irish = ਆਇਰਿਸ਼
cuisine-british = ਬ੍ਰਿਟਿਸ਼
diet-halal = ਹਲਾਲ
diet-kosher = ਕੋਸ਼ਰ (ਯਹੂਦੀ)
diet-vegetarian = ਸ਼ਾਕਾਹਾਰੀ
diet-vegan = ਵੀਗਨ (ਦੁੱਧ ਸਮੇਤ ਕੋਈ ਪਸ਼ੂ ਉਤਪਾਦ ਨਹੀਂ)
diet-jain = ਜੈਨ (ਜੜ੍ਹਾਂ ਵਾਲੀਆਂ ਸਬਜ਼ੀਆਂ ਨਹੀਂ)
diet-no_pork = ਸੂਰ ਦਾ ਮਾਸ ਨਹੀਂ
diet-no_beef = ਬੀਫ਼ (ਗਾਂ ਦਾ ਮਾਸ) ਨਹੀਂ
faith-buddhist = ਬੋਧੀ
faith-christian = ਈਸਾਈ
faith-hindu = ਹਿੰਦੂ
faith-jewish = ਯਹੂਦੀ
faith-muslim = ਮੁਸਲਮਾਨ
faith-sikh = ਸਿੱਖ
faith-other = ਕੋਈ ਹੋਰ ਧਰਮ
faith-none = ਕੋਈ ਧਰਮ ਨਹੀਂ
faith_practice-prayer_times = ਪ੍ਰਾਰਥਨਾ ਦੇ ਸਮੇਂ ਦਾ ਸਤਿਕਾਰ
faith_practice-fasting = ਵਰਤ ਜਾਂ ਰੋਜ਼ੇ ਵਿੱਚ ਸਹਿਯੋਗ
faith_practice-same_gender_personal_care = ਨਿੱਜੀ ਦੇਖਭਾਲ ਇੱਕੋ ਲਿੰਗ ਦੇ ਵਿਅਕਤੀ ਵੱਲੋਂ
faith_practice-modest_dress = ਸਾਦਾ ਅਤੇ ਢਕਿਆ ਪਹਿਰਾਵਾ
faith_practice-ritual_washing = ਧਾਰਮਿਕ ਇਸ਼ਨਾਨ ਜਾਂ ਵੁਜ਼ੂ
faith_practice-religious_festivals = ਧਾਰਮਿਕ ਤਿਉਹਾਰ
faith_practice-accompany_to_worship = ਗੁਰਦੁਆਰੇ, ਮੰਦਰ, ਮਸਜਿਦ ਜਾਂ ਚਰਚ ਨਾਲ ਜਾਂਦੇ ਹਨ
service-personal_care = ਨਿੱਜੀ ਦੇਖਭਾਲ
service-meal_preparation = ਖਾਣਾ ਬਣਾਉਣਾ
service-domestic = ਘਰ ਦੇ ਕੰਮਾਂ ਵਿੱਚ ਮਦਦ
service-shopping = ਖਰੀਦਦਾਰੀ
service-companionship = ਸਾਥ ਦੇਣਾ
service-medication_prompting = ਦਵਾਈ ਲੈਣ ਦੀ ਯਾਦ ਦਿਵਾਉਣਾ
service-accompany_appointments = ਅਪਾਇੰਟਮੈਂਟਾਂ (ਜਿਵੇਂ GP, ਹਸਪਤਾਲ) 'ਤੇ ਨਾਲ ਜਾਣਾ
service-night_support = ਰਾਤ ਵੇਲੇ ਮਦਦ
service-live_in = ਘਰ ਵਿੱਚ ਨਾਲ ਰਹਿ ਕੇ ਦੇਖਭਾਲ
service-respite = ਰਾਹਤ ਦੇਖਭਾਲ (ਪਰਿਵਾਰ ਨੂੰ ਕੁਝ ਆਰਾਮ)
service-day_activities = ਦਿਨ ਵੇਲੇ ਦੀਆਂ ਗਤੀਵਿਧੀਆਂ
service-luncheon_club = ਲੰਚ ਕਲੱਬ
service-befriending = ਮਿਲਣ-ਜੁਲਣ ਅਤੇ ਦੋਸਤੀ
service-advocacy = ਵਕਾਲਤ (ਤੁਹਾਡੀ ਗੱਲ ਅੱਗੇ ਰੱਖਣਾ)
service-interpreting = ਦੁਭਾਸ਼ੀਆ ਸੇਵਾ
service-peer_support = ਸਾਥੀ ਸਹਾਇਤਾ
service-support_planning = ਸਹਾਇਤਾ ਯੋਜਨਾ ਬਣਾਉਣਾ
service-direct_payment_support = ਸਿੱਧੀ ਅਦਾਇਗੀ ਸਹਾਇਤਾ
medical_diet-diabetic = ਸ਼ੂਗਰ ਵਾਲਿਆਂ ਲਈ (ਘੱਟ ਮਿੱਠਾ)
medical_diet-soft = ਨਰਮ, ਸੌਖਿਆਂ ਚਬਾਇਆ ਜਾਣ ਵਾਲਾ
medical_diet-pureed = ਪੀਸਿਆ ਹੋਇਆ (ਪਿਊਰੀ)
medical_diet-thickened_fluids = ਗਾੜ੍ਹੇ ਕੀਤੇ ਤਰਲ
medical_diet-gluten_free = ਗਲੂਟਨ-ਰਹਿਤ (ਸੀਲੀਐਕ)
medical_diet-low_salt = ਘੱਟ ਲੂਣ
medical_diet-low_fat = ਘੱਟ ਚਰਬੀ
medical_diet-dairy_free = ਦੁੱਧ ਤੋਂ ਬਣੀਆਂ ਚੀਜ਼ਾਂ ਤੋਂ ਬਿਨਾਂ
medical_diet-nut_free = ਮੇਵਿਆਂ ਅਤੇ ਮੂੰਗਫਲੀ ਤੋਂ ਬਿਨਾਂ
medical_diet-renal = ਗੁਰਦਿਆਂ ਲਈ ਖੁਰਾਕ (ਰੀਨਲ)
delivery_mode-in_person = ਆਹਮੋ-ਸਾਹਮਣੇ
delivery_mode-phone = ਫ਼ੋਨ ਰਾਹੀਂ
delivery_mode-online = ਔਨਲਾਈਨ (ਵੀਡੀਓ ਜਾਂ ਚੈਟ)
experience-dementia = ਡਿਮੈਂਸ਼ੀਆ (ਯਾਦਦਾਸ਼ਤ ਦੀ ਬਿਮਾਰੀ)
experience-mental_health = ਮਾਨਸਿਕ ਸਿਹਤ
experience-physical_disability = ਸਰੀਰਕ ਅਪੰਗਤਾ
experience-visual_impairment = ਨਜ਼ਰ ਦੀ ਕਮਜ਼ੋਰੀ
experience-hearing_impairment = ਸੁਣਨ ਦੀ ਕਮਜ਼ੋਰੀ
experience-learning_disability = ਸਿੱਖਣ ਸੰਬੰਧੀ ਅਪੰਗਤਾ (ਲਰਨਿੰਗ ਡਿਸਏਬਿਲਿਟੀ)
experience-autism = ਔਟਿਜ਼ਮ
experience-stroke = ਸਟ੍ਰੋਕ (ਅਧਰੰਗ)
experience-end_of_life = ਜੀਵਨ ਦੇ ਆਖਰੀ ਸਮੇਂ ਦੀ ਦੇਖਭਾਲ
check-dbs_enhanced = ਐਨਹਾਂਸਡ DBS ਜਾਂਚ
check-right_to_work = ਯੂਕੇ ਵਿੱਚ ਕੰਮ ਕਰਨ ਦਾ ਹੱਕ
check-public_liability_insurance = ਪਬਲਿਕ ਲਾਇਬਿਲਿਟੀ ਬੀਮਾ
check-first_aid = ਮੁੱਢਲੀ ਸਹਾਇਤਾ (ਫ਼ਸਟ ਏਡ)
check-food_hygiene = ਖਾਣੇ ਦੀ ਸਫ਼ਾਈ
check-manual_handling = ਸੁਰੱਖਿਅਤ ਢੰਗ ਨਾਲ ਚੁੱਕਣਾ ਅਤੇ ਸਹਾਰਾ ਦੇਣਾ
check-cqc_registered = CQC ਨਾਲ ਰਜਿਸਟਰਡ
provider_kind-micro_provider = ਛੋਟਾ ਭਾਈਚਾਰਕ ਸੇਵਾ-ਪ੍ਰਦਾਤਾ
provider_kind-charity = ਚੈਰਿਟੀ ਜਾਂ ਭਾਈਚਾਰਕ ਸਮੂਹ
provider_kind-home_care_agency = CQC ਨਾਲ ਰਜਿਸਟਰਡ ਘਰੇਲੂ ਦੇਖਭਾਲ ਏਜੰਸੀ
provider_kind-day_service = ਦਿਨ ਵੇਲੇ ਦੀ ਸੇਵਾ (ਡੇਅ ਸੈਂਟਰ)
provider_kind-luncheon_club = ਲੰਚ ਕਲੱਬ
provider_kind-shared_lives = Shared Lives ਸਕੀਮ
provider_kind-advocacy = ਵਕਾਲਤ ਸੇਵਾ
gender-female = ਔਰਤ
gender-male = ਮਰਦ
gender-non_binary = ਨਾਨ-ਬਾਈਨਰੀ
weekday-mon = ਸੋਮਵਾਰ
weekday-tue = ਮੰਗਲਵਾਰ
weekday-wed = ਬੁੱਧਵਾਰ
weekday-thu = ਵੀਰਵਾਰ
weekday-fri = ਸ਼ੁੱਕਰਵਾਰ
weekday-sat = ਸ਼ਨਿੱਚਰਵਾਰ
weekday-sun = ਐਤਵਾਰ

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = ਇਹ ਇੰਦਰਾਜ ਨਹੀਂ ਮਿਲਿਆ
