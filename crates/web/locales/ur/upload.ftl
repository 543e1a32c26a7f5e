# The agency console's register upload: a re-upload previewed before it is saved (agency_upload.rs).
agency-upload-applied = { $updated } اپ ڈیٹ، { $added } شامل؛ { $unchanged } میں کوئی تبدیلی نہیں۔
agency-upload-preview-title = محفوظ کرنے سے پہلے دیکھ لیں
agency-upload-preview = یہ فائل آپ کے { $updated } پی اے اپ ڈیٹ کرتی ہے اور { $added } نئے شامل کرتی ہے؛ { $unchanged } میں کوئی تبدیلی نہیں۔ آپ کی تصدیق تک کچھ محفوظ نہیں ہوتا۔
agency-upload-will-update = { $count ->
    [one] یہ پی اے اپ ڈیٹ ہو گا:
   *[other] یہ { $count } پی اے اپ ڈیٹ ہوں گے:
}
agency-upload-will-add = { $count ->
    [one] یہ پی اے شامل ہو گا:
   *[other] یہ { $count } پی اے شامل ہوں گے:
}
agency-upload-preview-note = قطاریں آپ کے پی اے سے ان کے حوالے (external_ref) کے ذریعے ملائی جاتی ہیں؛ اپ ڈیٹ ہونے والے پی اے کو فائل کی پوری تفصیل ملتی ہے۔
agency-upload-confirm = یہ تبدیلیاں محفوظ کریں
agency-upload-cancel = منسوخ کریں
