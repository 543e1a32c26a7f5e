# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] આજે પુષ્ટિ કરી
    [one] { $days } દિવસ પહેલાં પુષ્ટિ કરી
   *[other] { $days } દિવસ પહેલાં પુષ્ટિ કરી
}
fresh-stale = જાહેર જનતાથી છુપાવેલ: 180 દિવસથી પુષ્ટિ નથી થઈ. ફરી યાદીમાં મૂકવા પુષ્ટિ કરો.
fresh-reminded = { $date } ના રોજ રિમાઇન્ડર મોકલ્યું
fresh-deleted-title = કાઢી નાખેલા PA
fresh-deleted-none = કોઈ કાઢી નાખેલા PA નથી.
fresh-deleted-intro = કાઢી નાખેલા PA રાખવામાં આવે છે અને પાછા લાવી શકાય છે. પાછા લાવવાથી તેઓ શોધ અને મેચિંગમાં ફરી દેખાય છે.
fresh-restore = { $name } ને પાછા લાવો
fresh-restored = પાછા લાવ્યા: { $name }.
fresh-history-link = { $name } નો ઇતિહાસ
fresh-history-title = { $name } માં ફેરફારો
fresh-history-intro = આ રેકોર્ડ કોણે બદલ્યો અને કયાં ક્ષેત્રો, સૌથી નવા પહેલાં. અહીં ક્યારેય કિંમતો રાખવામાં આવતી નથી.
fresh-history-none = હજુ કોઈ ફેરફાર નોંધાયો નથી.
fresh-history-more = કુલ { $count } ફેરફારો; સૌથી નવા બતાવ્યા છે.
fresh-back = કન્સોલ પર પાછા
fresh-col-when = ક્યારે
fresh-col-what = ફેરફાર
fresh-col-who = કોણે
fresh-col-fields = ક્ષેત્રો
fresh-op-create = બનાવ્યું
fresh-op-update = ફેરફાર કર્યો
fresh-op-delete = કાઢી નાખ્યું
fresh-op-restore = પાછું લાવ્યા
fresh-op-confirm = હજુ પણ સાચું હોવાની પુષ્ટિ
fresh-op-vet = ચકાસણીનો નિર્ણય
fresh-op-stale = પુષ્ટિ ન થવાથી છુપાવ્યું
