//! The page around the parts: the app root (URL ⇄ state, loading and error screens), the
//! site, embed and presentation frames with the view switch, the panic screen, the header's
//! tools menu, theme switch, offline support and focus handling. The only folder that may
//! use every other.

pub mod app;
pub mod embed_shell;
pub mod error_screen;
pub mod focus;
pub mod layout;
pub mod offline;
pub mod panic_screen;
pub mod theme_switch;
pub mod tools_menu;
