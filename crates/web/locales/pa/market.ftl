# ਪੀਏ ਮਾਰਕੀਟ ਰਿਪੋਰਟ: /commissioner/market (docs/market.md)

market-link = ਪੀਏ ਮਾਰਕੀਟ ਰਿਪੋਰਟ: ਇਲਾਕੇ, ਭਾਸ਼ਾ, ਸੇਵਾ ਅਤੇ ਏਜੰਸੀ ਅਨੁਸਾਰ ਪੀਏ ਅਤੇ ਸੇਵਾ ਦੇਣ ਵਾਲੇ
market-title = ਪੀਏ ਮਾਰਕੀਟ ਰਿਪੋਰਟ
market-intro = ਸਰਗਰਮ ਨਿੱਜੀ ਸਹਾਇਕ (ਪੀਏ) ਅਤੇ ਦੇਖਭਾਲ ਸੇਵਾ ਦੇਣ ਵਾਲੇ, ਉਸ ਸਥਾਨਕ ਕੌਂਸਲ ਵਿੱਚ ਗਿਣੇ ਗਏ ਜਿੱਥੇ ਉਹ ਰਹਿੰਦੇ ਹਨ। ਸਿਰਫ਼ ਗਿਣਤੀ: ਕਿਸੇ ਪੀਏ ਦਾ ਨਾਮ ਜਾਂ ਥਾਂ ਨਹੀਂ ਦੱਸੀ ਜਾਂਦੀ।
market-filter-view = ਸਾਰਣੀ
market-filter-authority = ਸਥਾਨਕ ਕੌਂਸਲ
market-filter-language = ਭਾਸ਼ਾ
market-all = ਸਾਰੇ
market-show = ਦਿਖਾਓ
market-view-language = ਕੌਂਸਲ ਅਤੇ ਭਾਸ਼ਾ ਅਨੁਸਾਰ
market-view-service = ਕੌਂਸਲ ਅਤੇ ਸੇਵਾ ਅਨੁਸਾਰ
market-view-agency = ਕੌਂਸਲ ਅਤੇ ਸਹਾਇਤਾ ਏਜੰਸੀ ਅਨੁਸਾਰ
market-view-ethnicity = ਨਸਲੀ ਸਮੂਹ ਅਨੁਸਾਰ ਪੀਏ, ਮਰਦਮਸ਼ੁਮਾਰੀ ਦੇ ਮੁਕਾਬਲੇ
market-download-csv = CSV ਡਾਊਨਲੋਡ ਕਰੋ
market-download-geojson = GeoJSON ਡਾਊਨਲੋਡ ਕਰੋ (ਨਕਸ਼ਾ)
market-suppression-title = ਕੁਝ ਅੰਕ "<5" ਕਿਉਂ ਦਿਖਦੇ ਹਨ
market-suppression = ਜਦੋਂ ਪੀਏ ਦੀ ਗਿਣਤੀ 1 ਤੋਂ 4 ਹੋਵੇ, ਅਸੀਂ "<5" ਦਿਖਾਉਂਦੇ ਹਾਂ ਤਾਂ ਜੋ ਕਿਸੇ ਦੀ ਪਛਾਣ ਨਾ ਹੋ ਸਕੇ। ਜਦੋਂ ਲੁਕਿਆ ਅੰਕ ਕੁੱਲ ਤੋਂ ਕੱਢਿਆ ਜਾ ਸਕੇ, ਉਸਦੇ ਨਾਲ ਵਾਲਾ ਸਭ ਤੋਂ ਛੋਟਾ ਅੰਕ ਵੀ ਲੁਕਾਇਆ ਜਾਂਦਾ ਹੈ। ਸੇਵਾ ਦੇਣ ਵਾਲਿਆਂ ਦੀ ਗਿਣਤੀ ਪੂਰੀ ਦਿਖਾਈ ਜਾਂਦੀ ਹੈ: ਉਹ ਸੰਸਥਾਵਾਂ ਹਨ ਅਤੇ ਹੇਠਾਂ ਉਹਨਾਂ ਦੇ ਨਾਮ ਹਨ।
market-snapshot-since = ਤਬਦੀਲੀਆਂ { $date } ਦੇ ਸਨੈਪਸ਼ਾਟ ਤੋਂ ਬਾਅਦ ਦੀਆਂ ਹਨ।
market-snapshot-none = ਅਜੇ ਕੋਈ ਪਿਛਲਾ ਸਨੈਪਸ਼ਾਟ ਨਹੀਂ, ਇਸ ਲਈ ਦਿਖਾਉਣ ਲਈ ਕੋਈ ਤਬਦੀਲੀ ਨਹੀਂ।
market-total = ਕੁੱਲ: { $pas } ਪੀਏ ਅਤੇ { $providers } ਸੇਵਾ ਦੇਣ ਵਾਲੇ।
market-col-authority = ਸਥਾਨਕ ਕੌਂਸਲ
market-col-language = ਭਾਸ਼ਾ
market-col-service = ਸੇਵਾ
market-col-agency = ਸਹਾਇਤਾ ਏਜੰਸੀ
market-col-ethnicity = ਨਸਲੀ ਸਮੂਹ
market-col-pas = ਪੀਏ
market-col-providers = ਸੇਵਾ ਦੇਣ ਵਾਲੇ
market-col-census = ਵਸਨੀਕਾਂ ਵਿੱਚ ਹਿੱਸਾ (ਮਰਦਮਸ਼ੁਮਾਰੀ 2021)
market-col-trend = ਤਬਦੀਲੀ
market-trend-up = { $n ->
    [one] ਪਿਛਲੇ ਸਨੈਪਸ਼ਾਟ ਤੋਂ ਇੱਕ ਵੱਧ
   *[other] ਪਿਛਲੇ ਸਨੈਪਸ਼ਾਟ ਤੋਂ { $n } ਵੱਧ
}
market-trend-down = { $n ->
    [one] ਪਿਛਲੇ ਸਨੈਪਸ਼ਾਟ ਤੋਂ ਇੱਕ ਘੱਟ
   *[other] ਪਿਛਲੇ ਸਨੈਪਸ਼ਾਟ ਤੋਂ { $n } ਘੱਟ
}
market-trend-same = ਪਿਛਲੇ ਸਨੈਪਸ਼ਾਟ ਤੋਂ ਕੋਈ ਤਬਦੀਲੀ ਨਹੀਂ
market-trend-unknown = ਤੁਲਨਾ ਨਹੀਂ ਹੋ ਸਕਦੀ: ਇੱਕ ਅੰਕ ਲੁਕਿਆ ਹੈ
market-not-recorded = ਦਰਜ ਨਹੀਂ
market-no-agency = ਕੋਈ ਏਜੰਸੀ ਨਹੀਂ
market-organisations-title = ਹਰ ਭਾਸ਼ਾ ਬੋਲਣ ਵਾਲੇ ਸੇਵਾ ਦੇਣ ਵਾਲੇ, ਇਲਾਕੇ ਅਨੁਸਾਰ
