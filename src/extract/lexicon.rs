//! Word lists the rules need, kept as reviewable data under `assets/lexicon/`.
//!
//! Each file is plain text: words separated by whitespace, `#` starts a
//! comment. Words are folded (see [`crate::text::fold`]) once, when the
//! lexicon is first used, so lookups compare folded token forms directly.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use crate::text::fold;

/// A set of folded words.
#[derive(Debug, Default)]
pub struct WordSet {
    words: HashSet<String>,
    /// Words marked with a leading `!` in the file (homographs).
    marked: HashSet<String>,
    /// A one-probe filter over the words: most words of a text are in no
    /// list, and this answers "no" for them without hashing the word.
    filter: Filter,
}

/// A bitset indexed by a cheap fingerprint of a word (its length and its
/// first and last four bytes: two letters of Arabic): a word whose bit is
/// clear is not in the set. It never answers "no" for a word of the set, so
/// a lookup behind it finds what it found before; it only skips lookups
/// that would fail. `WORDS` × 64 bits: a bigger set wants a bigger filter.
#[derive(Debug, Clone)]
pub struct Filter<const WORDS: usize = 64> {
    bits: [u64; WORDS],
}

impl<const WORDS: usize> Default for Filter<WORDS> {
    fn default() -> Self {
        Filter { bits: [0; WORDS] }
    }
}

impl<const WORDS: usize> Filter<WORDS> {
    const BITS: usize = WORDS * 64;

    /// Length, first four and last four bytes, mixed into a bit index.
    #[inline]
    fn slot(b: &[u8]) -> usize {
        let n = b.len();
        let (head, tail) = match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
            (Some(h), Some(t)) => (u32::from_le_bytes(*h) as usize, u32::from_le_bytes(*t) as usize),
            // Shorter words: their bytes, once.
            _ => (b.iter().fold(0, |v, &x| v << 8 | x as usize), 0),
        };
        let h = n.wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize)
            ^ head.wrapping_mul(0x85EB_CA6B_C2B2_AE35_u64 as usize)
            ^ tail.wrapping_mul(0xC2B2_AE3D_27D4_EB4F_u64 as usize);
        (h ^ h >> 29) % Self::BITS
    }

    /// Adds a word.
    pub fn insert(&mut self, word: &str) {
        let s = Self::slot(word.as_bytes());
        self.bits[s / 64] |= 1 << (s % 64);
    }

    /// False when `word` was certainly never inserted.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        self.may_contain_bytes(word.as_bytes())
    }

    /// [`Filter::may_contain`] of a word given as its bytes: a caller that
    /// holds a byte range of a text asks without cutting a `str` (which
    /// checks that both ends are character boundaries) for the many words
    /// the filter turns away.
    #[inline]
    pub fn may_contain_bytes(&self, word: &[u8]) -> bool {
        let s = Self::slot(word);
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }
}

impl WordSet {
    fn parse(src: &str) -> Self {
        let mut set = Self::default();
        for line in src.lines() {
            let line = line.split('#').next().unwrap_or("");
            let mark = line.trim_start().starts_with('!');
            for w in line.split_whitespace() {
                let w = fold(w.trim_start_matches('!'));
                if w.is_empty() {
                    continue;
                }
                if mark {
                    set.marked.insert(w.clone());
                }
                set.filter.insert(&w);
                set.words.insert(w);
            }
        }
        set
    }

    /// Adds the words of another list file.
    fn extend(&mut self, src: &str) {
        let more = Self::parse(src);
        for w in more.words {
            self.filter.insert(&w);
            self.words.insert(w);
        }
        for w in more.marked {
            self.marked.insert(w);
        }
    }

    /// True when the folded word is in the set.
    #[inline]
    pub fn contains(&self, folded: &str) -> bool {
        self.filter.may_contain(folded) && self.words.contains(folded)
    }

    /// The words of the set, in no order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// The filter in front of the set.
    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// True when the folded word is in the set and marked as a homograph.
    #[inline]
    pub fn is_marked(&self, folded: &str) -> bool {
        self.filter.may_contain(folded) && self.marked.contains(folded)
    }
}

macro_rules! lexicon {
    ($(#[$doc:meta] $name:ident => $file:literal;)*) => {
        /// All word lists, loaded once.
        #[derive(Debug)]
        pub struct Lexicon {
            $(#[$doc] pub $name: WordSet,)*
        }

        impl Lexicon {
            fn load() -> Self {
                let mut lexicon = Self { $($name: WordSet::parse(include_str!(concat!("../../assets/lexicon/", $file))),)* };
                // A state speaks as its government (`أعلنت مصر`): its name is
                // an organisation's, wherever the rules ask for one.
                lexicon.organizations.extend(include_str!("../../assets/lexicon/states.txt"));
                lexicon
            }
        }
    };
}

lexicon! {
    /// Arabic reporting verbs, finite forms.
    ar_verbs => "ar_verbs.txt";
    /// Arabic verbs that relay another speaker's words (`نقل … عن`).
    ar_relay_verbs => "ar_relay_verbs.txt";
    /// Arabic continuation participles.
    ar_participles => "ar_participles.txt";
    /// Arabic "according to" cues.
    ar_according => "ar_according.txt";
    /// Arabic complementisers.
    ar_complementisers => "ar_complementisers.txt";
    /// English reporting verbs.
    en_verbs => "en_verbs.txt";
    /// English continuation participles.
    en_participles => "en_participles.txt";
    /// English words of a time, place or channel after a reporting verb.
    en_adverbials => "en_adverbials.txt";
    /// Person role nouns.
    roles => "roles.txt";
    /// Words inside a role that are not role nouns.
    role_modifiers => "role_modifiers.txt";
    /// Common given names.
    first_names => "first_names.txt";
    /// General role nouns that, definite and alone, point back to a speaker.
    anaphoric_roles => "anaphoric_roles.txt";
    /// Titles and honorifics.
    honorifics => "honorifics.txt";
    /// Organisation heads.
    organizations => "organizations.txt";
    /// Group heads.
    groups => "groups.txt";
    /// Anonymous-source heads.
    anonymous => "anonymous.txt";
    /// Quantifiers that make a subject a group (`عدد من السكان`).
    ar_quantifiers => "ar_quantifiers.txt";
    /// Words that alone are never a speaker (`ما`, `لي`).
    ar_not_subjects => "ar_not_subjects.txt";
    /// Common Arabic words that are no one's name alone (mined, see its header).
    ar_common_words => "ar_common_words.txt";
    /// Words that end a speaker phrase.
    np_stops => "np_stops.txt";
    /// Site furniture words.
    furniture => "furniture.txt";
    /// Month and weekday names: the words of a dateline.
    date_words => "date_words.txt";
    /// Last words of photo credits.
    credits => "credits.txt";
    /// Words that show a woman: titles, gendered role words, given names.
    female => "female.txt";
    /// Words that show a man.
    male => "male.txt";
}

/// The lexicon, loaded on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

/// Strips the article and the prepositions that attach to Arabic nouns
/// (`ال`, `بال`, `لل`, `ب`, `ل`, `ك`): `بالسفارة` → `سفاره`, `لعبد` → `عبد`.
/// A stem keeps at least three letters, so short words are left alone.
#[inline]
pub fn strip_article(folded: &str) -> &str {
    // Every prefix starts with ا, ب, ك or ل: most words are decided by
    // their first two bytes.
    if !matches!(
        folded.as_bytes(),
        [0xD8, 0xA7 | 0xA8, ..] | [0xD9, 0x83 | 0x84, ..]
    ) {
        return folded;
    }
    if let Some(r) = folded.strip_prefix("لل")
        && has_chars(r, 2)
    {
        return r;
    }
    for p in ["بال", "كال", "ال", "ب", "ل", "ك"] {
        if let Some(r) = folded.strip_prefix(p)
            && has_chars(r, 3)
        {
            return r;
        }
    }
    folded
}

/// Strips a conjunction `و`/`ف` when what is left is still a word.
#[inline]
pub fn strip_conjunction(folded: &str) -> Option<&str> {
    folded
        .strip_prefix('و')
        .or_else(|| folded.strip_prefix('ف'))
        .filter(|r| has_chars(r, 3))
}

/// True when `s` has at least `n` characters.
#[inline]
fn has_chars(s: &str, n: usize) -> bool {
    s.chars().nth(n - 1).is_some()
}

/// True when the folded noun, bare, without its article or prepositions, or
/// without a leading conjunction, is in `set`. Both readings of a leading
/// `و` are tried because it is also a root letter (`وزارة`).
pub fn has_noun(set: &WordSet, folded: &str) -> bool {
    set.contains(folded)
        || set.contains(strip_article(folded))
        || strip_conjunction(folded).is_some_and(|r| set.contains(r) || set.contains(strip_article(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_folded() {
        let l = lexicon();
        assert!(l.ar_verbs.contains("اكد"));
        assert!(l.ar_verbs.contains("يوكد"));
        assert!(l.ar_verbs.is_marked("بين"));
        assert!(!l.ar_verbs.is_marked("قال"));
        assert!(l.ar_participles.contains("مشيرا"));
        assert!(l.en_verbs.contains("said"));
    }

    #[test]
    fn a_filter_lets_through_every_word_put_in_it() {
        let words = [
            "",
            "a",
            "في",
            "said",
            "والثالثه",
            "ثلاثمائه",
            "twenty",
            "é",
            "ab",
            "abc",
            "abcd",
            "abcde",
        ];
        let mut small: Filter = Filter::default();
        let mut big: Filter<1024> = Filter::default();
        for w in words {
            small.insert(w);
            big.insert(w);
        }
        for w in words {
            assert!(small.may_contain(w) && big.may_contain(w), "{w:?}");
        }
        // And it does filter: a word list of a few words leaves most
        // other words out.
        let others = (0..1000).filter(|i| big.may_contain(&format!("w{i}"))).count();
        assert!(others < 50, "{others} of 1000 let through");
    }

    #[test]
    fn stems_drop_proclitics() {
        assert_eq!(strip_article("بالسفاره"), "سفاره");
        assert_eq!(strip_article("للقوات"), "قوات");
        assert_eq!(strip_article("لعبد"), "عبد");
        assert_eq!(strip_article("الوزاره"), "وزاره");
        assert_eq!(strip_article("كالعاده"), "عاده");
        assert_eq!(strip_article("بوزاره"), "وزاره");
        assert_eq!(strip_article("وزاره"), "وزاره");
        assert_eq!(strip_article("Ministry"), "Ministry");
        assert_eq!(strip_conjunction("وقال"), Some("قال"));
        assert_eq!(strip_conjunction("فقال"), Some("قال"));
        assert_eq!(strip_conjunction("وزن"), None);
        assert!(has_noun(&lexicon().organizations, "الوزاره"));
        assert!(has_noun(&lexicon().organizations, "وزاره"));
        assert!(has_noun(&lexicon().organizations, "والوزاره"));
    }
}
