//! Words and punctuation of one paragraph, with their folded forms.
//!
//! The quote and structure rules look at words (folded, see
//! [`crate::text::fold_char`]) and at the punctuation between them. All
//! folded forms live in one reused `String`, so tokenizing a paragraph
//! allocates nothing per token once the buffers have grown.

use std::sync::OnceLock;

use crate::text::{
    char_at, digit_value, folds_to_itself, is_arabic_letter, is_invisible, is_upper, is_word_char,
    push_folded,
};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A run of letters, digits and marks (`وقتل27`, `don't`, `560.7`).
    Word,
    /// One punctuation or symbol character.
    Punct(char),
}

/// One token of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the paragraph text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Word or punctuation.
    pub kind: TokKind,
    /// Range of the folded form in [`Tokens::folded`].
    fold_start: u32,
    fold_end: u32,
    /// True when whitespace precedes the token.
    pub space_before: bool,
    /// The folded form starts with an Arabic letter.
    arabic: bool,
    /// The source starts with an uppercase letter.
    upper: bool,
    /// How the number tokenizer would class the characters of the token
    /// ([`NCLS_ARABIC`] and the other bits, or-ed), plus [`NCLS_ODD_START`]
    /// when the first one has no class there: lets the numbers pass reuse
    /// this token instead of reading its characters again.
    pub(crate) ncls: u8,
}

impl Token {
    /// The punctuation character, if this is punctuation.
    pub fn punct(&self) -> Option<char> {
        match self.kind {
            TokKind::Punct(c) => Some(c),
            TokKind::Word => None,
        }
    }

    /// True for a word token.
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word)
    }
}

/// The tokens of one paragraph; reuse one value across paragraphs.
#[derive(Debug, Default)]
pub struct Tokens {
    /// The text, then the folded forms of the words that folding changes,
    /// back to back.
    pub folded: String,
    /// Tokens in text order.
    pub toks: Vec<Token>,
    /// Indices of the punctuation tokens, in order: the passes that look
    /// only at punctuation (quotation marks, sentence ends) go through
    /// these instead of every token.
    pub puncts: Vec<u32>,
    /// Indices of the words that start with an uppercase letter, in order
    /// (English names are looked for among them; Arabic text has none).
    pub uppers: Vec<u32>,
    /// An invisible character stood between two tokens (it belongs to no
    /// token here, but the number tokenizer attaches it to the previous one).
    pub(crate) loose_invisible: bool,
}

impl Tokens {
    /// Tokenizes `text`, replacing the previous content.
    pub fn tokenize(&mut self, text: &str) {
        self.folded.clear();
        self.toks.clear();
        self.puncts.clear();
        self.uppers.clear();
        self.loose_invisible = false;
        // The buffer starts with the text itself: a word that folding
        // leaves as it is (most words) is its own folded form, at its own
        // offsets, with nothing copied per word.
        self.folded.reserve(2 * text.len());
        self.folded.push_str(text);
        let table = char_table();
        let at = |pos: usize| char_at(text, pos);
        let mut pos = 0;
        let mut space = true;
        let bytes = text.as_bytes();
        loop {
            // One space between words is the commonest character.
            if bytes.get(pos) == Some(&b' ') {
                space = true;
                pos += 1;
                continue;
            }
            let Some(c) = at(pos) else { break };
            let i = pos;
            pos += c.len_utf8();
            let info = CharInfo::lookup(table, c);
            if info.space || info.invisible {
                space = space || info.space;
                self.loose_invisible |= !info.space;
                continue;
            }
            if info.word {
                let (end, (fold_start, fold_end), ncls) =
                    word_end(table, text, pos, c, info, &mut self.folded);
                pos = end;
                // Asked about words again and again by the quote rules.
                let arabic = char_at(&self.folded, fold_start).is_some_and(is_arabic_letter);
                let upper = is_upper(c);
                if upper {
                    self.uppers.push(self.toks.len() as u32);
                }
                self.toks.push(Token {
                    start: i,
                    end,
                    kind: TokKind::Word,
                    fold_start: fold_start as u32,
                    fold_end: fold_end as u32,
                    space_before: space,
                    arabic,
                    upper,
                    ncls,
                });
            } else {
                let at = self.folded.len() as u32;
                self.puncts.push(self.toks.len() as u32);
                self.toks.push(Token {
                    start: i,
                    end: pos,
                    kind: TokKind::Punct(c),
                    fold_start: at,
                    fold_end: at,
                    space_before: space,
                    arabic: false,
                    upper: false,
                    ncls: info.ncls,
                });
            }
            space = false;
        }
    }

    /// The folded form of token `i` (empty for punctuation).
    pub fn fold(&self, i: usize) -> &str {
        let t = &self.toks[i];
        self.folded
            .get(t.fold_start as usize..t.fold_end as usize)
            .unwrap_or("")
    }

    /// The folded form of token `i` as bytes: for the filters that turn
    /// most words away, without the character-boundary checks of cutting
    /// a `str`.
    #[inline]
    pub fn fold_bytes(&self, i: usize) -> &[u8] {
        let t = &self.toks[i];
        self.folded
            .as_bytes()
            .get(t.fold_start as usize..t.fold_end as usize)
            .unwrap_or(&[])
    }

    /// True when the folded form of token `i` starts with an Arabic letter.
    #[inline]
    pub fn is_arabic(&self, i: usize) -> bool {
        self.toks[i].arabic
    }

    /// True when token `i` is a word that starts with an uppercase letter.
    #[inline]
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.toks[i].upper
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The number-tokenizer classes of token `i` ([`Token::ncls`]).
    #[inline]
    pub(crate) fn ncls(&self, i: usize) -> u8 {
        self.toks[i].ncls
    }

    /// Byte range of the folded form of token `i` in [`Tokens::folded`].
    #[inline]
    pub(crate) fn fold_range(&self, i: usize) -> (usize, usize) {
        let t = &self.toks[i];
        (t.fold_start as usize, t.fold_end as usize)
    }
}

/// Number-tokenizer classes of a character, as bits of [`Token::ncls`]:
/// an Arabic letter, another letter, a digit, punctuation, or no class
/// (marks, tatweel, invisibles: they join the token they follow).
pub(crate) const NCLS_ARABIC: u8 = 1;
pub(crate) const NCLS_LATIN: u8 = 2;
pub(crate) const NCLS_DIGIT: u8 = 4;
pub(crate) const NCLS_PUNCT: u8 = 8;
pub(crate) const NCLS_NONE: u8 = 16;
/// The token's first character has no class.
pub(crate) const NCLS_ODD_START: u8 = 32;
/// A character with no class that folding keeps (U+061C): the number
/// tokenizer leaves it out of the folded form, the word's folded form here
/// has it.
pub(crate) const NCLS_KEPT: u8 = 64;

fn ncls_of(c: char) -> u8 {
    use super::numbers::{Class, class_of};
    match class_of(c) {
        Some(Class::Arabic) => NCLS_ARABIC,
        Some(Class::Latin) => NCLS_LATIN,
        Some(Class::Digits) => NCLS_DIGIT,
        Some(Class::Punct(_)) => NCLS_PUNCT,
        None if crate::text::fold_char(c).is_some() => NCLS_NONE | NCLS_KEPT,
        None => NCLS_NONE,
    }
}

/// Where a word that starts with `first` (described by `info`) and goes on
/// at byte `pos` ends, the range of its folded form, and the number classes
/// of its characters ([`Token::ncls`]).
///
/// The folded form of a word that folding leaves as it is (most words) is
/// its own range: [`Tokens::folded`] starts with the text. Otherwise it is
/// appended to `folded` as the word is read: the source up to each
/// character that changes, copied in one go, then that character folded.
#[inline(always)]
fn word_end(
    table: &[CharInfo; TABLE_END],
    text: &str,
    mut pos: usize,
    first: char,
    info: CharInfo,
    folded: &mut String,
) -> (usize, (usize, usize), u8) {
    let start = pos - first.len_utf8();
    let mut fold = WordFold {
        at: usize::MAX,
        run: start,
    };
    if !info.same {
        fold.change(text, start, first, first.len_utf8(), folded);
    }
    let mut ncls = if info.ncls & NCLS_NONE != 0 {
        info.ncls | NCLS_ODD_START
    } else {
        info.ncls
    };
    let bytes = text.as_bytes();
    let fast = arabic_fast();
    let mut prev = first;
    loop {
        let from = pos;
        // The common case first: word characters of the Arabic block (two
        // bytes, 0xD8..=0xDB then a continuation byte). They always join,
        // are never invisible, and one table entry says the rest.
        while let (Some(&b0), Some(&b1)) = (bytes.get(pos), bytes.get(pos + 1)) {
            if b0 & 0xFC != 0xD8 {
                break;
            }
            let low = (usize::from(b0) & 0x03) << 6 | (usize::from(b1) & 0x3F);
            let entry = fast[low];
            if entry & FAST_WORD == 0 {
                break;
            }
            if entry & FAST_SAME == 0 {
                let c = char::from_u32(0x0600 + low as u32).unwrap_or(prev);
                fold.change(text, pos, c, 2, folded);
            }
            ncls |= entry as u8;
            pos += 2;
        }
        // Most words end at a space: no need to decode and look it up.
        if bytes.get(pos).is_none_or(|&b| b == b' ') {
            break;
        }
        if pos > from {
            // (the last character read above, decoded once)
            prev = text
                .get(..pos)
                .and_then(|s| s.chars().next_back())
                .unwrap_or(prev);
        }
        let Some(d) = char_at(text, pos) else { break };
        let info = CharInfo::lookup(table, d);
        let joins = if info.word {
            true
        } else if matches!(d, '\'' | '’' | '.' | ',' | '٫' | '٬') {
            // Inside a word only between two letters (don't) or two digits
            // (560.7, 25,000).
            let next = text.get(pos + d.len_utf8()..).and_then(|s| s.chars().next());
            match next {
                Some(n) if d == '\'' || d == '’' => prev.is_alphabetic() && n.is_alphabetic(),
                Some(n) => digit_value(prev).is_some() && digit_value(n).is_some(),
                None => false,
            }
        } else {
            info.invisible
        };
        if !joins {
            break;
        }
        if !info.same {
            fold.change(text, pos, d, d.len_utf8(), folded);
        }
        ncls |= info.ncls;
        pos += d.len_utf8();
        if !info.invisible {
            prev = d;
        }
    }
    let range = if fold.at == usize::MAX {
        (start, pos)
    } else {
        folded.push_str(text.get(fold.run..pos).unwrap_or(""));
        (fold.at, folded.len())
    };
    (pos, range, ncls)
}

/// The folded form of a word being written by [`word_end`].
struct WordFold {
    /// Where it starts in the folded buffer (`usize::MAX`: no character
    /// has changed yet, the word is its own folded form).
    at: usize,
    /// The start of the source not copied there yet.
    run: usize,
}

impl WordFold {
    /// Character `c` at `at` (`len` bytes) changes when folded: copies the
    /// source before it, then its folded form.
    #[inline(always)]
    fn change(&mut self, text: &str, at: usize, c: char, len: usize, folded: &mut String) {
        if self.at == usize::MAX {
            self.at = folded.len();
        }
        folded.push_str(text.get(self.run..at).unwrap_or(""));
        push_folded(c, folded);
        self.run = at + len;
    }
}

/// What the tokenizer asks about a character, precomputed below
/// [`TABLE_END`] (ASCII, Latin, Greek, Cyrillic, the Arabic block) from the
/// same functions it asks about the others, so both paths agree.
#[derive(Debug, Clone, Copy, Default)]
struct CharInfo {
    /// [`is_word_char`].
    word: bool,
    /// [`char::is_whitespace`].
    space: bool,
    /// [`is_invisible`].
    invisible: bool,
    /// [`folds_to_itself`].
    same: bool,
    /// The number tokenizer's class, as a [`Token::ncls`] bit.
    ncls: u8,
}

const TABLE_END: usize = 0x0700;

impl CharInfo {
    fn of(c: char) -> Self {
        CharInfo {
            word: is_word_char(c),
            space: c.is_whitespace(),
            invisible: is_invisible(c),
            same: folds_to_itself(c),
            ncls: ncls_of(c),
        }
    }

    #[inline(always)]
    fn lookup(table: &[CharInfo; TABLE_END], c: char) -> Self {
        match table.get(c as usize) {
            Some(info) => *info,
            None => Self::of(c),
        }
    }
}

/// [`arabic_fast`] bits: a word character, folding leaves it as it is.
const FAST_WORD: u16 = 1 << 8;
const FAST_SAME: u16 = 1 << 9;

/// The word-reading facts of each character of the Arabic block
/// (U+0600..U+06FF) in one `u16`, indexed by its low eight bits: its
/// number classes ([`Token::ncls`]) in the low byte, [`FAST_WORD`] and
/// [`FAST_SAME`] above — from its [`CharInfo`], so both paths agree.
fn arabic_fast() -> &'static [u16; 256] {
    static TABLE: OnceLock<[u16; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let table = char_table();
        std::array::from_fn(|i| {
            let info = table[0x0600 + i];
            // (an invisible word character takes the slow path, which does
            // not count it as the character before the next)
            let plain_word = info.word && !info.invisible && !info.space;
            u16::from(info.ncls)
                | if plain_word { FAST_WORD } else { 0 }
                | if info.same { FAST_SAME } else { 0 }
        })
    })
}

/// [`CharInfo`] of every character below [`TABLE_END`].
fn char_table() -> &'static [CharInfo; TABLE_END] {
    static TABLE: OnceLock<[CharInfo; TABLE_END]> = OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|i| CharInfo::of(char::from_u32(i as u32).unwrap_or('\0'))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut t = Tokens::default();
        t.tokenize(text);
        (0..t.len())
            .map(|i| {
                if t.toks[i].is_word() {
                    t.fold(i).to_string()
                } else {
                    format!("<{}>", &text[t.toks[i].start..t.toks[i].end])
                }
            })
            .collect()
    }

    #[test]
    fn arabic_comma_without_space_splits_words() {
        assert_eq!(words("الأمني،مشيرا إلى"), ["الامني", "<،>", "مشيرا", "الي"]);
    }

    #[test]
    fn numbers_and_contractions_stay_whole() {
        assert_eq!(words("560.7 don’t 25,000."), ["560.7", "don’t", "25,000", "<.>"]);
        assert_eq!(words("«داعـش»"), ["<«>", "داعش", "<»>"]);
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "وقال الكاظمي، إن";
        let mut t = Tokens::default();
        t.tokenize(text);
        assert_eq!(&text[t.toks[1].start..t.toks[1].end], "الكاظمي");
        assert!(t.toks[3].space_before);
        assert!(!t.toks[2].space_before);
    }
}
