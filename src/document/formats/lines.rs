//! Reading text built a piece at a time by the web-page and Word readers:
//! text goes on the current line, a break starts a new one, a heading level
//! can be set on the current line. Lines are trimmed, runs of blanks inside
//! them become one space (tabs, which separate table cells, are kept) and
//! empty lines are dropped, so the readers need not care how often they break.

use super::HeadingHint;

/// The text so far, and the heading level of each line.
#[derive(Debug, Default)]
pub(crate) struct LineBuilder {
    lines: Vec<(String, Option<u8>)>,
    current: String,
    level: Option<u8>,
}

impl LineBuilder {
    /// Adds `text` to the current line.
    pub fn push(&mut self, text: &str) {
        self.current.push_str(text);
    }

    /// Ends the current line (nothing happens on an empty one).
    pub fn break_line(&mut self) {
        let line = tidy_blanks(&self.current);
        if !line.is_empty() {
            self.lines.push((line, self.level));
        }
        self.current.clear();
        self.level = None;
    }

    /// Whether the current line has any text yet.
    pub fn line_is_empty(&self) -> bool {
        self.current.trim().is_empty()
    }

    /// Makes the current line a heading of `level`.
    pub fn set_heading(&mut self, level: u8) {
        self.level = Some(level);
    }

    /// The text, one line each, and where its headings start.
    pub fn finish(mut self) -> (String, Vec<HeadingHint>) {
        self.break_line();
        let mut text = String::new();
        let mut hints = Vec::new();
        let mut offset = 0;
        for (line, level) in self.lines {
            if let Some(level) = level {
                hints.push(HeadingHint { offset, level });
            }
            offset += line.chars().count() + 1;
            text.push_str(&line);
            text.push('\n');
        }
        (text, hints)
    }
}

/// The line trimmed, each run of blanks one space and a tab (a cell
/// boundary) with the blanks around it one tab.
fn tidy_blanks(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending: Option<char> = None;
    for c in line.chars() {
        if c.is_whitespace() || c == '\u{feff}' {
            if c == '\t' || pending.is_none() {
                pending = Some(if c == '\t' { '\t' } else { ' ' });
            }
            continue;
        }
        if let Some(blank) = pending.take().filter(|_| !out.is_empty()) {
            out.push(blank);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_are_tidied_and_empty_lines_dropped() {
        let mut lines = LineBuilder::default();
        lines.push("\u{a0}\u{a0}名  称: 计划 \n");
        lines.break_line();
        lines.break_line();
        lines.push(" 指标 \t 全年目标 ");
        lines.break_line();
        lines.set_heading(2);
        lines.push("一、总体要求");
        let (text, hints) = lines.finish();
        assert_eq!(text, "名 称: 计划\n指标\t全年目标\n一、总体要求\n");
        assert_eq!(
            hints,
            [HeadingHint {
                offset: 16,
                level: 2
            }]
        );
    }
}
