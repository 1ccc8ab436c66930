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
    if let Some(h) = make("h1", crate::i18n::texts(lang).error.panic) {
        main.append_child(&h).ok();
    }
    if let Some(p) = make("p", crate::i18n::texts(lang).error.panic_hint) {
        main.append_child(&p).ok();
    }
    let pre = make("pre", details);
    if let Some(pre) = &pre {
        pre.set_attribute("tabindex", "0").ok();
        main.append_child(pre).ok();
    }
    if let Some(button) = make("button", crate::i18n::texts(lang).error.copy) {
        let text = details.to_string();
        let (b, p) = (button.clone(), pre.clone());
        let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            copy(&text, &b, p.as_ref(), lang);
        });
        button
            .add_event_listener_with_callback("click", cb.as_ref().unchecked_ref())
            .ok();
        cb.forget();
        button.set_attribute("type", "button").ok();
        main.append_child(&button).ok();
    }
    if let Some(a) = make("a", crate::i18n::texts(lang).error.reload) {
        a.set_attribute("href", "./").ok();
        a.set_class_name("button");
        main.append_child(&a).ok();
    }
    body.set_inner_html("");
    body.append_child(&main).ok();
}

/// Copies the details; says "copied" on the button when the browser confirms, and otherwise
/// (no clipboard: an old browser, an insecure page, a refused permission) selects the text so
/// it can be copied by hand.
fn copy(
    text: &str,
    button: &web_sys::Element,
    pre: Option<&web_sys::Element>,
    lang: crate::model::Lang,
) {
    let select = {
        let pre = pre.cloned();
        move || {
            let sel = web_sys::window().and_then(|w| w.get_selection().ok().flatten());
            if let (Some(sel), Some(pre)) = (sel, pre.as_ref()) {
                let _ = sel.select_all_children(pre);
            }
        }
    };
    let Some(w) = web_sys::window() else { return };
    // `navigator.clipboard` is undefined outside secure contexts: check before calling.
    let has_clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        select();
        return;
    }
    let promise = w.navigator().clipboard().write_text(text);
    let button = button.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => button.set_text_content(Some(crate::i18n::texts(lang).error.copied)),
            Err(_) => select(),
        }
    });
}
