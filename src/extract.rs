//! Text → article model: structure, quotes and speakers, numbers.
//!
//! [`analyze`] is the one path from a [`Document`] to an [`Article`]; the
//! CLI's `extract`, the reader and the exports all use it, so what the gold
//! scorer measures is what a reader sees.

pub mod lexicon;
pub mod numbers;
pub mod quotes;
pub mod speakers;
pub mod structure;
pub mod tokens;

use crate::article::{Article, Direction, ParagraphRole};
use crate::source::Document;
use crate::text::is_mostly_arabic;

/// Analyses one document.
pub fn analyze(doc: Document) -> Article {
    complete(outline(doc))
}

/// The part of the analysis that costs little: language, direction,
/// paragraphs, sections and furniture, with no speakers, quotes or numbers
/// yet. The reader shows a huge article from its outline while
/// [`complete`] runs (about a tenth of the time of the whole analysis).
pub fn outline(doc: Document) -> Article {
    let lang = doc
        .lang
        .clone()
        .unwrap_or_else(|| if is_mostly_arabic(&doc.text) { "ar" } else { "en" }.to_string());
    let direction = if ["ar", "fa", "he", "ur", "ps", "ckb"]
        .iter()
        .any(|l| lang.starts_with(l))
    {
        Direction::Rtl
    } else {
        Direction::Ltr
    };
    let text = doc.text;
    // The analysis reads the text as a reader sees it: escape sequences
    // and controls are blanks there, at the same offsets.
    let structure = structure::parse(&crate::sanitize::for_analysis(&text), direction);
    Article {
        source: doc.source,
        url: doc.url,
        date: doc.date,
        lang,
        direction,
        paragraphs: structure.paragraphs,
        boilerplate: structure.boilerplate,
        sections: structure.sections,
        speakers: Vec::new(),
        quotes: Vec::new(),
        numbers: Vec::new(),
        text,
    }
}

/// The rest of the analysis on an [`outline`]: speakers, quotes and
/// numbers, from one tokenization per paragraph that serves both passes.
pub fn complete(mut article: Article) -> Article {
    let raw = std::mem::take(&mut article.text);
    let text = crate::sanitize::for_analysis(&raw);
    let mut finder = quotes::QuoteFinder::new();
    let mut numbers = Vec::new();
    for (i, p) in article.paragraphs.iter().enumerate() {
        debug_assert!(matches!(
            p.role,
            ParagraphRole::Title | ParagraphRole::Heading | ParagraphRole::Body
        ));
        let tokens = finder.paragraph(&text, p, i);
        numbers::find_numbers_in(tokens, p.span.of(&text), p.span.start, i, &mut numbers);
    }
    let (speakers, quotes) = finder.finish();
    article.speakers = speakers;
    article.quotes = quotes;
    article.numbers = numbers;
    drop(text);
    article.text = raw;
    article
}
