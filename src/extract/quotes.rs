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

use crate::article::{Paragraph, ParagraphRole, Quote, Span, Speaker, SpeakerKind};
use std::sync::OnceLock;

use crate::extract::lexicon::{Filter, WordSet, has_noun, lexicon, strip_article, strip_conjunction};
use crate::extract::speakers::{self, Agreement, Mention, Pronoun, Registry};
use crate::extract::tokens::Tokens;

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
    lookback_left: Option<usize>,
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
            if let Some(mut item) = self.cue_item(
                cue,
                k.checked_sub(1).map(|p| cues[p].at),
                next_split[k],
                sentences,
                qspans,
            ) {
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

    /// An Arabic family name alone, or a role alone, that nobody speaking has
    /// had (`وأضاف فوزي`, `وأكد وزير المالية`, `وقال السيد`), completed from
    /// where the text named the person before without a cue (`عقد الدكتور
    /// حسام الدين فوزي، وزير المالية، مؤتمراً …`, `والمهندس طارق السيد`):
    /// the mention with the full name, or `None`. `before` is the byte
    /// offset of the cue in the article.
    fn earlier_mention(&mut self, m: &Mention, before: usize) -> Option<Mention> {
        let arabic = |t: &str| {
            t.chars()
                .next()
                .is_some_and(|c| ('\u{0600}'..='\u{06ff}').contains(&c))
        };
        let lex = lexicon();
        let family = match (&m.name, &m.role, m.kind) {
            (Some(name), None, Some(SpeakerKind::Person))
                if !name.contains(' ')
                    && arabic(name)
                    && !self.registry.is_name_word(&crate::text::fold(name)) =>
            {
                true
            }
            (None, Some(role), None) if !m.same && arabic(role) => {
                let f = crate::text::fold(role.split(' ').next().unwrap_or(""));
                if !role.contains(' ')
                    && !self.registry.is_name_word(&f)
                    && !has_noun(&lex.roles, &f)
                    && (Self::is_definite(&f) || lex.honorifics.contains(&f))
                {
                    // `وأوضح البنا`, `وقال السيد`: a family name read as a role.
                    true
                } else if (has_noun(&lex.roles, &f) || lex.honorifics.contains(&f))
                    && !self.registry.has_holder(role)
                {
                    // A role that nobody speaking holds.
                    false
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        let phrase = m.name.as_deref().or(m.role.as_deref())?;
        let left = *self
            .lookback_left
            .get_or_insert_with(|| self.article.len().max(1 << 13));
        let before = before.min(self.article.len());
        let mut lo = before.saturating_sub(LOOKBACK.min(left));
        while !self.article.is_char_boundary(lo) {
            lo += 1;
        }
        self.lookback_left = Some(left.saturating_sub(before - lo));
        let hay = self.article.get(lo..before)?;
        let mut end = hay.len();
        for _ in 0..3 {
            let pos = hay.get(..end)?.rfind(phrase)?;
            end = pos;
            let after = pos + phrase.len();
            let bounded = hay[..pos]
                .chars()
                .next_back()
                .is_none_or(|c| !crate::text::is_word_char(c))
                && hay[after..]
                    .chars()
                    .next()
                    .is_none_or(|c| !crate::text::is_word_char(c));
            if !bounded {
                continue;
            }
            // `طارق السيد`, `حسام الدين فوزي`: the given names before.
            if family && let Some(given) = self.name_before(&hay[..pos], false) {
                return Some(Mention {
                    name: Some(format!("{given} {phrase}")),
                    kind: Some(SpeakerKind::Person),
                    ..Mention::default()
                });
            }
            if family {
                continue;
            }
            // `حسام الدين فوزي، وزير المالية`, `وزير الصحة السوداني عادل الشفيع`.
            let name = match hay[..pos].trim_end().strip_suffix(['،', ',']) {
                Some(rest) => self.name_before(rest, true),
                None => self.name_after(&hay[after..]),
            };
            if let Some(name) = name {
                return Some(Mention {
                    name: Some(name),
                    role: Some(phrase.to_string()),
                    kind: Some(SpeakerKind::Person),
                    ..Mention::default()
                });
            }
        }
        None
    }

    /// What an Arabic word read from raw text is in a name.
    fn name_word(word: &str) -> NameWord {
        let lex = lexicon();
        let f = crate::text::fold(word);
        let bare = strip_conjunction(&f).unwrap_or(&f);
        if !word.chars().all(|c| ('\u{0600}'..='\u{06ff}').contains(&c)) || f.is_empty() {
            NameWord::Stop
        } else if lex.first_names.contains(&f) {
            NameWord::Given
        } else if lex.honorifics.contains(&f) || lex.honorifics.contains(bare) || has_noun(&lex.roles, &f) {
            NameWord::Title
        } else if lex.np_stops.contains(&f)
            || lex.role_modifiers.contains(&f)
            || has_noun(&lex.organizations, &f)
            || has_noun(&lex.groups, &f)
            || has_noun(&lex.anonymous, &f)
            || lex.ar_verbs.contains(&f)
            || lex.ar_verbs.contains(bare)
            || lex.ar_participles.contains(&f)
            || CONNECTORS.contains(&f.as_str())
            || f.starts_with('و')
        {
            NameWord::Stop
        } else if Self::is_definite(&f) {
            NameWord::Definite
        } else {
            NameWord::Plain
        }
    }

    /// The given names that end `text` (right before a family name or a
    /// comma): from a listed given name, or from after a title, over at
    /// most three words. With `whole`, the last word is the family name
    /// too (`حسام الدين فوزي،`), and two words are needed.
    fn name_before(&self, text: &str, whole: bool) -> Option<String> {
        let mut rest = text;
        // Where the furthest listed given name, and the furthest name word, start.
        let mut given_at = None;
        let mut first_at = None;
        let mut titled = false;
        for _ in 0..3 {
            let t = rest.trim_end_matches(' ');
            if t.len() == rest.len() && first_at.is_some() {
                break;
            }
            let w0 = t
                .char_indices()
                .rev()
                .find(|&(_, c)| !crate::text::is_word_char(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = &t[w0..];
            if word.is_empty() {
                break;
            }
            let kind = match Self::name_word(word) {
                // The family name before the comma may be a title word
                // (`طارق السيد، رئيس …`).
                NameWord::Title if whole && first_at.is_none() => NameWord::Plain,
                k => k,
            };
            match kind {
                NameWord::Given => {
                    given_at = Some(w0);
                    first_at = Some(w0);
                }
                NameWord::Plain | NameWord::Definite => first_at = Some(w0),
                NameWord::Title => {
                    titled = true;
                    break;
                }
                NameWord::Stop => break,
            }
            rest = &t[..w0];
        }
        let s = given_at.or(if titled { first_at } else { None })?;
        let name = text.get(s..)?.trim();
        (!name.is_empty() && (!whole || name.contains(' '))).then(|| name.to_string())
    }

    /// The name right after a role in raw text (`وزير الصحة السوداني عادل
    /// الشفيع`): over the role's adjectives, two or three name words from a
    /// listed given name.
    fn name_after(&self, text: &str) -> Option<String> {
        let mut words = text
            .split(' ')
            .take(6)
            .map(|w| (w, w.chars().all(crate::text::is_word_char)));
        let mut out: Vec<&str> = Vec::new();
        let mut skipped = 0;
        for (w, clean) in words.by_ref() {
            if w.is_empty() && out.is_empty() && skipped == 0 {
                continue;
            }
            let kind = Self::name_word(w.trim_end_matches(|c: char| !crate::text::is_word_char(c)));
            match kind {
                NameWord::Definite if out.is_empty() && skipped < 2 => skipped += 1,
                NameWord::Given if out.is_empty() => out.push(w),
                NameWord::Given | NameWord::Plain | NameWord::Definite if !out.is_empty() => out.push(w),
                _ => break,
            }
            if !clean || out.len() == 3 {
                break;
            }
        }
        let name = out.join(" ");
        let name = name.trim_end_matches(|c: char| !crate::text::is_word_char(c));
        (out.len() >= 2).then(|| name.to_string())
    }

    /// English names in running text make their person the one `she` means;
    /// a name inside a quotation is someone the speaker talks about, not the
    /// one `he said` after it refers to.
    ///
    /// Other names of people (a given name the lists know, or a role word
    /// before them) are remembered too: the first of a sentence, before its
    /// first cue and quotation and followed by a verb or a comma, is its
    /// subject (`In Sheffield, …, the council leader, Sarah Mitchell, met
    /// …`); any is whom a family name alone or a pronoun of their gender
    /// may mean later.
    fn note_mentions(
        &mut self,
        from: usize,
        to: usize,
        inside: &[bool],
        sentences: &Sentences,
        cues: &[Cue],
        qspans: &[QSpan],
    ) {
        let mut named_until = 0;
        // The sentence whose first name was seen.
        let mut named_in = usize::MAX;
        // Only capitalised words can be names: they are listed apart.
        let first = self.t.uppers.partition_point(|&u| (u as usize) < from);
        for k in first..self.t.uppers.len() {
            let i = self.t.uppers[k] as usize;
            if i >= to {
                break;
            }
            if self.t.is_capitalized(i) && self.t.toks[i].is_word() && inside.get(i) != Some(&true) {
                let s0 = sentences.start(i);
                if s0 == i
                    && let Some((name, end)) = self.sentence_name(i)
                {
                    // The whole name counts once (`Fiona Parry` is Fiona,
                    // not also the Parry of another newcomer).
                    let gender = speakers::gender_of(&name, None);
                    self.registry.introduced(&name, gender, true);
                    named_until = end;
                } else if i >= named_until
                    && let Some((end, verb_after)) = self.name_run(i)
                {
                    let first_of_sentence = named_in != s0;
                    named_in = s0;
                    let before = (i > 0 && self.t.toks[i - 1].is_word()).then(|| self.t.fold(i - 1));
                    let lex = lexicon();
                    let titled = i > 0 && {
                        let f = self.t.fold(i - 1);
                        lex.roles.contains(f) || lex.honorifics.contains(f)
                    };
                    // Cues and quotations are in text order.
                    let c = cues.partition_point(|c| c.at < s0);
                    let q = qspans.partition_point(|q| q.open < s0);
                    let subject = verb_after
                        && first_of_sentence
                        && cues.get(c).is_none_or(|c| c.at > i)
                        && qspans.get(q).is_none_or(|q| q.open > i);
                    // Folded words: no allocation for the many runs that are
                    // places and institutions.
                    let gender = speakers::gender_of_folded(self.t.fold(i), before);
                    if subject || titled || gender != Agreement::Unknown {
                        self.registry.introduced(&self.text_of(i, end), gender, subject);
                        named_until = end;
                    }
                }
                if i >= named_until {
                    self.registry.mentioned(self.t.fold(i));
                }
            }
        }
    }

    /// The name of a person that opens an English sentence at `i`, after
    /// titles (`Gov. Ellen Marsh declared …`, `Linda Harper, 58, pleaded
    /// …`): two or three name words followed by a comma or a lower-case
    /// word.
    fn sentence_name(&self, i: usize) -> Option<(String, usize)> {
        let lex = lexicon();
        let n = self.t.len();
        let mut k = i;
        while k < n
            && k - i < 4
            && (self.t.toks[k].punct() == Some('.')
                || (self.t.toks[k].is_word() && {
                    let f = self.t.fold(k);
                    lex.honorifics.contains(f) || lex.roles.contains(f)
                }))
        {
            k += 1;
        }
        let rs = k;
        while k < n && k - rs < 3 && self.en_name_word(k) {
            k += 1;
        }
        // A comma or a verb follows; not a noun the words qualify (`West
        // Mercia police said`, `Codelco Chairman …`).
        let after_ok = k >= n
            || matches!(self.t.toks[k].punct(), Some(','))
            || (self.t.toks[k].is_word() && !self.capitalized(k) && !self.is_arabic(k) && {
                let f = self.t.fold(k);
                !lex.organizations.contains(f)
                    && !lex.groups.contains(f)
                    && !lex.roles.contains(f)
                    && !lex.anonymous.contains(f)
            });
        (k - rs >= 2 && after_ok).then(|| (self.text_of(rs, k), k))
    }

    /// A run of two or three name words starting at `i` (not inside a longer
    /// run): where it ends, and whether a verb or a comma follows it.
    fn name_run(&self, i: usize) -> Option<(usize, bool)> {
        let n = self.t.len();
        // Cheap tests first: most capitalised words stand alone.
        if i + 1 >= n
            || !self.t.is_capitalized(i + 1)
            || (i > 0 && self.t.is_capitalized(i - 1) && self.en_name_word(i - 1))
            || !self.en_name_word(i)
        {
            return None;
        }
        let mut k = i + 1;
        while k < n && k - i < 3 && self.t.is_capitalized(k) && self.en_name_word(k) {
            k += 1;
        }
        if k - i < 2 || (k < n && self.t.is_capitalized(k) && self.en_name_word(k)) {
            return None;
        }
        let lex = lexicon();
        let verb_after = k < n
            && (matches!(self.t.toks[k].punct(), Some(','))
                || (self.t.toks[k].is_word() && !self.capitalized(k) && !self.is_arabic(k) && {
                    let f = self.t.fold(k);
                    !lex.organizations.contains(f)
                        && !lex.groups.contains(f)
                        && !lex.roles.contains(f)
                        && !lex.anonymous.contains(f)
                        && !EN_CUT.contains(&f)
                }));
        Some((k, verb_after))
    }

    /// An English word that can be part of a person's name: capitalised,
    /// not a title, role, institution, group, acronym or possessive.
    fn en_name_word(&self, k: usize) -> bool {
        // The same few tokens are asked about in turn as a run is read: a
        // small cache per paragraph saves the lexicon lookups.
        let slot = k % 4;
        let mut memo = self.name_word_memo.get();
        if memo[slot].0 == k + 1 {
            return memo[slot].1;
        }
        let v = self.en_name_word_uncached(k);
        memo[slot] = (k + 1, v);
        self.name_word_memo.set(memo);
        v
    }

    fn en_name_word_uncached(&self, k: usize) -> bool {
        let lex = lexicon();
        let tok = self.t.toks[k];
        if !tok.is_word() || self.is_arabic(k) || !self.capitalized(k) {
            return false;
        }
        let f = self.t.fold(k);
        let raw = self.ptext_get(tok.start, tok.end);
        let acronym = raw.chars().count() > 1 && raw.chars().all(|c| c.is_ascii_uppercase());
        !acronym
            && !f.ends_with("'s")
            && !f.ends_with("’s")
            && !matches!(
                f,
                "the" | "a" | "an" | "in" | "on" | "at" | "as" | "for" | "after" | "when" | "but" | "and"
            )
            && !lex.roles.contains(f)
            && !lex.honorifics.contains(f)
            && !lex.organizations.contains(f)
            && !lex.groups.contains(f)
            && !lex.anonymous.contains(f)
            && !lex.en_adverbials.contains(f)
            && !EN_COUNTS.contains(&f)
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

    /// Pairs the quotation marks into `spans` (top-level quotations) and
    /// marks in `inside` the tokens they enclose; `stack` is working space.
    fn pair_quotes(&self, spans: &mut Vec<QSpan>, inside: &mut Vec<bool>, stack: &mut Vec<(usize, char)>) {
        let toks = &self.t.toks;
        let n = toks.len();
        spans.clear();
        stack.clear();
        let open_ctx = |i: usize| {
            i == 0
                || toks[i].space_before
                || matches!(
                    toks[i - 1].punct(),
                    Some(':' | '(' | '[' | '-' | '–' | '—' | '،' | ',')
                )
        };
        let close_ctx = |i: usize| {
            i + 1 >= n
                || toks[i + 1].space_before
                || matches!(
                    toks[i + 1].punct(),
                    Some(
                        '.' | ','
                            | '،'
                            | ':'
                            | ';'
                            | '!'
                            | '?'
                            | '؟'
                            | ')'
                            | ']'
                            | '…'
                            | '»'
                            | '”'
                            | '"'
                            | '-'
                    )
                )
        };
        let family = |c: char| match c {
            '«' | '»' | '‹' | '›' => 0,
            '“' | '”' | '„' | '"' => 1,
            _ => 2,
        };
        for &i in &self.t.puncts {
            let i = i as usize;
            let Some(c) = toks[i].punct() else { continue };
            let top_family = stack.last().map(|&(_, c)| family(c));
            let role = match c {
                '«' | '‹' => Some(true),
                '»' | '›' => Some(false),
                '“' | '„' => Some(!(top_family == Some(1) && !open_ctx(i) && close_ctx(i))),
                '”' => Some(top_family != Some(1) && open_ctx(i) && !close_ctx(i)),
                '"' => {
                    if top_family == Some(1) {
                        if open_ctx(i) && !close_ctx(i) && stack.len() == 1 {
                            // Reopened: close the first at its last sentence end.
                            let (o, _) = stack[0];
                            if let Some(j) = (o + 1..i)
                                .rev()
                                .find(|&j| matches!(toks[j].punct(), Some('.' | '!' | '?' | '؟')))
                            {
                                spans.push(QSpan {
                                    open: o,
                                    inner_end: j + 1,
                                    end: j + 1,
                                    used: false,
                                });
                                stack.clear();
                                stack.push((i, c));
                                continue;
                            }
                        }
                        Some(false)
                    } else {
                        Some(open_ctx(i) || !close_ctx(i))
                    }
                }
                '‘' => open_ctx(i).then_some(true),
                '’' | '\'' => {
                    if top_family == Some(2) {
                        Some(false)
                    } else if c == '\'' && open_ctx(i) && !close_ctx(i) {
                        Some(true)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            match role {
                Some(true) => stack.push((i, c)),
                Some(false) => {
                    if let Some(pos) = stack.iter().rposition(|&(_, o)| family(o) == family(c)) {
                        if pos == 0 {
                            spans.push(QSpan {
                                open: stack[0].0,
                                inner_end: i,
                                end: i + 1,
                                used: false,
                            });
                        }
                        stack.truncate(pos);
                    }
                }
                None => {}
            }
        }
        if let Some(&(o, _)) = stack.first() {
            spans.push(QSpan {
                open: o,
                inner_end: n,
                end: n,
                used: false,
            });
        }
        inside.clear();
        inside.resize(n, false);
        for q in spans.iter() {
            for x in &mut inside[q.open + 1..q.inner_end] {
                *x = true;
            }
        }
    }

    /// The tokens that end sentences ([`Sentences`]), from `inside` and
    /// `qspans`.
    fn sentences(&self, scratch: &mut Scratch) {
        let Scratch {
            inside,
            qspans,
            sentences,
            ..
        } = scratch;
        let toks = &self.t.toks;
        let n = toks.len();
        let ends = &mut sentences.ends;
        ends.clear();
        sentences.n = n;
        for &i in &self.t.puncts {
            let i = i as usize;
            if inside[i] {
                continue;
            }
            if let Some(c) = toks[i].punct()
                && matches!(c, '.' | '!' | '?' | '؟' | '…')
                && !(c == '.' && i > 0 && self.is_abbreviation(i - 1))
            {
                ends.push(i);
            }
        }
        // An implicitly closed quotation ends its sentence; so does one
        // whose words end a sentence when a new quotation or a capitalised
        // word follows (`remains "well capitalised." "Priya made a hard
        // call," he says.`).
        let mut more = false;
        for (qi, q) in qspans.iter().enumerate() {
            if q.end == q.inner_end && q.inner_end < n && q.inner_end > 0 {
                ends.push(q.inner_end - 1);
                more = true;
            } else if q.end > q.inner_end
                && q.end < n
                && q.inner_end > q.open + 1
                && matches!(toks[q.inner_end - 1].punct(), Some('.' | '!' | '?'))
                // Top-level quotations are in text order: the next one is
                // the only one that can open right here.
                && (qspans.get(qi + 1).is_some_and(|o| o.open == q.end)
                    || (toks[q.end].is_word() && !self.is_arabic(q.end) && self.t.is_capitalized(q.end)))
            {
                ends.push(q.end - 1);
                more = true;
            }
        }
        if more {
            ends.sort_unstable();
            ends.dedup();
        }
    }

    fn is_abbreviation(&self, i: usize) -> bool {
        let tok = self.t.toks[i];
        if !tok.is_word() || tok.space_before && i + 1 >= self.t.len() {
            return false;
        }
        matches!(
            self.t.fold(i),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "st"
                | "gen"
                | "gov"
                | "sen"
                | "rep"
                | "rev"
                | "capt"
                | "maj"
                | "supt"
                | "insp"
                | "det"
                | "cmdr"
                | "adm"
                | "col"
                | "lt"
                | "sgt"
                | "jr"
                | "sr"
                | "no"
                | "vs"
                | "u.s"
                | "د"
        ) || (self.t.fold(i).chars().count() == 1 && self.t.fold(i).chars().all(|c| c.is_ascii_alphabetic()))
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
                } else if let Some(v) = forms.iter().flatten().find(|w| lex.ar_verbs.contains(w)) {
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
            } else if lex.en_verbs.contains(f) {
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
                let (m, mut np_end) = match self.kana_subject(at, s0) {
                    // `وكانت السلطات قد أعلنت حالة الطوارئ`: the subject came
                    // first; what follows the verb is its object.
                    Some(m) => (m, at + 1),
                    None => self.ar_subject(at + 1, s1),
                };
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
                let (from, marker, q) = self.content_start(at + 1, s1, qspans);
                if !marker && !self.calls_for(at, s1) {
                    // `مجدداً`, `معلنة` are also adverbs and adjectives; a
                    // participle that reports opens its words with a marker.
                    return None;
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
                let (from, marker, q) = self.content_start(after, s1, qspans);
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
                    // After a wire dateline (`SANTIAGO, May 30 (Reuters) -`).
                    let start = (s0..end.min(s0 + 12))
                        .find(|&k| {
                            self.t.toks[k].punct() == Some(')')
                                && matches!(
                                    self.t.toks.get(k + 1).and_then(|t| t.punct()),
                                    Some('-' | '–' | '—')
                                )
                        })
                        .map_or(s0, |k| k + 2);
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

    fn is_complementiser(&self, j: usize) -> bool {
        let f = self.t.fold(j);
        lexicon().ar_complementisers.contains(f) || f == "ان" || f == "that"
    }

    fn ar_or_en_subject(&self, from: usize, s1: usize) -> (Mention, usize) {
        if from < s1 && self.is_arabic(from) {
            self.ar_subject(from, s1)
        } else {
            self.en_subject_after(from, s1)
        }
    }

    /// The subject phrase after an Arabic verb: role, honorific, name,
    /// up to a preposition, a complementiser or punctuation.
    fn ar_subject(&self, from: usize, s1: usize) -> (Mention, usize) {
        let lex = lexicon();
        let stop = |j: usize| {
            let tok = self.t.toks[j];
            let f = self.t.fold(j);
            !tok.is_word()
                || (lex.np_stops.contains(f) && !self.ali_the_name(j, from, s1))
                || self.is_complementiser(j)
                || self.is_cue_word(f)
                || !self.is_arabic(j)
        };
        let mut end = from;
        while end < s1 && end - from < 12 && !stop(end) {
            end += 1;
        }
        if end == from {
            return (Mention::default(), from);
        }
        let mut mention = self.ar_phrase(from, end);
        let mut np_end = end;
        // The object of the verb after the name (`اتهم عضو مجلس المحافظة
        // أحمد العبيدي الحكومة المحلية بالتقصير`): the subject ends with the
        // name when an institution, a group or a word with بـ follows it.
        if mention.kind == Some(SpeakerKind::Person)
            && let Some(name) = mention.name.as_deref()
            // (Most subjects end with the name: nothing to look for then.)
            && !name.ends_with(self.ptext_get(self.t.toks[end - 1].start, self.t.toks[end - 1].end))
            && let Some(name_end) = self.name_end(from, end, name)
            && name_end < end
            && {
                let f = self.t.fold(name_end);
                has_noun(&lex.organizations, f)
                    || has_noun(&lex.groups, f)
                    || (f.starts_with('ب') && !f.starts_with("بن") && f.chars().count() > 3)
            }
        {
            end = name_end;
            np_end = name_end;
        }
        // An outlet or body with its name in marks (`صحيفة "السوداني"`,
        // `وكالة «سبوتنيك»`) before `عن`, a complementiser or a stop word.
        if mention.kind == Some(SpeakerKind::Organization)
            && end < s1
            && matches!(self.t.toks[end].punct(), Some('«' | '“' | '"'))
            && let Some(close) = (end + 2..s1.min(end + 6)).find(|&j| !self.t.toks[j].is_word())
            && matches!(self.t.toks[close].punct(), Some('»' | '”' | '"'))
            && (close + 1 >= s1 || {
                let f = self.t.fold(close + 1);
                f == "عن"
                    || self.is_complementiser(close + 1)
                    || lex.np_stops.contains(f)
                    || matches!(self.t.toks[close + 1].punct(), Some(',' | '،' | ':'))
            })
        {
            mention.name = Some(self.text_of(from, close + 1));
            np_end = close + 1;
        }
        // A role with a place or a field in it (`المتحدث باسم الدفاع المدني
        // في السودان العميد عبد الرحيم النور`, `الخبير في الموارد المائية
        // الدكتور حسن إبراهيم`): the phrase goes on over `في` when a title or
        // a given name follows before the next stop.
        if mention.name.is_none()
            && mention.kind.is_none()
            && end < s1
            && matches!(self.t.fold(end), "في" | "فى")
        {
            let mut more = end + 1;
            while more < s1 && more - end < 8 && !stop(more) {
                more += 1;
            }
            let names_someone = (end + 1..more).any(|k| {
                let f = self.t.fold(k);
                (lex.honorifics.contains(f) && k + 1 < more && self.name_like(k + 1))
                    || (self.name_like(k) && lex.first_names.contains(f))
            }) || {
                // A place, then a name the lists do not have (`منسق الشؤون
                // الإنسانية في اليمن جوليان هارنيس`): definite words, then
                // two name words that end the phrase.
                more >= end + 4
                    && (end + 1..more - 2).all(|k| Self::is_definite(self.t.fold(k)))
                    && (more - 2..more).all(|k| self.name_like(k))
            };
            if names_someone {
                let longer = self.ar_phrase(from, more);
                if longer.name.is_some() {
                    mention = longer;
                    np_end = more;
                }
            }
        }
        // `وزير الخارجية العراقي، فؤاد حسين، إن` and `محمد العبادي، مدير عام …، أن`.
        if np_end < s1 && matches!(self.t.toks[np_end].punct(), Some(',' | '،')) {
            let a = np_end + 1;
            let mut b = a;
            while b < s1 && b - a < 10 && !stop(b) {
                b += 1;
            }
            let closes = b >= s1
                || matches!(self.t.toks[b].punct(), Some(',' | '،' | ':'))
                || self.is_complementiser(b);
            if b > a && closes {
                let after = self.ar_phrase(a, b);
                if mention.name.is_none()
                    && after.kind == Some(SpeakerKind::Person)
                    && after.name.is_some()
                    && after.role.is_none()
                    && mention.kind.is_none()
                {
                    mention.name = after.name;
                    mention.kind = Some(SpeakerKind::Person);
                    np_end = b;
                } else if mention.name.is_some() && has_noun(&lex.roles, self.t.fold(a)) {
                    mention.role = Some(self.text_of(a, b));
                    np_end = b;
                }
            }
        }
        (mention, np_end)
    }

    /// One past the last token of `name` among tokens `from..end`.
    fn name_end(&self, from: usize, end: usize, name: &str) -> Option<usize> {
        let last = name.split_whitespace().last()?;
        let n = name.split_whitespace().count();
        (from..end)
            .find(|&k| {
                let t = self.t.toks[k];
                self.ptext_get(t.start, t.end) == last
                    && k + 1 >= n
                    && self.ptext_get(self.t.toks[k + 1 - n].start, t.end) == name
            })
            .map(|k| k + 1)
    }

    fn is_cue_word(&self, f: &str) -> bool {
        let lex = lexicon();
        let check = |w: &str| lex.ar_verbs.contains(w) || lex.ar_participles.contains(w);
        check(f) || strip_conjunction(f).is_some_and(check)
    }

    /// Original text of tokens `a..b`, dropping a `ل` glued to the first
    /// word after `وفقاً` (`لعبد الله` → `عبد الله`).
    fn text_of(&self, a: usize, b: usize) -> String {
        let toks = &self.t.toks;
        let mut start = toks[a].start;
        if let Some(prev) = a.checked_sub(1)
            && matches!(self.t.fold(prev), "وفقا" | "وفق" | "طبقا")
            && self.t.fold(a).starts_with('ل')
        {
            start += 'ل'.len_utf8();
            let rest = self.ptext_get(start, toks[a].end);
            start += rest.len() - rest.trim_start_matches('ـ').len();
            // `لـ` before the article drops its alif (`للمسؤولين` = `لـ` +
            // `المسؤولين`): the name gets it back.
            if self.t.fold(a).starts_with("لل") && self.t.fold(a).chars().count() > 4 {
                return format!("ا{}", self.ptext_get(start, toks[b - 1].end));
            }
        }
        self.ptext_get(start, toks[b - 1].end).to_string()
    }

    fn ptext_get(&self, a: usize, b: usize) -> &str {
        self.ptext.get(a..b).unwrap_or("")
    }

    fn is_definite(f: &str) -> bool {
        ["ال", "لل", "بال", "وال", "فال", "كال"]
            .iter()
            .any(|p| f.starts_with(p))
            && f.chars().nth(3).is_some()
    }

    /// A word that can be part of a person's name: not a role, organisation,
    /// title, function word or definite noun.
    fn name_like(&self, k: usize) -> bool {
        let lex = lexicon();
        let f = self.t.fold(k);
        self.t.toks[k].is_word()
            && self.is_arabic(k)
            && !Self::is_definite(f)
            && !f.chars().any(|c| c.is_ascii_digit())
            && !has_noun(&lex.roles, f)
            && !has_noun(&lex.organizations, f)
            && !has_noun(&lex.groups, f)
            && !has_noun(&lex.anonymous, f)
            && !lex.honorifics.contains(f)
            && !lex.role_modifiers.contains(f)
            && (!lex.np_stops.contains(f) || self.written_ali(k))
            && !self.is_cue_word(f)
    }

    /// The token is written `علي` (with ي): the given name, or the
    /// preposition `على` in a text that writes ى as ي. They fold alike.
    fn written_ali(&self, k: usize) -> bool {
        let tok = self.t.toks[k];
        self.t.fold(k) == "علي" && self.ptext_get(tok.start, tok.end) == "علي"
    }

    /// `علي` at `j` in a subject phrase starting at `from` is the name:
    /// written with ي, after a role, a title or a given name (`النائب علي
    /// حسن شمص`, `محمد علي`) or before a given name (`قال علي حسن`), not
    /// right after the verb before a noun (`شدد علي ضرورة`).
    fn ali_the_name(&self, j: usize, from: usize, s1: usize) -> bool {
        let lex = lexicon();
        self.written_ali(j)
            && j + 1 < s1
            && self.t.toks[j + 1].is_word()
            && ((j > from && {
                let p = self.t.fold(j - 1);
                has_noun(&lex.roles, p)
                    || lex.honorifics.contains(p)
                    || Self::is_definite(p)
                    || lex.first_names.contains(p)
            }) || lex.first_names.contains(self.t.fold(j + 1)))
    }

    /// What an Arabic phrase (tokens `a..b`) says about a speaker.
    fn ar_phrase(&self, a: usize, b: usize) -> Mention {
        let lex = lexicon();
        let f0 = self.t.fold(a);
        let named = |kind| Mention {
            name: Some(self.text_of(a, b.min(a + 6))),
            kind: Some(kind),
            ..Mention::default()
        };
        if has_noun(&lex.organizations, f0) {
            return named(SpeakerKind::Organization);
        }
        if has_noun(&lex.groups, f0) {
            return named(SpeakerKind::Group);
        }
        if has_noun(&lex.anonymous, f0) {
            return named(SpeakerKind::Anonymous);
        }
        // `المتحدث ذاته`, `المصدر نفسه`: the same one as before.
        if b > a + 1 && matches!(self.t.fold(b - 1), "ذاته" | "ذاتها" | "نفسه" | "نفسها") {
            return Mention {
                role: Some(self.text_of(a, b)),
                same: true,
                ..Mention::default()
            };
        }
        // A person named before, by their family name (`وأضاف الخطيب` after
        // `سامر الخطيب`), and not by a given name shared with others (`عبد`):
        // the name ends with the known words, and a word after it that is no
        // name, or an outlet or addressee with `ل` (`وصرّح الدحماني لهسبريس`),
        // is not part of it.
        if self.registry.is_name_word(f0) && !lex.first_names.contains(f0) && !has_noun(&lex.roles, f0) {
            let mut m = a + 1;
            while m < b && self.registry.is_name_word(self.t.fold(m)) {
                m += 1;
            }
            let ends = m >= b || !self.name_like(m) || {
                let f = self.t.fold(m);
                f.starts_with('ل') && !f.starts_with("ال") && !lex.first_names.contains(f)
            };
            if ends {
                return Mention {
                    name: Some(self.text_of(a, m)),
                    kind: Some(SpeakerKind::Person),
                    ..Mention::default()
                };
            }
        }
        // `ناثان براون وميشيل دين`: names joined by و speak as a group.
        if (a + 1..b).any(|k| {
            self.name_like(k - 1)
                && self.t.fold(k).starts_with('و')
                && self.name_like(k)
                && !has_noun(&lex.roles, self.t.fold(k))
        }) {
            return named(SpeakerKind::Group);
        }
        let first_name = (a..b).find(|&k| {
            let f = self.t.fold(k);
            self.name_like(k) && (lex.first_names.contains(f) || lex.first_names.contains(strip_article(f)))
        });
        // The name follows the last title that is followed by a name-like
        // word (`… اللواء تشارلز هوبر`; not the `الملك` of `عبد الملك`).
        let honorific = (a..b)
            .rev()
            .find(|&k| lex.honorifics.contains(self.t.fold(k)) && k + 1 < b && self.name_like(k + 1));
        let name_start = match honorific {
            Some(h) => Some(h + 1),
            // A given name the list does not have, before a listed one that is
            // the father's name (`وزير المالية جبريل إبراهيم`): the name
            // starts one word earlier when that word follows the role.
            None if first_name.is_some() => first_name.map(|f| {
                let earlier = f >= a + 2 && {
                    let (w, before) = (self.t.fold(f - 1), self.t.fold(f - 2));
                    self.name_like(f - 1)
                        && !w.ends_with('ي')
                        && !w.ends_with("يه")
                        && (Self::is_definite(before) || has_noun(&lex.roles, before))
                        && !has_noun(&lex.organizations, before)
                };
                if earlier { f - 1 } else { f }
            }),
            None => {
                let mut k = a;
                let mut seen_role = false;
                let mut indefinite_role = false;
                while k < b {
                    let f = self.t.fold(k);
                    if has_noun(&lex.roles, f) {
                        seen_role = true;
                        indefinite_role = !Self::is_definite(f);
                    } else if !(lex.role_modifiers.contains(f)
                        || lex.role_modifiers.contains(strip_article(f))
                        || Self::is_definite(f)
                        || (seen_role && has_noun(&lex.organizations, f))
                        // `… في اليمن جوليان هارنيس`: the place of a role.
                        || (seen_role
                            && matches!(f, "في" | "فى")
                            && k + 1 < b
                            && Self::is_definite(self.t.fold(k + 1)))
                        || (indefinite_role && f.ends_with('ي')))
                    {
                        break;
                    }
                    k += 1;
                }
                (k < b && self.name_like(k)).then_some(k)
            }
        };
        if let Some(ns) = name_start {
            let mut m = ns + 1;
            while m < b && m - ns < 5 {
                let f = self.t.fold(m);
                let genealogy = matches!(
                    self.t.fold(m - 1),
                    "ابن" | "بن" | "ابنه" | "ابو" | "ام" | "عبد" | "ال"
                );
                // A definite role word that ends the phrase is a family name
                // (`حسين الأمين قوله`), not the start of a role (`الأمين
                // العام`).
                let family = m + 1 == b && Self::is_definite(f) && !has_noun(&lex.organizations, f);
                if !genealogy && !family && (has_noun(&lex.roles, f) || has_noun(&lex.organizations, f))
                    || (lex.np_stops.contains(f) && !self.written_ali(m))
                {
                    break;
                }
                if !(self.name_like(m) || Self::is_definite(f))
                    || (f.starts_with('و') && !Self::is_definite(f))
                {
                    break;
                }
                m += 1;
            }
            return Mention {
                name: Some(self.text_of(ns, m)),
                role: (ns > a).then(|| self.text_of(a, ns)),
                kind: Some(SpeakerKind::Person),
                pronoun: None,
                same: false,
            };
        }
        // A lone family name (`الكاظمي`, `الموسى`): definite, ending in ي.
        if b == a + 1 && Self::is_definite(f0) && f0.ends_with('ي') && !has_noun(&lex.roles, f0) {
            return Mention {
                name: Some(self.text_of(a, b)),
                kind: Some(SpeakerKind::Person),
                ..Mention::default()
            };
        }
        // A definite general role, alone or with adjectives (`المسؤولة
        // الحكومية`, `المتحدث`), points back to whoever holds it or is
        // speaking.
        let same = Self::is_definite(f0)
            && has_noun(&lex.anaphoric_roles, f0)
            && (a + 1..b).all(|k| {
                let f = self.t.fold(k);
                Self::is_definite(f) && (f.ends_with('ي') || f.ends_with("يه"))
            });
        Mention {
            role: Some(self.text_of(a, b)),
            same,
            ..Mention::default()
        }
    }

    /// The subject of `كان X قد <verb>` (`وكان رئيس الوزراء قد أعلن`, with an
    /// apposition between commas), for
    /// the verb at `at`; `None` when the verb is not in that frame.
    fn kana_subject(&self, at: usize, s0: usize) -> Option<Mention> {
        if at < s0 + 3 || !matches!(self.t.fold(at - 1), "قد" | "وقد") {
            return None;
        }
        let qad = at - 1;
        let k = (s0.max(qad.saturating_sub(16))..qad - 1).rev().find(|&k| {
            matches!(
                self.t.fold(k),
                "كان" | "كانت" | "وكان" | "وكانت" | "فكان" | "فكانت" | "كانوا" | "وكانوا"
            )
        })?;
        // Words, and commas around an apposition (`وكان معالي عبدالله بن سالم
        // الكتبي، وزير الاقتصاد، قد أكد`).
        let words_and_commas = (k + 1..qad).all(|i| {
            let t = self.t.toks[i];
            (t.is_word() && self.is_arabic(i)) || matches!(t.punct(), Some(',' | '،'))
        });
        if !words_and_commas || k + 1 >= qad {
            return None;
        }
        Some(self.ar_subject(k + 1, qad).0)
    }

    /// The noun phrase a relative pronoun at `rel` stands for: the words
    /// right before it (and its comma), back to a cue, a stop word or
    /// punctuation.
    fn ar_antecedent(&self, rel: usize, s0: usize) -> Mention {
        let lex = lexicon();
        let mut e = rel;
        if e > s0 && matches!(self.t.toks[e - 1].punct(), Some(',' | '،')) {
            e -= 1;
        }
        let mut k = e;
        while k > s0 && e - k < 10 {
            let f = self.t.fold(k - 1);
            if !self.t.toks[k - 1].is_word()
                || !self.is_arabic(k - 1)
                || lex.np_stops.contains(f)
                || self.is_complementiser(k - 1)
                || self.is_cue_word(f)
                || lex.ar_according.contains(f)
                || strip_conjunction(f).is_some_and(|w| lex.ar_according.contains(w))
            {
                break;
            }
            k -= 1;
        }
        if k == e {
            return Mention::default();
        }
        self.ar_phrase(k, e)
    }

    /// For a cue with no subject after it (`… محكمة النقض … بعد ان قالت`):
    /// an organisation, group or source named earlier in the sentence.
    ///
    /// The sentence is read once however many cues it has: what the last
    /// call saw of it is remembered ([`Finder::fronted`]), so a paragraph
    /// that is one long sentence full of cues stays linear.
    fn fronted_subject(&self, s0: usize, at: usize) -> Mention {
        let lex = lexicon();
        let (memo_s0, scanned, found) = self.fronted.get();
        let (from, found) = if memo_s0 == s0 && scanned <= at {
            (scanned, found)
        } else {
            (s0, None)
        };
        if let Some(k) = found {
            return self.fronted_phrase(k, at);
        }
        for k in from..at {
            let f = self.t.fold(k);
            if self.t.toks[k].is_word()
                && self.is_arabic(k)
                && (has_noun(&lex.organizations, f)
                    || has_noun(&lex.groups, f)
                    || has_noun(&lex.anonymous, f))
            {
                self.fronted.set((s0, k + 1, Some(k)));
                return self.fronted_phrase(k, at);
            }
        }
        self.fronted.set((s0, at, None));
        Mention::default()
    }

    /// A named person that fills the words between the start of the sentence
    /// (after a connector such as `لكن`) and the verb at `at`: the subject
    /// put before its verb (`لكن الباحث في شؤون المياه ماهر الحسني يرى أن`).
    fn subject_before(&self, s0: usize, at: usize) -> Mention {
        let start = if CONNECTORS.contains(&self.t.fold(s0)) {
            s0 + 1
        } else {
            s0
        };
        if start >= at || at - start > 12 || !self.is_arabic(start) {
            return Mention::default();
        }
        let (m, end) = self.ar_subject(start, at);
        if end == at && m.kind == Some(SpeakerKind::Person) && m.name.is_some() {
            m
        } else {
            Mention::default()
        }
    }

    /// The named person after the verb that opens an Arabic sentence
    /// (`استقبل الرئيس عبد المجيد تبون …`, `وتحدثت الطبيبة سلمى إدريس …`),
    /// for a subjectless cue at `end` or after the sentence; nobody when the
    /// sentence opens with a noun or a preposition, or when a feminine cue
    /// follows a masculine verb (or the reverse).
    fn opening_subject(&self, s0: usize, end: usize, agreement: Agreement) -> Mention {
        let lex = lexicon();
        if s0 + 2 >= end || !self.t.toks[s0].is_word() || !self.is_arabic(s0) {
            return Mention::default();
        }
        let f = self.t.fold(s0);
        let bare = strip_conjunction(f).unwrap_or(f);
        let verb_like = !Self::is_definite(bare)
            && !lex.np_stops.contains(f)
            && !lex.np_stops.contains(bare)
            && !CONNECTORS.contains(&f)
            && !self.is_cue_word(f)
            && !lex.ar_according.contains(bare)
            && !has_noun(&lex.roles, f)
            && !has_noun(&lex.organizations, f)
            && !lex.first_names.contains(bare);
        let feminine = bare.ends_with('ت');
        let agrees = match agreement {
            Agreement::Female => feminine,
            Agreement::Male => !feminine,
            _ => false,
        };
        if !verb_like || !agrees {
            return Mention::default();
        }
        let (m, _) = self.ar_subject(s0 + 1, end);
        if m.kind == Some(SpeakerKind::Person) && m.name.is_some() {
            m
        } else {
            Mention::default()
        }
    }

    /// The phrase of a fronted subject found at `k`, before the cue at `at`.
    fn fronted_phrase(&self, k: usize, at: usize) -> Mention {
        let mut e = k + 1;
        while e < at && e - k < 4 && Self::is_definite(self.t.fold(e)) {
            e += 1;
        }
        self.ar_phrase(k, e)
    }

    /// The subject of an English sentence, read back from its first
    /// auxiliary or past-tense verb before `at`; nobody when there is none.
    fn en_sentence_subject(&self, s0: usize, at: usize) -> Mention {
        let verb = (s0 + 1..at).find(|&k| {
            let f = self.t.fold(k);
            self.t.toks[k].is_word()
                && !self.capitalized(k)
                && (EN_AUX.contains(&f) || (f.len() > 4 && f.ends_with("ed")))
        });
        match verb {
            Some(k) => self.en_subject_before(k, s0).0,
            None => Mention::default(),
        }
    }

    /// The subject before an English verb (`West Mercia police said`,
    /// `her mother, Fiona, said`). Returns it and its first token.
    fn en_subject_before(&self, at: usize, s0: usize) -> (Mention, usize) {
        let toks = &self.t.toks;
        let mut j = at;
        while j > s0 && EN_AUX.contains(&self.t.fold(j - 1)) {
            j -= 1;
        }
        // `according to the National Interagency Fire Center, which said`:
        // the relative pronoun stands for the phrase before its comma.
        if j > s0 + 1 && matches!(self.t.fold(j - 1), "who" | "which") && toks[j - 2].punct() == Some(',') {
            let e = j - 2;
            let mut a = e;
            while a > s0 && e - a < 12 && toks[a - 1].punct() != Some(',') {
                a -= 1;
            }
            if a + 1 < e && self.t.fold(a) == "according" && self.t.fold(a + 1) == "to" {
                a += 2;
            }
            while a < e && !toks[a].is_word() {
                a += 1;
            }
            if a < e {
                return (self.en_phrase(a, e), a);
            }
        }
        // `A source familiar with the matter, who asked not to be named
        // because …, said`: the relative clause between the subject and the
        // verb is skipped.
        if j > s0
            && toks[j - 1].punct() == Some(',')
            && let Some(c) = (s0.max(j.saturating_sub(28))..j - 1).rev().find(|&c| {
                toks[c].punct() == Some(',')
                    && c + 1 < j
                    && (matches!(self.t.fold(c + 1), "who" | "which")
                        || (self.t.fold(c + 1) == "and"
                            && c + 2 < j
                            && matches!(self.t.fold(c + 2), "who" | "which")))
            })
            && c > s0
        {
            j = c;
        }
        let mut k = j;
        while k > s0 && j - k < 16 {
            let t = toks[k - 1];
            if t.is_word() {
                // `and` inside a name (`Department of Health and Social Care`).
                let in_name = self.t.fold(k - 1) == "and"
                    && k >= 2
                    && k < toks.len()
                    && self.capitalized(k - 2)
                    && self.capitalized(k);
                if (EN_STOP_BEFORE.contains(&self.t.fold(k - 1)) && !in_name) || self.is_arabic(k - 1) {
                    break;
                }
            } else if t.punct() != Some(',') {
                // A hyphen inside a word (`vice-president`) is part of it.
                let in_word = matches!(t.punct(), Some('-' | '–'))
                    && !t.space_before
                    && k < toks.len()
                    && !toks[k].space_before
                    && k >= 2
                    && toks[k - 2].is_word();
                // The period of an abbreviation (`Assistant U.S. Attorney
                // Rachel Kim`) is part of the subject too.
                let abbreviation = t.punct() == Some('.') && k >= 2 && self.is_abbreviation(k - 2);
                if !in_word && !abbreviation {
                    break;
                }
            }
            k -= 1;
        }
        let mut a = k;
        let mut e = j;
        while a < e && !toks[a].is_word() {
            a += 1;
        }
        while e > a && !toks[e - 1].is_word() {
            e -= 1;
        }
        if a >= e {
            return (Mention::default(), at);
        }
        let m = self.en_phrase(a, e);
        // `emergency physician Javier Ortega and nurse Carmen Ruiz
        // described …`: two people named and joined by `and` speak together.
        if m.kind == Some(SpeakerKind::Person)
            && a >= s0 + 3
            && self.t.fold(a - 1) == "and"
            && self.en_name_word(a - 2)
            && self.en_name_word(a - 3)
        {
            let mut p = a - 3;
            while p > s0 && p + 4 > a && self.en_name_word(p - 1) {
                p -= 1;
            }
            let lex = lexicon();
            let given = speakers::gender_of(&self.text_of(p, a - 1), None) != Agreement::Unknown;
            let titled = p > s0 && {
                let f = self.t.fold(p - 1);
                lex.roles.contains(f) || lex.honorifics.contains(f)
            };
            if given || titled {
                return (
                    Mention {
                        name: Some(self.text_of(p, e)),
                        kind: Some(SpeakerKind::Group),
                        ..Mention::default()
                    },
                    p,
                );
            }
        }
        (m, a)
    }

    /// The subject after an English verb (`said chief inspector Jennifer
    /// Mattinson from …`).
    fn en_subject_after(&self, from: usize, s1: usize) -> (Mention, usize) {
        let lex = lexicon();
        let mut e = from;
        while e < s1 && e - from < 8 {
            let t = self.t.toks[e];
            let f = self.t.fold(e);
            // `of`/`for` inside a name (`Office for National Statistics`).
            let inside_name = matches!(f, "of" | "for") && e > from && e + 1 < s1 && self.capitalized(e + 1);
            // `said Dr. Maria Gonzalez`, `said Jean-Pierre Dupont`: the
            // period of an abbreviation and a hyphen inside a word.
            let inside_word = e > from
                && ((t.punct() == Some('.') && self.is_abbreviation(e - 1))
                    || (matches!(t.punct(), Some('-'))
                        && !t.space_before
                        && e + 1 < s1
                        && !self.t.toks[e + 1].space_before));
            if !inside_name
                && !inside_word
                && (!t.is_word()
                    || EN_CUT.contains(&f)
                    || (lex.np_stops.contains(f) && e > from)
                    || self.is_complementiser(e))
            {
                break;
            }
            e += 1;
        }
        if e == from {
            return (Mention::default(), from);
        }
        (self.en_phrase(from, e), e)
    }

    fn capitalized(&self, k: usize) -> bool {
        let tok = self.t.toks[k];
        tok.is_word()
            && self
                .ptext_get(tok.start, tok.end)
                .starts_with(crate::text::is_upper)
    }

    /// What an English phrase says about a speaker.
    fn en_phrase(&self, a: usize, b: usize) -> Mention {
        let lex = lexicon();
        if b == a + 1 {
            let pronoun = match self.t.fold(a) {
                "he" => Some(Pronoun::Person(Agreement::Male)),
                "she" => Some(Pronoun::Person(Agreement::Female)),
                "i" => Some(Pronoun::Person(Agreement::Unknown)),
                "it" => Some(Pronoun::Thing),
                "they" | "we" => Some(Pronoun::Plural),
                _ => None,
            };
            if pronoun.is_some() {
                return Mention {
                    pronoun,
                    ..Mention::default()
                };
            }
        }
        let determiner = |f: &str| {
            matches!(
                f,
                "the" | "a" | "an" | "her" | "his" | "their" | "its" | "our" | "my" | "one" | "another"
            )
        };
        let mut name: Option<(usize, usize)> = None;
        let mut role_words: Vec<(usize, usize)> = Vec::new();
        // Segments between commas, nearest to the verb first: the name is
        // usually there (`Speaking to reporters, Smith said`, `her mother,
        // Fiona, said`).
        let mut segments = Vec::new();
        let mut seg = a;
        while seg < b {
            let mut end = seg;
            while end < b && self.t.toks[end].punct() != Some(',') {
                end += 1;
            }
            segments.push((seg, end));
            seg = end + 1;
        }
        // A pronoun right before the verb (`In an interview with BBC Radio 5
        // Live, she said:`).
        if let Some(&(seg, end)) = segments.last() {
            let words: Vec<usize> = (seg..end).filter(|&k| self.t.toks[k].is_word()).collect();
            if let [k] = words[..]
                && segments.len() > 1
            {
                let pronoun = match self.t.fold(k) {
                    "he" => Some(Pronoun::Person(Agreement::Male)),
                    "she" => Some(Pronoun::Person(Agreement::Female)),
                    "they" | "we" => Some(Pronoun::Plural),
                    _ => None,
                };
                if pronoun.is_some() {
                    return Mention {
                        pronoun,
                        ..Mention::default()
                    };
                }
            }
        }
        // A segment that opens with `of`/`from`/`at` qualifies the one before
        // it (`Climate scientist Anna Lindqvist, of the University of
        // Gothenburg, said`): that one is the nearest to the verb.
        let nearest = segments
            .iter()
            .rposition(|&(seg, end)| {
                (seg..end)
                    .find(|&k| self.t.toks[k].is_word())
                    .is_some_and(|k| !EN_CUT.contains(&self.t.fold(k)))
            })
            .unwrap_or(segments.len().saturating_sub(1));
        for (si, &(seg, end)) in segments.iter().enumerate().rev() {
            let cut = (seg..end)
                .find(|&k| EN_CUT.contains(&self.t.fold(k)))
                .unwrap_or(end);
            let words: Vec<usize> = (seg..cut).filter(|&k| self.t.toks[k].is_word()).collect();
            // A segment farther from the verb names the speaker only when it
            // is an apposition (`Clive Harding, the Labour MP …, said`), not
            // a clause (`Asked whether the figure still stood, the
            // spokesperson told`).
            let apposition = si == nearest
                || words.iter().all(|&k| {
                    let f = self.t.fold(k);
                    self.capitalized(k)
                        || determiner(f)
                        || lex.roles.contains(f)
                        || lex.honorifics.contains(f)
                        || EN_PARTICLES.contains(&f)
                });
            if !apposition {
                continue;
            }
            if let Some(&first) = words.iter().find(|&&k| !determiner(self.t.fold(k))) {
                let head = self.t.fold(first);
                // `European Commission President Ursula von der Leyen`,
                // `Labour Party leader Keir Starmer`: a role and a name after
                // the institution name the person who holds the role there.
                let holder_after = words
                    .iter()
                    .position(|&k| lex.organizations.contains(self.t.fold(k)))
                    .is_some_and(|p| {
                        words[p + 1..].windows(2).any(|w| {
                            lex.roles.contains(self.t.fold(w[0]))
                                && self.capitalized(w[1])
                                && !lex.roles.contains(self.t.fold(w[1]))
                                && !lex.organizations.contains(self.t.fold(w[1]))
                        })
                    });
                if !holder_after && words.iter().any(|&k| lex.organizations.contains(self.t.fold(k))) {
                    // `Office for National Statistics`, `Bank of England`.
                    let mut org_end = cut;
                    while org_end < end
                        && self.t.toks[org_end].is_word()
                        && (self.capitalized(org_end)
                            || matches!(self.t.fold(org_end), "of" | "for" | "and" | "the"))
                    {
                        org_end += 1;
                    }
                    while org_end > cut && !self.capitalized(org_end - 1) {
                        org_end -= 1;
                    }
                    return Mention {
                        name: Some(self.text_of(first, org_end)),
                        kind: Some(SpeakerKind::Organization),
                        ..Mention::default()
                    };
                }
                // The head of an English noun phrase is its last word (`the
                // Liberal Democrats`, `senior officials`); a quantifier opens it.
                let last = words.last().map_or(head, |&k| self.t.fold(k));
                let counted = EN_COUNTS.contains(&head) || head.chars().all(|c| c.is_ascii_digit());
                if lex.groups.contains(head)
                    || lex.groups.contains(last)
                    || (counted && last.ends_with('s') && words.len() > 1)
                {
                    return Mention {
                        name: Some(self.text_of(first, cut)),
                        kind: Some(SpeakerKind::Group),
                        ..Mention::default()
                    };
                }
                if lex.anonymous.contains(head) {
                    return Mention {
                        name: Some(self.text_of(first, cut)),
                        kind: Some(SpeakerKind::Anonymous),
                        ..Mention::default()
                    };
                }
                // A name is a run of capitalised words that are not titles,
                // roles, acronyms (`UK`) or possessives (`Labour's`); the
                // last run is the one next to the verb.
                let name_word = |k: usize| {
                    let f = self.t.fold(k);
                    let tok = self.t.toks[k];
                    let raw = self.ptext_get(tok.start, tok.end);
                    let acronym = raw.chars().count() > 1 && raw.chars().all(|c| c.is_ascii_uppercase());
                    let possessive = f.ends_with("'s") || f.ends_with("’s");
                    let title = determiner(f) || lex.roles.contains(f) || lex.honorifics.contains(f);
                    self.capitalized(k) && !title && !acronym && !possessive && !EN_COUNTS.contains(&f)
                };
                // `Ruben del Campo`, `Ursula von der Leyen`: a particle
                // between name words is part of the name.
                let particle = |k: usize| k < cut && EN_PARTICLES.contains(&self.t.fold(k));
                let joins = |k: usize| {
                    particle(k)
                        && k > seg
                        && (name_word(k - 1) || particle(k - 1))
                        && k + 1 < cut
                        && (name_word(k + 1) || (particle(k + 1) && k + 2 < cut && name_word(k + 2)))
                };
                let run_start = words.iter().copied().rfind(|&k| {
                    name_word(k)
                        && (k == first
                            || k == seg
                            || !(name_word(k - 1) || joins(k - 1))
                            || !self.t.toks[k - 1].is_word())
                        // `a Republican from Ohio`: after `a`, a kind of
                        // person, not a name.
                        && !(k > seg && matches!(self.t.fold(k - 1), "a" | "an"))
                });
                // A capitalised word right before a role noun names whom the
                // person works for (`A Codelco spokesman`, `a Google
                // spokeswoman`), not the person.
                let run = run_start.map(|rs| {
                    let mut re = rs + 1;
                    while re < cut && (name_word(re) || joins(re)) && re - rs < 5 {
                        re += 1;
                    }
                    (rs, re)
                });
                let affiliation = run.is_some_and(|(_, re)| re < cut && lex.roles.contains(self.t.fold(re)));
                if name.is_none()
                    && !affiliation
                    && let Some((rs, re)) = run
                {
                    name = Some((rs, re));
                    if rs > first {
                        role_words.push((first, rs));
                    }
                } else {
                    role_words.push((first, cut));
                }
            }
        }
        let role = role_words.last().map(|&(x, y)| self.text_of(x, y));
        match name {
            Some((x, y)) => Mention {
                name: Some(self.text_of(x, y)),
                role,
                kind: Some(SpeakerKind::Person),
                pronoun: None,
                same: false,
            },
            None => Mention {
                role,
                ..Mention::default()
            },
        }
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

#[cfg(test)]
mod tests {
    use crate::extract::speakers::Agreement;
    use crate::{Document, SpeakerKind, analyze};

    #[test]
    fn the_cue_filter_lets_through_every_cue_with_and_without_its_conjunction() {
        let lex = super::lexicon();
        let filter = super::ar_cue_filter();
        for w in [&lex.ar_participles, &lex.ar_verbs, &lex.ar_according]
            .into_iter()
            .flat_map(super::WordSet::words)
        {
            for form in [w.to_string(), format!("و{w}"), format!("ف{w}")] {
                assert!(filter.may_contain(&form), "{form}");
            }
        }
        // And it filters: most words of a real paragraph are dismissed.
        let text = "وقال رئيس الوزراء العراقي مصطفى الكاظمي في كلمة خلال زيارته مقر قيادة العمليات المشتركة في بغداد إن القوات الأمنية ستواصل ملاحقة فلول التنظيم";
        let through = text
            .split(' ')
            .filter(|w| filter.may_contain(&crate::text::fold(w)))
            .count();
        assert!(through <= 3, "{through} words let through");
    }

    /// (speaker name, speaker kind, cue, quote text, direct) for an article
    /// made of a title and these paragraphs.
    /// (speaker name, speaker kind) of each quote found by [`quotes`].
    fn speakers_of(
        q: &[(String, Option<SpeakerKind>, String, String, bool)],
    ) -> Vec<(&str, Option<SpeakerKind>)> {
        q.iter().map(|x| (x.0.as_str(), x.1)).collect()
    }

    fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<SpeakerKind>, String, String, bool)> {
        let text = format!("Title\n\n{}", paragraphs.join("\n\n"));
        let a = analyze(Document::from_text("t", text));
        a.quotes
            .iter()
            .map(|q| {
                let s = q.speaker.map(|i| &a.speakers[i]);
                (
                    s.map(|s| s.name.clone()).unwrap_or_default(),
                    s.map(|s| s.kind),
                    q.cue.map(|c| a.slice(c).to_string()).unwrap_or_default(),
                    a.slice(q.span).to_string(),
                    q.direct,
                )
            })
            .collect()
    }

    #[test]
    fn cues_after_their_words_in_one_sentence_each_report_their_own_words() {
        let q = quotes(&[
            "Prices rose sharply in May, according to officials, and wages fell in June, according to the unions.",
        ]);
        assert_eq!(q[0].3, "Prices rose sharply in May");
        assert!(q[1].3.ends_with("and wages fell in June"), "{q:?}");
        // Thousands of them: each reports only what came after the one
        // before, so the quotes stay as long as the text, not its square.
        let long = "according to officials, ".repeat(3000);
        let a = analyze(Document::from_text("t", format!("Title\n\n{long}")));
        let reported: usize = a.quotes.iter().map(|q| q.span.end - q.span.start).sum();
        assert!(a.quotes.len() > 1000, "{}", a.quotes.len());
        assert!(
            reported <= long.len(),
            "{reported} bytes reported from {}",
            long.len()
        );
    }

    #[test]
    fn a_paragraph_of_thousands_of_speakers_is_read_in_linear_time() {
        // 40,000 of these in one paragraph took 9.5 s: each cue looked ahead
        // through all later cues, through all quotations, and through all
        // speakers. Each quote still goes to its own speaker.
        let para: Vec<String> = (0..5000)
            .map(|i| format!("\"Yes, {i}\" said John{i} Smith{i}."))
            .collect();
        let a = analyze(Document::from_text("t", format!("Title\n\n{}", para.join(" "))));
        assert_eq!(a.quotes.len(), 5000);
        for (i, q) in a.quotes.iter().enumerate() {
            assert_eq!(a.slice(q.span), format!("Yes, {i}"));
            assert_eq!(a.speakers[q.speaker.unwrap()].name, format!("John{i} Smith{i}"));
        }
    }

    #[test]
    fn a_sentence_of_many_subjectless_cues_is_read_once() {
        // Each cue looked for a subject from the start of the sentence: a
        // long sentence full of them took seconds. The subject found is
        // the same.
        let q =
            quotes(&["وقالت الوزارة في بيان إن الأمر مهم، وأضافت أن الوضع هادئ، بعد أن قالت إن الهدوء عاد."]);
        assert!(q.iter().all(|x| x.0 == "الوزارة"), "{q:?}");
        let long = "وقال إن الأمر ".repeat(20_000);
        let a = analyze(Document::from_text("t", format!("Title\n\n{long}")));
        assert!(a.quotes.len() >= 10_000, "{}", a.quotes.len());
    }

    #[test]
    fn a_paragraph_of_many_asides_and_quotations_is_read_once() {
        // Each cue looked ahead over every later cue for the next one that
        // starts a statement, and asides do not: thousands of them took
        // time in the square of their number. So did each quotation
        // looking for the one opening after it.
        let long = "وقال الوزير، وفقاً لبيان وزعه مكتبه، أن الأمر مهم. ".repeat(10_000);
        let a = analyze(Document::from_text("t", format!("Title\n\n{long}")));
        assert_eq!(a.quotes.len(), 10_000);
        let marks = "\"We are ready.\" ".repeat(20_000);
        let a = analyze(Document::from_text("t", format!("Title\n\nShe said: {marks}")));
        assert!(!a.quotes.is_empty());
    }

    #[test]
    fn the_article_after_according_to_keeps_its_alif() {
        let q = quotes(&["وتراجعت الأسعار في أيار، وفقاً للمسؤولين في الوزارة."]);
        assert_eq!(q[0].0, "المسؤولين", "{q:?}");
        let q = quotes(&["وارتفعت الأسعار في أيار، وفقاً لعبد الله الموسى."]);
        assert_eq!(q[0].0, "عبد الله الموسى", "{q:?}");
    }

    #[test]
    fn honorific_starts_the_name() {
        let q = quotes(&[
            "وقال دبلوماسي عسكري رفيع بالسفارة الأمريكية بالقاهرة اللواء تشارلز هوبر: إن \"طائرات F16- توفر قدرة ذات قيمة.",
        ]);
        assert_eq!(q[0].0, "تشارلز هوبر");
        assert!(q[0].4);
        assert!(q[0].3.starts_with("طائرات F16- توفر"));
    }

    #[test]
    fn reopened_straight_quote_after_a_cue() {
        let q = quotes(&[
            "وقال اللواء تشارلز هوبر: إن \"طائرات F16- توفر قدرة ذات قيمة بين البلدين. وتابع :\"فالمتطرفون يهددون الأمن الإقليمي\".",
        ]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q[0].3.ends_with("بين البلدين."));
        assert_eq!(
            (q[1].0.as_str(), q[1].2.as_str(), q[1].3.as_str()),
            ("تشارلز هوبر", "وتابع", "فالمتطرفون يهددون الأمن الإقليمي")
        );
    }

    #[test]
    fn role_then_comma_then_name() {
        let q = quotes(&[
            "وقال وزير الخارجية العراقي، فؤاد حسين، إن الحوار الاستراتيجي مع واشنطن يحظى باهتمام الحكومة.",
        ]);
        assert_eq!(q[0].0, "فؤاد حسين");
        assert!(q[0].3.starts_with("الحوار الاستراتيجي"));
    }

    #[test]
    fn according_to_cue_with_the_words_before_it() {
        let q = quotes(&[
            "ويلقى التعليم الجامعي دعماً متزايداً وفقاً لعبد الله الموسى، رئيس الجامعة الإلكترونية السعودية، مؤكداً أن التعليم الإلكتروني ينمو الآن.",
        ]);
        assert_eq!(q[0].0, "عبد الله الموسى");
        assert!(q[0].3.starts_with("ويلقى التعليم"), "{q:?}");
        assert_eq!(q[1].0, "عبد الله الموسى");
        assert_eq!(q[1].2, "مؤكداً");
        assert!(q[1].3.starts_with("التعليم الإلكتروني ينمو"));
    }

    #[test]
    fn institutions_and_joint_speakers_are_not_people() {
        let q = quotes(&[
            "قالت السفارة الأمريكية بالقاهرة: إن الولايات المتحدة ستسلم ثماني طائرات.",
            "وأوضح ناثان براون وميشيل دين الباحثان بالمركز، في تقريرهما، أن المراجعات الداخلية أثبتت فشل النظام.",
            "وأضاف الباحثان، أن جماعة الإخوان تلخص فكرة الثورة.",
        ]);
        assert_eq!(q[0].1, Some(SpeakerKind::Organization));
        assert_eq!(q[1].1, Some(SpeakerKind::Group));
        assert!(q[1].3.starts_with("المراجعات الداخلية"));
        assert_eq!(q[2].0, q[1].0, "الباحثان is the same pair");
    }

    #[test]
    fn feminine_subjectless_verb_needs_a_fronted_subject() {
        let q = quotes(&[
            "وأفاد محمد ابن القاضي حسن فريد وكالة فرانس برس عبر الهاتف ان \"والدي أجل القضية لأنه مريض\".",
            "لكن محكمة النقض ألغت الحكم في يناير الفائت، بعد ان قالت إن الحكم \"يخلو من أدلة\".",
        ]);
        assert_eq!(q[0].0, "محمد ابن القاضي حسن فريد");
        assert_eq!(q[1].1, Some(SpeakerKind::Organization), "{q:?}");
    }

    #[test]
    fn homographs_and_adverbs_are_not_cues() {
        // بين "between", مجدداً "again", يتوقع "is expected" without أن.
        let q = quotes(&[
            "حكمت المحكمة عليهم بالسجن بين سبع وعشر سنوات بتهمة الانتماء إلى \"الإخوان المسلمين\".",
            "وقضت بمحاكمة الصحافيين مجددا، في قاعة دراسية.",
            "يتوقع ارتفاع عائدات هذا القطاع من 443 مليون دولار.",
        ]);
        assert!(q.is_empty(), "{q:?}");
    }

    #[test]
    fn relayed_words_belong_to_the_source_after_an() {
        let q =
            quotes(&["ونقلت وكالة الأنباء الرسمية عن وزير الداخلية محمد العلي قوله إن الوضع الأمني مستقر."]);
        assert_eq!(q[0].0, "محمد العلي", "{q:?}");
        assert_eq!(q[0].3, "الوضع الأمني مستقر.");
    }

    #[test]
    fn outlet_in_marks_between_subject_and_complementiser() {
        let q = quotes(&[
            "وقال المتحدث باسم الوزارة أحمد حافظ لـ«الشرق الأوسط» إن «الاجتماع سيعقد غداً في القاهرة».",
        ]);
        assert_eq!(q[0].0, "أحمد حافظ");
        assert_eq!(q[0].3, "الاجتماع سيعقد غداً في القاهرة");
        assert!(q[0].4);
    }

    #[test]
    fn english_time_before_that_and_names_near_the_verb() {
        let q = quotes(&[
            "Speaking to reporters, John Smith said on Tuesday that the talks would resume.",
            "Mr Brown told the BBC: “We are ready.”",
        ]);
        assert_eq!(
            (q[0].0.as_str(), q[0].3.as_str()),
            ("John Smith", "the talks would resume.")
        );
        assert_eq!(
            (q[1].0.as_str(), q[1].3.as_str(), q[1].4),
            ("Brown", "We are ready.", true)
        );
    }

    #[test]
    fn names_after_organisations_and_compound_names() {
        let q = quotes(&[
            "وقالت المتحدثة باسم برنامج الأغذية العالمي عبير عطيفة، إن البرنامج يحتاج إلى 1.9 مليار دولار.",
            "«لن نسمح بتكرار المأساة»، قال رئيس الوزراء اليمني معين عبد الملك خلال لقائه السفراء.",
        ]);
        assert_eq!(q[0].0, "عبير عطيفة");
        assert_eq!(
            (q[1].0.as_str(), q[1].3.as_str(), q[1].4),
            ("معين عبد الملك", "لن نسمح بتكرار المأساة", true)
        );
    }

    #[test]
    fn english_roles_acronyms_possessives_and_institutions() {
        let q = quotes(&[
            "Inflation fell to 4.6% in October, according to the Office for National Statistics.",
            "Paul Dales, chief UK economist at Capital Economics, said the figures were \"a big step\".",
            "Labour's shadow chancellor Rachel Reeves said that prices were still rising.",
            "The Bank of England said in a statement that it would keep rates at 5.25% for now.",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("Office for National Statistics", Some(SpeakerKind::Organization)),
                ("Paul Dales", Some(SpeakerKind::Person)),
                ("Rachel Reeves", Some(SpeakerKind::Person)),
                ("Bank of England", Some(SpeakerKind::Organization)),
            ]
        );
        assert!(q[0].3.starts_with("Inflation fell"));
        assert_eq!(q[3].3, "it would keep rates at 5.25% for now.");
    }

    #[test]
    fn titles_in_quotation_marks_are_not_speech() {
        let q = quotes(&[
            "وبحسب تقرير شركة الأبحاث البريطانية «اكسفورد بزنس جروب» ففي العام الماضي أجازت المملكة خطة خمسية.",
        ]);
        assert!(q.iter().all(|x| x.1 == Some(SpeakerKind::Organization)), "{q:?}");
        assert!(q.iter().all(|x| !x.4));
    }

    #[test]
    fn documents_branches_and_titled_officials() {
        let q = quotes(&[
            "وتنطلق الدورة الاستدراكية يوم 3 يوليوز المقبل، على أن تُعلن نتائجها في 15 من الشهر نفسه، حسب بلاغ للوزارة.",
            "وبحسب بيانات دائرة الإحصاءات العامة، بلغ معدل التضخم في الأشهر العشرة الأولى من العام 1.8 بالمئة.",
            "Deschutes County Sheriff Ray Delgado told reporters at a briefing that deputies had gone door to door.",
            "Gov. Ellen Marsh said in a statement that crews would get every resource they need.",
            "More than 40 large wildfires are currently burning across the West, according to the National Interagency Fire Center.",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("بلاغ للوزارة", Some(SpeakerKind::Organization)),
                ("بيانات دائرة الإحصاءات العامة", Some(SpeakerKind::Organization)),
                ("Ray Delgado", Some(SpeakerKind::Person)),
                ("Ellen Marsh", Some(SpeakerKind::Person)),
                (
                    "National Interagency Fire Center",
                    Some(SpeakerKind::Organization)
                ),
            ],
            "{q:?}"
        );
        assert_eq!(q[3].3, "crews would get every resource they need.");
    }

    #[test]
    fn a_role_with_a_place_in_it_goes_on_to_the_name() {
        let q = quotes(&[
            "قال المتحدث باسم الدفاع المدني في السودان العميد عبد الرحيم النور، الثلاثاء، إن حصيلة ضحايا السيول ارتفعت إلى 34 قتيلاً.",
            "وقالت مديرة فرع الهلال الأحمر السوداني في الولاية سلمى عثمان إن نحو خمسة آلاف أسرة فقدت مأواها.",
            "وقال الخبير في الموارد المائية الدكتور حسن إبراهيم لـ\"سكاي نيوز عربية\" إن معدلات الأمطار تجاوزت المتوسط.",
            "وقال الوزير في كلمة ألقاها أمام البرلمان إن الموازنة ستقر قريباً.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            who,
            ["عبد الرحيم النور", "سلمى عثمان", "حسن إبراهيم", "الوزير"],
            "{q:?}"
        );
        assert!(q[0].3.starts_with("حصيلة ضحايا"), "{q:?}");
        assert!(q[2].3.starts_with("معدلات الأمطار"), "{q:?}");
    }

    #[test]
    fn a_family_name_said_before_is_that_person() {
        let q = quotes(&[
            "قال وزير المالية سامر الخطيب، في مؤتمر صحفي، إن الموازنة تقدّر الإيرادات بنحو 10.2 مليار دينار.",
            "وأضاف الخطيب أن عجز الموازنة سيتراجع إلى 2.9 بالمئة.",
            "في المقابل، اعتبر عبد الإله الدحماني، الكاتب العام للجامعة الوطنية للتعليم، أن \"الأرقام المعلنة لا تعكس تحسناً\".",
            "وصرّح الدحماني لهسبريس بأن \"الوزارة مطالبة بنشر نتائج الدراسات الدولية\".",
            "وقال عبد الله الموسى إن التعليم الإلكتروني ينمو.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            who,
            [
                "سامر الخطيب",
                "سامر الخطيب",
                "عبد الإله الدحماني",
                "عبد الإله الدحماني",
                "عبد الله الموسى"
            ],
            "{q:?}"
        );
    }

    #[test]
    fn the_same_speaker_and_a_general_role_point_back() {
        let q = quotes(&[
            "وقالت الوزيرة نادية بنعلي، خلال ندوة صحافية بالرباط، إن عدد الناجحين بلغ 298 ألفاً.",
            "وأضافت المسؤولة الحكومية أن الإناث حققن نسبة نجاح بلغت 72 في المائة.",
            "وقال عبد الإله الدحماني إن \"الأرقام المعلنة لا تعكس بالضرورة تحسناً\".",
            "وحسب المتحدث ذاته، فإن النقابة ستعقد ندوة وطنية أواخر الشهر الجاري.",
            "وقال المتحدث باسم الوزارة إن النتائج ستنشر غداً.",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("نادية بنعلي", Some(SpeakerKind::Person)),
                ("نادية بنعلي", Some(SpeakerKind::Person)),
                ("عبد الإله الدحماني", Some(SpeakerKind::Person)),
                ("عبد الإله الدحماني", Some(SpeakerKind::Person)),
                ("المتحدث باسم الوزارة", Some(SpeakerKind::Anonymous)),
            ],
            "{q:?}"
        );
        assert!(q[3].3.contains("النقابة ستعقد"), "{q:?}");
    }

    #[test]
    fn a_relative_pronoun_before_a_cue_stands_for_the_phrase_before_it() {
        let q = quotes(&[
            "ومن المقرر أن يُحال مشروع القانون إلى مجلس النواب مطلع الشهر المقبل، بحسب رئيس اللجنة المالية النيابية نمر السليحات، الذي أكد أن اللجنة ستعقد جلسات مكثفة لمناقشته.",
            "More than 40 large wildfires are currently burning across the West, according to the National Interagency Fire Center, which said Tuesday that nearly 2.6 million acres have burned.",
        ]);
        let who: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            who,
            [
                ("نمر السليحات", "بحسب"),
                ("نمر السليحات", "أكد"),
                ("National Interagency Fire Center", "according"),
                ("National Interagency Fire Center", "said"),
            ],
            "{q:?}"
        );
        assert!(q[1].3.starts_with("اللجنة ستعقد"), "{q:?}");
        assert!(q[3].3.starts_with("nearly 2.6 million"), "{q:?}");
    }

    #[test]
    fn kana_subject_qad_verb_has_its_subject_before_the_verb() {
        let q = quotes(&[
            "وكانت السلطات قد أعلنت حالة الطوارئ في الولاية لمدة ثلاثة أشهر في 10 أغسطس الجاري.",
            "وكان رئيس الوزراء قد أعلن الأسبوع الماضي أن الحكومة ستطلق ثلاث حزم تحفيزية.",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("السلطات", Some(SpeakerKind::Organization)),
                ("رئيس الوزراء", Some(SpeakerKind::Anonymous)),
            ],
            "{q:?}"
        );
        assert!(q[0].3.starts_with("حالة الطوارئ"), "{q:?}");
        assert!(q[1].3.starts_with("الحكومة ستطلق"), "{q:?}");
    }

    #[test]
    fn an_aside_between_the_subject_and_the_complementiser() {
        let q = quotes(&[
            "وأضافت ديالو، وفقاً لبيان وزعه مكتبها، أن خبراء الاتحاد سيعدّون ورقة فنية تتضمن ثلاثة سيناريوهات.",
            "وقالت فاطمة الزهراء العلوي، وهي أم لتلميذ حصل على البكالوريا بميزة \"حسن جداً\"، إن \"الفرحة لا توصف\".",
            "من جانبه، قال مصدر محلي في محلية البحيرة، طلب عدم الكشف عن هويته، إن السلطات لم تستجب للتحذيرات.",
        ]);
        let got: Vec<(&str, &str, bool)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str(), x.4)).collect();
        assert_eq!(
            got,
            [
                (
                    "ديالو",
                    "خبراء الاتحاد سيعدّون ورقة فنية تتضمن ثلاثة سيناريوهات.",
                    false
                ),
                ("فاطمة الزهراء العلوي", "الفرحة لا توصف", true),
                ("مصدر محلي", "السلطات لم تستجب للتحذيرات.", false),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn an_outlet_named_in_marks_is_part_of_the_subject() {
        let q = quotes(&[
            "ونقلت صحيفة \"السوداني\" عن وزير الري ياسر عباس قوله إن منسوب المياه ارتفع أكثر من مترين.",
            "وقالت وكالة «سبوتنيك» إن الاجتماع سيعقد غداً.",
        ]);
        let got: Vec<(&str, &str, bool)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str(), x.4)).collect();
        assert_eq!(
            got,
            [
                ("ياسر عباس", "منسوب المياه ارتفع أكثر من مترين.", false),
                ("وكالة «سبوتنيك»", "الاجتماع سيعقد غداً.", false),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn an_unlisted_given_name_before_a_listed_fathers_name() {
        let q = quotes(&[
            "وقال وزير المالية السوداني جبريل إبراهيم إن الحكومة ستدفع الرواتب.",
            "وقال مدير شركة أرامكو خالد الناصر إن الإنتاج سيرتفع.",
            "وقالت المتحدثة باسم برنامج الأغذية العالمي عبير عطيفة، إن البرنامج يحتاج إلى 1.9 مليار دولار.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["جبريل إبراهيم", "خالد الناصر", "عبير عطيفة"], "{q:?}");
    }

    #[test]
    fn a_quoted_sentence_ends_the_sentence_before_a_new_quotation() {
        let q = quotes(&[
            "In a blog post, chief executive Priya Natarajan wrote that the company had grown too fast.",
            "Rick Alvarez, a partner at Northwind who sits on Lumora's board, says the company remains \"well capitalised.\" \"Priya made a hard call, but the right one,\" he says. \"We are still very much behind this team.\"",
        ]);
        let got: Vec<(&str, &str, &str)> = q
            .iter()
            .map(|x| (x.0.as_str(), x.2.as_str(), x.3.as_str()))
            .collect();
        assert_eq!(
            got[1..],
            [
                (
                    "Rick Alvarez",
                    "says",
                    "the company remains \"well capitalised.\""
                ),
                (
                    "Rick Alvarez",
                    "says",
                    "Priya made a hard call, but the right one"
                ),
                ("Rick Alvarez", "", "We are still very much behind this team."),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn english_subjects_with_hyphens_and_and_in_names() {
        let q = quotes(&[
            "Dr Sunil Mehta, vice-president of the Royal College of Emergency Medicine, said 40,000 patients had waited more than 12 hours.",
            "A Department of Health and Social Care spokesperson said: \"We are investing £1.8bn to deliver an extra 40,000 appointments a week.\"",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("Sunil Mehta", Some(SpeakerKind::Person)),
                (
                    "Department of Health and Social Care",
                    Some(SpeakerKind::Organization)
                ),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_capitalised_word_before_a_role_is_an_employer_not_a_name() {
        let q = quotes(&[
            "A Codelco spokesman said the company was reviewing its production targets for 2025.",
            "Mining Minister Carolina Fuentes said on Tuesday that the government was \"fully confident\" in Codelco's management.",
            "\"Codelco has faced tough years before, and it has always come back stronger,\" she said.",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("Codelco spokesman", Some(SpeakerKind::Anonymous)),
                ("Carolina Fuentes", Some(SpeakerKind::Person)),
                ("Carolina Fuentes", Some(SpeakerKind::Person)),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn an_english_verb_joined_by_but_reports_again_for_the_same_subject() {
        let q = quotes(&[
            "Health Secretary Daniel Hughes said the figures were \"a step in the right direction\" but warned there was \"a mountain still to climb\".",
        ]);
        let got: Vec<(&str, &str, &str)> = q
            .iter()
            .map(|x| (x.0.as_str(), x.2.as_str(), x.3.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Daniel Hughes",
                    "said",
                    "the figures were \"a step in the right direction\""
                ),
                (
                    "Daniel Hughes",
                    "warned",
                    "there was \"a mountain still to climb\"."
                ),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn declared_reports_only_with_that_a_colon_or_a_quotation() {
        let q = quotes(&[
            "Gov. Ellen Marsh declared a state of emergency on Monday night, freeing up state resources to help local crews.",
            "Gov. Ellen Marsh declared that the fire was the worst in a decade.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(
            got,
            [("Ellen Marsh", "the fire was the worst in a decade.")],
            "{q:?}"
        );
    }

    #[test]
    fn english_attribution_after_the_words() {
        let q = quotes(&[
            "SANTIAGO, May 30 (Reuters) - Chile's copper production fell 4.2% in April from a year earlier, the national statistics agency INE said on Thursday, as Codelco grappled with delays.",
            "The plan will cost $2 billion over five years, Finance Minister John Smith said on Tuesday.",
            "Prices will keep rising through the summer, Maria Lopez, a metals analyst at BMI, said.",
            "Deputies went door to door overnight, Sheriff Ray Delgado told reporters.",
            "Peter Wong Ka Ho, the minister, said on Tuesday.",
            "Speaking to reporters in Santiago, Brown said the plan was dead.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    "national statistics agency INE",
                    "Chile's copper production fell 4.2% in April from a year earlier"
                ),
                ("John Smith", "The plan will cost $2 billion over five years"),
                ("Maria Lopez", "Prices will keep rising through the summer"),
                ("Ray Delgado", "Deputies went door to door overnight"),
                ("Brown", "the plan was dead."),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn english_sources_with_asides_and_leading_according_to() {
        let q = quotes(&[
            "According to an internal memo seen by The Information, sales of Lumora's enterprise product fell short of targets.",
            "A source familiar with the matter, who asked not to be named because the discussions were private, said the board had discussed selling a stake.",
            "One employee who was laid off, and who asked not to be named for fear of jeopardizing their severance, says the announcement came in a 10-minute video call.",
        ]);
        let got: Vec<(&str, Option<SpeakerKind>, &str)> =
            q.iter().map(|x| (x.0.as_str(), x.1, x.3.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    "internal memo seen",
                    Some(SpeakerKind::Organization),
                    "sales of Lumora's enterprise product fell short of targets."
                ),
                (
                    "source familiar",
                    Some(SpeakerKind::Anonymous),
                    "the board had discussed selling a stake."
                ),
                (
                    "employee",
                    Some(SpeakerKind::Anonymous),
                    "the announcement came in a 10-minute video call."
                ),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn prosecutors_parties_and_county_officials() {
        let q = quotes(&[
            "Prosecutors said Harper made more than 300 unauthorized transfers from county accounts between 2016 and 2022.",
            "Conservative spokesperson Kevin Ashworth was critical, while the Liberal Democrats said it showed ministers had \"run out of ideas\".",
            "County Supervisor Tom Wheeler said the board had since hired an outside firm to review every account.",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("Prosecutors", Some(SpeakerKind::Group)),
                ("Liberal Democrats", Some(SpeakerKind::Group)),
                ("Tom Wheeler", Some(SpeakerKind::Person)),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn an_abbreviation_inside_the_title_before_the_name() {
        let q = quotes(&[
            "\"This was not a single lapse in judgment. It was a calculated scheme that went on for years,\" Assistant U.S. Attorney Rachel Kim wrote in a sentencing memo.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(
            got,
            [(
                "Rachel Kim",
                "This was not a single lapse in judgment. It was a calculated scheme that went on for years"
            )],
            "{q:?}"
        );
    }

    #[test]
    fn which_segment_of_an_english_subject_names_the_speaker() {
        let q = quotes(&[
            "Clive Harding, the Labour MP who chairs the housing select committee, said the omission was \"deeply disappointing\".",
            "Asked whether the 90,000 figure still stood, the prime minister's official spokesperson told reporters: \"I'm not going to get ahead of future announcements.\"",
            "The housing minister, Angela Moore, insisted the strategy was \"a serious, long-term plan\". In an interview with BBC Radio 5 Live, she said: \"We inherited a broken system.\"",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("Clive Harding", Some(SpeakerKind::Person)),
                (
                    "prime minister's official spokesperson",
                    Some(SpeakerKind::Anonymous)
                ),
                ("Angela Moore", Some(SpeakerKind::Person)),
                ("Angela Moore", Some(SpeakerKind::Person)),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn the_name_ali_is_not_the_preposition_ala() {
        let q = quotes(&[
            "في المقابل، اعتبر النائب علي حسن شمص أن الدعوة إلى الحوار «هي المخرج الوحيد من الأزمة».",
            "وقال محمد علي إن الاتفاق سيوقع قريباً.",
            "وشدد الوزير على أن المفاوضات مستمرة.",
        ]);
        let who: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(
            who,
            [
                ("علي حسن شمص", "الدعوة إلى الحوار «هي المخرج الوحيد من الأزمة»."),
                ("محمد علي", "الاتفاق سيوقع قريباً."),
                ("الوزير", "المفاوضات مستمرة."),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn participles_of_calling_report_what_they_call_for() {
        let q = quotes(&[
            "ونقلت الوكالة الوطنية للإعلام عن رئيس المجلس حسين الأمين قوله إن «الجلسة ستُعقد الشهر المقبل»، داعياً النواب إلى «تحمّل مسؤولياتهم الوطنية».",
            "وأكد الوزير أن الاتفاق نهائي، مجدداً في الوقت ذاته رفضه لأي تدخل.",
        ]);
        let got: Vec<(&str, &str, &str)> = q
            .iter()
            .map(|x| (x.0.as_str(), x.2.as_str(), x.3.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("حسين الأمين", "ونقلت", "الجلسة ستُعقد الشهر المقبل"),
                ("حسين الأمين", "داعياً", "النواب إلى «تحمّل مسؤولياتهم الوطنية»."),
                (
                    "الوزير",
                    "وأكد",
                    "الاتفاق نهائي، مجدداً في الوقت ذاته رفضه لأي تدخل."
                ),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn kana_subject_with_an_apposition() {
        let q = quotes(&[
            "وكان معالي عبدالله بن سالم الكتبي، وزير الاقتصاد، قد أكد في وقت سابق أن الدولة تستهدف جذب 40 مليون نزيل فندقي بحلول عام 2031.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(
            got,
            [(
                "عبدالله بن سالم الكتبي",
                "الدولة تستهدف جذب 40 مليون نزيل فندقي بحلول عام 2031."
            )],
            "{q:?}"
        );
    }

    #[test]
    fn an_english_participle_first_in_its_sentence_has_the_sentence_subject() {
        let q = quotes(&[
            "\"It was a calculated scheme,\" Assistant U.S. Attorney Rachel Kim wrote in a sentencing memo.",
            "Harper's attorney, Daniel Ortega, had asked for a sentence of three years, arguing that his client had struggled with a gambling addiction.",
            "Knight said crews were focusing on protecting homes, adding that two firefighters had been treated.",
        ]);
        let who: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            who,
            [
                ("Rachel Kim", "wrote"),
                ("Daniel Ortega", "arguing"),
                ("Knight", "said"),
                ("Knight", "adding")
            ],
            "{q:?}"
        );
    }

    #[test]
    fn she_said_after_a_newcomer_named_as_the_subject() {
        let q = quotes(&[
            "Linda Harper, 58, pleaded guilty in March to wire fraud and money laundering.",
            "\"She is deeply ashamed,\" her attorney, Daniel Ortega, told reporters outside the courthouse.",
            "Harper, wearing an orange jumpsuit, apologized to county residents before the sentence was read. \"I betrayed the people who elected me,\" she said, her voice breaking.",
            "West Mercia police said the tablets were believed to contain DNP.",
            "\"We are working with partner agencies,\" she said.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            who,
            [
                "Daniel Ortega",
                "Linda Harper",
                "West Mercia police",
                "Linda Harper"
            ],
            "{q:?}"
        );
        // A known person named in full is not a newcomer, and the family
        // name she shares with one is not a mention of that one.
        let q = quotes(&[
            "Eloise Parry, 21, was taken to Royal Shrewsbury hospital on 12 April.",
            "\"The drug was in her system,\" her mother, Fiona, said in a statement yesterday.",
            "Fiona Parry issued a plea for people to stay away from pills containing the chemical.",
            "\"She just never really understood how dangerous the tablets were,\" she said.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["Fiona", "Fiona"], "{q:?}");
    }

    #[test]
    fn statistics_are_a_source_and_accusing_is_reporting() {
        let q = quotes(&[
            "سجلت الوزارة 312 إصابة مؤكدة بمرض الكوليرا في سبع محافظات، بحسب إحصائية رسمية صدرت اليوم الأربعاء.",
            "في المقابل، اتهم النائب أحمد العبيدي، عضو مجلس المحافظة، الحكومة المحلية بالتقصير.",
        ]);
        let who = speakers_of(&q);
        assert_eq!(
            who,
            [
                ("إحصائية رسمية صدرت", Some(SpeakerKind::Organization)),
                ("أحمد العبيدي", Some(SpeakerKind::Person)),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn it_turned_out_reports_nobody() {
        let q = quotes(&[
            "وبيّن الربيعي أن فرق الرقابة فحصت أكثر من 4 آلاف عينة، وتبين أن 18 بالمئة منها غير صالحة للاستهلاك، داعياً المواطنين إلى غلي المياه.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(got, [("الربيعي", "وبيّن"), ("الربيعي", "داعياً")], "{q:?}");
    }

    #[test]
    fn the_object_after_the_name_is_not_the_subject() {
        let q = quotes(&[
            "في المقابل، اتهم عضو مجلس محافظة كركوك أحمد العبيدي الحكومة المحلية بالتقصير، قائلاً إن \"شبكات الصرف الصحي لم تُصلح منذ عشرين عاماً\".",
        ]);
        let got: Vec<(&str, &str, &str)> = q
            .iter()
            .map(|x| (x.0.as_str(), x.2.as_str(), x.3.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("أحمد العبيدي", "اتهم", "الحكومة المحلية بالتقصير"),
                ("أحمد العبيدي", "قائلاً", "شبكات الصرف الصحي لم تُصلح منذ عشرين عاماً"),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn an_abbreviated_title_after_the_verb() {
        let q = quotes(&[
            "\"Measles is one of the most contagious diseases we know of,\" said Dr. Maria Gonzalez, an epidemiologist at the University of Texas Health Science Center in Houston.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["Maria Gonzalez"], "{q:?}");
    }

    #[test]
    fn english_fronted_quotes_pronouns_and_continuations() {
        let q = quotes(&[
            "The mother of a woman who took pills has described how her daughter was “literally burning up” before her death.",
            "“The drug was in her system, there was no anti-dote,” her mother, Fiona, said in a statement yesterday.",
            "“As Eloise deteriorated, the staff did all they could.",
            "She added: “They never stood a chance of saving her.”",
            "“We are undoubtedly concerned over the origin of these pills,” said chief inspector Jennifer Mattinson from the West Mercia police.",
            "The Food Standards Agency warned people to stay away from slimming products.",
            "“We advise the public not to take any tablets,” it said in a statement.",
            "Fiona Parry issued a plea for people to stay away from pills.",
            "“She just never really understood how dangerous the tablets were,” she said. “Most of us don’t believe it.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            who,
            [
                "Fiona",
                "Fiona",
                "Fiona",
                "Fiona",
                "Jennifer Mattinson",
                "Food Standards Agency",
                "Food Standards Agency",
                "Fiona",
                "Fiona"
            ],
            "{q:?}"
        );
        assert!(q[0].3.starts_with("how her daughter was") && !q[0].4);
        assert!(q[1].3.starts_with("The drug was") && q[1].4);
        assert_eq!(q[2].2, "", "a continued quotation has no cue");
        assert!(q[8].3.starts_with("Most of us"));
    }

    #[test]
    fn a_time_after_the_name_ends_the_subject() {
        let q = quotes(&[
            "وقال وزير الخارجية فؤاد حسين عقب لقائه نظيره الأمريكي إن الحوار الاستراتيجي سيستأنف الشهر المقبل.",
            "وأكد رئيس الوزراء مصطفى الكاظمي إثر الاجتماع أن الانسحاب سيكتمل بنهاية العام.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["فؤاد حسين", "مصطفى الكاظمي"], "{q:?}");
    }

    #[test]
    fn a_role_with_a_place_then_an_unlisted_name() {
        let q = quotes(&[
            "وقال منسق الشؤون الإنسانية للأمم المتحدة في اليمن جوليان هارنيس، في بيان، إن أكثر من 17 مليون يمني يعانون انعدام الأمن الغذائي.",
            "وأضاف هارنيس أن التمويل لم يتجاوز 20 في المئة.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["جوليان هارنيس", "جوليان هارنيس"], "{q:?}");
    }

    #[test]
    fn a_later_verb_of_a_sentence_continues_its_speaker() {
        let q = quotes(&[
            "ونفى يوسف عزت، المستشار السياسي لقائد قوات الدعم السريع، هذه الاتهامات، وقال في تصريحات لقناة الجزيرة إن قواته تلتزم بالقانون الدولي.",
            "وقالت الدكتورة نادية بنعلي، أستاذة الاقتصاد بجامعة القاهرة، إن القرار \"خطوة إيجابية\"، لكنها حذرت من أن \"الأسعار لا تزال مرتفعة\".",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(
            got,
            [
                ("يوسف عزت", "ونفى"),
                ("يوسف عزت", "وقال"),
                ("نادية بنعلي", "وقالت"),
                ("نادية بنعلي", "حذرت"),
            ],
            "{q:?}"
        );
        assert_eq!(q[3].3, "الأسعار لا تزال مرتفعة");
    }

    #[test]
    fn an_affiliation_between_commas_after_the_name() {
        let q = quotes(&[
            "Climate scientist Friederike Otto, of Imperial College London, said the heatwave would have been almost impossible without climate change.",
            "\"It is a clear signal,\" she told reporters.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["Friederike Otto", "Friederike Otto"], "{q:?}");
        assert_eq!(
            q[0].3,
            "the heatwave would have been almost impossible without climate change."
        );
    }

    #[test]
    fn she_said_after_a_man_spoke_means_the_woman_named_with_him() {
        let q = quotes(&[
            "Detective Inspector Mark Evans and his colleague, Sergeant Helen Price, were first at the scene.",
            "\"It was the worst thing I have seen in 20 years,\" Evans said.",
            "\"We did everything we could for them,\" she said.",
            "\"Nobody should have to see that,\" he added.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["Mark Evans", "Helen Price", "Mark Evans"], "{q:?}");
    }

    #[test]
    fn a_person_named_without_speaking_is_found_by_family_name_and_pronoun() {
        let q = quotes(&[
            "Isobel Hart, the chief executive of the Library Campaign, said the figures were \"a quiet catastrophe\".",
            "In Leeds, where two libraries closed last year, the council leader, Judith Blake, met residents on Friday with the housing minister, Tom Reeves.",
            "\"We will not let residents down,\" she said afterwards.",
            "Reeves said the government would publish its plan in the spring.",
            "He added: \"Housing is our first priority.\"",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            who,
            ["Isobel Hart", "Judith Blake", "Tom Reeves", "Tom Reeves"],
            "{q:?}"
        );
    }

    #[test]
    fn people_named_by_what_they_do_in_the_plural_are_a_group() {
        let q = quotes(&[
            "Volunteers who now run the Walkley library said they were proud of what they had achieved.",
            "Farmers in the region said the harvest could be halved this year.",
        ]);
        let kinds: Vec<_> = q.iter().map(|x| x.1).collect();
        assert_eq!(
            kinds,
            [Some(SpeakerKind::Group), Some(SpeakerKind::Group)],
            "{q:?}"
        );
    }

    #[test]
    fn accusing_as_a_participle_reports_its_object() {
        let q = quotes(&[
            "ونفى المتحدث باسم الحركة هذه الاتهامات، متهماً الجيش بعرقلة وصول المساعدات إلى المدنيين.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.2.as_str(), x.3.as_str())).collect();
        assert_eq!(
            got,
            [
                ("ونفى", "هذه الاتهامات"),
                ("متهماً", "الجيش بعرقلة وصول المساعدات إلى المدنيين."),
            ],
            "{q:?}"
        );
        assert_eq!(q[1].0, q[0].0);
    }

    #[test]
    fn a_promise_joined_to_a_statement_reports_what_is_promised() {
        let q = quotes(&[
            "The housing minister, Tom Reeves, said the plan would be published in the spring and promised £1bn for new council homes.",
        ]);
        let got: Vec<(&str, &str, &str)> = q
            .iter()
            .map(|x| (x.0.as_str(), x.2.as_str(), x.3.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Tom Reeves", "said", "the plan would be published in the spring"),
                ("Tom Reeves", "promised", "£1bn for new council homes."),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_subjectless_cue_after_a_sentence_that_named_its_subject() {
        let q = quotes(&[
            "وقالت مصادر طبية إن مستشفى الولادة توقف عن العمل.",
            "وشكت الممرضة هدى عثمان، التي تعمل في المستشفى، من نقص حاد في الأدوية. وقالت: \"لم يبق لدينا ما يكفي لأكثر من يومين\".",
            "استقبل الرئيس عبد المجيد تبون أمس وزير الخارجية الإيطالي، وأكد أن العلاقات بين البلدين متميزة.",
            "والتقت المبعوثة الأممية هانا تيتيه رئيس المجلس الرئاسي. وقال إن الحوار مستمر.",
        ]);
        // The speaker of the last quote of each cue.
        let of = |cue: &str| q.iter().rfind(|x| x.2 == cue).map(|x| x.0.as_str());
        assert_eq!(of("وقالت"), Some("هدى عثمان"), "{q:?}");
        assert_eq!(of("وأكد"), Some("عبد المجيد تبون"), "{q:?}");
        // A masculine verb does not go on with a woman named before.
        assert_ne!(of("وقال"), Some("هانا تيتيه"), "{q:?}");
    }

    #[test]
    fn counted_people_are_a_group_and_a_place_after_near_is_no_name() {
        let q = quotes(&[
            "Two brokers told Reuters that premiums had fallen.",
            "A farmer near Seville, who asked not to be named, said his olive harvest could be halved.",
        ]);
        let got: Vec<(&str, Option<SpeakerKind>)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            got,
            [
                ("Two brokers", Some(SpeakerKind::Group)),
                ("farmer", Some(SpeakerKind::Anonymous))
            ],
            "{q:?}"
        );
    }

    #[test]
    fn he_said_after_an_unnamed_person_means_that_person() {
        let q = quotes(&[
            "Climate scientist Friederike Otto said every heatwave was now made hotter by climate change.",
            "A farmer near Seville, who asked not to be named, said his olive harvest could be halved.",
            "\"The trees are simply shutting down,\" he said.",
            "Two brokers told Reuters that premiums had fallen.",
            "\"It is the first good news in months,\" she said.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who[2], who[1], "{q:?}");
        assert_eq!(q[2].1, Some(SpeakerKind::Anonymous), "{q:?}");
        assert_eq!(who[4], "Friederike Otto", "{q:?}");
    }

    #[test]
    fn a_family_name_or_role_alone_is_the_person_named_before_without_a_cue() {
        let q = quotes(&[
            "افتتح الدكتور خالد غنيم، وزير الصحة، المؤتمر الدولي للسكان أمس بحضور عدد من الوزراء.",
            "وأكد وزير الصحة أن معدل النمو السكاني تراجع إلى 1.4 في المئة.",
            "وأضاف غنيم أن الوزارة ستطلق حملة جديدة الشهر المقبل.",
            "وشارك في المؤتمر المهندس طارق السيد، رئيس هيئة الدواء، ووزير التخطيط السابق عادل البنا.",
            "وقال السيد إن الهيئة سجلت 50 دواء جديداً هذا العام.",
            "وأوضح البنا أن الزيادة السكانية تلتهم ثمار النمو.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            who,
            ["خالد غنيم", "خالد غنيم", "طارق السيد", "عادل البنا"],
            "{q:?}"
        );
        let a = analyze(Document::from_text(
            "t",
            "Title\n\nافتتح الدكتور خالد غنيم، وزير الصحة، المؤتمر أمس.\n\nوأكد وزير الصحة أن النمو تراجع.\n\nوأضاف غنيم أن الوزارة ستطلق حملة."
                .to_string(),
        ));
        assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
        assert_eq!(a.speakers[0].aliases, ["وزير الصحة", "غنيم"]);
    }

    #[test]
    fn a_present_tense_verb_after_a_fronted_quotation() {
        let q = quotes(&[
            "وقال الوزير إن المفاوضات مستمرة.",
            "«لن نقبل بأن يُفرض علينا رئيس لا يمثل إرادة اللبنانيين»، يقول النائب جورج عدوان.",
            "يتوقع ارتفاع عائدات هذا القطاع من 443 مليون دولار.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
        assert_eq!(got, [("الوزير", "وقال"), ("جورج عدوان", "يقول")], "{q:?}");
        // `مصلحة` (an authority) is an institution, not a name.
        let q = quotes(&["«المستثمر لم يعد ينتظر أسابيع في الميناء»، يقول رئيس مصلحة الجمارك."]);
        assert_eq!(q[0].1, Some(SpeakerKind::Anonymous), "{q:?}");
    }

    #[test]
    fn two_people_joined_by_and_speak_together() {
        let q = quotes(&[
            "At the Hospital del Mar in Barcelona, emergency physician Javier Ortega and nurse Carmen Ruiz described wards filling up with elderly patients.",
            "\"Some arrive so confused that they cannot tell us their own name,\" she said.",
        ]);
        let got: Vec<(&str, Option<SpeakerKind>)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            got,
            [
                ("Javier Ortega and nurse Carmen Ruiz", Some(SpeakerKind::Group)),
                ("Carmen Ruiz", Some(SpeakerKind::Person)),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn feminine_forms_of_verbs_ending_in_a_vowel() {
        assert_eq!(super::agreement("روت"), Agreement::Female);
        assert_eq!(super::agreement("دعت"), Agreement::Female);
        assert_eq!(super::agreement("نفت"), Agreement::Female);
        assert_eq!(super::agreement("روي"), Agreement::Male);
        let q = quotes(&[
            "وقالت المتحدثة باسم الوكالة جولييت حداد إن المدارس تحولت إلى ملاجئ.",
            "وفي غزة، روت المعلمة سهى الأغا، وهي نازحة في دير البلح، كيف تحولت خيمتها إلى صف دراسي.",
            "وقال الوزير إن الوزارة تعمل مع المنظمات الدولية.",
            "وتابعت: \"الأطفال يريدون أن يتعلموا، لكنهم جائعون\".",
        ]);
        assert_eq!(q[3].0, "سهى الأغا", "{q:?}");
    }

    #[test]
    fn how_ends_the_subject_and_opens_the_words() {
        let q = quotes(&["وفي غزة، روت المعلمة سهى الأغا كيف تحولت خيمتها إلى صف دراسي."]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(got, [("سهى الأغا", "كيف تحولت خيمتها إلى صف دراسي.")], "{q:?}");
    }

    #[test]
    fn industry_groups_are_a_group() {
        let q = quotes(&[
            "Industry groups have warned that broad restrictions could cost American firms billions of dollars.",
        ]);
        assert_eq!(q[0].1, Some(SpeakerKind::Group), "{q:?}");
    }

    #[test]
    fn a_that_inside_the_reported_words_does_not_start_them() {
        let q = quotes(&[
            "Kim said her clients had documents showing that engineers flagged erosion at the dam in 2018.",
            "Gov. Ellen Marsh said on Tuesday in Lansing that the state had spent $30 million on repairs.",
        ]);
        let got: Vec<&str> = q.iter().map(|x| x.3.as_str()).collect();
        assert_eq!(
            got,
            [
                "her clients had documents showing that engineers flagged erosion at the dam in 2018.",
                "the state had spent $30 million on repairs."
            ],
            "{q:?}"
        );
    }

    #[test]
    fn said_joined_to_a_verb_that_is_no_cue_has_the_sentence_subject() {
        let q = quotes(&[
            "Commerce Secretary Laura Bennett declined to discuss specific measures but said in an interview that the administration would use every tool.",
            "Rep. Mark Foster, a Republican from Ohio who chairs the House select committee on China, welcomed the move but said it came too late.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(
            got,
            [
                ("Laura Bennett", "the administration would use every tool."),
                ("Mark Foster", "it came too late."),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn stressing_the_need_for_something_reports_it() {
        let q = quotes(&[
            "واعتبر الخبير مارك زيادة أن الخطة خطوة في الاتجاه الصحيح، لكنه شدد على ضرورة «إنشاء الهيئة الناظمة فوراً».",
            "وأكد على أهمية التعاون بين الوزارات.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(
            got,
            [
                ("مارك زيادة", "الخطة خطوة في الاتجاه الصحيح"),
                ("مارك زيادة", "على ضرورة «إنشاء الهيئة الناظمة فوراً»."),
                ("مارك زيادة", "على أهمية التعاون بين الوزارات."),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_named_subject_before_a_present_tense_verb() {
        let q = quotes(&[
            "وقال المتحدث باسم وزارة الموارد المائية خالد شمال إن الخزين المائي انخفض.",
            "لكن الباحث في شؤون المياه ماهر الحسني يرى أن المشكلة \"لا تتعلق بدول الجوار وحدها\"، موضحاً أن أساليب الري التقليدية تهدر المياه.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["خالد شمال", "ماهر الحسني", "ماهر الحسني"], "{q:?}");
    }

    #[test]
    fn speaking_of_something_reports_what_follows_an() {
        let q = quotes(&[
            "وتحدثت الممرضة هدى عثمان، العاملة في المستشفى، عن نقص حاد في الأدوية والوقود.",
            "وتحدث المزارع عباس كاظم عن خسارته محصول الحنطة للعام الثالث.",
            "وتحدث الوزير إلى الصحفيين في المطار.",
        ]);
        let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect();
        assert_eq!(
            got,
            [
                ("هدى عثمان", "نقص حاد في الأدوية والوقود."),
                ("عباس كاظم", "خسارته محصول الحنطة للعام الثالث."),
            ],
            "{q:?}"
        );
    }

    #[test]
    fn a_particle_inside_a_name() {
        let q = quotes(&[
            "\"This is not a normal summer episode,\" AEMET spokesman Ruben del Campo told AFP.",
            "Ursula von der Leyen, the commission's president, said the bloc would respond.",
        ]);
        let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(who, ["Ruben del Campo", "Ursula von der Leyen"], "{q:?}");
    }

    #[test]
    fn a_role_and_a_name_after_an_institution_are_its_holder() {
        let q = quotes(&[
            "European Commission President Ursula von der Leyen said the bloc would respond.",
            "Labour Party leader Keir Starmer said rates would stay high.",
            "The Office for National Statistics said inflation fell.",
        ]);
        let got: Vec<(&str, Option<SpeakerKind>)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            got,
            [
                ("Ursula von der Leyen", Some(SpeakerKind::Person)),
                ("Keir Starmer", Some(SpeakerKind::Person)),
                ("Office for National Statistics", Some(SpeakerKind::Organization)),
            ],
            "{q:?}"
        );
    }
}
