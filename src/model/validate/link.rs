//! Which links from data are safe to show: http, https or mailto only, complete, without
//! spaces, invisible characters or raw quotes and angle brackets, and not oversized.

use super::fields::{code_point, invisible};
use crate::model::problem::{msg, quote, Message};

/// Longest link accepted, in bytes.
pub const MAX_LINK_CHARS: usize = 2000;

/// Links from data may only be http, https or mailto, with something after the scheme, no
/// spaces, control or invisible characters, no raw quotes or angle brackets, and at most
/// [`MAX_LINK_CHARS`] long.
pub fn check_link(url: &str) -> Result<(), Message> {
    let q = quote(url);
    if url.len() > MAX_LINK_CHARS {
        let n = url.chars().count();
        return Err(msg!(
            "link {q} is {n} characters long; at most {MAX_LINK_CHARS} are accepted",
            "tautan {q} panjangnya {n} karakter; paling banyak {MAX_LINK_CHARS} yang diterima",
        ));
    }
    let lower = url.to_ascii_lowercase();
    let Some(rest) = ["http://", "https://", "mailto:"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    else {
        return Err(msg!(
            "link {q} is not allowed: only http, https and mailto links are",
            "tautan {q} tidak diizinkan: hanya tautan http, https dan mailto yang boleh",
        ));
    };
    if let Some(c) = url.chars().find(|&c| c.is_whitespace() || invisible(c)) {
        let cp = code_point(c);
        return Err(msg!(
            "link {q} contains a space or an invisible character ({cp}): write spaces as %20",
            "tautan {q} memuat spasi atau karakter tak terlihat ({cp}): tulis spasi sebagai %20",
        ));
    }
    if let Some(c) = url.chars().find(|c| matches!(c, '"' | '<' | '>' | '`')) {
        let (qc, hex) = (quote(&c.to_string()), c as u32);
        return Err(msg!(
            "link {q} contains {qc}, which must be percent-encoded (%{hex:02X})",
            "tautan {q} memuat {qc}, yang harus ditulis dengan kode persen (%{hex:02X})",
        ));
    }
    if rest.trim_start_matches('/').is_empty() {
        return Err(msg!(
            "link {q} is incomplete: nothing follows the scheme",
            "tautan {q} tidak lengkap: tidak ada apa pun setelah skemanya",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links() {
        assert!(check_link("https://example.org/a?b=c").is_ok());
        assert!(check_link("HTTP://EXAMPLE.ORG").is_ok());
        assert!(check_link("mailto:someone@example.org").is_ok());
        for bad in [
            "javascript:alert(1)",
            " javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "//example.org",
            "https://",
            "mailto:",
            " https://example.org",
            "https://exa mple.org",
            "https://example.org/\u{202e}gpj.exe",
            "https://example.org/\u{200b}",
            "https://example.org/\n",
            "https://example.org/\"onmouseover=\"alert(1)",
            "https://example.org/<script>",
            "",
        ] {
            assert!(check_link(bad).is_err(), "{bad:?} should be refused");
        }
    }
}
