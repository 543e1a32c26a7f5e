# 幫助頁面 (/help)。地方議會可以用 `<help_dir>/zh-Hant/help.ftl` 取代任何訊息，並可加入
# `help-council`（議會自己的說明，顯示在每個幫助頁面）；見 docs/web.md。清單訊息：每行一項。

help-title = 照顧服務與直接付款（Direct Payments）指南
help-intro = 在英格蘭用直接付款安排照顧時最常見問題的簡明解答。以您所屬議會的規定為準：如有疑問，請向議會或其直接付款支援服務查詢。
help-sources = 資料來源（英文）
help-disclaimer = 本頁只提供一般資訊，並非法律或財務意見。直接付款可用於甚麼，由您所屬的議會決定。
help-back = 所有幫助主題

help-source-apply = GOV.UK：申請直接付款（Apply for direct payments）
help-source-guidance = 衞生及社會護理部：照顧與支援法定指引，第 12 章（直接付款）
help-source-regulations = 《2014 年照顧與支援（直接付款）規例》第 3 條
help-source-skills-for-care = Skills for Care：聘用個人助理工具包，招聘個人助理

help-dp-title = 直接付款可以支付甚麼
help-dp-summary = 符合您支援計劃中需要的照顧與支援，以及不可以用來支付的項目。
help-dp-intro = 直接付款是議會發給您的款項，代替由議會安排的照顧，讓您自行選擇和安排照顧與支援。如果議會評估您有合資格的需要，而您（或代表您的人）能夠管理這筆款項，就可以申請。
help-dp-can-heading = 可以支付
help-dp-can =
    您自己聘用的個人助理（PA）
    您選擇的家居照顧機構
    符合計劃中需要的日間活動、會所和小組，例如社區午餐會
    短期休息，包括短暫入住護理院（通常每年最多連續四星期）
    計劃中列明的器材或家居小改動
    管理款項的協助：發薪、保險和支援服務
help-dp-cannot-heading = 不可以支付
help-dp-cannot =
    長期入住護理院
    議會本身提供的服務
    任何不符合支援計劃中需要的東西
    支付您的丈夫、妻子或伴侶，或與您同住的近親，除非議會同意有此必要（見「家人何時可以受薪擔任個人助理」）
help-dp-plan-heading = 以您的支援計劃為準
help-dp-plan = 您購買的服務必須符合支援計劃中寫明的需要和目標。請保留收據、工時記錄和銀行結單：議會通常每隔幾個月查核款項的用途。如果您的需要有變，請要求覆檢。

help-employ-title = 自己聘用個人助理，還是透過機構
help-employ-summary = 做僱主、使用機構，以及兩者之間的協助。
help-employ-intro = 您可以用直接付款自己聘用個人助理，或付款給聘用照顧員的機構。很多人選擇個人助理，因為可以挑選說自己語言、會煮自己飲食、明白自己信仰的人。
help-employ-self-heading = 自己聘用個人助理
help-employ-self = 您聘用個人助理時，您就是僱主，要履行僱主的責任：
help-employ-duties =
    書面合約和職責說明
    最少支付國家最低工資，以及假期薪酬和病假薪酬
    發薪：透過 PAYE 繳交稅款和國民保險，並在規定適用時提供職場退休金
    僱主責任保險
    查核在英國工作的權利、推薦人，以及個人照顧所需的加強版 DBS 審查
    個人助理生病或休假時的替工安排
help-employ-agency-heading = 使用機構
help-employ-agency = 機構負責聘用、培訓和調配照顧員；提供個人照顧的機構必須在照顧質素委員會（CQC）註冊。每小時收費較高，您對由誰上門的選擇也較少；請問機構能否派同一批說您語言的人員。
help-employ-support-heading = 兩者之間的協助
help-employ-support = 大部分議會都資助直接付款支援服務，可以協助您招聘、擬定合約、處理發薪和購買保險；有些還可以用託管帳戶替您保管款項。請向議會查詢您所在地區由誰提供。

help-family-title = 家人何時可以受薪擔任個人助理
help-family-summary = 住在別處的親屬通常可以；與您同住的親屬，須經議會同意。
help-family-intro = 英格蘭的法律限制用直接付款支付親屬，但並非禁止。關鍵是他們與您的關係，以及是否與您同住。每個個案由議會決定。
help-family-elsewhere-heading = 住在別處的親屬
help-family-elsewhere = 住在另一個住戶的親屬，例如自己有住所的女兒、外甥或表親，通常可以像其他人一樣受聘為您的個人助理，合約、薪酬和審查都一樣。
help-family-household-heading = 與您同住的親屬
help-family-household = 與您同住的近親（父母、子女、兄弟姊妹、叔伯姑姨舅、祖父母，或他們的配偶和伴侶），只有在議會決定有必要時，為了照顧您的需要或協助管理款項，才可以受薪。這種情況有，但屬例外。
help-family-partner-heading = 您的丈夫、妻子或伴侶
help-family-partner = 您的丈夫、妻子、民事伴侶或同居伴侶，不論住在哪裏，都同樣需要議會批准這個例外。
help-family-ask-heading = 向議會提出
help-family-ask = 請以書面提出，說明為何親屬是合適人選。議會會考慮以下理由：
help-family-reasons =
    附近沒有其他人說您的語言，或明白您的文化或信仰
    照顧涉及私密部位，您較希望由親屬照顧
    在您需要的時間沒有其他人可以提供照顧
    您需要臨終照顧，或短期內急需照顧

help-questions-title = 向個人助理或照顧機構提出的問題
help-questions-summary = 答應之前要問甚麼，確保照顧適合您。
help-questions-intro = 答應之前先見面，如有需要可以找一位信任的人陪同。這些問題有助您了解這個人或機構是否切合您的需要。
help-questions-fit-heading = 適合您嗎？
help-questions-fit =
    您會說哪些語言，說得有多流利？
    您能煮我吃的食物嗎？能按我的需要準備清真、猶太潔食或素食嗎？
    您明白我的信仰嗎：祈禱時間、齋戒、端莊衣著、同性別照顧員？
    您以前照顧過需要跟我相似的人嗎？
help-questions-work-heading = 怎樣安排？
help-questions-work =
    您哪些日子和時間可以工作？願意到多遠的地方？
    您每小時收費多少？包括甚麼？
    您生病或休假時，由誰替工？
    有變動時我們怎樣通知對方？您需要多少天通知？
help-questions-checks-heading = 審查
help-questions-checks =
    可以看看您的 DBS 證書嗎？是多久以前的？
    您能提供兩位推薦人嗎？其中一位來自最近的照顧工作？
    您受過甚麼培訓，例如照顧證書（Care Certificate）、搬移及處理、急救？
    您是否已在 CQC 註冊（提供個人照顧的機構必須註冊）？
