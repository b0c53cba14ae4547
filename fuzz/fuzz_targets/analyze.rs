//! Any text through the whole analysis: no panic, every span inside the text
//! on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rawi::{Document, analyze};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let a = analyze(Document::from_text("fuzz", text));
    let ok = |s: rawi::Span| s.start <= s.end && s.end <= a.text.len() && a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end);
    assert!(a.paragraphs.iter().all(|p| ok(p.span)));
    assert!(a.quotes.iter().all(|q| ok(q.span) && q.speaker.is_none_or(|i| i < a.speakers.len())));
    assert!(a.numbers.iter().all(|n| ok(n.span) && n.value.is_finite()));
    let _ = rawi::json::to_value(&a);
    let md = rawi::markdown::render(&a);
    assert!(rawi::sanitize::is_terminal_safe(&md));
});
