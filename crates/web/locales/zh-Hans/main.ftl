# carematch web pages: Simplified Chinese.
# Same ids as the English reference catalogue. Placeables in { } are filled in by the server; keep them.

## Page shell
site-name = carematch
site-tagline = 懂你语言的照护
skip-to-content = 跳到主要内容
nav-find = 寻找照护服务
nav-shortlist = 我的备选名单（{ $count }）
nav-agency = 护理机构专区
nav-commissioner = 地方政府服务采购人员专区
nav-help = 帮助
language-switcher = 语言
footer-privacy = 我们绝不会向公众显示护理员的住址、确切位置或联系方式。您在这里输入的内容不会被保存。
footer-api = 开放数据和 API

## Find care form
find-title = 寻找护理员或社区服务
find-intro = 请告诉我们被照护的人住在哪里，以及对他们来说什么最重要。我们会列出合适的个人护理助理（PA）和本地服务，并说明原因。
field-postcode = 邮编（Postcode）
field-postcode-hint = 例如 M13 0EG。我们只用所在的地区来计算距离。
field-distance = 距离多远
distance-km = { $km } 公里
field-help = 需要的帮助
field-languages = 护理员应该会说的语言
field-languages-must = 必须会说以下其中一种语言
field-languages-reads = 也要会读这种语言（信件、药品标签）
field-dbs = 个人护理：要求有效的加强版 DBS 背景审查
field-food = 饮食
field-cuisines = 家常菜
field-diets = 护理员必须遵守的饮食规定
field-medical-diets = 护理员必须会做的医疗饮食或特殊质地饮食（如软食、泥状食物）
field-faith = 需要尊重的宗教习俗
field-gender = 个人护理时护理员的性别
gender-any = 没有偏好
field-gender-must = 这一点必须满足
field-more = 其他重要事项
field-lgbt = 对 LGBT+ 友善
field-remote = 也可以接受电话或网上支持（距离远的服务也能帮忙）
field-client = 客户的计划
field-hours = 每周支持小时数
field-budget = 每周预算（£）
field-budget-hint = 与每周小时数一起计算：小时数 × 个人护理助理的时薪不得超出预算。
field-prefer = 客户认识并希望再次合作的个人护理助理（填写助理编号，用逗号分隔）
field-block = 客户不希望安排的个人护理助理（填写助理编号，用逗号分隔）
field-when = 什么时候需要帮助
part-morning = 上午
part-afternoon = 下午
part-evening = 晚上
find-submit = 搜索
find-more-options = 更多选项

## Results
results-title = 搜索结果
results-count = { $count ->
   *[other] 找到 { $count } 个合适的护理员或服务。
}
results-none = 暂时还没有人能满足所有必要的需求。
results-considered = 已查看距离范围内的 { $count } 个护理员和服务。
result-carer = 个人护理助理
result-provider = 社区服务
result-distance = 约 { $km } 公里外
result-score = 匹配度 { $percent }%
result-free = 有空时间：{ $when }
result-area = 位于 { $area }
result-rate = 每小时 £{ $rate }
result-why = 为什么会有这个结果
outcome-met = 符合
outcome-partial = 部分符合
outcome-unmet = 不符合
outcome-required = 必要
relax-title = 结果不够多？可以试试：
relax-distance = 显示 { $km } 公里以内的护理员（多 { $count } 个）
relax-make-preferred = 把“{ $what }”改为“最好有”，而不是必要条件（多 { $count } 个）
error-title = 请检查表格
error-postcode-missing = 请输入邮编。
error-postcode-invalid = “{ $postcode }”不是英国邮编。
error-postcode-unknown = 我们找不到邮编“{ $postcode }”。
error-loading = 名录还在加载中，请过一分钟再试。
refused-title = 无法接受这份表格
refused-body = 为了您的安全，我们只接受从本网站自己的页面提交的表格。这份表格不是，或者已经过时。没有做任何更改。请返回，重新加载页面后再试。
refused-back = 返回

## Criteria names (for the reasons)
crit-language = 语言
crit-cuisine = 做饭
crit-diet = 饮食规定
crit-faith_practice = 宗教习俗
crit-faith = 相同信仰
crit-carer_gender = 护理员性别
crit-service = 帮助
crit-experience = 经验
crit-check = 审查和证书
crit-distance = 距离
crit-schedule = 需要时有空
crit-hours_per_week = 每周小时数
crit-max_hourly_rate = 时薪
crit-needed_by = 能及时开始
crit-accepting_new_clients = 接收新客户
crit-carer_capacity = 还有名额接收新客户
crit-weekly_budget = 每周预算
crit-lgbt_inclusive = 对 LGBT+ 友善
crit-preferred_carer = 您指定的护理员
crit-reads = 阅读
crit-writes = 书写
crit-medical_diet = 医疗饮食
crit-delivery_mode = 服务方式

## Reasons and relaxations
crit-with-value = { $name }：{ $value }
level-basic = 基本
level-conversational = 日常会话
level-fluent = 流利
level-native = 母语
why-language-level = 会说{ $language }（{ $level }）
why-language = { $who ->
    [provider] 员工会说{ $language }
   *[other] 会说{ $language }
}
why-language-related = { $who ->
    [provider] 员工会说{ $related }，请确认是否会说{ $language }
   *[other] 会说{ $related }，请确认是否会说{ $language }
}
why-language-lower = 会说{ $language }（{ $level }），但需要{ $needed }水平
why-language-none = { $who ->
    [provider] 员工不会说{ $language }
   *[other] 不会说{ $language }
}
why-cuisine = 会做家常菜：{ $cuisine }
why-cuisine-not = 没有列出会做：{ $cuisine }
why-diet = 遵守饮食规定：{ $diet }
why-diet-not = 没有列出遵守饮食规定：{ $diet }
why-practice = { $practice }
why-practice-not = 没有列出：{ $practice }
why-service = 提供{ $service }
why-service-not = 不提供{ $service }
why-experience = 有相关经验：{ $experience }
why-experience-not = 没有列出相关经验：{ $experience }
why-faith = 与当事人信仰相同（{ $faith }）
why-faith-not = 没有说明与当事人信仰相同（{ $faith }）
why-gender = { $label }护理员
why-gender-not = 不是{ $label }护理员
why-faith-provider = 不适用于服务机构，请询问有没有信仰{ $faith }的员工
why-gender-provider = 不适用于服务机构，请要求{ $label }护理员
why-distance = 距离 { $km } 公里
why-schedule-none = 没有记录空闲时间
why-schedule-not-free = 所需时间没有空
why-free-days = { $days }{ $periods }
why-schedule-all = { $times }有空，完全符合所需时间
why-schedule-part = { $times }有空，符合所需时间的 { $percent }%
period-mornings = 上午
period-afternoons = 下午
period-evenings = 晚上
period-nights = 深夜
list-join = { $a }、{ $b }
list-and = { $a }和{ $b }
list-or = { $a }或{ $b }
list-groups = { $a }；{ $b }
why-start-arranged = 开始日期可以商量
why-hours-arranged = 时间可以商量
why-hours = 每周有 { $free } 小时空闲（需要 { $needed } 小时）
why-hours-short = 每周有 { $free } 小时空闲，但需要 { $needed } 小时
why-rate-unknown = 没有公布时薪，请询问
why-rate = 每小时 £{ $rate }
why-rate-over = 每小时 £{ $rate }，超出 £{ $limit } 的上限
why-available-now = 现在可以开始
why-available-from = { $date }起可以开始
why-available-late = { $date }起才可以开始，但需要在{ $needed }前开始
why-check-none = 没有{ $check }记录
why-check-valid = { $check }有效期至{ $date }
why-check-expired = { $check }已于{ $date }过期
why-accepting = 正在接收新服务对象（{ $date }确认）
why-accepting-lapsed = 自{ $date }起没有再确认接收新服务对象（{ $days } 天后失效），请询问
why-accepting-not = 暂不接收新服务对象
why-reads = { $who ->
    [provider] 员工会读{ $language }
   *[other] 会读{ $language }
}
why-reads-not = { $who ->
    [provider] 员工不会读{ $language }
   *[other] 不会读{ $language }
}
why-writes = { $who ->
    [provider] 员工会写{ $language }
   *[other] 会写{ $language }
}
why-writes-not = { $who ->
    [provider] 员工不会写{ $language }
   *[other] 不会写{ $language }
}
why-medical-diet = 会做医疗饮食：{ $diet }
why-medical-diet-not = 没有列出会做医疗饮食：{ $diet }
why-delivery = 服务方式：{ $mode }
why-delivery-not = 不提供这种服务方式：{ $mode }
why-lgbt = 对 LGBT+ 友善
why-lgbt-not = 没有说明对 LGBT+ 友善
why-preferred-carer = 您指定为首选的护理员
why-remote = 距离 { $km } 公里，服务方式：{ $modes }
why-budget = 每周 { $hours } 小时 £{ $cost }（预算 £{ $budget }）
why-budget-over = 每周 { $hours } 小时 £{ $cost }，超出 £{ $budget } 的预算
why-budget-unknown = 没有公布时薪，请询问每周费用
why-criterion = { $what }
date-format = { $y }年{ $m }月{ $d }日
date-unknown = 日期不详
relax-within = { $km } 公里以内多 { $count } 个
relax-hours = 多 { $count } 个每周空闲少于 { $needed } 小时的
relax-rate = 多 { $count } 个时薪高于 £{ $limit } 或没有公布时薪的
relax-needed-by = 多 { $count } 个在{ $date }之后才可以开始的
relax-language-dialect = { $count } 个会说{ $related }，请确认是否会说{ $language }
relax-language-some-dialect = 不要求{ $language }的话多 { $count } 个，其中 { $dialect } 个会说{ $related }，请确认是否会说{ $language }
relax-language-level = 不要求{ $language }达到{ $level }水平的话多 { $count } 个
relax-language = 不要求{ $language }的话多 { $count } 个
relax-accepting = 如果也询问暂不接收新服务对象（或确认已失效）的服务机构，多 { $count } 个
relax-schedule = 多 { $count } 个能满足部分所需时间的
relax-check = 不要求有效{ $check }的话多 { $count } 个
relax-capacity = 如果也包括目前名额已满的个人护理助理，多 { $count } 个
relax-budget = 多 { $count } 个超出每周预算 £{ $budget } 或没有公布时薪的
relax-without = 不要求“{ $what }”的话多 { $count } 个

## Shortlist
shortlist-add = 把 { $name } 加入我的备选名单
shortlist-remove = 把 { $name } 从我的备选名单中删除
shortlist-added = 已在您的备选名单上
shortlist-title = 我的备选名单
shortlist-empty = 您的备选名单还是空的。您可以从搜索结果中加入护理员和服务。
shortlist-share = 分享这份备选名单
shortlist-share-hint = 任何人打开这个链接都会看到同一份名单。名单里没有任何个人信息。
shortlist-print = 打印
shortlist-ask-title = 可以向护理机构提的问题
shortlist-ask-free = { $name } 在我需要的时间还有空吗？可以从什么时候开始？
shortlist-ask-checks = { $name } 的审查（例如 DBS）是否仍然有效？
shortlist-ask-food = { $name } 能不能做我平时吃的饭菜，并遵守我的饮食规定？
shortlist-ask-language = { $name } 说我的语言说得够好吗，能为我提供个人护理吗？
shortlist-ask-contact = 我怎样联系 { $name }？第一次见面由谁安排？
shortlist-contact = 联系
shortlist-gone = 这一项已不再列出。
shortlist-back = 返回搜索

## Sign in (agencies and commissioners)
login-title = 登录
login-intro = 请用管理员给您的 API 密钥登录。密钥不会保存在您的浏览器里，只会保存一个登录会话的 cookie。
login-key = API 密钥
login-submit = 登录
login-bad-key = 这个密钥无效，或已被撤销。
login-wrong-role = 这个密钥无法打开此页面。
logout = 退出登录

## Agency console
agency-title = 机构管理台
agency-signed-in = 已代表 { $agency } 登录
agency-find-title = 为客户寻找个人护理助理
agency-find-intro = 包括您机构中未公开列出的个人护理助理，并会显示联系方式。
agency-carers-title = 您的个人护理助理（{ $count }）
agency-col-name = 姓名
agency-col-postcode = 邮编
agency-col-languages = 语言
agency-col-public = 公开列出
agency-col-faith-public = 公开显示信仰
agency-col-confirmed = 最近确认日期
agency-col-actions = 操作
agency-delete = 删除 { $name }
agency-deleted = 已删除 { $name }。
agency-confirm = 确认 { $name } 仍然可以提供服务
agency-col-accepting = 接受新客户
agency-accepting-lapsed = 已失效（90 天内未确认）
agency-mark-full = 将 { $name } 标记为已满
agency-mark-accepting = 将 { $name } 标记为接受新客户
agency-list = 公开列出 { $name }
agency-unlist = 停止公开列出 { $name }
agency-faith-show = 公开显示 { $name } 的信仰（已获本人同意）
agency-faith-hide = 不公开 { $name } 的信仰
agency-updated = 已更新 { $name } 的资料。
agency-yes = 是
agency-no = 否
agency-upload-title = 上传名册（CSV）
agency-upload-intro = 要么全部导入，要么全部不导入：只要有任何一行有问题，就什么都不会导入，并会列出所有问题。
agency-upload-file = CSV 文件
agency-upload-template = 下载模板
agency-export-register = 下载您的登记册（CSV）
agency-export-register-note = 与模板相同的列，可编辑后再次上传。其中含有个人资料：请妥善保管。
agency-upload-submit = 上传
agency-upload-ok = { $count ->
   *[other] 已导入 { $count } 位个人护理助理。
}
agency-upload-rejected = 什么都没有导入。请修改以下各行，然后重新上传：
agency-upload-col-line = 行
agency-upload-col-column = 列
agency-upload-col-reason = 问题
agency-upload-missing = 请选择要上传的 CSV 文件。
agency-upload-too-large = 文件大于 10 MB。请把它拆分成几个部分，分别上传。
agency-page = 第 { $page } 页，共 { $pages } 页
page-previous = 上一页
page-next = 下一页
contact-phone = 电话
contact-email = 电子邮件

## Commissioner map
map-title = 哪里缺少照护服务？
map-intro = 每个地区的颜色表示：有这种需要的人当中，有多少人在距离范围内能找到护理员或服务。
map-need = 需要
map-distance = 距离范围
map-show = 显示地图
map-download-geojson = 下载 GeoJSON
map-download-csv = 下载 CSV
map-table-title = 各地区（缺口最大的排在最前）
map-col-area = 地区
map-col-demand = 人数
map-col-carers = 护理员
map-col-providers = 服务
map-col-nearest = 最近距离（公里）
map-col-severity = 缺口
map-sort = 按{ $column }排序
map-no-authorities = 还没有导入任何地方政府。请先运行 carematch import authorities、boundaries 和 census。
severity-none_in_reach = 范围内没有
severity-severe = 严重
severity-moderate = 中等
severity-adequate = 足够
severity-demand_unknown = 需求不明
severity-no_demand = 没有需求

## Errors
not-found-title = 找不到页面
not-found-body = 这个网址没有任何页面。

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = 粤菜
cuisine-north_chinese = 北方菜
cuisine-vietnamese = 越南菜
cuisine-filipino = 菲律宾菜
cuisine-punjabi = 旁遮普菜
cuisine-gujarati = 古吉拉特菜
cuisine-bengali = 孟加拉和锡尔赫特菜
cuisine-pakistani = 巴基斯坦菜
cuisine-south_indian = 南印度菜
cuisine-sri_lankan = 斯里兰卡菜
cuisine-somali = 索马里菜
cuisine-east_african = 东非菜
cuisine-west_african = 西非菜
cuisine-caribbean = 加勒比菜
cuisine-middle_eastern = 中东菜
cuisine-persian = 波斯和阿富汗菜
cuisine-kurdish = 库尔德菜
cuisine-turkish = 土耳其菜
cuisine-greek_cypriot = 希腊塞浦路斯菜
cuisine-polish = 波兰菜
cuisine-eastern_european = 东欧菜
cuisine-jewish = 犹太家常菜
cuisine-irish = 爱尔兰菜
cuisine-british = 英国菜
diet-halal = 清真（Halal）
diet-kosher = 犹太洁食（Kosher）
diet-vegetarian = 素食
diet-vegan = 纯素（不吃任何动物产品）
diet-jain = 耆那教素食（不吃根茎类蔬菜）
diet-no_pork = 不吃猪肉
diet-no_beef = 不吃牛肉
faith-buddhist = 佛教
faith-christian = 基督教
faith-hindu = 印度教
faith-jewish = 犹太教
faith-muslim = 伊斯兰教
faith-sikh = 锡克教
faith-other = 其他宗教
faith-none = 没有宗教信仰
faith_practice-prayer_times = 尊重祷告时间
faith_practice-fasting = 支持斋戒
faith_practice-same_gender_personal_care = 由同性别的护理员提供个人护理
faith_practice-modest_dress = 衣着端庄
faith_practice-ritual_washing = 宗教洁净礼仪
faith_practice-religious_festivals = 宗教节日
faith_practice-accompany_to_worship = 陪同参加宗教活动
service-personal_care = 个人护理
service-meal_preparation = 做饭
service-domestic = 家务帮助
service-shopping = 购物
service-companionship = 陪伴聊天
service-medication_prompting = 提醒吃药
service-accompany_appointments = 陪同看病和赴约
service-night_support = 夜间照护
service-live_in = 住家照护
service-respite = 喘息服务（让照顾者休息）
service-day_activities = 日间活动
service-luncheon_club = 午餐聚会
service-befriending = 关怀探访
service-advocacy = 权益维护
service-interpreting = 口译
service-peer_support = 同伴支持
service-support_planning = 支持计划
service-direct_payment_support = 直接付款支持
medical_diet-diabetic = 糖尿病饮食（低糖）
medical_diet-soft = 软食，容易咀嚼
medical_diet-pureed = 泥状食物（打成糊）
medical_diet-thickened_fluids = 增稠流质
medical_diet-gluten_free = 无麸质（乳糜泻）
medical_diet-low_salt = 低盐
medical_diet-low_fat = 低脂
medical_diet-dairy_free = 不含奶制品
medical_diet-nut_free = 不含坚果
medical_diet-renal = 肾病饮食
delivery_mode-in_person = 面对面
delivery_mode-phone = 电话
delivery_mode-online = 网上（视频或文字聊天）
experience-dementia = 认知障碍症（失智症）
experience-mental_health = 心理健康
experience-physical_disability = 肢体残疾
experience-visual_impairment = 视力障碍
experience-hearing_impairment = 听力障碍
experience-learning_disability = 学习障碍（智力障碍）
experience-autism = 自闭症
experience-stroke = 中风
experience-end_of_life = 临终关怀
check-dbs_enhanced = 加强版 DBS 背景审查
check-right_to_work = 在英国工作的权利
check-public_liability_insurance = 公众责任保险
check-first_aid = 急救
check-food_hygiene = 食品卫生
check-manual_handling = 安全搬运和扶抱
check-cqc_registered = 已在护理质量委员会（CQC）注册
provider_kind-micro_provider = 社区小型服务提供者
provider_kind-charity = 慈善机构或社区团体
provider_kind-home_care_agency = 已在 CQC 注册的居家护理机构
provider_kind-day_service = 日间服务
provider_kind-luncheon_club = 午餐聚会
provider_kind-shared_lives = Shared Lives（共享生活）计划
provider_kind-advocacy = 权益维护服务
gender-female = 女性
gender-male = 男性
gender-non_binary = 非二元性别
weekday-mon = 星期一
weekday-tue = 星期二
weekday-wed = 星期三
weekday-thu = 星期四
weekday-fri = 星期五
weekday-sat = 星期六
weekday-sun = 星期日

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = 找不到这个项目
