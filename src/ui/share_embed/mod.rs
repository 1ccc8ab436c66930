//! Sharing and embedding: the share button (link, QR code drawn by the lazy module, print colophon), the embed dialog
//! with its snippet, and copying text to the clipboard. The embed-mode frame is in `shell`.

pub mod copy_dialog;
pub mod embed;
pub mod qr;
pub mod share;
