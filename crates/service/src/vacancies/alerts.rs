//! The e-mails vacancies queue: alerts to agencies with a matching PA, and news for the owner
//! agency of a PA put forward. They carry the needs, the outward code and the reference only:
//! no plan details beyond the needs, nothing about the person.

use carematch_domain::AgencyId;
use carematch_domain::vocabulary::Code;
use carematch_store::vacancies::{NewVacancy, Vacancy, VacancyNeeds};
use carematch_store::{MailKind, NewMail};

fn codes<T: Code>(list: &[T]) -> String {
    if list.is_empty() {
        return "-".to_owned();
    }
    list.iter()
        .map(|c| format!("{} ({})", c.label_en(), c.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The needs in a few lines of plain English.
pub(crate) fn needs_text(needs: &VacancyNeeds) -> String {
    format!(
        "Languages: {}\nDiets: {}\nFaith practices: {}\nServices: {}\n",
        codes(&needs.languages),
        codes(&needs.dietary_laws),
        codes(&needs.faith_practices),
        codes(&needs.services),
    )
}

fn area(outward: &str) -> &str {
    if outward.is_empty() {
        "your area"
    } else {
        outward
    }
}

/// To `agency`: a new vacancy one of its PAs matches.
/// `site` is the public address of the site (setting `public_url`), for the console link.
pub(crate) fn vacancy_alert(
    agency: AgencyId,
    email: &str,
    new: &NewVacancy,
    site: &str,
) -> NewMail {
    let needs = VacancyNeeds::of_plan(&new.plan);
    let urgent = if new.urgent {
        "URGENT (leaving hospital). "
    } else {
        ""
    };
    NewMail {
        kind: MailKind::VacancyAlert,
        agency: Some(agency),
        enquiry: None,
        vacancy: None,
        recipient: email.to_owned(),
        subject: format!(
            "{urgent}New vacancy near {} that your PAs match",
            area(&new.outward_code)
        ),
        body: format!(
            "{urgent}A new vacancy ({reference}) near {outward} matches at least one of your PAs.\n\n\
             {needs}\nSee it, with the PAs who match and why, in the agency console, and put a \
             PA forward there: {site}/agency/vacancies\n",
            reference = new.reference,
            outward = area(&new.outward_code),
            needs = needs_text(&needs),
        ),
    }
}

/// To the owner agency: a PA was put forward for its vacancy.
pub(crate) fn put_forward(owner: AgencyId, email: &str, vacancy: &Vacancy, site: &str) -> NewMail {
    NewMail {
        kind: MailKind::VacancyUpdate,
        agency: Some(owner),
        enquiry: None,
        vacancy: Some(vacancy.id),
        recipient: email.to_owned(),
        subject: format!("A PA was put forward for vacancy {}", vacancy.reference),
        body: format!(
            "Another agency put a PA forward for your vacancy {} near {}.\n\
             See who, and the agency's contact details, in the agency console: {}/agency/vacancies\n",
            vacancy.reference,
            area(&vacancy.outward_code),
            site,
        ),
    }
}
