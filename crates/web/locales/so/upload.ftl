# The agency console's register upload: a re-upload previewed before it is saved (agency_upload.rs).
agency-upload-applied = La cusboonaysiiyay { $updated }, lagu daray { $added }; { $unchanged } isma beddelin.
agency-upload-preview-title = Hubi intaadan kaydin
agency-upload-preview = Faylkani wuxuu cusboonaysiinayaa { $updated } ka mid ah PA-gaaga wuxuuna ku darayaa { $added } cusub; { $unchanged } isma beddelin. Waxba lama kaydinayo ilaa aad xaqiijiso.
agency-upload-will-update = { $count ->
    [one] PA-gan waa la cusboonaysiin doonaa:
   *[other] { $count }-kan PA waa la cusboonaysiin doonaa:
}
agency-upload-will-add = { $count ->
    [one] PA-gan waa lagu dari doonaa:
   *[other] { $count }-kan PA waa lagu dari doonaa:
}
agency-upload-preview-note = Safafka waxaa lagu beegaa PA-gaaga tixraacooda (external_ref); PA la cusboonaysiiyay wuxuu helaa faahfaahinta faylka oo dhan.
agency-upload-confirm = Kaydi isbeddelladan
agency-upload-cancel = Jooji
