//! Visual lines of a PDF page from its runs: runs that follow each other in
//! the content stream on the same baseline form one line; a run on another
//! baseline, or one that starts back over the line, starts a new one.
//! Content order is kept (not sorted by position), because the producers
//! write each column whole, in reading order, and sorting by position mixes
//! columns. Within a line a wide gap (a table's next cell) becomes a tab, a
//! smaller one between Latin letters or digits a space.

use super::pdf_runs::Run;

/// A gap this many ems wide or more between two runs of a line separates cells.
const CELL_GAP_EMS: f32 = 1.5;
/// A gap this many ems wide between Latin letters or digits is a word space.
const WORD_GAP_EMS: f32 = 0.2;
/// Baselines closer than this many ems are the same line (sub- and superscripts).
const SAME_BASELINE_EMS: f32 = 0.4;

/// One visual line of a page (points, y upwards).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// Where the line starts.
    pub x: f32,
    /// Where it ends (estimated glyph widths).
    pub end_x: f32,
    /// Baseline of its first run.
    pub y: f32,
    /// Largest font size in it.
    pub size: f32,
    /// Its text; cells of a table row are separated by tabs.
    pub text: String,
}

impl Line {
    fn start(run: Run) -> Self {
        Self {
            x: run.x,
            end_x: run.end_x,
            y: run.y,
            size: run.size,
            text: run.text,
        }
    }

    /// Whether `run` goes on with this line.
    fn continues_with(&self, run: &Run) -> bool {
        let em = self.size.max(run.size).max(1.0);
        (run.y - self.y).abs() < SAME_BASELINE_EMS * em && run.x > self.end_x - em
    }

    fn push(&mut self, run: Run) {
        let em = self.size.max(run.size).max(1.0);
        let gap = run.x - self.end_x;
        if gap >= CELL_GAP_EMS * em {
            self.text.push('\t');
        } else if gap >= WORD_GAP_EMS * em && latin_meets_latin(&self.text, &run.text) {
            self.text.push(' ');
        }
        self.text.push_str(&run.text);
        self.end_x = self.end_x.max(run.end_x);
        self.size = self.size.max(run.size);
    }

    /// True when the line holds nothing but blanks.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Whether the text before and after a join both touch a Latin letter or digit.
fn latin_meets_latin(before: &str, after: &str) -> bool {
    let last = before.chars().next_back();
    let first = after.chars().next();
    last.is_some_and(|c| c.is_ascii_alphanumeric())
        && first.is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The page's visual lines, in content order; blank lines are dropped.
pub(crate) fn lines(runs: Vec<Run>) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for run in runs {
        match lines.last_mut() {
            Some(line) if line.continues_with(&run) => line.push(run),
            _ => lines.push(Line::start(run)),
        }
    }
    lines.retain(|line| !line.is_blank());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(x: f32, y: f32, text: &str) -> Run {
        let width = text.chars().count() as f32 * 10.0;
        Run {
            x,
            y,
            end_x: x + width,
            size: 10.0,
            text: text.to_string(),
        }
    }

    #[test]
    fn runs_on_one_baseline_are_one_line() {
        let runs = vec![
            run(0.0, 700.0, "武昌区"),
            run(30.0, 700.0, "2021"),
            run(70.0, 700.0, "年"),
        ];
        let lines = lines(runs);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "武昌区2021年");
    }

    #[test]
    fn a_new_baseline_or_a_step_back_starts_a_line() {
        let runs = vec![
            run(0.0, 700.0, "一行"),
            run(0.0, 680.0, "二行"),
            run(0.0, 680.0, "三行"),
        ];
        let texts: Vec<String> = lines(runs).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["一行", "二行", "三行"]);
    }

    #[test]
    fn a_wide_gap_is_a_cell_and_a_small_one_between_words_a_space() {
        let runs = vec![run(0.0, 700.0, "指标"), run(60.0, 700.0, "目标")];
        assert_eq!(lines(runs)[0].text, "指标\t目标");
        let runs = vec![run(0.0, 700.0, "GDP"), run(33.0, 700.0, "7%")];
        assert_eq!(lines(runs)[0].text, "GDP 7%");
    }
}
