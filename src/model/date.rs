//! Partial dates as datasets write them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked for
//! impossible values, and formatted for each language.

use super::problem::Message;
use super::types::Lang;

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Year.
    pub year: i32,
    /// Month 1–12, when known.
    pub month: Option<u32>,
    /// Day of month, when known.
    pub day: Option<u32>,
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the error says what is wrong, in both
    /// languages.
    pub fn parse(s: &str) -> Result<PartialDate, Message> {
        let bad = || {
            let q = super::problem::quote(s);
            Message::new(
                format!("date {q} is not of the form YYYY, YYYY-MM or YYYY-MM-DD"),
                format!("tanggal {q} tidak berbentuk YYYY, YYYY-MM atau YYYY-MM-DD"),
            )
        };
        let parts: Vec<&str> = s.split('-').collect();
        if parts.is_empty() || parts.len() > 3 {
            return Err(bad());
        }
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(parts[0], 4) {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        if !(1800..=2200).contains(&year) {
            return Err(Message::new(
                format!("date {s}: year {year} is outside 1800–2200"),
                format!("tanggal {s}: tahun {year} di luar 1800–2200"),
            ));
        }
        let mut date = PartialDate {
            year,
            month: None,
            day: None,
        };
        if let Some(m) = parts.get(1) {
            if !digits(m, 2) {
                return Err(bad());
            }
            let month: u32 = m.parse().map_err(|_| bad())?;
            if !(1..=12).contains(&month) {
                return Err(Message::new(
                    format!("date {s}: there is no month {month}"),
                    format!("tanggal {s}: tidak ada bulan {month}"),
                ));
            }
            date.month = Some(month);
            if let Some(dd) = parts.get(2) {
                if !digits(dd, 2) {
                    return Err(bad());
                }
                let day: u32 = dd.parse().map_err(|_| bad())?;
                let max = days_in_month(year, month);
                if day == 0 || day > max {
                    let m = (month - 1) as usize;
                    return Err(Message::new(
                        format!(
                            "date {s} does not exist: {} {year} has {max} days",
                            MONTHS_EN[m]
                        ),
                        format!(
                            "tanggal {s} tidak ada: {} {year} hanya {max} hari",
                            MONTHS_ID[m]
                        ),
                    ));
                }
                date.day = Some(day);
            }
        }
        Ok(date)
    }

    /// Formats the date for `lang`, e.g. `17 November 2016` / `17 November 2016`,
    /// `Agustus 2019` / `August 2019`, `2013`.
    pub fn format(&self, lang: Lang) -> String {
        let months = match lang {
            Lang::Id => &MONTHS_ID,
            Lang::En => &MONTHS_EN,
        };
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", months[(m - 1) as usize], self.year),
            (Some(m), None) => format!("{} {}", months[(m - 1) as usize], self.year),
            _ => self.year.to_string(),
        }
    }

    /// A position on a continuous time axis (years), for charts.
    pub fn as_year_fraction(&self) -> f64 {
        let m = self.month.unwrap_or(1) as f64 - 1.0;
        let d = self.day.unwrap_or(1) as f64 - 1.0;
        self.year as f64 + (m + d / 31.0) / 12.0
    }
}

/// Formats a date string for `lang`, or returns it unchanged when it cannot be parsed.
pub fn format_date(s: &str, lang: Lang) -> String {
    PartialDate::parse(s)
        .map(|d| d.format(lang))
        .unwrap_or_else(|_| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_three_precisions() {
        assert_eq!(PartialDate::parse("2019").map(|d| d.month), Ok(None));
        assert_eq!(PartialDate::parse("2019-08").map(|d| d.month), Ok(Some(8)));
        assert_eq!(
            PartialDate::parse("2019-08-30").map(|d| d.day),
            Ok(Some(30))
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(PartialDate::parse("2019-02-29").is_err());
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(PartialDate::parse("2019-13").is_err());
        assert!(PartialDate::parse("2019-04-31").is_err());
        assert!(PartialDate::parse("99999-01-01").is_err());
        assert!(PartialDate::parse("30/08/2019").is_err());
        assert!(PartialDate::parse("").is_err());
    }

    #[test]
    fn formats_per_language() {
        let d = PartialDate::parse("2019-08-30").expect("valid");
        assert_eq!(d.format(Lang::Id), "30 Agustus 2019");
        assert_eq!(d.format(Lang::En), "30 August 2019");
        assert_eq!(format_date("2016-05", Lang::Id), "Mei 2016");
    }
}
