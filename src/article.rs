//! The article model: logical text plus byte spans.
//!
//! Everything rawi shows — paragraphs, section headings, quotes, speakers,
//! numbers — is a byte range into [`Article::text`], the article's text as
//! decoded from its source. Keeping one text and spans into it lets the
//! reader, the panes, search, selection and export agree on the same
//! characters whatever order they are displayed in (right-to-left text is
//! reordered only at the last step of drawing).

use serde::Serialize;

/// A byte range of [`Article::text`], always on `char` boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The text this span covers in `text` (empty if it does not fit).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Writing direction of a paragraph or an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (English).
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

/// What a paragraph is in the article's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphRole {
    /// The headline.
    Title,
    /// A subheading that opens a section.
    Heading,
    /// Body text.
    Body,
}

/// One block of text: the title, a heading or a body paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Where it is in the article text (list markers of headings excluded).
    pub span: Span,
    /// Title, heading or body.
    pub role: ParagraphRole,
    /// Its own direction, from its first strong letters.
    pub direction: Direction,
}

/// A part of the article under one heading. The lead section has none.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Section {
    /// Index of the heading paragraph, `None` for the lead section.
    pub heading: Option<usize>,
    /// Indices of the body paragraphs of the section, in order.
    pub paragraphs: Vec<usize>,
}

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// Several people speaking together (`محللون`, two researchers).
    Group,
    /// A ministry, a company, a report, a statement.
    Organization,
    /// A source with no name (`مصدر أمني`, an unnamed spokesman).
    Anonymous,
}

/// Someone (or something) quoted in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The name as first given in full (`مصطفى الكاظمي`).
    pub name: String,
    /// Other forms the article uses for the same speaker (`الكاظمي`).
    pub aliases: Vec<String>,
    /// Title or function (`رئيس الوزراء العراقي`), honorifics included.
    pub role: Option<String>,
    /// Person, group, organization or anonymous.
    pub kind: SpeakerKind,
}

/// Something said, directly («…») or reported (`وأكد أن …`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Index into [`Article::speakers`].
    pub speaker: Option<usize>,
    /// The reporting cue (`قال`, `مشيراً إلى أن`, `said`); `None` for a
    /// quotation that continues a speaker without a cue of its own.
    pub cue: Option<Span>,
    /// The words said: inside the quotation marks for direct speech, from
    /// the complementiser to the end of the sentence for reported speech.
    pub span: Span,
    /// True when the words are in quotation marks.
    pub direct: bool,
    /// Index of the paragraph the quote is in.
    pub paragraph: usize,
}

/// What a number means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberKind {
    /// A count or measure written in digits.
    Cardinal,
    /// A rank (`الثالثة`, `third`).
    Ordinal,
    /// A percentage (`%60`, `60 في المئة`).
    Percent,
    /// An amount of money (`80 مليار ريال`).
    Money,
    /// A year (`2015م`).
    Year,
    /// A day of a month (`12 April`, `الثامن من أغسطس`).
    Date,
    /// A number written as words or as a dual (`جولتين`, `eight`).
    CountWord,
}

/// A number in the text and what it says.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// The number as written, with its percent or scale words.
    pub span: Span,
    /// Its value (`60` for `%60`, `80e9` for `80 مليار ريال`).
    pub value: f64,
    /// What it means.
    pub kind: NumberKind,
    /// The counted noun or unit (`كهف` for `120 كهفاً`, `percent`, `دولار`).
    pub unit: Option<String>,
    /// True when the text says it is approximate (`نحو`, `about`).
    pub approximate: bool,
    /// Index of the paragraph the number is in.
    pub paragraph: usize,
}

/// An analysed article: its text, structure, speakers, quotes and numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Where it came from: a path, `-` for stdin, `PATH:LINE` for a JSONL record.
    pub source: String,
    /// The article text every span points into. For a JSON record it is the
    /// title, a blank line, then the body.
    pub text: String,
    /// URL from the record, when there was one.
    pub url: Option<String>,
    /// Date from the record, when there was one.
    pub date: Option<String>,
    /// Language code: `ar`, `en`, or the record's own `lang`.
    pub lang: String,
    /// Direction of the article as a whole.
    pub direction: Direction,
    /// Title, headings and body paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Site furniture set aside (font-size widgets, share words, bylines).
    pub boilerplate: Vec<Span>,
    /// The lead section, then one per heading.
    pub sections: Vec<Section>,
    /// Speakers in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Numbers in text order.
    pub numbers: Vec<NumberMention>,
}

impl Article {
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.of(&self.text)
    }

    /// The title, if the article has one.
    pub fn title(&self) -> &str {
        self.paragraphs
            .iter()
            .find(|p| p.role == ParagraphRole::Title)
            .map(|p| self.slice(p.span))
            .unwrap_or("")
    }

    /// The heading text of a section (`None` for the lead section).
    pub fn heading(&self, section: &Section) -> Option<&str> {
        section.heading.map(|i| self.slice(self.paragraphs[i].span))
    }
}
