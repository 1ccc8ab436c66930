//! A panic shows a friendly error screen with a "copy details" button instead of a frozen
//! page. Built with plain DOM calls, since the reactive system may be broken by then.

use wasm_bindgen::JsCast;

fn lang_is_english() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .is_some_and(|l| l.starts_with("en"))
}

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let details = info.to_string();
        web_sys::console::error_1(&details.clone().into());
        show(&details);
    }));
}

fn show(details: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    let en = lang_is_english();
    let lang = if en {
        crate::model::Lang::En
    } else {
        crate::model::Lang::Id
    };
    let make = |tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Ok(main) = doc.create_element("main") else {
        return;
    };
    main.set_class_name("error-screen panic");
    main.set_attribute("role", "alert").ok();
    if let Some(h) = make("h1", crate::i18n::t(lang, "error.panic")) {
        main.append_child(&h).ok();
    }
    if let Some(pre) = make("pre", details) {
        main.append_child(&pre).ok();
    }
    if let Some(button) = make("button", crate::i18n::t(lang, "error.copy")) {
        let text = details.to_string();
        let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&text);
            }
        });
        button
            .add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())
            .ok();
        cb.forget();
        button.set_attribute("type", "button").ok();
        main.append_child(&button).ok();
    }
    if let Some(a) = make("a", crate::i18n::t(lang, "error.reload")) {
        a.set_attribute("href", "./").ok();
        a.set_class_name("button");
        main.append_child(&a).ok();
    }
    body.set_inner_html("");
    body.append_child(&main).ok();
}
