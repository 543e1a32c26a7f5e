# Bogagga caawimaadda (/help). Golaha deegaanku wuxuu ku beddeli karaa fariin kasta
# `<help_dir>/so/help.ftl`, wuxuuna ku dari karaa `help-council` (qoraalkiisa, bog kasta); eeg docs/web.md.
# Liisaska: khad kasta hal shay.

help-title = Caawimaad ku saabsan daryeelka iyo lacagta tooska ah (direct payment)
help-intro = Jawaabo fudud oo ku saabsan su'aalaha inta badan la is weydiiyo marka daryeel lagu abaabulayo lacag toos ah oo England ah. Xeerarka golahaaga deegaanka ayaa ka horreeya: haddii aad shaki qabto, weydii golaha ama adeegooda taageerada lacagta tooska ah.
help-sources = Ilaha (Ingiriisi)
help-disclaimer = Tani waa macluumaad guud, ma aha talo sharci ama maaliyadeed. Golahaaga deegaanka ayaa go'aamiya waxa lacagtaada tooska ah lagu isticmaali karo.
help-back = Dhammaan mowduucyada caawimaadda

help-source-apply = GOV.UK: Codso lacag toos ah (Apply for direct payments)
help-source-guidance = Waaxda Caafimaadka iyo Daryeelka Bulshada: Hagaha sharciga ee daryeelka iyo taageerada, cutubka 12 (Lacagaha tooska ah)
help-source-regulations = Xeerarka Daryeelka iyo Taageerada (Lacagaha Tooska ah) 2014, xeerka 3
help-source-skills-for-care = Skills for Care: Qalabka shaqaalaysiinta PA, shaqaalaysiinta PA

help-dp-title = Waxa lacagta tooska ah lagu bixin karo
help-dp-summary = Daryeel iyo taageero buuxisa baahiyaha qorshahaaga taageerada, iyo waxa aan lagu bixin karin.
help-dp-intro = Lacagta tooska ahi waa lacag golaha deegaanku ku siiyo, halkii uu golaha daryeel kuu abaabuli lahaa, si aad adigu u doorato una abaabusho daryeelkaaga iyo taageeradaada. Waad heli kartaa haddii golaha qiimayntiisu ay muujiso inaad leedahay baahiyo u qalma, adiga (ama qof adiga kuu shaqeeya) aad maamuli karto.
help-dp-can-heading = Waxaa lagu bixin karaa
help-dp-can =
    Kaaliye shakhsi ah (PA) oo adigu shaqaalaysiiso
    Hay'ad daryeel guri oo aad dooratay
    Hawlaha maalinta, naadiyada iyo kooxaha buuxiya baahiyaha qorshahaaga, sida naadiga qadada bulshada
    Nasasho gaaban, oo ay ku jirto joogitaan gaaban oo guri daryeel ah (inta badan ilaa afar toddobaad oo isku xigta sannadkii)
    Qalab ama isbeddel yar oo guriga ah oo qorshahaagu xusay
    Caawimaad maaraynta lacagta: mushaarka, caymiska iyo adeeg taageero
help-dp-cannot-heading = Lagama bixin karo
help-dp-cannot =
    Ku noolaanshaha guri daryeel muddo dheer
    Adeegyada uu golaha deegaanku isagu maamulo
    Wax kasta oo aan buuxin baahi ku jirta qorshahaaga taageerada
    Lacag siinta ninkaaga, xaaskaaga ama lammaanahaaga, ama qaraabo dhow oo kula nool, haddii aanu golahu go'aamin inay lagama maarmaan tahay (eeg "Goorma ayaa xubin qoyska ah lacag loo siin karaa sidii PA")
help-dp-plan-heading = Qorshahaaga taageerada ayaa go'aamiya
help-dp-plan = Waxa aad iibsato waa inay buuxiyaan baahiyaha iyo yoolalka ku qoran qorshahaaga taageerada. Hay rasiidhada, diiwaannada saacadaha shaqada iyo warbixinnada bangiga: golaha ayaa inta badan dhowr biloodba mar hubiya sida lacagta loo isticmaalay. Haddii baahiyahaagu isbeddelaan, codso dib-u-eegis.

help-employ-title = Adigu shaqaalaysii PA ama hay'ad u mari
help-employ-summary = Noqoshada loo-shaqeeye, isticmaalka hay'ad, iyo caawimaadda u dhexeysa.
help-employ-intro = Lacagta tooska ah waxaad ku shaqaalaysiin kartaa kaaliye shakhsi ah adigu, ama waxaad ku bixin kartaa hay'ad shaqaalaysiisa shaqaalaha daryeelka. Dad badan ayaa doorta PA sababtoo ah waxay dooran karaan qof ku hadla luqaddooda, karsada cuntadooda, fahmana diintooda.
help-employ-self-heading = Adigu shaqaalaysiinta PA
help-employ-self = Markaad shaqaalaysiiso PA, adigu waxaad tahay loo-shaqeeyahooda, waxaadna leedahay waajibaadka loo-shaqeeyaha:
help-employ-duties =
    Heshiis qoran iyo sharaxaadda shaqada
    Ugu yaraan Mushaarka Ugu Yar ee Qaranka, mushaarka fasaxa iyo mushaarka jirrada
    Mushaarka: canshuurta iyo National Insurance iyada oo loo marayo PAYE, iyo hawlgab shaqo marka xeerarku dalbadaan
    Caymiska mas'uuliyadda loo-shaqeeyaha
    Hubinta xaqa shaqada ee UK, tixraacyada iyo, daryeelka shakhsiga ah, hubinta DBS ee la xoojiyay
    Beddel marka PA-gaagu jiran yahay ama fasax ku jiro
help-employ-agency-heading = Isticmaalka hay'ad
help-employ-agency = Hay'addu waxay shaqaalaysiisaa, tababartaa oo beddeshaa shaqaalaha daryeelka, waana inay ka diiwaangashan tahay Guddiga Tayada Daryeelka (CQC) marka ay bixiso daryeel shakhsi ah. Saacaddii way ka qaalisan tahay, oo in yar ayaad ka go'aamin kartaa cidda imanaysa; weydii in hay'addu soo diri karto isla dadka ku hadla luqaddaada.
help-employ-support-heading = Caawimaadda u dhexeysa
help-employ-support = Golayaasha badankood waxay maalgeliyaan adeeg taageero lacagta tooska ah. Wuxuu kaa caawin karaa shaqaalaysiinta, qorista heshiiska, socodsiinta mushaarka iyo helitaanka caymis; qaarkood lacagtaada ayay kuu hayaan xisaab la maamulo. Weydii golahaaga cidda ka shaqaysiisa meesha aad ku nooshahay.

help-family-title = Goorma ayaa xubin qoyska ah lacag loo siin karaa sidii PA
help-family-summary = Qaraabo meel kale ku nool inta badan waa la siin karaa; mid kula nool kaliya haddii golahu ogolaado.
help-family-intro = Sharciga England wuxuu xaddidaa siinta qaraabada lacag ka timid lacagta tooska ah, laakiin ma mamnuucayo. Waxa muhiimka ahi waa xiriirkooda adiga iyo inay kula nool yihiin iyo in kale. Xaalad kasta golaha ayaa go'aamiya.
help-family-elsewhere-heading = Qaraabo meel kale ku nool
help-family-elsewhere = Qaraabo ku nool qoys kale, sida gabadh, wiil walaal ama ina-adeer leh gurigooda, inta badan waxaa loo shaqaalaysiin karaa PA-gaaga sida qof kasta oo kale, isla heshiiska, mushaarka iyo hubinta.
help-family-household-heading = Qaraabo kula nool
help-family-household = Qaraabo dhow oo isla guriga kula nool (waalid, wiil ama gabadh, walaal, adeer, habaryar, awoowe ama ayeeyo, ama xaasaskooda iyo lammaanahooda) lacag waa la siin karaa kaliya haddii golaha deegaanku go'aamiyo inay lagama maarmaan tahay, si loo buuxiyo baahiyahaaga ama loo caawiyo maaraynta lacagta. Tani way dhacdaa, laakiin waa ka reeban.
help-family-partner-heading = Ninkaaga, xaaskaaga ama lammaanahaaga
help-family-partner = Isla ka reebistaas ayaa loo baahan yahay ninkaaga, xaaskaaga, lammaanahaaga madaniga ah ama qofka aad u wada nooshihiin sida lammaane, meel kasta oo ay ku noolyihiin.
help-family-ask-heading = Weydiinta golaha
help-family-ask = Ku weydii qoraal oo sheeg sababta qaraabadu u tahay qofka saxda ah. Golayaashu waxay tixgeliyaan sababaha sida:
help-family-reasons =
    Qof kale oo u dhow kuma hadlo luqaddaada mana fahmo dhaqankaaga ama diintaada
    Daryeelku waa mid gaar ah, oo waxaad door bidaysaa qaraabo
    Qof kale ma jiro waqtiyada aad u baahan tahay
    Waxaad u baahan tahay daryeelka dhammaadka nolosha, ama daryeel degdeg ah muddo gaaban

help-questions-title = Su'aalo aad weydiiso PA ama bixiye daryeel
help-questions-summary = Waxa la weydiiyo intaadan ogolaan, si daryeelku kuugu habboonaado.
help-questions-intro = La kulan intaadan ogolaan, haddii aad rabto qof aad aaminsan tahay la jooga. Su'aalahani waxay kaa caawinayaan inaad ogaato in qofka ama hay'addu ay ku habboon yihiin baahiyahaaga.
help-questions-fit-heading = Ma kuu habboon yahay?
help-questions-fit =
    Luqadee ayaad ku hadashaa, oo intee in le'eg ayaad si fiican ugu hadashaa?
    Ma karin kartaa cuntada aan cuno, oo ma ilaalin kartaa cunto xalaal, kosher ama khudaar ah sida aan u baahanahay?
    Ma fahantaa diintayda: waqtiyada salaadda, soonka, asturnaanta, daryeele isla jinsigayga ah?
    Hore ma u taageertay qof baahiyo la mid ah kuwayga leh?
help-questions-work-heading = Sidee bay u shaqaynaysaa?
help-questions-work =
    Maalmahee iyo saacadahee ayaad shaqayn kartaa, oo intee in le'eg ayaad u safri kartaa?
    Waa imisa qiimahaaga saacaddii, maxaase ku jira?
    Yaa kuu buuxinaya markaad jirato ama fasax qaadato?
    Sidee isugu sheegaynaa isbeddellada, oo intee in le'eg ayaad ogeysiis hore ugu baahan tahay?
help-questions-checks-heading = Hubinta
help-questions-checks =
    Ma arki karaa shahaadadaada DBS, goorma ayaase la bixiyay?
    Ma i siin kartaa laba tixraac, mid ka mid ah shaqo daryeel oo dhowaan ah?
    Tababarkee ayaad haysataa, sida Care Certificate, qaadista iyo dhaqaajinta, gargaarka degdegga ah?
    Ma ka diiwaangashan tahay CQC (hay'adaha bixiya daryeelka shakhsiga waa inay ahaadaan)?
