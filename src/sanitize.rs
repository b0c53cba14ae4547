//! The terminal-safety boundary: every piece of untrusted text passes here
//! before any of it can reach a terminal.
//!
//! Article text comes from the web. Written to a terminal as it is, it can
//! set the window title (`ESC ] 0 ; … BEL`), write the clipboard (OSC 52),
//! clear the screen, hide text, or make the displayed order of characters
//! differ from the stored order to deceive the reader (Trojan Source,
//! CVE-2021-42574). This module removes all of that in one place, with two
//! guarantees for the two places text goes:
//!
//! * [`for_bidi`] — **input for the bidi algorithm.** The result contains no
//!   C0 control except `\t` and `\n`, no DEL, no C1 control, no escape
//!   sequence (nor the text inside one), no bidi embedding, override or pop
//!   (U+202A–U+202E: never obeyed), and no other invisible format character
//!   except the ones the layout still needs: the bidi **isolates and marks**
//!   (U+2066–U+2069, U+200E, U+200F, U+061C), which real Arabic web text uses
//!   legitimately and which give the bidi algorithm correct levels, and
//!   U+200B ZERO WIDTH SPACE, a line-break opportunity. Those must *not* be
//!   written to a terminal; [`crate::layout`] consumes them and never puts
//!   them in a cell.
//! * [`for_terminal`] — **output to a terminal.** Everything [`for_bidi`]
//!   removes, plus the isolates, marks and U+200B. What is left is printable
//!   text plus `\t` and `\n` ([`is_terminal_safe`] checks exactly this).
//!   [`for_terminal_line`] additionally turns `\t` and `\n` into spaces, for
//!   one-line places: titles, the status line, prompts.
//!
//! ZWJ and ZWNJ (U+200D, U+200C) are kept by both: they join or separate
//! Arabic and Persian letters and build emoji, and they stay inside the
//! grapheme they belong to. U+2028 and U+2029 (line and paragraph separator)
//! become `\n`.
//!
//! **Whole sequences are removed, not just their control bytes**, so that
//! `ESC ] 52 ; c ; ZXZpbA== BEL` does not leave `]52;c;ZXZpbA==` behind as
//! visible junk. Recognised: CSI (`ESC [` or U+009B, up to a final byte
//! 0x40–0x7E), the string sequences OSC, DCS, SOS, PM and APC (`ESC ]`,
//! `ESC P`, `ESC X`, `ESC ^`, `ESC _` or their C1 forms U+009D, U+0090,
//! U+0098, U+009E, U+009F) up to BEL or ST (`ESC \` or U+009C), and the
//! other `ESC` sequences (`ESC c`, `ESC ( B`, `ESC 7`, …). A string sequence
//! also ends at CAN or SUB (terminals abort there), at an `ESC` that does not
//! start ST (which then begins a new sequence), and — our own rule — at a
//! newline, which is kept: an unterminated `ESC ]` must not hide the whole
//! rest of an article, which is itself one of the attacks. Security never
//! depends on recognising a sequence correctly: every control character is
//! removed anyway, so a misparse can only leave harmless printable text.
//!
//! With [`Hidden::Show`] nothing is removed silently: each hidden character
//! is replaced by a visible placeholder, as `less -U` does — caret notation
//! for C0 and DEL (`^[`, `^G`, `^?`), `<U+XXXX>` for everything else
//! (`<U+009B>`, `<U+202E>`, `<U+2067>`). Escape sequences then show as their
//! text (`^[]0;title^G`). Isolates and marks are shown too, so in that mode
//! they do not reach the bidi algorithm: the point of the mode is to see the
//! raw structure.
//!
//! Clean text (the common case) is returned as [`Cow::Borrowed`], so it is
//! not copied.

use std::borrow::Cow;
use std::ops::ControlFlow;

/// What to do with characters that must not reach the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hidden {
    /// Remove them (escape sequences are removed whole).
    #[default]
    Drop,
    /// Replace each one by a visible placeholder (`^[`, `<U+202E>`).
    Show,
}

/// Sanitizes untrusted text for the bidi algorithm; see the [module
/// docs](self) for what the result may still contain. The result must go
/// through [`crate::layout`] (or [`for_terminal`]) before a terminal sees it.
pub fn for_bidi(input: &str, hidden: Hidden) -> Cow<'_, str> {
    sanitize(input, Policy::bidi(hidden))
}

/// Sanitizes untrusted text for direct output to a terminal: the result
/// satisfies [`is_terminal_safe`] (printable text plus `\t` and `\n`).
pub fn for_terminal(input: &str, hidden: Hidden) -> Cow<'_, str> {
    sanitize(input, Policy::terminal(hidden))
}

/// Like [`for_terminal`], and `\t`, `\n` (and U+2028/U+2029) become spaces,
/// for text that must stay on one row: titles, the status line, prompts.
pub fn for_terminal_line(input: &str, hidden: Hidden) -> Cow<'_, str> {
    sanitize(
        input,
        Policy {
            single_line: true,
            ..Policy::terminal(hidden)
        },
    )
}

/// True when `s` may be written to a terminal as it is: it holds no
/// character that [`for_terminal`] would remove or replace (`\t` and `\n`
/// are allowed). This is the invariant tests and debug assertions check.
pub fn is_terminal_safe(s: &str) -> bool {
    s.chars().all(|c| !is_hidden(c, false) && !is_line_separator(c))
}

/// Bidi isolates and marks: given to the bidi algorithm, never emitted.
pub(crate) fn is_bidi_isolate_or_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')
}

/// How [`scan`] treats what it meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Policy {
    /// Keep isolates, marks and U+200B for the bidi algorithm and wrapping.
    pub keep_bidi_format: bool,
    /// Placeholders instead of removal.
    pub show_hidden: bool,
    /// Tabs and line breaks become spaces.
    pub single_line: bool,
}

impl Policy {
    /// With [`Hidden::Show`], isolates, marks and U+200B are hidden
    /// characters like the others: shown as placeholders, never applied
    /// (issue 13, defect 3).
    pub(crate) fn bidi(hidden: Hidden) -> Self {
        Self {
            keep_bidi_format: hidden == Hidden::Drop,
            show_hidden: hidden == Hidden::Show,
            single_line: false,
        }
    }

    pub(crate) fn terminal(hidden: Hidden) -> Self {
        Self {
            keep_bidi_format: false,
            show_hidden: hidden == Hidden::Show,
            single_line: false,
        }
    }
}

const ESC: char = '\u{1B}';
const BEL: char = '\u{07}';
const CAN: char = '\u{18}';
const SUB: char = '\u{1A}';
const C1_ST: char = '\u{9C}';

/// True for a character that no file name written by rawi may hold: C0 and
/// C1 controls (`\t`, `\n` included), bidi embeddings, overrides, isolates
/// and marks, zero-width and other invisible format characters. (A name with
/// U+202E shows reversed in every file manager.)
pub fn is_unsafe_in_file_name(c: char) -> bool {
    matches!(c, '\t' | '\n') || is_hidden(c, false)
}

/// True for characters that are removed or shown as placeholders, apart
/// from `\t`/`\n` (always kept by the scanner) and the line separators.
fn is_hidden(c: char, keep_bidi_format: bool) -> bool {
    match c {
        '\t' | '\n' => false,
        // C0, DEL, C1.
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        // Embeddings, overrides, pop: never obeyed.
        '\u{202A}'..='\u{202E}' => true,
        // Isolates, marks, and zero width space: for the bidi pass only.
        '\u{200B}' => !keep_bidi_format,
        c if is_bidi_isolate_or_mark(c) => !keep_bidi_format,
        // Invisible format characters that can hide or disguise text: soft
        // hyphen, Mongolian vowel separator, word joiner and invisible
        // operators, deprecated format characters (they switch digit shapes
        // and joining), BOM, interlinear annotation, tag characters (used
        // for "ASCII smuggling"; this drops subdivision flag tags too).
        '\u{00AD}'
        | '\u{180E}'
        | '\u{2060}'..='\u{2065}'
        | '\u{206A}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}' => true,
        _ => false,
    }
}

fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// True when [`scan`] would emit `input` unchanged.
fn is_clean(input: &str, policy: Policy) -> bool {
    // Fast path for ASCII: only C0 and DEL matter.
    let bytes = input.as_bytes();
    if bytes.is_ascii() {
        return bytes
            .iter()
            .all(|&b| (0x20..0x7F).contains(&b) || (!policy.single_line && (b == b'\t' || b == b'\n')));
    }
    input.chars().all(|c| {
        !is_hidden(c, policy.keep_bidi_format)
            && !is_line_separator(c)
            && !(policy.single_line && (c == '\t' || c == '\n'))
    })
}

fn sanitize(input: &str, policy: Policy) -> Cow<'_, str> {
    if is_clean(input, policy) {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    scan(input, policy, |_, c| {
        out.push(c);
        ControlFlow::Continue(())
    });
    Cow::Owned(out)
}

/// The text the analysis reads: `input` with every character that
/// [`for_terminal`] would drop (controls, whole escape sequences, bidi
/// controls, invisible format characters) replaced by spaces of the same
/// byte length. Offsets into the result are offsets into `input`, so the
/// article model still points into the text as it came, while the
/// parameters of `ESC ] 52 ;` are never counted as a number nor read as a
/// word (issue 13, defect 15). Line separators become `\n` and spaces.
pub fn for_analysis(input: &str) -> Cow<'_, str> {
    let policy = Policy::terminal(Hidden::Drop);
    if is_clean(input, policy) {
        return Cow::Borrowed(input);
    }
    let mut kept = Vec::with_capacity(input.len());
    scan(input, policy, |i, _| {
        kept.push(i);
        ControlFlow::Continue(())
    });
    let mut out = String::with_capacity(input.len());
    let mut next = kept.into_iter().peekable();
    for (i, c) in input.char_indices() {
        while next.next_if(|&k| k < i).is_some() {}
        if next.next_if_eq(&i).is_some() {
            if is_line_separator(c) {
                out.push('\n');
                out.push_str("  ");
            } else {
                out.push(c);
            }
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    debug_assert_eq!(out.len(), input.len());
    Cow::Owned(out)
}

/// Sanitizes `input` and, when anything changed, also returns for every
/// `char` of the result the byte offset in `input` it comes from (`None`
/// means the text is unchanged, so offsets are the identity).
pub(crate) fn sanitize_with_origins(input: &str, policy: Policy) -> (Cow<'_, str>, Option<Vec<usize>>) {
    if is_clean(input, policy) {
        return (Cow::Borrowed(input), None);
    }
    let mut out = String::with_capacity(input.len());
    let mut origins = Vec::with_capacity(input.len());
    scan(input, policy, |i, c| {
        out.push(c);
        origins.push(i);
        ControlFlow::Continue(())
    });
    (Cow::Owned(out), Some(origins))
}

/// The one scanner behind every function here. Calls `emit(offset, c)` for
/// each character of the sanitized text, in order, where `offset` is the
/// byte offset in `input` of the character it comes from (a placeholder's
/// characters all carry the offset of the hidden character). Stops early
/// when `emit` breaks. The layout uses the offsets to map every cell back to
/// the unsanitized text, which is what the article's spans point into.
pub(crate) fn scan(input: &str, policy: Policy, mut emit: impl FnMut(usize, char) -> ControlFlow<()>) {
    let mut it = input.char_indices();
    while let Some((i, c)) = it.next() {
        let flow = if c == '\t' || c == '\n' || is_line_separator(c) {
            let out = if policy.single_line {
                ' '
            } else if c == '\t' {
                '\t'
            } else {
                '\n'
            };
            emit(i, out)
        } else if !is_hidden(c, policy.keep_bidi_format) {
            emit(i, c)
        } else if policy.show_hidden {
            placeholder(c, |p| emit(i, p))
        } else {
            match c {
                ESC => skip_escape(&mut it),
                '\u{9B}' => skip_csi(&mut it),
                '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => skip_string(&mut it),
                _ => {}
            }
            ControlFlow::Continue(())
        };
        if flow.is_break() {
            return;
        }
    }
}

/// Emits the visible stand-in of a hidden character.
fn placeholder(c: char, mut emit: impl FnMut(char) -> ControlFlow<()>) -> ControlFlow<()> {
    let code = c as u32;
    if code < 0x20 || code == 0x7F {
        emit('^')?;
        // Caret notation: ESC (0x1B) is ^[, NUL is ^@, DEL is ^?.
        return emit(char::from((code as u8) ^ 0x40));
    }
    emit('<')?;
    emit('U')?;
    emit('+')?;
    let digits = if code > 0xFFFF { 5 } else { 4 };
    for k in (0..digits).rev() {
        let nibble = (code >> (4 * k)) & 0xF;
        emit(char::from_digit(nibble, 16).map_or('?', |d| d.to_ascii_uppercase()))?;
    }
    emit('>')
}

/// Skips what follows an ESC that belongs to its sequence.
fn skip_escape(it: &mut std::str::CharIndices<'_>) {
    let Some(next) = it.as_str().chars().next() else {
        return;
    };
    match next {
        '[' => {
            it.next();
            skip_csi(it);
        }
        ']' | 'P' | 'X' | '^' | '_' => {
            it.next();
            skip_string(it);
        }
        // nF: intermediates, then one final byte (`ESC ( B`, `ESC # 8`).
        ' '..='/' => {
            while matches!(it.as_str().chars().next(), Some(' '..='/')) {
                it.next();
            }
            if matches!(it.as_str().chars().next(), Some('0'..='~')) {
                it.next();
            }
        }
        // Fp, Fe, Fs: a single final byte (`ESC 7`, `ESC c`, a lone ST).
        '0'..='~' => {
            it.next();
        }
        // Anything else (a control, non-ASCII): only the ESC goes.
        _ => {}
    }
}

/// Skips a CSI body: parameter and intermediate bytes, then a final byte.
/// A malformed body ends at the first character that cannot belong to it,
/// which is then processed normally.
fn skip_csi(it: &mut std::str::CharIndices<'_>) {
    while matches!(it.as_str().chars().next(), Some(' '..='?')) {
        it.next();
    }
    if matches!(it.as_str().chars().next(), Some('@'..='~')) {
        it.next();
    }
}

/// Skips the body of OSC/DCS/SOS/PM/APC and its terminator.
fn skip_string(it: &mut std::str::CharIndices<'_>) {
    loop {
        let rest = it.as_str();
        let Some(c) = rest.chars().next() else {
            return;
        };
        match c {
            BEL | C1_ST | CAN | SUB => {
                it.next();
                return;
            }
            ESC => {
                if rest[1..].starts_with('\\') {
                    it.next();
                    it.next();
                }
                // Otherwise the ESC starts a new sequence: leave it.
                return;
            }
            '\n' | '\u{2028}' | '\u{2029}' => return,
            _ => {
                it.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn is_bidi_control(c: char) -> bool {
        matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }

    fn drop_t(s: &str) -> String {
        for_terminal(s, Hidden::Drop).into_owned()
    }

    fn show_t(s: &str) -> String {
        for_terminal(s, Hidden::Show).into_owned()
    }

    #[test]
    fn the_analysis_text_keeps_every_offset_and_no_hidden_character() {
        let raw = "said \u{1b}]52;c;aGVsbG8=\u{7} that \u{2067}7\u{2069} ships\u{2028}came \u{1b}[31mred";
        let seen = for_analysis(raw);
        assert_eq!(seen.len(), raw.len());
        assert!(!seen.contains("52") && !seen.contains("31m"), "{seen:?}");
        assert!(is_terminal_safe(&seen));
        assert_eq!(
            seen.split_whitespace().collect::<Vec<_>>(),
            ["said", "that", "7", "ships", "came", "red"]
        );
        for w in ["that", "7", "ships", "came", "red"] {
            assert_eq!(raw.find(w), seen.find(w), "{w}");
        }
        assert!(matches!(for_analysis("نص نظيف 60%"), Cow::Borrowed(_)));
    }

    #[test]
    fn clean_text_is_borrowed() {
        let ar = "أعلن رئيس الوزراء العراقي مصطفى الكاظمي، أمس، مغادرة 60 في المئة";
        assert!(matches!(for_terminal(ar, Hidden::Drop), Cow::Borrowed(_)));
        assert!(matches!(for_bidi("a\tb\nc", Hidden::Show), Cow::Borrowed(_)));
        // ZWNJ and ZWJ stay: they are part of words and emoji.
        let zw = "می\u{200C}خواهم 👩\u{200D}💻";
        assert!(matches!(for_terminal(zw, Hidden::Drop), Cow::Borrowed(_)));
        assert!(matches!(for_terminal_line("a\tb", Hidden::Drop), Cow::Owned(_)));
    }

    #[test]
    fn osc52_clipboard_write_is_removed_whole() {
        // BEL-terminated and ST-terminated forms, and the C1 OSC form.
        assert_eq!(drop_t("safe \x1b]52;c;ZXZpbA==\x07text"), "safe text");
        assert_eq!(drop_t("safe \x1b]52;c;ZXZpbA==\x1b\\text"), "safe text");
        assert_eq!(drop_t("safe \u{9d}52;c;ZXZpbA==\u{9c}text"), "safe text");
    }

    #[test]
    fn title_set_is_removed_and_shown_like_less() {
        let hostile = "before\x1b]0;pwned title\x07after";
        assert_eq!(drop_t(hostile), "beforeafter");
        assert_eq!(show_t(hostile), "before^[]0;pwned title^Gafter");
    }

    #[test]
    fn csi_clear_screen_and_colours_are_removed() {
        assert_eq!(drop_t("a\x1b[2J\x1b[Hb\x1b[1;31mc\x1b[0m"), "abc");
        assert_eq!(drop_t("x\x1b[?1049hy"), "xy");
        // C1 CSI (U+009B) is the same sequence in one character.
        assert_eq!(drop_t("safe \u{9b}31mred"), "safe red");
        assert_eq!(show_t("safe \u{9b}31mred"), "safe <U+009B>31mred");
    }

    #[test]
    fn other_escapes_and_lone_controls() {
        assert_eq!(drop_t("a\x1bcb"), "ab"); // RIS, full reset
        assert_eq!(drop_t("a\x1b(Bb"), "ab"); // charset
        assert_eq!(drop_t("a\x1b7b\x1b8c"), "abc"); // save/restore cursor
        assert_eq!(drop_t("a\x1b"), "a"); // ESC at the very end
        assert_eq!(drop_t("a\x1bأ"), "aأ"); // ESC before non-ASCII
        assert_eq!(drop_t("a\0b\x07c\x08d\x7fe\r\n"), "abcde\n");
        assert_eq!(show_t("a\0b\x7f\r"), "a^@b^?^M");
        assert_eq!(drop_t("tab\tnew\nline"), "tab\tnew\nline");
    }

    #[test]
    fn unterminated_strings_end_at_newline_or_new_escape() {
        assert_eq!(drop_t("a\x1b]0;never ends"), "a");
        assert_eq!(drop_t("a\x1bPdcs body\nnext paragraph"), "a\nnext paragraph");
        assert_eq!(drop_t("a\x1b]0;t\x1b[31mb"), "ab");
        assert_eq!(drop_t("a\x1b_apc\x18b"), "ab"); // CAN aborts
        assert_eq!(drop_t("a\u{9f}apc\u{9c}b\u{98}sos\x07c"), "abc");
    }

    #[test]
    fn trojan_source_overrides_are_never_obeyed() {
        // The CVE-2021-42574 sample: RLO ... LRI ... PDI ... PDF makes a
        // comment look like code. Overrides go; isolates stay only for bidi.
        let sample = "/*\u{202E} } \u{2066}if (isAdmin)\u{2069} \u{2066} begin admins only */";
        let bidi = for_bidi(sample, Hidden::Drop);
        assert!(!bidi.contains('\u{202E}'));
        assert!(bidi.contains('\u{2066}') && bidi.contains('\u{2069}'));
        assert_eq!(drop_t(sample), "/* } if (isAdmin)  begin admins only */");
        assert_eq!(
            show_t("x\u{202E}y\u{2067}z\u{200F}"),
            "x<U+202E>y<U+2067>z<U+200F>"
        );
    }

    #[test]
    fn invisible_formatting_and_separators() {
        assert_eq!(drop_t("\u{FEFF}a\u{200B}b\u{2060}c\u{00AD}d"), "abcd");
        assert_eq!(for_bidi("a\u{200B}b\u{200F}", Hidden::Drop), "a\u{200B}b\u{200F}");
        assert_eq!(drop_t("a\u{2028}b\u{2029}c"), "a\nb\nc");
        assert_eq!(
            for_terminal_line("t\x1b]2;x\x07i\tt\nle", Hidden::Drop),
            "ti t le"
        );
        assert_eq!(show_t("\u{E0041}"), "<U+E0041>");
    }

    #[test]
    fn offsets_point_at_the_source() {
        let input = "a\x1b[1mé\u{202E}b";
        let mut seen = Vec::new();
        scan(input, Policy::bidi(Hidden::Drop), |i, c| {
            seen.push((i, c));
            ControlFlow::Continue(())
        });
        assert_eq!(seen, vec![(0, 'a'), (5, 'é'), (10, 'b')]);
    }

    proptest! {
        #[test]
        fn output_never_holds_a_control_or_bidi_control(
            s in "(\\PC|[\\x00-\\x1f\\x7f\\u{80}-\\u{9f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{061c}]|\x1b\\[[0-9;]*[a-zA-Z]|\x1b\\][0-9];[a-z]*\x07){0,40}",
            show in any::<bool>(),
        ) {
            let hidden = if show { Hidden::Show } else { Hidden::Drop };
            let t = for_terminal(&s, hidden);
            prop_assert!(is_terminal_safe(&t));
            for c in t.chars() {
                prop_assert!(c == '\t' || c == '\n' || !c.is_control());
                prop_assert!(!is_bidi_control(c), "bidi control {:?}", c);
            }
            let line = for_terminal_line(&s, hidden);
            prop_assert!(!line.contains(['\n', '\t']));
            let b = for_bidi(&s, hidden);
            let bad = |c: char| ('\u{202A}'..='\u{202E}').contains(&c)
                || (c.is_control() && c != '\t' && c != '\n');
            prop_assert!(!b.contains(bad), "for_bidi kept {:?}", b);
            // Sanitizing is idempotent.
            let again = for_terminal(&t, Hidden::Drop);
            prop_assert_eq!(again.as_ref(), t.as_ref());
        }

        #[test]
        fn any_unicode_is_handled(s in any::<String>()) {
            prop_assert!(is_terminal_safe(&for_terminal(&s, Hidden::Drop)));
            prop_assert!(is_terminal_safe(&for_terminal(&s, Hidden::Show)));
        }
    }
}
