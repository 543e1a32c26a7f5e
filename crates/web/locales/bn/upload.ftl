# The agency console's register upload: a re-upload previewed before it is saved (agency_upload.rs).
agency-upload-applied = { $updated } জন হালনাগাদ, { $added } জন যোগ; { $unchanged } জন অপরিবর্তিত।
agency-upload-preview-title = সংরক্ষণের আগে দেখে নিন
agency-upload-preview = এই ফাইলটি আপনার { $updated } জন পিএ হালনাগাদ করে এবং { $added } জন নতুন যোগ করে; { $unchanged } জন অপরিবর্তিত। আপনি নিশ্চিত না করা পর্যন্ত কিছুই সংরক্ষণ হয় না।
agency-upload-will-update = এই { $count } জন পিএ হালনাগাদ হবেন:
agency-upload-will-add = এই { $count } জন পিএ যোগ হবেন:
agency-upload-preview-note = সারিগুলো আপনার পিএ-দের সঙ্গে তাঁদের রেফারেন্স (external_ref) দিয়ে মেলানো হয়; হালনাগাদ হওয়া পিএ ফাইলের সম্পূর্ণ তথ্য পান।
agency-upload-confirm = এই পরিবর্তনগুলো সংরক্ষণ করুন
agency-upload-cancel = বাতিল
