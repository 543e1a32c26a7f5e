//! A feed's service records as JSON, from a v3 API (page by page, each summary completed from
//! `/services/{id}`) or from a file: a page (`{"contents": [...]}`), a JSON array of services,
//! one service, or NDJSON (one service a line, as `carematch export openreferral` writes);
//! a folder is read through its `services.ndjson` or `services.json`.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde_json::Value;

use super::fetch::Fetcher;

/// Where a feed is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedSource {
    /// The API's base URL (the part before `/services`).
    Url(String),
    File(PathBuf),
}

impl FeedSource {
    /// A URL when it starts with `http://` or `https://`, else a file or folder.
    pub fn parse(text: &str) -> Self {
        if text.starts_with("http://") || text.starts_with("https://") {
            let base = text.trim_end_matches('/');
            let base = base.strip_suffix("/services").unwrap_or(base);
            Self::Url(base.to_owned())
        } else {
            Self::File(PathBuf::from(text))
        }
    }

    /// The feed's name in providers' provenance: the base URL, or the file's absolute path
    /// (so a re-run from another folder is the same feed).
    pub fn feed_name(&self) -> anyhow::Result<String> {
        match self {
            Self::Url(url) => Ok(url.clone()),
            Self::File(path) => Ok(std::fs::canonicalize(path)
                .with_context(|| format!("reading {}", path.display()))?
                .display()
                .to_string()),
        }
    }
}

/// One service record as the feed gave it, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    /// The record's number in the feed (1-based), or its line in an NDJSON file.
    pub number: u64,
    /// Where it is, for people: `page 3, item 7`, `line 12`, `item 4`.
    pub place: String,
    /// The record, or why it is not JSON (a broken NDJSON line).
    pub value: Result<Value, String>,
}

/// Every service record of the feed.
pub fn read(
    source: &FeedSource,
    fetcher: &Fetcher,
    per_page: u32,
) -> anyhow::Result<Vec<RawRecord>> {
    match source {
        FeedSource::Url(base) => read_api(base, fetcher, per_page),
        FeedSource::File(path) => read_file(path),
    }
}

/// Pages there can be at most, so that a feed whose `total_pages` keeps growing ends.
const MAX_PAGES: u64 = 100_000;

fn read_api(base: &str, fetcher: &Fetcher, per_page: u32) -> anyhow::Result<Vec<RawRecord>> {
    let mut records = Vec::new();
    let mut page = 1_u64;
    loop {
        let url = format!("{base}/services?page={page}&per_page={per_page}");
        let body = fetcher.json(&url)?;
        let Some(contents) = body.get("contents").and_then(Value::as_array) else {
            bail!("{url}: not an Open Referral page: no `contents` list");
        };
        let total_pages = body
            .get("total_pages")
            .and_then(Value::as_u64)
            .with_context(|| format!("{url}: not an Open Referral page: no `total_pages`"))?;
        for (i, item) in contents.iter().enumerate() {
            let value = if is_summary(item) {
                let id = item.get("id").and_then(Value::as_str).with_context(|| {
                    format!(
                        "{url}: item {} has no id to fetch its full record by",
                        i + 1
                    )
                })?;
                fetcher.json(&format!("{base}/services/{id}"))?
            } else {
                item.clone()
            };
            records.push(RawRecord {
                number: records.len() as u64 + 1,
                place: format!("page {page}, item {}", i + 1),
                value: Ok(value),
            });
        }
        if page >= total_pages || contents.is_empty() {
            return Ok(records);
        }
        page += 1;
        if page > MAX_PAGES {
            bail!("{base}: more than {MAX_PAGES} pages");
        }
    }
}

/// A list item that carries none of a full service's nested objects is a summary: the full
/// record is fetched by id.
fn is_summary(item: &Value) -> bool {
    const NESTED: &[&str] = &[
        "service_at_locations",
        "attributes",
        "languages",
        "schedules",
        "contacts",
        "phones",
    ];
    !NESTED.iter().any(|key| item.get(key).is_some())
}

fn read_file(path: &Path) -> anyhow::Result<Vec<RawRecord>> {
    let path = if path.is_dir() {
        ["services.ndjson", "services.json"]
            .iter()
            .map(|name| path.join(name))
            .find(|p| p.is_file())
            .with_context(|| {
                format!(
                    "{}: no services.ndjson or services.json in this folder",
                    path.display()
                )
            })?
    } else {
        path.to_path_buf()
    };
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(items)) => Ok(numbered(items, "item")),
        Ok(Value::Object(object)) => match object.get("contents") {
            Some(Value::Array(items)) => Ok(numbered(items.clone(), "item")),
            Some(_) => bail!("{}: `contents` is not a list", path.display()),
            None => Ok(numbered(vec![Value::Object(object)], "item")),
        },
        Ok(_) => bail!(
            "{}: neither a service, a list of services, a page nor NDJSON",
            path.display()
        ),
        // Not one JSON document: NDJSON, one service a line (blank lines skipped).
        Err(_) => Ok(text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(i, line)| RawRecord {
                number: i as u64 + 1,
                place: format!("line {}", i + 1),
                value: serde_json::from_str(line).map_err(|e| format!("not JSON: {e}")),
            })
            .collect()),
    }
}

fn numbered(items: Vec<Value>, what: &str) -> Vec<RawRecord> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, value)| RawRecord {
            number: i as u64 + 1,
            place: format!("{what} {}", i + 1),
            value: Ok(value),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_a_trailing_services_and_files_stay_files() {
        assert_eq!(
            FeedSource::parse("https://x.example/openreferral/v3/services/"),
            FeedSource::Url("https://x.example/openreferral/v3".into())
        );
        assert_eq!(
            FeedSource::parse("feed.ndjson"),
            FeedSource::File("feed.ndjson".into())
        );
    }

    #[test]
    fn files_of_every_shape() {
        let dir = tempfile::tempdir().expect("temp dir");
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).expect("write");
            path
        };
        let page = write(
            "page.json",
            r#"{"total_pages":1,"contents":[{"id":"a"},{"id":"b"}]}"#,
        );
        assert_eq!(read_file(&page).expect("page").len(), 2);
        let array = write("array.json", r#"[{"id":"a"}]"#);
        assert_eq!(read_file(&array).expect("array")[0].place, "item 1");
        let ndjson = write("services.ndjson", "{\"id\":\"a\"}\n\n{broken\n");
        let lines = read_file(&ndjson).expect("ndjson");
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[1].number, lines[1].value.is_err()), (3, true));
        assert_eq!(read_file(dir.path()).expect("folder").len(), 2);
    }
}
