//! The wording of enquiry mails. To agencies in English (they work in English with the council);
//! to the person in the language of the site when they sent the enquiry, from the small table of
//! sentences below (the web crate's Fluent catalogues are out of reach of the service).
//!
//! Mails to the person say what happened and who to call; they carry no status link, since
//! only the token's hash is stored: the person keeps the link they were given.

use carematch_domain::AgencyContact;
use carematch_domain::enquiry::{CloseReason, EnquiryStatus, InterfaceLocale};
use carematch_domain::vocabulary::Code;
use carematch_store::enquiries::{Enquiry, EnquiryContent};
use carematch_store::{MailKind, NewMail};

use super::contact_line;

/// The sentences of a status mail in one language. `{agency}`, `{reference}` and `{contact}`
/// are replaced.
struct Sentences {
    subject: &'static str,
    contacted: &'static str,
    introduced: &'static str,
    closed: &'static str,
    /// In [`CloseReason::ALL`] order.
    reasons: [&'static str; 5],
    reach: &'static str,
    footer: &'static str,
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
    subject: "carematch: news of your enquiry {reference}",
    contacted: "{agency} says they have been in touch with you about your enquiry {reference}.",
    introduced: "{agency} has introduced you to a carer or service about your enquiry {reference}.",
    closed: "{agency} has closed your enquiry {reference}.",
    reasons: [
        "Reason: you have found care.",
        "Reason: you decided not to go ahead.",
        "Reason: they could not reach you.",
        "Reason: nobody suitable was available.",
        "Reason: other.",
    ],
    reach: "To reach {agency}: {contact}",
    footer: "To see the status, or to withdraw your enquiry and delete your details, use the \
             private link you were given when you sent it.",
};

const ZH_HANT: Sentences = Sentences {
    subject: "carematch：您的查詢 {reference} 有新消息",
    contacted: "{agency} 表示已就您的查詢 {reference} 與您聯絡。",
    introduced: "{agency} 已就您的查詢 {reference} 為您介紹一位護理員或服務。",
    closed: "{agency} 已結束您的查詢 {reference}。",
    reasons: [
        "原因：您已找到照顧服務。",
        "原因：您決定不再繼續。",
        "原因：他們未能聯絡到您。",
        "原因：暫時沒有合適的人選。",
        "原因：其他。",
    ],
    reach: "聯絡 {agency}：{contact}",
    footer: "如要查看進度，或撤回查詢並刪除您的資料，請使用您提交查詢時收到的私人連結。",
};

const ZH_HANS: Sentences = Sentences {
    subject: "carematch：您的咨询 {reference} 有新消息",
    contacted: "{agency} 表示已就您的咨询 {reference} 与您联系。",
    introduced: "{agency} 已就您的咨询 {reference} 为您介绍了一位护理员或服务。",
    closed: "{agency} 已结束您的咨询 {reference}。",
    reasons: [
        "原因：您已找到照护服务。",
        "原因：您决定不再继续。",
        "原因：他们未能联系到您。",
        "原因：暂时没有合适的人选。",
        "原因：其他。",
    ],
    reach: "联系 {agency}：{contact}",
    footer: "如需查看进度，或撤回咨询并删除您的资料，请使用您提交咨询时收到的私人链接。",
};

const PA: Sentences = Sentences {
    subject: "carematch: ਤੁਹਾਡੀ ਪੁੱਛਗਿੱਛ {reference} ਬਾਰੇ ਖ਼ਬਰ",
    contacted: "{agency} ਦਾ ਕਹਿਣਾ ਹੈ ਕਿ ਉਨ੍ਹਾਂ ਨੇ ਤੁਹਾਡੀ ਪੁੱਛਗਿੱਛ {reference} ਬਾਰੇ ਤੁਹਾਡੇ ਨਾਲ ਸੰਪਰਕ ਕੀਤਾ ਹੈ।",
    introduced: "{agency} ਨੇ ਤੁਹਾਡੀ ਪੁੱਛਗਿੱਛ {reference} ਬਾਰੇ ਤੁਹਾਨੂੰ ਕਿਸੇ ਦੇਖਭਾਲ ਕਰਨ ਵਾਲੇ ਜਾਂ ਸੇਵਾ ਨਾਲ ਮਿਲਾਇਆ ਹੈ।",
    closed: "{agency} ਨੇ ਤੁਹਾਡੀ ਪੁੱਛਗਿੱਛ {reference} ਬੰਦ ਕਰ ਦਿੱਤੀ ਹੈ।",
    reasons: [
        "ਕਾਰਨ: ਤੁਹਾਨੂੰ ਦੇਖਭਾਲ ਮਿਲ ਗਈ ਹੈ।",
        "ਕਾਰਨ: ਤੁਸੀਂ ਅੱਗੇ ਨਾ ਵਧਣ ਦਾ ਫ਼ੈਸਲਾ ਕੀਤਾ।",
        "ਕਾਰਨ: ਉਹ ਤੁਹਾਡੇ ਨਾਲ ਸੰਪਰਕ ਨਹੀਂ ਕਰ ਸਕੇ।",
        "ਕਾਰਨ: ਕੋਈ ਢੁਕਵਾਂ ਵਿਅਕਤੀ ਉਪਲਬਧ ਨਹੀਂ ਸੀ।",
        "ਕਾਰਨ: ਹੋਰ।",
    ],
    reach: "{agency} ਨਾਲ ਸੰਪਰਕ: {contact}",
    footer: "ਸਥਿਤੀ ਦੇਖਣ ਲਈ, ਜਾਂ ਆਪਣੀ ਪੁੱਛਗਿੱਛ ਵਾਪਸ ਲੈਣ ਅਤੇ ਆਪਣੇ ਵੇਰਵੇ ਮਿਟਾਉਣ ਲਈ, ਉਹ ਨਿੱਜੀ ਲਿੰਕ ਵਰਤੋ ਜੋ ਤੁਹਾਨੂੰ \
             ਪੁੱਛਗਿੱਛ ਭੇਜਣ ਵੇਲੇ ਮਿਲਿਆ ਸੀ।",
};

const UR: Sentences = Sentences {
    subject: "carematch: آپ کی پوچھ گچھ {reference} کے بارے میں خبر",
    contacted: "{agency} کا کہنا ہے کہ انہوں نے آپ کی پوچھ گچھ {reference} کے بارے میں آپ سے رابطہ کیا ہے۔",
    introduced: "{agency} نے آپ کی پوچھ گچھ {reference} کے سلسلے میں آپ کا تعارف کسی نگہداشت کرنے والے یا سروس سے کرایا ہے۔",
    closed: "{agency} نے آپ کی پوچھ گچھ {reference} بند کر دی ہے۔",
    reasons: [
        "وجہ: آپ کو نگہداشت مل گئی ہے۔",
        "وجہ: آپ نے آگے نہ بڑھنے کا فیصلہ کیا۔",
        "وجہ: وہ آپ سے رابطہ نہیں کر سکے۔",
        "وجہ: کوئی موزوں فرد دستیاب نہیں تھا۔",
        "وجہ: دیگر۔",
    ],
    reach: "{agency} سے رابطہ: {contact}",
    footer: "صورتحال دیکھنے کے لیے، یا اپنی پوچھ گچھ واپس لینے اور اپنی تفصیلات حذف کرنے کے لیے، وہ نجی \
             لنک استعمال کریں جو آپ کو پوچھ گچھ بھیجتے وقت دیا گیا تھا۔",
};

const BN: Sentences = Sentences {
    subject: "carematch: আপনার অনুসন্ধান {reference} সম্পর্কে খবর",
    contacted: "{agency} জানিয়েছে যে তারা আপনার অনুসন্ধান {reference} নিয়ে আপনার সঙ্গে যোগাযোগ করেছে।",
    introduced: "{agency} আপনার অনুসন্ধান {reference} নিয়ে আপনাকে একজন পরিচর্যাকারী বা একটি সেবার সঙ্গে পরিচয় করিয়ে দিয়েছে।",
    closed: "{agency} আপনার অনুসন্ধান {reference} বন্ধ করেছে।",
    reasons: [
        "কারণ: আপনি পরিচর্যা পেয়েছেন।",
        "কারণ: আপনি আর এগোতে চাননি।",
        "কারণ: তারা আপনার সঙ্গে যোগাযোগ করতে পারেনি।",
        "কারণ: উপযুক্ত কাউকে পাওয়া যায়নি।",
        "কারণ: অন্যান্য।",
    ],
    reach: "{agency}-এর সঙ্গে যোগাযোগ: {contact}",
    footer: "অবস্থা দেখতে, অথবা আপনার অনুসন্ধান প্রত্যাহার করে আপনার তথ্য মুছে ফেলতে, অনুসন্ধান \
             পাঠানোর সময় পাওয়া ব্যক্তিগত লিংকটি ব্যবহার করুন।",
};

const GU: Sentences = Sentences {
    subject: "carematch: તમારી પૂછપરછ {reference} વિશે સમાચાર",
    contacted: "{agency} જણાવે છે કે તેમણે તમારી પૂછપરછ {reference} વિશે તમારો સંપર્ક કર્યો છે.",
    introduced: "{agency} એ તમારી પૂછપરછ {reference} વિશે તમારો પરિચય કોઈ સંભાળ રાખનાર અથવા સેવા સાથે કરાવ્યો છે.",
    closed: "{agency} એ તમારી પૂછપરછ {reference} બંધ કરી છે.",
    reasons: [
        "કારણ: તમને સંભાળ મળી ગઈ છે.",
        "કારણ: તમે આગળ ન વધવાનું નક્કી કર્યું.",
        "કારણ: તેઓ તમારો સંપર્ક કરી શક્યા નહીં.",
        "કારણ: કોઈ યોગ્ય વ્યક્તિ ઉપલબ્ધ ન હતી.",
        "કારણ: અન્ય.",
    ],
    reach: "{agency} નો સંપર્ક: {contact}",
    footer: "સ્થિતિ જોવા માટે, અથવા તમારી પૂછપરછ પાછી ખેંચીને તમારી વિગતો કાઢી નાખવા માટે, પૂછપરછ \
             મોકલતી વખતે મળેલી ખાનગી લિંકનો ઉપયોગ કરો.",
};

const SO: Sentences = Sentences {
    subject: "carematch: war ku saabsan weydiintaada {reference}",
    contacted: "{agency} waxay sheegtay inay kula soo xiriireen weydiintaada {reference}.",
    introduced: "{agency} waxay kugu baratay daryeele ama adeeg, oo ku saabsan weydiintaada {reference}.",
    closed: "{agency} waxay xidhay weydiintaada {reference}.",
    reasons: [
        "Sababta: daryeel ayaad heshay.",
        "Sababta: waxaad go'aansatay inaadan sii wadin.",
        "Sababta: way kula xiriiri waayeen.",
        "Sababta: qof ku habboon lama helin.",
        "Sababta: wax kale.",
    ],
    reach: "La xiriir {agency}: {contact}",
    footer: "Si aad u aragto xaaladda, ama aad u joojiso weydiintaada oo aad u tirtirto \
             xogtaada, isticmaal xiriirka gaarka ah ee lagu siiyay markaad dirtay.",
};

const PL: Sentences = Sentences {
    subject: "carematch: wiadomość o Twoim zapytaniu {reference}",
    contacted: "Agencja {agency} informuje, że skontaktowała się z Tobą w sprawie zapytania {reference}.",
    introduced: "Agencja {agency} przedstawiła Ci opiekuna lub usługę w sprawie zapytania {reference}.",
    closed: "Agencja {agency} zamknęła Twoje zapytanie {reference}.",
    reasons: [
        "Powód: masz już opiekę.",
        "Powód: postanowiono nie kontynuować.",
        "Powód: nie udało się z Tobą skontaktować.",
        "Powód: nie było dostępnej odpowiedniej osoby.",
        "Powód: inny.",
    ],
    reach: "Kontakt z agencją {agency}: {contact}",
    footer: "Aby sprawdzić status albo wycofać zapytanie i usunąć swoje dane, użyj prywatnego \
             linku otrzymanego przy wysyłaniu zapytania.",
};

fn fill(template: &str, agency: &str, reference: &str, contact: &str) -> String {
    template
        .replace("{agency}", agency)
        .replace("{reference}", reference)
        .replace("{contact}", contact)
}

/// The agency's published phone and e-mail, as one line (empty when it published neither).
fn published(agency: &AgencyContact) -> String {
    [agency.phone.as_deref(), agency.email.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The mail to the person about a status change, in their language; `None` when they gave no
/// e-mail or the status is not one they hear about.
pub fn status_mail(enquiry: &Enquiry, agency: &AgencyContact) -> Option<NewMail> {
    let email = enquiry.contact.email.clone()?;
    let text = sentences(enquiry.locale);
    let contact = published(agency);
    let line = |t: &str| fill(t, &agency.name, &enquiry.reference, &contact);
    let mut body = match enquiry.status {
        EnquiryStatus::New => return None,
        EnquiryStatus::Contacted => line(text.contacted),
        EnquiryStatus::Introduced => line(text.introduced),
        EnquiryStatus::Closed => line(text.closed),
    };
    if let Some(reason) = enquiry.close_reason {
        let i = CloseReason::ALL
            .iter()
            .position(|r| *r == reason)
            .unwrap_or(CloseReason::ALL.len() - 1);
        body.push('\n');
        body.push_str(text.reasons[i]);
    }
    if !contact.is_empty() {
        body.push_str("\n\n");
        body.push_str(&line(text.reach));
    }
    body.push_str("\n\n");
    body.push_str(text.footer);
    body.push('\n');
    Some(NewMail {
        kind: MailKind::EnquiryStatus,
        agency: Some(enquiry.agency_id),
        enquiry: Some(enquiry.id),
        vacancy: None,
        recipient: email,
        subject: line(text.subject),
        body,
    })
}

/// The mail to an agency about a new enquiry (English); `None` when the agency published no
/// e-mail address (its console inbox still shows the enquiry).
pub fn agency_mail(
    agency: &AgencyContact,
    reference: &str,
    items: &[&str],
    content: &EnquiryContent,
    site: &str,
) -> Option<NewMail> {
    let recipient = agency.email.as_deref().unwrap_or_default().trim();
    if recipient.is_empty() {
        return None;
    }
    let mut body = format!(
        "A member of the public has sent an enquiry through carematch about records {} holds.\n\n\
         Reference: {reference}\nAbout: {}\nName: {}\nHow to reach them: {}\n",
        agency.name,
        items.join("; "),
        content.name,
        contact_line(&content.contact),
    );
    if let Some(email) = &content.contact.email
        && content.contact.by != carematch_domain::enquiry::ContactBy::Email
    {
        body.push_str(&format!("E-mail: {email}\n"));
    }
    if let Some(area) = &content.outward_code {
        body.push_str(&format!("Area: {area}\n"));
    }
    let needs = &content.needs;
    let mut searched = Vec::new();
    let labels = |codes: Vec<&'static str>| codes.join(", ");
    if !needs.languages.is_empty() {
        searched.push(format!(
            "languages: {}",
            labels(needs.languages.iter().map(|c| c.label_en()).collect())
        ));
    }
    if !needs.diets.is_empty() {
        searched.push(format!(
            "diets: {}",
            labels(needs.diets.iter().map(|c| c.label_en()).collect())
        ));
    }
    if !needs.services.is_empty() {
        searched.push(format!(
            "services: {}",
            labels(needs.services.iter().map(|c| c.label_en()).collect())
        ));
    }
    if !searched.is_empty() {
        body.push_str(&format!("They searched for: {}\n", searched.join("; ")));
    }
    if !content.message.is_empty() {
        body.push_str(&format!("\nMessage:\n{}\n", content.message));
    }
    body.push_str(&format!(
        "\nThey agreed that these details are shared with {}. They are personal data: keep \
         them only as long as you need them to help.\n\nOpen the enquiry in your inbox: \
         {}/agency/enquiries\n",
        agency.name,
        site.trim_end_matches('/'),
    ));
    Some(NewMail {
        kind: MailKind::EnquiryReceived,
        agency: Some(agency.id),
        enquiry: None,
        vacancy: None,
        recipient: recipient.to_owned(),
        subject: format!("New enquiry {reference} from carematch"),
        body,
    })
}

/// The notice to an agency that the person withdrew an enquiry: the reference only, no
/// personal details (they are deleted).
pub fn withdrawn_mail(agency: &AgencyContact, reference: &str, site: &str) -> Option<NewMail> {
    let recipient = agency.email.as_deref().unwrap_or_default().trim();
    if recipient.is_empty() {
        return None;
    }
    Some(NewMail {
        kind: MailKind::EnquiryStatus,
        agency: Some(agency.id),
        // Not tied to the enquiry: it is gone, and this notice holds nothing personal.
        enquiry: None,
        vacancy: None,
        recipient: recipient.to_owned(),
        subject: format!("Enquiry {reference} was withdrawn"),
        body: format!(
            "The person who sent the enquiry {reference} has withdrawn it, and carematch has \
             deleted their details. Please delete any copy you keep, such as the e-mail that \
             told you about it.\n\nYour inbox: {}/agency/enquiries\n",
            site.trim_end_matches('/'),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_sentence_with_its_placeholders() {
        for locale in InterfaceLocale::ALL {
            let text = sentences(locale);
            for template in [text.subject, text.contacted, text.introduced, text.closed] {
                assert!(template.contains("{reference}"), "{locale:?}: {template}");
            }
            for template in [text.contacted, text.introduced, text.closed, text.reach] {
                assert!(template.contains("{agency}"), "{locale:?}: {template}");
            }
            assert!(text.reach.contains("{contact}"));
            if locale != InterfaceLocale::En {
                assert_ne!(text.footer, EN.footer, "{locale:?} is not translated");
                assert_ne!(text.reasons, EN.reasons, "{locale:?} is not translated");
            }
        }
    }
}
