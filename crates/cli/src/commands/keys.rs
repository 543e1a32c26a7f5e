//! `carematch keys create`: makes an API key, prints it once (alone on the last line), stores its hash.

use anyhow::{Context, bail};
use carematch_domain::{AgencyId, Role};
use clap::{Args, Subcommand, ValueEnum};

use crate::settings::Settings;

#[derive(Debug, Args)]
pub struct KeysArgs {
    #[command(subcommand)]
    action: KeysAction,
}

#[derive(Debug, Subcommand)]
enum KeysAction {
    /// Create a key. The key is printed once, alone on the last line; only its hash is stored.
    Create {
        #[arg(long, value_enum)]
        role: RoleArg,
        /// The agency an agency key acts for (required with --role agency).
        #[arg(long, value_name = "ID")]
        agency: Option<i64>,
        /// A note saying who holds the key.
        #[arg(long, default_value = "")]
        label: String,
        /// Where the key holder's e-mails go: sign-in links and, for a moderator, the note that
        /// something waits in the queue (required with --role moderator).
        #[arg(long, value_name = "ADDRESS")]
        email: Option<String>,
    },
    /// Revoke a key by its id (printed when it was created).
    Revoke { id: i64 },
}

/// The roles made here. Organisation and PA keys are not: they come from registration, tied to
/// the account they sign in (docs/listings.md).
#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoleArg {
    Agency,
    Commissioner,
    Admin,
    Moderator,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Agency => Role::Agency,
            RoleArg::Commissioner => Role::Commissioner,
            RoleArg::Admin => Role::Admin,
            RoleArg::Moderator => Role::Moderator,
        }
    }
}

pub fn run(settings: &Settings, args: &KeysArgs) -> anyhow::Result<()> {
    let store = super::open_store(settings)?;
    match &args.action {
        KeysAction::Create {
            role,
            agency,
            label,
            email,
        } => {
            let role = Role::from(*role);
            let agency = match (role, agency) {
                (Role::Agency, Some(id)) => {
                    let id = AgencyId(*id);
                    store
                        .get_agency(id)?
                        .with_context(|| format!("there is no agency {id}"))?;
                    Some(id)
                }
                (Role::Agency, None) => bail!("an agency key needs --agency ID"),
                (_, Some(_)) => bail!("--agency applies only to --role agency"),
                (_, None) => None,
            };
            let (key, hash) = carematch_api::auth::generate_key()
                .context("reading the system's random source")?;
            let email = match (role, email) {
                (_, Some(address)) => {
                    let address = address.trim().to_lowercase();
                    let mut errors = carematch_domain::ValidationErrors::default();
                    carematch_domain::contact::check_email("email", &address, &mut errors);
                    if errors.into_result().is_err() {
                        bail!("--email {address} is not an e-mail address");
                    }
                    Some(address)
                }
                (Role::Moderator, None) => bail!("a moderator key needs --email ADDRESS"),
                (_, None) => None,
            };
            let record = store.create_key(
                &hash,
                &carematch_store::NewApiKey {
                    agency_id: agency,
                    email,
                    ..carematch_store::NewApiKey::new(role, label.as_str())
                },
            )?;
            eprintln!(
                "created {} key {} (store it now: it is not shown again)",
                role.code(),
                record.id
            );
            println!("{key}");
        }
        KeysAction::Revoke { id } => {
            store.revoke_api_key(*id)?;
            println!("revoked key {id}");
        }
    }
    Ok(())
}
