# પીએ બજાર અહેવાલ: /commissioner/market (docs/market.md)

market-link = પીએ બજાર અહેવાલ: વિસ્તાર, ભાષા, સેવા અને એજન્સી પ્રમાણે પીએ અને સેવા આપનારા
market-title = પીએ બજાર અહેવાલ
market-intro = સક્રિય વ્યક્તિગત સહાયકો (પીએ) અને સંભાળ સેવા આપનારા, જે સ્થાનિક કાઉન્સિલમાં તેમનું સરનામું છે ત્યાં ગણ્યા છે. માત્ર સંખ્યા: કોઈ પીએનું નામ કે સ્થાન બતાવાતું નથી.
market-filter-view = કોષ્ટક
market-filter-authority = સ્થાનિક કાઉન્સિલ
market-filter-language = ભાષા
market-all = બધા
market-show = બતાવો
market-view-language = કાઉન્સિલ અને ભાષા પ્રમાણે
market-view-service = કાઉન્સિલ અને સેવા પ્રમાણે
market-view-agency = કાઉન્સિલ અને સહાય એજન્સી પ્રમાણે
market-view-ethnicity = વંશીય જૂથ પ્રમાણે પીએ, વસ્તી ગણતરીની સરખામણીમાં
market-download-csv = CSV ડાઉનલોડ કરો
market-download-geojson = GeoJSON ડાઉનલોડ કરો (નકશો)
market-suppression-title = કેટલીક સંખ્યાઓ "<5" તરીકે કેમ દેખાય છે
market-suppression = જ્યારે પીએની સંખ્યા 1 થી 4 હોય ત્યારે અમે "<5" બતાવીએ છીએ, જેથી કોઈને ઓળખી ન શકાય. જ્યારે છુપાયેલી સંખ્યા કુલમાંથી ગણી શકાય, ત્યારે તેની બાજુની સૌથી નાની સંખ્યા પણ છુપાવીએ છીએ. સેવા આપનારાની સંખ્યા પૂરી બતાવાય છે: તેઓ સંસ્થાઓ છે અને નીચે તેમનાં નામ છે.
market-snapshot-since = ફેરફારો { $date } ના સ્નેપશોટ પછીના છે.
market-snapshot-none = હજી કોઈ અગાઉનો સ્નેપશોટ નથી, તેથી બતાવવા માટે કોઈ ફેરફાર નથી.
market-total = કુલ: { $pas } પીએ અને { $providers } સેવા આપનારા.
market-col-authority = સ્થાનિક કાઉન્સિલ
market-col-language = ભાષા
market-col-service = સેવા
market-col-agency = સહાય એજન્સી
market-col-ethnicity = વંશીય જૂથ
market-col-pas = પીએ
market-col-providers = સેવા આપનારા
market-col-census = રહેવાસીઓમાં હિસ્સો (વસ્તી ગણતરી 2021)
market-col-trend = ફેરફાર
market-trend-up = { $n ->
    [one] છેલ્લા સ્નેપશોટથી એક વધ્યું
   *[other] છેલ્લા સ્નેપશોટથી { $n } વધ્યા
}
market-trend-down = { $n ->
    [one] છેલ્લા સ્નેપશોટથી એક ઘટ્યું
   *[other] છેલ્લા સ્નેપશોટથી { $n } ઘટ્યા
}
market-trend-same = છેલ્લા સ્નેપશોટથી કોઈ ફેરફાર નથી
market-trend-unknown = સરખામણી શક્ય નથી: એક સંખ્યા છુપાયેલી છે
market-not-recorded = નોંધાયેલ નથી
market-no-agency = કોઈ એજન્સી નહીં
market-organisations-title = દરેક ભાષા બોલતા સેવા આપનારા, વિસ્તાર પ્રમાણે
