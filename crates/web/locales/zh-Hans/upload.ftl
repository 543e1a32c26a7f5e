# The agency console's register upload: a re-upload previewed before it is saved (agency_upload.rs).
agency-upload-applied = 已更新 { $updated } 位，新增 { $added } 位；{ $unchanged } 位没有变化。
agency-upload-preview-title = 保存前请核对
agency-upload-preview = 此文件会更新您的 { $updated } 位个人助理，并新增 { $added } 位；{ $unchanged } 位没有变化。确认之前不会保存任何数据。
agency-upload-will-update = 以下 { $count } 位个人助理将被更新：
agency-upload-will-add = 以下 { $count } 位个人助理将被新增：
agency-upload-preview-note = 文件中的每一行按参考编号（external_ref）对应您的个人助理；被更新的个人助理将完全采用文件中的信息。
agency-upload-confirm = 保存这些更改
agency-upload-cancel = 取消
