//! A real SMTP server for tests, on a loopback port: a thread per connection speaking enough
//! RFC 5321 for a client such as lettre (EHLO/HELO, MAIL, RCPT, DATA with dot-unstuffing, RSET,
//! NOOP, QUIT; no TLS, no AUTH). It records every message it accepts, and lets a test wait for
//! what happens (connections, messages, held replies) on a condition variable, never by sleeping.
//!
//! Holds make the moments a crash test needs observable: with [`SmtpServer::hold_greetings`] a
//! new connection waits for the test before the `220` greeting (the client is connected and has
//! sent nothing); with [`SmtpServer::hold_data`] the server has read a message's DATA but not yet
//! answered it. The test then kills the client, and [`SmtpServer::release`]s the hold: `Drop`
//! closes the connection without accepting (the message was not delivered), `Accept` records the
//! message as delivered (as a real server would once it has the data, whether or not the client
//! still hears the `250`).

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long [`SmtpServer::wait_for`] waits before failing the test.
pub const WAIT: Duration = Duration::from_secs(60);

/// A message the server accepted (or was handed at DATA, for a held one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    /// The message as sent, dot-unstuffed, lines joined by CRLF.
    pub data: String,
    /// Header fields in order, names as sent, folded lines joined.
    pub headers: Vec<(String, String)>,
    /// What follows the blank line after the headers.
    pub body: String,
}

impl Received {
    /// The first header field named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The `Message-ID` header field.
    pub fn message_id(&self) -> Option<&str> {
        self.header("Message-ID")
    }

    /// The subject, its RFC 2047 encoded words (`=?utf-8?b?...?=`, `?q?`) decoded.
    pub fn subject(&self) -> Option<String> {
        self.header("Subject").map(decode_words)
    }

    /// The body as text, its `Content-Transfer-Encoding` (base64 or quoted-printable) undone
    /// (UTF-8 assumed, as carematch sends).
    pub fn text(&self) -> String {
        let encoding = self
            .header("Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "base64" => base64(&self.body),
            "quoted-printable" => quoted_printable(&self.body, false),
            _ => self.body.clone().into_bytes(),
        };
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn parse(mail_from: String, rcpt_to: Vec<String>, data: String) -> Self {
        let (head, body) = data
            .split_once("\r\n\r\n")
            .map_or((data.as_str(), ""), |(h, b)| (h, b));
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in head.split("\r\n") {
            if line.starts_with([' ', '\t']) {
                if let Some((_, value)) = headers.last_mut() {
                    value.push_str(line);
                }
            } else if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_owned(), value.trim().to_owned()));
            }
        }
        let body = body.to_owned();
        Self {
            mail_from,
            rcpt_to,
            data,
            headers,
            body,
        }
    }
}

/// Where a connection is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Connected; the greeting not yet sent.
    Greeting,
    /// DATA read to its final dot; not yet answered.
    Data,
}

/// What a held connection does when released.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Go on: send the greeting, or accept the message (`250`, recorded as received).
    Accept,
    /// Answer this instead (a DATA reply not accepted, e.g. `451` or `550`).
    Reply(u16, String),
    /// Close the connection without a word; a held message is not received.
    Drop,
}

/// A connection waiting for the test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub id: usize,
    pub stage: Stage,
    /// The message, when held at DATA.
    pub message: Option<Received>,
}

/// What the server has seen so far.
#[derive(Debug, Default)]
pub struct State {
    /// Connections accepted.
    pub connections: usize,
    /// Messages accepted (`250` after DATA), in order.
    pub received: Vec<Received>,
    /// DATA replies other than `250` sent (each a refused message).
    pub refused: usize,
    /// Connections waiting for [`SmtpServer::release`].
    pub held: Vec<Held>,
    verdicts: Vec<(usize, Verdict)>,
    next_hold: usize,
    hold_greetings: bool,
    hold_data: bool,
    data_replies: VecDeque<(u16, String)>,
}

type OnAccept = Box<dyn Fn(usize, &Received) + Send + Sync>;

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
    stopping: AtomicBool,
    on_accept: Option<OnAccept>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// An SMTP server on a loopback port, stopped when dropped.
pub struct SmtpServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

impl SmtpServer {
    /// A server on `127.0.0.1` and a free port.
    pub fn start() -> Self {
        Self::start_on("127.0.0.1:0", None).expect("bind the test SMTP server")
    }

    /// A server on `addr`, calling `on_accept` with each accepted message and its number
    /// (from 1), before answering `250` (the `smtp-sink` binary writes it to a file there).
    pub fn start_on(addr: &str, on_accept: Option<OnAccept>) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            stopping: AtomicBool::new(false),
            on_accept,
        });
        let acceptor = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("smtp-accept".into())
                .spawn(move || accept_loop(&listener, &shared))?
        };
        Ok(Self {
            addr,
            shared,
            acceptor: Some(acceptor),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Hold each new connection before its greeting until released.
    pub fn hold_greetings(&self, on: bool) {
        self.shared.lock().hold_greetings = on;
    }

    /// Hold each DATA reply until released.
    pub fn hold_data(&self, on: bool) {
        self.shared.lock().hold_data = on;
    }

    /// Answers the next DATA with `code text` instead of `250` (queued: one per message).
    pub fn reply_to_next_data(&self, code: u16, text: &str) {
        self.shared
            .lock()
            .data_replies
            .push_back((code, text.to_owned()));
    }

    /// Releases held connection `id`.
    pub fn release(&self, id: usize, verdict: Verdict) {
        let mut state = self.shared.lock();
        state.verdicts.push((id, verdict));
        self.shared.changed.notify_all();
    }

    /// The messages accepted so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared.lock().received.clone()
    }

    /// Waits until `check` returns something for the server's state, and returns it; panics
    /// naming `what` after [`WAIT`].
    pub fn wait_for<T>(&self, what: &str, mut check: impl FnMut(&State) -> Option<T>) -> T {
        let deadline = Instant::now() + WAIT;
        let mut state = self.shared.lock();
        loop {
            if let Some(found) = check(&state) {
                return found;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "the test SMTP server waited {WAIT:?} for {what}; state: {state:?}"
            );
            state = self
                .shared
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Waits for a connection held at `stage`; returns it.
    pub fn wait_for_held(&self, stage: Stage) -> Held {
        self.wait_for(&format!("a connection held at {stage:?}"), |state| {
            state.held.iter().find(|held| held.stage == stage).cloned()
        })
    }

    /// Waits until `n` messages have been accepted; returns them all.
    pub fn wait_for_received(&self, n: usize) -> Vec<Received> {
        self.wait_for(&format!("{n} messages"), |state| {
            (state.received.len() >= n).then(|| state.received.clone())
        })
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        {
            // Held connections close without a word.
            let mut state = self.shared.lock();
            let ids: Vec<usize> = state.held.iter().map(|held| held.id).collect();
            state
                .verdicts
                .extend(ids.into_iter().map(|id| (id, Verdict::Drop)));
            self.shared.changed.notify_all();
        }
        // Wake the accept loop with a connection of our own.
        let _ = TcpStream::connect(self.addr);
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
    }
}

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(shared);
        let spawned = std::thread::Builder::new()
            .name("smtp-conn".into())
            .spawn(move || {
                // A client that went away mid-conversation is not the server's problem.
                let _ = Connection::new(stream, shared).and_then(Connection::run);
            });
        if let Err(error) = spawned {
            eprintln!("test SMTP server: cannot start a connection thread: {error}");
        }
    }
}

struct Connection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
    shared: Arc<Shared>,
}

impl Connection {
    fn new(stream: TcpStream, shared: Arc<Shared>) -> std::io::Result<Self> {
        // A client that stops talking (killed without its socket closing) frees the thread.
        stream.set_read_timeout(Some(WAIT))?;
        let writer = stream.try_clone()?;
        Ok(Self {
            reader: BufReader::new(stream),
            writer,
            shared,
        })
    }

    fn reply(&mut self, code: u16, text: &str) -> std::io::Result<()> {
        write!(self.writer, "{code} {text}\r\n")?;
        self.writer.flush()
    }

    fn read_line(&mut self) -> std::io::Result<Option<String>> {
        let mut line = String::new();
        if self.reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\r', '\n']).to_owned()))
    }

    /// Registers a hold and waits for its verdict.
    fn hold(&self, stage: Stage, message: Option<Received>) -> Verdict {
        let mut state = self.shared.lock();
        let id = state.next_hold;
        state.next_hold += 1;
        state.held.push(Held { id, stage, message });
        self.shared.changed.notify_all();
        loop {
            if let Some(at) = state.verdicts.iter().position(|(held, _)| *held == id) {
                let (_, verdict) = state.verdicts.remove(at);
                state.held.retain(|held| held.id != id);
                self.shared.changed.notify_all();
                return verdict;
            }
            state = self
                .shared
                .changed
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn run(mut self) -> std::io::Result<()> {
        let hold_greeting = {
            let mut state = self.shared.lock();
            state.connections += 1;
            self.shared.changed.notify_all();
            state.hold_greetings
        };
        if hold_greeting && self.hold(Stage::Greeting, None) == Verdict::Drop {
            return Ok(());
        }
        self.reply(220, "localhost carematch test SMTP")?;
        let mut mail_from: Option<String> = None;
        let mut rcpt_to: Vec<String> = Vec::new();
        while let Some(line) = self.read_line()? {
            let upper = line.to_ascii_uppercase();
            if upper.starts_with("EHLO") {
                write!(
                    self.writer,
                    "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
                )?;
                self.writer.flush()?;
            } else if upper.starts_with("HELO") {
                self.reply(250, "localhost")?;
            } else if upper.starts_with("MAIL FROM:") {
                mail_from = Some(address(&line["MAIL FROM:".len()..]));
                rcpt_to.clear();
                self.reply(250, "OK")?;
            } else if upper.starts_with("RCPT TO:") {
                if mail_from.is_none() {
                    self.reply(503, "MAIL first")?;
                    continue;
                }
                rcpt_to.push(address(&line["RCPT TO:".len()..]));
                self.reply(250, "OK")?;
            } else if upper == "DATA" {
                let Some(from) = mail_from.take().filter(|_| !rcpt_to.is_empty()) else {
                    self.reply(503, "MAIL and RCPT first")?;
                    continue;
                };
                self.reply(354, "End data with <CR><LF>.<CR><LF>")?;
                let Some(data) = self.read_data()? else {
                    return Ok(());
                };
                let message = Received::parse(from, std::mem::take(&mut rcpt_to), data);
                if !self.answer_data(message)? {
                    return Ok(());
                }
            } else if upper == "RSET" {
                mail_from = None;
                rcpt_to.clear();
                self.reply(250, "OK")?;
            } else if upper == "NOOP" {
                self.reply(250, "OK")?;
            } else if upper == "QUIT" {
                self.reply(221, "Bye")?;
                return Ok(());
            } else {
                self.reply(502, "Command not implemented")?;
            }
        }
        Ok(())
    }

    /// Lines up to the lone dot, dot-unstuffed; `None` when the client went away first.
    fn read_data(&mut self) -> std::io::Result<Option<String>> {
        let mut lines: Vec<String> = Vec::new();
        loop {
            let Some(line) = self.read_line()? else {
                return Ok(None);
            };
            if line == "." {
                return Ok(Some(lines.join("\r\n")));
            }
            lines.push(line.strip_prefix('.').map_or(line.clone(), str::to_owned));
        }
    }

    /// Answers a message's DATA (after a hold, if asked for); `false` when the connection is to
    /// close.
    fn answer_data(&mut self, message: Received) -> std::io::Result<bool> {
        let (hold, scripted) = {
            let mut state = self.shared.lock();
            (state.hold_data, state.data_replies.pop_front())
        };
        let verdict = if hold {
            self.hold(Stage::Data, Some(message.clone()))
        } else {
            match scripted {
                Some((code, text)) => Verdict::Reply(code, text),
                None => Verdict::Accept,
            }
        };
        match verdict {
            Verdict::Drop => Ok(false),
            Verdict::Reply(code, text) => {
                {
                    let mut state = self.shared.lock();
                    state.refused += 1;
                    self.shared.changed.notify_all();
                }
                self.reply(code, &text)?;
                Ok(true)
            }
            Verdict::Accept => {
                {
                    let mut state = self.shared.lock();
                    state.received.push(message.clone());
                    if let Some(on_accept) = &self.shared.on_accept {
                        on_accept(state.received.len(), &message);
                    }
                    self.shared.changed.notify_all();
                }
                self.reply(250, "OK: queued")?;
                Ok(true)
            }
        }
    }
}

fn base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0_u32, 0_u32);
    for byte in text.bytes() {
        let Some(value) = ALPHABET.iter().position(|&c| c == byte) else {
            continue; // line breaks and padding
        };
        acc = (acc << 6) | value as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Quoted-printable (`=C3=A9`, soft line breaks `=\r\n`); `underscores` for a `?q?` word.
fn quoted_printable(text: &str, underscores: bool) -> Vec<u8> {
    let text = text.replace("=\r\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                match u8::from_str_radix(hex, 16) {
                    Ok(byte) => {
                        out.push(byte);
                        i += 3;
                    }
                    Err(_) => {
                        out.push(b'=');
                        i += 1;
                    }
                }
            }
            b'_' if underscores => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

/// Decodes RFC 2047 encoded words in a header value; whitespace between two words goes.
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    let mut last_was_word = false;
    while let Some(start) = rest.find("=?") {
        let (before, from) = rest.split_at(start);
        let parts: Vec<&str> = from[2..].splitn(3, '?').collect();
        let decoded = match parts.as_slice() {
            [_charset, encoding, tail] => tail.find("?=").map(|end| {
                let payload = &tail[..end];
                let bytes = if encoding.eq_ignore_ascii_case("b") {
                    base64(payload)
                } else {
                    quoted_printable(payload, true)
                };
                let used = 2 + parts[0].len() + 1 + encoding.len() + 1 + end + 2;
                (String::from_utf8_lossy(&bytes).into_owned(), used)
            }),
            _ => None,
        };
        let Some((text, used)) = decoded else {
            out.push_str(rest);
            return out;
        };
        if !(last_was_word && before.trim().is_empty()) {
            out.push_str(before);
        }
        out.push_str(&text);
        rest = &from[used..];
        last_was_word = true;
    }
    out.push_str(rest);
    out
}

/// `<a@b> SIZE=12` -> `a@b`.
fn address(arg: &str) -> String {
    let arg = arg.trim();
    match (arg.find('<'), arg.find('>')) {
        (Some(open), Some(close)) if open < close => arg[open + 1..close].to_owned(),
        _ => arg.split_whitespace().next().unwrap_or_default().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn talk(stream: &mut TcpStream, reader: &mut BufReader<TcpStream>, line: &str) -> String {
        write!(stream, "{line}\r\n").expect("write");
        let mut reply = String::new();
        loop {
            let mut next = String::new();
            reader.read_line(&mut next).expect("read");
            reply.push_str(&next);
            if next.as_bytes().get(3) != Some(&b'-') {
                return reply;
            }
        }
    }

    #[test]
    fn accepts_a_message_unstuffing_dots_and_parsing_headers() {
        let server = SmtpServer::start();
        server.reply_to_next_data(451, "try later");
        let mut stream = TcpStream::connect(server.addr()).expect("connect");
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut greeting = String::new();
        reader.read_line(&mut greeting).expect("greeting");
        assert!(greeting.starts_with("220"));
        assert!(talk(&mut stream, &mut reader, "EHLO me").starts_with("250-"));
        for _ in 0..2 {
            assert!(talk(&mut stream, &mut reader, "MAIL FROM:<a@example.org>").starts_with("250"));
            assert!(talk(&mut stream, &mut reader, "RCPT TO:<b@example.org>").starts_with("250"));
            assert!(talk(&mut stream, &mut reader, "DATA").starts_with("354"));
            let data = "Message-ID: <x@y>\r\nSubject: hi\r\n there\r\n\r\n..dot\r\nend\r\n.";
            talk(&mut stream, &mut reader, data);
        }
        assert!(talk(&mut stream, &mut reader, "QUIT").starts_with("221"));
        let received = server.wait_for_received(1);
        assert_eq!(received.len(), 1, "the first was refused with 451");
        let message = &received[0];
        assert_eq!(message.message_id(), Some("<x@y>"));
        assert_eq!(message.header("subject"), Some("hi there"));
        assert_eq!(message.body, ".dot\r\nend");
        assert_eq!(message.rcpt_to, ["b@example.org"]);
    }

    #[test]
    fn encoded_subjects_and_bodies_are_decoded() {
        let data = "Subject: Hi =?utf-8?b?6Zmz?= =?utf-8?q?=E5=A4=AA_x?=\r\n\
                    Content-Transfer-Encoding: base64\r\n\r\nQm9keSDpmbPlpKrlpKo=";
        let message = Received::parse(String::new(), Vec::new(), data.to_owned());
        assert_eq!(message.subject().as_deref(), Some("Hi 陳太 x"));
        assert_eq!(message.text(), "Body 陳太太");
        let qp = "Content-Transfer-Encoding: quoted-printable\r\n\r\nCaf=C3=A9 =\r\nau lait";
        let message = Received::parse(String::new(), Vec::new(), qp.to_owned());
        assert_eq!(message.text(), "Café au lait");
    }
}
