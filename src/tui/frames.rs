//! Frame tests: the seed article drawn into ratatui's `TestBackend`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rawi::{Document, analyze};

use super::app::{App, Options};
use super::view;

pub(crate) fn seed_app(w: u16, h: u16) -> App {
    let text = include_str!("../../seeds/000_9237d8f2f57de89b.txt");
    App::new(
        analyze(Document::from_text("seed", text)),
        (w, h),
        Options::default(),
    )
}

/// The screen as rows of text (wide cells' blank halves skipped).
pub(crate) fn screen(app: &App) -> Vec<String> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::render(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

#[test]
fn dump() {
    let mut app = seed_app(120, 40);
    for r in screen(&app) {
        println!("{r}");
    }
    app.feed("]q]q]q");
    for r in screen(&app) {
        println!("{r}");
    }
    let app = seed_app(60, 20);
    for r in screen(&app) {
        println!("{r}");
    }
}
