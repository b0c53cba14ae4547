//! Character classes and folding used for *matching* Arabic and English text.
//!
//! Display never uses these: the model keeps the source text as it is and
//! every span points into it. Matching, on the other hand, must not care
//! about what a reader does not see as a difference: diacritics (harakat),
//! tatweel (`داعـش` is `داعش`), the alef variants (`أ إ آ ٱ` → `ا`), final yeh
//! (`ى` → `ي`), teh marbuta (`ة` → `ه`), Arabic-Indic and Persian digits, and
//! Latin case. [`fold_into`] does that folding in one pass into a reused
//! buffer, so the hot path allocates nothing per token.

/// True for Arabic combining marks that carry no letter of their own:
/// harakat, tanwin, shadda, sukun, superscript alef and Quranic marks.
#[inline]
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Tatweel (kashida), a stretching stroke with no meaning.
pub const TATWEEL: char = '\u{0640}';

/// True for characters that are letters of the Arabic script (not marks,
/// not digits, not punctuation).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && c != '\u{FEFF}'
}

/// The value of a decimal digit in any of the three scripts news text uses:
/// Western `0-9`, Arabic-Indic `٠-٩` and Persian (Extended Arabic-Indic) `۰-۹`.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// True for a character that can be part of a word: letters of any script,
/// digits of any script, combining marks and tatweel.
#[inline]
pub fn is_word_char(c: char) -> bool {
    // Fast paths for the two scripts rawi reads; the Unicode tables are slow.
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let code = c as u32;
    if (0x0600..=0x06FF).contains(&code) {
        return ARABIC_BLOCK[(code - 0x0600) as usize] != 0;
    }
    c.is_alphanumeric()
}

/// [`char::is_alphanumeric`], answered from a table for the Arabic block
/// (Unicode's own tables are slow to ask for it, and short lines ask it of
/// every word's edges).
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    static TABLE: std::sync::OnceLock<[bool; 256]> = std::sync::OnceLock::new();
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match (c as usize).checked_sub(0x0600) {
        Some(i) if i < 256 => TABLE.get_or_init(|| {
            std::array::from_fn(|i| char::from_u32(0x0600 + i as u32).is_some_and(char::is_alphanumeric))
        })[i],
        _ => c.is_alphanumeric(),
    }
}

/// True when `c` is an uppercase letter (ASCII and Arabic answered without
/// the Unicode tables).
#[inline]
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        false
    } else {
        c.is_uppercase()
    }
}

/// True when `c` may need a Unicode lowercase mapping (non-ASCII letters
/// outside the Arabic block, which has no case).
#[inline]
fn needs_lowercase(c: char) -> bool {
    !c.is_ascii() && is_upper(c)
}

/// Invisible formatting characters that are not part of any word: bidi
/// marks, embeddings, overrides and isolates, zero-width space and joiners,
/// soft hyphen, BOM. Matching skips them.
#[inline]
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// What the Arabic block (U+0600–U+06FF) does in a word, precomputed so the
/// hot loops answer with one table lookup: `0` not a word character,
/// `DROP` a word character that folding removes (harakat, tatweel), any
/// other value the folded character.
const ARABIC_BLOCK: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let c = 0x0600 + i as u32;
        t[i] = match c {
            0x064B..=0x065F | 0x0670 | 0x0610..=0x061A | 0x06D6..=0x06ED | 0x0640 => DROP,
            0x0660..=0x0669 => '0' as u32 + (c - 0x0660),
            0x06F0..=0x06F9 => '0' as u32 + (c - 0x06F0),
            0x0622 | 0x0623 | 0x0625 | 0x0671 => 0x0627, // آ أ إ ٱ → ا
            0x0649 | 0x0626 | 0x06CC => 0x064A,          // ى ئ ی → ي
            0x0629 => 0x0647,                            // ة → ه
            0x0624 => 0x0648,                            // ؤ → و
            0x06A9 => 0x0643,                            // ک → ك
            0x0621..=0x063A
            | 0x0641..=0x064A
            | 0x0672..=0x06D3
            | 0x06D5
            | 0x06EE
            | 0x06EF
            | 0x06FA..=0x06FF => c,
            _ => 0,
        };
        i += 1;
    }
    t
};
const DROP: u32 = u32::MAX;

/// Folds one character for matching; `None` means the character is dropped.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    let code = c as u32;
    if (0x0600..=0x06FF).contains(&code) {
        return match ARABIC_BLOCK[(code - 0x0600) as usize] {
            DROP => None,
            0 => Some(c),
            f => char::from_u32(f),
        };
    }
    if is_invisible(c) || is_arabic_mark(c) {
        return None;
    }
    Some(match c {
        'ی' => 'ي',
        _ => {
            if let Some(d) = digit_value(c) {
                char::from_digit(d, 10).unwrap_or(c)
            } else {
                c
            }
        }
    })
}

/// The character at byte `pos` of `text` (`None` at the end or off a
/// character boundary). ASCII and the Arabic block, nearly all of the text,
/// are decoded from their one or two bytes without the general decoder.
#[inline(always)]
pub fn char_at(text: &str, pos: usize) -> Option<char> {
    let bytes = text.as_bytes();
    let b0 = *bytes.get(pos)?;
    if b0 < 0x80 {
        return Some(char::from(b0));
    }
    // U+0600..U+06FF is 0xD8..0xDB followed by one continuation byte.
    if (0xD8..=0xDB).contains(&b0)
        && let Some(&b1) = bytes.get(pos + 1)
    {
        return char::from_u32((u32::from(b0) & 0x1F) << 6 | (u32::from(b1) & 0x3F));
    }
    text.get(pos..)?.chars().next()
}

/// Appends the folded form of `s` to `out` (which is not cleared).
///
/// Runs of characters that fold to themselves are copied whole: in a word
/// that folding changes, usually one letter changes (`ة`, `أ`).
pub fn fold_into(s: &str, out: &mut String) {
    let (mut run, mut i) = (0, 0);
    while let Some(c) = char_at(s, i) {
        let next = i + c.len_utf8();
        if !folds_to_itself(c) {
            out.push_str(s.get(run..i).unwrap_or(""));
            push_folded(c, out);
            run = next;
        }
        i = next;
    }
    out.push_str(s.get(run..).unwrap_or(""));
}

/// Appends the folded form of one character to `out`.
///
/// Always inlined: both tokenizers call it for every character, and the
/// ASCII and Arabic paths are a table lookup and a push.
#[inline(always)]
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let code = c as u32;
    if (0x0600..=0x06FF).contains(&code) {
        // The Arabic block folds to itself or to ASCII digits, neither of
        // which has case: one table lookup decides.
        match ARABIC_BLOCK[(code - 0x0600) as usize] {
            DROP => {}
            0 => out.push(c),
            f => out.push(char::from_u32(f).unwrap_or(c)),
        }
        return;
    }
    push_folded_slow(c, out);
}

/// [`push_folded`] for characters outside ASCII and the Arabic block.
#[inline(never)]
fn push_folded_slow(c: char, out: &mut String) {
    // Arabic presentation forms (`ﺛﻤﺎﻧﻲ`, `ﻻ`): text copied out of PDFs and
    // old pages spells words with the shaped glyphs. They fold to the
    // letters they show, so the words, cues and number words are the same
    // words; the offsets stay those of the text.
    if is_presentation_form(c) {
        unicode_normalization::char::decompose_compatible(c, |d| {
            if d != ' ' && !(d as u32 >= 0xFB50 && is_presentation_form(d)) {
                push_folded(d, out);
            }
        });
        return;
    }
    if let Some(f) = fold_char(c) {
        if needs_lowercase(f) {
            out.extend(f.to_lowercase());
        } else {
            out.push(f);
        }
    }
}

/// Arabic Presentation Forms-A and -B (the byte order mark excluded).
#[inline]
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// True when folding certainly leaves `c` as it is (most letters, digits
/// and punctuation of both scripts): a run of such characters is its own
/// folded form and needs no copy. Conservative: a `false` only costs a fold.
#[inline(always)]
pub fn folds_to_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    let code = c as u32;
    if (0x0600..=0x06FF).contains(&code) {
        let f = ARABIC_BLOCK[(code - 0x0600) as usize];
        return f == 0 || f == code;
    }
    fold_char(c) == Some(c) && !needs_lowercase(c) && !is_presentation_form(c)
}

/// Calls `f` with the folded form of `s`, folded into a buffer kept
/// between calls on this thread: for the hot places that fold a word or a
/// name only to compare it (a nested call gets a buffer of its own).
pub fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static BUF: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    let mut buf = BUF.take();
    buf.clear();
    fold_into(s, &mut buf);
    let r = f(&buf);
    BUF.set(buf);
    r
}

/// The folded form of `s`, for the places that are not hot.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// True when most letters of `s` are Arabic script.
///
/// Only the first few thousand characters are looked at: that decides the
/// language of an article as well as the whole would, at a bounded cost.
pub fn is_mostly_arabic(s: &str) -> bool {
    let block = arabic_block_scripts();
    const SAMPLE: usize = 2048;
    let bytes = s.as_bytes();
    // Letters counted per script, indexed by `Script as usize`.
    let mut count = [0usize; 3];
    let (mut n, mut pos) = (0usize, 0usize);
    'sample: while n < SAMPLE {
        // Stop once the characters left cannot change the answer.
        let (arabic, other) = (count[Script::Arabic as usize], count[Script::Other as usize]);
        let left = SAMPLE - n;
        if arabic > other + left {
            return true;
        }
        if other > arabic + left {
            return false;
        }
        // Then 64 characters without that question. ASCII and the Arabic
        // block, nearly every character of an article, are read from
        // their bytes: decoding every character and asking after each was
        // 6% of the instructions of the whole analysis.
        for _ in 0..left.min(64) {
            let Some(&b0) = bytes.get(pos) else { break 'sample };
            let script = if b0 < 0x80 {
                pos += 1;
                if b0.is_ascii_alphabetic() {
                    Script::Other
                } else {
                    Script::None
                }
            } else if (0xD8..=0xDB).contains(&b0) {
                // (valid UTF-8: one continuation byte follows)
                let b1 = bytes.get(pos + 1).copied().unwrap_or(0);
                pos += 2;
                block[(usize::from(b0) & 0x03) << 6 | (usize::from(b1) & 0x3F)]
            } else {
                let Some(c) = char_at(s, pos) else { break 'sample };
                pos += c.len_utf8();
                Script::of(c)
            };
            count[script as usize] += 1;
            n += 1;
        }
    }
    let (arabic, other) = (count[Script::Arabic as usize], count[Script::Other as usize]);
    arabic > 0 && arabic >= other
}

/// Which script a letter counts for in [`is_mostly_arabic`].
#[derive(Debug, Clone, Copy)]
enum Script {
    Arabic,
    Other,
    /// Not a letter.
    None,
}

impl Script {
    fn of(c: char) -> Self {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                Script::Other
            } else {
                Script::None
            }
        } else if is_arabic_letter(c) {
            Script::Arabic
        } else if c.is_alphabetic() {
            Script::Other
        } else {
            Script::None
        }
    }
}

/// [`Script::of`] for the Arabic block, computed once: harakat are
/// alphabetic for Unicode, and its tables are slow to ask.
fn arabic_block_scripts() -> &'static [Script; 256] {
    static TABLE: std::sync::OnceLock<[Script; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|i| Script::of(char::from_u32(0x0600 + i as u32).unwrap_or('\0')))
    })
}

#[cfg(test)]
mod presentation_tests {
    use super::*;

    #[test]
    fn presentation_forms_fold_to_the_letters_they_show() {
        // «ثماني» and «لا» spelled with shaped glyphs, as PDFs give them.
        assert_eq!(fold("ﺛﻤﺎﻧﻲ"), fold("ثماني"));
        assert_eq!(fold("ﻻ ﻳﻮﺟﺪ"), fold("لا يوجد"));
        assert_eq!(fold("ﺃﻛﺪ"), fold("أكد"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tatweel_and_diacritics_fold_away() {
        assert_eq!(fold("داعـش"), "داعش");
        assert_eq!(fold("عُنصراً"), "عنصرا");
        assert_eq!(fold("المرحلةِ"), "المرحله");
    }

    #[test]
    fn alef_yeh_and_digits_fold() {
        assert_eq!(fold("أكد إن آخر"), "اكد ان اخر");
        assert_eq!(fold("الأولى"), "الاولي");
        assert_eq!(fold("٢٧ ۲۷ 27"), "27 27 27");
        assert_eq!(fold("Said"), "said");
    }

    #[test]
    fn char_at_decodes_like_chars() {
        let s = "aب،\u{06FF}\u{0600}é€😀ۍ٣ \u{200F}z";
        for (i, c) in s.char_indices() {
            assert_eq!(char_at(s, i), Some(c), "at {i}");
        }
        assert_eq!(char_at(s, s.len()), None);
        assert_eq!(char_at(s, 2), None, "inside a character");
    }

    #[test]
    fn fold_into_copies_runs_like_char_by_char() {
        for s in ["المرحلةِ الأولى", "Said ٢٧ داعـش", "\u{200F}İstanbul ABC", "", "ة"]
        {
            let mut slow = String::new();
            for c in s.chars() {
                push_folded(c, &mut slow);
            }
            assert_eq!(fold(s), slow);
        }
    }

    #[test]
    fn arabic_detection() {
        assert!(is_mostly_arabic("قال الكاظمي F16"));
        // Decided on the first 2,048 characters, however late they tip.
        let mixed = |ar: usize, la: usize| format!("{}{}", "ب".repeat(ar), "a".repeat(la));
        assert!(is_mostly_arabic(&mixed(1000, 1000)));
        assert!(!is_mostly_arabic(&mixed(1000, 1001)));
        assert!(is_mostly_arabic(&mixed(1024, 5000)));
        assert!(!is_mostly_arabic(&mixed(1023, 5000)));
        for c in ('\0'..='\u{2FFF}').chain(['\u{FEFF}', '\u{1F600}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        assert!(!is_mostly_arabic("She added: \"no\""));
        assert!(!is_mostly_arabic("2015"));
    }

    #[test]
    fn arabic_detection_reads_bytes_as_it_would_read_characters() {
        // The same count over decoded characters, without early stops.
        let reference = |s: &str| {
            let (mut arabic, mut other) = (0, 0);
            for c in s.chars().take(2048) {
                match Script::of(c) {
                    Script::Arabic => arabic += 1,
                    Script::Other => other += 1,
                    Script::None => {}
                }
            }
            arabic > 0 && arabic >= other
        };
        let pieces = [
            "قال", " ", "said", "é", "ۍ", "\u{064B}", "٣", "😀", "€", "İ", "ـ", "\u{0600}", "\u{06FF}",
        ];
        let mut seed = 7u64;
        for _ in 0..500 {
            let mut s = String::new();
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            for _ in 0..(seed >> 33) % 3000 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            assert_eq!(is_mostly_arabic(&s), reference(&s), "{s:?}");
        }
    }
}
