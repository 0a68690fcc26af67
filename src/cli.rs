//! cli: the command line (clap derive). `--help` text lives in the doc comments here; colour is
//! resolved once, into a [`Palette`] value.

use std::io::IsTerminal;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::exit::Exit;
use crate::job::Input;
use storydiff::render::Palette;

const EXAMPLES: &str = "\
Examples:
  storydiff --example                     run on the built-in example pair
  storydiff old.txt new.txt               compare two versions of a story
  storydiff a.txt b.txt --format json     the JSON document (schema storydiff/1)
  storydiff a.txt b.txt --date 2024-04-26 resolve \"Friday\", \"last November\" against a date
  storydiff a.txt b.txt --fail-on conflicts   exit 1 only when facts contradict each other
  curl -s URL | storydiff saved.txt -     read one version from standard input

Exit codes: 0 nothing differs at the --fail-on level, 1 something does, 2 trouble.";

/// Compare two versions of a news story: aligned sentences, word diffs, and the facts that
/// changed.
#[derive(Debug, Parser)]
#[command(
    name = "storydiff",
    version,
    about,
    after_help = EXAMPLES,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub diff: DiffArgs,
}

/// Commands besides comparing two files.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare many pairs listed in a manifest (JSON Lines or TSV), writing JSON Lines.
    Batch(BatchArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) on standard output: storydiff(1), or with a command the page
    /// of that command (storydiff-batch(1)...).
    Man {
        /// batch, completions or man.
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(crate::shell::MAN_PAGES))]
        command: Option<String>,
    },
}

/// Arguments of `storydiff batch`.
#[derive(Debug, Args)]
#[command(after_help = BATCH_HELP)]
pub struct BatchArgs {
    /// The manifest: JSON Lines or TSV of pairs (a, b, optional id and date); `-` for stdin.
    /// Relative paths in it resolve against the manifest's folder (stdin: the current folder).
    pub manifest: String,
    /// Worker threads (default: one per core; at most 4 per core, a larger number is capped).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// What makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOnArg::Any)]
    pub fail_on: FailOnArg,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = storydiff::ingest::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Replace bytes that are not UTF-8 with U+FFFD instead of failing the pair.
    #[arg(long)]
    pub lossy: bool,
    /// No progress bar and no summary line on standard error.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

const BATCH_HELP: &str = "\
Manifest formats (detected from the first line that is not blank or a # comment):
  JSON Lines   {\"a\": \"old/1.txt\", \"b\": \"new/1.txt\", \"id\": \"story-1\", \"date\": \"2024-04-26\"}
  TSV          old/1.txt<TAB>new/1.txt<TAB>story-1<TAB>2024-04-26
               (an optional header line: a<TAB>b<TAB>id<TAB>date)
id defaults to the manifest line number; date is the publication date of both versions.
Relative paths resolve against the manifest's folder (for - : the current folder).

Output: one line of JSON per pair, in manifest order: the storydiff/1 document with \"id\"
first, or {\"id\": ..., \"schema\": ..., \"error\": {\"code\": ..., \"message\": ...}} for a
pair that failed (code \"panic\" for an internal error; the batch goes on).

Exit codes: 2 if any pair failed, else 1 if any pair differs at the --fail-on level, else 0.
A manifest that cannot be read: one line on standard error, exit 2, nothing on stdout.

Examples:
  storydiff batch pairs.jsonl > results.jsonl
  printf 'old/1.txt\\tnew/1.txt\\n' | storydiff batch - --jobs 4";

/// Arguments of a comparison of two versions.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// A and B: the base version (first outlet, or earlier revision) and the other; `-` for
    /// standard input (one of them at most). Seven arguments are taken as git's external-diff
    /// call (path old-file old-hex old-mode new-file new-hex new-mode).
    #[arg(value_name = "FILE", required_unless_present = "example")]
    pub files: Vec<String>,

    /// Run on the built-in example pair instead of two files.
    #[arg(long, conflicts_with = "files")]
    pub example: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// How to read the inputs: plain text, or saved web pages whose article text is extracted
    /// (auto: by the file ending .html/.htm, or a leading <!DOCTYPE html> or <html>).
    #[arg(long, value_enum, default_value_t = Input::Auto)]
    pub input: Input,

    /// When to colour text output. `NO_COLOR` (non-empty) turns colour off and
    /// `CLICOLOR_FORCE` (non-empty, not 0) forces it, unless this flag says always or never.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Publication date of both versions (YYYY-MM-DD), to resolve "Friday" or "last November".
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<storydiff::CalendarDate>,
    /// Publication date of A only (overrides --date for A). With --date-b, the two dates also
    /// tell a status told differently ("is expected to plead" / "pleaded") as a later revision
    /// (B later) or a contradiction (the same day).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date_a: Option<storydiff::CalendarDate>,
    /// Publication date of B only (overrides --date for B).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date_b: Option<storydiff::CalendarDate>,

    /// What makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOnArg::Any)]
    pub fail_on: FailOnArg,

    /// Print nothing; only the exit code tells.
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Show the two versions in two columns.
    #[arg(long, short = 'y')]
    pub side_by_side: bool,

    /// Under each changed claim, say what tied its two statements together: the aligned
    /// row, the words both share, the speaker (the JSON always carries it as `paired_by`).
    #[arg(long)]
    pub explain: bool,

    /// After the claims, list every quotation of either version speaker by speaker, with how
    /// the two versions' words relate (the JSON always carries it as `quotes`).
    #[arg(long)]
    pub quotes: bool,

    /// Fold runs of unchanged sentences, keeping N on each side of a change (default 3, as
    /// `git diff` does); `all` shows every sentence. With nothing changed, only the summary
    /// line is printed.
    #[arg(long, short = 'C', value_name = "N|all", default_value = "3", value_parser = parse_context)]
    pub context: Context,

    /// Wrap text output at this many columns (default: the terminal's width, or 100; at most
    /// 1000, a larger value is taken as 1000).
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,

    /// When to page text output through STORYDIFF_PAGER, PAGER, or less: auto (long output
    /// to a terminal), always, or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = PagingArg::Auto)]
    pub paging: PagingArg,

    /// Never page text output (the same as --paging never).
    #[arg(long)]
    pub no_pager: bool,

    /// The encoding of inputs that have no byte-order mark, such as windows-1252, iso-8859-1,
    /// shift_jis or utf-16le (default: a web page's declared charset, else UTF-8). An input
    /// that is valid UTF-8 is read as UTF-8 unless NAME is UTF-16.
    #[arg(long, value_name = "NAME", value_parser = storydiff::ingest::parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = storydiff::ingest::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,

    /// Replace bytes that are not UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PagingArg {
    /// Page long output when standard output is a terminal.
    Auto,
    /// Page whatever the output and wherever it goes.
    Always,
    /// Never page.
    Never,
}

/// The output format (`--format`): the one list of formats, for the one comparison
/// `storydiff A B` writes (`storydiff batch` always writes JSON Lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: summary, then the rows with word highlights.
    Text,
    /// The JSON document, schema storydiff/1.
    Json,
    /// One line: the counts, for CI logs.
    Summary,
    /// One self-contained HTML page.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// Colour only when writing to a terminal.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    /// Any sentence or claim that differs.
    Any,
    /// Any changed, added or dropped claim between the versions.
    Claims,
    /// Only claims that contradict each other (severity conflict).
    Conflicts,
    /// Only a text that contradicts itself (an in-text inconsistency), whatever else differs.
    Inconsistencies,
    /// Never exit 1.
    Never,
}

impl From<FailOnArg> for storydiff::FailOn {
    fn from(f: FailOnArg) -> Self {
        match f {
            FailOnArg::Any => storydiff::FailOn::Any,
            FailOnArg::Claims => storydiff::FailOn::Claims,
            FailOnArg::Conflicts => storydiff::FailOn::Conflicts,
            FailOnArg::Inconsistencies => storydiff::FailOn::Inconsistencies,
            FailOnArg::Never => storydiff::FailOn::Never,
        }
    }
}

/// One line for an option error of clap, in the form of every storydiff error: the kind of
/// error, the value or hint (escaped: a value with ESC or a newline in it is shown as
/// `\u{1b}`, never sent to the terminal), and where to read more. `main` prints it after
/// `storydiff: ` and exits 2. Help and version requests are not errors and never come here.
///
/// `no_arguments`: the command line was empty; `subcommand`: the subcommand the error is
/// about (`batch`), whose own `--help` is then named.
pub fn usage_message(e: &clap::Error, no_arguments: bool, subcommand: Option<&str>) -> String {
    use clap::error::{ContextKind as K, ContextValue as V, ErrorKind};
    use storydiff::render::escape::name as shown;
    let get = |k: K| -> Option<String> {
        match e.get(k)? {
            V::String(s) => Some(s.clone()),
            V::Strings(v) => Some(v.join(", ")),
            V::StyledStr(s) => Some(s.to_string()),
            V::StyledStrs(v) => Some(
                v.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            V::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let arg = get(K::InvalidArg).unwrap_or_default();
    let value = get(K::InvalidValue).unwrap_or_default();
    let quoted = |v: &str| format!("'{}'", shown(v));
    let mut msg = match e.kind() {
        ErrorKind::MissingRequiredArgument if no_arguments => {
            "no files given: name the two versions to compare, A and B, or try --example"
                .to_string()
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("missing value for {arg}"),
        ErrorKind::InvalidValue => {
            let mut m = format!("invalid value for {arg}: {}", quoted(&value));
            if let Some(valid) = get(K::ValidValue).filter(|v| !v.is_empty()) {
                m.push_str(&format!("; expected one of {valid}"));
            }
            m
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            // A reason that already quotes the value (the date parser's) says it once.
            if !value.is_empty() && why.contains(&value) {
                format!("invalid value for {arg}: {}", shown(&why))
            } else {
                format!(
                    "invalid value for {arg}: {}: {}",
                    quoted(&value),
                    shown(&why)
                )
            }
        }
        ErrorKind::UnknownArgument => format!("unknown option: {}", quoted(&arg)),
        ErrorKind::InvalidSubcommand => {
            format!(
                "unknown command: {}",
                quoted(&get(K::InvalidSubcommand).unwrap_or_default())
            )
        }
        ErrorKind::MissingRequiredArgument => format!("missing argument: {}", shown(&arg)),
        ErrorKind::ArgumentConflict if get(K::PriorArg).as_deref() == Some(arg.as_str()) => {
            format!("{} given more than once", shown(&arg))
        }
        ErrorKind::ArgumentConflict => format!(
            "options that cannot go together: {} cannot be used with {}",
            shown(&arg),
            shown(&get(K::PriorArg).unwrap_or_default())
        ),
        ErrorKind::NoEquals => format!("{arg} needs its value after '=': {}", quoted(&value)),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("unexpected value for {arg}: {}", quoted(&value))
        }
        ErrorKind::InvalidUtf8 => "an argument is not valid UTF-8 text".to_string(),
        _ => {
            // Anything else: clap's own first line, without its `error: ` prefix.
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("bad command line");
            shown(first.trim_start_matches("error: ").trim())
        }
    };
    let hint = [K::SuggestedArg, K::SuggestedValue, K::SuggestedSubcommand]
        .into_iter()
        .find_map(get);
    if let Some(h) = hint {
        msg.push_str(&format!("; did you mean {}?", quoted(&h)));
    } else if let Some(tip) = get(K::Suggested) {
        msg.push_str(&format!("; {}", shown(&tip)));
    }
    match subcommand {
        Some(sub) => format!("{msg} (see storydiff {sub} --help)"),
        None => format!("{msg} (see storydiff --help)"),
    }
}

/// Decides whether to colour, from the flag, the environment and whether stdout is a terminal.
///
/// `--color auto` follows ripgrep and the CLICOLOR convention, in this order: `NO_COLOR`
/// (non-empty) turns colour off; `CLICOLOR_FORCE` (non-empty, not `0`) turns it on, even into a
/// pipe; `CLICOLOR=0` turns it off; `TERM=dumb` (a terminal that cannot show escapes, such as
/// Emacs' shell) turns it off; else colour exactly when standard output is a terminal.
pub fn use_color(flag: ColorArg, env: &dyn Fn(&str) -> Option<String>, is_tty: bool) -> bool {
    let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
    match flag {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            if set("NO_COLOR") {
                false
            } else if env("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else if env("CLICOLOR").as_deref() == Some("0")
                || env("TERM").as_deref() == Some("dumb")
            {
                false
            } else {
                is_tty
            }
        }
    }
}

impl DiffArgs {
    /// The palette for text output, resolved once from `--color`, the environment and stdout.
    pub fn palette(&self) -> Palette {
        let env = |k: &str| std::env::var(k).ok();
        if use_color(self.color, &env, std::io::stdout().is_terminal()) {
            Palette::ansi()
        } else {
            Palette::plain()
        }
    }

    /// When to page: `--no-pager` wins over `--paging`.
    pub fn paging(&self) -> crate::pager::Paging {
        match (self.no_pager, self.paging) {
            (true, _) | (_, PagingArg::Never) => crate::pager::Paging::Never,
            (false, PagingArg::Always) => crate::pager::Paging::Always,
            (false, PagingArg::Auto) => crate::pager::Paging::Auto,
        }
    }

    /// The wrap width: `--width`, else the terminal's, else 100; at most
    /// [`storydiff::render::text::MAX_WIDTH`].
    pub fn wrap_width(&self) -> usize {
        self.width
            .unwrap_or_else(|| {
                terminal_size::terminal_size()
                    .map(|(w, _)| w.0 as usize)
                    .unwrap_or(100)
            })
            .min(storydiff::render::text::MAX_WIDTH)
    }
}

/// Runs what the command line asks, writing to `out`; returns the exit code.
pub fn run(cli: &Cli, out: &mut dyn std::io::Write) -> storydiff::Result<Exit> {
    match &cli.command {
        None => run_diff(&cli.diff, out),
        Some(Command::Completions { shell }) => {
            crate::shell::completions(*shell, out).map_err(storydiff::Error::Output)?;
            Ok(Exit::Same)
        }
        Some(Command::Man { command }) => {
            crate::shell::man(command.as_deref(), out)
                .and_then(|_| out.flush())
                .map_err(storydiff::Error::Output)?;
            Ok(Exit::Same)
        }
        Some(Command::Batch(args)) => run_batch(args, out),
    }
}

/// Runs `storydiff batch`: JSON Lines on `out`, a progress bar on standard error when it is a
/// terminal, and the one-line summary on standard error at the end.
pub fn run_batch(args: &BatchArgs, out: &mut dyn std::io::Write) -> storydiff::Result<Exit> {
    if let (threads, true) = crate::batch::worker_threads(args.jobs) {
        if !args.quiet {
            let _ = storydiff::render::json::render_jobs_note(
                args.jobs.unwrap_or_default(),
                threads,
                crate::batch::MAX_JOBS_PER_CORE,
                &mut std::io::stderr(),
            );
        }
    }
    let opts = crate::batch::BatchOptions {
        jobs: args.jobs,
        fail_on: args.fail_on.into(),
        read: storydiff::ingest::ReadOptions {
            max_bytes: args.max_bytes,
            lossy: args.lossy,
            encoding: None,
        },
        ..Default::default()
    };
    let bar = if std::io::stderr().is_terminal() && !args.quiet {
        Some(progress_bar(crate::batch::count_pairs(&args.manifest)))
    } else {
        None
    };
    let start = std::time::Instant::now();
    let progress = |n: u64| {
        if let Some(b) = &bar {
            // Called from the worker threads: a late call with a smaller count must not move
            // the bar back.
            if n > b.position() {
                b.set_position(n);
            }
        }
    };
    let result = crate::batch::run(&args.manifest, &opts, out, &progress);
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let stats = result?;
    if !args.quiet {
        // A failed write to standard error is not worth failing the batch for.
        let _ = storydiff::render::json::render_batch_summary(
            stats.pairs,
            stats.differ,
            stats.failed,
            start.elapsed().as_secs_f64(),
            &mut std::io::stderr(),
        );
    }
    Ok(stats.exit_code())
}

/// The progress bar of `storydiff batch` on a terminal: a bar with the total and an ETA when the
/// number of pairs is known beforehand (a manifest file), else a spinner with the count.
/// indicatif redraws it at most 20 times a second, whatever the rate of pairs.
pub fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let (bar, template) = match total {
        Some(n) => (indicatif::ProgressBar::new(n), BAR_TEMPLATE),
        None => (indicatif::ProgressBar::new_spinner(), SPINNER_TEMPLATE),
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(100));
    bar
}

/// A manifest file: the bar, done/total, the rate and the time left.
const BAR_TEMPLATE: &str = "{wide_bar} {pos}/{len} pairs, {per_sec}, ETA {eta}";
/// Standard input: the total is unknown.
const SPINNER_TEMPLATE: &str = "{spinner} {pos} pairs, {per_sec}, {elapsed}";

/// Runs one comparison as the command line asks, writing to `out`; returns the exit code.
pub fn run_diff(cli: &DiffArgs, out: &mut dyn std::io::Write) -> storydiff::Result<Exit> {
    use crate::job::{Job, Source};
    use storydiff::{Document, Error};
    // git's external-diff call (GIT_EXTERNAL_DIFF, diff.<driver>.command): `path old-file
    // old-hex old-mode new-file new-hex new-mode`, plus `new-path rename-info` for a renamed
    // file (and in `git diff --no-index`).
    let git = if cli.example {
        None
    } else {
        crate::git::call(&cli.files)
    };
    let (a, b) = if cli.example {
        (
            Source::Text(Document::from_text(
                "example/a.txt",
                crate::examples::EXAMPLE_A,
            )),
            Source::Text(Document::from_text(
                "example/b.txt",
                crate::examples::EXAMPLE_B,
            )),
        )
    } else if let Some(g) = &git {
        let side = |file: &str, path: &str| Source::File {
            file: file.to_string(),
            name: Some(g.name(file, path)),
        };
        (side(&g.old_file, &g.path), side(&g.new_file, &g.new_path))
    } else {
        let [pa, pb] = cli.files.as_slice() else {
            return Err(Error::Usage(format!(
                "storydiff takes two files (A and B), not {}; see storydiff --help",
                cli.files.len()
            )));
        };
        if pa == "-" && pb == "-" {
            return Err(Error::StdinTwice);
        }
        let base = crate::git::difftool_base(&|k| std::env::var(k).ok());
        let side = |file: &String| Source::File {
            file: file.clone(),
            name: base
                .as_deref()
                .and_then(|base| crate::git::difftool_name(file, base)),
        };
        (side(pa), side(pb))
    };
    let mut options = storydiff::Options::default();
    options.claims.date_a = cli.date_a.or(cli.date);
    options.claims.date_b = cli.date_b.or(cli.date);
    options.claims.date_a_published = cli.date_a.is_some();
    options.claims.date_b_published = cli.date_b.is_some();
    let job = Job {
        a,
        b,
        read: storydiff::ReadOptions {
            max_bytes: cli.max_bytes,
            lossy: cli.lossy,
            encoding: cli.encoding,
        },
        input: cli.input,
        options,
    };
    let report = match job.run() {
        Ok(report) => report,
        // As a diff driver, a file storydiff cannot read (binary, not UTF-8, a page with no
        // article) gets a one-line note on stdout and exit 0, as git shows "Binary files
        // differ", so that `git diff` goes on to the other files.
        Err(e) if git.is_some() => {
            if !cli.quiet {
                storydiff::render::text::render_not_compared(&e.to_string(), out)
                    .and_then(|_| out.flush())
                    .map_err(Error::Output)?;
            }
            return Ok(Exit::Same);
        }
        Err(e) => return Err(e),
    };
    let res = if cli.quiet {
        Ok(())
    } else {
        match cli.format {
            Format::Json => storydiff::render::json::render(&report, out),
            Format::Summary => storydiff::render::summary::render(&report, out),
            Format::Html => storydiff::render::html::render(&report, out),
            Format::Text => render_text(cli, &report, out),
        }
    };
    res.and_then(|_| out.flush()).map_err(Error::Output)?;
    // git stops at the first external diff that exits non-zero ("external diff died"), so as
    // a diff driver storydiff exits 0 whatever differs; trouble still exits 2.
    if git.is_some() {
        return Ok(Exit::Same);
    }
    Ok(if report.differs(cli.fail_on.into()) {
        Exit::Different
    } else {
        Exit::Same
    })
}

/// Writes `--format text`: wrapped and coloured as the flags say, through a pager when one is
/// wanted.
fn render_text(
    cli: &DiffArgs,
    report: &storydiff::Report,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::pager;
    use storydiff::render::text;
    if let Some(w) = cli.width.filter(|&w| w > text::MAX_WIDTH) {
        // Said once, on standard error: the output itself is what was asked for.
        let _ = text::render_width_note(w, &mut std::io::stderr());
    }
    let topts = text::TextOptions {
        palette: cli.palette(),
        width: cli.wrap_width(),
        context: cli.context.0,
        side_by_side: cli.side_by_side,
        explain: cli.explain,
        quotes: cli.quotes,
    };
    let env = |k: &str| std::env::var(k).ok();
    let paging = cli.paging();
    let paged = pager::wanted(paging, std::io::stdout().is_terminal());
    // `--paging always` pages however short the output (height 0).
    let height = match paging {
        pager::Paging::Always => Some(0),
        _ => pager::screen_height(),
    };
    match (paged, pager::command(&env), height) {
        (true, Some(cmd), Some(height)) => {
            let mut pager = pager::Pager::new(out, cmd, height);
            text::render(report, &topts, &mut pager)
                .and_then(|_| pager.finish())
                .map(|outcome| {
                    if let pager::Outcome::Failed(why) = outcome {
                        eprintln!("storydiff: {why}");
                    }
                })
        }
        _ => text::render(report, &topts, out),
    }
}

/// `--context N|all`: how many unchanged sentences to keep around each change (`None`: all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context(pub Option<usize>);

fn parse_context(s: &str) -> Result<Context, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(Context(None));
    }
    s.parse::<usize>()
        .map(|n| Context(Some(n)))
        .map_err(|_| "expected a number of sentences or `all`".to_string())
}

/// An environment of fixed variables, for the tests of the modules that read one (colour,
/// pager, git).
#[cfg(test)]
pub(crate) fn env_of(
    pairs: &'static [(&'static str, &'static str)],
) -> impl Fn(&str) -> Option<String> {
    move |k| {
        pairs
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, v)| v.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_resolution() {
        assert!(use_color(ColorArg::Auto, &env_of(&[]), true));
        assert!(!use_color(ColorArg::Auto, &env_of(&[]), false));
        assert!(!use_color(
            ColorArg::Auto,
            &env_of(&[("NO_COLOR", "1")]),
            true
        ));
        assert!(use_color(
            ColorArg::Auto,
            &env_of(&[("NO_COLOR", "")]),
            true
        ));
        assert!(use_color(
            ColorArg::Auto,
            &env_of(&[("CLICOLOR_FORCE", "1")]),
            false
        ));
        assert!(!use_color(
            ColorArg::Auto,
            &env_of(&[("CLICOLOR_FORCE", "0")]),
            false
        ));
        assert!(use_color(
            ColorArg::Always,
            &env_of(&[("NO_COLOR", "1")]),
            false
        ));
        assert!(!use_color(
            ColorArg::Never,
            &env_of(&[("CLICOLOR_FORCE", "1")]),
            true
        ));
        // The CLICOLOR convention and ripgrep's TERM=dumb rule.
        assert!(!use_color(
            ColorArg::Auto,
            &env_of(&[("CLICOLOR", "0")]),
            true
        ));
        assert!(use_color(
            ColorArg::Auto,
            &env_of(&[("CLICOLOR", "1")]),
            true
        ));
        assert!(!use_color(
            ColorArg::Auto,
            &env_of(&[("TERM", "dumb")]),
            true
        ));
        assert!(use_color(
            ColorArg::Auto,
            &env_of(&[("TERM", "xterm-256color")]),
            true
        ));
        assert!(use_color(
            ColorArg::Auto,
            &env_of(&[("TERM", "dumb"), ("CLICOLOR_FORCE", "1")]),
            false
        ));
        assert!(use_color(
            ColorArg::Always,
            &env_of(&[("TERM", "dumb")]),
            false
        ));
    }

    #[test]
    fn progress_bar_has_total_and_eta_for_a_file() {
        for t in [BAR_TEMPLATE, SPINNER_TEMPLATE] {
            assert!(indicatif::ProgressStyle::with_template(t).is_ok(), "{t}");
        }
        assert!(BAR_TEMPLATE.contains("{len}") && BAR_TEMPLATE.contains("{eta}"));
        let bar = progress_bar(Some(40));
        assert_eq!(bar.length(), Some(40));
        assert_eq!(progress_bar(None).length(), None);
    }

    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
