# The agency console: a re-uploaded register previewed before it is saved (agency_upload.rs), and
# finding one's own PAs (agency_filter.rs).
agency-upload-applied = { $updated } ਅੱਪਡੇਟ ਕੀਤੇ, { $added } ਜੋੜੇ; { $unchanged } ਬਿਨਾਂ ਬਦਲਾਅ।
agency-upload-preview-title = ਸੰਭਾਲਣ ਤੋਂ ਪਹਿਲਾਂ ਜਾਂਚੋ
agency-upload-preview = ਇਹ ਫ਼ਾਈਲ ਤੁਹਾਡੇ { $updated } ਪੀਏ ਅੱਪਡੇਟ ਕਰਦੀ ਹੈ ਅਤੇ { $added } ਨਵੇਂ ਜੋੜਦੀ ਹੈ; { $unchanged } ਬਿਨਾਂ ਬਦਲਾਅ ਹਨ। ਤੁਹਾਡੀ ਪੁਸ਼ਟੀ ਤੋਂ ਬਿਨਾਂ ਕੁਝ ਨਹੀਂ ਸੰਭਾਲਿਆ ਜਾਂਦਾ।
agency-upload-will-update = { $count ->
    [one] ਇਹ ਪੀਏ ਅੱਪਡੇਟ ਹੋਵੇਗਾ:
   *[other] ਇਹ { $count } ਪੀਏ ਅੱਪਡੇਟ ਹੋਣਗੇ:
}
agency-upload-will-add = { $count ->
    [one] ਇਹ ਪੀਏ ਜੋੜਿਆ ਜਾਵੇਗਾ:
   *[other] ਇਹ { $count } ਪੀਏ ਜੋੜੇ ਜਾਣਗੇ:
}
agency-upload-preview-note = ਕਤਾਰਾਂ ਤੁਹਾਡੇ ਪੀਏ ਨਾਲ ਉਨ੍ਹਾਂ ਦੇ ਹਵਾਲੇ (external_ref) ਰਾਹੀਂ ਮਿਲਾਈਆਂ ਜਾਂਦੀਆਂ ਹਨ; ਅੱਪਡੇਟ ਹੋਏ ਪੀਏ ਨੂੰ ਫ਼ਾਈਲ ਦੇ ਪੂਰੇ ਵੇਰਵੇ ਮਿਲਦੇ ਹਨ।
agency-upload-confirm = ਇਹ ਬਦਲਾਅ ਸੰਭਾਲੋ
agency-upload-cancel = ਰੱਦ ਕਰੋ
agency-filter-title = ਆਪਣੇ ਪੀਏ ਲੱਭੋ
agency-filter-text = ਨਾਮ ਜਾਂ ਹਵਾਲਾ
agency-filter-language = ਬੋਲਦੇ ਹਨ
agency-filter-any = ਕੋਈ ਵੀ ਬੋਲੀ
agency-filter-stale = ਸਿਰਫ਼ ਉਹ ਜੋ ਹਾਲ ਹੀ ਵਿੱਚ ਪੁਸ਼ਟੀ ਨਾ ਹੋਣ ਕਰਕੇ ਲੁਕਾਏ ਗਏ ਹਨ
agency-filter-submit = ਛਾਂਟੋ
agency-filter-clear = ਸਾਰੇ ਦਿਖਾਓ
