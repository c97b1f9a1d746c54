//! Empty: this package only names the crate whose AppImage runtime packaging/appimage uses.
