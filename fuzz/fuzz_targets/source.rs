//! Any bytes as a plain-text, JSON or JSONL input: a defined outcome, no panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.txt", "fuzz.json", "fuzz.jsonl", "-"] {
        if let Ok(loaded) = rawi::source::load_bytes(name, data) {
            for doc in loaded.documents {
                assert!(!doc.text.contains('\0'));
            }
        }
    }
});
