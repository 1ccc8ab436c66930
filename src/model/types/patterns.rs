//! The patterns and ranges the JSON Schema states for ids, dates, links and years; the
//! validator checks the same rules and says which one a value breaks.

/// The ids the schema accepts (and references to them): 1–200 characters, none of them a space,
/// a comma, one of `< > " ' ` & \`, or a control, invisible or direction-changing character.
/// The validator checks the same rules and says which one an id breaks.
pub const ID_PATTERN: &str = r#"^[^\s,<>"'`&\\\u0000-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFFB]{1,200}$"#;

/// A partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a year from 1800 to 2200. Whether
/// the day exists in its month (30 February) is left to the validator.
pub const DATE_PATTERN: &str = r"^(18[0-9]{2}|19[0-9]{2}|20[0-9]{2}|21[0-9]{2}|2200)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

/// A link the explorer opens: http, https or mailto, without spaces.
pub const LINK_PATTERN: &str =
    r#"^([Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)/*[^\s"<>`/][^\s"<>`]*$"#;

/// Text that is not empty or only spaces.
pub const NOT_BLANK: &str = r"\S";

/// The first year the validator accepts in dates, timeframes and target years.
pub const FIRST_YEAR: i32 = 1800;
/// The last year the validator accepts.
pub const LAST_YEAR: i32 = 2200;
