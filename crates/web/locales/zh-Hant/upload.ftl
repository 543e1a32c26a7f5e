# The agency console: a re-uploaded register previewed before it is saved (agency_upload.rs), and
# finding one's own PAs (agency_filter.rs).
agency-upload-applied = 已更新 { $updated } 位，新增 { $added } 位；{ $unchanged } 位沒有改變。
agency-upload-preview-title = 儲存前請核對
agency-upload-preview = 此檔案會更新您 { $updated } 位個人助理，並新增 { $added } 位；{ $unchanged } 位沒有改變。確認之前不會儲存任何資料。
agency-upload-will-update = 以下 { $count } 位個人助理會被更新：
agency-upload-will-add = 以下 { $count } 位個人助理會被新增：
agency-upload-preview-note = 檔案中的每一行按參考編號（external_ref）對應您的個人助理；被更新的個人助理會完全採用檔案中的資料。
agency-upload-confirm = 儲存這些更改
agency-upload-cancel = 取消
agency-filter-title = 尋找您的個人助理
agency-filter-text = 姓名或參考編號
agency-filter-language = 會說
agency-filter-any = 任何語言
agency-filter-stale = 只顯示因近期未確認而隱藏的
agency-filter-submit = 篩選
agency-filter-clear = 顯示全部
