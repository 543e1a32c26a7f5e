//! The wording of listings mails: links and decisions to an organisation in the language it
//! registered in, from the small table below (the web crate's Fluent catalogues are out of
//! reach of the service, as for enquiry mails); the note to moderators in English (council
//! staff work in English, as agencies do).

use carematch_domain::SubmissionKind;
use carematch_domain::enquiry::InterfaceLocale;
use carematch_store::{LinkPurpose, MailKind, NewMail, Submission};

use crate::accounts::LinkMail;

/// One language's sentences. `{name}`, `{link}`, `{id}` and `{reason}` are replaced.
struct Sentences {
    confirm_subject: &'static str,
    confirm_body: &'static str,
    sign_in_subject: &'static str,
    sign_in_body: &'static str,
    decided_subject: &'static str,
    approved: &'static str,
    rejected: &'static str,
}

fn sentences(locale: InterfaceLocale) -> &'static Sentences {
    match locale {
        InterfaceLocale::En => &EN,
        InterfaceLocale::ZhHant => &ZH_HANT,
        InterfaceLocale::ZhHans => &ZH_HANS,
        InterfaceLocale::Pa => &PA,
        InterfaceLocale::Ur => &UR,
        InterfaceLocale::Bn => &BN,
        InterfaceLocale::Gu => &GU,
        InterfaceLocale::So => &SO,
        InterfaceLocale::Pl => &PL,
    }
}

const EN: Sentences = Sentences {
    confirm_subject: "carematch: confirm the e-mail address of {name}",
    confirm_body: "To confirm this address and sign in to {name}'s listings, open this link within 7 days:\n\n{link}\n\nIf you did not register, ignore this message.",
    sign_in_subject: "carematch: your sign-in link",
    sign_in_body: "To sign in to carematch, open this link within 30 minutes (it works once):\n\n{link}\n\nIf you did not ask for it, ignore this message.",
    decided_subject: "carematch: decision on your submission {id}",
    approved: "Your submission {id} was approved; the listing is now public.",
    rejected: "Your submission {id} was not approved. The moderator's reason:\n\n{reason}",
};

const ZH_HANT: Sentences = Sentences {
    confirm_subject: "carematch：確認 {name} 的電郵地址",
    confirm_body: "請在 7 天內打開以下連結，以確認此地址並登入 {name} 的服務資料：\n\n{link}\n\n如果您沒有登記，請忽略此郵件。",
    sign_in_subject: "carematch：您的登入連結",
    sign_in_body: "請在 30 分鐘內打開以下連結登入 carematch（只可使用一次）：\n\n{link}\n\n如果您沒有要求登入，請忽略此郵件。",
    decided_subject: "carematch：您的提交 {id} 已有決定",
    approved: "您的提交 {id} 已獲批准，服務資料現已公開。",
    rejected: "您的提交 {id} 未獲批准。審核員的理由：\n\n{reason}",
};

const ZH_HANS: Sentences = Sentences {
    confirm_subject: "carematch：确认 {name} 的电子邮件地址",
    confirm_body: "请在 7 天内打开以下链接，以确认此地址并登录 {name} 的服务信息：\n\n{link}\n\n如果您没有注册，请忽略此邮件。",
    sign_in_subject: "carematch：您的登录链接",
    sign_in_body: "请在 30 分钟内打开以下链接登录 carematch（只能使用一次）：\n\n{link}\n\n如果您没有要求登录，请忽略此邮件。",
    decided_subject: "carematch：您的提交 {id} 已有决定",
    approved: "您的提交 {id} 已获批准，服务信息现已公开。",
    rejected: "您的提交 {id} 未获批准。审核员的理由：\n\n{reason}",
};

const PA: Sentences = Sentences {
    confirm_subject: "carematch: {name} ਦਾ ਈਮੇਲ ਪਤਾ ਪੱਕਾ ਕਰੋ",
    confirm_body: "ਇਹ ਪਤਾ ਪੱਕਾ ਕਰਨ ਅਤੇ {name} ਦੀਆਂ ਸੂਚੀਆਂ ਵਿੱਚ ਸਾਈਨ ਇਨ ਕਰਨ ਲਈ, 7 ਦਿਨਾਂ ਦੇ ਅੰਦਰ ਇਹ ਲਿੰਕ ਖੋਲ੍ਹੋ:\n\n{link}\n\nਜੇ ਤੁਸੀਂ ਰਜਿਸਟਰ ਨਹੀਂ ਕੀਤਾ, ਤਾਂ ਇਸ ਸੁਨੇਹੇ ਨੂੰ ਅਣਡਿੱਠ ਕਰੋ।",
    sign_in_subject: "carematch: ਤੁਹਾਡਾ ਸਾਈਨ-ਇਨ ਲਿੰਕ",
    sign_in_body: "carematch ਵਿੱਚ ਸਾਈਨ ਇਨ ਕਰਨ ਲਈ, 30 ਮਿੰਟਾਂ ਦੇ ਅੰਦਰ ਇਹ ਲਿੰਕ ਖੋਲ੍ਹੋ (ਇਹ ਇੱਕ ਵਾਰ ਕੰਮ ਕਰਦਾ ਹੈ):\n\n{link}\n\nਜੇ ਤੁਸੀਂ ਇਹ ਨਹੀਂ ਮੰਗਿਆ, ਤਾਂ ਇਸ ਸੁਨੇਹੇ ਨੂੰ ਅਣਡਿੱਠ ਕਰੋ।",
    decided_subject: "carematch: ਤੁਹਾਡੀ ਬੇਨਤੀ {id} ਬਾਰੇ ਫ਼ੈਸਲਾ",
    approved: "ਤੁਹਾਡੀ ਬੇਨਤੀ {id} ਮਨਜ਼ੂਰ ਹੋ ਗਈ ਹੈ; ਸੂਚੀ ਹੁਣ ਜਨਤਕ ਹੈ।",
    rejected: "ਤੁਹਾਡੀ ਬੇਨਤੀ {id} ਮਨਜ਼ੂਰ ਨਹੀਂ ਹੋਈ। ਸੰਚਾਲਕ ਦਾ ਕਾਰਨ:\n\n{reason}",
};

const UR: Sentences = Sentences {
    confirm_subject: "carematch: {name} کا ای میل پتہ تصدیق کریں",
    confirm_body: "اس پتے کی تصدیق کرنے اور {name} کی فہرستوں میں سائن ان کرنے کے لیے، 7 دن کے اندر یہ لنک کھولیں:\n\n{link}\n\nاگر آپ نے رجسٹر نہیں کیا تو اس پیغام کو نظر انداز کریں۔",
    sign_in_subject: "carematch: آپ کا سائن ان لنک",
    sign_in_body: "carematch میں سائن ان کرنے کے لیے، 30 منٹ کے اندر یہ لنک کھولیں (یہ ایک بار کام کرتا ہے):\n\n{link}\n\nاگر آپ نے یہ نہیں مانگا تو اس پیغام کو نظر انداز کریں۔",
    decided_subject: "carematch: آپ کی درخواست {id} پر فیصلہ",
    approved: "آپ کی درخواست {id} منظور ہو گئی ہے؛ فہرست اب عوامی ہے۔",
    rejected: "آپ کی درخواست {id} منظور نہیں ہوئی۔ ناظم کی وجہ:\n\n{reason}",
};

const BN: Sentences = Sentences {
    confirm_subject: "carematch: {name}-এর ইমেল ঠিকানা নিশ্চিত করুন",
    confirm_body: "এই ঠিকানা নিশ্চিত করতে এবং {name}-এর তালিকায় সাইন ইন করতে, ৭ দিনের মধ্যে এই লিঙ্কটি খুলুন:\n\n{link}\n\nআপনি নিবন্ধন না করে থাকলে এই বার্তাটি উপেক্ষা করুন।",
    sign_in_subject: "carematch: আপনার সাইন-ইন লিঙ্ক",
    sign_in_body: "carematch-এ সাইন ইন করতে, ৩০ মিনিটের মধ্যে এই লিঙ্কটি খুলুন (এটি একবারই কাজ করে):\n\n{link}\n\nআপনি এটি না চেয়ে থাকলে এই বার্তাটি উপেক্ষা করুন।",
    decided_subject: "carematch: আপনার জমা {id}-এর সিদ্ধান্ত",
    approved: "আপনার জমা {id} অনুমোদিত হয়েছে; তালিকাটি এখন সবার জন্য দৃশ্যমান।",
    rejected: "আপনার জমা {id} অনুমোদিত হয়নি। মডারেটরের কারণ:\n\n{reason}",
};

const GU: Sentences = Sentences {
    confirm_subject: "carematch: {name} નું ઇમેઇલ સરનામું પુષ્ટિ કરો",
    confirm_body: "આ સરનામાની પુષ્ટિ કરવા અને {name} ની યાદીઓમાં સાઇન ઇન કરવા, 7 દિવસમાં આ લિંક ખોલો:\n\n{link}\n\nજો તમે નોંધણી ન કરી હોય, તો આ સંદેશને અવગણો.",
    sign_in_subject: "carematch: તમારી સાઇન-ઇન લિંક",
    sign_in_body: "carematch માં સાઇન ઇન કરવા, 30 મિનિટમાં આ લિંક ખોલો (તે એક જ વાર ચાલે છે):\n\n{link}\n\nજો તમે તે માગી ન હોય, તો આ સંદેશને અવગણો.",
    decided_subject: "carematch: તમારી રજૂઆત {id} પર નિર્ણય",
    approved: "તમારી રજૂઆત {id} મંજૂર થઈ છે; યાદી હવે જાહેર છે.",
    rejected: "તમારી રજૂઆત {id} મંજૂર થઈ નથી. મોડરેટરનું કારણ:\n\n{reason}",
};

const SO: Sentences = Sentences {
    confirm_subject: "carematch: xaqiiji ciwaanka iimaylka ee {name}",
    confirm_body: "Si aad u xaqiijiso ciwaankan oo aad u gasho liisaska {name}, fur xiriirkan 7 maalmood gudahood:\n\n{link}\n\nHaddii aadan is-diiwaangelin, iska dhaaf fariintan.",
    sign_in_subject: "carematch: xiriirkaaga gelitaanka",
    sign_in_body: "Si aad u gasho carematch, fur xiriirkan 30 daqiiqo gudahood (hal mar ayuu shaqeeyaa):\n\n{link}\n\nHaddii aadan codsan, iska dhaaf fariintan.",
    decided_subject: "carematch: go'aanka codsigaaga {id}",
    approved: "Codsigaaga {id} waa la ansixiyay; liisku hadda waa dadweyne.",
    rejected: "Codsigaaga {id} lama ansixin. Sababta dhexdhexaadiyaha:\n\n{reason}",
};

const PL: Sentences = Sentences {
    confirm_subject: "carematch: potwierdź adres e-mail organizacji {name}",
    confirm_body: "Aby potwierdzić ten adres i zalogować się do wpisów organizacji {name}, otwórz ten link w ciągu 7 dni:\n\n{link}\n\nJeśli to nie Ty się rejestrowałeś, zignoruj tę wiadomość.",
    sign_in_subject: "carematch: Twój link do logowania",
    sign_in_body: "Aby zalogować się do carematch, otwórz ten link w ciągu 30 minut (działa jeden raz):\n\n{link}\n\nJeśli o niego nie prosiłeś, zignoruj tę wiadomość.",
    decided_subject: "carematch: decyzja w sprawie zgłoszenia {id}",
    approved: "Twoje zgłoszenie {id} zostało zatwierdzone; wpis jest teraz publiczny.",
    rejected: "Twoje zgłoszenie {id} nie zostało zatwierdzone. Powód moderatora:\n\n{reason}",
};

/// A link's mail in `locale` (`{link}` is left for [`crate::CareService::send_link`]).
pub fn link_mail(locale: InterfaceLocale, purpose: LinkPurpose, name: &str) -> LinkMail {
    let s = sentences(locale);
    let (subject, body) = match purpose {
        LinkPurpose::Confirm => (s.confirm_subject, s.confirm_body),
        LinkPurpose::SignIn => (s.sign_in_subject, s.sign_in_body),
    };
    LinkMail {
        subject: subject.replace("{name}", name),
        body: body.replace("{name}", name),
    }
}

/// The submitter's mail about a decision: approved (`reason` None) or rejected with `reason`.
pub fn decision_mail(
    locale: InterfaceLocale,
    recipient: String,
    submission: &Submission,
    reason: Option<&str>,
) -> NewMail {
    let s = sentences(locale);
    let id = submission.id.to_string();
    let body = match reason {
        None => s.approved.replace("{id}", &id),
        Some(reason) => s.rejected.replace("{id}", &id).replace("{reason}", reason),
    };
    moderation_mail(recipient, s.decided_subject.replace("{id}", &id), body)
}

/// A mail of the moderation workflow (kind `moderation`, no agency, enquiry or vacancy).
fn moderation_mail(recipient: String, subject: String, body: String) -> NewMail {
    NewMail {
        kind: MailKind::Moderation,
        agency: None,
        enquiry: None,
        vacancy: None,
        recipient,
        subject,
        body,
    }
}

/// A moderator's note that something new waits (no content: the queue page shows it).
pub fn moderators_mail(recipient: String, kind: SubmissionKind, site: &str) -> NewMail {
    moderation_mail(
        recipient,
        "carematch: a submission waits for moderation".to_owned(),
        format!(
            "A new submission ({kind}) waits in the moderation queue:\n\n{site}/moderation\n\nOver the API: GET {site}/v1/submissions?status=pending\n",
            kind = kind.code(),
            site = site.trim_end_matches('/')
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_keeps_the_placeholders() {
        for locale in InterfaceLocale::ALL {
            let s = sentences(locale);
            assert!(s.confirm_body.contains("{link}") && s.sign_in_body.contains("{link}"));
            assert!(s.confirm_subject.contains("{name}"), "{locale:?}");
            assert!(s.rejected.contains("{reason}") && s.approved.contains("{id}"));
        }
    }
}
