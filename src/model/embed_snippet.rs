//! The embed code shown in the "Embed" dialog: an `<iframe>` of what the builder's options
//! choose (`EmbedOptions`: the whole explorer, the current view, one chart or the map alone;
//! filters and header shown or not; a fixed language or the visitor's), in embed mode, plus a small listener script for the host page that sizes the iframe to the
//! height the explorer posts (`{type: "jrs-embed-height", height}`), after checking the
//! message's source and origin. The demo host page (public/embed-demo.html with
//! public/embed-demo.js) is this very snippet; a test keeps them identical.

use super::escape::escape;
use super::types::Lang;
use super::view_state::{EmbedPart, ViewState};

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

/// The state of the embedded copy of a view: embed mode on, presentation off, the view
/// itself with its filters and header.
pub fn embed_state(state: &ViewState) -> ViewState {
    let mut s = state.clone();
    s.embed = true;
    s.present = false;
    s.step = 0;
    s.part = EmbedPart::View;
    s.no_filters = false;
    s.no_header = false;
    s
}

/// The state behind "open the full explorer" from an embedded page: the view that holds
/// what it shows (the charts for a chart, the map for the map), with embed mode and its
/// options off.
pub fn full_state(state: &ViewState) -> ViewState {
    let mut s = state.clone();
    s.embed = false;
    if let Some(v) = s.part.view() {
        s.view = v;
    }
    s.part = EmbedPart::View;
    s.no_filters = false;
    s.no_header = false;
    s
}

/// The embed builder's choices. The snippet is the URL of the state they give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedOptions {
    /// What the page shows.
    pub part: EmbedPart,
    /// The filter panel shown.
    pub filters: bool,
    /// The header (the title) shown; the link to the full explorer always is.
    pub header: bool,
    /// A fixed language, or `None` for each visitor's own.
    pub lang: Option<Lang>,
}

impl EmbedOptions {
    /// What the builder starts with for a page in `state`: its view, filters and header
    /// shown, the language of its link.
    pub fn of(state: &ViewState) -> EmbedOptions {
        EmbedOptions {
            part: EmbedPart::View,
            filters: true,
            header: true,
            lang: state.lang,
        }
    }

    /// The state of the embedded page: `state`'s filters and view with these options; a
    /// chart or the map alone shows no selected initiative.
    pub fn state(&self, state: &ViewState) -> ViewState {
        let mut s = embed_state(state);
        s.part = self.part;
        s.no_filters = !self.filters;
        s.no_header = !self.header;
        s.lang = self.lang;
        if let Some(v) = self.part.view() {
            s.view = v;
            s.action = None;
        }
        s
    }

    /// The iframe's address for the page at `href`.
    pub fn src(&self, href: &str, state: &ViewState) -> String {
        absolute_url(href, &self.state(state))
    }
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

    fn options(part: EmbedPart, filters: bool, header: bool, lang: Option<Lang>) -> EmbedOptions {
        EmbedOptions {
            part,
            filters,
            header,
            lang,
        }
    }

    #[test]
    fn each_choice_of_the_builder_is_a_url() {
        use crate::model::view_state::EmbedChart;
        let mut st = ViewState {
            view: View::Actions,
            action: Some("a-1".into()),
            lang: Some(Lang::En),
            ..Default::default()
        };
        st.filters.toggle(crate::model::Facet::Shock, "flood");
        let href = "https://example.go.id/jakarta/?view=actions&shock=flood#top";
        let cases = [
            (
                EmbedOptions::of(&st),
                "?view=actions&lang=en&shock=flood&action=a-1&embed=1",
            ),
            (
                options(EmbedPart::Explorer, true, true, None),
                "?view=actions&shock=flood&action=a-1&embed=1&part=explorer",
            ),
            (
                options(
                    EmbedPart::Chart(EmbedChart::Matrix),
                    false,
                    true,
                    Some(Lang::Id),
                ),
                "?view=charts&lang=id&shock=flood&embed=1&part=matrix&filters=0",
            ),
            (
                options(EmbedPart::Chart(EmbedChart::Gantt), false, false, None),
                "?view=charts&shock=flood&embed=1&part=gantt&filters=0&header=0",
            ),
            (
                options(EmbedPart::Map, true, false, Some(Lang::En)),
                "?view=map&lang=en&shock=flood&embed=1&part=map&header=0",
            ),
        ];
        for (o, query) in cases {
            let src = o.src(href, &st);
            assert_eq!(
                src,
                format!("https://example.go.id/jakarta/{query}"),
                "{o:?}"
            );
            // The page reads back what was chosen.
            let (back, notices) = ViewState::from_query(query);
            assert!(notices.is_empty(), "{notices:?}");
            assert_eq!(back, o.state(&st), "{query}");
            assert_eq!(back.part, o.part);
            assert_eq!(back.no_filters, !o.filters);
            assert_eq!(back.no_header, !o.header);
            assert_eq!(back.lang, o.lang);
            // And the snippet is that URL in an iframe, escaped.
            let code = snippet(&src, "T");
            assert!(
                code.contains(&format!("src=\"{}\"", escape(&src))),
                "{code}"
            );
        }
        // Every part's code reads back as itself; the full explorer opens where it lives.
        for p in EmbedPart::ALL {
            assert_eq!(EmbedPart::from_code(p.code()), Some(p));
            let st = options(p, false, false, None).state(&ViewState::default());
            let full = full_state(&st);
            assert!(
                !full.embed && full.part == EmbedPart::View && !full.no_filters && !full.no_header
            );
            assert_eq!(full.view, p.view().unwrap_or(View::Overview));
        }
    }

    #[test]
    fn hostile_embed_options_are_dropped_with_a_notice() {
        let long = "x".repeat(5000);
        for q in [
            "?embed=1&part=<script>alert(1)</script>",
            "?embed=1&part=",
            "?embed=1&part=MAP",
            "?embed=1&part=%00%FF%FE",
            "?embed=1&filters=maybe",
            "?embed=1&header=%E2%80%AE",
            &format!("?embed=1&part={long}"),
        ] {
            let (s, notices) = ViewState::from_query(q);
            assert!(s.embed, "{q}");
            assert_eq!(s.part, EmbedPart::View, "{q}");
            assert!(!s.no_filters && !s.no_header, "{q}");
            assert_eq!(notices.len(), 1, "{q}: {notices:?}");
            assert_eq!(s.to_query(), "?embed=1", "{q}");
        }
        // Repeated: the last readable value counts; flags take the usual forms.
        let (s, _) =
            ViewState::from_query("?part=map&part=bogus&part=gantt&filters=false&header=0");
        assert_eq!(s.part.code(), "gantt");
        assert!(s.no_filters && s.no_header);
        let (s, n) = ViewState::from_query("?filters=1&header=true");
        assert!(!s.no_filters && !s.no_header && n.is_empty());
        // Unknown parameters stay ignored.
        let (s, n) = ViewState::from_query("?embed=1&chart=matrix&utm_source=x");
        assert_eq!((s.part, n.len()), (EmbedPart::View, 0));
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
