# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = { $postcode } 周围 { $km } 公里内。
results-summary-needs = 您的要求：
results-essential = { $what }（必须）
results-change = 更改搜索
results-sort-label = 排列顺序
results-sort-fit = 最合适的优先
results-sort-distance = 最近的优先
results-pages = 搜索结果页数
results-page-prev = 上一页
results-page-next = 下一页
results-showing = 第 { $from } 至 { $to } 项结果
results-cap = 最多只能显示前 { $count } 项结果：请添加一项需要或缩短距离，以查看其他结果。
