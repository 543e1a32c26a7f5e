# Freshness and edit history (issue 18): result cards, profiles, shortlist, agency console.
fresh-confirmed-ago = { $days ->
    [0] 今天已确认
   *[other] { $days } 天前确认
}
fresh-stale = 已对公众隐藏：180 天未确认。确认后会重新列出。
fresh-reminded = 已于 { $date } 发出提醒
fresh-deleted-title = 已删除的个人护理助理
fresh-deleted-none = 没有已删除的个人护理助理。
fresh-deleted-intro = 已删除的个人护理助理会被保留，可以恢复。恢复后会重新出现在搜索和匹配中。
fresh-restore = 恢复 { $name }
fresh-restored = 已恢复：{ $name }。
fresh-history-link = { $name } 的修改记录
fresh-history-title = { $name } 的修改
fresh-history-intro = 谁修改了这份记录、改了哪些字段，最新的在前。这里从不保存字段的内容。
fresh-history-none = 暂时没有修改记录。
fresh-history-more = 共 { $count } 项修改，只显示最新的。
fresh-back = 返回管理页面
fresh-col-when = 时间
fresh-col-what = 修改
fresh-col-who = 修改者
fresh-col-fields = 字段
fresh-op-create = 创建
fresh-op-update = 编辑
fresh-op-delete = 删除
fresh-op-restore = 恢复
fresh-op-confirm = 确认资料仍然正确
fresh-op-vet = 审核已决定
fresh-op-stale = 因未确认而隐藏
