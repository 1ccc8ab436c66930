//! A QR code of a link as an SVG string (for the share dialog, slides and printed
//! handouts). The encoding (Reed–Solomon, masking) is the `qrcode` crate's; this module
//! only draws its module matrix: one `<path>` of horizontal runs, dark on white, with the
//! standard four-module quiet zone, using SVG attributes only (no inline style, strict CSP).

use qrcode::bits::Bits;
use qrcode::{Color, EcLevel, QrCode, Version};

/// Width of the light margin around the code, in modules (the standard's minimum).
pub const QUIET_ZONE: usize = 4;

/// Level M survives a crease or a smudge on a printed handout.
const EC: EcLevel = EcLevel::M;

/// The smallest code holding `text` in byte mode. Links are bytes anyway; skipping the
/// crate's mixed-mode optimiser kept ~3.6 KB (1.7 KB brotli) out of the release wasm.
fn encode(text: &str) -> Option<QrCode> {
    (1..=40).find_map(|v| {
        let mut bits = Bits::new(Version::Normal(v));
        bits.push_byte_data(text.as_bytes()).ok()?;
        bits.push_terminator(EC).ok()?;
        QrCode::with_bits(bits, EC).ok()
    })
}

/// The code's module matrix, row by row (`true` = dark), without the quiet zone.
pub fn matrix(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = encode(text)?;
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((width, dark))
}

/// The SVG of the QR code of `text`, or `None` when the text is too long for a QR code.
/// The SVG has no size of its own (only a viewBox): the page's CSS sizes it.
pub fn qr_svg(text: &str) -> Option<String> {
    let (width, dark) = matrix(text)?;
    let size = width + 2 * QUIET_ZONE;
    let mut d = String::new();
    for y in 0..width {
        let row = &dark[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] {
                let start = x;
                while x < width && row[x] {
                    x += 1;
                }
                let run = x - start;
                d.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"{size}\" height=\"{size}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"{d}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the dark modules back out of the SVG path.
    fn modules_from_svg(svg: &str) -> (usize, Vec<bool>) {
        let vb = svg.split("viewBox=\"0 0 ").nth(1).unwrap();
        let size: usize = vb.split(' ').next().unwrap().parse().unwrap();
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut grid = vec![false; size * size];
        for cmd in d.split('M').filter(|c| !c.is_empty()) {
            let (xy, rest) = cmd.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let run: usize = rest.split('v').next().unwrap().parse().unwrap();
            for i in 0..run {
                grid[y * size + x + i] = true;
            }
        }
        (size, grid)
    }

    #[test]
    fn the_svg_draws_exactly_the_code_matrix_with_a_quiet_zone() {
        let url = "https://example.org/jakarta/strategi/?view=charts&shock=banjir&lang=en";
        let (w, m) = matrix(url).unwrap();
        let svg = qr_svg(url).unwrap();
        let (size, grid) = modules_from_svg(&svg);
        assert_eq!(size, w + 2 * QUIET_ZONE);
        for y in 0..size {
            for x in 0..size {
                let inside = (QUIET_ZONE..QUIET_ZONE + w).contains(&x)
                    && (QUIET_ZONE..QUIET_ZONE + w).contains(&y);
                let want = inside && m[(y - QUIET_ZONE) * w + (x - QUIET_ZONE)];
                assert_eq!(grid[y * size + x], want, "module {x},{y}");
            }
        }
        // The three finder patterns: a dark 7×7 ring with a dark 3×3 centre, top-left,
        // top-right and bottom-left.
        for (ox, oy) in [(0, 0), (w - 7, 0), (0, w - 7)] {
            for i in 0..7 {
                assert!(m[oy * w + ox + i] && m[(oy + 6) * w + ox + i]);
                assert!(m[(oy + i) * w + ox] && m[(oy + i) * w + ox + 6]);
            }
            assert!(!m[(oy + 1) * w + ox + 1]);
            assert!(m[(oy + 3) * w + ox + 3]);
        }
    }

    #[test]
    fn the_same_link_gives_the_same_code_and_no_markup_from_the_text() {
        let evil = "https://x.org/?q=<script>alert(1)</script>\"";
        let a = qr_svg(evil).unwrap();
        assert_eq!(a, qr_svg(evil).unwrap());
        assert!(!a.contains("script") && !a.contains("style="));
        assert!(
            qr_svg(&"x".repeat(5000)).is_none(),
            "too long for a QR code"
        );
    }
}
