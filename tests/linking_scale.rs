//! Linking at scale (issue 10, item 7: bound every search so that any input
//! is linear): a plan of 20,000 targets against its mid-year execution
//! report of 20,000 figures, every metric a different name. The all-pairs
//! search compared each target with each figure and each restated target
//! with each target, normalising both names every time: 400 million
//! comparisons, which did not finish in minutes. Linking through the index
//! takes a few seconds in a debug build. Not a timing test: it checks every
//! link, and that a close name finds at most `MAX_CLOSE` guesses.

#[path = "support/rate_indicator.rs"]
mod rate_indicator;

use rate_indicator::rate_indicator;

use std::sync::LazyLock;

use reportlens::indicators::normalize::normalize_char;
use reportlens::indicators::Kind;
use reportlens::tracking::link::MAX_CLOSE;
use reportlens::tracking::{
    link_targets, Confidence, ReportInfo, ReportKind, TargetRow, TargetStatus, TrackedReport,
};
use reportlens::{Document, Indicator};

/// Targets in the plan, and figures in the execution report.
const N: usize = 20_000;

/// Every tenth line of the execution report restates its target first
/// ("…预期目标增长7%，上半年增长8%"), so that its figure links as restated.
const RESTATED_EVERY: usize = 10;

/// The region both reports are of.
const REGION: &str = "武汉市武昌区";

/// 300 CJK chars that normalising leaves as they are (no traditional
/// forms, which would make two names one).
static CHARS: LazyLock<Vec<char>> = LazyLock::new(|| {
    ('\u{4E00}'..='\u{9FFF}')
        .filter(|&c| normalize_char(c) == c)
        .take(300)
        .collect()
});

/// The two chars `n` picks, from two sets of 150.
fn chars(n: usize) -> (char, char) {
    (CHARS[n / 150], CHARS[150 + n % 150])
}

/// Metric name `n`, two chars that no other name shares a pair of chars
/// with: no two names are close.
fn distinct(n: usize) -> String {
    let (a, b) = chars(n);
    format!("{a}{b}")
}

/// Metric name `n`: 园区, two chars, 产值. Every name shares its first and
/// last char pairs with all the others, and one more with about 300 of
/// them: close enough to be a guess (most of their char pairs shared).
fn crowded(n: usize) -> String {
    let (a, b) = chars(n);
    format!("园区{a}{b}产值")
}

/// A report built line by line: its text and indicators.
#[derive(Default)]
struct Lines {
    /// The text so far.
    text: String,
    /// Chars in `text`.
    chars: usize,
    /// The indicators so far.
    indicators: Vec<Indicator>,
}

impl Lines {
    /// Adds the line `before` + the texts of `parts` joined by "，" + "。",
    /// with an indicator of each part: (kind, metric, text, value).
    fn line(&mut self, before: &str, parts: &[(Kind, &str, &str, f64)]) {
        self.push(before);
        for (at, &(kind, metric, text, value)) in parts.iter().enumerate() {
            if at > 0 {
                self.push("，");
            }
            let found = rate_indicator(kind, metric, text, self.chars, value);
            self.indicators.push(found);
            self.push(text);
        }
        self.push("。\n");
    }

    /// Appends `text`.
    fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.chars += text.chars().count();
    }

    /// The report `name` of kind `kind`, for 2021.
    fn report(self, name: &str, kind: ReportKind) -> TrackedReport {
        let info = ReportInfo {
            kind,
            region: REGION.into(),
            issuer: String::new(),
            year: Some(2021),
        };
        let doc = Document::from_text(name, &self.text);
        TrackedReport::new(name, info, &doc, self.indicators)
    }
}

/// The plan: target `n` for metric `name(n)`, and one more (metric
/// `name(N)`) that only a close name in the execution report speaks of.
fn plan(name: fn(usize) -> String) -> TrackedReport {
    let mut lines = Lines::default();
    lines.push("武昌区2021年国民经济和社会发展计划\n");
    for n in 0..=N {
        let metric = name(n);
        let text = format!("{metric}增长7%");
        lines.line("全区", &[(Kind::Target, &metric, &text, 7.0)]);
    }
    lines.report("plan.txt", ReportKind::Plan)
}

/// The mid-year execution report and the index of the figure on each
/// target: figure `n` for metric `name(n)` (every tenth after its target
/// restated and without a name of its own, if `restate`); then "新" and
/// metric `name(N)`, a close name for it.
fn execution(name: fn(usize) -> String, restate: bool) -> (TrackedReport, Vec<usize>) {
    let mut lines = Lines::default();
    lines.push("武昌区2021年上半年计划执行情况\n");
    let mut figures = Vec::with_capacity(N + 1);
    for n in 0..N {
        let metric = name(n);
        if restate && n % RESTATED_EVERY == 0 {
            let target = format!("{metric}预期目标增长7%");
            figures.push(lines.indicators.len() + 1);
            let parts = [
                (Kind::Target, metric.as_str(), target.as_str(), 7.0),
                (Kind::Growth, "", "上半年增长8%", 8.0),
            ];
            lines.line("", &parts);
        } else {
            let text = format!("{metric}同比增长8%");
            figures.push(lines.indicators.len());
            lines.line("上半年全区", &[(Kind::Growth, &metric, &text, 8.0)]);
        }
    }
    let close = format!("新{}", name(N));
    figures.push(lines.indicators.len());
    let text = format!("{close}同比增长9%");
    lines.line("上半年", &[(Kind::Growth, &close, &text, 9.0)]);
    (
        lines.report("execution.txt", ReportKind::Execution),
        figures,
    )
}

/// Links the plan and the execution report with names from `name`.
fn link(name: fn(usize) -> String, restate: bool) -> (Vec<TargetRow>, Vec<usize>) {
    let (execution, figures) = execution(name, restate);
    let reports = vec![plan(name), execution];
    (link_targets(&reports, &[]), figures)
}

/// Checks that target `n` of the plan has one link, to `figure`, with `confidence`.
fn assert_linked(row: &TargetRow, n: usize, figure: usize, confidence: Confidence) {
    assert_eq!((row.target.report, row.target.indicator), (0, n));
    assert_eq!(row.links.len(), 1, "target {n}: {} links", row.links.len());
    let link = &row.links[0];
    assert_eq!((link.actual.report, link.actual.indicator), (1, figure));
    assert_eq!(link.confidence, confidence, "target {n}");
    assert_eq!(row.status, TargetStatus::OnTrack, "target {n}");
}

#[test]
fn twenty_thousand_targets_link_to_their_own_figures() {
    let (rows, figures) = link(distinct, true);
    // The restated targets of the execution report are not targets of their own.
    assert_eq!(rows.len(), N + 1);
    for (n, row) in rows.iter().take(N).enumerate() {
        let confidence = if n % RESTATED_EVERY == 0 {
            Confidence::Restated
        } else {
            Confidence::Exact
        };
        assert_linked(row, n, figures[n], confidence);
    }
}

#[test]
fn among_twenty_thousand_close_names_guesses_are_bounded() {
    let (rows, figures) = link(crowded, false);
    assert_eq!(rows.len(), N + 1);
    // Each close to hundreds of figures, but named precisely by one.
    for (n, row) in rows.iter().take(N).enumerate() {
        assert_linked(row, n, figures[n], Confidence::Exact);
    }
    let guesses = &rows[N].links;
    assert!(guesses.iter().all(|l| l.confidence == Confidence::Fuzzy));
    assert!(guesses.len() <= MAX_CLOSE, "{} guesses", guesses.len());
    assert!(
        guesses.iter().any(|l| l.actual.indicator == figures[N]),
        "新园区…产值 not among the guesses"
    );
}
