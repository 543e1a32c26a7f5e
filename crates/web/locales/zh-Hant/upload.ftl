# The agency console's register upload: a re-upload previewed before it is saved (agency_upload.rs).
agency-upload-applied = 已更新 { $updated } 位，新增 { $added } 位；{ $unchanged } 位沒有改變。
agency-upload-preview-title = 儲存前請核對
agency-upload-preview = 此檔案會更新您 { $updated } 位個人助理，並新增 { $added } 位；{ $unchanged } 位沒有改變。確認之前不會儲存任何資料。
agency-upload-will-update = 以下 { $count } 位個人助理會被更新：
agency-upload-will-add = 以下 { $count } 位個人助理會被新增：
agency-upload-preview-note = 檔案中的每一行按參考編號（external_ref）對應您的個人助理；被更新的個人助理會完全採用檔案中的資料。
agency-upload-confirm = 儲存這些更改
agency-upload-cancel = 取消
