# Around the results: the search in words, order and pages (results_nav.rs).
results-summary = { $postcode } 周圍 { $km } 公里內。
results-summary-needs = 您的要求：
results-essential = { $what }（必須）
results-change = 更改搜尋
results-sort-label = 排列次序
results-sort-fit = 最合適的先列出
results-sort-distance = 最近的先列出
results-pages = 搜尋結果頁數
results-page-prev = 上一頁
results-page-next = 下一頁
results-showing = 第 { $from } 至 { $to } 項結果
results-cap = 最多只能顯示首 { $count } 項結果：請加入一項需要或縮短距離，以查看其他結果。
