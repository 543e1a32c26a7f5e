//! The smallest OpenDocument spreadsheet a reader accepts: a zip whose first entry is the
//! uncompressed `mimetype`, a manifest, and `content.xml` holding one table. Numbers that look
//! like coordinates or counts are written as float cells, as a spreadsheet saves them; everything
//! else as text.

use std::io::{self, Seek, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

const MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

const CONTENT_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#;

const CONTENT_END: &str = "</office:spreadsheet></office:body></office:document-content>";

/// Writes `rows` as the one sheet `sheet` of an ODS file. `numeric` says which columns hold
/// numbers (written as float cells when they parse).
pub fn write_ods<W: Write + Seek>(
    out: W,
    sheet: &str,
    numeric: &[bool],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> io::Result<W> {
    let mut zip = ZipWriter::new(out);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("mimetype", stored)
        .map_err(io::Error::other)?;
    zip.write_all(MIMETYPE.as_bytes())?;
    zip.start_file("META-INF/manifest.xml", deflated)
        .map_err(io::Error::other)?;
    zip.write_all(MANIFEST.as_bytes())?;
    zip.start_file("content.xml", deflated)
        .map_err(io::Error::other)?;
    let mut xml = io::BufWriter::new(&mut zip);
    xml.write_all(CONTENT_START.as_bytes())?;
    write!(xml, r#"<table:table table:name="{}">"#, escape(sheet))?;
    for row in rows {
        xml.write_all(b"<table:table-row>")?;
        for (i, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                xml.write_all(b"<table:table-cell/>")?;
            } else if numeric.get(i).copied().unwrap_or(false) && cell.parse::<f64>().is_ok() {
                write!(
                    xml,
                    r#"<table:table-cell office:value-type="float" office:value="{cell}"><text:p>{cell}</text:p></table:table-cell>"#
                )?;
            } else {
                write!(
                    xml,
                    r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                    escape(cell)
                )?;
            }
        }
        xml.write_all(b"</table:table-row>")?;
    }
    xml.write_all(b"</table:table>")?;
    xml.write_all(CONTENT_END.as_bytes())?;
    xml.flush()?;
    drop(xml);
    zip.finish().map_err(io::Error::other)
}

/// XML text escaping for cell text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
