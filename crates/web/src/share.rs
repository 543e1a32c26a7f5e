//! Listen and share, for people who prefer the spoken word or pass things on by phone: a
//! "listen" button that reads a part of the page aloud with the browser's own speech synthesis
//! (the page's script shows it only when the browser has a voice for the page's language), and
//! "share by WhatsApp, text message or e-mail" links carrying a short text in the reader's
//! language with the link. Nothing is sent anywhere by carematch: the links open the person's
//! own apps.

use maud::{Markup, html};

use crate::i18n::Tr;

/// A button that reads the element with id `target` aloud. Hidden until the script finds a
/// voice for the page's language, so a person never meets a button that cannot work.
pub fn listen_button(tr: &Tr, target: &str) -> Markup {
    html! {
        button.listen.no-print type="button" hidden data-listen=(target)
            data-stop=(tr.t("listen-stop")) { (tr.t("listen-button")) }
    }
}

/// The share links for `text` (which already holds the link being shared).
pub fn share_links(tr: &Tr, text: &str) -> Markup {
    let body = encode(text);
    let subject = encode(&tr.t("share-subject"));
    html! {
        p.share.no-print {
            (tr.t("share-title")) ": "
            a href={ "https://wa.me/?text=" (body) } rel="noopener" { (tr.t("share-whatsapp")) }
            " · "
            a href={ "sms:?&body=" (body) } { (tr.t("share-sms")) }
            " · "
            a href={ "mailto:?subject=" (subject) "&body=" (body) } { (tr.t("share-email")) }
        }
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters: `mailto:` bodies need `%20`
/// for spaces (a `+` would show as a plus), and WhatsApp and SMS apps read the same form.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_encoded_for_every_app() {
        assert_eq!(encode("a b+c/ü"), "a%20b%2Bc%2F%C3%BC");
        assert_eq!(
            encode("https://x.org/s?c=1"),
            "https%3A%2F%2Fx.org%2Fs%3Fc%3D1"
        );
    }
}
