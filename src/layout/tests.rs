//! Layout tests on real Arabic lines and property tests.
//!
//! Fixtures are copied into this file (tests never read `/work/shared`).
//! Visual rows are compared in Buckwalter transliteration (`bw`), pure
//! ASCII read left to right = cell 0 onwards, because a bidi-aware editor
//! or diff viewer re-reorders raw Arabic rows and shows them wrong. Harakat
//! (`u`, `F`) take no cell of their own, so a Buckwalter row may look longer
//! than its width. Indents are drawn as spaces.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::*;
use crate::sanitize::{for_terminal, is_terminal_safe};

/// Buckwalter transliteration of Arabic; other characters pass through.
fn bw(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ا' => 'A',
            'ب' => 'b',
            'ت' => 't',
            'ث' => 'v',
            'ج' => 'j',
            'ح' => 'H',
            'خ' => 'x',
            'د' => 'd',
            'ذ' => '*',
            'ر' => 'r',
            'ز' => 'z',
            'س' => 's',
            'ش' => '$',
            'ص' => 'S',
            'ض' => 'D',
            'ط' => 'T',
            'ظ' => 'Z',
            'ع' => 'E',
            'غ' => 'g',
            'ف' => 'f',
            'ق' => 'q',
            'ك' => 'k',
            'ل' => 'l',
            'م' => 'm',
            'ن' => 'n',
            'ه' => 'h',
            'و' => 'w',
            'ي' => 'y',
            'ى' => 'Y',
            'ة' => 'p',
            'ء' => '\'',
            'أ' => '>',
            'إ' => '<',
            'ؤ' => '&',
            'ئ' => '}',
            'آ' => '|',
            'ً' => 'F',
            'ٌ' => 'N',
            'ٍ' => 'K',
            'َ' => 'a',
            'ُ' => 'u',
            'ِ' => 'i',
            'ّ' => '~',
            'ْ' => 'o',
            '،' => ',',
            'ـ' => '_',
            c => c,
        })
        .collect()
}

/// The rows as drawn: indent spaces, then the cells.
fn drawn(text: &str, width: u16, dir: Option<Direction>) -> Vec<String> {
    layout_paragraph(text, width, dir)
        .iter()
        .map(|l| format!("{}{}", " ".repeat(usize::from(l.indent)), l.text()))
        .collect()
}

fn drawn_bw(text: &str, width: u16, dir: Option<Direction>) -> Vec<String> {
    drawn(text, width, dir).iter().map(|r| bw(r)).collect()
}

/// bidi.md §7.1 sample: the seed's third paragraph (first sentence) plus a
/// sentence with `120`, `27%`, « », harakat and lam-alef.
const SAMPLE: &str = "أعلن رئيس الوزراء العراقي مصطفى الكاظمي، أمس، مغادرة 60 في المئة من قوات التحالف الدولي أراضي بلاده، بعد التطور الكبير لقوات الأمن. وقال إن 120 مستشاراً فقط سيبقون، وإن «داعش» لم يعد عُنصراً فاعلاً إلا في 27% من المناطق.";

/// bidi.md §7.2 (b): the same sample at 40 columns, as the terminal grid
/// held it, verified against GNU FriBidi's reordering (10/10 lines).
const SAMPLE_ROWS_40: [&str; 6] = [
    "،يمظاكلا ىفطصم يقارعلا ءارزولا سيئر نلعأ",
    " فلاحتلا تاوق نم ةئملا يف 60 ةرداغم ،سمأ",
    "   ريبكلا روطتلا دعب ،هدالب يضارأ يلودلا",
    "    طقف اًراشتسم 120 نإ لاقو .نمألا تاوقل",
    "   اًلعاف اًرصنعُ دعي مل «شعاد» نإو ،نوقبيس",
    "                  .قطانملا نم %27 يف الإ",
];

#[test]
fn sample_matches_the_fribidi_verified_grid() {
    assert_eq!(drawn(SAMPLE, 40, None), SAMPLE_ROWS_40);
    // The same, readable:
    assert_eq!(
        drawn_bw(SAMPLE, 40, None),
        [
            ",ymZAklA YfTSm yqArElA 'ArzwlA sy}r nlE>",
            " flAHtlA tAwq nm p}mlA yf 60 prdAgm ,sm>",
            "   rybklA rwTtlA dEb ,hdAlb yDAr> ylwdlA",
            "    Tqf AFrA$tsm 120 n< lAqw .nm>lA tAwql",
            "   AFlEAf AFrSnEu dEy ml «$EAd» n<w ,nwqbys",
            "                  .qTAnmlA nm %27 yf Al<",
        ]
    );
}

#[test]
fn seed_title_percent_before_number() {
    // Seed line 1, `%60 mn qwAt AltHAlf Aldwly tgAdr AlErAq`. Here `%` comes
    // first in logical order and follows no Arabic letter, so `%60` is one
    // European-number run (W5) at level 2: it reads `%60`, at the right end.
    let title = "%60 من قوات التحالف الدولي تغادر العراق";
    assert_eq!(
        drawn_bw(title, 60, None),
        ["                     qArElA rdAgt ylwdlA flAHtlA tAwq nm %60"]
    );
    assert_eq!(
        drawn_bw(title, 20, None),
        [" flAHtlA tAwq nm %60", " qArElA rdAgt ylwdlA"]
    );
}

#[test]
fn seed_numbers_read_left_to_right_and_harakat_stay() {
    // Seed, the spokesman's statement:
    // `>sfrt En tdmyr 120 khfAF wwkrAF wqtl27 EunSrAF mn dAE_$`
    // `120` stays `120`; `27` glued to `wqtl` stays `27`, left of the word;
    // the damma stays on ain and the tanwin on alef (`AFrSnEu`).
    let line = "أسفرت عن تدمير 120 كهفاً ووكراً وقتل27 عُنصراً من داعـش";
    assert_eq!(
        drawn_bw(line, 60, None),
        ["         $_EAd nm AFrSnEu 27ltqw AFrkww AFfhk 120 rymdt nE trfs>"]
    );
    let cells = &layout_paragraph(line, 60, None)[0].cells;
    let damma = cells
        .iter()
        .find(|c| c.text.contains('\u{64F}'))
        .map(|c| c.text.as_str());
    assert_eq!(damma, Some("عُ"));
}

#[test]
fn years_and_nfc_harakat() {
    // Not from the seed: `fy EAm 2015m` في عام 2015م. The year stays `2015`;
    // the meem glued after it (logically) is drawn on its left.
    assert_eq!(drawn_bw("في عام 2015م", 12, None), ["m2015 mAE yf"]);
    // Seed `mh~dA` مهّدا with shadda typed after fatha: NFC puts the marks
    // in canonical order (fatha, ccc 30, before shadda, ccc 33) in the cell.
    let line = &layout_paragraph("مهّ\u{64E}دا", 10, None)[0];
    assert!(line.cells.iter().any(|c| c.text == "ه\u{64E}\u{651}"));
}

#[test]
fn seed_paragraph_rows_and_right_edge() {
    // Seed paragraph 3: the first three rows are those of the sample; the
    // last one is `lqwAt Al>mn.` alone, right-aligned, full stop on its left.
    let para = "أعلن رئيس الوزراء العراقي مصطفى الكاظمي، أمس، مغادرة 60 في المئة من قوات التحالف الدولي أراضي بلاده، بعد التطور الكبير لقوات الأمن.";
    let rows = drawn(para, 40, Some(Direction::Rtl));
    assert_eq!(rows[..3], SAMPLE_ROWS_40[..3]);
    assert_eq!(bw(&rows[3]), format!("{}.nm>lA tAwql", " ".repeat(28)));
    // No row loses cells at the right edge: every row ends flush at 40.
    for line in layout_paragraph(para, 40, None) {
        assert_eq!(line.indent + line.width(), 40);
    }
}

#[test]
fn lam_alef_takes_two_cells() {
    // `blAdh` بلاده: the string-level width is 4, a terminal draws 5 cells.
    assert_eq!("بلاده".width(), 4);
    let lines = layout_paragraph("بلاده", 5, None);
    assert_eq!(lines.len(), 1);
    assert_eq!((lines[0].width(), lines[0].indent), (5, 0));
    assert_eq!(bw(&lines[0].text()), "hdAlb");
    // At width 4 it does not fit and is broken, never cut.
    let lines = layout_paragraph("بلاده", 4, None);
    assert_eq!(lines.iter().map(VisualLine::width).sum::<u16>(), 5);
}

#[test]
fn mixed_paragraphs_from_bidi_md() {
    // An RTL paragraph with Latin, digits and parentheses (mirrored), and an
    // LTR one with Arabic, `60%` and guillemets (not mirrored at LTR level).
    let rtl = "قال مسؤول في NATO إن 60 جندياً (من أصل 120) غادروا.";
    let ltr = "The Iraqi PM (مصطفى الكاظمي) said 60% of «قوات التحالف» left.";
    assert_eq!(
        drawn_bw(rtl, 40, None),
        [
            "   lS> nm) AFydnj 60 n< NATO yf lw&sm lAq",
            "                            .AwrdAg (120"
        ]
    );
    assert_eq!(
        drawn_bw(ltr, 40, None),
        ["The Iraqi PM (ymZAklA YfTSm) said 60% of", "«flAHtlA tAwq» left."]
    );
}

#[test]
fn highlights_map_through_logical_offsets() {
    // bidi.md §7.3: the byte span of «داعش» lands on the cells «شعاد».
    let start = SAMPLE.find('«').unwrap();
    let end = SAMPLE.find('»').unwrap() + '»'.len_utf8();
    let lines = layout_paragraph(SAMPLE, 40, None);
    let row = &lines[4];
    let hit: Vec<usize> = (0..row.cells.len())
        .filter(|&i| (start..end).contains(&row.cells[i].logical))
        .collect();
    assert_eq!(hit.len(), 6);
    assert!(hit.windows(2).all(|w| w[1] == w[0] + 1), "contiguous");
    let text: String = hit.iter().map(|&i| row.cells[i].text.as_str()).collect();
    assert_eq!(bw(&text), "«$EAd»");
}

#[test]
fn hostile_text_never_reaches_a_cell() {
    let hostile = "قال\x1b]0;pwned\x07 «\u{202E}txt.exe\u{202C}» \u{9b}2J\x1b]52;c;ZXZpbA==\x07 \u{2067}NATO\u{2069} انتهى\u{200F}";
    for hidden in [Hidden::Drop, Hidden::Show] {
        let opts = LayoutOptions {
            base_dir: None,
            hidden,
        };
        for line in layout_lines(hostile, 30, opts) {
            for cell in &line.cells {
                assert!(is_terminal_safe(&cell.text), "{:?}", cell.text);
            }
        }
    }
    let rows = drawn_bw(hostile, 40, None);
    // Escape sequences are gone whole (two spaces remain where they sat);
    // the override is not obeyed, so `txt.exe` reads as written; the
    // guillemets around it are at the RTL level, hence mirrored.
    assert_eq!(rows, ["               YhtnA NATO  «txt.exe» lAq"]);
    let shown: String = layout_lines(
        "a\u{202E}b",
        40,
        LayoutOptions {
            base_dir: None,
            hidden: Hidden::Show,
        },
    )
    .map(|l| l.text())
    .collect();
    assert_eq!(shown, "a<U+202E>b");
}

#[test]
fn shown_hidden_characters_are_placeholders_never_applied() {
    // A right-to-left isolate reverses the digit groups of an account
    // number when obeyed: with hidden characters shown it is a placeholder
    // and the number reads as stored.
    let text = "Transfer to account \u{2067}1111 2222 3333\u{2069} now. \u{200F}Mark and zero\u{200B}width.";
    let show = LayoutOptions {
        base_dir: None,
        hidden: Hidden::Show,
    };
    let shown: String = layout_lines(text, 200, show).map(|l| l.text()).collect();
    assert_eq!(
        shown,
        "Transfer to account <U+2067>1111 2222 3333<U+2069> now. <U+200F>Mark and zero<U+200B>width."
    );
    // Dropped, the isolate is applied (its content is right-to-left) and
    // never written.
    let dropped: String = layout_lines(text, 200, LayoutOptions::default())
        .map(|l| l.text())
        .collect();
    assert!(
        dropped.contains("3333 2222 1111") && !dropped.contains("U+"),
        "{dropped}"
    );
}

#[test]
fn edge_cases_are_defined() {
    assert!(layout_paragraph("أي شيء", 0, None).is_empty());
    assert!(layout_paragraph("", 40, None).is_empty());
    assert_eq!(layout_paragraph("\n", 40, None), vec![VisualLine::default()]);
    assert_eq!(drawn("a\n\nb\n", 10, None), ["a", "", "b"]);
    // Width 1: one cell per row, a wide character becomes U+FFFD.
    assert_eq!(drawn("中a", 1, None), ["\u{FFFD}", "a"]);
    // Rows break in logical order: lam, then alef.
    assert_eq!(drawn_bw("لا", 1, None), ["l", "A"]);
    // A lone mark sits on a dotted circle.
    assert_eq!(drawn("\u{64F}", 3, Some(Direction::Ltr)), ["\u{25CC}\u{64F}"]);
    // Digits only: no strong letter, the caller's direction decides.
    assert_eq!(drawn("2015", 6, None), ["2015"]);
    assert_eq!(drawn("2015", 6, Some(Direction::Rtl)), ["  2015"]);
    assert_eq!(paragraph_direction("\x1b]0;Title\x07 قال"), Some(Direction::Rtl));
    assert_eq!(
        paragraph_direction("\u{2066}abc\u{2069} قال"),
        Some(Direction::Rtl)
    );
    assert_eq!(paragraph_direction("123 ..."), None);
}

#[test]
fn pure_ltr_text_is_unchanged() {
    let text = "The Iraqi PM said 60% of the coalition (NATO) left [2021].";
    for line in layout_paragraph(text, 17, None) {
        let start = line.cells[0].logical;
        let end = line.cells.last().map(|c| c.logical + c.text.len()).unwrap();
        assert_eq!(line.text(), &text[start..end]);
        assert_eq!(line.indent, 0);
    }
}

#[test]
fn a_megabyte_without_spaces_is_linear() {
    // 512 Ki Arabic letters (1 MiB of UTF-8), no space: broken by grapheme.
    let text = "ب".repeat(512 * 1024);
    let lines = layout_paragraph(&text, 80, None);
    assert_eq!(lines.len(), 512 * 1024 / 80 + 1);
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l.width() == 80 && l.indent == 0)
    );
    // The lazy form skips rows without building them.
    let mut it = layout_lines(&text, 80, LayoutOptions::default());
    let last = it.nth(lines.len() - 1).unwrap();
    assert_eq!(last, lines[lines.len() - 1]);
    assert!(it.next().is_none());
}

#[test]
fn lazy_rows_equal_eager_rows() {
    let text = format!("{SAMPLE}\n{SAMPLE}\n\nThe end.");
    let eager = layout_paragraph(&text, 33, None);
    let lazy: Vec<VisualLine> = layout_lines(&text, 33, LayoutOptions::default()).collect();
    assert_eq!(eager, lazy);
    let mut it = layout_lines(&text, 33, LayoutOptions::default());
    assert_eq!(it.nth(9).as_ref(), eager.get(9));
    assert_eq!(it.next().as_ref(), eager.get(10));
    assert_eq!(it.direction(), Direction::Rtl);
}

// ---- properties ----------------------------------------------------------

/// Pieces hostile and ordinary: Arabic with harakat and lam-alef, Latin,
/// digits of both scripts, brackets, spaces, bidi controls, escapes.
const PIECES: &[&str] = &[
    "قال",
    "الكاظمي",
    "عُنصراً",
    "لا",
    "في",
    "ب",
    "60",
    "120",
    "2015",
    "%",
    "٢٧",
    "1,000",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    "(",
    ")",
    "«",
    "»",
    "[",
    "]",
    ".",
    "،",
    "NATO",
    "said",
    "x",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{202A}",
    "\u{202B}",
    "\u{202D}",
    "\u{202E}",
    "\u{202C}",
    "\u{200B}",
    "\u{200D}",
    "\u{64E}",
    "\x1b[2J",
    "\x1b]0;t\x07",
    "\x1b]52;c;eA==",
    "\u{9b}31m",
    "\x00",
    "\x7f",
    "\r",
    "中",
    "😀",
    "\u{A0}",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn direction() -> impl Strategy<Value = Option<Direction>> {
    prop::sample::select(vec![None, Some(Direction::Ltr), Some(Direction::Rtl)])
}

/// Maps a character and its mirror image to the same character.
fn unmirror(c: char) -> char {
    match mirror::mirrored(c) {
        Some(m) if m < c => m,
        _ => c,
    }
}

fn check_invariants(text: &str, width: u16, dir: Option<Direction>) -> Result<(), TestCaseError> {
    let lines = layout_paragraph(text, width, dir);
    if width == 0 {
        prop_assert!(lines.is_empty());
    }
    let mut previous_max: Option<usize> = None;
    for line in &lines {
        prop_assert!(u32::from(line.indent) + u32::from(line.width()) <= u32::from(width));
        for cell in &line.cells {
            prop_assert!(is_terminal_safe(&cell.text), "unsafe cell {:?}", cell.text);
            prop_assert!(!cell.text.contains(['\t', '\n']));
            prop_assert_eq!(cell.text.graphemes(true).count(), 1, "{:?}", cell.text);
            prop_assert!(cell.width >= 1);
            prop_assert_eq!(usize::from(cell.width), cell.text.width().max(1));
            prop_assert!(cell.logical < text.len() && text.is_char_boundary(cell.logical));
            // The cell shows the character found at its offset (mirrored or
            // substituted at most).
            let shown = cell.text.trim_start_matches('\u{25CC}').chars().next();
            let source = text[cell.logical..]
                .chars()
                .next()
                .map(|c| if c == '\t' { ' ' } else { c });
            if shown != Some('\u{FFFD}') {
                prop_assert_eq!(shown.map(unmirror), source.map(unmirror));
            }
        }
        // A line is a permutation of one stretch of the paragraph: sorted by
        // offset, its cells come after every cell of the lines before.
        let mut offsets: Vec<usize> = line.cells.iter().map(|c| c.logical).collect();
        offsets.sort_unstable();
        prop_assert!(offsets.windows(2).all(|w| w[0] < w[1]), "a grapheme twice");
        if let (Some(prev), Some(&first)) = (previous_max, offsets.first()) {
            prop_assert!(prev < first, "lines overlap or go backwards");
        }
        if let Some(&last) = offsets.last() {
            previous_max = Some(last);
        }
        // Digit runs keep their order: a digit followed in the source by a
        // digit in the same line is followed by it on screen too.
        for (i, cell) in line.cells.iter().enumerate() {
            let is_digit = |s: &str| s.len() == 1 && s.as_bytes()[0].is_ascii_digit();
            if !is_digit(&cell.text) {
                continue;
            }
            if let Some(j) = line.cells.iter().position(|c| c.logical == cell.logical + 1)
                && is_digit(&line.cells[j].text)
            {
                prop_assert_eq!(j, i + 1, "digits out of order in {:?}", line.text());
            }
        }
    }
    // Nothing is lost: every visible character of the sanitized text is in
    // some cell (spaces aside, which may end a line).
    if width >= 2 {
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        let expected = visible(&for_terminal(text, Hidden::Drop));
        let got: usize = lines
            .iter()
            .flat_map(|l| &l.cells)
            .map(|c| visible(c.text.trim_start_matches('\u{25CC}')))
            .sum();
        prop_assert_eq!(got, expected);
    }
    Ok(())
}

// 256 cases each by default; `PROPTEST_CASES=20000 cargo test --lib layout`
// for a longer run.
proptest! {
    #[test]
    fn invariants_hold_on_mixed_hostile_text(
        text in paragraph(),
        width in 0u16..50,
        dir in direction(),
    ) {
        check_invariants(&text, width, dir)?;
    }

    #[test]
    fn invariants_hold_on_any_unicode(
        text in "\\PC{0,80}|(\\PC|[\\x00-\\x1f\\u{80}-\\u{9f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}]){0,80}",
        width in 0u16..12,
        dir in direction(),
    ) {
        // Arbitrary text may compose under NFC, so only the structural
        // invariants are checked here.
        let lines = layout_paragraph(&text, width, dir);
        for line in &lines {
            prop_assert!(u32::from(line.indent) + u32::from(line.width()) <= u32::from(width));
            for cell in &line.cells {
                prop_assert!(is_terminal_safe(&cell.text) && !cell.text.contains(['\t', '\n']));
                prop_assert!(cell.width >= 1);
                prop_assert!(text.is_char_boundary(cell.logical) && cell.logical < text.len());
            }
        }
    }
}
