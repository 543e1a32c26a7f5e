//! E-mail is never lost: the real `carematch outbox send` process, killed with SIGKILL at
//! observable moments, restarted, delivers every queued message to a real SMTP server on a
//! loopback port exactly once; the one window no sender can close (the server accepted the
//! DATA, the process died before marking it sent) sends that message again with the same
//! Message-ID; two sender processes at once never deliver one message twice.
//!
//! Runs on SQLite, and on PostgreSQL when `CAREMATCH_TEST_DATABASE_URL` names a server (as in
//! `.ci/run`). No sleeps: the test waits on the SMTP server's events (a connection held before
//! its greeting, a DATA held before its reply, N messages accepted) and on the processes.

use std::collections::{BTreeMap, BTreeSet};
use std::process::{Child, Command, Stdio};

use carematch_store::{MailKind, MailStatus, NewMail, OutboxFilter, OutboxMessage, Page};
use carematch_testkit::TestDb;
use carematch_testkit::smtp::{Received, SmtpServer, Stage, Verdict};

/// The claim of a killed sender lapses after this; the timeout must be at most half of it.
const LEASE_SECS: &str = "4";
const TIMEOUT_SECS: &str = "2";
const DOMAIN: &str = "carematch.test";

fn queue(db: &TestDb, n: usize) -> Vec<OutboxMessage> {
    let agency = db.store.create_agency("Mosaic").expect("agency").id;
    (0..n)
        .map(|i| {
            db.store
                .queue_mail(&NewMail {
                    kind: MailKind::EnquiryReceived,
                    agency: Some(agency),
                    enquiry: Some(i as i64 + 1),
                    vacancy: None,
                    recipient: format!("office{i}@mosaic.test"),
                    subject: format!("New enquiry {i}"),
                    body: format!("Enquiry number {i}."),
                })
                .expect("queue")
        })
        .collect()
}

/// `carematch outbox send` against `server`, with nothing but these settings.
fn sender(db: &TestDb, server: &SmtpServer, dir: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_carematch"))
        .args(["outbox", "send"])
        .current_dir(dir)
        .env_clear()
        .env("CAREMATCH_DATABASE_URL", &db.url)
        .env("CAREMATCH_LOG", "warn")
        .env("CAREMATCH_SMTP_HOST", "127.0.0.1")
        .env("CAREMATCH_SMTP_PORT", server.port().to_string())
        .env("CAREMATCH_SMTP_TLS", "none")
        .env("CAREMATCH_SMTP_FROM", "carematch <noreply@carematch.test>")
        .env("CAREMATCH_SMTP_MESSAGE_ID_DOMAIN", DOMAIN)
        .env("CAREMATCH_SMTP_POLL_INTERVAL_MS", "50")
        .env("CAREMATCH_SMTP_LEASE_SECS", LEASE_SECS)
        .env("CAREMATCH_SMTP_TIMEOUT_SECS", TIMEOUT_SECS)
        .stdout(Stdio::null())
        .spawn()
        .expect("start carematch outbox send")
}

fn kill_9(mut child: Child) {
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
}

/// SIGTERM, as a service manager stops it: the sender finishes and exits 0.
fn terminate(mut child: Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(status.success());
    let exit = child.wait().expect("wait");
    assert!(
        exit.success(),
        "the sender stops cleanly on SIGTERM: {exit}"
    );
}

fn expected_id(message: &OutboxMessage) -> String {
    format!("<{}@{DOMAIN}>", message.message_id)
}

/// How often each Message-ID arrived.
fn arrivals(received: &[Received]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for message in received {
        let id = message
            .message_id()
            .expect("every message has a Message-ID");
        *counts.entry(id.to_owned()).or_default() += 1;
    }
    counts
}

fn all_sent(db: &TestDb, n: usize) -> Vec<OutboxMessage> {
    let page = db
        .store
        .list_mail(OutboxFilter::default(), Page::new(1, 1000))
        .expect("list");
    assert_eq!(page.items.len(), n);
    assert!(
        page.items.iter().all(|m| m.status == MailStatus::Sent),
        "every message is marked sent: {:?}",
        page.items
            .iter()
            .map(|m| (m.id, m.status))
            .collect::<Vec<_>>()
    );
    page.items
}

#[test]
fn a_sender_killed_before_sending_and_mid_data_delivers_every_message_exactly_once() {
    const N: usize = 6;
    let db = TestDb::new();
    let dir = tempfile::tempdir().expect("working folder");
    let queued = queue(&db, N);
    let server = SmtpServer::start();

    // 1. Connected, nothing sent yet: killed while the server holds back its greeting.
    server.hold_greetings(true);
    let first = sender(&db, &server, dir.path());
    let held = server.wait_for_held(Stage::Greeting);
    kill_9(first);
    server.hold_greetings(false);
    server.release(held.id, Verdict::Drop);
    assert!(server.received().is_empty());

    // 2. The DATA of a message read by the server, its reply held back: killed, and the
    //    server drops the connection without accepting (the message was not delivered).
    server.hold_data(true);
    let second = sender(&db, &server, dir.path());
    let held = server.wait_for_held(Stage::Data);
    kill_9(second);
    server.hold_data(false);
    server.release(held.id, Verdict::Drop);
    let cut_short = held.message.expect("held at DATA with its message");
    assert!(server.received().is_empty());

    // 3. Restarted: once the killed senders' claims lapse, everything goes out.
    let third = sender(&db, &server, dir.path());
    let received = server.wait_for_received(N);
    terminate(third);

    let received_after = server.received();
    assert_eq!(
        received_after.len(),
        N,
        "raw count: every message once, no more"
    );
    let counts = arrivals(&received_after);
    let expected: BTreeSet<String> = queued.iter().map(expected_id).collect();
    assert_eq!(counts.keys().cloned().collect::<BTreeSet<_>>(), expected);
    assert!(counts.values().all(|&n| n == 1), "{counts:?}");
    assert_eq!(received.len(), N);
    let again = received_after
        .iter()
        .find(|m| m.message_id() == cut_short.message_id())
        .expect("the message cut short at DATA arrived later");
    assert_eq!(
        again.data, cut_short.data,
        "the same message, byte for byte"
    );

    let sent = all_sent(&db, N);
    // The two messages whose senders were killed took a second attempt; the rest one.
    let retried = sent.iter().filter(|m| m.attempts == 2).count();
    assert_eq!(retried, 2, "{sent:?}");
}

#[test]
fn a_message_accepted_as_its_sender_died_is_sent_again_with_the_same_message_id() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().expect("working folder");
    let queued = queue(&db, 2);
    let server = SmtpServer::start();

    // The server has the DATA; the sender dies before it hears `250`; the server then accepts
    // the message (as a real one would, having the data). Nothing can tell the outbox it went.
    server.hold_data(true);
    let first = sender(&db, &server, dir.path());
    let held = server.wait_for_held(Stage::Data);
    kill_9(first);
    server.hold_data(false);
    server.release(held.id, Verdict::Accept);
    let accepted = server.wait_for_received(1).remove(0);

    let second = sender(&db, &server, dir.path());
    let received = server.wait_for_received(3);
    terminate(second);

    assert_eq!(server.received().len(), 3);
    let counts = arrivals(&received);
    let duplicate = accepted.message_id().expect("Message-ID").to_owned();
    assert_eq!(counts.get(&duplicate), Some(&2), "{counts:?}");
    let copies: Vec<&Received> = received
        .iter()
        .filter(|m| m.message_id() == Some(duplicate.as_str()))
        .collect();
    assert_eq!(
        copies[0].data, copies[1].data,
        "the resend is the same message: same Message-ID, same Date, same bytes"
    );
    let expected: BTreeSet<String> = queued.iter().map(expected_id).collect();
    assert_eq!(counts.keys().cloned().collect::<BTreeSet<_>>(), expected);
    all_sent(&db, 2);
}

#[test]
fn two_sender_processes_never_deliver_one_message_twice() {
    const N: usize = 30;
    let db = TestDb::new();
    let dir = tempfile::tempdir().expect("working folder");
    let queued = queue(&db, N);
    let server = SmtpServer::start();

    // Both processes connected, each with a message claimed, before either sends anything:
    // from then on they compete for the rest.
    server.hold_greetings(true);
    let senders = [
        sender(&db, &server, dir.path()),
        sender(&db, &server, dir.path()),
    ];
    let held = server.wait_for("two senders connected", |state| {
        (state.held.len() == 2).then(|| state.held.clone())
    });
    server.hold_greetings(false);
    for hold in held {
        server.release(hold.id, Verdict::Accept);
    }
    server.wait_for_received(N);
    for child in senders {
        terminate(child);
    }

    let received = server.received();
    assert_eq!(received.len(), N, "no message twice");
    let counts = arrivals(&received);
    let expected: BTreeSet<String> = queued.iter().map(expected_id).collect();
    assert_eq!(counts.keys().cloned().collect::<BTreeSet<_>>(), expected);
    let sent = all_sent(&db, N);
    assert!(
        sent.iter().all(|m| m.attempts == 1),
        "no message was tried twice"
    );
    let senders: BTreeSet<&str> = sent
        .iter()
        .filter_map(|m| m.claimed_by.as_deref())
        .collect();
    assert_eq!(senders.len(), 2, "both processes sent: {senders:?}");
}
