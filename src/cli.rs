//! Command line: `rawi [OPTIONS] [+N] [PATH...]` opens the reader (one
//! article) or the library (several: folders, files, JSONL dumps, stdin);
//! `rawi extract [--format json|jsonl|markdown] PATH...` prints;
//! `rawi completions SHELL` and `rawi man` print what the CLI definition
//! generates.
//!
//! stdout carries data only; messages go to stderr as `rawi: PATH: message`.
//! Exit status: 0 when every input was analysed, 2 when any input could not
//! be read (the others are still printed), 2 for usage errors. A closed pipe
//! (`rawi extract … | head`) ends quietly.

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// A message on stderr, its controls made visible (a file name or a record
/// field may hold escape sequences), and never a panic: `eprintln!` panics
/// when stderr is full or closed, and then there is nowhere left to say it.
macro_rules! say {
    ($($arg:tt)*) => {{
        let message = format!($($arg)*);
        let _ = writeln!(
            io::stderr(),
            "{}",
            rawi::sanitize::for_terminal_line(&message, rawi::sanitize::Hidden::Show)
        );
    }};
}
use rawi::source::{self, Document, InputError, Loaded};
use rawi::{Article, analyze};

/// The sample articles shipped in `seeds/`, embedded so `rawi` works from any folder.
/// Bytes over which the reader shows a single article from its outline
/// first: the whole analysis of 4 MB takes about 20 ms, too short to see.
const OUTLINE_FIRST: usize = 4 << 20;

const SEEDS: &[(&str, &str)] = &[(
    "seeds/000_9237d8f2f57de89b.txt",
    include_str!("../seeds/000_9237d8f2f57de89b.txt"),
)];

#[derive(Parser, Debug)]
#[command(
    name = "rawi",
    version,
    about = "A terminal reader for news articles: sections, quoted speakers and numbers",
    long_about = "A terminal reader for news articles (Arabic and English): sections, quoted \
speakers and numbers.\n\nOne article opens in the reader; several (folders, files, JSONL \
dumps, stdin) open the library, with a speaker index across all of them.",
    after_help = "Examples:\n  rawi                     the bundled sample\n  rawi news/               \
every .txt/.json/.jsonl under news/\n  rawi +12 article.txt     at paragraph 12\n  \
rawi --quote 3 a.txt     at the third quote\n  cmd | rawi -             articles from stdin\n  \
rawi extract -f markdown a.txt"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles or folders to read (.txt, .json, .jsonl, searched recursively in
    /// folders; `-` reads stdin); without any, the bundled samples. `+N` before
    /// a file opens it at paragraph N.
    #[arg(value_name = "PATH")]
    paths: Vec<String>,
    /// Who reorders right-to-left text: rawi (`app`), the terminal, or nobody
    /// (`off`) [default: from the config file, else app].
    #[arg(long, value_enum)]
    bidi: Option<Bidi>,
    /// Mouse: wheel scrolls the pane under the pointer, click focuses and selects.
    #[arg(long)]
    mouse: bool,
    /// Show invisible and control characters of the article as placeholders
    /// (`<U+202E>`, `^[`) instead of dropping them, like `less -U` (`U` toggles).
    #[arg(long)]
    show_hidden: bool,
    /// Open the article at section N (1 = the lead).
    #[arg(long, value_name = "N")]
    section: Option<usize>,
    /// Open the article at quote N.
    #[arg(long, value_name = "N")]
    quote: Option<usize>,
    /// Configuration file [default: $XDG_CONFIG_HOME/rawi/config.toml].
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Bidi {
    /// rawi reorders and turns the terminal's bidi off (CSI 8 l).
    App,
    /// The terminal reorders (it always does): rawi sends logical order.
    Terminal,
    /// Nobody reorders (debugging).
    Off,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the analysis of articles (plain text, JSON or JSONL; `-` reads stdin).
    Extract {
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Print only these items, as the reader's export does.
        #[arg(long, value_enum)]
        select: Option<Select>,
        /// Only where this speaker is quoted (name or alias; diacritics,
        /// tatweel and alef forms ignored). Alone, it selects their quotes.
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Article files; `-` for standard input.
        #[arg(required = true)]
        paths: Vec<String>,
    },
    /// Print a shell completion script (e.g. `rawi completions bash > /etc/bash_completion.d/rawi`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `rawi man > rawi.1; man ./rawi.1`.
    Man,
}

/// What `extract --select` prints.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Select {
    /// Quotes, with their speakers.
    Quotes,
    /// Numbers.
    Numbers,
    /// Sections, with their quotes and numbers.
    Sections,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One pretty JSON object (an array when there are several articles).
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A readable digest.
    Markdown,
}

/// Runs the command line and returns the exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let result = match cli.command {
        Some(Command::Extract {
            format,
            select: None,
            speaker: None,
            paths,
        }) => extract(format, &paths),
        Some(Command::Extract {
            format,
            select,
            speaker,
            paths,
        }) => extract_selected(
            format,
            select.unwrap_or(Select::Quotes),
            speaker.as_deref(),
            &paths,
        ),
        Some(Command::Completions { shell }) => {
            // Into a buffer first: `generate` panics on a write error (a
            // closed pipe, a full disk); writing it ourselves returns one.
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "rawi", &mut buf);
            io::stdout()
                .write_all(&buf)
                .and_then(|()| io::stdout().flush())
                .map(|()| 0)
        }
        Some(Command::Man) => clap_mangen::Man::new(Cli::command())
            .render(&mut io::stdout())
            .and_then(|()| io::stdout().flush())
            .map(|()| 0),
        None => reader(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            // Not `eprintln!`: it panics when stderr is gone (the reader's
            // terminal hung up, which is also what failed here).
            let _ = writeln!(io::stderr(), "rawi: {e}");
            2
        }
    }
}

/// Splits `+N` (open at paragraph N, 1-based) from the paths.
fn split_plus(paths: &[String]) -> (Option<usize>, Vec<String>) {
    let mut at = None;
    let mut rest = Vec::new();
    for p in paths {
        match p.strip_prefix('+').map(str::parse::<usize>) {
            Some(Ok(n)) => at = Some(n),
            _ => rest.push(p.clone()),
        }
    }
    (at, rest)
}

/// Opens the reader on one article, or the library on several; the
/// bundled samples without paths. Inputs are found (and a single article
/// loaded and analysed) before the terminal is touched, so their errors
/// print as usual.
fn reader(cli: &Cli) -> io::Result<i32> {
    use crate::tui::catalog::{self, Catalog, Unit};
    use crate::tui::shell::{At, Shell};

    let (plus, paths) = split_plus(&cli.paths);
    if let Err(why) = crate::tui::terminal::check_terminal_for(paths.iter().any(|p| p == "-")) {
        say!("rawi: {why}");
        return Ok(2);
    }
    let settings = crate::tui::settings::load(cli.config.as_deref());
    let mut opts = settings.opts;
    opts.mouse |= cli.mouse;
    opts.show_hidden |= cli.show_hidden;
    if let Some(b) = cli.bidi {
        opts.bidi = match b {
            Bidi::App => crate::tui::BidiMode::App,
            Bidi::Terminal => crate::tui::BidiMode::Terminal,
            Bidi::Off => crate::tui::BidiMode::Off,
        };
    }
    opts.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let at = match (plus, cli.section, cli.quote) {
        (Some(n), _, _) => At::Paragraph(n.saturating_sub(1)),
        (_, Some(n), _) => At::Section(n.saturating_sub(1)),
        (_, _, Some(n)) => At::Quote(n.saturating_sub(1)),
        _ => At::Saved,
    };
    let state_path = rawi::state::default_path();
    if state_path.is_none() {
        say!(
            "rawi: warning: neither XDG_STATE_HOME nor HOME is an absolute path: reading positions and marks are not saved"
        );
    }
    // Lay the article out for the real size from the start, so a restored
    // place lands on the same row it was left at.
    let size = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut errors = Vec::new();
    let units: Vec<Unit> = if paths.is_empty() {
        SEEDS
            .iter()
            .map(|(name, text)| Unit::Memory(std::sync::Arc::new(Document::from_text(*name, *text))))
            .collect()
    } else {
        catalog::units_of(&paths, &mut errors)
    };
    // One input holding one article opens straight into the reader.
    let single = match units.as_slice() {
        [Unit::Memory(d)] => Some((**d).clone()),
        [Unit::File(path)] => match source::load_path(path) {
            Ok(Loaded {
                mut documents,
                errors: errs,
                warnings,
            }) => {
                for w in &warnings {
                    say!("rawi: warning: {w}");
                }
                errors.extend(errs.iter().map(InputError::to_string));
                if documents.is_empty() {
                    for e in &errors {
                        say!("rawi: {e}");
                    }
                    say!("rawi: {path}: no article to read");
                    return Ok(2);
                }
                if documents.len() == 1 {
                    documents.pop()
                } else {
                    None
                }
            }
            Err(e) => {
                say!("rawi: {e}");
                return Ok(2);
            }
        },
        [] => {
            for e in &errors {
                say!("rawi: {e}");
            }
            say!("rawi: no article files in {}", paths.join(" "));
            return Ok(2);
        }
        _ => None,
    };
    let mut shell = match single {
        Some(doc) => {
            for e in &errors {
                say!("rawi: {e}");
            }
            let (state, said) = state_path
                .as_deref()
                .map(rawi::state::State::load_reporting)
                .unwrap_or_default();
            // A huge article is shown from its outline while the rest of
            // the analysis runs; an ordinary one is analysed at once (a few
            // milliseconds).
            let mut shell = if doc.text.len() > OUTLINE_FIRST {
                Shell::single_outline(rawi::extract::outline(doc), opts, size, state, at)
            } else {
                Shell::single(analyze(doc), opts, size, state, at)
            };
            shell.state_path = state_path;
            if let Some(m) = said {
                shell.say(m);
            }
            shell
        }
        None => {
            let mut catalog = Catalog::start(units, 0);
            catalog.errors.extend(errors);
            let mut shell = Shell::library(catalog, opts, size).with_state(state_path);
            if at != At::Saved {
                shell.say("+N, --section and --quote apply when one article is opened".into());
            }
            shell
        }
    };
    shell.shell_keys = settings.shell_keys;
    if !settings.problems.is_empty() {
        shell.say(settings.problems.join("; "));
    }
    crate::tui::run(shell)
}

/// What one input path produced, in input order.
struct Outcome {
    articles: Vec<Article>,
    errors: Vec<InputError>,
    warnings: Vec<String>,
}

fn process(path: &str) -> Outcome {
    match source::load_path(path) {
        Ok(Loaded {
            documents,
            errors,
            warnings,
        }) => Outcome {
            articles: documents.into_iter().map(analyze).collect(),
            errors,
            warnings,
        },
        Err(e) => Outcome {
            articles: vec![],
            errors: vec![e],
            warnings: vec![],
        },
    }
}

/// Analyses `paths` on all cores, a chunk at a time, printing in input order.
fn extract(format: Format, paths: &[String]) -> io::Result<i32> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(paths.len().max(1));
    let chunk = (threads * 8).max(1);
    let progress = paths.len() > 1 && io::stderr().is_terminal();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut code = 0;
    let mut printed = 0usize;
    let single = paths.len() == 1 && paths[0] != "-";
    let mut array_open = false;
    for (c, group) in paths.chunks(chunk).enumerate() {
        let slots: Vec<std::sync::Mutex<Option<Outcome>>> =
            group.iter().map(|_| std::sync::Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= group.len() {
                            break;
                        }
                        let outcome = process(&group[i]);
                        if let Ok(mut slot) = slots[i].lock() {
                            *slot = Some(outcome);
                        }
                    }
                });
            }
        });
        for slot in slots {
            let Some(outcome) = slot.into_inner().ok().flatten() else {
                continue;
            };
            for w in &outcome.warnings {
                say!("rawi: warning: {w}");
            }
            for e in &outcome.errors {
                say!("rawi: {e}");
                code = 2;
            }
            let one = single && outcome.articles.len() == 1;
            for article in &outcome.articles {
                match format {
                    Format::Json if one => {
                        rawi::json::write_article(&mut out, article, true)?;
                        writeln!(out)?;
                    }
                    Format::Json => {
                        write!(out, "{}", if array_open { ",\n" } else { "[\n" })?;
                        array_open = true;
                        rawi::json::write_article(&mut out, article, true)?;
                    }
                    Format::Jsonl => {
                        rawi::json::write_article(&mut out, article, false)?;
                        writeln!(out)?;
                    }
                    Format::Markdown => {
                        if printed > 0 {
                            writeln!(out, "\n---\n")?;
                        }
                        write!(out, "{}", rawi::markdown::render(article))?;
                    }
                }
                printed += 1;
            }
        }
        if progress {
            let _ = write!(
                io::stderr(),
                "\rrawi: analysed {}/{} files",
                (c * chunk + group.len()).min(paths.len()),
                paths.len()
            );
        }
    }
    if progress {
        let _ = writeln!(io::stderr());
    }
    if format == Format::Json && !single {
        writeln!(out, "{}", if array_open { "\n]" } else { "[]" })?;
    }
    out.flush()?;
    Ok(code)
}

/// The selection `--select what [--speaker NAME]` makes in one article;
/// `None` when NAME names no speaker of it.
fn selection_of(a: &Article, what: Select, speaker: Option<&str>) -> Option<rawi::export::Selection> {
    use rawi::text::fold;
    let who = match speaker {
        Some(name) => {
            let want = fold(name.trim());
            Some(
                a.speakers
                    .iter()
                    .position(|s| fold(&s.name) == want || s.aliases.iter().any(|al| fold(al) == want))?,
            )
        }
        None => None,
    };
    // Paragraphs where the speaker is quoted: numbers and sections follow them.
    let quoted: Vec<usize> = a
        .quotes
        .iter()
        .filter(|q| who.is_none() || q.speaker == who)
        .map(|q| q.paragraph)
        .collect();
    let mut sel = rawi::export::Selection::default();
    match what {
        Select::Quotes => {
            sel.quotes = (0..a.quotes.len())
                .filter(|&i| who.is_none() || a.quotes[i].speaker == who)
                .collect();
        }
        Select::Numbers => {
            sel.numbers = (0..a.numbers.len())
                .filter(|&i| who.is_none() || quoted.contains(&a.numbers[i].paragraph))
                .collect();
        }
        Select::Sections => {
            sel.sections = (0..a.sections.len())
                .filter(|&i| who.is_none() || a.sections[i].paragraphs.iter().any(|p| quoted.contains(p)))
                .collect();
        }
    }
    Some(sel)
}

/// `extract --select`: only the selected items, through `rawi::export`
/// (the reader's export), one article after another. Exit status 1 when a
/// `--speaker` matched no speaker in any article (like `grep`), 2 when an
/// input could not be read.
fn extract_selected(
    format: Format,
    what: Select,
    speaker: Option<&str>,
    paths: &[String],
) -> io::Result<i32> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut code = 0;
    let mut found = false;
    let mut values = Vec::new();
    let mut printed = 0usize;
    for path in paths {
        let outcome = process(path);
        for w in &outcome.warnings {
            say!("rawi: warning: {w}");
        }
        for e in &outcome.errors {
            say!("rawi: {e}");
            code = 2;
        }
        for a in &outcome.articles {
            let sel = match selection_of(a, what, speaker) {
                Some(sel) => {
                    found = true;
                    sel
                }
                None => rawi::export::Selection::default(),
            };
            match format {
                Format::Json => values.push(rawi::export::to_json(a, &sel)),
                Format::Jsonl => {
                    let v = rawi::export::to_json(a, &sel);
                    writeln!(out, "{}", rawi::json::to_terminal_safe_string(&v, false))?;
                }
                Format::Markdown => {
                    if printed > 0 {
                        writeln!(out, "\n---\n")?;
                    }
                    write!(out, "{}", rawi::export::to_markdown(a, &sel))?;
                }
            }
            printed += 1;
        }
    }
    if format == Format::Json {
        let v = if values.len() == 1 {
            values.remove(0)
        } else {
            serde_json::Value::Array(values)
        };
        writeln!(out, "{}", rawi::json::to_terminal_safe_string(&v, true))?;
    }
    out.flush()?;
    if let (Some(name), false) = (speaker, found) {
        say!(
            "rawi: no speaker named {}",
            rawi::sanitize::for_terminal_line(name, rawi::sanitize::Hidden::Show)
        );
        if code == 0 {
            code = 1;
        }
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_and_reader_options_open_the_reader() {
        let cli = Cli::try_parse_from(["rawi", "--bidi", "terminal", "--mouse", "a.txt"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths, ["a.txt"]);
        assert_eq!(cli.bidi, Some(Bidi::Terminal));
        assert!(cli.mouse);
        let cli = Cli::try_parse_from(["rawi"]).unwrap();
        assert!(cli.paths.is_empty() && cli.bidi.is_none() && !cli.mouse);
    }

    #[test]
    fn places_and_many_paths() {
        let cli = Cli::try_parse_from(["rawi", "+12", "a.txt", "dir", "-", "--quote", "3"]).unwrap();
        assert_eq!(
            split_plus(&cli.paths),
            (Some(12), vec!["a.txt".into(), "dir".into(), "-".into()])
        );
        assert_eq!(cli.quote, Some(3));
        let cli = Cli::try_parse_from(["rawi", "--section", "2", "a.txt"]).unwrap();
        assert_eq!(cli.section, Some(2));
    }

    #[test]
    fn the_cli_definition_is_consistent_and_generates_completions_and_a_man_page() {
        Cli::command().debug_assert();
        let mut out = Vec::new();
        clap_complete::generate(clap_complete::Shell::Bash, &mut Cli::command(), "rawi", &mut out);
        let bash = String::from_utf8(out).unwrap();
        assert!(bash.contains("--section") && bash.contains("extract"));
        let mut man = Vec::new();
        clap_mangen::Man::new(Cli::command()).render(&mut man).unwrap();
        let man = String::from_utf8(man).unwrap();
        assert!(man.contains(".TH rawi") && man.contains("completions"), "{man}");
    }

    #[test]
    fn extract_needs_a_path() {
        assert!(Cli::try_parse_from(["rawi", "extract"]).is_err());
        let cli = Cli::try_parse_from(["rawi", "extract", "--format", "markdown", "a.txt"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Extract {
                format: Format::Markdown,
                ..
            })
        ));
    }
}
