//! Over-long request targets answered in our JSON error shape.
//!
//! actix-http reads a request head into a buffer of at most 128 KiB; a longer head (a 1 MB query
//! string) is answered `431` with an empty body by the HTTP codec, before any application code
//! runs, and the limit cannot be configured. Our rule is simpler and stricter: a request target
//! (path and query) longer than [`MAX_TARGET_BYTES`] is `414 uri_too_long` with our JSON body
//! (`middleware::input`). So that the application sees such requests at all, [`TargetLimit`]
//! wraps each connection and cuts an over-long request line down to its first
//! `MAX_TARGET_BYTES + 1` bytes of target before actix reads it: the request then reaches the
//! application, whose limit still applies, and the connection stays usable.
//!
//! To find request lines, [`RequestLines`] follows HTTP/1.1 message framing (RFC 9112 §6): the
//! head up to its blank line, then a `Content-Length` body or a chunked one. Every byte is passed
//! on unchanged except an over-long request line. Anything it does not follow (a malformed head,
//! an upgrade, HTTP/2, a head over actix's own limit) switches it off for the rest of the
//! connection, leaving actix to answer as it always did.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The longest request target (path and query) we accept, in bytes.
pub const MAX_TARGET_BYTES: usize = 8 * 1024;

/// Room beside the target in a request line: the method, two spaces, `HTTP/1.1` and CRLF.
const LINE_OVERHEAD: usize = 64;

/// actix-http's limit on a request head; a longer head is left to actix (431).
const MAX_HEAD_BYTES: usize = 128 * 1024;

/// A chunk-size line or a trailer line longer than this is not followed.
const MAX_CHUNK_LINE_BYTES: usize = 4 * 1024;

/// Headers parsed per request, as actix-http does.
const MAX_HEADERS: usize = 96;

/// Where the reader is in the stream of requests.
#[derive(Debug)]
enum State {
    /// Before a request: its request line, held back until it is complete.
    Line { held: Vec<u8> },
    /// An over-long request line: `kept` is its method and the first bytes of its target;
    /// the rest is dropped up to the end of the line, whose last bytes (`tail`) give the
    /// HTTP version.
    Cutting { kept: Vec<u8>, tail: Vec<u8> },
    /// The header lines, passed on and kept (with the request line) to read the framing from.
    Head { head: Vec<u8> },
    /// A body of known length: this many bytes are left.
    Body { left: u64 },
    /// A chunked body: the chunk-size line.
    ChunkSize { line: Vec<u8> },
    /// Chunk data: this many bytes are left, then a CRLF.
    ChunkData { left: u64 },
    /// The CRLF after chunk data.
    ChunkEnd { line: Vec<u8> },
    /// Trailer lines after the last chunk, up to a blank line.
    Trailers { line: Vec<u8> },
    /// Not followed any further: everything passes through.
    Through,
}

/// Follows a byte stream of HTTP/1.x requests and passes it on, cutting over-long request lines.
#[derive(Debug)]
pub struct RequestLines {
    state: State,
}

impl Default for RequestLines {
    fn default() -> Self {
        Self::new()
    }
}

impl RequestLines {
    pub fn new() -> Self {
        Self {
            state: State::Line { held: Vec::new() },
        }
    }

    /// Takes the next bytes from the client and appends what actix should read to `out`.
    pub fn feed(&mut self, mut input: &[u8], out: &mut Vec<u8>) {
        while !input.is_empty() {
            input = match &mut self.state {
                State::Through => {
                    out.extend_from_slice(input);
                    return;
                }
                State::Line { held } => {
                    let (rest, complete) = take_line(held, input);
                    if held.len() > MAX_TARGET_BYTES + LINE_OVERHEAD {
                        let held = std::mem::take(held);
                        self.line_too_long(held, out);
                    } else if complete {
                        let line = std::mem::take(held);
                        self.line_complete(line, out);
                    }
                    rest
                }
                State::Cutting { kept, tail } => match memchr(b'\n', input) {
                    Some(end) => {
                        remember_tail(tail, &input[..end]);
                        let mut line = std::mem::take(kept);
                        line.push(b' ');
                        line.extend_from_slice(version(tail));
                        line.extend_from_slice(b"\r\n");
                        out.extend_from_slice(&line);
                        self.state = State::Head { head: line };
                        &input[end + 1..]
                    }
                    None => {
                        remember_tail(tail, input);
                        &[]
                    }
                },
                State::Head { head } => {
                    let before = head.len();
                    head.extend_from_slice(input);
                    // Only windows that take a new byte: the head had no blank line before (it
                    // was checked as it grew, and a request line holds a single LF).
                    let from = before.saturating_sub(3);
                    match find_head_end(&head[from..]) {
                        Some(end) => {
                            let end = from + end;
                            head.truncate(end);
                            let Some(used) = end.checked_sub(before) else {
                                // Cannot happen (see above); pass through rather than panic.
                                out.extend_from_slice(input);
                                self.state = State::Through;
                                return;
                            };
                            out.extend_from_slice(&input[..used]);
                            let head = std::mem::take(head);
                            self.state = framing(&head);
                            &input[used..]
                        }
                        None => {
                            out.extend_from_slice(input);
                            if head.len() > MAX_HEAD_BYTES {
                                self.state = State::Through;
                            }
                            &[]
                        }
                    }
                }
                State::Body { left } => {
                    let used = clamp(*left, input.len());
                    out.extend_from_slice(&input[..used]);
                    *left -= used as u64;
                    if *left == 0 {
                        self.state = State::Line { held: Vec::new() };
                    }
                    &input[used..]
                }
                State::ChunkSize { line } => {
                    let (rest, complete) = take_line(line, input);
                    out.extend_from_slice(&input[..input.len() - rest.len()]);
                    if complete {
                        self.state = match chunk_size(line) {
                            Some(0) => State::Trailers { line: Vec::new() },
                            Some(size) => State::ChunkData { left: size },
                            None => State::Through,
                        };
                    } else if line.len() > MAX_CHUNK_LINE_BYTES {
                        self.state = State::Through;
                    }
                    rest
                }
                State::ChunkData { left } => {
                    let used = clamp(*left, input.len());
                    out.extend_from_slice(&input[..used]);
                    *left -= used as u64;
                    if *left == 0 {
                        self.state = State::ChunkEnd { line: Vec::new() };
                    }
                    &input[used..]
                }
                State::ChunkEnd { line } => {
                    let (rest, complete) = take_line(line, input);
                    out.extend_from_slice(&input[..input.len() - rest.len()]);
                    if complete {
                        self.state = if is_blank(line) {
                            State::ChunkSize { line: Vec::new() }
                        } else {
                            State::Through
                        };
                    } else if line.len() > 2 {
                        self.state = State::Through;
                    }
                    rest
                }
                State::Trailers { line } => {
                    let (rest, complete) = take_line(line, input);
                    out.extend_from_slice(&input[..input.len() - rest.len()]);
                    if complete {
                        if is_blank(line) {
                            self.state = State::Line { held: Vec::new() };
                        } else {
                            line.clear();
                        }
                    } else if line.len() > MAX_CHUNK_LINE_BYTES {
                        self.state = State::Through;
                    }
                    rest
                }
            };
        }
    }

    /// The client closed its side: a request line still held is passed on as it is, so that
    /// actix sees what it would have seen.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        if let State::Line { held } = &mut self.state {
            out.append(held);
        }
    }

    fn line_complete(&mut self, line: Vec<u8>, out: &mut Vec<u8>) {
        out.extend_from_slice(&line);
        self.state = if is_blank(&line) {
            // Blank lines before a request line are allowed (RFC 9112 §2.2).
            State::Line { held: Vec::new() }
        } else if line.starts_with(b"PRI * HTTP/2") {
            State::Through
        } else {
            State::Head { head: line }
        };
    }

    /// Keeps the method and the first `MAX_TARGET_BYTES + 1` bytes of the target, so that the
    /// target is still over the limit, and drops the rest of the line.
    fn line_too_long(&mut self, held: Vec<u8>, out: &mut Vec<u8>) {
        let method_end = held.iter().take(32).position(|b| *b == b' ');
        let Some(method_end) = method_end.filter(|end| *end > 0) else {
            out.extend_from_slice(&held);
            self.state = State::Through;
            return;
        };
        let cut = method_end + 1 + MAX_TARGET_BYTES + 1;
        let target = &held[method_end + 1..cut];
        if target.iter().any(|b| matches!(b, b' ' | b'\r' | b'\n')) {
            // Not one long target: not a request line we understand.
            out.extend_from_slice(&held);
            self.state = State::Through;
            return;
        }
        let mut kept = held;
        let dropped = kept.split_off(cut);
        self.state = State::Cutting {
            kept,
            tail: Vec::new(),
        };
        // The dropped bytes may already hold the end of the line.
        self.feed(&dropped, out);
    }
}

/// Appends `input` to `line` up to and including the first LF. Returns the bytes after them and
/// whether the line is now complete.
fn take_line<'a>(line: &mut Vec<u8>, input: &'a [u8]) -> (&'a [u8], bool) {
    match memchr(b'\n', input) {
        Some(end) => {
            line.extend_from_slice(&input[..=end]);
            (&input[end + 1..], true)
        }
        None => {
            line.extend_from_slice(input);
            (&[], false)
        }
    }
}

fn memchr(byte: u8, input: &[u8]) -> Option<usize> {
    input.iter().position(|b| *b == byte)
}

fn clamp(left: u64, available: usize) -> usize {
    usize::try_from(left).map_or(available, |left| left.min(available))
}

/// `\r\n` or `\n`.
fn is_blank(line: &[u8]) -> bool {
    matches!(line, b"\r\n" | b"\n")
}

/// Keeps the last bytes seen of a line being dropped (enough for ` HTTP/1.1\r`).
fn remember_tail(tail: &mut Vec<u8>, bytes: &[u8]) {
    const KEEP: usize = 16;
    tail.extend_from_slice(&bytes[bytes.len().saturating_sub(KEEP)..]);
    let excess = tail.len().saturating_sub(KEEP);
    tail.drain(..excess);
}

/// The HTTP version at the end of a request line, `HTTP/1.1` when it cannot be read.
fn version(tail: &[u8]) -> &[u8] {
    let tail = tail.strip_suffix(b"\r").unwrap_or(tail);
    match tail.iter().rposition(|b| *b == b' ') {
        Some(space) if tail[space + 1..].starts_with(b"HTTP/1.") && tail.len() - space == 9 => {
            &tail[space + 1..]
        }
        _ => b"HTTP/1.1",
    }
}

/// The end of a head (just after its blank line) in `bytes`, if there.
fn find_head_end(bytes: &[u8]) -> Option<usize> {
    let crlf = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4);
    let lf = bytes.windows(2).position(|w| w == b"\n\n").map(|i| i + 2);
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// What follows a complete head: its body's framing (RFC 9112 §6.3), or [`State::Through`] for
/// anything this reader does not follow.
fn framing(head: &[u8]) -> State {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        _ => return State::Through,
    }
    if request.method == Some("CONNECT") {
        return State::Through;
    }
    let mut length: Option<u64> = None;
    let mut chunked = false;
    for header in request.headers.iter() {
        let value = String::from_utf8_lossy(header.value);
        if header.name.eq_ignore_ascii_case("upgrade") {
            return State::Through;
        } else if header.name.eq_ignore_ascii_case("transfer-encoding") {
            let last = value.rsplit(',').next().unwrap_or_default().trim();
            if !last.eq_ignore_ascii_case("chunked") {
                return State::Through;
            }
            chunked = true;
        } else if header.name.eq_ignore_ascii_case("content-length") {
            match value.trim().parse::<u64>() {
                Ok(n) if length.is_none_or(|m| m == n) => length = Some(n),
                _ => return State::Through,
            }
        }
    }
    match (chunked, length) {
        (true, Some(_)) => State::Through,
        (true, None) => State::ChunkSize { line: Vec::new() },
        (false, Some(left)) if left > 0 => State::Body { left },
        _ => State::Line { held: Vec::new() },
    }
}

/// The size on a chunk-size line (`1a;ext=x\r\n`).
fn chunk_size(line: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(line).ok()?;
    let digits = text
        .split([';', '\r', '\n', ' ', '\t'])
        .next()
        .unwrap_or_default();
    if digits.is_empty() || digits.len() > 16 {
        return None;
    }
    u64::from_str_radix(digits, 16).ok()
}

/// A connection whose request lines pass through [`RequestLines`] on their way to actix.
#[derive(Debug)]
pub struct TargetLimit<IO> {
    io: IO,
    lines: RequestLines,
    /// Bytes ready for actix, from `pending[read..]`.
    pending: Vec<u8>,
    read: usize,
    closed: bool,
}

impl<IO> TargetLimit<IO> {
    pub fn new(io: IO) -> Self {
        Self {
            io,
            lines: RequestLines::new(),
            pending: Vec::new(),
            read: 0,
            closed: false,
        }
    }
}

impl<IO: AsyncRead + Unpin> AsyncRead for TargetLimit<IO> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        loop {
            if this.read < this.pending.len() {
                let n = buf.remaining().min(this.pending.len() - this.read);
                buf.put_slice(&this.pending[this.read..this.read + n]);
                this.read += n;
                if this.read == this.pending.len() {
                    this.pending.clear();
                    this.read = 0;
                }
                return Poll::Ready(Ok(()));
            }
            if this.closed {
                return Poll::Ready(Ok(()));
            }
            let mut scratch = [0_u8; 16 * 1024];
            let mut incoming = ReadBuf::new(&mut scratch);
            ready!(Pin::new(&mut this.io).poll_read(cx, &mut incoming))?;
            if incoming.filled().is_empty() {
                this.lines.finish(&mut this.pending);
                this.closed = true;
            } else {
                this.lines.feed(incoming.filled(), &mut this.pending);
            }
        }
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for TargetLimit<IO> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What actix reads when the client's bytes arrive in pieces of `step` bytes.
    fn through(input: &[u8], step: usize) -> Vec<u8> {
        let mut lines = RequestLines::new();
        let mut out = Vec::new();
        for piece in input.chunks(step) {
            lines.feed(piece, &mut out);
        }
        lines.finish(&mut out);
        out
    }

    /// The same output however the input is split.
    fn through_every_split(input: &[u8]) -> Vec<u8> {
        let whole = through(input, input.len().max(1));
        for step in [1, 2, 3, 7, 64, 4096] {
            assert_eq!(through(input, step), whole, "split into {step}-byte pieces");
        }
        whole
    }

    fn long_target(len: usize) -> String {
        format!("/v1/search?q={}", "a".repeat(len))
    }

    #[test]
    fn ordinary_requests_pass_unchanged() {
        let body = "GET /not/a/request HTTP/1.1\r\n\r\n".repeat(500);
        let chunk = format!("{:x}", body.len());
        let stream = format!(
            "\r\nGET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n\
             POST /v1/carers HTTP/1.1\r\nContent-Length: {}\r\n\r\n{body}\
             POST /v1/imports/carers HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n\
             {chunk};ext=1\r\n{body}\r\n0\r\nX-Trailer: 1\r\n\r\n\
             GET /v1/ready HTTP/1.0\n\n",
            body.len()
        );
        assert_eq!(through_every_split(stream.as_bytes()), stream.as_bytes());
    }

    #[test]
    fn an_over_long_target_is_cut_to_just_over_the_limit() {
        let target = long_target(1024 * 1024);
        let stream = format!(
            "GET {target} HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
        );
        let out = through_every_split(stream.as_bytes());
        let cut = &target[..MAX_TARGET_BYTES + 1];
        let expected = format!(
            "GET {cut} HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
        );
        assert_eq!(String::from_utf8_lossy(&out), expected);
    }

    #[test]
    fn a_long_line_inside_a_body_is_left_alone_and_the_next_request_is_still_cut() {
        let body = format!("GET {} HTTP/1.1\r\n", long_target(MAX_TARGET_BYTES * 3));
        let target = long_target(MAX_TARGET_BYTES * 2);
        let stream = format!(
            "POST /v1/carers HTTP/1.0\r\ncontent-length: {}\r\n\r\n{body}\
             DELETE {target} HTTP/1.0\r\n\r\n",
            body.len()
        );
        let out = through_every_split(stream.as_bytes());
        let cut = &target[..MAX_TARGET_BYTES + 1];
        let expected = format!(
            "POST /v1/carers HTTP/1.0\r\ncontent-length: {}\r\n\r\n{body}DELETE {cut} HTTP/1.0\r\n\r\n",
            body.len()
        );
        assert_eq!(String::from_utf8_lossy(&out), expected);
    }

    #[test]
    fn a_target_at_the_limit_passes_unchanged() {
        let target = format!("/{}", "a".repeat(MAX_TARGET_BYTES - 1));
        let stream = format!("GET {target} HTTP/1.1\r\n\r\n");
        assert_eq!(through_every_split(stream.as_bytes()), stream.as_bytes());
    }

    #[test]
    fn what_it_does_not_follow_passes_through() {
        for stream in [
            // Conflicting lengths: actix refuses it; so do we, by not following.
            format!(
                "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nGET {} HTTP/1.1\r\n\r\n",
                long_target(MAX_TARGET_BYTES * 2)
            ),
            // No space in the first bytes: not a request line.
            "x".repeat(MAX_TARGET_BYTES * 2),
            // An upgrade: after it the stream is not HTTP/1.
            format!(
                "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n{}",
                "y".repeat(MAX_TARGET_BYTES * 2)
            ),
        ] {
            assert_eq!(through_every_split(stream.as_bytes()), stream.as_bytes());
        }
    }
}
