//! Frame tests: the reader drawn into ratatui's `TestBackend`.
//!
//! Whole screens of the seed article are compared row by row with the
//! files in `src/tui/testdata/` (visual order, as the terminal shows it; a
//! bidi-aware editor will re-reorder the Arabic, so review them in a plain
//! terminal with `cat`). `RAWI_BLESS=1 cargo test` rewrites them after a
//! deliberate change; review the diff before committing.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use rawi::{Document, analyze};

use super::app::{Action, App, Focus, Options, Target};
use super::view;

fn seed_app(w: u16, h: u16, opts: Options) -> App {
    let text = include_str!("../../seeds/000_9237d8f2f57de89b.txt");
    App::new(analyze(Document::from_text("seed", text)), (w, h), opts)
}

fn buffer(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as rows of text. The blank half of a wide cell is skipped, as
/// a terminal shows it.
fn rows(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (0..a.height)
        .map(|y| {
            let mut s = String::new();
            let mut skip = 0;
            for x in 0..a.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
                s.push_str(sym);
            }
            s
        })
        .collect()
}

fn check_screen(name: &str, got: &[String]) {
    let path = format!("{}/src/tui/testdata/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let got = got.join("\n") + "\n";
    if std::env::var_os("RAWI_BLESS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "{name}: row {i} differs");
    }
    assert_eq!(got.lines().count(), want.lines().count(), "{name}: row count");
}

/// No cell may carry a control, an escape or a bidi control.
fn assert_clean(buf: &Buffer) {
    for cell in buf.content() {
        let s = cell.symbol();
        assert!(
            rawi::sanitize::is_terminal_safe(s) && !s.contains(['\t', '\n']),
            "unsafe cell {s:?}"
        );
    }
}

#[test]
fn seed_at_120x40() {
    let app = seed_app(120, 40, Options::default());
    let buf = buffer(&app);
    check_screen("seed_120x40", &rows(&buf));
    assert_clean(&buf);
}

#[test]
fn seed_at_60x20() {
    let app = seed_app(60, 20, Options::default());
    let buf = buffer(&app);
    check_screen("seed_60x20", &rows(&buf));
    assert_clean(&buf);
}

#[test]
fn seed_at_60x20_after_a_section_jump_with_speakers_focused() {
    let mut app = seed_app(60, 20, Options::default());
    app.feed("]]]]<Tab><Tab>o");
    let buf = buffer(&app);
    check_screen("seed_60x20_section3_speakers", &rows(&buf));
    assert_clean(&buf);
}

#[test]
fn right_to_left_rows_end_at_the_right_edge_of_the_text() {
    let app = seed_app(120, 40, Options::default());
    let a = app.areas().unwrap();
    let buf = buffer(&app);
    let mut checked = 0;
    for y in a.text.y..a.text.bottom() {
        let used: Vec<u16> = (a.text.x..a.text.right())
            .filter(|&x| buf[(x, y)].symbol() != " ")
            .collect();
        if let Some(&last) = used.last() {
            assert_eq!(last, a.text.right() - 1, "row {y} is right-aligned");
            checked += 1;
        }
    }
    assert!(checked > 20);
    // …and the side column is on the left of a right-to-left article.
    assert!(a.sections.x < a.article.x);
}

#[test]
fn numbers_read_in_their_own_order() {
    let mut app = seed_app(120, 40, Options::default());
    let top = rows(&buffer(&app)).join("\n");
    assert!(top.contains(" 60 "), "60 shows as 60");
    assert!(!top.contains("06"));
    app.feed("G");
    let end = rows(&buffer(&app)).join("\n");
    assert!(end.contains(" 120 "), "120 shows as 120:\n{end}");
    assert!(!end.contains("021"));
    // The two numbers, in reading order of the article: 60 comes before 120.
    let text = &app.article.text;
    assert!(text.find("60").unwrap() < text.find("120").unwrap());
}

#[test]
fn highlights_show_without_colour() {
    let mut app = seed_app(
        120,
        40,
        Options {
            color: false,
            ..Options::default()
        },
    );
    app.feed("]q");
    let Some(Target::Quote(q)) = app.current else {
        panic!("a quote is current")
    };
    let buf = buffer(&app);
    let a = app.areas().unwrap();
    let reversed: Vec<_> = (a.text.y..a.text.bottom())
        .flat_map(|y| (a.text.x..a.text.right()).map(move |x| (x, y)))
        .filter(|&p| buf[p].modifier.contains(Modifier::REVERSED | Modifier::BOLD))
        .collect();
    assert!(!reversed.is_empty(), "the current quote is reversed and bold");
    for cell in buf.content() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "no colour under NO_COLOR"
        );
    }
    // Focus shows as a thick border with a marker, not a colour.
    assert!(rows(&buf)[0].contains("┏ ▶ Article"));
    assert!(app.article.quotes[q].span.start > 0);
}

#[test]
fn lines_set_aside_are_shown_dimmed_in_place_and_f_hides_them() {
    let mut app = seed_app(120, 40, Options::default());
    // The seed's font-size widget, set aside by the analysis, sits between
    // the title and the first paragraph: in place, and dimmed.
    let widget: String = "ت + ت - الحجم الطبيعي".chars().rev().collect();
    let buf = buffer(&app);
    let a = app.areas().unwrap();
    let shown = rows(&buf);
    let y = shown
        .iter()
        .position(|r| r.contains(&widget))
        .expect("the widget is on screen");
    assert_eq!(
        y,
        usize::from(a.text.y) + 2,
        "right below the title and its blank row"
    );
    let y = y as u16;
    let cells: Vec<_> = (a.text.x..a.text.right())
        .map(|x| &buf[(x, y)])
        .filter(|c| c.symbol() != " ")
        .collect();
    assert!(!cells.is_empty());
    assert!(cells.iter().all(|c| c.modifier.contains(Modifier::DIM)), "dimmed");
    // `F` hides it and the first paragraph moves up; `F` brings it back.
    app.feed("F");
    let hidden = rows(&buffer(&app));
    assert!(hidden.iter().all(|r| !r.contains(&widget)));
    assert!(app.message.as_deref().is_some_and(|m| m.contains("hidden")));
    let article = |r: &str| r.split_once('┃').map(|(_, t)| t.to_string()).unwrap();
    assert_eq!(
        article(&hidden[usize::from(y)]),
        article(&shown[usize::from(y) + 2])
    );
    app.feed("F");
    assert_eq!(rows(&buffer(&app))[..38], shown[..38]);
}

#[test]
fn search_hits_are_marked_and_counted() {
    let mut app = seed_app(120, 40, Options::default());
    app.feed("/داعش<Enter>");
    let buf = buffer(&app);
    let status = rows(&buf).pop().unwrap();
    assert!(status.contains("[1/2]"), "{status}");
    let hits = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::REVERSED | Modifier::UNDERLINED))
        .count();
    assert_eq!(hits, 4, "the four letters of the current hit");
    assert_clean(&buf);
}

#[test]
fn help_lists_the_keymap_of_the_focused_pane() {
    let mut app = seed_app(120, 40, Options::default());
    app.feed("?");
    let screen = rows(&buffer(&app)).join("\n");
    assert!(screen.contains("Keys: Article"));
    assert!(screen.contains("]q"), "{screen}");
    assert!(screen.contains("next quote of the same speaker"));
    app.feed("q<Tab>?");
    let screen = rows(&buffer(&app)).join("\n");
    assert!(screen.contains("Keys: Sections"));
    assert!(screen.contains("jump the article to the item"));
    assert!(!screen.contains("next quote of the same speaker"));
    assert_eq!(app.focus, Focus::Sections);
}

#[test]
fn a_terminal_too_small_gets_a_message_and_no_panic() {
    let mut app = seed_app(20, 5, Options::default());
    let screen = rows(&buffer(&app));
    assert_eq!(screen[0], "Terminal too small  ");
    assert_eq!(screen[1], "need 24x6           ");
    for (w, h) in [(1, 1), (0, 0), (24, 6), (2, 40), (300, 3)] {
        app.update(Action::Resize(w, h));
        app.feed("]q]]G<Tab>j?");
        let buf = buffer(&app);
        assert_clean(&buf);
        app.feed("q");
    }
}

#[test]
fn terminal_bidi_mode_sends_logical_order_right_aligned() {
    let app = seed_app(
        120,
        40,
        Options {
            bidi: super::app::BidiMode::Terminal,
            ..Options::default()
        },
    );
    let a = app.areas().unwrap();
    let row = &rows(&buffer(&app))[usize::from(a.text.y)];
    assert!(row.contains("%60 من قوات التحالف الدولي تغادر العراق ┃"), "{row}");
}

#[test]
fn hostile_text_reaches_no_cell() {
    let text = "عنوان \u{1b}]0;pwned\u{7}خبر\n\n\u{202E}abc\u{202C} قال «نص \u{1b}[31mأحمر\u{1b}[0m» \u{9b}2J\u{0}\u{7f}\t.\n\n\u{2067}داعش\u{2069} \u{200f}x\u{200b}y";
    let article = analyze(Document::from_text("hostile", text));
    for (w, h) in [(120, 40), (60, 20), (24, 6)] {
        let mut app = App::new(article.clone(), (w, h), Options::default());
        let buf = buffer(&app);
        assert_clean(&buf);
        let screen = rows(&buf).join("\n");
        assert!(!screen.contains("pwned") && !screen.contains("31m"), "{screen}");
        app.feed("/داعش<Enter><Tab>?");
        assert_clean(&buffer(&app));
    }
}
