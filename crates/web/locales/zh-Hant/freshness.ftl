# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] 今天已確認
   *[other] { $days } 天前確認
}
fresh-stale = 已對公眾隱藏：180 天未確認。確認後會重新列出。
fresh-reminded = 已於 { $date } 發出提醒
fresh-deleted-title = 已刪除的個人護理助理
fresh-deleted-none = 沒有已刪除的個人護理助理。
fresh-deleted-intro = 已刪除的個人護理助理會被保留，可以還原。還原後會重新出現在搜尋和配對中。
fresh-restore = 還原 { $name }
fresh-restored = 已還原：{ $name }。
fresh-history-link = { $name } 的修改記錄
fresh-history-title = { $name } 的修改
fresh-history-intro = 誰修改了這份記錄、改了哪些欄位，最新的在前。這裡從不保存欄位的內容。
fresh-history-none = 暫時沒有修改記錄。
fresh-history-more = 共 { $count } 項修改，只顯示最新的。
fresh-back = 返回管理頁面
fresh-col-when = 時間
fresh-col-what = 修改
fresh-col-who = 修改者
fresh-col-fields = 欄位
fresh-op-create = 建立
fresh-op-update = 編輯
fresh-op-delete = 刪除
fresh-op-restore = 還原
fresh-op-confirm = 確認資料仍然正確
fresh-op-vet = 審核已決定
fresh-op-stale = 因未確認而隱藏
