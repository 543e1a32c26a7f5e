# carematch web pages: Traditional Chinese (for Hong Kong Cantonese-speaking families in the UK).
# Same ids as the English reference catalogue. Placeables in { } are filled in by the server; keep them.

## Page shell
site-name = carematch
site-tagline = 明白你語言的照顧
skip-to-content = 跳到主要內容
nav-find = 尋找照顧服務
nav-shortlist = 我的候選名單（{ $count }）
nav-agency = 護理機構專區
nav-commissioner = 地方議會服務委託人員專區
nav-help = 幫助
language-switcher = 語言
footer-privacy = 我們絕不會向公眾顯示護理員的住址、確實位置或聯絡資料。你在這裡輸入的內容不會被儲存。
footer-api = 開放數據及 API

## Find care form
find-title = 尋找護理員或社區服務
find-intro = 請告訴我們受照顧的人住在哪裡，以及對他們來說甚麼最重要。我們會列出合適的個人護理助理（PA）和本地服務，並解釋原因。
field-postcode = 郵政編碼（Postcode）
field-postcode-hint = 例如 M13 0EG。我們只會用所在的地區來計算距離。
field-distance = 距離多遠
distance-km = { $km } 公里
field-help = 需要的幫助
field-languages = 護理員應該會說的語言
field-languages-must = 必須會說以下其中一種語言
field-languages-reads = 也要會讀這種語言（信件、藥物標籤）
field-dbs = 個人護理：要求有效的加強版 DBS 背景審查
field-food = 飲食
field-cuisines = 家常菜式
field-diets = 護理員必須遵守的飲食規定
field-medical-diets = 護理員必須會煮的醫療飲食或特殊質地飲食（如軟餐、糊餐）
field-faith = 需要尊重的宗教習俗
field-gender = 個人護理時護理員的性別
gender-any = 沒有偏好
field-gender-must = 這一點必須符合
field-more = 其他重要事項
field-lgbt = 對 LGBT+ 友善
field-remote = 也可以接受電話或網上支援（距離較遠的服務也能幫忙）
field-client = 客戶的計劃
field-hours = 每星期支援時數
field-budget = 每星期預算（£）
field-budget-hint = 與每星期時數一併計算：時數 × 個人護理助理的時薪不得超出預算。
field-prefer = 客戶認識並希望再次合作的個人護理助理（填寫助理編號，以逗號分隔）
field-block = 客戶不希望安排的個人護理助理（填寫助理編號，以逗號分隔）
field-when = 甚麼時候需要幫助
part-morning = 上午
part-afternoon = 下午
part-evening = 晚上
find-submit = 搜尋
find-more-options = 更多選項

## Results
results-title = 搜尋結果
results-count = { $count ->
   *[other] 找到 { $count } 個合適的護理員或服務。
}
results-none = 暫時未有人能符合所有必要的需求。
results-considered = 已查看距離範圍內的 { $count } 個護理員和服務。
result-carer = 個人護理助理
result-provider = 社區服務
result-distance = 約 { $km } 公里外
result-score = 合適程度 { $percent }%
result-free = 有空時間：{ $when }
result-area = 位於 { $area }
result-rate = 每小時 £{ $rate }
result-why = 為甚麼會有這個結果
outcome-met = 符合
outcome-partial = 部分符合
outcome-unmet = 不符合
outcome-required = 必要
relax-title = 結果不夠多？可以試試：
relax-distance = 顯示 { $km } 公里以內的護理員（多 { $count } 個）
relax-make-preferred = 把「{ $what }」改為「最好有」，而不是必要條件（多 { $count } 個）
error-title = 請檢查表格
error-postcode-missing = 請輸入郵政編碼。
error-postcode-invalid = 「{ $postcode }」不是英國的郵政編碼。
error-postcode-unknown = 我們找不到郵政編碼「{ $postcode }」。
error-loading = 名錄仍在載入中，請過一分鐘再試。
refused-title = 無法接受這份表格
refused-body = 為了你的安全，我們只接受從本網站自己的頁面送出的表格。這份表格不是，或者已經過時。甚麼都沒有更改。請返回，重新載入頁面再試。
refused-back = 返回

## Criteria names (for the reasons)
crit-language = 語言
crit-cuisine = 煮食
crit-diet = 飲食規定
crit-faith_practice = 宗教習俗
crit-faith = 相同信仰
crit-carer_gender = 護理員性別
crit-service = 幫助
crit-experience = 經驗
crit-check = 審查及證書
crit-distance = 距離
crit-schedule = 需要時有空
crit-hours_per_week = 每星期時數
crit-max_hourly_rate = 時薪
crit-needed_by = 能及時開始
crit-accepting_new_clients = 接受新客戶
crit-carer_capacity = 仍有名額接受新客戶
crit-weekly_budget = 每星期預算
crit-lgbt_inclusive = 對 LGBT+ 友善
crit-preferred_carer = 你指定的護理員
crit-reads = 閱讀
crit-writes = 書寫
crit-medical_diet = 醫療飲食
crit-delivery_mode = 服務方式

## Reasons and relaxations
crit-with-value = { $name }：{ $value }
level-basic = 基本
level-conversational = 日常會話
level-fluent = 流利
level-native = 母語
why-language-level = 會講{ $language }（{ $level }）
why-language = { $who ->
    [provider] 員工會講{ $language }
   *[other] 會講{ $language }
}
why-language-related = { $who ->
    [provider] 員工會講{ $related }，請確認是否會講{ $language }
   *[other] 會講{ $related }，請確認是否會講{ $language }
}
why-language-lower = 會講{ $language }（{ $level }），但需要{ $needed }程度
why-language-none = { $who ->
    [provider] 員工不會講{ $language }
   *[other] 不會講{ $language }
}
why-cuisine = 會煮家常菜：{ $cuisine }
why-cuisine-not = 沒有列出會煮：{ $cuisine }
why-diet = 遵守飲食規定：{ $diet }
why-diet-not = 沒有列出遵守飲食規定：{ $diet }
why-practice = { $practice }
why-practice-not = 沒有列出：{ $practice }
why-service = 提供{ $service }
why-service-not = 不提供{ $service }
why-experience = 有相關經驗：{ $experience }
why-experience-not = 沒有列出相關經驗：{ $experience }
why-faith = 與當事人信仰相同（{ $faith }）
why-faith-not = 沒有說明與當事人信仰相同（{ $faith }）
why-gender = { $label }護理員
why-gender-not = 不是{ $label }護理員
why-faith-provider = 不適用於服務機構，請查詢有沒有信奉{ $faith }的員工
why-gender-provider = 不適用於服務機構，請要求{ $label }護理員
why-distance = 距離 { $km } 公里
why-schedule-none = 沒有記錄空閒時間
why-schedule-not-free = 所需時間沒有空
why-free-days = { $days }{ $periods }
why-schedule-all = { $times }有空，完全配合所需時間
why-schedule-part = { $times }有空，配合所需時間的 { $percent }%
period-mornings = 上午
period-afternoons = 下午
period-evenings = 晚上
period-nights = 深夜
list-join = { $a }、{ $b }
list-and = { $a }和{ $b }
list-or = { $a }或{ $b }
list-groups = { $a }；{ $b }
why-start-arranged = 開始日期可以商議
why-hours-arranged = 時間可以商議
why-hours = 每星期有 { $free } 小時空閒（需要 { $needed } 小時）
why-hours-short = 每星期有 { $free } 小時空閒，但需要 { $needed } 小時
why-rate-unknown = 沒有公佈時薪，請查詢
why-rate = 每小時 £{ $rate }
why-rate-over = 每小時 £{ $rate }，超出 £{ $limit } 的上限
why-available-now = 現在可以開始
why-available-from = { $date }起可以開始
why-available-late = { $date }起才可以開始，但需要在{ $needed }前開始
why-check-none = 沒有{ $check }記錄
why-check-valid = { $check }有效至{ $date }
why-check-expired = { $check }已於{ $date }過期
why-accepting = 正在接收新服務使用者（{ $date }確認）
why-accepting-lapsed = 自{ $date }起沒有再確認接收新服務使用者（{ $days } 天後失效），請查詢
why-accepting-not = 暫不接收新服務使用者
why-reads = { $who ->
    [provider] 員工會讀{ $language }
   *[other] 會讀{ $language }
}
why-reads-not = { $who ->
    [provider] 員工不會讀{ $language }
   *[other] 不會讀{ $language }
}
why-writes = { $who ->
    [provider] 員工會寫{ $language }
   *[other] 會寫{ $language }
}
why-writes-not = { $who ->
    [provider] 員工不會寫{ $language }
   *[other] 不會寫{ $language }
}
why-medical-diet = 會煮醫療飲食：{ $diet }
why-medical-diet-not = 沒有列出會煮醫療飲食：{ $diet }
why-delivery = 服務方式：{ $mode }
why-delivery-not = 不提供這種服務方式：{ $mode }
why-lgbt = 對 LGBT+ 友善
why-lgbt-not = 沒有說明對 LGBT+ 友善
why-preferred-carer = 你指定為首選的護理員
why-remote = 距離 { $km } 公里，服務方式：{ $modes }
why-budget = 每星期 { $hours } 小時 £{ $cost }（預算 £{ $budget }）
why-budget-over = 每星期 { $hours } 小時 £{ $cost }，超出 £{ $budget } 的預算
why-budget-unknown = 沒有公佈時薪，請查詢每星期費用
why-criterion = { $what }
date-format = { $y }年{ $m }月{ $d }日
date-unknown = 日期不詳
relax-within = { $km } 公里以內多 { $count } 個
relax-hours = 多 { $count } 個每星期空閒少於 { $needed } 小時的
relax-rate = 多 { $count } 個時薪高於 £{ $limit } 或沒有公佈時薪的
relax-needed-by = 多 { $count } 個在{ $date }之後才可以開始的
relax-language-dialect = { $count } 個會講{ $related }，請確認是否會講{ $language }
relax-language-some-dialect = 不要求{ $language }的話多 { $count } 個，其中 { $dialect } 個會講{ $related }，請確認是否會講{ $language }
relax-language-level = 不要求{ $language }達到{ $level }程度的話多 { $count } 個
relax-language = 不要求{ $language }的話多 { $count } 個
relax-accepting = 如果也查詢暫不接收新服務使用者（或確認已失效）的服務機構，多 { $count } 個
relax-schedule = 多 { $count } 個能配合部分所需時間的
relax-check = 不要求有效{ $check }的話多 { $count } 個
relax-capacity = 如果也包括目前名額已滿的個人護理助理，多 { $count } 個
relax-budget = 多 { $count } 個超出每星期預算 £{ $budget } 或沒有公佈時薪的
relax-without = 不要求「{ $what }」的話多 { $count } 個

## Shortlist
shortlist-add = 把 { $name } 加入我的候選名單
shortlist-remove = 把 { $name } 從我的候選名單刪除
shortlist-added = 已在你的候選名單上
shortlist-title = 我的候選名單
shortlist-empty = 你的候選名單暫時是空的。你可以從搜尋結果中加入護理員和服務。
shortlist-share = 分享這份候選名單
shortlist-share-hint = 任何人打開這條連結都會看到同一份名單。名單不包含任何個人資料。
shortlist-print = 列印
shortlist-ask-title = 可以問護理機構的問題
shortlist-ask-free = { $name } 在我需要的時間仍然有空嗎？可以由甚麼時候開始？
shortlist-ask-checks = { $name } 的審查（例如 DBS）是否仍然有效？
shortlist-ask-food = { $name } 能否煮我平日吃的食物，並遵守我的飲食規定？
shortlist-ask-language = { $name } 說我的語言是否說得夠好，可以為我提供個人護理？
shortlist-ask-contact = 我怎樣聯絡 { $name }？第一次見面由誰安排？
shortlist-contact = 聯絡
shortlist-gone = 這個項目已不再列出。
shortlist-back = 返回搜尋

## Sign in (agencies and commissioners)
login-title = 登入
login-intro = 請用管理員給你的 API 金鑰登入。金鑰不會儲存在你的瀏覽器內，只會儲存一個登入時段的 cookie。
login-key = API 金鑰
login-submit = 登入
login-bad-key = 這個金鑰無效，或已被取消。
login-wrong-role = 這個金鑰不能打開這一頁。
logout = 登出

## Agency console
agency-title = 機構管理台
agency-signed-in = 已代表 { $agency } 登入
agency-find-title = 為客戶尋找個人護理助理
agency-find-intro = 包括你機構未公開列出的個人護理助理，並會顯示聯絡資料。
agency-carers-title = 你的個人護理助理（{ $count }）
agency-col-name = 姓名
agency-col-postcode = 郵政編碼
agency-col-languages = 語言
agency-col-public = 公開列出
agency-col-faith-public = 公開顯示信仰
agency-col-confirmed = 最後確認日期
agency-col-actions = 操作
agency-delete = 刪除 { $name }
agency-deleted = 已刪除 { $name }。
agency-confirm = 確認 { $name } 仍然可以提供服務
agency-col-accepting = 接受新客戶
agency-accepting-lapsed = 已失效（90 天內未確認）
agency-mark-full = 將 { $name } 標記為已滿
agency-mark-accepting = 將 { $name } 標記為接受新客戶
agency-list = 公開列出 { $name }
agency-unlist = 停止公開列出 { $name }
agency-faith-show = 公開顯示 { $name } 的信仰（已獲本人同意）
agency-faith-hide = 不公開 { $name } 的信仰
agency-updated = 已更新 { $name } 的資料。
agency-yes = 是
agency-no = 否
agency-upload-title = 上載名冊（CSV）
agency-upload-intro = 全部匯入或全部不匯入：只要任何一行有問題，便甚麼都不會匯入，並會列出所有問題。
agency-upload-file = CSV 檔案
agency-upload-template = 下載範本
agency-export-register = 下載你的登記冊（CSV）
agency-export-register-note = 與範本相同的欄位，可編輯後再次上載。其中含有個人資料：請妥善保管。
agency-upload-submit = 上載
agency-upload-ok = { $count ->
   *[other] 已匯入 { $count } 位個人護理助理。
}
agency-upload-rejected = 甚麼都沒有匯入。請修正以下各行，然後再上載：
agency-upload-col-line = 行
agency-upload-col-column = 欄
agency-upload-col-reason = 問題
agency-upload-missing = 請選擇要上載的 CSV 檔案。
agency-upload-too-large = 檔案大於 10 MB。請把它分成幾個部分，逐一上載。
agency-page = 第 { $page } 頁，共 { $pages } 頁
page-previous = 上一頁
page-next = 下一頁
contact-phone = 電話
contact-email = 電郵

## Commissioner map
map-title = 哪裡缺乏照顧服務？
map-intro = 每個地區的顏色，表示有這種需要的人當中，有多少人在距離範圍內找得到護理員或服務。
map-need = 需要
map-distance = 距離範圍
map-show = 顯示地圖
map-download-geojson = 下載 GeoJSON
map-download-csv = 下載 CSV
map-table-title = 各地區（缺口最大的排最前）
map-col-area = 地區
map-col-demand = 人數
map-col-carers = 護理員
map-col-providers = 服務
map-col-nearest = 最近距離（公里）
map-col-severity = 缺口
map-sort = 按{ $column }排序
map-no-authorities = 尚未匯入任何地方議會。請先執行 carematch import authorities、boundaries 及 census。
severity-none_in_reach = 範圍內沒有
severity-severe = 嚴重
severity-moderate = 中等
severity-adequate = 足夠
severity-demand_unknown = 需求不明
severity-no_demand = 沒有需求

## Errors
not-found-title = 找不到這一頁
not-found-body = 這個網址沒有任何內容。

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = 粵菜
cuisine-north_chinese = 北方菜
cuisine-vietnamese = 越南菜
cuisine-filipino = 菲律賓菜
cuisine-punjabi = 旁遮普菜
cuisine-gujarati = 古吉拉特菜
cuisine-bengali = 孟加拉及錫爾赫特菜
cuisine-pakistani = 巴基斯坦菜
cuisine-south_indian = 南印度菜
cuisine-sri_lankan = 斯里蘭卡菜
cuisine-somali = 索馬里菜
cuisine-east_african = 東非菜
cuisine-west_african = 西非菜
cuisine-caribbean = 加勒比菜
cuisine-middle_eastern = 中東菜
cuisine-persian = 波斯及阿富汗菜
cuisine-kurdish = 庫爾德菜
cuisine-turkish = 土耳其菜
cuisine-greek_cypriot = 希臘塞浦路斯菜
cuisine-polish = 波蘭菜
cuisine-eastern_european = 東歐菜
cuisine-jewish = 猶太家常菜
cuisine-irish = 愛爾蘭菜
cuisine-british = 英國菜
diet-halal = 清真（Halal）
diet-kosher = 猶太潔食（Kosher）
diet-vegetarian = 素食
diet-vegan = 純素（不吃任何動物產品）
diet-jain = 耆那教素食（不吃根莖類蔬菜）
diet-no_pork = 不吃豬肉
diet-no_beef = 不吃牛肉
faith-buddhist = 佛教
faith-christian = 基督教
faith-hindu = 印度教
faith-jewish = 猶太教
faith-muslim = 伊斯蘭教
faith-sikh = 錫克教
faith-other = 其他宗教
faith-none = 沒有宗教信仰
faith_practice-prayer_times = 尊重祈禱時間
faith_practice-fasting = 支援齋戒
faith_practice-same_gender_personal_care = 由同性別的護理員提供個人護理
faith_practice-modest_dress = 衣著端莊
faith_practice-ritual_washing = 宗教潔淨禮儀
faith_practice-religious_festivals = 宗教節日
faith_practice-accompany_to_worship = 陪同參加宗教活動
service-personal_care = 個人護理
service-meal_preparation = 準備膳食
service-domestic = 家務幫助
service-shopping = 購物
service-companionship = 陪伴傾談
service-medication_prompting = 提醒服藥
service-accompany_appointments = 陪同看醫生及赴約
service-night_support = 夜間支援
service-live_in = 住家照顧
service-respite = 暫託服務（讓照顧者休息）
service-day_activities = 日間活動
service-luncheon_club = 午餐聚會
service-befriending = 關懷探訪
service-advocacy = 權益倡導
service-interpreting = 傳譯
service-peer_support = 同路人支援
service-support_planning = 支援計劃
service-direct_payment_support = 直接付款支援
medical_diet-diabetic = 糖尿病飲食（低糖）
medical_diet-soft = 軟餐，容易咀嚼
medical_diet-pureed = 糊餐（打成蓉）
medical_diet-thickened_fluids = 增稠流質
medical_diet-gluten_free = 無麩質（乳糜瀉）
medical_diet-low_salt = 低鹽
medical_diet-low_fat = 低脂
medical_diet-dairy_free = 不含奶類製品
medical_diet-nut_free = 不含果仁
medical_diet-renal = 腎病飲食
delivery_mode-in_person = 面對面
delivery_mode-phone = 電話
delivery_mode-online = 網上（視像或文字聊天）
experience-dementia = 認知障礙症
experience-mental_health = 精神健康
experience-physical_disability = 肢體殘疾
experience-visual_impairment = 視力障礙
experience-hearing_impairment = 聽力障礙
experience-learning_disability = 學習障礙（智力障礙）
experience-autism = 自閉症
experience-stroke = 中風
experience-end_of_life = 臨終照顧
check-dbs_enhanced = 加強版 DBS 背景審查
check-right_to_work = 在英國工作的權利
check-public_liability_insurance = 公眾責任保險
check-first_aid = 急救
check-food_hygiene = 食物衛生
check-manual_handling = 安全搬抬及扶抱
check-cqc_registered = 已在護理質素委員會（CQC）註冊
provider_kind-micro_provider = 社區小型服務提供者
provider_kind-charity = 慈善機構或社區團體
provider_kind-home_care_agency = 已在 CQC 註冊的家居護理機構
provider_kind-day_service = 日間服務
provider_kind-luncheon_club = 午餐聚會
provider_kind-shared_lives = Shared Lives（共享生活）計劃
provider_kind-advocacy = 權益倡導服務
gender-female = 女性
gender-male = 男性
gender-non_binary = 非二元性別
weekday-mon = 星期一
weekday-tue = 星期二
weekday-wed = 星期三
weekday-thu = 星期四
weekday-fri = 星期五
weekday-sat = 星期六
weekday-sun = 星期日

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = 找不到這個項目
