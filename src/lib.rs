//! rawi — the analysis behind a terminal reader for news articles.
//!
//! This library holds no terminal code. It turns article text into an
//! [`Article`]: paragraphs and sections, speakers and what they said, and
//! the numbers in the text, each with byte spans into the text.

#![warn(missing_docs)]

pub mod article;
pub mod extract;
pub mod json;
pub mod layout;
pub mod markdown;
pub mod sanitize;
pub mod source;
pub mod text;

pub use article::{
    Article, Direction, NumberKind, NumberMention, Paragraph, ParagraphRole, Quote, Section, Span, Speaker,
    SpeakerKind,
};
pub use extract::analyze;
pub use source::Document;
