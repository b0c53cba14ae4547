//! Properties of the analysis on arbitrary text: no panic, every span inside
//! the text on char boundaries, every index pointing at something real.

use proptest::prelude::*;
use rawi::{Article, Document, analyze};

fn check(a: &Article) {
    let ok = |s: rawi::Span| {
        s.start <= s.end
            && s.end <= a.text.len()
            && a.text.is_char_boundary(s.start)
            && a.text.is_char_boundary(s.end)
    };
    for p in &a.paragraphs {
        assert!(ok(p.span));
    }
    for s in &a.boilerplate {
        assert!(ok(*s));
    }
    for q in &a.quotes {
        assert!(ok(q.span) && q.paragraph < a.paragraphs.len());
        assert!(q.cue.is_none_or(ok));
        assert!(q.speaker.is_none_or(|i| i < a.speakers.len()));
        let p = a.paragraphs[q.paragraph].span;
        assert!(
            q.span.start >= p.start && q.span.end <= p.end,
            "a quote stays in its paragraph"
        );
    }
    for n in &a.numbers {
        assert!(ok(n.span) && n.paragraph < a.paragraphs.len() && n.value.is_finite());
    }
    for s in &a.sections {
        assert!(s.paragraphs.iter().all(|&i| i < a.paragraphs.len()));
    }
}

/// Pieces that exercise the rules: Arabic cues and quote marks, digits,
/// controls, and arbitrary characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("وقال".to_string()),
        Just("الكاظمي".to_string()),
        Just("مشيرا إلى أن".to_string()),
        Just("إن".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("، ".to_string()),
        Just(". ".to_string()),
        Just(":".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("said".to_string()),
        Just("She".to_string()),
        Just("60 في المئة".to_string()),
        Just("%60".to_string()),
        Just("جولتين".to_string()),
        Just("وقتل27".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        "[ -~]{0,6}",
        "\\PC{0,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_breaks_the_analysis(s in "\\PC{0,300}") {
        check(&analyze(Document::from_text("p", s)));
    }

    #[test]
    fn article_shaped_noise_never_breaks_the_analysis(pieces in prop::collection::vec(piece(), 0..80)) {
        let text = pieces.join(" ");
        check(&analyze(Document::from_text("p", text)));
    }
}

#[test]
fn a_one_megabyte_line_without_spaces_is_analysed() {
    let line = "وقال".repeat(250_000);
    let a = analyze(Document::from_text("big", format!("title\n\n{line}")));
    check(&a);
    // Cut into paragraphs of at most 64 KiB at character boundaries.
    let max = rawi::extract::structure::MAX_PARAGRAPH;
    assert_eq!(a.paragraphs.len(), 1 + line.len().div_ceil(max));
    assert!(a.paragraphs.iter().all(|p| p.span.end - p.span.start <= max));
}

#[test]
fn a_long_text_without_blank_lines_is_analysed() {
    let text = "وقال الكاظمي، إن «الحوار مهم».\n".repeat(20_000);
    let a = analyze(Document::from_text("lines", text));
    check(&a);
    assert!(a.quotes.len() > 19_000);
}
