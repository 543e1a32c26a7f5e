# carematch web pages: Somali (Latin script).
# Same ids as the English reference catalogue. Placeables in { } are filled in by the server; keep them.

## Page shell
site-name = carematch
site-tagline = Daryeel ku hadla luqaddaada
skip-to-content = Toos ugu gudub qaybta ugu muhiimsan
nav-find = Raadi daryeel
nav-shortlist = Liiska aan doortay ({ $count })
nav-agency = Hay'adaha daryeelka
nav-commissioner = Saraakiisha golaha (commissioners)
nav-help = Caawimaad
language-switcher = Luqadda
footer-privacy = Weligeen dadweynaha uma muujinno cinwaanka guriga daryeelaha, meesha saxda ah ee uu joogo ama xogta lagala xiriiro. Waxa aad halkan ku qorto lama kaydiyo.
footer-api = Xog furan iyo API

## Find care form
find-title = Raadi daryeele ama adeeg bulsho
find-intro = Noo sheeg halka uu qofku ku nool yahay iyo waxa u muhiimka ah. Waxaan ku tusinaa kaaliyeyaal shakhsi ah (PA) iyo adeegyo deegaanka ah oo ku habboon, waxaana kuu sheegnaa sababta.
field-postcode = Koodhka boostada (postcode)
field-postcode-hint = Tusaale ahaan M13 0EG. Xaafadda oo keliya ayaa loo isticmaalaa cabbirka masaafada.
field-distance = Masaafada ugu fog
distance-km = { $km } km
field-help = Caawimaadda loo baahan yahay
field-languages = Luqadaha uu daryeeluhu ku hadlo
field-languages-must = Waa inuu ku hadlaa mid ka mid ah luqadahan
field-languages-reads = Sidoo kale waa inuu luqadda akhriyi karo (warqadaha, qoraalka daawooyinka)
field-dbs = Daryeelka shakhsiga, weydii hubinta DBS ee la xoojiyey oo ansax ah
field-food = Cuntada
field-cuisines = Cunto guri
field-diets = Xeerarka cuntada ee uu daryeeluhu waajibka ku yahay inuu ilaaliyo
field-medical-diets = Cuntooyinka caafimaad ama kuwa qaab gaar ah (jilicsan, la shiiday) ee uu daryeeluhu waajibka ku yahay inuu kariyo
field-faith = Dhaqamada diimeed ee la ixtiraamayo
field-gender = Jinsiga daryeelaha ee daryeelka shakhsiga ah
gender-any = Wax doorbid ah ma leh
field-gender-must = Tani waa lama huraan
field-more = Sidoo kale muhiim ah
field-lgbt = Soo dhaweeya dadka LGBT+
field-remote = Taageero taleefan ama online ah sidoo kale waa la aqbali karaa (adeegyo meel fog ku yaal ayaa caawin kara)
field-client = Qorshaha macmiilka
field-hours = Saacadaha taageerada toddobaadkii
field-budget = Miisaaniyadda toddobaadka (£)
field-budget-hint = Marka lala eego saacadaha toddobaadkii: saacadaha × qiimaha saacaddii ee PA-ga waa inaanu dhaafin miisaaniyadda.
field-prefer = PA-yada uu macmiilku yaqaan oo uu mar kale rabo (lambarada PA, oo hakad lagu kala saaray)
field-block = PA-yada aanu macmiilku rabin (lambarada PA, oo hakad lagu kala saaray)
field-when = Goorta caawimaadda loo baahan yahay
part-morning = Subax
part-afternoon = Galab
part-evening = Fiid
find-submit = Raadi
find-more-options = Doorashooyin dheeraad ah

## Results
results-title = Natiijooyinka
results-count = { $count ->
    [one] Hal daryeele ama adeeg ayaa ku habboon.
   *[other] { $count } daryeele iyo adeeg ayaa ku habboon.
}
results-none = Weli ma jiro qof buuxiya dhammaan baahiyaha lama huraanka ah.
results-considered = { $count } daryeele iyo adeeg oo u dhow ayaa la hubiyay.
result-carer = Kaaliye shakhsi ah (PA)
result-provider = Adeeg bulsho
result-distance = Qiyaastii { $km } km u jira
result-score = Ku habboonaan { $percent }%
result-free = Bannaan: { $when }
result-area = Degaanka: { $area }
result-rate = £{ $rate } saacaddii
result-why = Sababta natiijadan
outcome-met = Haa
outcome-partial = Qayb ahaan
outcome-unmet = Maya
outcome-required = lama huraan
relax-title = Natiijooyin ku filan ma jiraan? Isku day:
relax-distance = Tus daryeelayaasha ilaa { $km } km u jira ({ $count } kale)
relax-make-preferred = Ka dhig “{ $what }” doorbid, halkii ay lama huraan ahaan lahayd ({ $count } kale)
error-title = Fadlan hubi foomka
error-postcode-missing = Geli koodhka boostada.
error-postcode-invalid = “{ $postcode }” ma aha koodh boostada UK.
error-postcode-unknown = Ma aqoonno koodhka boostada “{ $postcode }”.
error-loading = Tusaha weli wuu soo degayaa. Fadlan mar kale isku day daqiiqad kadib.
refused-title = Foomkan lama aqbali karin
refused-body = Badbaadadaada awgeed, waxaan aqbalnaa oo keliya foomamka laga soo diro boggaga goobtan. Foomkani halkaas kama iman, ama waa duugoobay. Waxba lama beddelin. Dib u noqo, bogga dib u soo deji oo mar kale isku day.
refused-back = Dib u noqo

## Criteria names (for the reasons)
crit-language = Luqadda
crit-cuisine = Karinta cuntada
crit-diet = Xeerarka cuntada
crit-faith_practice = Dhaqanka diimeed
crit-faith = Isku diin
crit-carer_gender = Jinsiga daryeelaha
crit-service = Caawimaad
crit-experience = Khibrad
crit-check = Hubin
crit-distance = Masaafo
crit-schedule = Bannaan marka loo baahdo
crit-hours_per_week = Saacadaha toddobaadkii
crit-max_hourly_rate = Qiimaha saacaddii
crit-needed_by = Ku bilaabi kara waqtiga
crit-accepting_new_clients = Qaata macaamiil cusub
crit-carer_capacity = Boos u leh macaamiil cusub
crit-weekly_budget = Miisaaniyadda toddobaadka
crit-lgbt_inclusive = Soo dhaweeya dadka LGBT+
crit-preferred_carer = Daryeele aad magacowday
crit-reads = Akhris
crit-writes = Qoraal
crit-medical_diet = Cunto caafimaad
crit-delivery_mode = Habka shaqada

## Reasons and relaxations
crit-with-value = { $name }: { $value }
level-basic = aasaasi
level-conversational = wada-hadal maalmeed
level-fluent = si fasiix ah
level-native = af hooyo
why-language-level = { $who ->
    [female] waxay ku hadashaa { $language } (heerka: { $level })
    [male] wuxuu ku hadlaa { $language } (heerka: { $level })
   *[other] waxay ku hadlaan { $language } (heerka: { $level })
}
why-language = { $who ->
    [female] waxay ku hadashaa { $language }
    [male] wuxuu ku hadlaa { $language }
    [provider] shaqaaluhu waxay ku hadlaan { $language }
   *[other] waxay ku hadlaan { $language }
}
why-language-related = { $who ->
    [female] waxay ku hadashaa { $related } — hubi inay ku hadasho { $language }
    [male] wuxuu ku hadlaa { $related } — hubi inuu ku hadlo { $language }
    [provider] shaqaaluhu waxay ku hadlaan { $related } — hubi inay ku hadlaan { $language }
   *[other] waxay ku hadlaan { $related } — hubi inay ku hadlaan { $language }
}
why-language-lower = { $who ->
    [female] waxay ku hadashaa { $language } (heerka: { $level }) — waxaa loo baahan yahay heerka: { $needed }
    [male] wuxuu ku hadlaa { $language } (heerka: { $level }) — waxaa loo baahan yahay heerka: { $needed }
   *[other] waxay ku hadlaan { $language } (heerka: { $level }) — waxaa loo baahan yahay heerka: { $needed }
}
why-language-none = { $who ->
    [female] kuma hadasho { $language }
    [male] kuma hadlo { $language }
    [provider] shaqaaluhu kuma hadlaan { $language }
   *[other] kuma hadlaan { $language }
}
why-cuisine = { $who ->
    [female] waxay karisaa cuntada guriga: { $cuisine }
    [male] wuxuu kariyaa cuntada guriga: { $cuisine }
   *[other] waxay kariyaan cuntada guriga: { $cuisine }
}
why-cuisine-not = kuma qorna karinta: { $cuisine }
why-diet = { $who ->
    [female] waxay ilaalisaa xeerarka cuntada: { $diet }
    [male] wuxuu ilaaliyaa xeerarka cuntada: { $diet }
   *[other] waxay ilaaliyaan xeerarka cuntada: { $diet }
}
why-diet-not = kuma qorna xeerka cuntada: { $diet }
why-practice = { $practice }
why-practice-not = kuma qorna: { $practice }
why-service = { $who ->
    [female] waxay bixisaa: { $service }
    [male] wuxuu bixiyaa: { $service }
   *[other] waxay bixiyaan: { $service }
}
why-service-not = { $who ->
    [female] ma bixiso: { $service }
    [male] ma bixiyo: { $service }
   *[other] ma bixiyaan: { $service }
}
why-experience = { $who ->
    [female] waxay khibrad u leedahay: { $experience }
    [male] wuxuu khibrad u leeyahay: { $experience }
   *[other] waxay khibrad u leeyihiin: { $experience }
}
why-experience-not = khibrad lama sheegin: { $experience }
why-faith = { $who ->
    [female] waxay la wadaagtaa diinta qofka ({ $faith })
    [male] wuxuu la wadaagaa diinta qofka ({ $faith })
   *[other] waxay la wadaagaan diinta qofka ({ $faith })
}
why-faith-not = lama sheegin in diinta qofka ({ $faith }) la wadaago
why-gender = { $gender ->
    [female] daryeele haweeney ah
    [male] daryeele nin ah
   *[other] daryeele: { $label }
}
why-gender-not = { $gender ->
    [female] ma aha daryeele haweeney ah
    [male] ma aha daryeele nin ah
   *[other] ma aha daryeele: { $label }
}
why-faith-provider = kuma khusayso bixiyaha adeegga — weydii inay jiraan shaqaale { $faith } ah
why-gender-provider = { $gender ->
    [female] kuma khusayso bixiyaha adeegga — weydii daryeele haweeney ah
    [male] kuma khusayso bixiyaha adeegga — weydii daryeele nin ah
   *[other] kuma khusayso bixiyaha adeegga — weydii daryeele: { $label }
}
why-distance = { $km } km u jira
why-schedule-none = wakhti bannaan lama diiwaangelin
why-schedule-not-free = wakhtiyada loo baahan yahay ma bannaana
why-free-days = { $days } ({ $periods })
why-schedule-all = bannaan: { $times } — jadwalka oo dhan
why-schedule-part = bannaan: { $times } — { $percent }% jadwalka
period-mornings = subaxda
period-afternoons = galabta
period-evenings = fiidka
period-nights = habeenka
list-join = { $a }, { $b }
list-and = { $a } iyo { $b }
list-or = { $a } ama { $b }
list-groups = { $a }; { $b }
why-start-arranged = taariikhda bilowga waa lagu heshiin karaa
why-hours-arranged = saacadaha waa lagu heshiin karaa
why-hours = { $free } { $free ->
    [one] saacad
   *[other] saacadood
} oo bannaan toddobaadkii ({ $needed } ayaa loo baahan yahay)
why-hours-short = { $free } { $free ->
    [one] saacad
   *[other] saacadood
} oo bannaan toddobaadkii — { $needed } ayaa loo baahan yahay
why-rate-unknown = qiimaha saacaddii lama soo bandhigin — weydii
why-rate = £{ $rate } saacaddii
why-rate-over = £{ $rate } saacaddii — wuu ka badan yahay xadka £{ $limit }
why-available-now = hadda waa diyaar
why-available-from = waa diyaar laga bilaabo { $date }
why-available-late = waa diyaar laga bilaabo { $date } — waxaa loo baahan yahay ka hor { $needed }
why-check-none = lama diiwaangelin: { $check }
why-check-valid = { $check }: waa ansax ilaa { $date }
why-check-expired = { $check }: muddadii waxay dhammaatay { $date }
why-accepting = macaamiil cusub ayay qaataan (la xaqiijiyay { $date })
why-accepting-lapsed = "macaamiil cusub" lama cusboonaysiin tan iyo { $date } (waxay dhacdaa { $days } maalmood kadib) — weydii
why-accepting-not = macaamiil cusub ma qaataan
why-reads = { $who ->
    [female] waxay akhrisaa { $language }
    [male] wuxuu akhriyaa { $language }
    [provider] shaqaaluhu waxay akhriyaan { $language }
   *[other] waxay akhriyaan { $language }
}
why-reads-not = { $who ->
    [female] ma akhriso { $language }
    [male] ma akhriyo { $language }
    [provider] shaqaaluhu ma akhriyaan { $language }
   *[other] ma akhriyaan { $language }
}
why-writes = { $who ->
    [female] waxay qortaa { $language }
    [male] wuxuu qoraa { $language }
    [provider] shaqaaluhu waxay qoraan { $language }
   *[other] waxay qoraan { $language }
}
why-writes-not = { $who ->
    [female] ma qorto { $language }
    [male] ma qoro { $language }
    [provider] shaqaaluhu ma qoraan { $language }
   *[other] ma qoraan { $language }
}
why-medical-diet = { $who ->
    [female] waxay karisaa cunto caafimaad: { $diet }
    [male] wuxuu kariyaa cunto caafimaad: { $diet }
   *[other] waxay kariyaan cunto caafimaad: { $diet }
}
why-medical-diet-not = kuma qorna cuntada caafimaadka: { $diet }
why-delivery = habka shaqada: { $mode }
why-delivery-not = { $who ->
    [female] habkan kuma shaqayso: { $mode }
    [male] habkan kuma shaqeeyo: { $mode }
   *[other] habkan kuma shaqeeyaan: { $mode }
}
why-lgbt = { $who ->
    [female] waxay soo dhawaysaa dadka LGBT+
    [male] wuxuu soo dhaweeyaa dadka LGBT+
   *[other] waxay soo dhaweeyaan dadka LGBT+
}
why-lgbt-not = lama sheegin in dadka LGBT+ la soo dhaweeyo
why-preferred-carer = daryeele aad sheegtay inaad doorbidayso
why-remote = { $km } km u jira — habka shaqada: { $modes }
why-budget = £{ $cost } toddobaadkii, { $hours } { $hours ->
    [one] saacad
   *[other] saacadood
} (miisaaniyadda: £{ $budget })
why-budget-over = £{ $cost } toddobaadkii, { $hours } { $hours ->
    [one] saacad
   *[other] saacadood
} — wuu ka badan yahay miisaaniyadda £{ $budget }
why-budget-unknown = qiimaha saacaddii lama soo bandhigin — weydii kharashka toddobaadka
why-criterion = { $what }
date-format = { $d }/{ $m }/{ $y }
date-unknown = taariikh aan la garanayn
relax-within = { $count } kale gudaha { $km } km
relax-hours = { $count } kale oo toddobaadkii ka yar { $needed } saacadood u bannaan
relax-rate = { $count } kale oo qaata in ka badan £{ $limit } saacaddii ama aan sheegin qiimahooda
relax-needed-by = { $count } kale oo diyaar noqonaya { $date } kadib
relax-language-dialect = { $count } qof ayaa ku hadla { $related } — hubi { $language }
relax-language-some-dialect = { $count } kale haddii { $language } aan shardi laga dhigin; { $dialect } ka mid ah waxay ku hadlaan { $related } — hubi { $language }
relax-language-level = { $count } kale haddii { $language } heerka { $level } aan shardi laga dhigin
relax-language = { $count } kale haddii { $language } aan shardi laga dhigin
relax-accepting = { $count } kale haddii la weydiiyo bixiyeyaasha aan hadda qaadanayn macaamiil cusub (ama calaamaddoodu dhacday)
relax-schedule = { $count } kale oo dabooli kara qayb ka mid ah jadwalka
relax-check = { $count } kale haddii aan loo baahnayn { $check } ansax ah
relax-capacity = { $count } kale haddii lagu daro PA-yada hadda buuxa
relax-budget = { $count } kale oo ka badan miisaaniyadda toddobaadka ee £{ $budget } ama aan sheegin qiimahooda
relax-without = { $count } kale haddii “{ $what }” aan shardi laga dhigin

## Shortlist
shortlist-add = Ku dar { $name } liiska aan doortay
shortlist-remove = Ka saar { $name } liiska aan doortay
shortlist-added = Wuxuu ku jiraa liiskaaga
shortlist-title = Liiska aan doortay
shortlist-empty = Liiskaagu waa madhan yahay. Ku dar daryeelayaal iyo adeegyo natiijooyinka raadintaada.
shortlist-share = La wadaag liiskan
shortlist-share-hint = Qof kasta oo haysta xiriirkan (link) wuxuu arkayaa isla liiskan. Kuma jirto wax xog shakhsi ah.
shortlist-print = Daabac
shortlist-ask-title = Su'aalaha aad weydiin karto hay'adda
shortlist-ask-free = { $name } weli ma bannaan yahay waqtiyada aan u baahanahay, oo laga bilaabo goorma?
shortlist-ask-checks = Hubinnada { $name } (sida DBS) ma la cusboonaysiiyay?
shortlist-ask-food = { $name } ma karin karaa cuntada aan cuno, isagoo ilaalinaya xeerarka cuntadayda?
shortlist-ask-language = { $name } ma si fiican ugu hadli karaa luqaddayda, oo ku filan daryeelka shakhsiga ah?
shortlist-ask-contact = Sideen ula xiriiraa { $name }, yaase diyaariya kulanka ugu horreeya?
shortlist-contact = Xiriir
shortlist-gone = Qoraalkan hadda liiska kuma jiro.
shortlist-back = Ku noqo raadinta

## Sign in (agencies and commissioners)
login-title = Gal
login-intro = Ku gal furaha API ee uu ku siiyay maamulahaagu. Furaha laguma kaydiyo browser-kaaga; waxaa lagu kaydiyaa oo keliya cookie kal-fadhi (session).
login-key = Furaha API
login-submit = Gal
login-bad-key = Furahaasi sax ma aha, ama waa la joojiyay.
login-wrong-role = Furahan ma furi karo boggan.
logout = Ka bax

## Agency console
agency-title = Qaybta hay'adda
agency-signed-in = Waxaad u gashay { $agency }
agency-find-title = U raadi macmiil PA
agency-find-intro = Waxaa ku jira PA-yadaada aan si guud loo soo bandhigin. Xogta xiriirka waa la muujiyaa.
agency-carers-title = PA-yadaada ({ $count })
agency-col-name = Magaca
agency-col-postcode = Koodhka boostada
agency-col-languages = Luqadaha
agency-col-public = Si guud loo soo bandhigay
agency-col-faith-public = Diinta si guud ayaa loo muujiyay
agency-col-confirmed = Markii ugu dambeysay la xaqiijiyay
agency-col-actions = Ficillada
agency-delete = Tirtir { $name }
agency-deleted = { $name } waa la tirtiray.
agency-confirm = Xaqiiji in { $name } weli diyaar yahay
agency-col-accepting = Wuxuu qaataa macaamiil cusub
agency-accepting-lapsed = Wuu dhacay (lama xaqiijin 90 maalmood)
agency-mark-full = U calaamadee { $name } inuu buuxo
agency-mark-accepting = U calaamadee { $name } inuu qaato macaamiil cusub
agency-list = Ku dar { $name } liiska dadweynaha
agency-unlist = Ka saar { $name } liiska dadweynaha
agency-faith-show = Si guud u muuji diinta { $name } (way oggolaadeen)
agency-faith-hide = Diinta { $name } ha ahaato mid gaar ah
agency-updated = Xogta { $name } waa la cusboonaysiiyay.
agency-yes = Haa
agency-no = Maya
agency-upload-title = Soo geli diiwaan (CSV)
agency-upload-intro = Dhammaan ama waxba: haddii saf kasta uu dhibaato leeyahay, waxba lama soo gelinayo, dhibaato kastana waa la taxayaa.
agency-upload-file = Faylka CSV
agency-upload-template = Soo deji tusaalaha (template)
agency-export-register = Soo deji diiwaankaaga (CSV)
agency-export-register-note = Isla tiirarka tusaalaha, diyaar u ah in la beddelo oo dib loo soo geliyo. Wuxuu hayaa xog shakhsi ah: si ammaan ah u hay.
agency-upload-submit = Soo geli
agency-upload-ok = { $count ->
    [one] Hal PA ayaa la soo geliyay.
   *[other] { $count } PA ayaa la soo geliyay.
}
agency-upload-rejected = Waxba lama soo gelin. Sax safafkan oo mar kale soo geli:
agency-upload-col-line = Safka
agency-upload-col-column = Tiirka
agency-upload-col-reason = Dhibaatada
agency-upload-missing = Dooro fayl CSV ah oo aad soo gelinayso.
agency-upload-too-large = Faylku wuu ka weyn yahay 10 MB. U kala qaybi oo qayb kasta gooni u soo geli.
agency-page = Bogga { $page } ee { $pages }
page-previous = Kii hore
page-next = Kan xiga
contact-phone = Taleefanka
contact-email = Iimaylka

## Commissioner map
map-title = Halkee buu daryeelku ka maqan yahay?
map-intro = Degaan kasta waxaa loo midabeeyay hadba inta ka mid ah dadka u baahan ee haysta daryeele ama adeeg u dhow.
map-need = Baahida
map-distance = Gudaha
map-show = Tus khariidadda
map-download-geojson = Soo deji GeoJSON
map-download-csv = Soo deji CSV
map-table-title = Degaannada, kan ugu farqiga badan marka hore
map-col-area = Degaanka
map-col-demand = Dadka
map-col-carers = Daryeelayaasha
map-col-providers = Adeegyada
map-col-nearest = Kan ugu dhow (km)
map-col-severity = Farqiga
map-sort = Ku kala saar { $column }
map-no-authorities = Weli lama soo gelin wax golayaal deegaan ah. Marka hore samee carematch import authorities, boundaries iyo census.
severity-none_in_reach = Midna uma dhowa
severity-severe = Aad u daran
severity-moderate = Dhexdhexaad
severity-adequate = Ku filan
severity-demand_unknown = Baahida lama yaqaan
severity-no_demand = Baahi ma jirto

## Errors
not-found-title = Bogga lama helin
not-found-body = Cinwaankan bog kuma jiro.

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = Shiinaha Kantoonis (Cantonese)
cuisine-north_chinese = Shiinaha Waqooyi
cuisine-vietnamese = Fiyetnaam
cuisine-filipino = Filibiin
cuisine-punjabi = Punjaabi
cuisine-gujarati = Gujaraati
cuisine-bengali = Bangaali iyo Silheti
cuisine-pakistani = Baakistaani
cuisine-south_indian = Hindiya Koonfureed
cuisine-sri_lankan = Sirilaankaan
cuisine-somali = Soomaali
cuisine-east_african = Bariga Afrika
cuisine-west_african = Galbeedka Afrika
cuisine-caribbean = Kariibiyaan
cuisine-middle_eastern = Bariga Dhexe
cuisine-persian = Faaris iyo Afgaan
cuisine-kurdish = Kurdi
cuisine-turkish = Turki
cuisine-greek_cypriot = Giriigga Qubrus
cuisine-polish = Boolish
cuisine-eastern_european = Yurubta Bari
cuisine-jewish = Cunto guri Yuhuudi
cuisine-irish = Ayrish
cuisine-british = Ingiriis
diet-halal = Xalaal
diet-kosher = Kosher (Yuhuudi)
diet-vegetarian = Khudaar-cun (hilib la'aan)
diet-vegan = Vegan (wax xoolo ka yimid ma leh, xitaa caano)
diet-jain = Jain (khudaarta xididka ah lama cuno)
diet-no_pork = Hilib doofaar ma leh
diet-no_beef = Hilib lo'aad ma leh
faith-buddhist = Budhiist
faith-christian = Masiixi
faith-hindu = Hinduu
faith-jewish = Yuhuudi
faith-muslim = Muslim
faith-sikh = Sikh
faith-other = Diin kale
faith-none = Diin ma leh
faith_practice-prayer_times = Ixtiraama waqtiyada salaadda
faith_practice-fasting = Taageera soonka
faith_practice-same_gender_personal_care = Daryeel shakhsi ah oo uu bixiyo qof isku jinsi ah
faith_practice-modest_dress = Labis asturan
faith_practice-ritual_washing = Daahirnimo diimeed (sida weysada)
faith_practice-religious_festivals = Ciidaha iyo munaasabadaha diimeed
faith_practice-accompany_to_worship = La socda meelaha cibaadada (sida masjidka)
service-personal_care = Daryeel shakhsi ah
service-meal_preparation = Diyaarinta cuntada
service-domestic = Caawimaad shaqada guriga
service-shopping = Wax iibsi
service-companionship = Wehel
service-medication_prompting = Xusuusinta daawada
service-accompany_appointments = La socodka ballamaha (sida GP ama isbitaalka)
service-night_support = Taageero habeen
service-live_in = Daryeele guriga kula nool
service-respite = Daryeel nasasho (qoyska oo hela nasasho)
service-day_activities = Hawlo maalmeed
service-luncheon_club = Naadiga qadada
service-befriending = Saaxiibtinimo iyo booqasho
service-advocacy = U doodid (qof kuu hadla)
service-interpreting = Turjumaan
service-peer_support = Taageero asxaab
service-support_planning = Qorsheynta taageerada
service-direct_payment_support = Taageerada lacag-bixinta tooska ah
medical_diet-diabetic = Sonkorowga (sonkor yar)
medical_diet-soft = Jilicsan, si fudud loo calaliyo
medical_diet-pureed = La shiiday (burur la'aan)
medical_diet-thickened_fluids = Cabitaanno la adkeeyay
medical_diet-gluten_free = Aan gluten lahayn (celiac)
medical_diet-low_salt = Cusbo yar
medical_diet-low_fat = Dufan yar
medical_diet-dairy_free = Aan caano lahayn
medical_diet-nut_free = Aan lows lahayn (nuts)
medical_diet-renal = Cuntada kelyaha (renal)
delivery_mode-in_person = Fool ka fool
delivery_mode-phone = Taleefan
delivery_mode-online = Online (fiidiyow ama qoraal)
experience-dementia = Dementia (xusuus-lumis)
experience-mental_health = Caafimaadka maskaxda
experience-physical_disability = Naafonimo jireed
experience-visual_impairment = Aragga oo liita
experience-hearing_impairment = Maqalka oo liita
experience-learning_disability = Naafonimo waxbarasho (learning disability)
experience-autism = Otisam (autism)
experience-stroke = Istaroog (faalig)
experience-end_of_life = Daryeelka dhammaadka nolosha
check-dbs_enhanced = Hubinta DBS ee heerka sare (Enhanced)
check-right_to_work = Xaqa shaqada ee UK
check-public_liability_insurance = Caymiska mas'uuliyadda dadweynaha
check-first_aid = Gargaarka degdegga ah
check-food_hygiene = Nadaafadda cuntada
check-manual_handling = Qaadista iyo dhaqaajinta badbaadada leh
check-cqc_registered = Ka diiwaangashan CQC
provider_kind-micro_provider = Adeeg-bixiye bulsho oo yar
provider_kind-charity = Hay'ad samafal ama koox bulsho
provider_kind-home_care_agency = Hay'ad daryeel guri oo ka diiwaangashan CQC
provider_kind-day_service = Adeeg maalmeed
provider_kind-luncheon_club = Naadiga qadada
provider_kind-shared_lives = Barnaamijka Shared Lives
provider_kind-advocacy = Adeeg u doodid
gender-female = Dumar
gender-male = Rag
gender-non_binary = Labada midna ma aha (non-binary)
weekday-mon = Isniin
weekday-tue = Talaado
weekday-wed = Arbaco
weekday-thu = Khamiis
weekday-fri = Jimco
weekday-sat = Sabti
weekday-sun = Axad

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = Lama helin
