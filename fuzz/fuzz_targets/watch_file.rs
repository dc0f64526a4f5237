//! The watch-file parser of `normdiff check` on arbitrary text: never
//! panics; errors name the file and, where there is one, a line and
//! column inside the text.
#![no_main]

// The CLI's module, compiled as is (the CLI is a binary crate).
#[path = "../../crates/normdiff/src/watch.rs"]
#[allow(dead_code)]
mod watch;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match watch::parse(".normdiff.toml", text) {
        Ok(w) => {
            for entry in &w.watches {
                assert!(!entry.id.trim().is_empty());
            }
        }
        Err(e) => {
            let msg = format!("{e:#}");
            assert!(msg.starts_with(".normdiff.toml"), "{msg}");
            assert!(!msg.contains('\n'), "one line: {msg}");
        }
    }
});
