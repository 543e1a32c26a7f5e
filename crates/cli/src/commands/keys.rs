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
    },
    /// Revoke a key by its id (printed when it was created).
    Revoke { id: i64 },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RoleArg {
    Agency,
    Commissioner,
    Admin,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Agency => Role::Agency,
            RoleArg::Commissioner => Role::Commissioner,
            RoleArg::Admin => Role::Admin,
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
            let record = store.create_api_key(&hash, role, agency, label)?;
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
