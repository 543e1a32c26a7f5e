# 帮助页面 (/help)。地方政府可以用 `<help_dir>/zh-Hans/help.ftl` 替换任何消息，并可加入
# `help-council`（地方政府自己的说明，显示在每个帮助页面）；见 docs/web.md。列表消息：每行一项。

help-title = 照护服务与直接支付（Direct Payments）指南
help-intro = 在英格兰用直接支付安排照护时最常见问题的简明解答。以您所在地方政府（council）的规定为准：如有疑问，请向地方政府或其直接支付支持服务咨询。
help-sources = 资料来源（英文）
help-disclaimer = 本页只提供一般信息，并非法律或财务建议。直接支付可以用于什么，由您所在的地方政府决定。
help-back = 所有帮助主题

help-source-apply = GOV.UK：申请直接支付（Apply for direct payments）
help-source-guidance = 卫生和社会护理部：照护与支持法定指南，第 12 章（直接支付）
help-source-regulations = 《2014 年照护与支持（直接支付）条例》第 3 条
help-source-skills-for-care = Skills for Care：雇用个人助理工具包，招聘个人助理

help-dp-title = 直接支付可以支付什么
help-dp-summary = 符合您支持计划中需要的照护与支持，以及不能用来支付的项目。
help-dp-intro = 直接支付是地方政府发给您的款项，代替由地方政府安排的照护，让您自己选择和安排照护与支持。如果地方政府评估您有符合条件的需要，而您（或代表您的人）能够管理这笔钱，就可以申请。
help-dp-can-heading = 可以支付
help-dp-can =
    您自己雇用的个人助理（PA）
    您选择的居家照护机构
    符合计划中需要的日间活动、俱乐部和小组，例如社区午餐会
    短期休息，包括短期入住养老院（通常每年最多连续四周）
    计划中列明的设备或家中的小改动
    管理款项的帮助：发工资、保险和支持服务
help-dp-cannot-heading = 不能支付
help-dp-cannot =
    长期入住养老院
    地方政府自己提供的服务
    任何不符合支持计划中需要的东西
    支付您的丈夫、妻子或伴侣，或与您同住的近亲，除非地方政府同意有必要（见“家人何时可以拿报酬担任个人助理”）
help-dp-plan-heading = 以您的支持计划为准
help-dp-plan = 您购买的服务必须符合支持计划中写明的需要和目标。请保留收据、工时记录和银行对账单：地方政府通常每隔几个月核查款项的用途。如果您的需要有变化，请要求重新评估。

help-employ-title = 自己雇用个人助理，还是通过机构
help-employ-summary = 当雇主、使用机构，以及两者之间的帮助。
help-employ-intro = 您可以用直接支付自己雇用个人助理，或付钱给雇用护理员的机构。很多人选择个人助理，因为可以挑选说自己语言、会做自己饮食、理解自己信仰的人。
help-employ-self-heading = 自己雇用个人助理
help-employ-self = 您雇用个人助理时，您就是雇主，要履行雇主的责任：
help-employ-duties =
    书面合同和岗位说明
    至少支付国家最低工资，以及带薪假期和病假工资
    发工资：通过 PAYE 缴纳税款和国民保险，并在规定适用时提供职场养老金
    雇主责任保险
    核查在英国工作的权利、推荐人，以及个人照护所需的加强版 DBS 审查
    个人助理生病或休假时的替班安排
help-employ-agency-heading = 使用机构
help-employ-agency = 机构负责雇用、培训和调配护理员；提供个人照护的机构必须在护理质量委员会（CQC）注册。每小时费用更高，您对谁上门的选择也更少；请问机构能否派同一批说您语言的人员。
help-employ-support-heading = 两者之间的帮助
help-employ-support = 大多数地方政府都资助直接支付支持服务，可以帮您招聘、起草合同、处理工资和购买保险；有些还可以用托管账户替您保管款项。请向地方政府询问您所在地区由谁提供。

help-family-title = 家人何时可以拿报酬担任个人助理
help-family-summary = 住在别处的亲属通常可以；与您同住的亲属，须经地方政府同意。
help-family-intro = 英格兰的法律限制用直接支付付钱给亲属，但并非禁止。关键是他们与您的关系，以及是否与您同住。每个个案由地方政府决定。
help-family-elsewhere-heading = 住在别处的亲属
help-family-elsewhere = 住在另一户的亲属，例如有自己住所的女儿、外甥或表亲，通常可以像其他人一样受雇为您的个人助理，合同、工资和审查都一样。
help-family-household-heading = 与您同住的亲属
help-family-household = 与您同住的近亲（父母、子女、兄弟姐妹、叔伯姑姨舅、祖父母，或他们的配偶和伴侣），只有在地方政府决定有必要时，为了满足您的需要或帮助管理款项，才可以拿报酬。这种情况有，但属例外。
help-family-partner-heading = 您的丈夫、妻子或伴侣
help-family-partner = 您的丈夫、妻子、民事伴侣或同居伴侣，不论住在哪里，都同样需要地方政府批准这个例外。
help-family-ask-heading = 向地方政府提出
help-family-ask = 请以书面提出，说明为什么亲属是合适人选。地方政府会考虑以下理由：
help-family-reasons =
    附近没有其他人说您的语言，或理解您的文化或信仰
    照护涉及私密部位，您更希望由亲属照护
    在您需要的时间没有其他人能提供照护
    您需要临终照护，或短期内急需照护

help-questions-title = 向个人助理或照护机构提出的问题
help-questions-summary = 答应之前要问什么，确保照护适合您。
help-questions-intro = 答应之前先见面，如有需要可以请一位信任的人陪同。这些问题帮助您了解这个人或机构是否符合您的需要。
help-questions-fit-heading = 适合您吗？
help-questions-fit =
    您会说哪些语言，说得有多流利？
    您能做我吃的饭菜吗？能按我的需要准备清真、犹太洁食或素食吗？
    您理解我的信仰吗：祈祷时间、斋戒、端庄着装、同性别护理员？
    您以前照护过需要跟我相似的人吗？
help-questions-work-heading = 怎么安排？
help-questions-work =
    您哪些日子和时间可以工作？愿意去多远的地方？
    您每小时收费多少？包括什么？
    您生病或休假时，由谁替班？
    有变动时我们怎么通知对方？您需要提前多少天通知？
help-questions-checks-heading = 审查
help-questions-checks =
    可以看看您的 DBS 证书吗？是多久以前的？
    您能提供两位推荐人吗？其中一位来自最近的照护工作？
    您受过什么培训，例如照护证书（Care Certificate）、搬移与操作、急救？
    您是否已在 CQC 注册（提供个人照护的机构必须注册）？
