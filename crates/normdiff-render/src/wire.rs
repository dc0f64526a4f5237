//! The envelope shared by JSON outputs: `schema_version` and the report's
//! fields, pretty-printed, then a newline. Bidi controls inside strings
//! are written as `\uXXXX` escapes, so JSON output is inert in a terminal.

use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Wire<'a, T: Serialize> {
    schema_version: u32,
    #[serde(flatten)]
    report: &'a T,
}

/// Writes `report` as JSON with `schema_version` first, and a newline.
pub(crate) fn write<T: Serialize>(
    schema_version: u32,
    report: &T,
    out: &mut dyn Write,
) -> io::Result<()> {
    // Bidi controls in document text are written as `\uXXXX` escapes.
    let json = serde_json::to_string_pretty(&Wire {
        schema_version,
        report,
    })?;
    out.write_all(crate::escape::json_bidi(json).as_bytes())?;
    out.write_all(b"\n")
}
