//! Any text through the terminal boundary comes out safe.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rawi::sanitize::{Hidden, for_terminal, for_terminal_line, is_terminal_safe};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for hidden in [Hidden::Drop, Hidden::Show] {
        assert!(is_terminal_safe(&for_terminal(&text, hidden)));
        let line = for_terminal_line(&text, hidden);
        assert!(is_terminal_safe(&line) && !line.contains(['\n', '\t']));
    }
});
