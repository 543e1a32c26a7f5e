//! `export openreferral DIR [--ndjson]`: every live provider and the vocabulary as Open
//! Referral UK v3 objects, one file per kind, the same JSON as `/openreferral/v3` answers
//! (docs/openreferral.md, "Export"). Files are written under a temporary name and renamed once
//! all are complete, so a failed export leaves no half-written file behind.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use carematch_service::{CareService, ServiceError};
use clap::Args;
use serde::Serialize;

use crate::settings::Settings;

#[derive(Debug, Args)]
pub(super) struct OpenReferralArgs {
    /// The folder to write into (created when missing).
    dir: PathBuf,
    /// One object per line (`.ndjson`) instead of one JSON array per file (`.json`).
    #[arg(long)]
    ndjson: bool,
}

/// One output file: a JSON array or NDJSON, under a temporary name until [`Sink::finish`].
struct Sink {
    path: PathBuf,
    tmp: PathBuf,
    out: BufWriter<File>,
    ndjson: bool,
    count: u64,
}

impl Sink {
    fn open(dir: &Path, kind: &str, ndjson: bool) -> anyhow::Result<Self> {
        let name = format!("{kind}.{}", if ndjson { "ndjson" } else { "json" });
        let path = dir.join(&name);
        let tmp = dir.join(format!(".{name}.partial"));
        let file = File::create(&tmp).with_context(|| format!("creating {}", tmp.display()))?;
        let mut out = BufWriter::new(file);
        if !ndjson {
            out.write_all(b"[")?;
        }
        Ok(Self {
            path,
            tmp,
            out,
            ndjson,
            count: 0,
        })
    }

    fn push(&mut self, value: &impl Serialize) -> std::io::Result<()> {
        if !self.ndjson {
            self.out
                .write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
        }
        serde_json::to_writer(&mut self.out, value)?;
        if self.ndjson {
            self.out.write_all(b"\n")?;
        }
        self.count += 1;
        Ok(())
    }

    /// Closes the array and flushes; the file keeps its temporary name until [`Sink::commit`].
    fn finish(mut self) -> anyhow::Result<Self> {
        if !self.ndjson {
            self.out
                .write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        self.out.get_ref().sync_all()?;
        Ok(self)
    }

    fn commit(&self) -> anyhow::Result<()> {
        std::fs::rename(&self.tmp, &self.path)
            .with_context(|| format!("renaming to {}", self.path.display()))
    }
}

pub(super) fn run(settings: &Settings, args: &OpenReferralArgs) -> anyhow::Result<()> {
    let store = crate::commands::open_store(settings)?;
    let service = CareService::new(store);
    std::fs::create_dir_all(&args.dir)
        .with_context(|| format!("creating {}", args.dir.display()))?;
    let open = |kind| Sink::open(&args.dir, kind, args.ndjson);
    let mut services = open("services")?;
    let mut organizations = open("organizations")?;
    let mut locations = open("locations")?;
    let mut service_at_locations = open("service_at_locations")?;
    let mut taxonomies = open("taxonomies")?;
    let mut terms = open("taxonomy_terms")?;

    let write = |error: std::io::Error| ServiceError::Internal(format!("writing: {error}"));
    service
        .openreferral_each(|mut published| {
            // Each object once: the service at location names the service by id (the service
            // is in services.json), as organisations do with their services.
            if let Some(sal) = published.service_at_location.service.take() {
                published.service_at_location.service_id = Some(sal.id);
            }
            services.push(&published.service).map_err(write)?;
            organizations.push(&published.organization).map_err(write)?;
            locations.push(&published.location).map_err(write)?;
            service_at_locations
                .push(&published.service_at_location)
                .map_err(write)
        })
        .context("exporting providers")?;
    for taxonomy in service.openreferral_vocabulary().iter() {
        taxonomies.push(taxonomy)?;
        for term in &taxonomy.taxonomy_terms {
            terms.push(term)?;
        }
    }

    let sinks = [
        services,
        organizations,
        locations,
        service_at_locations,
        taxonomies,
        terms,
    ]
    .into_iter()
    .map(Sink::finish)
    .collect::<anyhow::Result<Vec<_>>>()?;
    for sink in &sinks {
        sink.commit()?;
    }
    for sink in &sinks {
        println!("{}\t{}", sink.path.display(), sink.count);
    }
    Ok(())
}
