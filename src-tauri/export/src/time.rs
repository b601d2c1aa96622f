//! Printing times for provenance: unix seconds to RFC 3339 UTC, with no time-zone database.

/// Unix seconds as RFC 3339 in UTC, e.g. 2026-11-30T07:05:09Z: how provenance times are printed.
pub fn rfc3339_utc(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days since 1970-01-01 to a civil date (the proleptic Gregorian calendar, in 400-year eras).
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
    #[test]
    fn known_instants() {
        assert_eq!(super::rfc3339_utc(0), "1970-01-01T00:00:00Z");
        // 2024-02-29 (a leap day) 12:34:56 UTC.
        assert_eq!(super::rfc3339_utc(1_709_210_096), "2024-02-29T12:34:56Z");
        assert_eq!(super::rfc3339_utc(-1), "1969-12-31T23:59:59Z");
    }
}
