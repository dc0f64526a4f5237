//! The envelope shared by JSON outputs: `schema_version` and the report's
//! fields, pretty-printed, then a newline.

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
    serde_json::to_writer_pretty(
        &mut *out,
        &Wire {
            schema_version,
            report,
        },
    )?;
    out.write_all(b"\n")
}
