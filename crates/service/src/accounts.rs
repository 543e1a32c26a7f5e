//! Accounts that sign in by e-mailed one-time links (organisations, PAs, moderators): the
//! link is made and its mail queued in one transaction; following it redeems it once.
//! Links to confirm a new account last 7 days, sign-in links 30 minutes (docs/listings.md).

use carematch_store::{ApiKeyRecord, LinkPurpose, MailKind, NewMail};
use chrono::{TimeDelta, Utc};

use crate::tokens::{hash_token, new_token};
use crate::{CareService, ServiceError};

/// How long a link works.
pub fn link_lifetime(purpose: LinkPurpose) -> TimeDelta {
    match purpose {
        LinkPurpose::Confirm => TimeDelta::days(7),
        LinkPurpose::SignIn => TimeDelta::minutes(30),
    }
}

/// The path a link opens on the site (the web pages redeem it there).
pub fn link_path(purpose: LinkPurpose, token: &str) -> String {
    match purpose {
        LinkPurpose::Confirm => format!("/account/confirm/{token}"),
        LinkPurpose::SignIn => format!("/account/sign-in/{token}"),
    }
}

/// A link's mail, written by the caller in the account's language: the subject, and the body
/// around the link (`{link}` is replaced by the full address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkMail {
    pub subject: String,
    pub body: String,
}

impl CareService {
    /// Makes a one-time link for `key` (which must carry an e-mail) and queues its mail.
    /// Returns the link's full address; callers never show it on a page (it goes by e-mail
    /// only), tests read it from the outbox.
    pub fn send_link(
        &self,
        key: &ApiKeyRecord,
        purpose: LinkPurpose,
        mail: LinkMail,
    ) -> Result<String, ServiceError> {
        self.send_link_to(key, purpose, mail, |token| link_path(purpose, token))
    }

    /// [`Self::send_link`] to pages of another front door: `path(token)` is the link's path
    /// (a PA's links open `/pa/confirm/{token}` and `/pa/sign-in/{token}`).
    pub fn send_link_to(
        &self,
        key: &ApiKeyRecord,
        purpose: LinkPurpose,
        mail: LinkMail,
        path: impl FnOnce(&str) -> String,
    ) -> Result<String, ServiceError> {
        let recipient = key
            .email
            .clone()
            .ok_or_else(|| ServiceError::Internal(format!("key {} has no e-mail", key.id)))?;
        let token = new_token()?;
        let link = format!("{}{}", self.site_url().trim_end_matches('/'), path(&token));
        let mail = NewMail {
            kind: MailKind::SignInLink,
            agency: None,
            enquiry: None,
            vacancy: None,
            recipient,
            subject: mail.subject,
            body: mail.body.replace("{link}", &link),
        };
        self.store.create_sign_in_link(
            &hash_token(&token),
            key.id,
            purpose,
            Utc::now() + link_lifetime(purpose),
            &mail,
        )?;
        Ok(link)
    }

    /// Redeems a link's token: the key it signs in, or `NotFound` for an unknown, used,
    /// expired or revoked link (one answer for all, so a guess learns nothing).
    pub fn redeem_link(
        &self,
        token: &str,
        purpose: LinkPurpose,
    ) -> Result<ApiKeyRecord, ServiceError> {
        self.store
            .redeem_sign_in_link(&hash_token(token), purpose, Utc::now())?
            .ok_or_else(|| ServiceError::NotFound {
                what: "link",
                id: "(hidden)".to_owned(),
            })
    }
}
