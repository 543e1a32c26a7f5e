# carematch web pages: Gujarati (Gujarati script).
# Same ids as the English reference catalogue. Placeables in { } are filled in by the server; keep them.

## Page shell
site-name = carematch
site-tagline = તમારી પોતાની ભાષામાં સંભાળ
skip-to-content = મુખ્ય માહિતી પર જાઓ
nav-find = સંભાળ શોધો
nav-shortlist = મારી પસંદગીની યાદી ({ $count })
nav-agency = એજન્સીઓ માટે
nav-commissioner = કાઉન્સિલ કમિશનરો માટે
nav-help = મદદ
language-switcher = ભાષા
footer-privacy = અમે ક્યારેય કોઈ સંભાળ રાખનારનું ઘરનું સરનામું, ચોક્કસ સ્થાન કે સંપર્ક વિગતો જાહેરમાં બતાવતા નથી. તમે અહીં જે લખો છો તે સાચવવામાં આવતું નથી.
footer-api = ઓપન ડેટા અને API

## Find care form
find-title = સંભાળ રાખનાર અથવા સામુદાયિક સેવા શોધો
find-intro = જે વ્યક્તિને સંભાળની જરૂર છે તેઓ ક્યાં રહે છે અને તેમના માટે શું મહત્ત્વનું છે તે અમને જણાવો. અમે યોગ્ય વ્યક્તિગત સહાયકો (PA) અને સ્થાનિક સેવાઓ બતાવીએ છીએ, અને તે શા માટે યોગ્ય છે તે પણ જણાવીએ છીએ.
field-postcode = પોસ્ટકોડ
field-postcode-hint = ઉદાહરણ તરીકે M13 0EG. અંતર માપવા માટે ફક્ત વિસ્તારનો ઉપયોગ થાય છે.
field-distance = કેટલે દૂર સુધી
distance-km = { $km } કિમી
field-help = કઈ મદદ જોઈએ છે
field-languages = સંભાળ રાખનારને કઈ ભાષાઓ આવડવી જોઈએ
field-languages-must = આમાંથી કોઈ એક ભાષા બોલતાં આવડવી જ જોઈએ
field-languages-reads = તે ભાષા વાંચતાં પણ આવડવી જોઈએ (પત્રો, દવાનાં લેબલ)
field-dbs = વ્યક્તિગત સંભાળ માટે માન્ય ઉન્નત DBS તપાસ માંગો
field-food = ભોજન
field-cuisines = ઘરની રસોઈ
field-diets = ભોજનના નિયમો જે સંભાળ રાખનારે પાળવા જ પડશે
field-medical-diets = તબીબી આહાર અથવા ખાસ પ્રકારનો ખોરાક (નરમ, પ્યુરી) જે સંભાળ રાખનારે બનાવવો જ પડશે
field-faith = ધાર્મિક રીતરિવાજો જેનો આદર કરવો
field-gender = વ્યક્તિગત સંભાળ માટે સંભાળ રાખનારનું લિંગ
gender-any = કોઈ પસંદગી નથી
field-gender-must = આ જરૂરી છે
field-more = આ પણ મહત્ત્વનું છે
field-lgbt = LGBT+ લોકોને આવકારે છે
field-remote = ફોન પર અથવા ઓનલાઇન મદદ પણ ચાલશે (દૂરની સેવાઓ પણ મદદ કરી શકે છે)
field-client = ક્લાયન્ટની યોજના
field-hours = અઠવાડિયે સહાયના કલાકો
field-budget = અઠવાડિયાનું બજેટ (£)
field-budget-hint = અઠવાડિયાના કલાકો સાથે: કલાકો × PA નો કલાકનો દર બજેટની અંદર હોવો જોઈએ.
field-prefer = ક્લાયન્ટ જે PA ને ઓળખે છે અને ફરીથી ઇચ્છે છે (PA નંબર, અલ્પવિરામથી અલગ કરીને)
field-block = ક્લાયન્ટ જે PA ને નથી ઇચ્છતા (PA નંબર, અલ્પવિરામથી અલગ કરીને)
field-when = મદદ ક્યારે જોઈએ છે
part-morning = સવાર
part-afternoon = બપોર
part-evening = સાંજ
find-submit = શોધો
find-more-options = વધુ વિકલ્પો

## Results
results-title = પરિણામો
results-count = { $count ->
    [one] { $count } યોગ્ય પરિણામ મળ્યું.
   *[other] { $count } યોગ્ય પરિણામો મળ્યાં (સંભાળ રાખનારા અને સેવાઓ).
}
results-none = હજુ સુધી કોઈ પણ બધી જરૂરી જરૂરિયાતો પૂરી કરતું નથી.
results-considered = નજીકના { $count } સંભાળ રાખનારા અને સેવાઓ તપાસવામાં આવ્યાં.
result-carer = વ્યક્તિગત સહાયક (PA)
result-provider = સામુદાયિક સેવા
result-distance = આશરે { $km } કિમી દૂર
result-score = મેળ { $percent }%
result-free = ઉપલબ્ધ: { $when }
result-area = વિસ્તાર: { $area }
result-rate = કલાકના £{ $rate }
result-why = આ પરિણામ કેમ
outcome-met = હા
outcome-partial = અંશતઃ
outcome-unmet = ના
outcome-required = જરૂરી
relax-title = પૂરતાં પરિણામો નથી? આ અજમાવો:
relax-distance = { $km } કિમી સુધીના સંભાળ રાખનારા બતાવો ({ $count } વધુ)
relax-make-preferred = “{ $what }” ને જરૂરી નહીં, ફક્ત પસંદગી બનાવો ({ $count } વધુ)
error-title = કૃપા કરીને ફોર્મ તપાસો
error-postcode-missing = પોસ્ટકોડ લખો.
error-postcode-invalid = “{ $postcode }” યુકેનો પોસ્ટકોડ નથી.
error-postcode-unknown = અમને પોસ્ટકોડ “{ $postcode }” વિશે માહિતી નથી.
error-loading = યાદી હજુ લોડ થઈ રહી છે. કૃપા કરીને એક મિનિટ પછી ફરી પ્રયાસ કરો.
refused-title = આ ફોર્મ સ્વીકારી શકાયું નથી
refused-body = તમારી સલામતી માટે, અમે ફક્ત આ સાઇટનાં પોતાનાં પાનાં પરથી મોકલેલાં ફોર્મ જ સ્વીકારીએ છીએ. આ ફોર્મ ત્યાંથી આવ્યું નથી, અથવા તે જૂનું થઈ ગયું છે. કંઈ બદલાયું નથી. પાછા જાઓ, પાનું ફરી લોડ કરો અને ફરી પ્રયાસ કરો.
refused-back = પાછા જાઓ

## Criteria names (for the reasons)
crit-language = ભાષા
crit-cuisine = રસોઈ
crit-diet = ભોજનના નિયમો
crit-faith_practice = ધાર્મિક રીતરિવાજ
crit-faith = સમાન ધર્મ
crit-carer_gender = સંભાળ રાખનારનું લિંગ
crit-service = મદદ
crit-experience = અનુભવ
crit-check = ચકાસણી
crit-distance = અંતર
crit-schedule = જરૂર હોય ત્યારે ઉપલબ્ધ
crit-hours_per_week = અઠવાડિયાના કલાકો
crit-max_hourly_rate = કલાકનો દર
crit-needed_by = સમયસર શરૂ કરી શકે
crit-accepting_new_clients = નવા ક્લાયન્ટ લે છે
crit-carer_capacity = નવા ક્લાયન્ટ માટે જગ્યા છે
crit-weekly_budget = અઠવાડિયાનું બજેટ
crit-lgbt_inclusive = LGBT+ લોકોને આવકારે છે
crit-preferred_carer = તમે જણાવેલ સંભાળ રાખનાર
crit-reads = વાંચી શકે
crit-writes = લખી શકે
crit-medical_diet = તબીબી આહાર
crit-delivery_mode = કામ કરવાની રીત

## Reasons and relaxations
crit-with-value = { $name }: { $value }
level-basic = પાયાનું
level-conversational = વાતચીત જેટલું
level-fluent = અસ્ખલિત
level-native = માતૃભાષા
why-language-level = { $language } બોલે છે ({ $level })
why-language = { $who ->
    [provider] સ્ટાફ { $language } બોલે છે
   *[other] { $language } બોલે છે
}
why-language-related = { $who ->
    [provider] સ્ટાફ { $related } બોલે છે — { $language } બોલે છે કે નહીં તેની ખાતરી કરો
   *[other] { $related } બોલે છે — { $language } બોલે છે કે નહીં તેની ખાતરી કરો
}
why-language-lower = { $language } બોલે છે ({ $level }) — જરૂરી સ્તર: { $needed }
why-language-none = { $who ->
    [female] { $language } બોલતી નથી
    [male] { $language } બોલતો નથી
   *[other] { $language } બોલતા નથી
}
why-cuisine = ઘરની રસોઈ બનાવે છે: { $cuisine }
why-cuisine-not = રસોઈમાં નોંધાયેલું નથી: { $cuisine }
why-diet = ખોરાકના આ નિયમો પાળે છે: { $diet }
why-diet-not = ખોરાકનો આ નિયમ નોંધાયેલો નથી: { $diet }
why-practice = { $practice }
why-practice-not = નોંધાયેલું નથી: { $practice }
why-service = આ સેવા આપે છે: { $service }
why-service-not = { $who ->
    [female] આ સેવા આપતી નથી: { $service }
    [male] આ સેવા આપતો નથી: { $service }
   *[other] આ સેવા આપતા નથી: { $service }
}
why-experience = અનુભવ છે: { $experience }
why-experience-not = અનુભવ નોંધાયેલો નથી: { $experience }
why-faith = વ્યક્તિ જેવો જ ધર્મ ({ $faith })
why-faith-not = વ્યક્તિ જેવો જ ધર્મ હોવાનું જણાવ્યું નથી ({ $faith })
why-gender = { $gender ->
    [female] સ્ત્રી સંભાળ રાખનાર
    [male] પુરુષ સંભાળ રાખનાર
   *[other] સંભાળ રાખનાર: { $label }
}
why-gender-not = { $gender ->
    [female] સ્ત્રી સંભાળ રાખનાર નથી
    [male] પુરુષ સંભાળ રાખનાર નથી
   *[other] સંભાળ રાખનાર ({ $label }) નથી
}
why-faith-provider = સંસ્થાને લાગુ પડતું નથી — { $faith } સ્ટાફ છે કે નહીં તે પૂછો
why-gender-provider = સંસ્થાને લાગુ પડતું નથી — { $label } સ્ટાફ વિશે પૂછો
why-distance = { $km } કિમી દૂર
why-schedule-none = ઉપલબ્ધ સમય નોંધાયેલો નથી
why-schedule-not-free = જરૂરી સમયે ઉપલબ્ધ નથી
why-free-days = { $days } { $periods }
why-schedule-all = ઉપલબ્ધ: { $times } — આખું સમયપત્રક આવરી લે છે
why-schedule-part = ઉપલબ્ધ: { $times } — સમયપત્રકનો { $percent }% ભાગ આવરી લે છે
period-mornings = સવાર
period-afternoons = બપોર
period-evenings = સાંજ
period-nights = રાત
list-join = { $a }, { $b }
list-and = { $a } અને { $b }
list-or = { $a } અથવા { $b }
list-groups = { $a }; { $b }
why-start-arranged = શરૂઆતની તારીખ પરસ્પર નક્કી થશે
why-hours-arranged = સમય પરસ્પર નક્કી થશે
why-hours = અઠવાડિયે { $free } કલાક ઉપલબ્ધ ({ $needed } જરૂરી)
why-hours-short = અઠવાડિયે { $free } કલાક ઉપલબ્ધ — { $needed } જરૂરી
why-rate-unknown = કલાકનો દર જાહેર નથી — પૂછો
why-rate = કલાકના £{ $rate }
why-rate-over = કલાકના £{ $rate } — £{ $limit }ની મર્યાદાથી વધુ
why-available-now = હમણાં ઉપલબ્ધ
why-available-from = { $date }થી ઉપલબ્ધ
why-available-late = { $date }થી ઉપલબ્ધ — { $needed } સુધીમાં જરૂરી
why-check-none = { $check } નોંધાયેલ નથી
why-check-valid = { $check } { $date } સુધી માન્ય
why-check-expired = { $check }ની મુદત { $date }ના રોજ પૂરી થઈ
why-accepting = નવા ક્લાયન્ટ લે છે ({ $date }ના રોજ પુષ્ટિ)
why-accepting-lapsed = { $date }થી નવા ક્લાયન્ટ લેવાની પુષ્ટિ ફરી કરાઈ નથી ({ $days } દિવસ પછી રદ થાય છે) — પૂછો
why-accepting-not = નવા ક્લાયન્ટ લેતા નથી
why-reads = { $who ->
    [provider] સ્ટાફ { $language } વાંચી શકે છે
   *[other] { $language } વાંચી શકે છે
}
why-reads-not = { $who ->
    [female] { $language } વાંચી શકતી નથી
    [male] { $language } વાંચી શકતો નથી
    [provider] સ્ટાફ { $language } વાંચી શકતા નથી
   *[other] { $language } વાંચી શકતા નથી
}
why-writes = { $who ->
    [provider] સ્ટાફ { $language } લખી શકે છે
   *[other] { $language } લખી શકે છે
}
why-writes-not = { $who ->
    [female] { $language } લખી શકતી નથી
    [male] { $language } લખી શકતો નથી
    [provider] સ્ટાફ { $language } લખી શકતા નથી
   *[other] { $language } લખી શકતા નથી
}
why-medical-diet = આ તબીબી આહાર બનાવે છે: { $diet }
why-medical-diet-not = આ તબીબી આહાર નોંધાયેલો નથી: { $diet }
why-delivery = કામ કરવાની રીત: { $mode }
why-delivery-not = { $who ->
    [female] આ રીતે કામ કરતી નથી: { $mode }
    [male] આ રીતે કામ કરતો નથી: { $mode }
   *[other] આ રીતે કામ કરતા નથી: { $mode }
}
why-lgbt = LGBT+ લોકોને આવકારે છે
why-lgbt-not = LGBT+ લોકોને આવકારે છે એવું જણાવ્યું નથી
why-preferred-carer = તમે પસંદગીના તરીકે જણાવેલ સંભાળ રાખનાર
why-remote = { $km } કિમી દૂર — કામ કરવાની રીત: { $modes }
why-budget = { $hours } કલાક માટે અઠવાડિયે £{ $cost } (બજેટ £{ $budget })
why-budget-over = { $hours } કલાક માટે અઠવાડિયે £{ $cost } — £{ $budget }ના બજેટથી વધુ
why-budget-unknown = કલાકનો દર જાહેર નથી — અઠવાડિયાનો ખર્ચ પૂછો
why-criterion = { $what }
date-format = { $d }/{ $m }/{ $y }
date-unknown = અજ્ઞાત તારીખ
relax-within = { $km } કિમીની અંદર { $count } વધુ
relax-hours = { $count } વધુ, જેમની પાસે અઠવાડિયે { $needed } કલાકથી ઓછો સમય છે
relax-rate = { $count } વધુ, જેમનો દર કલાકના £{ $limit }થી વધુ છે અથવા જાહેર નથી
relax-needed-by = { $count } વધુ, જે { $date } પછી ઉપલબ્ધ છે
relax-language-dialect = { $count } વ્યક્તિ { $related } બોલે છે — { $language }ની ખાતરી કરો
relax-language-some-dialect = { $language } ફરજિયાત ન રાખો તો { $count } વધુ, જેમાંથી { $dialect } { $related } બોલે છે — { $language }ની ખાતરી કરો
relax-language-level = { $language } { $level } સ્તરે ફરજિયાત ન રાખો તો { $count } વધુ
relax-language = { $language } ફરજિયાત ન રાખો તો { $count } વધુ
relax-accepting = હાલમાં નવા ક્લાયન્ટ ન લેતી (અથવા જેમની પુષ્ટિ રદ થઈ છે તેવી) સંસ્થાઓને પણ પૂછો તો { $count } વધુ
relax-schedule = { $count } વધુ, જે સમયપત્રકનો થોડો ભાગ આવરી લે છે
relax-check = માન્ય { $check } ફરજિયાત ન રાખો તો { $count } વધુ
relax-capacity = હાલમાં ભરાયેલા PA ને પણ સામેલ કરો તો { $count } વધુ
relax-budget = { $count } વધુ, જેમનો ખર્ચ £{ $budget }ના અઠવાડિયાના બજેટથી વધુ છે અથવા દર જાહેર નથી
relax-without = “{ $what }” ફરજિયાત ન રાખો તો { $count } વધુ

## Shortlist
shortlist-add = { $name } ને મારી પસંદગીની યાદીમાં ઉમેરો
shortlist-remove = { $name } ને મારી પસંદગીની યાદીમાંથી કાઢો
shortlist-added = તમારી પસંદગીની યાદીમાં છે
shortlist-title = મારી પસંદગીની યાદી
shortlist-empty = તમારી પસંદગીની યાદી ખાલી છે. તમારાં શોધ પરિણામોમાંથી સંભાળ રાખનારા અને સેવાઓ ઉમેરો.
shortlist-share = આ યાદી શેર કરો
shortlist-share-hint = જેની પાસે પણ આ લિંક હશે તેઓ આ જ યાદી જોઈ શકશે. તેમાં કોઈ અંગત માહિતી નથી.
shortlist-print = પ્રિન્ટ કરો
shortlist-ask-title = એજન્સીને પૂછવાના પ્રશ્નો
shortlist-ask-free = શું { $name } મને જોઈએ તે સમયે હજુ પણ ઉપલબ્ધ છે, અને ક્યારથી?
shortlist-ask-checks = શું { $name } ની ચકાસણીઓ (જેમ કે DBS) અદ્યતન છે?
shortlist-ask-food = શું { $name } મારા ભોજનના નિયમો પાળીને હું જે ખાઉં છું તે રાંધી શકે છે?
shortlist-ask-language = શું { $name } વ્યક્તિગત સંભાળ માટે મારી ભાષા પૂરતી સારી રીતે બોલી શકે છે?
shortlist-ask-contact = હું { $name } નો સંપર્ક કેવી રીતે કરું, અને પહેલી મુલાકાત કોણ ગોઠવે છે?
shortlist-contact = સંપર્ક
shortlist-gone = આ હવે યાદીમાં નથી.
shortlist-back = શોધ પર પાછા જાઓ

## Sign in (agencies and commissioners)
login-title = સાઇન ઇન
login-intro = તમારા એડમિનિસ્ટ્રેટરે આપેલી API કી વડે સાઇન ઇન કરો. કી તમારા બ્રાઉઝરમાં સાચવવામાં આવતી નથી; ફક્ત એક સેશન કૂકી સાચવવામાં આવે છે.
login-key = API કી
login-submit = સાઇન ઇન કરો
login-bad-key = આ કી માન્ય નથી, અથવા તેને રદ કરવામાં આવી છે.
login-wrong-role = આ કી વડે આ પાનું ખોલી શકાતું નથી.
logout = સાઇન આઉટ

## Agency console
agency-title = એજન્સી કન્સોલ
agency-signed-in = { $agency } માટે સાઇન ઇન કરેલું છે
agency-find-title = ક્લાયન્ટ માટે PA શોધો
agency-find-intro = આમાં તમારા એવા PA પણ શામેલ છે જે જાહેર યાદીમાં નથી. સંપર્ક વિગતો બતાવવામાં આવે છે.
agency-carers-title = તમારા PA ({ $count })
agency-col-name = નામ
agency-col-postcode = પોસ્ટકોડ
agency-col-languages = ભાષાઓ
agency-col-public = જાહેર યાદીમાં
agency-col-faith-public = ધર્મ જાહેરમાં બતાવેલ
agency-col-confirmed = છેલ્લે ક્યારે પુષ્ટિ થઈ
agency-col-actions = ક્રિયાઓ
agency-delete = { $name } ને કાઢી નાખો
agency-deleted = { $name } ને કાઢી નાખવામાં આવ્યા.
agency-confirm = ખાતરી કરો કે { $name } હજુ ઉપલબ્ધ છે
agency-col-accepting = નવા ગ્રાહકો લે છે
agency-accepting-lapsed = સમય પૂરો (90 દિવસમાં પુષ્ટિ નથી)
agency-mark-full = { $name } ને ભરાયેલા તરીકે ચિહ્નિત કરો
agency-mark-accepting = { $name } ને નવા ગ્રાહકો લેતા તરીકે ચિહ્નિત કરો
agency-list = { $name } ને જાહેર યાદીમાં બતાવો
agency-unlist = { $name } ને જાહેર યાદીમાંથી દૂર કરો
agency-faith-show = { $name } નો ધર્મ જાહેરમાં બતાવો (તેમણે સંમતિ આપી છે)
agency-faith-hide = { $name } નો ધર્મ ખાનગી રાખો
agency-updated = { $name } ની માહિતી અપડેટ થઈ ગઈ છે.
agency-yes = હા
agency-no = ના
agency-upload-title = રજિસ્ટર અપલોડ કરો (CSV)
agency-upload-intro = બધું અથવા કંઈ નહીં: જો કોઈ પણ હરોળમાં સમસ્યા હોય, તો કંઈ પણ ઇમ્પોર્ટ થતું નથી અને દરેક સમસ્યાની યાદી બતાવવામાં આવે છે.
agency-upload-file = CSV ફાઇલ
agency-upload-template = નમૂનો (ટેમ્પ્લેટ) ડાઉનલોડ કરો
agency-export-register = તમારું રજિસ્ટર ડાઉનલોડ કરો (CSV)
agency-export-register-note = નમૂના જેવા જ કૉલમ, ફેરફાર કરીને ફરી અપલોડ કરી શકાય. તેમાં વ્યક્તિગત માહિતી છે: તેને સુરક્ષિત રાખો.
agency-upload-submit = અપલોડ કરો
agency-upload-ok = { $count ->
    [one] { $count } PA ઇમ્પોર્ટ કરવામાં આવ્યા.
   *[other] { $count } PA ઇમ્પોર્ટ કરવામાં આવ્યા.
}
agency-upload-rejected = કંઈ પણ ઇમ્પોર્ટ થયું નથી. આ હરોળો સુધારો અને ફરી અપલોડ કરો:
agency-upload-col-line = લાઇન
agency-upload-col-column = કૉલમ
agency-upload-col-reason = સમસ્યા
agency-upload-missing = અપલોડ કરવા માટે CSV ફાઇલ પસંદ કરો.
agency-upload-too-large = ફાઇલ 10 MB કરતાં મોટી છે. તેને ભાગોમાં વહેંચો અને દરેક ભાગ અલગથી અપલોડ કરો.
agency-page = { $pages } માંથી પાનું { $page }
page-previous = પાછળનું
page-next = આગળનું
contact-phone = ફોન
contact-email = ઇમેઇલ

## Commissioner map
map-title = સંભાળની ખોટ ક્યાં છે?
map-intro = દરેક વિસ્તારનો રંગ બતાવે છે કે જેમને આની જરૂર છે તેમાંથી કેટલા લોકોની પહોંચમાં કોઈ સંભાળ રાખનાર અથવા સેવા છે.
map-need = જરૂરિયાત
map-distance = અંતરની અંદર
map-show = નકશો બતાવો
map-download-geojson = GeoJSON ડાઉનલોડ કરો
map-download-csv = CSV ડાઉનલોડ કરો
map-table-title = વિસ્તારો, સૌથી મોટી ખોટ પહેલાં
map-col-area = વિસ્તાર
map-col-demand = લોકો
map-col-carers = સંભાળ રાખનારા
map-col-providers = સેવાઓ
map-col-nearest = સૌથી નજીક (કિમી)
map-col-severity = ખોટ
map-sort = { $column } મુજબ ગોઠવો
map-no-authorities = હજુ સુધી કોઈ સ્થાનિક સત્તામંડળ (કાઉન્સિલ) ઇમ્પોર્ટ થયું નથી. પહેલાં carematch import authorities, boundaries અને census ચલાવો.
severity-none_in_reach = પહોંચમાં કોઈ નથી
severity-severe = ગંભીર
severity-moderate = મધ્યમ
severity-adequate = પૂરતું
severity-demand_unknown = જરૂરિયાત અજાણ
severity-no_demand = કોઈ જરૂરિયાત નથી

## Errors
not-found-title = પાનું મળ્યું નથી
not-found-body = આ સરનામે કોઈ પાનું નથી.

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = કેન્ટોનીઝ (ચાઇનીઝ)
cuisine-north_chinese = ઉત્તર ચીની
cuisine-vietnamese = વિયેતનામી
cuisine-filipino = ફિલિપિનો
cuisine-punjabi = પંજાબી
cuisine-gujarati = ગુજરાતી
cuisine-bengali = બંગાળી અને સિલ્હેટી
cuisine-pakistani = પાકિસ્તાની
cuisine-south_indian = દક્ષિણ ભારતીય
cuisine-sri_lankan = શ્રીલંકન
cuisine-somali = સોમાલી
cuisine-east_african = પૂર્વ આફ્રિકન
cuisine-west_african = પશ્ચિમ આફ્રિકન
cuisine-caribbean = કેરેબિયન
cuisine-middle_eastern = મધ્ય પૂર્વીય
cuisine-persian = ઈરાની અને અફઘાની
cuisine-kurdish = કુર્દિશ
cuisine-turkish = તુર્કી
cuisine-greek_cypriot = ગ્રીક સાયપ્રિયટ
cuisine-polish = પોલિશ
cuisine-eastern_european = પૂર્વ યુરોપીય
cuisine-jewish = યહૂદી ઘરની રસોઈ
cuisine-irish = આઇરિશ
cuisine-british = બ્રિટિશ
diet-halal = હલાલ
diet-kosher = કોશર (યહૂદી)
diet-vegetarian = શાકાહારી
diet-vegan = વીગન (દૂધ સહિત કોઈ પ્રાણીજ વસ્તુ નહીં)
diet-jain = જૈન (કંદમૂળ નહીં)
diet-no_pork = ડુક્કરનું માંસ નહીં
diet-no_beef = ગાયનું માંસ (બીફ) નહીં
faith-buddhist = બૌદ્ધ
faith-christian = ખ્રિસ્તી
faith-hindu = હિન્દુ
faith-jewish = યહૂદી
faith-muslim = મુસ્લિમ
faith-sikh = શીખ
faith-other = અન્ય ધર્મ
faith-none = કોઈ ધર્મ નહીં
faith_practice-prayer_times = પૂજા, પ્રાર્થના અને નમાજના સમયનો આદર
faith_practice-fasting = ઉપવાસ કે રોજામાં સાથ
faith_practice-same_gender_personal_care = સમાન લિંગની વ્યક્તિ દ્વારા વ્યક્તિગત સંભાળ
faith_practice-modest_dress = મર્યાદાપૂર્ણ પહેરવેશ
faith_practice-ritual_washing = ધાર્મિક શુદ્ધિ અને સ્નાન (જેમ કે વુઝૂ)
faith_practice-religious_festivals = ધાર્મિક તહેવારો
faith_practice-accompany_to_worship = મંદિર, દેરાસર, મસ્જિદ કે અન્ય ધર્મસ્થાને સાથે જાય
service-personal_care = વ્યક્તિગત સંભાળ
service-meal_preparation = જમવાનું બનાવવું
service-domestic = ઘરકામમાં મદદ
service-shopping = ખરીદી
service-companionship = સાથ અને વાતચીત
service-medication_prompting = દવા લેવાનું યાદ કરાવવું
service-accompany_appointments = એપોઇન્ટમેન્ટ (જેમ કે GP, હોસ્પિટલ) પર સાથે જવું
service-night_support = રાત્રે મદદ
service-live_in = ઘરમાં સાથે રહીને સંભાળ
service-respite = રાહત સંભાળ (પરિવારને થોડો આરામ)
service-day_activities = દિવસની પ્રવૃત્તિઓ
service-luncheon_club = લંચ ક્લબ
service-befriending = મિત્રતા અને મુલાકાત
service-advocacy = હિમાયત (તમારા વતી વાત રજૂ કરવી)
service-interpreting = દુભાષિયા સેવા
service-peer_support = સાથી સહાય
service-support_planning = સહાય આયોજન
service-direct_payment_support = સીધી ચુકવણી સહાય
medical_diet-diabetic = ડાયાબિટીસ માટે (ઓછી ખાંડ)
medical_diet-soft = નરમ, સહેલાઈથી ચવાય તેવું
medical_diet-pureed = પીસીને બનાવેલું (પ્યુરી)
medical_diet-thickened_fluids = ઘટ્ટ કરેલાં પ્રવાહી
medical_diet-gluten_free = ગ્લુટેન વગરનું (સીલિયાક)
medical_diet-low_salt = ઓછું મીઠું
medical_diet-low_fat = ઓછી ચરબી
medical_diet-dairy_free = દૂધની બનાવટો વગરનું
medical_diet-nut_free = સૂકો મેવો અને શીંગ વગરનું
medical_diet-renal = કિડની માટેનો આહાર (રીનલ)
delivery_mode-in_person = રૂબરૂ
delivery_mode-phone = ફોન પર
delivery_mode-online = ઓનલાઇન (વીડિયો અથવા ચેટ)
experience-dementia = ડિમેન્શિયા (યાદશક્તિની બીમારી)
experience-mental_health = માનસિક સ્વાસ્થ્ય
experience-physical_disability = શારીરિક વિકલાંગતા
experience-visual_impairment = દૃષ્ટિની તકલીફ
experience-hearing_impairment = સાંભળવાની તકલીફ
experience-learning_disability = શીખવાની અક્ષમતા (લર્નિંગ ડિસેબિલિટી)
experience-autism = ઓટિઝમ
experience-stroke = સ્ટ્રોક (લકવો)
experience-end_of_life = જીવનના અંતિમ સમયની સંભાળ
check-dbs_enhanced = એન્હાન્સ્ડ DBS ચકાસણી
check-right_to_work = યુકેમાં કામ કરવાનો અધિકાર
check-public_liability_insurance = પબ્લિક લાયબિલિટી વીમો
check-first_aid = પ્રાથમિક સારવાર (ફર્સ્ટ એઇડ)
check-food_hygiene = ખોરાકની સ્વચ્છતા
check-manual_handling = સુરક્ષિત રીતે ઊંચકવું અને ટેકો આપવો
check-cqc_registered = CQC માં નોંધાયેલ
provider_kind-micro_provider = નાનો સામુદાયિક સેવા પ્રદાતા
provider_kind-charity = ચેરિટી અથવા સામુદાયિક જૂથ
provider_kind-home_care_agency = CQC માં નોંધાયેલ હોમ કેર એજન્સી
provider_kind-day_service = ડે સર્વિસ (દિવસ કેન્દ્ર)
provider_kind-luncheon_club = લંચ ક્લબ
provider_kind-shared_lives = Shared Lives યોજના
provider_kind-advocacy = હિમાયત સેવા
gender-female = સ્ત્રી
gender-male = પુરુષ
gender-non_binary = નોન-બાઇનરી
weekday-mon = સોમવાર
weekday-tue = મંગળવાર
weekday-wed = બુધવાર
weekday-thu = ગુરુવાર
weekday-fri = શુક્રવાર
weekday-sat = શનિવાર
weekday-sun = રવિવાર

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = આ નોંધ મળી નથી
