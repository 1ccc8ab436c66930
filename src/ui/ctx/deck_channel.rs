//! The browser side of the presenter-window messages (`model::deck::channel`): one
//! `BroadcastChannel` of this origin, messages posted as text, and each message received
//! read strictly and handed on only when it is about this page's deck (a message from another
//! deck, or one that is not a message at all, is dropped). Used by the presentation and the
//! presenter window (both in the lazy module).

use crate::model::deck::channel::{DeckId, Message, CHANNEL};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(extends = web_sys::EventTarget)]
    type BroadcastChannel;

    #[wasm_bindgen(constructor, catch)]
    fn new(name: &str) -> Result<BroadcastChannel, JsValue>;

    #[wasm_bindgen(method, js_name = postMessage, catch)]
    fn post_message(this: &BroadcastChannel, message: &str) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn close(this: &BroadcastChannel);
}

/// An open channel for one deck; closed when dropped.
pub struct DeckChannel {
    channel: BroadcastChannel,
    deck: DeckId,
    _listener: gloo::events::EventListener,
}

impl DeckChannel {
    /// Opens the channel for `deck`; `on_message` gets every message about that deck.
    /// `None` where the browser has no `BroadcastChannel`.
    pub fn open(deck: DeckId, on_message: impl Fn(Message) + 'static) -> Option<DeckChannel> {
        let channel = BroadcastChannel::new(CHANNEL).ok()?;
        let listener = gloo::events::EventListener::new(&channel, "message", move |ev| {
            let data = js_sys::Reflect::get(ev, &"data".into()).ok();
            let Some(text) = data.and_then(|d| d.as_string()) else {
                return;
            };
            match Message::parse(&text) {
                Ok(m) if m.deck() == deck => on_message(m),
                _ => {}
            }
        });
        Some(DeckChannel {
            channel,
            deck,
            _listener: listener,
        })
    }

    /// The deck this channel is for.
    pub fn deck(&self) -> DeckId {
        self.deck
    }

    /// Posts `message` to the other windows of this origin.
    pub fn post(&self, message: Message) {
        let _ = self.channel.post_message(&message.to_text());
    }
}

impl Drop for DeckChannel {
    fn drop(&mut self) {
        self.channel.close();
    }
}
