//! Numbers in the text and what they mean.
//!
//! A paragraph is cut once into tokens (runs of Arabic letters, runs of
//! other letters, runs of digits, single punctuation marks), each with its
//! byte range in the paragraph, whether whitespace separated it from the
//! previous token, and its folded form in one shared buffer. Everything
//! after that works on tokens, so a digit glued to letters (`وقتل27`,
//! `2015م`, `F16`) is simply a class change between two tokens with no
//! space, and the matchers look at the neighbours to decide.
//!
//! Matchers, tried where a token starts a number:
//! - digits: separators, glue rules, a scale word after (`80 مليار`), then
//!   what follows or precedes decides the kind: percent, currency, month
//!   (a day), a year cue, an English ordinal suffix, else a cardinal with
//!   its counted noun;
//! - Arabic and English number words, joined the way each language joins
//!   them (`ثلاثمائة وواحد وثلاثون`, `twenty-one`, `three million`);
//! - definite ordinals (`الثالثة`, `الحادي عشر`), a day when `من` + month
//!   follows;
//! - indefinite duals of countable nouns (`جولتين` = 2).
//!
//! Word lists are data under `assets/numbers/`, parsed once into hash maps
//! keyed by folded forms, so a lookup is a slice of the folded buffer and
//! nothing is allocated per token. Only a found number allocates (its unit).

use std::sync::OnceLock;

use super::lexicon::Filter;
use super::tokens::{NCLS_ARABIC, NCLS_DIGIT, NCLS_LATIN, NCLS_NONE, NCLS_ODD_START, NCLS_PUNCT, Tokens};
use crate::article::{NumberKind, NumberMention, Span};
use crate::text::{TATWEEL, digit_value, fold, is_arabic_letter, is_arabic_mark, is_invisible};

const AR_WORDS: &str = include_str!("../../assets/numbers/ar_words.txt");
const EN_WORDS: &str = include_str!("../../assets/numbers/en_words.txt");
const MONTHS: &str = include_str!("../../assets/numbers/months.txt");
const CURRENCIES: &str = include_str!("../../assets/numbers/currencies.txt");
const DUAL_NOUNS: &str = include_str!("../../assets/numbers/dual_nouns.txt");
const CUES: &str = include_str!("../../assets/numbers/cues.txt");

/// Appends the numbers found in `text` (one paragraph, starting at byte
/// `base` of the article text) to `out`, in text order.
pub fn find_numbers(text: &str, base: usize, paragraph: usize, out: &mut Vec<NumberMention>) {
    thread_local! {
        static TOKENS: std::cell::Cell<Tokens> = std::cell::Cell::default();
    }
    let mut tokens = TOKENS.take();
    tokens.tokenize(text);
    find_numbers_in(&mut tokens, text, base, paragraph, out);
    TOKENS.set(tokens);
}

/// [`find_numbers`] on a paragraph already cut by the shared tokenizer
/// ([`Tokens::tokenize`] of `text`), as [`crate::analyze`] does so that the
/// text is read once for quotes and numbers. Number tokens are derived from
/// those tokens; the folded forms of the few that need their own (a word
/// such as `وقتل27` becomes two tokens here) are appended to
/// `tokens.folded`.
pub fn find_numbers_in(
    tokens: &mut Tokens,
    text: &str,
    base: usize,
    paragraph: usize,
    out: &mut Vec<NumberMention>,
) {
    thread_local! {
        // Reused across paragraphs: no allocation per paragraph once grown.
        static TOKS: std::cell::Cell<Vec<Tok>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut toks = TOKS.take();
    toks.clear();
    if !derive_tokens(tokens, text, &mut toks) {
        toks.clear();
        tokenize_from(text, 0, text.len(), false, &mut toks, &mut tokens.folded);
    }
    find_in(text, base, paragraph, out, &toks, &tokens.folded);
    TOKS.set(toks);
}

fn find_in(
    text: &str,
    base: usize,
    paragraph: usize,
    out: &mut Vec<NumberMention>,
    toks: &[Tok],
    folded: &str,
) {
    if toks.is_empty() {
        return;
    }
    let cx = Cx {
        text,
        toks,
        folded,
        lex: lexicon(),
    };
    let mut i = 0;
    // tokens before this one belong to a number already found
    let mut floor = 0;
    while i < toks.len() {
        let step = match toks[i].class {
            Class::Digits => cx.digits_at(i, floor),
            Class::Arabic => cx.arabic_at(i),
            Class::Latin => cx.latin_at(i),
            Class::Punct(_) => Step::Next,
        };
        match step {
            Step::Next => i += 1,
            Step::Skip(next) => i = next.max(i + 1),
            Step::Found(f) => {
                let approximate = cx.approximate(f.first_tok);
                out.push(NumberMention {
                    span: Span::new(base + f.start, base + f.end),
                    value: f.value,
                    kind: f.kind,
                    unit: f.unit,
                    approximate,
                    paragraph,
                });
                i = f.next.max(i + 1);
                floor = i;
            }
        }
    }
}

// ---------------------------------------------------------------- tokens

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Arabic letters (with their marks and tatweel).
    Arabic,
    /// Letters of any other script.
    Latin,
    /// Digits of any of the three scripts.
    Digits,
    /// One character that is none of the above nor whitespace.
    Punct(char),
}

/// A token: byte range in the paragraph and in the folded buffer.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    f0: usize,
    f1: usize,
    class: Class,
    /// No whitespace between this token and the previous one.
    glued: bool,
}

pub(crate) fn class_of(c: char) -> Option<Class> {
    // Fast path for ASCII: the Unicode tables are slow.
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            None
        } else if c.is_ascii_digit() {
            Some(Class::Digits)
        } else if c.is_ascii_alphabetic() {
            Some(Class::Latin)
        } else {
            Some(Class::Punct(c))
        };
    }
    // marks first: Arabic harakat are alphabetic for Unicode
    if c.is_whitespace() || is_arabic_mark(c) || c == TATWEEL || is_invisible(c) {
        None
    } else if digit_value(c).is_some() {
        Some(Class::Digits)
    } else if is_arabic_letter(c) {
        Some(Class::Arabic)
    } else if c.is_alphabetic() {
        Some(Class::Latin)
    } else {
        Some(Class::Punct(c))
    }
}

/// What the tokenizer needs to know about one character, precomputed for
/// the characters below [`TABLE_END`] (ASCII, Latin, Greek, Cyrillic and the
/// Arabic block: nearly every character of the text) from the same
/// functions the other characters go through, so both paths agree.
#[derive(Debug, Clone, Copy)]
struct CharInfo {
    /// [`class_of`].
    class: Option<Class>,
    /// Whitespace: ends the token and the glue.
    space: bool,
    /// The character has a class and folding leaves it as it is
    /// ([`crate::text::folds_to_itself`]).
    same: bool,
}

impl CharInfo {
    fn of(c: char) -> Self {
        CharInfo {
            class: class_of(c),
            space: c.is_whitespace(),
            // Characters a token spans without a class (marks, tatweel,
            // invisibles) are left out of its folded form, whatever folding
            // would make of them (it keeps U+061C), so they never count as
            // folding to themselves.
            same: class_of(c).is_some() && crate::text::folds_to_itself(c),
        }
    }
}

const TABLE_END: usize = 0x0700;

/// [`CharInfo`] of every character below [`TABLE_END`].
fn char_table() -> &'static [CharInfo; TABLE_END] {
    static TABLE: OnceLock<[CharInfo; TABLE_END]> = OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|i| CharInfo::of(char::from_u32(i as u32).unwrap_or('\0'))))
}

/// Number tokens from the shared tokens of the paragraph: a word of one
/// class (with its marks and tatweel) is one number token with the same
/// span and folded form; a word that mixes classes (`وقتل27`, `560.7`) is
/// cut by [`tokenize_from`] over its own range; punctuation stays one
/// token. Returns false, leaving `toks` to be discarded, where the two
/// tokenizers could disagree (an invisible or a mark outside a word, which
/// the number tokenizer attaches to the token before it): the caller then
/// cuts the whole paragraph with [`tokenize_from`].
///
/// Both paths give the same tokens; a test checks it on real and random
/// text.
fn derive_tokens(shared: &mut Tokens, text: &str, toks: &mut Vec<Tok>) -> bool {
    if shared.loose_invisible {
        return false;
    }
    toks.reserve(shared.len());
    for i in 0..shared.len() {
        let t = shared.toks[i];
        let ncls = shared.ncls(i);
        let glued = !t.space_before && !toks.is_empty();
        match t.punct() {
            Some(c) => {
                if ncls != NCLS_PUNCT {
                    return false;
                }
                let f0 = shared.folded.len();
                crate::text::push_folded(c, &mut shared.folded);
                toks.push(Tok {
                    start: t.start,
                    end: t.end,
                    f0,
                    f1: shared.folded.len(),
                    class: Class::Punct(c),
                    glued,
                });
            }
            None => {
                if ncls & NCLS_ODD_START != 0 {
                    return false;
                }
                // (a character folding keeps but this reading leaves out
                // makes the word take the other path)
                let class = match ncls & !NCLS_NONE {
                    NCLS_ARABIC => Class::Arabic,
                    NCLS_LATIN => Class::Latin,
                    NCLS_DIGIT => Class::Digits,
                    _ => {
                        tokenize_from(text, t.start, t.end, glued, toks, &mut shared.folded);
                        continue;
                    }
                };
                let (f0, f1) = shared.fold_range(i);
                toks.push(Tok {
                    start: t.start,
                    end: t.end,
                    f0,
                    f1,
                    class,
                    glued,
                });
            }
        }
    }
    true
}

/// Cuts `text[from..to]` into tokens in one pass, appending them to `toks`
/// (`glued`: no whitespace before `from`); folded forms go into `folded`
/// (digits as ASCII, letters folded and lowercased, punctuation as is).
///
/// A token's folded form is written when the token ends ([`fold_token`]):
/// the folded characters of its source range that have a class (marks,
/// tatweel and invisibles it spans are left out), copied in one go when
/// every character of the range has a class and folds to itself.
fn tokenize_from(
    text: &str,
    from: usize,
    to: usize,
    mut glued: bool,
    toks: &mut Vec<Tok>,
    folded: &mut String,
) {
    let table = char_table();
    let info_of = |c: char| match table.get(c as usize) {
        Some(info) => *info,
        None => CharInfo::of(c),
    };
    let char_at = |pos: usize| {
        if pos < to {
            crate::text::char_at(text, pos)
        } else {
            None
        }
    };
    let mut open = false; // the last token can still grow
    // the last token is this range's and its folded form is not written yet
    let mut pending = false;
    // the source of the last token changes when folded
    let mut changes = false;
    let mut pos = from;
    while let Some(c) = char_at(pos) {
        let i = pos;
        pos += c.len_utf8();
        let info = info_of(c);
        let Some(class) = info.class else {
            if info.space {
                open = false;
                glued = false;
            } else if open {
                // marks and tatweel belong to the word they sit in
                if let Some(t) = toks.last_mut() {
                    t.end = pos;
                    changes |= !info.same;
                }
            }
            continue;
        };
        if open
            && let Some(t) = toks.last_mut()
            && t.class == class
            && !matches!(class, Class::Punct(_))
        {
            t.end = pos;
            changes |= !info.same;
            continue;
        }
        if pending && let Some(t) = toks.last_mut() {
            fold_token(text, t, changes, folded);
        }
        let mut tok = Tok {
            start: i,
            end: pos,
            f0: 0,
            f1: 0,
            class,
            glued: glued && !toks.is_empty(),
        };
        changes = !info.same;
        open = true;
        pending = true;
        glued = true;
        if !matches!(class, Class::Punct(_)) {
            // The rest of a word or a number in a tight loop: characters of
            // its class, and marks and tatweel, extend it.
            while let Some(d) = char_at(pos) {
                let info = info_of(d);
                match info.class {
                    Some(k) if k == class => {}
                    None if !info.space => {}
                    _ => break,
                }
                changes |= !info.same;
                pos += d.len_utf8();
                tok.end = pos;
            }
        }
        toks.push(tok);
    }
    if pending && let Some(t) = toks.last_mut() {
        fold_token(text, t, changes, folded);
    }
}

/// Appends the folded form of token `t` to `folded` and records where it is:
/// the folded characters that have a class, in one copy when `changes` is
/// false (every character of the token has a class and folds to itself).
#[inline]
fn fold_token(text: &str, t: &mut Tok, changes: bool, folded: &mut String) {
    let src = text.get(t.start..t.end).unwrap_or("");
    t.f0 = folded.len();
    if changes {
        let table = char_table();
        for c in src.chars() {
            let has_class = match table.get(c as usize) {
                Some(info) => info.class.is_some(),
                None => class_of(c).is_some(),
            };
            if has_class {
                crate::text::push_folded(c, folded);
            }
        }
    } else {
        folded.push_str(src);
    }
    t.f1 = folded.len();
}

// ---------------------------------------------------------------- lexicon

/// What a number word may do inside a number (see `ar_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Unit,
    Compound,
    Teen,
    Ten,
    Hundred,
    Scale,
    Plural,
    Dual,
    Fraction,
    Ordinal,
    OrdinalTeen,
    OrdinalAfterThe,
}

#[derive(Debug, Clone, Copy)]
struct Word {
    value: f64,
    role: Role,
}

/// Lexicon maps use FxHash, as the other word lists do (`lexicon.rs`):
/// keys are short trusted words, looked up, never inserted from text.
type Map<V> = rustc_hash::FxHashMap<String, V>;
type Set = rustc_hash::FxHashSet<String>;

/// The word lists, folded and keyed for lookups by slices of the folded buffer.
struct Lexicon {
    ar_words: Map<Word>,
    /// Arabic ordinals keyed without their article.
    ar_ordinals: Map<Word>,
    en_words: Map<Word>,
    en_ordinals: Map<Word>,
    /// First word of a month name → the second word of two-word names
    /// (`None` for one-word names).
    months: Map<Vec<Option<String>>>,
    currencies: Map<String>,
    /// Folded dual form → the singular noun.
    duals: Map<String>,
    approx: Vec<Vec<String>>,
    /// The last word of every `approx` phrase, and the one-word phrases
    /// (which may carry proclitics: `بنحو`): no phrase ends before a number
    /// whose previous word is in neither.
    approx_ends: Set,
    approx_single: Set,
    percent: Vec<Vec<String>>,
    year_cues: Set,
    year_after: Set,
    stop: Set,
    /// Longest folded word any word list can match, proclitics included:
    /// longer words are not looked up at all.
    max_len: usize,
    /// A one-probe filter over the English number words and ordinals:
    /// an English word can only start a number when it is one of them.
    en_filter: Filter,
    /// Every folded Arabic word that the Arabic matchers can read as a key
    /// ([`reads_as_arabic_key`]), listed whole: one lookup replaces the
    /// readings and lookups of each word.
    ar_candidates: Set,
    /// A one-probe filter in front of [`Lexicon::ar_candidates`]: most
    /// Arabic words of a text are not there, and it says so without
    /// hashing them.
    ar_filter: Filter<1024>,
}

/// Every prefix [`clitic_readings`] and [`definite_stem`] can take off a
/// word: a word read as a key is one of these followed by the key.
const AR_PREFIXES: [&str; 20] = [
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "ال", "بال", "كال", "لل", "وال", "فال",
    "ولل", "فلل",
];

/// True when a matcher of an Arabic word finds one of its readings in a
/// word list: an ordinal or a number word without the article
/// (`arabic_ordinal`, `word_at`), a dual or a number word without
/// proclitics (`dual`, `word_at`).
fn reads_as_arabic_key(w: &str, ar_words: &Map<Word>, ar_ordinals: &Map<Word>, duals: &Map<String>) -> bool {
    definite_stem(w).is_some_and(|s| ar_ordinals.contains_key(s) || ar_words.contains_key(s))
        || clitic_readings(w).any(|(r, _)| duals.contains_key(r) || ar_words.contains_key(r))
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

/// Lines of a word list without comments and blank lines.
fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

fn parse_value(s: &str) -> Option<f64> {
    match s.split_once('/') {
        Some((a, b)) => Some(a.parse::<f64>().ok()? / b.parse::<f64>().ok()?),
        None => s.parse().ok(),
    }
}

fn parse_role(s: &str) -> Option<Role> {
    Some(match s {
        "unit" => Role::Unit,
        "compound" => Role::Compound,
        "teen" => Role::Teen,
        "ten" => Role::Ten,
        "hundred" => Role::Hundred,
        "scale" => Role::Scale,
        "plural" => Role::Plural,
        "dual" => Role::Dual,
        "fraction" => Role::Fraction,
        "ordinal" => Role::Ordinal,
        "ordinal-teen" => Role::OrdinalTeen,
        "ordinal-after-the" => Role::OrdinalAfterThe,
        _ => return None,
    })
}

fn is_ordinal(role: Role) -> bool {
    matches!(role, Role::Ordinal | Role::OrdinalTeen | Role::OrdinalAfterThe)
}

/// Parses `FORM VALUE ROLE` lines into (cardinal words, ordinal words).
/// Arabic ordinals lose their article: the matcher checks it in the text.
fn load_words(src: &'static str) -> (Map<Word>, Map<Word>) {
    let (mut words, mut ordinals) = (Map::default(), Map::default());
    for line in entries(src) {
        let mut parts = line.split_whitespace();
        let (Some(form), Some(value), Some(role)) = (parts.next(), parts.next(), parts.next()) else {
            debug_assert!(false, "bad number word line: {line}");
            continue;
        };
        let (Some(value), Some(role)) = (parse_value(value), parse_role(role)) else {
            debug_assert!(false, "bad number word line: {line}");
            continue;
        };
        let form = fold(form);
        let word = Word { value, role };
        if is_ordinal(role) {
            let key = form.strip_prefix("ال").unwrap_or(&form).to_string();
            ordinals.insert(key, word);
        } else {
            words.insert(form, word);
        }
    }
    (words, ordinals)
}

impl Lexicon {
    fn load() -> Self {
        let (ar_words, ar_ordinals) = load_words(AR_WORDS);
        let (en_words, en_ordinals) = load_words(EN_WORDS);

        let mut months: Map<Vec<Option<String>>> = Map::default();
        for line in entries(MONTHS) {
            let words: Vec<String> = line.split_whitespace().map(fold).collect();
            let Some((number, name)) = words.split_last() else {
                continue;
            };
            debug_assert!(
                number.parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)),
                "bad month line: {line}"
            );
            match name {
                [one] => months.entry(one.clone()).or_default().push(None),
                [first, second] => months
                    .entry(first.clone())
                    .or_default()
                    .push(Some(second.clone())),
                _ => debug_assert!(false, "bad month line: {line}"),
            }
        }

        let mut currencies = Map::default();
        for line in entries(CURRENCIES) {
            if let Some((form, unit)) = line.split_once(char::is_whitespace) {
                currencies.insert(fold(form), unit.trim().to_string());
            }
        }

        let mut duals = Map::default();
        for line in entries(DUAL_NOUNS) {
            let mut parts = line.split_whitespace();
            let Some(noun) = parts.next() else { continue };
            let dropped: Vec<&str> = parts.filter_map(|p| p.strip_prefix('!')).collect();
            let folded = fold(noun);
            let (stem, suffixes) = match folded.strip_suffix('ه') {
                Some(stem) => (stem, [("ين", "تين"), ("ان", "تان")]),
                None => (folded.as_str(), [("ين", "ين"), ("ان", "ان")]),
            };
            for (kind, suffix) in suffixes {
                if !dropped.contains(&kind) {
                    duals.insert(format!("{stem}{suffix}"), noun.to_string());
                }
            }
        }

        let (mut approx, mut percent) = (Vec::new(), Vec::new());
        let (mut year_cues, mut year_after, mut stop) = (Set::default(), Set::default(), Set::default());
        for line in entries(CUES) {
            let Some((category, phrase)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            let words: Vec<String> = phrase.split_whitespace().map(fold).collect();
            match category {
                "approx" if !words.is_empty() => approx.push(words),
                "percent" => percent.push(words),
                "year" => year_cues.extend(words),
                "year-after" => year_after.extend(words),
                "stop" => stop.extend(words),
                _ => debug_assert!(false, "bad cue line: {line}"),
            }
        }

        let approx_ends: Set = approx.iter().filter_map(|p| p.last().cloned()).collect();
        let approx_single: Set = approx
            .iter()
            .filter(|p| p.len() == 1)
            .flatten()
            .cloned()
            .collect();
        let longest = ar_words.keys().chain(ar_ordinals.keys()).chain(duals.keys());
        let longest = longest
            .chain(en_words.keys())
            .chain(en_ordinals.keys())
            .map(String::len)
            .max();
        // four proclitic letters at most (وبال), two bytes each
        let max_len = longest.unwrap_or(0) + 8;
        let mut en_filter = Filter::default();
        for w in en_words.keys().chain(en_ordinals.keys()) {
            en_filter.insert(w);
        }
        let mut ar_candidates = Set::default();
        for k in ar_words.keys().chain(ar_ordinals.keys()).chain(duals.keys()) {
            for p in AR_PREFIXES {
                let w = format!("{p}{k}");
                if reads_as_arabic_key(&w, &ar_words, &ar_ordinals, &duals) {
                    ar_candidates.insert(w);
                }
            }
        }
        let mut ar_filter = Filter::default();
        for w in &ar_candidates {
            ar_filter.insert(w);
        }
        Lexicon {
            max_len,
            en_filter,
            ar_candidates,
            ar_filter,
            approx_ends,
            approx_single,
            ar_words,
            ar_ordinals,
            en_words,
            en_ordinals,
            months,
            currencies,
            duals,
            approx,
            percent,
            year_cues,
            year_after,
            stop,
        }
    }
}

// ---------------------------------------------------------------- Arabic clitics

/// Readings of a folded Arabic word with its proclitics taken off:
/// (stem, number of letters removed).
/// `و`/`ف` may be followed by `ب`/`ل`/`ك`. A stem left by `ب`/`ل`/`ك` must
/// keep three letters, so `لست` ("I am not") does not read as ل + ست (six).
fn clitic_readings(w: &str) -> impl Iterator<Item = (&str, usize)> {
    let conj = w.strip_prefix(['و', 'ف']).filter(|r| !r.is_empty());
    let after_conj = conj.map(|r| (r, 1));
    let after_both = conj.and_then(|r| strip_prep(r).map(|r2| (r2, 2)));
    let after_prep = strip_prep(w).map(|r| (r, 1));
    std::iter::once((w, 0))
        .chain(after_conj)
        .chain(after_both)
        .chain(after_prep)
}

fn strip_prep(s: &str) -> Option<&str> {
    s.strip_prefix(['ب', 'ل', 'ك'])
        .filter(|r| r.chars().nth(2).is_some())
}

/// The word without its proclitic conjunction and its article (`والعام` →
/// `عام`, `للعام` → `عام`, `بالمئة` → `مئه`), if it has the article.
fn definite_stem(w: &str) -> Option<&str> {
    let w = w
        .strip_prefix(['و', 'ف'])
        .filter(|r| r.starts_with("ال") || r.starts_with("لل"))
        .unwrap_or(w);
    for article in ["ال", "بال", "كال", "لل"] {
        if let Some(rest) = w.strip_prefix(article)
            && rest.chars().nth(1).is_some()
        {
            return Some(rest);
        }
    }
    None
}

// ---------------------------------------------------------------- matching

/// What a matcher decided at a token.
enum Step {
    /// Nothing here; go to the next token.
    Next,
    /// Nothing here, and the tokens up to this index belong to it (a model
    /// name `F16`, a time `10:30`): go there.
    Skip(usize),
    /// A number.
    Found(Found),
}

struct Found {
    /// Token the qualifiers (نحو، about) are looked for before.
    first_tok: usize,
    start: usize,
    end: usize,
    value: f64,
    kind: NumberKind,
    unit: Option<String>,
    /// Token after the number.
    next: usize,
}

/// A number read from digits (separators included).
struct DigitRun {
    value: f64,
    /// No decimal part.
    integer: bool,
    /// Digits before the decimal mark.
    int_digits: usize,
    /// No separator at all (a year is written this way).
    plain: bool,
    /// Index of the last digits token.
    last: usize,
}

/// How a number word was joined to the previous one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    Adjacent,
    /// Arabic و, English "and".
    And,
    /// English hyphen (twenty-one).
    Hyphen,
}

/// Where a compound number stands after its last word.
#[derive(Clone, Copy, PartialEq, Debug)]
enum State {
    Unit(f64),
    /// أحد/اثنا waiting for عشر.
    TeenPending(f64),
    Teen,
    Ten,
    Hundred,
    /// A closed group after a scale word of this value.
    Scale(f64),
    Fraction,
}

struct Cx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    folded: &'a str,
    lex: &'static Lexicon,
}

impl<'a> Cx<'a> {
    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    /// Folded text of token `i` as bytes, for the filters (empty past the
    /// end).
    #[inline]
    fn f_bytes(&self, i: usize) -> &'a [u8] {
        self.toks
            .get(i)
            .and_then(|t| self.folded.as_bytes().get(t.f0..t.f1))
            .unwrap_or(&[])
    }

    /// Folded text of token `i` ("" past the end).
    fn f(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.folded.get(t.f0..t.f1))
            .unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| matches!(t.class, Class::Arabic | Class::Latin))
    }

    fn is_punct(&self, i: usize, chars: &[char]) -> bool {
        self.tok(i)
            .is_some_and(|t| matches!(t.class, Class::Punct(c) if chars.contains(&c)))
    }

    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.glued)
    }

    /// Digits at `i` inside an English proper name (`BBC Radio 4's Today
    /// programme`, `Radio 5 Live`, `Channel 4 News`): after a capitalised
    /// word that does not open its sentence, before a possessive or another
    /// capitalised word; neither of them a month (`in May 2024 Smith said`).
    /// `Block 52 jets` stays a number.
    fn in_a_name(&self, i: usize) -> bool {
        let capital = |k: usize| {
            self.tok(k).is_some_and(|t| t.class == Class::Latin)
                && self
                    .text
                    .get(self.toks[k].start..)
                    .is_some_and(|s| s.starts_with(|c: char| c.is_uppercase()))
                && self.month_at(k).is_none()
        };
        let opens_sentence = |k: usize| k == 0 || self.is_punct(k - 1, &['.', '!', '?', ':', '"', '“']);
        if i == 0 || self.glued(i) || !capital(i - 1) || opens_sentence(i - 1) {
            return false;
        }
        let k = match self.digit_run(i) {
            Ok(r) => r.last + 1,
            Err(_) => return false,
        };
        let possessive =
            self.is_punct(k, &['\'', '’']) && self.glued(k) && self.glued(k + 1) && self.f(k + 1) == "s";
        possessive || (!self.glued(k) && capital(k))
    }

    /// Byte where token `i` starts after skipping `letters` letters
    /// (marks and tatweel between them go too): the span of `وعشر` can
    /// start at `عشر`.
    fn start_after(&self, i: usize, letters: usize) -> usize {
        let t = self.toks[i];
        if letters == 0 {
            return t.start;
        }
        let mut seen = 0;
        for (k, c) in self.text.get(t.start..t.end).unwrap_or("").char_indices() {
            if is_arabic_letter(c) {
                if seen == letters {
                    return t.start + k;
                }
                seen += 1;
            }
        }
        t.start
    }

    // ------------------------------------------------------------ phrases

    /// Matches a folded phrase starting at token `i` (glued or not, so `60%`
    /// and `60 %` both match `%`); returns the index after it.
    fn phrase_at(&self, i: usize, phrase: &[String]) -> Option<usize> {
        for (k, w) in phrase.iter().enumerate() {
            if self.f(i + k) != w {
                return None;
            }
        }
        Some(i + phrase.len())
    }

    /// What follows a number at `i` and makes it a percentage or an
    /// amount of money: (kind, unit, index after the words).
    fn suffix_at(&self, i: usize) -> Option<(NumberKind, String, usize)> {
        if let Some(after) = self.lex.percent.iter().find_map(|p| self.phrase_at(i, p)) {
            return Some((NumberKind::Percent, "percent".to_string(), after));
        }
        let currency = self.lex.currencies.get(self.f(i)).filter(|_| self.is_word(i))?;
        Some((NumberKind::Money, currency.clone(), i + 1))
    }

    /// Index after a month name at `i` (one or two words).
    fn month_at(&self, i: usize) -> Option<usize> {
        if !self.is_word(i) {
            return None;
        }
        let first = self.f(i);
        let seconds = self.lex.months.get(first).or_else(|| {
            // a proclitic on the month: ويوليو، بيناير
            clitic_readings(first)
                .skip(1)
                .find_map(|(s, _)| self.lex.months.get(s))
        })?;
        let mut best = None;
        for second in seconds {
            match second {
                Some(s) if self.f(i + 1) == s => return Some(i + 2),
                Some(_) => {}
                None => best = Some(i + 1),
            }
        }
        best
    }

    /// True when token `i` is the second word of a two-word month name
    /// (`الأول` in `كانون الأول`), so it is not an ordinal.
    fn inside_month(&self, i: usize) -> bool {
        i > 0 && self.month_at(i - 1) == Some(i + 1)
    }

    /// The text says the number starting at token `first` is approximate.
    fn approximate(&self, first: usize) -> bool {
        // No phrase ends at the word before: most numbers stop here.
        let before = if first > 0 { self.f(first - 1) } else { "" };
        let (ends, single) = (&self.lex.approx_ends, &self.lex.approx_single);
        if !ends.contains(before) && !clitic_readings(before).any(|(r, _)| single.contains(r)) {
            return false;
        }
        self.lex.approx.iter().any(|p| {
            let n = p.len();
            if first < n {
                return false;
            }
            let s = first - n;
            // the plain comparisons first: most phrases fail on them, before
            // the first word's proclitic readings are tried
            p.iter().enumerate().skip(1).all(|(k, w)| self.f(s + k) == w)
                && p.first().is_none_or(|w| {
                    let f = self.f(s);
                    f == w || clitic_readings(f).any(|(r, _)| r == w)
                })
        })
    }

    fn is_year_cue(&self, i: usize) -> bool {
        let f = self.f(i);
        self.lex.year_cues.contains(f)
            || clitic_readings(f)
                .skip(1)
                .any(|(r, _)| self.lex.year_cues.contains(r))
            || definite_stem(f).is_some_and(|r| self.lex.year_cues.contains(r))
    }

    /// True when token `i` can be the counted noun of a number: a word
    /// that is not a function word, a number word or a month.
    fn unit_word(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        let f = self.f(i);
        let arabic = match t.class {
            Class::Arabic => true,
            Class::Latin => false,
            _ => return false,
        };
        f.chars().nth(1).is_some()
            && !self.definite(i)
            && !self.lex.stop.contains(f)
            && self.word_at(i, arabic).is_none()
            && self.month_at(i).is_none()
    }

    /// The counted noun after a number, as written without diacritics or
    /// tatweel (lowercased for Latin), in a base form: an accusative noun
    /// (tanwin, or any noun after 11–99, which take the accusative
    /// singular) loses its final alif: `كهفاً` → `كهف`, `عاما` → `عام`.
    fn unit_after(&self, i: usize, value: f64) -> Option<String> {
        if !self.unit_word(i) {
            return None;
        }
        let t = self.toks[i];
        let src = self.text.get(t.start..t.end).unwrap_or("");
        let mut w = String::with_capacity(src.len());
        for c in src
            .chars()
            .filter(|&c| !(is_arabic_mark(c) || c == TATWEEL || is_invisible(c)))
        {
            // Lowercased; ASCII and the Arabic block (which has no case)
            // without asking Unicode's case tables.
            if c.is_ascii() {
                w.push(c.to_ascii_lowercase());
            } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
                w.push(c);
            } else {
                w.extend(c.to_lowercase());
            }
        }
        // A tanwin fath (`كهفاً`) marks an accusative counted noun whose
        // alif is not part of the noun.
        let accusative =
            src.contains('\u{064B}') || (value.fract() == 0.0 && (11.0..=99.0).contains(&(value % 100.0)));
        if accusative && w.ends_with('ا') && w.chars().count() > 2 {
            w.pop();
        }
        Some(w)
    }

    // ------------------------------------------------------------ digits

    /// Reads the digits at `i` with their separators. `Err(next)` when the
    /// run is not one number (a time, a date in slashes, an IP address).
    fn digit_run(&self, i: usize) -> Result<DigitRun, usize> {
        // pass 1: how far the run goes and which separators it has
        let (mut last, mut dots, mut all3, mut odd) = (i, 0, true, false);
        let mut decimal_comma = false;
        while let (Some(sep), Some(g)) = (self.tok(last + 1), self.tok(last + 2)) {
            let Class::Punct(c) = sep.class else { break };
            if !(sep.glued && g.glued && g.class == Class::Digits) {
                break;
            }
            let len = g.f1 - g.f0;
            match c {
                // a comma groups thousands only before exactly 3 digits
                ',' | '٬' if dots == 0 && len == 3 => {}
                // In Arabic text, a comma right after the first group and
                // before another count of digits is a decimal comma
                // (`68,43`, `1,5`: the Maghreb press writes them so), and the
                // number's end: `1,2,3` is not read as one number. English
                // never writes decimals so.
                ',' if last == i
                    && len != 3
                    && !self.is_punct(last + 3, &[','])
                    && !(i > 0 && self.glued(i) && self.is_punct(i - 1, &[',']))
                    && self.after_arabic(i) =>
                {
                    decimal_comma = true;
                    dots = 1;
                    last += 2;
                    break;
                }
                '.' | '٫' => {
                    dots += 1;
                    all3 &= len == 3;
                }
                ':' | '/' => odd = true,
                _ => break,
            }
            last += 2;
        }
        if odd || (dots >= 2 && !all3) {
            return Err(last + 1);
        }
        // pass 2: the value (dots are thousands when there are several)
        let (mut int, mut frac, mut frac_scale, mut int_digits) = (0f64, 0f64, 1f64, 0usize);
        let mut in_frac = false;
        let mut k = i;
        while k <= last {
            if k > i && dots == 1 && (self.is_punct(k - 1, &['.', '٫']) || decimal_comma) {
                in_frac = true;
            }
            for c in self.f(k).chars() {
                let d = f64::from(c.to_digit(10).unwrap_or(0));
                if in_frac {
                    // digits past f64 precision add nothing (and could
                    // overflow the scale to infinity)
                    if frac_scale >= 1e15 {
                        continue;
                    }
                    frac = frac * 10.0 + d;
                    frac_scale *= 10.0;
                } else {
                    int = int * 10.0 + d;
                    int_digits += 1;
                }
            }
            k += 2;
        }
        if int_digits > 15 {
            return Err(last + 1);
        }
        Ok(DigitRun {
            value: int + frac / frac_scale,
            integer: !in_frac,
            int_digits,
            plain: last == i,
            last,
        })
    }

    /// True when the last word before token `i` (within four tokens) is
    /// Arabic.
    fn after_arabic(&self, i: usize) -> bool {
        (i.saturating_sub(4)..i)
            .rev()
            .find(|&k| self.is_word(k))
            .is_some_and(|k| self.toks[k].class == Class::Arabic)
    }

    /// A scale word at `k` (`مليون`، `آلاف`، `million`) and its value.
    fn scale_at(&self, k: usize) -> Option<f64> {
        if !self.is_word(k) {
            return None;
        }
        let f = self.f(k);
        let w = self.lex.ar_words.get(f).or_else(|| self.lex.en_words.get(f))?;
        matches!(w.role, Role::Scale | Role::Plural).then_some(w.value)
    }

    /// A number written in digits at `i`; a sign before it (`$5`, `%60`)
    /// is taken only from tokens at or after `floor`, so a sign that ended
    /// the previous number (`20% 30`) is not read twice.
    fn digits_at(&self, i: usize, floor: usize) -> Step {
        let t = self.toks[i];
        if self.in_a_name(i) {
            return match self.digit_run(i) {
                Ok(r) => Step::Skip(r.last + 1),
                Err(next) => Step::Skip(next),
            };
        }
        // digits glued after Latin letters are part of a name (F16, F-16, COVID-19)
        if t.glued && i > 0 {
            let prev = self.toks[i - 1];
            let latin_before = prev.class == Class::Latin
                || (prev.glued
                    && self.is_punct(i - 1, &['-', '_'])
                    && i > 1
                    && self.toks[i - 2].class == Class::Latin);
            if latin_before {
                return match self.digit_run(i) {
                    Ok(r) => Step::Skip(r.last + 1),
                    Err(next) => Step::Skip(next),
                };
            }
        }
        let run = match self.digit_run(i) {
            Ok(r) => r,
            Err(next) => return Step::Skip(next),
        };
        let mut value = run.value;
        let mut k = run.last + 1;
        let mut end = self.toks[run.last].end;
        let mut start = t.start;
        let mut first_tok = i;

        // a currency sign or a percent sign before the digits
        let sign_free = i > floor;
        let money_sign = if sign_free && self.is_punct(i - 1, &['$', '£', '€']) {
            self.lex.currencies.get(self.f(i - 1)).cloned()
        } else {
            None
        };
        if money_sign.is_some() {
            start = self.toks[i - 1].start;
            first_tok = i - 1;
        }
        let percent_sign = t.glued
            && sign_free
            && self.is_punct(i - 1, &['%', '٪'])
            && !(i > 1 && self.toks[i - 1].glued && self.toks[i - 2].class == Class::Digits);

        // letters glued after the digits
        let mut ordinal_suffix = false;
        let mut era = false;
        if self.glued(k) && self.tok(k).is_some_and(|n| n.class == Class::Latin) {
            let suffix = self.f(k);
            let scale = match suffix {
                "k" => Some(1e3),
                "m" | "mn" => Some(1e6),
                "bn" => Some(1e9),
                _ => None,
            };
            match scale {
                Some(s) if money_sign.is_some() => value *= s,
                _ if matches!(suffix, "st" | "nd" | "rd" | "th") && run.integer => ordinal_suffix = true,
                // the 1980s: a decade, read as its first year
                _ if suffix == "s"
                    && run.plain
                    && run.int_digits == 4
                    && value % 10.0 == 0.0
                    && (1000.0..=2100.0).contains(&value) =>
                {
                    era = true;
                }
                // 5G, 3D, 10km: not numbers of the text
                _ => return Step::Skip(k + 1),
            }
            end = self.toks[k].end;
            k += 1;
        } else if self.tok(k).is_some_and(|n| n.class == Class::Arabic) && matches!(self.f(k), "م" | "ه") {
            // 2015م، 1445هـ: an era mark, not a counted noun
            era = true;
        }

        // a scale word after the number: 80 مليار، 3 million
        let mut scaled = false;
        if !ordinal_suffix
            && !era
            && let Some(s) = self.scale_at(k)
        {
            value *= s;
            end = self.toks[k].end;
            k += 1;
            scaled = true;
            // 45 ألفا و300: a smaller part joined by و belongs to it
            if let Some((part, after)) = self.smaller_part(k, s) {
                value += part;
                end = self.toks[after - 1].end;
                k = after;
            }
        }

        let mut kind = NumberKind::Cardinal;
        let mut unit = None;
        if let Some((suffix_kind, suffix_unit, after)) = self.suffix_at(k) {
            kind = suffix_kind;
            unit = Some(suffix_unit);
            end = self.toks[after - 1].end;
            k = after;
        } else if percent_sign {
            kind = NumberKind::Percent;
            unit = Some("percent".to_string());
            start = self.toks[i - 1].start;
            first_tok = i - 1;
        } else if let Some(cur) = money_sign {
            kind = NumberKind::Money;
            unit = Some(cur);
        }
        let day = run.integer && !scaled && (1.0..=31.0).contains(&value) && run.int_digits <= 2;
        if kind == NumberKind::Cardinal && day {
            if let Some(after) = self.day_month(k) {
                kind = NumberKind::Date;
                unit = Some(self.month_text(after.0, after.1));
                end = self.toks[after.1 - 1].end;
                k = after.1;
            } else if self.range_to_day(k) || (i > 0 && !ordinal_suffix && self.month_at(i - 1) == Some(i)) {
                // 30 و31 يوليو: the first day of a range; April 12
                kind = NumberKind::Date;
            }
        }
        if kind == NumberKind::Cardinal && ordinal_suffix {
            kind = NumberKind::Ordinal;
        }
        if kind == NumberKind::Cardinal
            && run.integer
            && run.plain
            && self.is_year(i, k, value, run.int_digits, era)
        {
            kind = NumberKind::Year;
        }
        if kind == NumberKind::Cardinal {
            unit = self.unit_after(k, value);
        }
        Step::Found(Found {
            first_tok,
            start,
            end,
            value,
            kind,
            unit,
            next: k,
        })
    }

    /// `و300` or `و 300 ألف` at `k` after a number scaled by `scale`: the
    /// value of that part when it is smaller than the scale, and the index
    /// after it.
    fn smaller_part(&self, k: usize, scale: f64) -> Option<(f64, usize)> {
        if self.f(k) != "و" || self.tok(k + 1).is_none_or(|t| t.class != Class::Digits) {
            return None;
        }
        let run = self.digit_run(k + 1).ok()?;
        let mut after = run.last + 1;
        if self.glued(after) && self.tok(after).is_some_and(|t| t.class == Class::Latin) {
            return None;
        }
        let mut part = run.value;
        if let Some(s) = self.scale_at(after) {
            part *= s;
            after += 1;
        }
        (part < scale).then_some((part, after))
    }

    /// True when token `i` is an Arabic word with the article (after a
    /// proclitic or not). A counted noun is indefinite, so such a word is
    /// never the unit of the number before it. The source is checked, not
    /// the folded form, so `آلية` is not taken for `ال` + `ية`.
    fn definite(&self, i: usize) -> bool {
        let Some(t) = self.tok(i).filter(|t| t.class == Class::Arabic) else {
            return false;
        };
        let src = self.text.get(t.start..t.end).unwrap_or("");
        let src = src.strip_prefix(['و', 'ف']).unwrap_or(src);
        let rest = src
            .strip_prefix("ال")
            .or_else(|| src.strip_prefix("لل"))
            .or_else(|| src.strip_prefix(['ب', 'ك']).and_then(|r| r.strip_prefix("ال")));
        rest.is_some_and(|r| r.chars().filter(|&c| is_arabic_letter(c)).nth(1).is_some())
    }

    /// A month after a day at `k`, directly or after `من`/`of`: the month's
    /// first token and the index after it.
    fn day_month(&self, k: usize) -> Option<(usize, usize)> {
        if let Some(after) = self.month_at(k) {
            return Some((k, after));
        }
        if matches!(self.f(k), "من" | "of") {
            return self.month_at(k + 1).map(|after| (k + 1, after));
        }
        None
    }

    fn month_text(&self, first: usize, after: usize) -> String {
        let (Some(a), Some(b)) = (self.tok(first), self.tok(after - 1)) else {
            return String::new();
        };
        let src = self.text.get(a.start..b.end).unwrap_or("");
        src.chars()
            .filter(|&c| !(is_arabic_mark(c) || c == TATWEEL || is_invisible(c)))
            .collect()
    }

    /// `و 31 يوليو`, `- 31 July` at `k`: the number before is a day too.
    fn range_to_day(&self, k: usize) -> bool {
        let j = match self.f(k) {
            "و" | "and" | "to" | "-" | "–" => k + 1,
            _ => return false,
        };
        if self.tok(j).is_none_or(|t| t.class != Class::Digits) {
            return false;
        }
        match self.digit_run(j) {
            Ok(r) => r.integer && r.int_digits <= 2 && self.day_month(r.last + 1).is_some(),
            Err(_) => false,
        }
    }

    /// A 4-digit number in the years news talk about, with a cue: a year
    /// word or preposition before it (`عام`, `منذ`, `in`, `the 2019
    /// report`), a month before it, an era mark after it, or nothing after
    /// it that it could count (punctuation, the end, a function word, a
    /// definite word). `25000 معلم` and `1990 شخصا` stay cardinals.
    fn is_year(&self, i: usize, k: usize, value: f64, digits: usize, era: bool) -> bool {
        if era {
            return digits <= 4 && value >= 1.0;
        }
        if digits != 4 || !(1800.0..=2100.0).contains(&value) {
            return false;
        }
        if i > 0 && (self.is_year_cue(i - 1) || self.month_at(i - 1) == Some(i)) {
            return true;
        }
        match self.tok(k) {
            None => true,
            Some(t) => match t.class {
                Class::Punct(c) => !matches!(c, '%' | '٪' | '$' | '£' | '€'),
                Class::Digits => false,
                // a definite word cannot be the counted noun: مونديال 2022 بالدوحة
                _ => self.lex.year_after.contains(self.f(k)) || self.definite(k),
            },
        }
    }

    // ------------------------------------------------------------ words

    fn arabic_at(&self, i: usize) -> Step {
        let b = self.f_bytes(i);
        if b.len() > self.lex.max_len
            || !self.lex.ar_filter.may_contain_bytes(b)
            || !self.lex.ar_candidates.contains(self.f(i))
        {
            return Step::Next;
        }
        if let Some(f) = self.arabic_ordinal(i) {
            return Step::Found(f);
        }
        if let Some(f) = self.dual(i) {
            return Step::Found(f);
        }
        match self.compound(i, true) {
            Some(f) => Step::Found(f),
            None => Step::Next,
        }
    }

    fn latin_at(&self, i: usize) -> Step {
        let b = self.f_bytes(i);
        if b.len() > self.lex.max_len || !self.lex.en_filter.may_contain_bytes(b) {
            return Step::Next;
        }
        if let Some(f) = self.english_ordinal(i) {
            return Step::Found(f);
        }
        match self.compound(i, false) {
            Some(f) => Step::Found(f),
            None => Step::Next,
        }
    }

    /// An ordinal found at `i` (value, index after it) becomes a Date when
    /// `من`/`of` + a month follows (`الثامن من أغسطس`), else an Ordinal.
    fn ordinal_found(&self, i: usize, start: usize, value: f64, after: usize) -> Found {
        let (kind, next, unit) = match (value <= 31.0).then(|| self.day_month(after)).flatten() {
            Some((m, end)) if matches!(self.f(after), "من" | "of") => {
                (NumberKind::Date, end, Some(self.month_text(m, end)))
            }
            _ => (NumberKind::Ordinal, after, None),
        };
        let end = self.toks[next - 1].end;
        Found {
            first_tok: i,
            start,
            end,
            value,
            kind,
            unit,
            next,
        }
    }

    /// Definite Arabic ordinals: `الثالثة`، `والأولى`، `الحادي عشر`،
    /// `الخامس والعشرون`. Not the second word of a month name (`كانون الأول`).
    fn arabic_ordinal(&self, i: usize) -> Option<Found> {
        let f = self.f(i);
        let stem = definite_stem(f)?;
        let w = self.lex.ar_ordinals.get(stem)?;
        if self.inside_month(i) || self.primary(i, stem) {
            return None;
        }
        let mut value = w.value;
        let mut after = i + 1;
        let unit_ordinal = value < 10.0;
        if unit_ordinal && matches!(self.f(after), "عشر" | "عشره") {
            value += 10.0;
            after += 1;
        } else if unit_ordinal {
            // الخامس والعشرون / الحادي و العشرين
            let (tens, next) = if self.f(after) == "و" {
                (self.f(after + 1), after + 2)
            } else {
                (self.f(after).strip_prefix('و').unwrap_or(""), after + 1)
            };
            let tens = definite_stem(tens).unwrap_or(tens);
            if let Some(t) = self.lex.ar_ordinals.get(tens).filter(|t| t.value >= 20.0) {
                value += t.value;
                after = next;
            } else if w.role == Role::OrdinalTeen {
                return None;
            }
        }
        // the span keeps the article but not a conjunction before it
        let letters = usize::from(f.starts_with(['و', 'ف']) && !f.starts_with("ال"));
        let start = self.start_after(i, letters);
        Some(self.ordinal_found(i, start, value, after))
    }

    /// `الأولي` written with ي after a masculine definite noun is the
    /// adjective "primary" (`التعليم الأولي`), not the feminine ordinal
    /// `الأولى` (which folds to the same word, and follows a feminine noun:
    /// `المرحلة الأولى`, `الجولة الأولي`).
    fn primary(&self, i: usize, stem: &str) -> bool {
        let t = self.toks[i];
        stem == "اولي"
            && self.text.get(t.start..t.end).is_some_and(|s| s.ends_with('ي'))
            && i > 0
            && self.tok(i - 1).is_some_and(|p| p.class == Class::Arabic)
            && definite_stem(self.f(i - 1)).is_some_and(|n| !n.ends_with('ه') && !n.ends_with("ات"))
    }

    /// English ordinals: `third`, `twenty-first`, `the second`, `a second
    /// fire`; `a third of` is the fraction 1/3.
    fn english_ordinal(&self, i: usize) -> Option<Found> {
        let f = self.f(i);
        let after_a = i > 0 && matches!(self.f(i - 1), "a" | "an");
        let (value, last) = match self.lex.en_ordinals.get(f) {
            Some(w) => {
                if after_a && self.f(i + 1) == "of" && (3.0..=10.0).contains(&w.value) {
                    // a third of its workforce
                    return Some(Found {
                        first_tok: i - 1,
                        start: self.toks[i - 1].start,
                        end: self.toks[i].end,
                        value: 1.0 / w.value,
                        kind: NumberKind::CountWord,
                        unit: None,
                        next: i + 1,
                    });
                }
                // `second` is the ordinal after `the`, or after `a` before
                // the noun it ranks (`a second fire`, `a second, smaller
                // fire`), not the unit of time (`for a second`, `a second
                // later`).
                let ranks_noun = || {
                    let k = if self.is_punct(i + 1, &[',']) {
                        i + 2
                    } else {
                        i + 1
                    };
                    self.tok(k).is_some_and(|t| t.class == Class::Latin)
                        && !self.lex.stop.contains(self.f(k))
                        && !matches!(
                            self.f(k),
                            "later" | "ago" | "earlier" | "longer" | "or" | "and" | "of"
                        )
                };
                if w.role == Role::OrdinalAfterThe
                    && !(i > 0 && self.f(i - 1) == "the")
                    && !(after_a && ranks_noun())
                {
                    return None;
                }
                (w.value, i)
            }
            None => {
                let ten = self.lex.en_words.get(f).filter(|w| w.role == Role::Ten)?;
                if !(self.is_punct(i + 1, &['-']) && self.glued(i + 1) && self.glued(i + 2)) {
                    return None;
                }
                let unit = self
                    .lex
                    .en_ordinals
                    .get(self.f(i + 2))
                    .filter(|w| w.value < 10.0)?;
                (ten.value + unit.value, i + 2)
            }
        };
        Some(self.ordinal_found(i, self.toks[i].start, value, last + 1))
    }

    /// Arabic `واحد` at `i` counts the indefinite noun right before it
    /// (`دونماً واحداً`، `شخص واحد`), not as "one of" (`واحد من`) nor after
    /// a definite word, a function word or a number.
    fn wahid_counts(&self, i: usize) -> bool {
        if i == 0 || self.glued(i) || matches!(self.f(i + 1), "من" | "منهم" | "منها" | "منهما")
        {
            return false;
        }
        let prev = self.f(i - 1);
        self.tok(i - 1).is_some_and(|t| t.class == Class::Arabic)
            && definite_stem(prev).is_none()
            && !self.lex.stop.contains(prev)
            && !self.lex.ar_words.contains_key(prev)
            && prev.chars().nth(1).is_some()
    }

    /// English `one` at `i` counts the noun after it: a lowercase word that
    /// is not a function word (`one infected person`), not after `no`,
    /// `every`, `any`, `each`.
    fn one_counts(&self, i: usize) -> bool {
        let before = if i > 0 { self.f(i - 1) } else { "" };
        let next = self.f(i + 1);
        !matches!(before, "no" | "every" | "any" | "each" | "the" | "this" | "that" | "which")
            && self.tok(i + 1).is_some_and(|t| t.class == Class::Latin && !t.glued)
            // (a sentence's `One employee …` is "a certain one", not a count)
            && self.text.get(self.toks[i].start..).is_some_and(|s| s.starts_with('o'))
            && self.text.get(self.toks[i + 1].start..).is_some_and(|s| s.starts_with(|c: char| c.is_lowercase()))
            && !self.lex.stop.contains(next)
            && !ONE_NOT_BEFORE.contains(&next)
    }

    /// Indefinite duals of countable nouns (`جولتين`، `ويومين`) = 2.
    fn dual(&self, i: usize) -> Option<Found> {
        let f = self.f(i);
        let (noun, letters) =
            clitic_readings(f).find_map(|(s, n)| self.lex.duals.get(s).map(|noun| (noun, n)))?;
        let start = self.start_after(i, letters);
        Some(Found {
            first_tok: i,
            start,
            end: self.toks[i].end,
            value: 2.0,
            kind: NumberKind::CountWord,
            unit: Some(noun.clone()),
            next: i + 1,
        })
    }

    /// A number word at `k` read on its own (with proclitics in Arabic):
    /// (word, letters of proclitics before it).
    fn word_at(&self, k: usize, arabic: bool) -> Option<(Word, usize)> {
        let t = self.tok(k)?;
        let f = self.f(k);
        if !arabic {
            return (t.class == Class::Latin)
                .then(|| self.lex.en_words.get(f).map(|w| (*w, 0)))
                .flatten();
        }
        if t.class != Class::Arabic {
            return None;
        }
        if let Some(hit) = clitic_readings(f).find_map(|(s, n)| self.lex.ar_words.get(s).map(|w| (*w, n))) {
            return Some(hit);
        }
        // definite forms that still count: الثلاثة (the three), المليون,
        // and 3 to 10 after the definite noun they count (الدول الثلاث,
        // السنوات العشر; not الأحد "Sunday", الاثنين "Monday")
        let stem = definite_stem(f)?;
        let w = self.lex.ar_words.get(stem)?;
        let after_noun = || {
            (3.0..=10.0).contains(&w.value)
                && k > 0
                && self.tok(k - 1).is_some_and(|p| p.class == Class::Arabic)
                && definite_stem(self.f(k - 1)).is_some_and(|n| !self.lex.ar_words.contains_key(n))
        };
        let ok = (w.role == Role::Unit && (stem.ends_with('ه') || after_noun()))
            || (w.role == Role::Scale && w.value >= 1e6)
            // النصف، الثلث: not a period (النصف الأول، الربع الأخير)
            || (w.role == Role::Fraction
                && !self
                    .tok(k + 1)
                    .is_some_and(|t| t.class == Class::Arabic && definite_stem(self.f(k + 1)).is_some()));
        ok.then_some((*w, 0))
    }

    /// The next word of a compound after token `k`: (word, join, index
    /// after it).
    fn next_term(&self, k: usize, arabic: bool) -> Option<(Word, Join, usize)> {
        if arabic {
            if self.f(k) == "و" {
                let (w, n) = self.word_at(k + 1, true)?;
                return (n == 0).then_some((w, Join::And, k + 2));
            }
            let f = self.f(k);
            if let Some(w) = self.lex.ar_words.get(f) {
                return Some((*w, Join::Adjacent, k + 1));
            }
            let w = self.lex.ar_words.get(f.strip_prefix('و')?)?;
            return Some((*w, Join::And, k + 1));
        }
        if self.f(k) == "and" {
            let w = self.lex.en_words.get(self.f(k + 1))?;
            return Some((*w, Join::And, k + 2));
        }
        if self.is_punct(k, &['-']) && self.glued(k) && self.glued(k + 1) {
            let w = self.lex.en_words.get(self.f(k + 1))?;
            return Some((*w, Join::Hyphen, k + 2));
        }
        let w = self.lex.en_words.get(self.f(k))?;
        Some((*w, Join::Adjacent, k + 1))
    }

    /// Numbers written in words, joined as the language joins them: Arabic
    /// puts units before tens with و (`خمسة وعشرون`) and may only add a
    /// smaller part after a hundred or a scale, so `سبع وعشر سنوات` is two
    /// numbers (a range), not 17.
    fn compound(&self, i: usize, arabic: bool) -> Option<Found> {
        let (first, letters) = self.word_at(i, arabic)?;
        let (mut total, mut group) = (0.0f64, 0.0f64);
        let mut state = match first.role {
            Role::Unit | Role::Compound => {
                group = first.value;
                State::Unit(first.value)
            }
            Role::Teen => {
                group = first.value;
                State::TeenPending(first.value)
            }
            Role::Ten => {
                group = first.value;
                State::Ten
            }
            Role::Hundred => {
                group = first.value;
                State::Hundred
            }
            Role::Scale => {
                total = first.value;
                State::Scale(first.value)
            }
            Role::Dual => {
                total = first.value;
                State::Scale(first.value / 2.0)
            }
            Role::Fraction => {
                group = first.value;
                State::Fraction
            }
            _ => return None,
        };
        let mut k = i + 1;
        // the last complete reading: (value, index after it, state)
        let mut good = match state {
            State::TeenPending(_) => None,
            // English `one` alone counts only before the noun it counts
            // (`one infected person`, `more than one announcement`), not
            // as a pronoun (`one of the most …`, `no one`)
            _ if first.role == Role::Compound => {
                let counts = if arabic {
                    letters == 0 && self.wahid_counts(i)
                } else {
                    self.one_counts(i)
                };
                counts.then_some((1.0, k))
            }
            _ => Some((total + group, k)),
        };
        while let Some((w, join, next)) = self.next_term(k, arabic) {
            let v = w.value;
            let new_state = match (state, w.role, join) {
                // ثلاثة عشر، أحد عشر
                (State::Unit(u) | State::TeenPending(u), Role::Unit, Join::Adjacent)
                    if arabic && v == 10.0 && u < 10.0 =>
                {
                    group += 10.0;
                    State::Teen
                }
                (State::TeenPending(_), _, _) => break,
                // ثلاثة آلاف، twenty million, مئة ألف
                (
                    State::Unit(_) | State::Teen | State::Ten | State::Hundred | State::Fraction,
                    Role::Scale | Role::Plural,
                    Join::Adjacent,
                ) if w.role == Role::Scale || (2.0..=10.0).contains(&group) => {
                    total += group * v;
                    group = 0.0;
                    State::Scale(v)
                }
                // ثلاث مئة، three hundred
                (State::Unit(_) | State::Teen, Role::Hundred, Join::Adjacent)
                    if v == 100.0 && (1.0..=19.0).contains(&group) =>
                {
                    group *= 100.0;
                    State::Hundred
                }
                // after a scale or a hundred, a smaller part
                (State::Scale(s), Role::Unit | Role::Compound | Role::Ten | Role::Hundred, j)
                    if v < s && (j == Join::And || !arabic) =>
                {
                    group = v;
                    term_state(w.role, v)
                }
                (State::Scale(s), Role::Teen, Join::And) if arabic && v < s => {
                    group = v;
                    State::TeenPending(v)
                }
                (State::Hundred, Role::Unit | Role::Compound | Role::Ten, j) if j == Join::And || !arabic => {
                    group += v;
                    term_state(w.role, v)
                }
                (State::Hundred, Role::Teen, Join::And) if arabic => {
                    group += v;
                    State::TeenPending(v)
                }
                // خمسة وعشرون، واحد وثلاثون
                (State::Unit(u), Role::Ten, Join::And) if arabic && u < 10.0 => {
                    group += v;
                    State::Ten
                }
                // twenty-one, twenty one
                (State::Ten, Role::Unit | Role::Compound, Join::Hyphen | Join::Adjacent)
                    if !arabic && v < 10.0 =>
                {
                    group += v;
                    State::Unit(v)
                }
                // ثلاثة ونصف
                (State::Unit(_) | State::Teen | State::Ten | State::Hundred, Role::Fraction, Join::And)
                    if arabic =>
                {
                    group += v;
                    State::Fraction
                }
                (State::Scale(s), Role::Fraction, Join::And) if arabic => {
                    total += v * s;
                    State::Fraction
                }
                _ => break,
            };
            state = new_state;
            k = next;
            if !matches!(state, State::TeenPending(_)) {
                good = Some((total + group, k));
            }
        }
        let (value, next) = good?;
        if value <= 0.0 {
            return None;
        }
        // a lone unit word right before digits is a verb or a name
        // (القاعة تسع 500 شخص: "holds"), not a count
        let lone = next == i + 1 && matches!(first.role, Role::Unit | Role::Fraction);
        if lone && self.tok(next).is_some_and(|t| t.class == Class::Digits) {
            return None;
        }
        let start = self.start_after(i, letters);
        let mut end = self.toks[next - 1].end;
        let (kind, unit, k) = match self.suffix_at(next) {
            Some((kind, unit, after)) => {
                end = self.toks[after - 1].end;
                (kind, Some(unit), after)
            }
            None => (NumberKind::CountWord, self.unit_after(next, value), next),
        };
        Some(Found {
            first_tok: i,
            start,
            end,
            value,
            kind,
            unit,
            next: k,
        })
    }
}

/// Words after which English `one` is a pronoun or part of a phrase, not a
/// count of the word: `one of`, `one another`, `one or two`, `one who`,
/// `one is`.
const ONE_NOT_BEFORE: [&str; 34] = [
    "of", "another", "or", "and", "by", "in", "to", "at", "on", "for", "from", "with", "who", "that",
    "which", "is", "was", "has", "had", "would", "will", "can", "could", "should", "may", "might", "must",
    "does", "did", "thing", "more", "less", "last", "such",
];

/// The state after a word joined as a new part of a compound.
fn term_state(role: Role, v: f64) -> State {
    match role {
        Role::Ten => State::Ten,
        Role::Hundred => State::Hundred,
        _ => State::Unit(v),
    }
}

#[cfg(test)]
mod tests;
