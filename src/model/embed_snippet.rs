//! The embed code shown in the "Embed" dialog: an `<iframe>` of the current view in embed
//! mode plus a small listener script for the host page that sizes the iframe to the
//! height the explorer posts (`{type: "jrs-embed-height", height}`), after checking the
//! message's source and origin. The demo host page (public/embed-demo.html with
//! public/embed-demo.js) is this very snippet; a test keeps them identical.

use super::escape::escape;
use super::view_state::ViewState;

/// The `type` of the message the embedded explorer posts to its parent with its height.
pub const HEIGHT_MESSAGE: &str = "jrs-embed-height";

/// What the iframe may use: fullscreen (presentation) and the clipboard (copy link). Only
/// features every current browser recognises: an unknown one ("web-share" in Chromium on the
/// desktop) puts an "Unrecognized feature" error in the host page's console.
pub const ALLOW: &str = "fullscreen; clipboard-write";

/// The sandbox the snippet asks for: scripts and its own origin (the explorer is an app),
/// popups for "open the full explorer" (escaping the sandbox, so the opened page is a normal
/// page) and downloads.
pub const SANDBOX: &str =
    "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads";

/// Height (CSS px) until the first height message arrives, or when the host has no script.
pub const FALLBACK_HEIGHT: u32 = 800;

/// The host page's listener. Plain ES5 so that any host page can run it. It finds every
/// explorer iframe (`data-jrs-embed`) when it runs, makes it full-width and borderless, and
/// sets an iframe's height only from a message whose `source` is that iframe's window and
/// whose `origin` is the origin of that iframe's `src`.
pub const LISTENER_JS: &str = r#"(function () {
  "use strict";
  if (window.jrsEmbedListener) return;
  window.jrsEmbedListener = true;
  var selector = "iframe[data-jrs-embed]";
  var frames = document.querySelectorAll(selector);
  for (var i = 0; i < frames.length; i++) {
    frames[i].style.width = "100%";
    frames[i].style.border = "0";
    frames[i].style.display = "block";
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "jrs-embed-height") return;
    var all = document.querySelectorAll(selector);
    for (var j = 0; j < all.length; j++) {
      var frame = all[j];
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, document.baseURI).origin) return;
      var height = Math.ceil(Number(data.height));
      if (height > 0 && height < 100000) frame.style.height = height + "px";
      return;
    }
  });
})();
"#;

/// The demo host page's iframe `src` (relative: dist/embed-demo.html frames the explorer
/// next to it, wherever dist/ is served). The e2e test serves the demo on another origin
/// with this `src` pointed at the explorer's origin.
pub const DEMO_SRC: &str = "./?embed=1";

/// The demo iframe's title: the explorer's title and the overview's name, in Indonesian,
/// as the dialog writes it for the overview.
pub const DEMO_TITLE: &str = "Penjelajah Strategi Ketahanan Kota Jakarta — Ringkasan";

/// The iframe element of the snippet (one line).
pub fn iframe_html(src: &str, title: &str) -> String {
    format!(
        "<iframe data-jrs-embed src=\"{}\" title=\"{}\" loading=\"lazy\" allow=\"{ALLOW}\" sandbox=\"{SANDBOX}\" height=\"{FALLBACK_HEIGHT}\"></iframe>",
        escape(src),
        escape(title)
    )
}

/// The whole snippet: the iframe and the listener script.
pub fn snippet(src: &str, title: &str) -> String {
    format!(
        "{}\n<script>\n{LISTENER_JS}</script>\n",
        iframe_html(src, title)
    )
}

/// The state of the embedded copy of a view: embed mode on, presentation off.
pub fn embed_state(state: &ViewState) -> ViewState {
    let mut s = state.clone();
    s.embed = true;
    s.present = false;
    s.step = 0;
    s
}

/// The state behind "open the full explorer" from an embedded view: the same view with
/// embed mode off.
pub fn full_state(state: &ViewState) -> ViewState {
    let mut s = state.clone();
    s.embed = false;
    s
}

/// The page's address without its query and fragment (`https://host/sub/path/`).
pub fn page_base(href: &str) -> &str {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    &href[..end]
}

/// The absolute address of `state` on the page at `href`.
pub fn absolute_url(href: &str, state: &ViewState) -> String {
    format!("{}{}", page_base(href), state.to_query())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::View;

    #[test]
    fn the_snippet_has_the_promised_attributes() {
        let mut st = ViewState {
            view: View::Charts,
            ..Default::default()
        };
        st.filters.toggle(crate::model::Facet::Shock, "banjir");
        let src = absolute_url("https://example.org/jakarta/?view=map#x", &embed_state(&st));
        assert_eq!(
            src,
            "https://example.org/jakarta/?view=charts&shock=banjir&embed=1"
        );
        let s = snippet(&src, "Explorer — Charts");
        assert!(s.starts_with("<iframe data-jrs-embed src=\"https://example.org/jakarta/?view=charts&amp;shock=banjir&amp;embed=1\""), "{s}");
        for attr in [
            "title=\"Explorer — Charts\"",
            "loading=\"lazy\"",
            "allow=\"fullscreen; clipboard-write\"",
            "height=\"800\"",
            "sandbox=\"allow-scripts allow-same-origin allow-popups",
        ] {
            assert!(s.contains(attr), "missing {attr}");
        }
        assert!(s.contains("<script>\n") && s.ends_with("</script>\n"));
        assert!(LISTENER_JS.contains(HEIGHT_MESSAGE));
        assert!(LISTENER_JS.contains("event.source !== frame.contentWindow"));
        assert!(LISTENER_JS.contains("event.origin !== "));
    }

    #[test]
    fn presentation_is_dropped_and_full_view_keeps_the_rest() {
        let st = ViewState {
            present: true,
            step: 3,
            view: View::Map,
            ..Default::default()
        };
        let e = embed_state(&st);
        assert!(e.embed && !e.present && e.step == 0);
        assert_eq!(e.to_query(), "?view=map&embed=1");
        assert_eq!(full_state(&e).to_query(), "?view=map");
        assert_eq!(page_base("http://a/b/?x=1"), "http://a/b/");
        assert_eq!(page_base("http://a/b/#top"), "http://a/b/");
        assert_eq!(page_base("http://a/b/index.html"), "http://a/b/index.html");
    }

    #[test]
    fn text_is_escaped() {
        let s = iframe_html(
            "x\"><script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
        );
        assert!(!s.contains("<script>"), "{s}");
        assert!(!s.contains("<img"), "{s}");
        assert!(s.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(s.contains("x&quot;&gt;&lt;script&gt;"), "{s}");
    }

    #[test]
    fn the_demo_title_is_what_the_dialog_writes_for_the_overview() {
        use crate::i18n;
        use crate::model::Lang;
        assert_eq!(
            DEMO_TITLE,
            format!(
                "{} — {}",
                i18n::fill(
                    i18n::texts(Lang::Id).app.title,
                    &[("city", "Jakarta".into())]
                ),
                i18n::texts(Lang::Id).view.overview
            )
        );
    }

    /// public/embed-demo.html carries exactly the snippet's iframe, and public/embed-demo.js
    /// is exactly the snippet's script (the demo cannot inline it: strict CSP).
    #[test]
    fn the_demo_host_page_uses_exactly_the_snippet() {
        let root = env!("CARGO_MANIFEST_DIR");
        let html = std::fs::read_to_string(format!("{root}/public/embed-demo.html")).unwrap();
        let js = std::fs::read_to_string(format!("{root}/public/embed-demo.js")).unwrap();
        let iframe = iframe_html(DEMO_SRC, DEMO_TITLE);
        assert!(
            html.contains(&format!("{iframe}\n<script src=\"embed-demo.js\"></script>\n")),
            "public/embed-demo.html must contain, on its own lines:\n{iframe}\n<script src=\"embed-demo.js\"></script>"
        );
        assert_eq!(js, LISTENER_JS, "public/embed-demo.js must be LISTENER_JS");
        assert_eq!(
            snippet(DEMO_SRC, DEMO_TITLE),
            format!("{iframe}\n<script>\n{js}</script>\n")
        );
        assert!(!html.contains("style="), "no inline style (strict CSP)");
    }
}
