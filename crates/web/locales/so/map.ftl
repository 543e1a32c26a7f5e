# The commissioner's interactive gap map (commissioner_map.rs, static/map.js) and the demo areas
# named on the find page when a postcode is not in the demo gazetteer.
map-heading = { $need }: daryeelayaal iyo adeegyo { $km } km gudahood ah
map-need-language = Dadka ku hadla { $name }
map-need-cuisine = Dadka doonaya cunto { $name }
map-need-diet = Dadka raaca xeerarka cuntada { $name }
map-need-faith_practice = Dadka u baahan: { $name }
map-need-service = Dadka u baahan: { $name }
map-need-experience = Dadka u baahan daryeele khibrad u leh: { $name }
map-need-join = { $first } iyo { $second }
map-legend-title = Farqiga degaan kasta
map-legend-count = { $count ->
    [one] 1 degaan
   *[other] { $count } degaan
}
map-caveats-title = Tirooyinkan si taxaddar leh u akhri
map-caveat-method = Adeegga waxaa lagu tiriyaa hal bar oo degaan kasta ah. Dadku waa dadka deggan tirakoobka 2021, ma aha dadka daryeel hela.
map-caveat-syl = Tirakoobku ma laha qayb gaar ah oo Sylheti: tiradu waa qof kasta oo luqaddiisa ugu weyn tahay Bengali (oo ay ku jiraan Sylheti iyo Chatgaya).
map-caveat-hak = Tirakoobku wuxuu Hakka ku tiriyaa luqadaha kale ee Shiinaha: ma jirto tiro dadka ku hadla Hakka, sidaa darteed adeegga oo keliya ayaa la muujiyay.
map-caveat-nan = Tirakoobku wuxuu Min Nan (Hokkien) ku tiriyaa luqadaha kale ee Shiinaha: ma jirto tiro, sidaa darteed adeegga oo keliya ayaa la muujiyay.
map-caveat-zho = "Shiinees, lahjad aan la sheegin" ma aha qayb tirakoob: dooro Cantonese ama Mandarin si aad tiro u hesho.
map-caveat-kurdish = Tirakoobku wuxuu Kurdishka u tiriyaa hal luqad: tiradu waa qof kasta oo ku hadla Kurdish, Kurmanji iyo Sorani wadajir.
map-caveat-prs = Dari ma laha qayb tirakoob: tiradu waa dadka ku hadla Faarisi, taas oo ay dadka ku hadla Dari dooran karaan.
map-caveat-pnb = Punjabi-ga Galbeed ma laha qayb u gaar ah: tiradu waa qof kasta oo ku hadla Panjabi.
map-caveat-twi = Twi waxaa lagu tiriyaa Akan gudihiisa: tiradu waa qof kasta oo ku hadla Akan.
map-caveat-language-none = Tirakoobku ma laha tiro gaar ah oo luqaddan, sidaa darteed adeegga oo keliya ayaa la muujiyay.
map-caveat-halal = Xalaal: qof kasta oo diintiisa ku sheegay Muslim waxaa loo tiriyaa inuu u baahan yahay cunto xalaal ah.
map-caveat-kosher = Kosher: qof kasta oo diintiisa ku sheegay Yuhuudi waa la tiriyaa, in kasta oo aysan dhammaan raacin kosher.
map-caveat-diet-none = Tirakoobku ma laha tiro xeerkan cuntada ah, sidaa darteed adeegga oo keliya ayaa la muujiyay.
map-caveat-cuisine = Cunto karis: tiradu waa dadka ku hadla luqadda ugu weyn ee bulshada cuntadaas.
map-caveat-pakistani = Cuntada Pakistan: tiradu waa dadka ku hadla Urdu iyo Pahari-ga Pakistan (oo ay ku jiraan Mirpuri iyo Potwari).
map-caveat-cuisine-none = Tirakoobku ma laha tiro la xiriirta cuntadan, sidaa darteed adeegga oo keliya ayaa la muujiyay.
map-caveat-faith-none = Diinta keligeed ma sheegto cidda u baahan dhaqan diimeed: tirakoobku ma laha tiradan, sidaa darteed adeegga oo keliya ayaa la muujiyay.
map-caveat-service-none = Tirakoobku ma laha tirooyin adeegyo ama khibrad, sidaa darteed adeegga oo keliya ayaa la muujiyay.
map-interactive = Khariidad la isticmaali karo
map-keys = Kiiboodhka: Tab ku tag khariidadda, kadibna furayaasha fallaadhaha ayaa dhaqaajiya, + iyo − ayaa weyneeya oo yareeya; degaanka ka hooseeya calaamadda dhexe waxaa lagu sharxay khariidadda agteeda. Shaxda, "Khariidadda ku tus" ayaa ku geynaysa degaanka. Escape ayaa tirtira.
map-zoom-london = London u dhowee
map-zoom-all = Tus dhammaan degaannada
map-zoom-in = Weynee
map-zoom-out = Yaree
map-show-on-map = Khariidadda ku tus
map-details-title = Degaanka
map-details-empty = Tilmaan degaan, ama shaxda ka dooro "Khariidadda ku tus".
map-detail-demand = Dadka
map-detail-demand-in-reach = Dadka haysta daryeele ama adeeg u dhow
map-detail-share = Qaybta dadka u dhow adeeg
map-detail-carers = Daryeelayaasha u dhow
map-detail-providers = Adeegyada u dhow
map-detail-nearest = Daryeelaha ama adeegga ugu dhow
map-detail-nearest-none = midna 150 km gudahood ma jiro
map-detail-band = Farqiga
map-detail-sectors = Qaybaha koodhka boostada
map-detail-unknown = lama yaqaan
map-col-share = U dhow
map-census-figure = Tirada tirakoobka la isticmaalay: { $category } ({ $table })
map-failed = Khariidadda lama soo gelin karin; khariidadda hoose waxay muujinaysaa isla tirooyinka.
find-demo-areas = Kani waa tusaale ay daryeelayaal ku jiraan degaanno yar oo keliya. Isku day koodh boosto oo ka mid ah:
