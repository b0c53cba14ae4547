//! Quotes and their speakers.
//!
//! One pass per body paragraph, in text order:
//!
//! 1. **Quotation marks are paired** (`«»`, `“”`, `""`, `‘’`). A mark that
//!    never closes ends at the paragraph end (the press reopens `«` at each
//!    paragraph of a long quote and closes it once). A straight `"` that
//!    opens while another is open closes the first at its last sentence end
//!    (`… البلدين. وتابع :"فالمتطرفون …"`).
//! 2. **Sentences** end at `. ! ? ؟ …` outside quotation marks.
//! 3. **Cues** are found outside quotation marks: Arabic reporting verbs
//!    (with `و`/`ف`), continuation participles (`مشيراً`), "according to"
//!    cues (`وفقاً لـ`, `بحسب`), English reporting verbs and participles.
//! 4. Each cue gets a **subject** (the phrase after an Arabic verb, before
//!    or after an English one), then its **content**: the quotation right
//!    after the subject and complementiser (direct), else the words from the
//!    complementiser to the end of the sentence or to the next cue that
//!    starts a new statement (reported), else — for `«…»، قال X` and
//!    `"…," she said` — the quotation just before the cue.
//! 5. A quotation no cue claimed that opens a sentence (a paragraph that
//!    continues a long quote) belongs to the current speaker. Quotation marks
//!    in the middle of a sentence with no cue are titles or scare quotes
//!    (`«دوسيبو»`, `"معلومات كاذبة"`), not speech.
//!
//! Steps 1 and 2 live in `marks.rs`, the subject of step 4 in `subject.rs`,
//! the people named in running text (whom `she said` or a family name alone
//! may mean) in `names.rs`; this module holds the cues, their content and
//! the order of the passes.

use crate::article::{Paragraph, ParagraphRole, Quote, Span, Speaker, SpeakerKind};
use std::sync::OnceLock;

use crate::extract::lexicon::{Filter, WordSet, has_noun, lexicon, strip_article, strip_conjunction};
use crate::extract::speakers::{self, Agreement, Mention, Pronoun, Registry};
use crate::extract::tokens::Tokens;

mod marks;
mod names;
mod subject;
#[cfg(test)]
mod tests;

/// Finds the quotes of the body paragraphs and their speakers.
pub fn find_quotes(text: &str, paragraphs: &[Paragraph]) -> (Vec<Speaker>, Vec<Quote>) {
    let mut finder = QuoteFinder::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if p.role == ParagraphRole::Body {
            finder.paragraph(text, p, i);
        }
    }
    finder.finish()
}

thread_local! {
    // Token and per-paragraph buffers reused across articles: no
    // allocation per paragraph once they have grown.
    static BUFFERS: std::cell::Cell<(Tokens, Scratch, Registry)> = std::cell::Cell::default();
}

/// The quotes of an article, paragraph by paragraph in text order (a cue
/// with no subject continues the speaker of an earlier paragraph).
///
/// Each paragraph is tokenized here and its tokens are handed back, so the
/// caller can run the other token-level passes (numbers) on them without
/// reading the text again.
pub struct QuoteFinder<'a> {
    finder: Finder<'a>,
    quotes: Vec<Quote>,
}

impl<'a> QuoteFinder<'a> {
    /// A finder for one article.
    pub fn new() -> Self {
        let (t, scratch, registry) = BUFFERS.take();
        QuoteFinder {
            finder: Finder {
                t,
                scratch,
                registry,
                ..Finder::default()
            },
            quotes: Vec::new(),
        }
    }

    /// Tokenizes paragraph `index` (`p`, a span of `text`), finds its
    /// quotes when it is body text, and returns its tokens.
    pub fn paragraph(&mut self, text: &'a str, p: &Paragraph, index: usize) -> &mut Tokens {
        self.finder.paragraph(
            text,
            p.span,
            index,
            p.role == ParagraphRole::Body,
            &mut self.quotes,
        );
        &mut self.finder.t
    }

    /// The speakers and quotes found.
    pub fn finish(self) -> (Vec<Speaker>, Vec<Quote>) {
        let Finder {
            t,
            scratch,
            mut registry,
            ..
        } = self.finder;
        let speakers = registry.take_speakers();
        BUFFERS.set((t, scratch, registry));
        (speakers, self.quotes)
    }
}

impl Default for QuoteFinder<'_> {
    fn default() -> Self {
        Self::new()
    }
}

/// The per-paragraph working arrays of [`Finder::paragraph`], kept between
/// paragraphs (and articles) so that their memory is reused.
#[derive(Default)]
struct Scratch {
    /// Top-level quotations.
    qspans: Vec<QSpan>,
    /// Per token: inside a quotation.
    inside: Vec<bool>,
    /// Open quotation marks while pairing: (token, mark).
    stack: Vec<(usize, char)>,
    /// Where sentences end.
    sentences: Sentences,
    cues: Vec<Cue>,
    /// Per cue: it starts a new statement ([`Finder::splits`]).
    splits: Vec<bool>,
    /// Per cue: the token of the next cue after it that starts a new
    /// statement (the paragraph's length when none).
    next_split: Vec<usize>,
    items: Vec<Item>,
    /// Token ranges of the words already reported.
    covered: Coverage,
}

/// The sentences of a paragraph, as the tokens that end them: a
/// sentence's bounds are found by bisection when a cue asks, instead of
/// two arrays written for every token of every paragraph.
#[derive(Default)]
struct Sentences {
    /// Tokens that end a sentence, in order.
    ends: Vec<usize>,
    /// Tokens in the paragraph.
    n: usize,
}

impl Sentences {
    /// The first token of the sentence of token `i`.
    fn start(&self, i: usize) -> usize {
        self.bounds(i).0
    }

    /// The first token of the sentence of token `i`, and one past its last.
    fn bounds(&self, i: usize) -> (usize, usize) {
        let k = self.ends.partition_point(|&e| e < i);
        let start = if k == 0 { 0 } else { self.ends[k - 1] + 1 };
        let end = self.ends.get(k).map_or(self.n, |&e| e + 1);
        (start, end)
    }
}

/// The unused quotation whose mark opens at token `j` (quotations are in
/// text order, see [`Finder::paragraph_with`]).
fn quotation_at(qspans: &[QSpan], j: usize) -> Option<usize> {
    let q = qspans.binary_search_by_key(&j, |q| q.open).ok();
    q.filter(|&q| !qspans[q].used)
}

/// Token ranges of the words already reported, asked "is token `p` in
/// one of them?" once per cue and per quotation. A prefix maximum over range
/// starts (a Fenwick tree) answers in O(log n): a paragraph with tens of
/// thousands of cues stays fast, where scanning the ranges at each cue was
/// quadratic.
#[derive(Default)]
struct Coverage {
    /// Fenwick tree over range starts of the furthest range end.
    tree: Vec<usize>,
}

impl Coverage {
    /// Forgets all ranges, for a paragraph of `n` tokens.
    fn clear(&mut self, n: usize) {
        self.tree.clear();
        self.tree.resize(n + 1, 0);
    }

    /// Adds the token range `a..b`.
    fn add(&mut self, (a, b): (usize, usize)) {
        let mut i = a + 1;
        while i < self.tree.len() {
            self.tree[i] = self.tree[i].max(b);
            i += i & i.wrapping_neg();
        }
    }

    /// True when token `p` lies in a range added so far.
    fn covers(&self, p: usize) -> bool {
        let mut i = (p + 1).min(self.tree.len().saturating_sub(1));
        let mut furthest = 0;
        while i > 0 {
            furthest = furthest.max(self.tree[i]);
            i -= i & i.wrapping_neg();
        }
        furthest > p
    }
}

/// A top-level quotation in token indices: marks at `open` and (when it
/// closed) `inner_end`; the quoted tokens are `open + 1 .. inner_end`.
#[derive(Debug, Clone, Copy)]
struct QSpan {
    open: usize,
    inner_end: usize,
    /// One past the closing mark (equal to `inner_end` when none).
    end: usize,
    used: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    Verb {
        agreement: Agreement,
        homograph: bool,
        prefixed: bool,
        present: bool,
    },
    Participle,
    According,
    EnVerb {
        told: bool,
        /// Marked `!` in the list (`declared` a state of emergency): it
        /// reports only with `that`, a colon or a quotation.
        homograph: bool,
    },
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    at: usize,
    kind: CueKind,
    /// An English verb joined by `and`/`but` to an earlier cue of its
    /// sentence (`said … but warned there was …`): a new statement of the
    /// same subject.
    joined: bool,
    /// No cue comes before it in its sentence.
    first: bool,
}

/// What one item of a paragraph says, before speakers are resolved.
struct Item {
    /// Token where the item takes effect (the cue, or the quotation's mark).
    at: usize,
    cue: Option<usize>,
    mention: Mention,
    agreement: Agreement,
    content: (usize, usize),
    direct: bool,
}

#[derive(Default)]
struct Finder<'a> {
    t: Tokens,
    /// What [`Finder::fronted_subject`] last read: (sentence start, read up
    /// to, subject found at).
    fronted: std::cell::Cell<(usize, usize, Option<usize>)>,
    scratch: Scratch,
    registry: Registry,
    /// The current paragraph's text.
    ptext: &'a str,
    /// [`Finder::en_name_word`] of the latest tokens asked, as (token + 1,
    /// answer); cleared for each paragraph.
    name_word_memo: std::cell::Cell<[(usize, bool); 4]>,
    /// The whole text, and where the current paragraph starts in it.
    article: &'a str,
    pstart: usize,
    /// Bytes [`Finder::earlier_mention`] may still read back through: as
    /// many as the article has, so that looking back stays linear however
    /// many speakers a text names.
    lookback_left: std::cell::Cell<Option<usize>>,
}

/// How far back (in bytes) an Arabic name or role is looked for: a few
/// paragraphs.
const LOOKBACK: usize = 3000;

/// What an Arabic word is in a name read from raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameWord {
    /// A listed given name (`عادل`).
    Given,
    /// A word that can be a name (`فوزي`, `أوزتورك`).
    Plain,
    /// A definite word (`الدين` of `حسام الدين`, `السوداني`).
    Definite,
    /// A title or role (`الدكتور`, `وزير`): what may come before a name.
    Title,
    /// Anything else: punctuation, a function word, a verb.
    Stop,
}

/// One filter over the Arabic cue lists (participles, verbs, "according
/// to"), each word also with `و` and `ف` before it: a word it does not let
/// through is not a cue, bare or without its conjunction, and is dismissed
/// with one probe (most words of a text).
fn ar_cue_filter() -> &'static Filter<256> {
    static FILTER: OnceLock<Filter<256>> = OnceLock::new();
    FILTER.get_or_init(|| {
        let lex = lexicon();
        let mut filter = Filter::default();
        for w in [&lex.ar_participles, &lex.ar_verbs, &lex.ar_according]
            .into_iter()
            .flat_map(WordSet::words)
        {
            filter.insert(w);
            filter.insert(&format!("و{w}"));
            filter.insert(&format!("ف{w}"));
        }
        filter
    })
}

/// Words that join clauses before a cue without being its subject.
const CONNECTORS: [&str; 12] = [
    "و",
    "ف",
    "ثم",
    "كما",
    "وكما",
    "قد",
    "وقد",
    "لقد",
    "فيما",
    "بينما",
    "لكن",
    "ولكن",
];
const EN_AUX: [&str; 14] = [
    "has",
    "have",
    "had",
    "was",
    "is",
    "also",
    "then",
    "later",
    "previously",
    "been",
    "would",
    "will",
    "had",
    "once",
];
const EN_CUT: [&str; 16] = [
    "of", "who", "which", "that", "from", "in", "at", "with", "for", "whose", "on", "to", "near", "outside",
    "inside", "across",
];
/// English number words that count a plural subject (`Two brokers told
/// Reuters`): never part of a name.
const EN_COUNTS: [&str; 12] = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
];
/// Lower-case particles inside names (`Ruben del Campo`, `Ursula von der Leyen`).
const EN_PARTICLES: [&str; 14] = [
    "de", "del", "della", "da", "dos", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al",
];
const EN_STOP_BEFORE: [&str; 6] = ["and", "but", "while", "as", "because", "when"];

impl<'a> Finder<'a> {
    fn paragraph(&mut self, text: &'a str, span: Span, index: usize, body: bool, out: &mut Vec<Quote>) {
        let ptext = span.of(text);
        self.ptext = ptext;
        self.article = text;
        self.pstart = span.start;
        self.name_word_memo.set([(0, false); 4]);
        self.fronted.set((usize::MAX, 0, None));
        self.t.tokenize(ptext);
        let n = self.t.len();
        if n == 0 || !body {
            return;
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        self.paragraph_with(span, index, out, &mut scratch);
        self.scratch = scratch;
    }

    /// [`Finder::paragraph`] with its working arrays, once tokenized.
    fn paragraph_with(&mut self, span: Span, index: usize, out: &mut Vec<Quote>, scratch: &mut Scratch) {
        let n = self.t.len();
        self.pair_quotes(&mut scratch.qspans, &mut scratch.inside, &mut scratch.stack);
        // In text order, for the lookups by bisection (pairing gives them
        // in that order already).
        if !scratch.qspans.is_sorted_by_key(|q| q.open) {
            scratch.qspans.sort_by_key(|q| q.open);
        }
        self.sentences(scratch);
        self.cues(&scratch.inside, &mut scratch.cues);
        for i in 0..scratch.cues.len() {
            let at = scratch.cues[i].at;
            scratch.cues[i].first = i == 0 || scratch.cues[i - 1].at < scratch.sentences.start(at);
        }
        for i in 1..scratch.cues.len() {
            let at = scratch.cues[i].at;
            if matches!(scratch.cues[i].kind, CueKind::EnVerb { .. })
                && scratch.cues[i - 1].at >= scratch.sentences.start(at)
            {
                let mut j = at;
                while j > 0 && EN_AUX.contains(&self.t.fold(j - 1)) {
                    j -= 1;
                }
                scratch.cues[i].joined = j > 0 && matches!(self.t.fold(j - 1), "and" | "but");
            }
        }
        let Scratch {
            qspans,
            inside,
            sentences,
            cues,
            splits,
            next_split,
            items,
            covered,
            ..
        } = scratch;
        let (inside, sentences) = (&*inside, &*sentences);
        // Which cues start a statement, and the next one that does after
        // each cue: one pass each way, however many cues (looking ahead
        // from each cue was quadratic when few cues split, as English
        // `said` never does).
        splits.clear();
        splits.extend(cues.iter().map(|c| self.splits(c, inside)));
        next_split.clear();
        next_split.resize(cues.len(), n);
        for k in (0..cues.len().saturating_sub(1)).rev() {
            next_split[k] = if splits[k + 1] {
                cues[k + 1].at
            } else {
                next_split[k + 1]
            };
        }
        items.clear();
        covered.clear(n);
        let mut covered_until = 0;
        // The cue that opened the sentence and reported nothing.
        let mut silent_opener = None;
        for (k, cue) in cues.iter().enumerate() {
            // A cue inside words already reported continues them (`… كما
            // كتب السفير …`) unless it starts a new statement.
            if covered.covers(cue.at) && !splits[k] {
                continue;
            }
            if cue.kind == CueKind::According && self.is_aside(cue.at) {
                // A channel inside another cue's attribution, not a statement.
                continue;
            }
            // `وعلق كاميرون على الأزمة، وقال إن …`: a homograph that opened
            // the sentence and reported nothing is the sentence's verb, and
            // the cue after it is the first that reports.
            let mut cue = *cue;
            if !cue.first && k > 0 && silent_opener == Some(cues[k - 1].at) {
                cue.first = true;
            }
            let opener = cue.first && cue.at == sentences.start(cue.at) && {
                let f = self.t.fold(cue.at);
                lexicon().ar_verbs.is_marked(strip_conjunction(f).unwrap_or(f))
            };
            silent_opener = None;
            let found = self.cue_item(
                &cue,
                k.checked_sub(1).map(|p| cues[p].at),
                next_split[k],
                sentences,
                qspans,
            );
            if found.is_none() && opener {
                silent_opener = Some(cue.at);
            }
            if let Some(mut item) = found {
                // Words before a cue (`…، وفقاً لـX`) that an earlier item
                // already reported are not reported again: two such cues in
                // one sentence each take their own part, and a sentence of
                // thousands of them stays linear in size.
                if item.content.0 < covered_until && covered_until <= item.at {
                    item.content.0 = covered_until;
                }
                covered_until = covered_until.max(item.content.1);
                covered.add(item.content);
                items.push(item);
            }
        }
        // Quotations no cue claimed.
        for q in qspans.iter_mut() {
            if q.used || covered.covers(q.open) {
                continue;
            }
            let opens_sentence = sentences.bounds(q.open).0 == q.open
                || (q.open > 0 && matches!(self.t.toks[q.open - 1].punct(), Some(':')));
            let words = (q.open + 1..q.inner_end)
                .filter(|&i| self.t.toks[i].is_word())
                .count();
            if opens_sentence && words >= 3 {
                q.used = true;
                items.push(Item {
                    at: q.open,
                    cue: None,
                    mention: Mention::default(),
                    agreement: Agreement::Unknown,
                    content: (q.open + 1, q.inner_end),
                    direct: true,
                });
            }
        }
        items.sort_by_key(|i| i.at);
        let mut scanned = 0;
        for item in items.drain(..) {
            self.note_mentions(scanned, item.at, inside, sentences, cues, qspans);
            scanned = scanned.max(item.at);
            let speaker = if item.cue.is_none() {
                self.registry.current()
            } else if let Some(fuller) =
                self.earlier_mention(&item.mention, span.start + self.t.toks[item.at].start)
            {
                let id = self.registry.resolve(&fuller, item.agreement);
                // The short form becomes an alias of the full one.
                if let (Some(id), Some(short)) =
                    (id, item.mention.name.as_ref().or(item.mention.role.as_ref()))
                {
                    self.registry.add_alias(id, short);
                }
                id
            } else {
                self.registry.resolve(&item.mention, item.agreement)
            };
            if let Some(id) = speaker {
                self.registry.spoke(id);
                // `X said his olive harvest …`, `said she expected …`: the
                // pronoun opening reported words is the speaker's.
                if !item.direct
                    && let Some(k) = (item.content.0..item.content.1.min(item.content.0 + 2))
                        .find(|&k| self.t.toks[k].is_word() && self.t.fold(k) != "that")
                {
                    match self.t.fold(k) {
                        "he" | "his" => self.registry.learn_gender(id, Agreement::Male),
                        "she" | "her" => self.registry.learn_gender(id, Agreement::Female),
                        _ => {}
                    }
                }
            }
            let Some(content) = self.trimmed(item.content) else {
                continue;
            };
            out.push(Quote {
                speaker,
                cue: item
                    .cue
                    .map(|c| Span::new(span.start + self.t.toks[c].start, span.start + self.t.toks[c].end)),
                span: Span::new(span.start + content.0, span.start + content.1),
                direct: item.direct,
                paragraph: index,
            });
        }
        self.note_mentions(scanned, n, inside, sentences, cues, qspans);
    }

    /// Byte range of the content tokens, without edge punctuation.
    fn trimmed(&self, (a, b): (usize, usize)) -> Option<(usize, usize)> {
        let toks = &self.t.toks;
        let b = b.min(toks.len());
        let first = (a..b).find(|&i| {
            toks[i].is_word()
                    // A sum opens the words too (`promised £1bn for …`).
                    || matches!(toks[i].punct(), Some('«' | '“' | '"' | '[' | '(' | '£' | '$' | '€'))
        })?;
        let keep = |i: usize| {
            toks[i].is_word()
                || matches!(
                    toks[i].punct(),
                    Some('.' | '!' | '?' | '؟' | '»' | '”' | '"' | ']' | ')' | '%')
                )
        };
        let mut last = (first..b).rev().find(|&i| keep(i))?;
        // Words cut before a joined verb do not end on its `and`/`but`.
        while last > first
            && matches!(
                self.t.fold(last),
                "and" | "but" | "لكن" | "لكنه" | "لكنها" | "لكنهم" | "ولكن" | "ولكنه" | "ولكنها"
            )
        {
            last = (first..last).rev().find(|&i| keep(i))?;
        }
        let words = (first..=last).filter(|&i| toks[i].is_word()).count();
        (words > 0).then(|| (toks[first].start, toks[last].end))
    }

    fn is_arabic(&self, i: usize) -> bool {
        self.t.is_arabic(i)
    }

    /// Candidate cues outside quotation marks, in order, into `out`.
    fn cues(&self, inside: &[bool], out: &mut Vec<Cue>) {
        let lex = lexicon();
        out.clear();
        let cue_filter = ar_cue_filter();
        for (i, &quoted) in inside.iter().enumerate() {
            if quoted || !self.t.toks[i].is_word() {
                continue;
            }
            if self.is_arabic(i) && !cue_filter.may_contain_bytes(self.t.fold_bytes(i)) {
                // in none of the Arabic cue lists, with or without و/ف
                continue;
            }
            let f = self.t.fold(i);
            let next = if i + 1 < self.t.len() {
                self.t.fold(i + 1)
            } else {
                ""
            };
            let kind = if self.is_arabic(i) {
                let bare = strip_conjunction(f);
                let forms = [Some(f), bare];
                if forms.iter().flatten().any(|w| lex.ar_participles.contains(w)) {
                    Some(CueKind::Participle)
                } else if let Some(v) = forms.iter().flatten().find(|w| lex.ar_verbs.contains(w))
                    && !self.noun_before(i)
                {
                    Some(CueKind::Verb {
                        agreement: agreement(v),
                        homograph: lex.ar_verbs.is_marked(v),
                        prefixed: bare.is_some() && !lex.ar_verbs.contains(f),
                        present: v.starts_with('ي')
                            || v.strip_prefix('ت')
                                .is_some_and(|r| lex.ar_verbs.contains(&format!("ي{r}"))),
                    })
                } else if let Some(a) = forms.iter().flatten().find(|w| lex.ar_according.contains(w)) {
                    let ok = match *a {
                        "نقلا" => next == "عن",
                        "استنادا" => next == "الي",
                        "حسبما" => {
                            !lex.ar_verbs.contains(next)
                                && !strip_conjunction(next).is_some_and(|w| lex.ar_verbs.contains(w))
                        }
                        "وفق" | "وفقا" | "طبقا" => next.starts_with('ل') || next == "ما",
                        _ => true,
                    };
                    ok.then_some(CueKind::According)
                } else {
                    None
                }
            } else if self.speech_noun_after(i).is_some() && !self.passive(i) {
                // `issued a plea for …`, `made an appeal to …`
                Some(CueKind::EnVerb {
                    told: false,
                    homograph: false,
                })
            } else if lex.en_verbs.contains(f) && !self.passive(i) {
                Some(CueKind::EnVerb {
                    told: f == "told" || f == "tells",
                    homograph: lex.en_verbs.is_marked(f),
                })
            } else if lex.en_participles.contains(f)
                && i > 0
                && matches!(self.t.toks[i - 1].punct(), Some(','))
            {
                Some(CueKind::Participle)
            } else if f == "according" && next == "to" {
                Some(CueKind::According)
            } else {
                None
            };
            if let Some(kind) = kind {
                out.push(Cue {
                    at: i,
                    kind,
                    joined: false,
                    first: false,
                });
            }
        }
    }

    /// The word before makes a cue verb's spelling a noun: a count (`300
    /// ألف طالب وطالبة`: a verb never follows a number, so طالب is
    /// "student"), or `عدم`/`تم` before a verbal noun (`طلب عدم كشف هويته`,
    /// `تم الإعلان`: nobody speaks), or a preposition, which no finite verb
    /// follows (`عبّر عن أبلغ التهاني`: أبلغ is "deepest", not "informed").
    fn noun_before(&self, i: usize) -> bool {
        i > 0 && {
            let prev = self.t.fold(i - 1);
            prev.bytes().any(|b| b.is_ascii_digit())
                || matches!(
                    prev,
                    "الف"
                        | "الاف"
                        | "مليون"
                        | "ملايين"
                        | "مائه"
                        | "مئه"
                        | "مئات"
                        | "عشرات"
                        | "عدم"
                        | "تم"
                        | "يتم"
                        | "سيتم"
                        | "عن"
                        | "في"
                        | "الي"
                        | "مع"
                        | "حول"
                        | "منذ"
                )
        }
    }

    /// Where words reported from the sentence start `s0` (before `end`)
    /// begin: after a wire dateline (`SANTIAGO, May 30 (Reuters) -`).
    fn after_dateline(&self, s0: usize, end: usize) -> usize {
        (s0..end.min(s0 + 12))
            .find(|&k| {
                self.t.toks[k].punct() == Some(')')
                    && matches!(
                        self.t.toks.get(k + 1).and_then(|t| t.punct()),
                        Some('-' | '–' | '—')
                    )
            })
            .map_or(s0, |k| k + 2)
    }

    /// `issued a plea for`, `made an appeal to`, `renewed its call for`,
    /// `issued a warning that`: a verb of issuing, a determiner and a noun
    /// of speech at `i`…`i + 2`; the index of the preposition or `that` that
    /// opens the words.
    fn speech_noun_after(&self, i: usize) -> Option<usize> {
        if i + 3 >= self.t.len() || self.is_arabic(i) {
            return None;
        }
        let verb = matches!(
            self.t.fold(i),
            "issued" | "issues" | "made" | "makes" | "launched" | "renewed" | "repeated" | "sounded"
        );
        let det = matches!(
            self.t.fold(i + 1),
            "a" | "an" | "his" | "her" | "its" | "their" | "the"
        );
        let noun = matches!(
            self.t.fold(i + 2),
            "plea" | "appeal" | "warning" | "call" | "pleas" | "appeals" | "warnings" | "calls"
        );
        let prep = matches!(self.t.fold(i + 3), "for" | "to" | "that");
        (verb && det && noun && prep && self.t.toks[i + 1].is_word()).then_some(i + 3)
    }

    /// True when the English verb at `i` is passive (`Residents were
    /// warned to stay indoors`, `it was said that`, `were repeatedly told`):
    /// its subject is who heard the words, not who said them.
    fn passive(&self, i: usize) -> bool {
        let be = |k: usize| {
            matches!(
                self.t.fold(k),
                "is" | "are" | "was" | "were" | "be" | "been" | "being"
            )
        };
        i > 0
            && self.t.toks[i - 1].is_word()
            && (be(i - 1)
                || (i > 1 && self.t.fold(i - 1).ends_with("ly") && self.t.toks[i - 2].is_word() && be(i - 2)))
    }

    /// True when a cue starts a new statement even inside reported words:
    /// participles, `و`/`ف`-prefixed verbs, cues after a comma.
    fn splits(&self, cue: &Cue, inside: &[bool]) -> bool {
        let after_punct = cue.at > 0
            && !inside[cue.at - 1]
            && matches!(self.t.toks[cue.at - 1].punct(), Some(',' | '،' | ';' | '؛'));
        match cue.kind {
            CueKind::Participle => true,
            CueKind::Verb { prefixed, .. } => {
                // `… إن القرار «خطوة إيجابية»، لكنها حذرت من أن …`: a new
                // statement after "but".
                let after_but = cue.at > 0
                    && !inside[cue.at - 1]
                    && matches!(
                        self.t.fold(cue.at - 1),
                        "لكن" | "لكنه" | "لكنها" | "لكنهم" | "ولكن" | "ولكنه" | "ولكنها" | "ولكنهم"
                    );
                prefixed || after_punct || after_but
            }
            CueKind::According => after_punct && !self.is_aside(cue.at),
            CueKind::EnVerb { .. } => cue.joined,
        }
    }

    /// True when the cue at `at` opens a comma-delimited aside that a
    /// complementiser follows (`وأضافت ديالو، وفقاً لبيان وزعه مكتبها، أن …`,
    /// `قال مصدر محلي، طلب عدم الكشف عن هويته، إن …`): it names the channel
    /// or describes the speaker of the words after it, which belong to the
    /// cue before the aside.
    fn is_aside(&self, at: usize) -> bool {
        at > 0 && matches!(self.t.toks[at - 1].punct(), Some(',' | '،')) && self.aside_end(at).is_some()
    }

    /// The closing comma of an aside that starts at `from`: the first comma
    /// within 16 tokens, when a complementiser follows it and no sentence end
    /// or reporting verb comes before it.
    fn aside_end(&self, from: usize) -> Option<usize> {
        let n = self.t.len();
        let toks = &self.t.toks;
        // The closing comma first (most commas close nothing before a
        // complementiser), then no reporting verb inside.
        let c = (from..n.min(from + 16)).find(|&j| {
            matches!(
                toks[j].punct(),
                Some(',' | '،' | '.' | '!' | '?' | '؟' | ':' | ';' | '؛')
            )
        })?;
        let closes = matches!(toks[c].punct(), Some(',' | '،'))
            && c + 1 < n
            && toks[c + 1].is_word()
            && self.is_complementiser(c + 1);
        (closes && !(from + 1..c).any(|j| toks[j].is_word() && self.is_cue_word(self.t.fold(j)))).then_some(c)
    }

    /// True when a word other than a connector lies in `from..to`.
    fn words_between(&self, from: usize, to: usize) -> bool {
        (from..to).any(|i| self.t.toks[i].is_word() && !CONNECTORS.contains(&self.t.fold(i)))
    }

    fn cue_item(
        &self,
        cue: &Cue,
        prev_cue: Option<usize>,
        next_split: usize,
        sentences: &Sentences,
        qspans: &mut [QSpan],
    ) -> Option<Item> {
        let at = cue.at;
        let (s0, s1) = sentences.bounds(at);
        let end_limit = s1.min(next_split);
        let mut mention = Mention::default();
        let mut agreement = Agreement::Unknown;
        let content_from;
        let has_marker;
        let mut direct_q = None;
        match cue.kind {
            CueKind::Verb {
                agreement: a,
                homograph,
                present,
                ..
            } => {
                agreement = a;
                let kana = self.kana_subject(at, s0);
                let kana_free = kana.is_none();
                let (m, mut np_end) = match kana {
                    // `وكانت السلطات قد أعلنت حالة الطوارئ`: the subject came
                    // first; what follows the verb is its object.
                    Some(m) => (m, at + 1),
                    None => self.ar_subject(at + 1, s1),
                };
                // `بحسب ما أفاد به X`: the verb of an "according to" cue,
                // which reports for it.
                if at >= 2 && matches!(self.t.fold(at - 1), "ما" | "لما") && {
                    let f = self.t.fold(at - 2);
                    let lex = lexicon();
                    lex.ar_according.contains(f)
                        || strip_conjunction(f).is_some_and(|w| lex.ar_according.contains(w))
                } {
                    return None;
                }
                // `وقال تعالى: «…»`: a citation of scripture, nobody's news.
                if self.is_arabic(at) && self.cites_scripture(at + 1, s1.min(at + 6)) {
                    return None;
                }
                mention = m;
                // `نقلت وكالة X عن Y قوله إن …`: Y speaks, X is the channel.
                let relay = lexicon().ar_relay_verbs.contains(self.t.fold(at))
                    || strip_conjunction(self.t.fold(at))
                        .is_some_and(|v| lexicon().ar_relay_verbs.contains(v));
                if relay && np_end < s1 && self.t.fold(np_end) == "عن" {
                    let (m2, end2) = self.ar_subject(np_end + 1, s1);
                    if !m2.is_empty() {
                        mention = m2;
                        agreement = Agreement::Unknown;
                        np_end = end2;
                        while np_end < s1 && self.t.fold(np_end).starts_with("قول") {
                            np_end += 1;
                        }
                    }
                }
                let (mut from, mut marker, q) = self.content_start(np_end, s1, qspans);
                // `وشدد على ضرورة أن يكون …`: a noun governed by the verb's
                // own preposition opens the words, not the أن inside them.
                if marker
                    && q.is_none()
                    && let Some(j) = self.governed_noun(at, np_end, from)
                {
                    from = j;
                }
                // `وتحدثت الطبيبة X، العاملة في المستشفى، عن نقص حاد …`: to
                // speak of something reports what follows عن.
                if !marker
                    && matches!(
                        strip_conjunction(self.t.fold(at)).unwrap_or(self.t.fold(at)),
                        "تحدث" | "تحدثت" | "تحدثا" | "تحدثوا" | "يتحدث" | "تتحدث"
                    )
                    && let Some(j) = (np_end..s1.min(np_end + 12)).find(|&j| {
                        self.t.fold(j) == "عن"
                            && (j == np_end || matches!(self.t.toks[j - 1].punct(), Some(',' | '،')))
                    })
                {
                    from = j + 1;
                    marker = true;
                }
                // `وأشار إلى تأخر وصول المعدات`, `وطالب آل الشيخ الآباء
                // بمتابعة أبنائهم`: the verb's own preposition opens what it
                // reports, with no أن.
                if !marker && let Some(j) = self.governed(at, np_end, s1) {
                    from = j;
                    marker = true;
                } else if !marker
                    && kana_free
                    && let Some(j) = self.governed(at, at + 1, s1)
                    && j < np_end
                {
                    // The word with بـ was read into the subject phrase
                    // (`وطالب الوزير الآباء بمتابعة …`): the subject ends
                    // before it.
                    let (m, _) = self.ar_subject(at + 1, j);
                    mention = m;
                    from = j;
                    marker = true;
                }
                has_marker = marker;
                direct_q = q;
                // Homographs (`بين` "between") and present tense verbs (`يتوقع
                // ارتفاع` "is expected") report only with a complementiser,
                // a colon or a quotation.
                if (homograph || present) && !marker {
                    // `«…»، يقول رئيس مصلحة الجمارك.`: a present tense verb
                    // reports the quotation that ends right before it.
                    if present && !homograph {
                        return self
                            .claim_before(at, s0, mention, agreement, qspans)
                            .map(|item| Item {
                                cue: Some(at),
                                ..item
                            });
                    }
                    return None;
                }
                // `وتبين أن …` "it turned out that": the تبيّن of a homograph
                // with no subject of its own reports nobody's words.
                if homograph
                    && mention.is_empty()
                    && matches!(
                        strip_conjunction(self.t.fold(at)).unwrap_or(self.t.fold(at)),
                        "تبين"
                    )
                {
                    return None;
                }
                // `لكنه شدد على ضرورة «…»`, `وأكد على أهمية …`: the need or
                // importance stressed is what a subjectless verb reports.
                let stresses = np_end + 1 < s1
                    && self.t.fold(np_end) == "علي"
                    && matches!(self.t.fold(np_end + 1), "ضروره" | "اهميه");
                if mention.is_empty() {
                    if !marker && !stresses {
                        // A subjectless verb must introduce its words (`وأكد أن`).
                        return self.claim_before(at, s0, mention, agreement, qspans);
                    }
                    if at > s0
                        && matches!(
                            self.t.fold(at - 1),
                            "الذي" | "التي" | "الذين" | "اللذين" | "اللتين"
                        )
                    {
                        // `بحسب رئيس اللجنة … نمر السليحات، الذي أكد أن`:
                        // the one the relative pronoun stands for.
                        mention = self.ar_antecedent(at - 1, s0);
                    } else if cue.first && self.words_between(s0, at) {
                        // Only the first cue of a sentence looks for a subject
                        // before it: a later one (`نفى X، …، هذه الاتهامات،
                        // وقال …`) goes on with the speaker of the one before.
                        // `لكن الباحث X يرى أن`: a named person right before
                        // the verb is its subject; `استقبل الرئيس X أمس …،
                        // وأكد أن`: the named subject of the verb that opens
                        // the sentence; else a fronted organisation.
                        mention = self.subject_before(s0, at);
                        if mention.is_empty() {
                            mention = self.opening_subject(s0, at, agreement);
                        }
                        if mention.is_empty() {
                            mention = self.fronted_subject(s0, at);
                        }
                    } else if cue.first && s0 > 0 && prev_cue.is_none_or(|p| p < sentences.start(s0 - 1)) {
                        // `وتحدثت الطبيبة X … عن نقص حاد. وقالت: «…»`: the
                        // sentence before, with no cue of its own, named who
                        // goes on speaking.
                        mention = self.opening_subject(sentences.start(s0 - 1), s0, agreement);
                    }
                }
                content_from = from;
                // `حسبما أفاد محامون.` — the words come before the cue.
                if at > 0
                    && matches!(self.t.fold(at - 1), "حسبما" | "بحسبما" | "وفقما")
                    && self.words_between(s0, at - 1)
                {
                    return Some(self.item(at, mention, agreement, (s0, at - 1), false));
                }
            }
            CueKind::Participle => {
                // `Harper's attorney, Daniel Ortega, had asked for three
                // years, arguing that …`: with no cue before it in the
                // sentence, an English participle has the sentence's subject.
                if cue.first && !self.is_arabic(at) {
                    mention = self.en_sentence_subject(s0, at);
                }
                let (mut from, marker, q) = self.content_start(at + 1, s1, qspans);
                if marker
                    && q.is_none()
                    && let Some(j) = self.governed_noun(at, at + 1, from)
                {
                    from = j;
                }
                // English `saying` reports whatever follows it (`…, saying
                // the situation was under control`); other participles and
                // the Arabic ones (`مجدداً`, `معلنة` are also adverbs and
                // adjectives) report only words opened by a marker.
                let says = !self.is_arabic(at) && self.t.fold(at) == "saying";
                if !marker && !says {
                    // `داعياً إلى التلاحم`, `مطالباً التجار بالتنافس`,
                    // `معتبراً ذلك من المنافسة`: the participle's own
                    // preposition, or the object of one of thinking.
                    match self.governed(at, at + 1, s1) {
                        Some(j) => from = j,
                        None if self.calls_for(at, s1) => {}
                        None if matches!(self.t.fold(at), "معتبرا" | "معتبره" | "معتبرين")
                            && at + 2 < s1
                            && self.t.toks[at + 1].is_word() =>
                        {
                            from = at + 1
                        }
                        None => return None,
                    }
                }
                has_marker = true;
                direct_q = q;
                content_from = from;
            }
            CueKind::According => {
                let np_from = if self.t.fold(at) == "according" {
                    at + 2
                } else {
                    at + 1
                };
                let (m, np_end) = self.ar_or_en_subject(np_from, s1);
                mention = m;
                if mention.is_empty() {
                    return None;
                }
                if self.words_between(s0, at) {
                    return Some(self.item(at, mention, agreement, (s0, at), false));
                }
                // `According to an internal memo seen by The Information,
                // sales …`: an English source phrase runs to its comma.
                content_from = if np_from < s1
                    && !self.is_arabic(np_from)
                    && let Some(c) =
                        (np_end..s1.min(np_from + 14)).find(|&k| self.t.toks[k].punct() == Some(','))
                    && (np_end..c).all(|k| self.t.toks[k].is_word() || self.t.toks[k].punct() == Some('-'))
                {
                    c + 1
                } else {
                    np_end
                };
                has_marker = true;
            }
            CueKind::EnVerb { told, homograph } => {
                // `…, said Karen Holt, a spokeswoman.`, `…, said the people,
                // who …`: the verb after the words, its subject after it.
                if !cue.joined && at > s0 + 1 && self.t.toks[at - 1].punct() == Some(',') {
                    let (m2, np_end) = self.en_subject_after(at + 1, s1);
                    let ends = np_end >= s1 || matches!(self.t.toks[np_end].punct(), Some(',' | '.' | ';'));
                    // (a clause is no subject: `Linda Gomez, said the flood
                    // had destroyed …` reports the words after it)
                    let clause = (at + 1..np_end).any(|k| {
                        matches!(
                            self.t.fold(k),
                            "had"
                                | "has"
                                | "have"
                                | "was"
                                | "were"
                                | "is"
                                | "are"
                                | "will"
                                | "would"
                                | "could"
                        )
                    });
                    if !m2.is_empty()
                        && m2.pronoun.is_none()
                        && ends
                        && !clause
                        && np_end - at <= 8
                        && self.words_between(s0, at - 1)
                    {
                        let start = self.after_dateline(s0, at - 1);
                        return Some(self.item(at, m2, agreement, (start, at - 1), false));
                    }
                }
                let (m, pre_start) = if cue.joined {
                    // The subject of the verb it is joined to.
                    (Mention::default(), at)
                } else {
                    self.en_subject_before(at, s0)
                };
                let mut after = at + 1;
                // `Laura Bennett declined to discuss … but said …`: a verb
                // joined to one that is no cue has the sentence's subject.
                let mut j = at;
                while j > s0 && EN_AUX.contains(&self.t.fold(j - 1)) {
                    j -= 1;
                }
                let after_but = j > s0 + 1 && matches!(self.t.fold(j - 1), "but" | "and");
                if m.is_empty() && !cue.joined && after_but {
                    mention = self.en_sentence_subject(s0, j - 1);
                } else if m.is_empty() && !cue.joined {
                    let (m2, np_end) = self.en_subject_after(at + 1, s1);
                    mention = m2;
                    after = np_end;
                } else {
                    mention = m;
                }
                if told {
                    // `told reporters that …`, `told the BBC: “…`
                    if let Some(j) = (after..s1.min(after + 6)).find(|&j| {
                        self.t.fold(j) == "that" || matches!(self.t.toks[j].punct(), Some(':' | '“' | '"'))
                    }) {
                        after = j;
                    }
                }
                let (from, marker, q) = match self.speech_noun_after(at) {
                    // the words the plea, appeal or warning asks for
                    // (from `for`/`to`, which the words need: `for people
                    // to stay away`; after `that`)
                    Some(prep) if prep < s1 => (prep + usize::from(self.t.fold(prep) == "that"), true, None),
                    _ => self.content_start(after, s1, qspans),
                };
                has_marker = marker;
                direct_q = q;
                content_from = from;
                if !marker
                    && let Some(item) =
                        self.claim_before(pre_start.min(at), s0, mention.clone(), agreement, qspans)
                {
                    return Some(Item {
                        at,
                        cue: Some(at),
                        ..item
                    });
                }
                if homograph && !marker {
                    return None;
                }
                // `…, officials said Tuesday.`: the words came first.
                if !marker
                    && !cue.joined
                    && !mention.is_empty()
                    && let Some(end) = self.attribution_after(at, told, s0, s1, &mention)
                {
                    let start = self.after_dateline(s0, end);
                    return Some(self.item(at, mention, agreement, (start, end), false));
                }
                // `X, the minister, said on Tuesday.`: nothing is reported
                // here, but X is now the one speaking.
                if !marker && self.only_adverbials_after(at, told, s1).is_some() {
                    return Some(self.item(at, mention, agreement, (at + 1, at + 1), false));
                }
            }
        }
        if let Some(qi) = direct_q {
            qspans[qi].used = true;
            let q = qspans[qi];
            return Some(self.item(at, mention, agreement, (q.open + 1, q.inner_end), true));
        }
        if !has_marker
            && matches!(cue.kind, CueKind::Verb { .. })
            && let Some(item) = self.claim_before(at, s0, mention.clone(), agreement, qspans)
        {
            return Some(Item {
                at,
                cue: Some(at),
                ..item
            });
        }
        if content_from >= end_limit {
            return None;
        }
        Some(self.item(at, mention, agreement, (content_from, end_limit), false))
    }

    /// For an English verb with its subject before it and nothing after
    /// it but a time, a place or a channel up to the sentence end or a comma
    /// (`…, officials said Tuesday.`, `…, the agency INE said on Thursday,
    /// as …`, `…, Smith told reporters.`): the comma that ends the reported
    /// words, before the segment that names the subject. `None` when the
    /// words before are not a statement of at least three words.
    fn attribution_after(
        &self,
        at: usize,
        told: bool,
        s0: usize,
        s1: usize,
        mention: &Mention,
    ) -> Option<usize> {
        let toks = &self.t.toks;
        self.only_adverbials_after(at, told, s1)?;
        // Before the verb: the segments of the subject, back to the one
        // that holds its name.
        let mut j = at;
        while j > s0 && EN_AUX.contains(&self.t.fold(j - 1)) {
            j -= 1;
        }
        let name = mention.name.as_deref();
        let mut seg_end = j;
        for _ in 0..3 {
            let c = (s0..seg_end)
                .rev()
                .take(14)
                .find(|&k| toks[k].punct() == Some(','))?;
            let seg_has_words = (c + 1..seg_end).any(|k| toks[k].is_word());
            let holds_name = match name {
                Some(n) => {
                    seg_has_words
                        && self
                            .ptext_get(toks[c + 1].start, toks[seg_end - 1].end)
                            .contains(n)
                }
                None => seg_has_words,
            };
            if holds_name {
                let content_words: Vec<usize> = (s0..c).filter(|&k| toks[k].is_word()).collect();
                let all_names = content_words.iter().all(|&k| self.capitalized(k));
                return (content_words.len() >= 3 && !all_names).then_some(c);
            }
            seg_end = c;
        }
        None
    }

    /// The words after an English verb are only a time, place or channel
    /// (and the person `told`) up to the sentence end or a comma (`said on
    /// Tuesday.`, `told reporters,`): it reports nothing after it. Returns
    /// where they end.
    fn only_adverbials_after(&self, at: usize, told: bool, s1: usize) -> Option<usize> {
        let toks = &self.t.toks;
        let mut r = at + 1;
        if told {
            while r < s1
                && r - at <= 3
                && toks[r].is_word()
                && !lexicon().en_adverbials.contains(self.t.fold(r))
            {
                r += 1;
            }
        }
        let mut words = 0;
        while r < s1 && !matches!(toks[r].punct(), Some(',' | '.' | '!' | '?' | ';')) {
            let f = self.t.fold(r);
            let ok = toks[r].is_word()
                && (lexicon().en_adverbials.contains(f) || f.chars().all(|c| c.is_ascii_digit()));
            if !ok {
                return None;
            }
            words += 1;
            if words > 5 {
                return None;
            }
            r += 1;
        }
        Some(r)
    }

    fn item(
        &self,
        at: usize,
        mention: Mention,
        agreement: Agreement,
        content: (usize, usize),
        direct: bool,
    ) -> Item {
        Item {
            at,
            cue: Some(at),
            mention,
            agreement,
            content,
            direct,
        }
    }

    /// `«…»، قال X` and `"…," she said`: the cue takes the quotation that
    /// ends right before it (only punctuation and its subject between).
    fn claim_before(
        &self,
        at: usize,
        s0: usize,
        mention: Mention,
        agreement: Agreement,
        qspans: &mut [QSpan],
    ) -> Option<Item> {
        // Quotations are in text order: those opening before `at` are a
        // prefix, found by bisection.
        let before = qspans.partition_point(|q| q.open < at);
        let qi = qspans[..before]
            .iter()
            .rposition(|q| !q.used && q.end <= at && q.open >= s0.min(q.open))?;
        let q = qspans[qi];
        let gap_ok = (q.end..at).all(|i| {
            let tok = self.t.toks[i];
            !tok.is_word() || CONNECTORS.contains(&self.t.fold(i))
        });
        if !gap_ok || q.inner_end <= q.open + 1 {
            return None;
        }
        qspans[qi].used = true;
        Some(Item {
            at: q.open,
            cue: Some(at),
            mention,
            agreement,
            content: (q.open + 1, q.inner_end),
            direct: true,
        })
    }

    /// Where the words of a cue start: after a complementiser, a colon or an
    /// opening quotation mark found among the channel words after the
    /// subject (`في بيان: إن «…`), else right after the subject. Returns the
    /// token, whether a marker was found, and the quotation it opens.
    fn content_start(&self, from: usize, s1: usize, qspans: &[QSpan]) -> (usize, bool, Option<usize>) {
        let lex = lexicon();
        let quote_at = |j: usize| quotation_at(qspans, j);
        let mut j = from;
        let mut steps = 0;
        let mut found = None;
        let english = from < s1 && self.t.toks[from].is_word() && !self.is_arabic(from);
        while j < s1 && steps < 14 {
            steps += 1;
            // A quotation opens the words only right after the subject or a
            // marker; one deeper in the sentence is part of reported words.
            let adjacent = j == from || j > 0 && matches!(self.t.toks[j - 1].punct(), Some(':' | ',' | '،'));
            if let Some(q) = quote_at(j) {
                if adjacent {
                    return (j, true, Some(q));
                }
                if english {
                    break;
                }
                // An outlet or a title in marks among the channel words
                // (`لـ«الشرق الأوسط» إن`): step over it.
                j = qspans[q].end.max(j + 1);
                continue;
            }
            if english && !adjacent && !self.is_complementiser(j) && self.t.toks[j].is_word() {
                // English words follow the verb at once (`said that …`,
                // `said:`), or after a short time or place (`said on Tuesday that`).
                // Only a time, place or channel before it: in `said her
                // clients had documents showing that …` the words start at
                // `her`, not after the `that` of a clause inside them.
                let that_soon = (j..s1.min(j + 5))
                    .take_while(|&k| self.t.toks[k].is_word())
                    .find(|&k| self.t.fold(k) == "that")
                    .is_some_and(|t| {
                        (from..t).all(|k| {
                            let f = self.t.fold(k);
                            lex.en_adverbials.contains(f)
                                || self.capitalized(k)
                                || f.chars().all(|c| c.is_ascii_digit())
                        })
                    });
                if !that_soon {
                    break;
                }
            }
            let tok = self.t.toks[j];
            match tok.punct() {
                Some(':') => {
                    found = Some(j + 1);
                }
                Some(',' | '،') => {
                    let next = j + 1;
                    let ok = next < s1
                        && (quote_at(next).is_some()
                            || self.t.toks[next].punct() == Some(':')
                            || self.is_complementiser(next)
                            || lex.np_stops.contains(self.t.fold(next)));
                    if !ok && found.is_none() && !english && next < s1 {
                        // An aside between the subject and the words.
                        if let Some(c) = self.aside_end(next).filter(|&c| c < s1) {
                            j = c;
                            continue;
                        }
                    }
                    if !ok || found.is_some() {
                        break;
                    }
                    // `وكشفت لجنة …، عن محاور …`: the object opens the words.
                    if next < s1 && self.t.fold(next) == "عن" {
                        return (next, true, None);
                    }
                }
                Some(_) => {
                    if found.is_some() {
                        break;
                    }
                }
                None => {
                    if self.is_complementiser(j) {
                        let after = j + 1;
                        let q = if after < s1 { quote_at(after) } else { None };
                        return (after, true, q);
                    }
                    if matches!(self.t.fold(j), "الي" | "علي" | "من")
                        && j + 1 < s1
                        && self.is_complementiser(j + 1)
                    {
                        j += 1;
                        continue;
                    }
                    if found.is_some() {
                        break;
                    }
                    if lex.ar_participles.contains(self.t.fold(j)) {
                        break;
                    }
                }
            }
            j += 1;
        }
        match found {
            Some(f) => {
                let q = if f < s1 { quote_at(f) } else { None };
                (f, true, q)
            }
            None => (from, false, None),
        }
    }

    /// A participle of calling, demanding, accusing, warning or expressing followed
    /// by its own preposition (`داعياً النواب إلى «تحمّل مسؤولياتهم»`,
    /// `مطالباً الحكومة بالتحرك`, `محذراً من …`, `معرباً عن …`): what is
    /// called for is what it reports, as `تعهد بتشكيل البرلمان` does.
    fn calls_for(&self, at: usize, s1: usize) -> bool {
        let f = self.t.fold(at);
        let within = |n: usize, ok: &dyn Fn(&str) -> bool| {
            (at + 1..s1.min(at + 1 + n)).any(|j| self.t.toks[j].is_word() && ok(self.t.fold(j)))
        };
        match f {
            "داعيا" | "داعيه" | "داعين" => within(4, &|w| w == "الي"),
            "مطالبا" | "مطالبه" | "مطالبين" | "متهما" | "متهمه" | "متهمين" => {
                within(3, &|w| w.starts_with('ب') && w.chars().count() > 3)
            }
            "محذرا" | "محذره" | "محذرين" => within(3, &|w| w == "من"),
            "معربا" | "معربه" | "معربين" => within(2, &|w| w == "عن"),
            _ => false,
        }
    }

    /// Where the words of a reporting verb start when its own preposition
    /// follows the subject, perhaps after an object or a channel (`دعا آل
    /// الشيخ المسلمين إلى التناصح`, `أشارت في خبر يوم الأربعاء إلى بقاء`):
    /// after a separate preposition, at the word that carries بـ. Over
    /// ../shared/snn these frames without أن are frequent (أشار إلى 484,
    /// أعرب عن 636, أكد على 656, طالب بـ 606, دعا إلى 460, شدد على 385,
    /// أعلن عن 347, كشف عن 261, حذر من 177, اعترف بـ 123, تعهد
    /// بـ 120, لفت إلى 106, أقر بـ 81, نوه إلى 34), and in a sample of three
    /// each the words after the preposition were what was said, but for one
    /// literal pointing (`أشارت إلى الدنيا بإصبع`). (اتهم X بـ keeps the
    /// accused in what it reports: the object is half the accusation.)
    fn governed(&self, at: usize, from: usize, s1: usize) -> Option<usize> {
        let f = self.t.fold(at);
        let lex = lexicon();
        let verb = strip_conjunction(f)
            .filter(|v| lex.ar_verbs.contains(v) || lex.ar_participles.contains(v))
            .unwrap_or(f);
        let verb = verb
            .strip_prefix('ي')
            .or_else(|| verb.strip_prefix('ت').filter(|v| v.chars().count() >= 3))
            .map_or(verb, |v| v);
        // Participles of the same verbs (`مشيراً إلى`, `مطالباً بـ`); the
        // feminine مشددة، مؤكدة are as often adjectives (`إجراءات مشددة`).
        let prep = match verb {
            "مشيرا" | "مشيره" | "مشيرين" | "لافتا" | "لافته" | "منوها" | "منوهه" | "داعيا" | "داعيه"
            | "داعين" => "الي",
            "مشددا" | "مؤكدا" | "مشددين" | "مؤكدين" => "علي",
            "محذرا" | "محذره" | "محذرين" => "من",
            "كاشفا" | "كاشفه" | "معربا" | "معربه" | "معربين" | "معلنا" => "عن",
            "مطالبا" | "مطالبه" | "مطالبين" | "معترفا" | "معترفه" | "واصفا" | "واصفه" => {
                "ب"
            }
            v if v.starts_with("اشار")
                || v.starts_with("شير")
                || v.starts_with("لفت")
                || v.starts_with("نوه") =>
            {
                "الي"
            }
            v if v.starts_with("دع") && !v.starts_with("دعم") => "الي",
            v if v.starts_with("شدد")
                || v.starts_with("اكد")
                || v.starts_with("وكد")
                || v.starts_with("حث") =>
            {
                "علي"
            }
            v if v.starts_with("حذر") => "من",
            v if v.starts_with("كشف")
                || v.starts_with("اعرب")
                || v.starts_with("اعلن")
                || v.starts_with("علن") =>
            {
                "عن"
            }
            v if v.starts_with("طالب")
                || v.starts_with("تعهد")
                || v.starts_with("عهد")
                || v.starts_with("اعترف")
                || v.starts_with("اقر")
                || v.starts_with("وصف")
                || v.starts_with("توعد")
                || v.starts_with("وعد") =>
            {
                "ب"
            }
            _ => return None,
        };
        let mut j = from;
        while j < s1 && j < from + 7 {
            let tok = self.t.toks[j];
            if !tok.is_word()
                || !self.is_arabic(j)
                || self.is_complementiser(j)
                || self.is_cue_word(self.t.fold(j))
            {
                return None;
            }
            let w = self.t.fold(j);
            if prep == "ب" {
                if w.starts_with('ب')
                    && w.chars().count() > 3
                    && !matches!(
                        w,
                        "بين" | "بعد" | "بعض" | "بن" | "بدوره" | "بدورها" | "بيان" | "بلاده"
                    )
                    && !w.starts_with("بي")
                {
                    return Some(j);
                }
            } else if w == prep {
                return (j + 1 < s1 && self.t.toks[j + 1].is_word()).then_some(j + 1);
            }
            j += 1;
        }
        None
    }

    /// The noun after the verb's own preposition when a complementiser
    /// comes only later, at `marked` (`شدد على ضرورة أن …`, `مشيراً إلى
    /// أهمية أن …`): the noun is the first word of what is reported, as the
    /// preposition's object is in `أشار إلى تأخر الوصول`. Not when the
    /// preposition is itself followed by the complementiser (`أشار إلى أن`).
    fn governed_noun(&self, at: usize, from: usize, marked: usize) -> Option<usize> {
        let j = self.governed(at, from, marked)?;
        (j < marked && !self.is_complementiser(j) && self.t.toks[j].is_word()).then_some(j)
    }

    fn is_complementiser(&self, j: usize) -> bool {
        let f = self.t.fold(j);
        lexicon().ar_complementisers.contains(f) || f == "ان" || f == "that"
    }
}

/// Gender and number of an Arabic verb form, from its suffix or prefix:
/// `قالت` and `تقول` are feminine, `قالا` and `قالوا` dual and plural.
fn agreement(form: &str) -> Agreement {
    let verbs = &lexicon().ar_verbs;
    let known = |w: &str| verbs.contains(w);
    let strip = |suffix: &str| form.strip_suffix(suffix).is_some_and(known);
    if strip("وا") || strip("ون") || strip("تا") || strip("ان") || strip("ا") {
        Agreement::Plural
    } else if strip("ت")
        || form.strip_prefix('ت').is_some_and(|r| known(&format!("ي{r}")))
        // Verbs ending in a vowel: `روت` of `روى`, `دعت` of `دعا`, `نفت` of `نفى`.
        || form
            .strip_suffix('ت')
            .is_some_and(|r| known(&format!("{r}ي")) || known(&format!("{r}ا")))
    {
        Agreement::Female
    } else {
        Agreement::Male
    }
}
