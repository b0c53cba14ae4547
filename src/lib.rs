//! rawi — the analysis behind a terminal reader for news articles.
//!
//! This library holds no terminal code. It turns article text into an
//! [`Article`]: paragraphs and sections, speakers and what they said, and
//! the numbers in the text, each with byte spans into the text.
//!
//! ```
//! use rawi::{Document, SpeakerKind, analyze};
//!
//! let text = "عنوان\n\nوقال وزير الخارجية العراقي، فؤاد حسين، إن الحوار مهم.\n";
//! let article = analyze(Document::from_text("example", text));
//! let quote = &article.quotes[0];
//! let speaker = &article.speakers[quote.speaker.unwrap()];
//! assert_eq!(speaker.name, "فؤاد حسين");
//! assert_eq!(speaker.kind, SpeakerKind::Person);
//! assert_eq!(article.slice(quote.span), "الحوار مهم.");
//! ```
//!
//! Data flow: [`source`] reads bytes into a [`Document`]; [`analyze`] finds
//! the structure, quotes and numbers ([`extract`]); [`json`] and
//! [`markdown`] print it; [`layout`] turns a paragraph into screen rows in
//! visual order for the reader, and [`sanitize`] is the one boundary every
//! piece of article text crosses before it reaches a terminal.

#![warn(missing_docs)]

pub mod article;
pub mod config;
pub mod export;
pub mod extract;
pub mod json;
pub mod layout;
pub mod library;
pub mod markdown;
pub mod sanitize;
pub mod source;
pub mod state;
pub mod text;

pub use article::{
    Article, Direction, NumberKind, NumberMention, Paragraph, ParagraphRole, Quote, Section, Span, Speaker,
    SpeakerKind,
};
pub use extract::analyze;
pub use source::Document;
