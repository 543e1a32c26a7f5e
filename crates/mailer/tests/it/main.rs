//! The sender against a real SMTP server on a loopback port (carematch-testkit's), over the
//! backend `CAREMATCH_TEST_DATABASE_URL` names (unset: SQLite).

use std::time::{Duration, Instant};

use carematch_mailer::{Mailer, MailerSettings, Round, Sender, Stop, TlsMode};
use carematch_store::{MailKind, MailStatus, NewMail, OutboxMessage};
use carematch_testkit::TestDb;
use carematch_testkit::smtp::SmtpServer;

fn settings(port: u16) -> MailerSettings {
    let mut settings = MailerSettings::new(
        "127.0.0.1",
        "carematch <noreply@carematch.test>",
        "carematch.test",
    );
    settings.port = port;
    settings.tls = TlsMode::None;
    settings.poll_interval = Duration::from_millis(20);
    settings.timeout = Duration::from_secs(5);
    settings.lease = Duration::from_secs(10);
    settings.max_attempts = 3;
    settings.backoff_base = Duration::from_millis(200);
    settings
}

fn queue(db: &TestDb, subject: &str) -> OutboxMessage {
    let agency = db.store.create_agency("Mosaic").expect("agency").id;
    db.store
        .queue_mail(&NewMail {
            kind: MailKind::EnquiryReceived,
            agency: Some(agency),
            enquiry: Some(1),
            vacancy: None,
            recipient: "office@mosaic.test".to_owned(),
            subject: subject.to_owned(),
            body: "Mrs Chan asked about a Cantonese-speaking PA.\r\n.\r\nThanks".to_owned(),
        })
        .expect("queue")
}

fn stored(db: &TestDb, id: i64) -> OutboxMessage {
    db.store
        .get_mail(id, None)
        .expect("read")
        .expect("still there")
}

#[test]
fn a_message_goes_out_once_with_its_fixed_message_id_and_is_marked_sent() {
    let db = TestDb::new();
    let server = SmtpServer::start();
    let queued = queue(&db, "New enquiry");
    let mailer = Mailer::new(db.store.clone(), settings(server.port())).expect("mailer");
    let round = mailer.send_due(&Stop::new()).expect("round");
    assert_eq!(
        round,
        Round {
            sent: 1,
            retrying: 0,
            failed: 0
        }
    );
    let received = server.received();
    assert_eq!(received.len(), 1);
    let message = &received[0];
    let expected = format!("<{}@carematch.test>", queued.message_id);
    assert_eq!(message.message_id(), Some(expected.as_str()));
    assert_eq!(message.rcpt_to, ["office@mosaic.test"]);
    assert_eq!(message.mail_from, "noreply@carematch.test");
    assert_eq!(message.header("Subject"), Some("New enquiry"));
    assert!(message.text().contains("Mrs Chan"), "{}", message.data);
    let sent = stored(&db, queued.id);
    assert_eq!((sent.status, sent.attempts), (MailStatus::Sent, 1));
    // Nothing is due any more.
    assert_eq!(mailer.send_due(&Stop::new()).expect("round").attempted(), 0);
    assert_eq!(server.received().len(), 1);
}

#[test]
fn a_451_is_retried_after_a_backoff_and_then_sent() {
    let db = TestDb::new();
    let server = SmtpServer::start();
    server.reply_to_next_data(451, "4.3.0 try again later");
    let queued = queue(&db, "New enquiry");
    let mailer = Mailer::new(db.store.clone(), settings(server.port())).expect("mailer");
    let failed_at = chrono::Utc::now();
    let round = mailer.send_due(&Stop::new()).expect("round");
    assert_eq!(
        round,
        Round {
            sent: 0,
            retrying: 1,
            failed: 0
        }
    );
    let waiting = stored(&db, queued.id);
    assert_eq!((waiting.status, waiting.attempts), (MailStatus::Pending, 1));
    assert!(waiting.next_attempt_at >= failed_at + chrono::TimeDelta::milliseconds(200));
    assert!(
        waiting
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("451"))
    );
    // Not due yet: the same round finds nothing.
    assert_eq!(mailer.send_due(&Stop::new()).expect("round").attempted(), 0);

    // The sender's own loop sends it once the backoff has passed.
    let sender = Sender::spawn(mailer).expect("spawn");
    let received = server.wait_for_received(1);
    sender.stop();
    let expected = format!("<{}@carematch.test>", queued.message_id);
    assert_eq!(received[0].message_id(), Some(expected.as_str()));
    let sent = stored(&db, queued.id);
    assert_eq!((sent.status, sent.attempts), (MailStatus::Sent, 2));
    assert_eq!(sent.last_error, None);
    assert_eq!(server.wait_for("the refusal", |s| Some(s.refused)), 1);
}

#[test]
fn a_550_fails_the_message_at_once() {
    let db = TestDb::new();
    let server = SmtpServer::start();
    server.reply_to_next_data(550, "5.1.1 mailbox unavailable");
    let queued = queue(&db, "New enquiry");
    let mailer = Mailer::new(db.store.clone(), settings(server.port())).expect("mailer");
    let round = mailer.send_due(&Stop::new()).expect("round");
    assert_eq!(
        round,
        Round {
            sent: 0,
            retrying: 0,
            failed: 1
        }
    );
    let failed = stored(&db, queued.id);
    assert_eq!((failed.status, failed.attempts), (MailStatus::Failed, 1));
    assert!(
        failed
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("550"))
    );
    assert!(server.received().is_empty());
}

#[test]
fn no_server_is_a_transient_failure_and_the_last_attempt_fails() {
    let db = TestDb::new();
    // A port nobody listens on: bind one, then close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let queued = queue(&db, "New enquiry");
    let mut settings = settings(port);
    settings.max_attempts = 1;
    let mailer = Mailer::new(db.store.clone(), settings).expect("mailer");
    let round = mailer.send_due(&Stop::new()).expect("round");
    assert_eq!(
        round,
        Round {
            sent: 0,
            retrying: 0,
            failed: 1
        },
        "one attempt allowed"
    );
    assert_eq!(stored(&db, queued.id).status, MailStatus::Failed);
}

#[test]
fn a_sender_stops_at_once_when_asked_even_mid_wait() {
    let db = TestDb::new();
    let server = SmtpServer::start();
    let mut settings = settings(server.port());
    settings.poll_interval = Duration::from_secs(3600);
    let sender =
        Sender::spawn(Mailer::new(db.store.clone(), settings).expect("mailer")).expect("spawn");
    let started = Instant::now();
    sender.stop();
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "stopped without waiting out the poll"
    );
}

#[test]
fn bad_settings_are_refused_naming_the_setting() {
    let db = TestDb::new();
    type Spoil = fn(&mut MailerSettings);
    let cases: [(&str, Spoil); 4] = [
        ("from", |s| s.from = "not an address".into()),
        ("message_id_domain", |s| s.message_id_domain = "a b".into()),
        ("lease", |s| s.lease = s.timeout),
        ("max_attempts", |s| s.max_attempts = 0),
    ];
    for (field, spoil) in cases {
        let mut settings = settings(25);
        spoil(&mut settings);
        let error = Mailer::new(db.store.clone(), settings).expect_err(field);
        assert!(error.to_string().contains(field), "{error}");
    }
    let mut settings = settings(25);
    settings.password = Some(carematch_mailer::Secret::new("hunter2"));
    settings.username = Some("u".into());
    assert!(
        !format!("{settings:?}").contains("hunter2"),
        "a password never prints"
    );
}
