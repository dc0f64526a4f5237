//! Version dates: seconds since the Unix epoch plus a UTC offset, printed
//! as ISO 8601. No clock is ever read.

/// A point in time with the UTC offset it was recorded in (as git stores
/// commit times).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub seconds: i64,
    /// Offset from UTC in minutes (`+120` for `+02:00`).
    pub offset_minutes: i32,
}

impl Timestamp {
    /// ISO 8601 in the recorded offset: `2014-08-04T00:00:00+02:00`
    /// (`Z` for offset 0).
    pub fn iso8601(&self) -> String {
        let local = self.seconds + i64::from(self.offset_minutes) * 60;
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        let (hh, mm, ss) = (secs / 3600, secs / 60 % 60, secs % 60);
        let off = if self.offset_minutes == 0 {
            "Z".to_owned()
        } else {
            let sign = if self.offset_minutes < 0 { '-' } else { '+' };
            let a = self.offset_minutes.unsigned_abs();
            format!("{sign}{:02}:{:02}", a / 60, a % 60)
        };
        format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}{off}")
    }

    /// The date part only (`2014-08-04`), for tables.
    pub fn date(&self) -> String {
        self.iso8601()[..10].to_owned()
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` with an optional `Z` or
    /// `±HH:MM` offset. `None` when malformed.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        let num = |a: usize, b: usize| -> Option<i64> {
            let t = s.get(a..b)?;
            t.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| t.parse().ok())?
        };
        let (y, m, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
        if s.get(4..5) != Some("-")
            || s.get(7..8) != Some("-")
            || !(1..=12).contains(&m)
            || !(1..=31).contains(&d)
        {
            return None;
        }
        let mut secs = 0;
        let mut offset = 0i32;
        if s.len() > 10 {
            if !matches!(s.get(10..11), Some("T") | Some(" ")) {
                return None;
            }
            let (hh, mm, ss) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
            if hh > 23 || mm > 59 || ss > 60 {
                return None;
            }
            secs = hh * 3600 + mm * 60 + ss;
            match s.get(19..)? {
                "" | "Z" => {}
                o if o.len() == 6 && (o.starts_with('+') || o.starts_with('-')) => {
                    let h: i32 = o.get(1..3)?.parse().ok()?;
                    let mi: i32 = o.get(4..6)?.parse().ok()?;
                    offset = (h * 60 + mi) * if o.starts_with('-') { -1 } else { 1 };
                }
                _ => return None,
            }
        }
        let local = days_from_civil(y, m, d) * 86_400 + secs;
        Some(Timestamp {
            seconds: local - i64::from(offset) * 60,
            offset_minutes: offset,
        })
    }
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian
/// (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// (year, month, day) to days since 1970-01-01.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_offset() {
        // 2014-08-04T00:00:00+02:00 = 2014-08-03T22:00:00Z.
        let t = Timestamp {
            seconds: 1_407_103_200,
            offset_minutes: 120,
        };
        assert_eq!(t.iso8601(), "2014-08-04T00:00:00+02:00");
        assert_eq!(t.date(), "2014-08-04");
        let utc = Timestamp {
            seconds: 0,
            offset_minutes: 0,
        };
        assert_eq!(utc.iso8601(), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn parses_what_it_prints() {
        for s in [
            "2014-08-04T00:00:00+02:00",
            "1803-03-15T12:30:05Z",
            "2021-03-12T09:00:00-05:30",
        ] {
            assert_eq!(Timestamp::parse(s).unwrap().iso8601(), s);
        }
        assert_eq!(
            Timestamp::parse("2021-05-28").unwrap().iso8601(),
            "2021-05-28T00:00:00Z"
        );
        for bad in [
            "",
            "2021",
            "2021-13-01",
            "2021-05-28X",
            "2021-05-28T25:00:00",
            "yyyy-mm-dd",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }
}
