# Warbixinta suuqa PA: /commissioner/market (docs/market.md)

market-link = Warbixinta suuqa PA: PA-yada iyo bixiyeyaasha sida degaanka, luqadda, adeegga iyo wakaaladda
market-title = Warbixinta suuqa PA
market-intro = Kaaliyeyaasha shakhsiga ah (PA) iyo bixiyeyaasha daryeelka ee shaqeeya, lagu tiriyay golaha degaanka ee ay ku saldhigan yihiin. Tirooyin kaliya: PA lama magacaabo lamana muujiyo meesha uu joogo.
market-filter-view = Shaxda
market-filter-authority = Golaha degaanka
market-filter-language = Luqadda
market-all = Dhammaan
market-show = Muuji
market-view-language = Sida golaha iyo luqadda
market-view-service = Sida golaha iyo adeegga
market-view-agency = Sida golaha iyo wakaaladda taageerada
market-view-ethnicity = PA-yada sida kooxda qowmiyadda, marka la barbardhigo tirakoobka
market-download-csv = Soo deji CSV
market-download-geojson = Soo deji GeoJSON (khariidad)
market-suppression-title = Sababta tirooyinka qaar loogu muujiyo "<5"
market-suppression = Marka tirada PA-yadu u dhexeyso 1 ilaa 4, waxaan muujinnaa "<5" si aan qofna loo aqoonsan. Marka tiro qarsoon laga soo saari karo wadarta, tirada ugu yar ee ku xigta sidoo kale waa la qariyaa. Tirooyinka bixiyeyaasha si buuxda ayaa loo muujiyaa: waa hay'ado, magacyadoodana hoos ayay ku qoran yihiin.
market-snapshot-since = Isbeddelladu waa tan iyo sawir-qaadka { $date }.
market-snapshot-none = Weli ma jiro sawir-qaad hore, sidaas darteed ma jiraan isbeddello la muujiyo.
market-total = Wadar ahaan: { $pas } PA iyo { $providers } bixiye.
market-col-authority = Golaha degaanka
market-col-language = Luqadda
market-col-service = Adeegga
market-col-agency = Wakaaladda taageerada
market-col-ethnicity = Kooxda qowmiyadda
market-col-pas = PA-yada
market-col-providers = Bixiyeyaasha
market-col-census = Saamiga dadka deegaanka (tirakoobka 2021)
market-col-trend = Isbeddel
market-trend-up = { $n ->
    [one] hal ayuu kordhay tan iyo sawir-qaadkii ugu dambeeyay
   *[other] { $n } ayuu kordhay tan iyo sawir-qaadkii ugu dambeeyay
}
market-trend-down = { $n ->
    [one] hal ayuu hoos u dhacay tan iyo sawir-qaadkii ugu dambeeyay
   *[other] { $n } ayuu hoos u dhacay tan iyo sawir-qaadkii ugu dambeeyay
}
market-trend-same = isbeddel ma jiro tan iyo sawir-qaadkii ugu dambeeyay
market-trend-unknown = lama barbardhigi karo: tiro ayaa qarsoon
market-not-recorded = Lama diiwaangelin
market-no-agency = Wakaalad ma leh
market-organisations-title = Bixiyeyaasha ku hadla luqad kasta, sida degaanka
