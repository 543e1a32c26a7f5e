# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] ਅੱਜ ਪੁਸ਼ਟੀ ਕੀਤੀ ਗਈ
    [one] { $days } ਦਿਨ ਪਹਿਲਾਂ ਪੁਸ਼ਟੀ ਕੀਤੀ ਗਈ
   *[other] { $days } ਦਿਨ ਪਹਿਲਾਂ ਪੁਸ਼ਟੀ ਕੀਤੀ ਗਈ
}
fresh-stale = ਲੋਕਾਂ ਤੋਂ ਲੁਕਾਇਆ ਗਿਆ: 180 ਦਿਨਾਂ ਤੋਂ ਪੁਸ਼ਟੀ ਨਹੀਂ ਹੋਈ। ਦੁਬਾਰਾ ਸੂਚੀ ਵਿੱਚ ਪਾਉਣ ਲਈ ਪੁਸ਼ਟੀ ਕਰੋ।
fresh-reminded = ਯਾਦ-ਪੱਤਰ { $date } ਨੂੰ ਭੇਜਿਆ ਗਿਆ
fresh-deleted-title = ਮਿਟਾਏ ਗਏ PA
fresh-deleted-none = ਕੋਈ ਮਿਟਾਇਆ ਗਿਆ PA ਨਹੀਂ।
fresh-deleted-intro = ਮਿਟਾਏ ਗਏ PA ਰੱਖੇ ਜਾਂਦੇ ਹਨ ਅਤੇ ਵਾਪਸ ਲਿਆਂਦੇ ਜਾ ਸਕਦੇ ਹਨ। ਵਾਪਸ ਲਿਆਉਣ ਨਾਲ ਉਹ ਖੋਜ ਅਤੇ ਮੇਲ ਵਿੱਚ ਮੁੜ ਆ ਜਾਂਦੇ ਹਨ।
fresh-restore = { $name } ਨੂੰ ਵਾਪਸ ਲਿਆਓ
fresh-restored = ਵਾਪਸ ਲਿਆਂਦਾ ਗਿਆ: { $name }।
fresh-history-link = { $name } ਦਾ ਇਤਿਹਾਸ
fresh-history-title = { $name } ਵਿੱਚ ਤਬਦੀਲੀਆਂ
fresh-history-intro = ਇਸ ਰਿਕਾਰਡ ਨੂੰ ਕਿਸ ਨੇ ਬਦਲਿਆ ਅਤੇ ਕਿਹੜੇ ਖੇਤਰ, ਸਭ ਤੋਂ ਨਵੇਂ ਪਹਿਲਾਂ। ਇੱਥੇ ਕਦੇ ਵੀ ਮੁੱਲ ਨਹੀਂ ਰੱਖੇ ਜਾਂਦੇ।
fresh-history-none = ਅਜੇ ਕੋਈ ਤਬਦੀਲੀ ਦਰਜ ਨਹੀਂ।
fresh-history-more = ਕੁੱਲ { $count } ਤਬਦੀਲੀਆਂ; ਸਭ ਤੋਂ ਨਵੀਆਂ ਦਿਖਾਈਆਂ ਗਈਆਂ ਹਨ।
fresh-back = ਕੰਸੋਲ 'ਤੇ ਵਾਪਸ
fresh-col-when = ਕਦੋਂ
fresh-col-what = ਤਬਦੀਲੀ
fresh-col-who = ਕਿਸ ਨੇ
fresh-col-fields = ਖੇਤਰ
fresh-op-create = ਬਣਾਇਆ ਗਿਆ
fresh-op-update = ਸੋਧਿਆ ਗਿਆ
fresh-op-delete = ਮਿਟਾਇਆ ਗਿਆ
fresh-op-restore = ਵਾਪਸ ਲਿਆਂਦਾ ਗਿਆ
fresh-op-confirm = ਅਜੇ ਵੀ ਸਹੀ ਹੋਣ ਦੀ ਪੁਸ਼ਟੀ
fresh-op-vet = ਜਾਂਚ ਦਾ ਫ਼ੈਸਲਾ
fresh-op-stale = ਪੁਸ਼ਟੀ ਨਾ ਹੋਣ ਕਰਕੇ ਲੁਕਾਇਆ ਗਿਆ
