# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] آج تصدیق کی گئی
    [one] { $days } دن پہلے تصدیق کی گئی
   *[other] { $days } دن پہلے تصدیق کی گئی
}
fresh-stale = عوام سے چھپا دیا گیا: 180 دن سے تصدیق نہیں ہوئی۔ دوبارہ فہرست میں لانے کے لیے تصدیق کریں۔
fresh-reminded = یاد دہانی { $date } کو بھیجی گئی
fresh-deleted-title = حذف شدہ PA
fresh-deleted-none = کوئی حذف شدہ PA نہیں۔
fresh-deleted-intro = حذف شدہ PA محفوظ رکھے جاتے ہیں اور بحال کیے جا سکتے ہیں۔ بحال کرنے سے وہ تلاش اور میچنگ میں واپس آ جاتے ہیں۔
fresh-restore = { $name } کو بحال کریں
fresh-restored = بحال کر دیا گیا: { $name }۔
fresh-history-link = { $name } کی تاریخ
fresh-history-title = { $name } میں تبدیلیاں
fresh-history-intro = اس ریکارڈ کو کس نے بدلا اور کون سے خانے، تازہ ترین پہلے۔ یہاں کبھی قدریں محفوظ نہیں کی جاتیں۔
fresh-history-none = ابھی کوئی تبدیلی درج نہیں۔
fresh-history-more = کل { $count } تبدیلیاں؛ تازہ ترین دکھائی گئی ہیں۔
fresh-back = کنسول پر واپس
fresh-col-when = کب
fresh-col-what = تبدیلی
fresh-col-who = کس نے
fresh-col-fields = خانے
fresh-op-create = بنایا گیا
fresh-op-update = ترمیم کی گئی
fresh-op-delete = حذف کیا گیا
fresh-op-restore = بحال کیا گیا
fresh-op-confirm = اب بھی درست ہونے کی تصدیق
fresh-op-vet = جانچ کا فیصلہ
fresh-op-stale = تصدیق نہ ہونے پر چھپایا گیا
