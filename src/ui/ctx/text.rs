//! A fixed interface text in the current language, as a view or an attribute value. Every
//! place that shows one goes through [`text`], so they all share one closure type and the
//! view code for it is compiled once instead of once per place (BENCHMARKS.md, wasm size).

use crate::i18n::{self, Key};
use crate::model::Lang;
use leptos::prelude::*;

/// The text `key` (`|t| t.view.map`) in the language of `lang`, following it when it changes.
pub fn text(
    lang: Memo<Lang>,
    key: Key,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || i18n::t(lang.get(), key)
}
