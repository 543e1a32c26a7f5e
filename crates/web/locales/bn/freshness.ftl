# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] আজ নিশ্চিত করা হয়েছে
    [one] { $days } দিন আগে নিশ্চিত করা হয়েছে
   *[other] { $days } দিন আগে নিশ্চিত করা হয়েছে
}
fresh-stale = সর্বসাধারণের কাছ থেকে লুকানো: 180 দিন নিশ্চিত করা হয়নি। আবার তালিকায় আনতে নিশ্চিত করুন।
fresh-reminded = { $date } তারিখে অনুস্মারক পাঠানো হয়েছে
fresh-deleted-title = মুছে ফেলা PA
fresh-deleted-none = কোনো মুছে ফেলা PA নেই।
fresh-deleted-intro = মুছে ফেলা PA-দের রেখে দেওয়া হয় এবং ফিরিয়ে আনা যায়। ফিরিয়ে আনলে তাঁরা আবার খোঁজ ও মিলানোর ফলাফলে আসেন।
fresh-restore = { $name }-কে ফিরিয়ে আনুন
fresh-restored = ফিরিয়ে আনা হয়েছে: { $name }।
fresh-history-link = { $name }-এর ইতিহাস
fresh-history-title = { $name }-এর পরিবর্তনসমূহ
fresh-history-intro = কে এই রেকর্ড বদলেছেন এবং কোন ঘরগুলো, নতুনটি আগে। এখানে কখনো মান রাখা হয় না।
fresh-history-none = এখনো কোনো পরিবর্তন লেখা হয়নি।
fresh-history-more = মোট { $count }টি পরিবর্তন; নতুনগুলো দেখানো হয়েছে।
fresh-back = কনসোলে ফিরে যান
fresh-col-when = কখন
fresh-col-what = পরিবর্তন
fresh-col-who = কে
fresh-col-fields = ঘর
fresh-op-create = তৈরি করা হয়েছে
fresh-op-update = সম্পাদনা করা হয়েছে
fresh-op-delete = মুছে ফেলা হয়েছে
fresh-op-restore = ফিরিয়ে আনা হয়েছে
fresh-op-confirm = এখনো সঠিক বলে নিশ্চিত করা হয়েছে
fresh-op-vet = যাচাইয়ের সিদ্ধান্ত
fresh-op-stale = নিশ্চিত না হওয়ায় লুকানো হয়েছে
