//! Sharing and embedding: the share button (link, QR code, print colophon), the embed dialog
//! with its snippet, and copying text to the clipboard. The embed-mode frame is in `shell`.

pub mod copy_dialog;
pub mod embed;
pub mod share;
