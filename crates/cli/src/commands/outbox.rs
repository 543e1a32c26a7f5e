//! `carematch outbox send|list|retry`: a sender process of its own (deployments with several
//! servers may run one or more; claims keep them from sending one message twice), and the
//! queue as an operator sees it. `serve` runs the same sender on a thread when SMTP is
//! configured ([`start_sender`]).

use anyhow::{Context, bail};
use carematch_domain::AgencyId;
use carematch_mailer::{Mailer, Sender, Stop};
use carematch_store::{MailStatus, OutboxFilter, Page, Store};
use clap::{Args, Subcommand};

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct OutboxArgs {
    #[command(subcommand)]
    action: OutboxAction,
}

#[derive(Debug, Subcommand)]
enum OutboxAction {
    /// Deliver queued e-mail over SMTP until SIGTERM or Ctrl-C (needs `[smtp]` settings).
    Send {
        /// Send what is due now, then exit.
        #[arg(long)]
        once: bool,
    },
    /// List queued, sent and failed messages, newest first (ids and states, never addresses or
    /// text).
    List {
        /// Only messages with this status: pending, sent or failed.
        #[arg(long)]
        status: Option<String>,
        /// Only this agency's messages.
        #[arg(long, value_name = "ID")]
        agency: Option<i64>,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 50)]
        per_page: u32,
    },
    /// Send a failed message back to the queue.
    Retry { id: i64 },
}

/// Starts the sender thread for `serve` when SMTP is configured; says so when it is not.
pub fn start_sender(settings: &Settings, store: &Store) -> anyhow::Result<Option<Sender>> {
    let Some(mailer_settings) = settings.smtp.mailer()? else {
        tracing::info!(
            "no SMTP host configured ([smtp] host): e-mail stays in the outbox, shown in the agency console"
        );
        return Ok(None);
    };
    let mailer = Mailer::new(store.clone(), mailer_settings)?;
    Ok(Some(
        Sender::spawn(mailer).context("starting the outbox sender thread")?,
    ))
}

pub fn run(settings: &Settings, args: &OutboxArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    match &args.action {
        OutboxAction::Send { once } => send(settings, &store, *once),
        OutboxAction::List {
            status,
            agency,
            page,
            per_page,
        } => {
            let status = match status.as_deref() {
                None => None,
                Some(code) => Some(MailStatus::parse(code).with_context(|| {
                    format!("--status must be pending, sent or failed, not `{code}`")
                })?),
            };
            let filter = OutboxFilter {
                agency: agency.map(AgencyId),
                status,
            };
            let paged = store.list_mail(filter, Page::new(*page, (*per_page).clamp(1, 1000)))?;
            println!("id\tkind\tagency\tstatus\tattempts\tcreated_at\tsent_at\tnext_attempt_at");
            for m in &paged.items {
                let agency = m.agency.map(|a| a.0.to_string()).unwrap_or_default();
                let sent = m.sent_at.map(|t| t.to_rfc3339()).unwrap_or_default();
                println!(
                    "{}\t{}\t{agency}\t{}\t{}\t{}\t{sent}\t{}",
                    m.id,
                    m.kind.code(),
                    m.status.code(),
                    m.attempts,
                    m.created_at.to_rfc3339(),
                    m.next_attempt_at.to_rfc3339()
                );
            }
            eprintln!("{} of {} message(s)", paged.items.len(), paged.total);
            Ok(())
        }
        OutboxAction::Retry { id } => match store.retry_mail(*id, None)? {
            Some(_) => {
                println!("message {id} is queued again");
                Ok(())
            }
            None => bail!("message {id} has not failed: there is nothing to retry"),
        },
    }
}

fn send(settings: &Settings, store: &Store, once: bool) -> anyhow::Result<()> {
    let mailer_settings = settings.smtp.mailer()?.context(
        "no SMTP host configured: set [smtp] host (or CAREMATCH_SMTP_HOST) and from; see \
         docs/configuration.md",
    )?;
    let mailer = Mailer::new(store.clone(), mailer_settings)?;
    if once {
        let round = mailer.send_due(&Stop::new())?;
        println!(
            "sent {}, to retry {}, failed {}",
            round.sent, round.retrying, round.failed
        );
        return Ok(());
    }
    let sender = Sender::spawn(mailer).context("starting the outbox sender thread")?;
    actix_web::rt::System::new().block_on(carematch_api::shutdown::signal());
    // A send in progress finishes and is marked before the store closes.
    sender.stop();
    Ok(())
}
