# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] Maanta ayaa la xaqiijiyay
    [one] La xaqiijiyay { $days } maalin ka hor
   *[other] La xaqiijiyay { $days } maalmood ka hor
}
fresh-stale = Dadweynaha waa laga qariyay: 180 maalmood lama xaqiijin. Xaqiiji si uu mar kale liiska ugu soo galo.
fresh-reminded = Xusuusin ayaa la diray { $date }
fresh-deleted-title = PA-yada la tirtiray
fresh-deleted-none = Ma jiraan PA la tirtiray.
fresh-deleted-intro = PA-yada la tirtiray waa la hayaa, dib ayaana loo soo celin karaa. Dib u soo celintu waxay dib ugu celisaa raadinta iyo isku-aadinta.
fresh-restore = Dib u soo celi { $name }
fresh-restored = Dib ayaa loo soo celiyay: { $name }.
fresh-history-link = Taariikhda { $name }
fresh-history-title = Isbeddellada { $name }
fresh-history-intro = Cidda beddeshay diiwaankan iyo meelaha la beddelay, kuwa ugu dambeeyay marka hore. Qiimayaasha halkan marnaba lama kaydiyo.
fresh-history-none = Weli isbeddel lama diiwaangelin.
fresh-history-more = { $count ->
    [one] { $count } isbeddel guud ahaan; kuwa ugu dambeeyay ayaa la muujiyay.
   *[other] { $count } isbeddel guud ahaan; kuwa ugu dambeeyay ayaa la muujiyay.
}
fresh-back = Ku noqo konsoolka
fresh-col-when = Goorma
fresh-col-what = Isbeddel
fresh-col-who = Cidda
fresh-col-fields = Meelaha
fresh-op-create = La abuuray
fresh-op-update = La wax ka beddelay
fresh-op-delete = La tirtiray
fresh-op-restore = Dib loo soo celiyay
fresh-op-confirm = La xaqiijiyay in uu weli sax yahay
fresh-op-vet = Go'aanka hubinta
fresh-op-stale = Waa la qariyay maadaama aan la xaqiijin
