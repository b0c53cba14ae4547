//! Search that ignores what Arabic writing varies in: harakat, tatweel,
//! alef and yeh forms (`rawi::text::fold`), so `داعش` finds `داعـش`.
//!
//! The folded text is not kept: each paragraph is folded with a map from
//! folded bytes back to the original bytes, searched, and dropped, so a
//! search over a 100 MB article needs memory for one paragraph and the hits,
//! not a second copy of the article and an offset table eight times its size.

use rawi::text::{fold, is_arabic_mark, push_folded};
use rawi::{Article, Span};

/// At most this many hits are kept (the counter says `k/N+` past it).
pub const MAX_HITS: usize = 1_000_000;

/// Every match of `query` in the article's paragraphs, as byte spans of
/// the original text, in text order. An empty (after folding) query finds
/// nothing.
pub fn find(article: &Article, query: &str) -> Vec<Span> {
    let needle = fold(query);
    let mut hits = Vec::new();
    if needle.is_empty() {
        return hits;
    }
    let mut folded = String::new();
    let mut map: Vec<usize> = Vec::new();
    for p in &article.paragraphs {
        let text = article.slice(p.span);
        fold_with_map(text, &mut folded, &mut map);
        let mut from = 0;
        while let Some(i) = folded[from..].find(&needle) {
            let fs = from + i;
            let fe = fs + needle.len();
            hits.push(original_span(text, &map, fs, fe, p.span.start));
            if hits.len() >= MAX_HITS {
                return hits;
            }
            // Next match starts after this one's first character.
            from = fs + folded[fs..].chars().next().map_or(1, char::len_utf8);
        }
    }
    hits
}

/// Folds `text` into `out`; `map[i]` is the byte of `text` that folded byte
/// `i` came from.
fn fold_with_map(text: &str, out: &mut String, map: &mut Vec<usize>) {
    out.clear();
    map.clear();
    for (i, c) in text.char_indices() {
        let before = out.len();
        push_folded(c, out);
        map.extend(std::iter::repeat_n(i, out.len() - before));
    }
}

/// The original span of folded bytes `fs..fe`, extended over the marks and
/// tatweel folding dropped right after it (so the harakat of the last letter
/// are part of the hit).
fn original_span(text: &str, map: &[usize], fs: usize, fe: usize, base: usize) -> Span {
    let start = map[fs];
    let last = map[fe - 1];
    let mut end = last + text[last..].chars().next().map_or(1, char::len_utf8);
    for c in text[end..].chars() {
        if is_arabic_mark(c) || c == '\u{0640}' {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    Span::new(base + start, base + end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rawi::{Document, analyze};

    fn article(text: &str) -> Article {
        analyze(Document::from_text("t", text))
    }

    #[test]
    fn tatweel_and_harakat_do_not_hide_a_word() {
        let a = article("قتل 27 عُنصراً من داعـش، والتي هرب.\n\nقتال داعش.");
        let hits = find(&a, "داعش");
        assert_eq!(hits.len(), 2);
        assert_eq!(a.slice(hits[0]), "داعـش");
        assert_eq!(a.slice(hits[1]), "داعش");
        let hits = find(&a, "عنصرا");
        assert_eq!(a.slice(hits[0]), "عُنصراً");
    }

    #[test]
    fn alef_forms_and_case_fold() {
        let a = article("أعلن الرئيس.\n\nIraq and IRAQ.");
        assert_eq!(find(&a, "اعلن").len(), 1);
        assert_eq!(find(&a, "iraq").len(), 2);
        assert!(
            find(&a, "\u{064E}").is_empty(),
            "a query of harakat only finds nothing"
        );
    }
}
