//! The date written on the revisions of `diff --format docx`.
//!
//! Deterministic: `--date` when given; else `SOURCE_DATE_EPOCH` (seconds
//! since 1970, the reproducible-builds convention); else the modification
//! time of the NEW file; else no date.

use std::path::Path;

/// The revision date as Word writes it (`2026-01-31T12:00:00Z`).
pub fn revision_date(
    given: Option<&str>,
    source_date_epoch: Option<&str>,
    new: &str,
) -> Option<String> {
    if let Some(d) = given {
        return Some(d.to_owned());
    }
    let secs = source_date_epoch
        .and_then(|s| s.trim().parse::<i64>().ok())
        .or_else(|| {
            let m = std::fs::metadata(Path::new(new)).ok()?.modified().ok()?;
            let d = m.duration_since(std::time::UNIX_EPOCH).ok()?;
            i64::try_from(d.as_secs()).ok()
        })?;
    Some(iso8601(secs))
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
pub fn iso8601(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(1_767_225_600), "2026-01-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(
            revision_date(Some("2020-01-01T00:00:00Z"), Some("0"), "x").as_deref(),
            Some("2020-01-01T00:00:00Z")
        );
        assert_eq!(
            revision_date(None, Some("86400"), "/nonexistent").as_deref(),
            Some("1970-01-02T00:00:00Z")
        );
        assert_eq!(revision_date(None, None, "/nonexistent"), None);
    }
}
