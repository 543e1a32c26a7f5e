//! `smtp-sink --port PORT --dir FOLDER`: the test SMTP server of `carematch_testkit::smtp` on
//! `127.0.0.1:PORT` (0: any free port), writing each accepted message to `FOLDER/NNNNN.json`
//! (`mail_from`, `rcpt_to`, `message_id`, `subject` and `text` decoded, `headers`, `body` and
//! `data` as sent) before answering `250`.
//! Prints `listening on ADDRESS` once bound; runs until killed. For the browser suite.

use std::path::{Path, PathBuf};

use carematch_testkit::smtp::{Received, SmtpServer};

fn write(dir: &Path, n: usize, message: &Received) -> std::io::Result<()> {
    let json = serde_json::json!({
        "mail_from": message.mail_from,
        "rcpt_to": message.rcpt_to,
        "message_id": message.message_id(),
        "subject": message.subject(),
        "text": message.text(),
        "headers": message.headers,
        "body": message.body,
        "data": message.data,
    });
    // Written whole, then renamed: a reader never sees half a message.
    let part = dir.join(format!("{n:05}.json.part"));
    std::fs::write(&part, serde_json::to_vec_pretty(&json)?)?;
    std::fs::rename(&part, dir.join(format!("{n:05}.json")))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut port = "0".to_owned();
    let mut dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => port = args.next().ok_or("--port needs a number")?,
            "--dir" => dir = args.next().map(PathBuf::from),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let dir = dir.ok_or("--dir FOLDER is required")?;
    std::fs::create_dir_all(&dir)?;
    let folder = dir.clone();
    let server = SmtpServer::start_on(
        &format!("127.0.0.1:{port}"),
        Some(Box::new(move |n, message| {
            if let Err(error) = write(&folder, n, message) {
                eprintln!("smtp-sink: cannot write message {n}: {error}");
            }
        })),
    )?;
    println!("listening on {}", server.addr());
    loop {
        std::thread::park();
    }
}
