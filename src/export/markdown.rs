//! Making report text and the reader's notes safe to put in Markdown: no
//! quote, note or cell can become HTML (`<script>` is written as
//! `&lt;script&gt;`), a heading, a list, a rule, a code block or a link, and
//! no line break of any kind (LF, CR, CRLF, U+2028/U+2029) can start a new
//! block inside a table cell or a heading.

/// Characters that mean something anywhere in a Markdown line, escaped with a backslash.
const INLINE_SIGNIFICANT: &[char] = &['\\', '`', '*', '_', '[', ']', '#', '|', '~', '!'];
/// Characters that mean something at the start of a line (lists, headings, rules).
const LINE_START_SIGNIFICANT: &[char] = &['+', '-', '='];
/// Characters any Markdown reader may take as the end of a line.
const LINE_BREAKS: &[char] = &['\n', '\r', '\u{2028}', '\u{2029}', '\u{0085}'];

/// The lines of `text`, split at LF, CR, CRLF and the Unicode line separators.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split("\r\n").flat_map(|part| part.split(LINE_BREAKS))
}

/// `text` on one line as plain text: HTML characters as entities, Markdown
/// punctuation backslash-escaped, line breaks as spaces.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if LINE_BREAKS.contains(&c) => out.push(' '),
            c => {
                if INLINE_SIGNIFICANT.contains(&c) {
                    out.push('\\');
                }
                out.push(c);
            }
        }
    }
    out
}

/// A table cell: as [`escape_inline`], so `|` and line breaks cannot end the cell or the row.
pub fn escape_cell(cell: &str) -> String {
    escape_inline(cell)
}

/// Escapes one line so it stays plain text wherever it starts: leading
/// blanks (code blocks) are dropped, list, heading and rule markers escaped.
pub fn escape_line(line: &str) -> String {
    let line = line.trim();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let escaped = escape_inline(line);
    if line.starts_with(LINE_START_SIGNIFICANT) {
        return format!("\\{escaped}");
    }
    match line[digits..].chars().next() {
        Some(marker @ ('.' | ')')) if digits > 0 => {
            format!("{}\\{marker}{}", &line[..digits], &escaped[digits + 1..])
        }
        _ => escaped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_cannot_become_lists_headings_or_rules() {
        assert_eq!(escape_line("- 复查"), "\\- 复查");
        assert_eq!(escape_line("1. 第一"), "1\\. 第一");
        assert_eq!(escape_line("===="), "\\====");
        assert_eq!(escape_line("    # 代码"), "\\# 代码");
        assert_eq!(escape_line("2021年增长7.5%"), "2021年增长7.5%");
    }

    #[test]
    fn inline_syntax_and_html_are_escaped() {
        assert_eq!(
            escape_inline("**重点** [链接](x)"),
            "\\*\\*重点\\*\\* \\[链接\\](x)"
        );
        assert_eq!(escape_inline("a<b>&c|d"), "a&lt;b&gt;&amp;c\\|d");
        assert_eq!(
            escape_inline("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
    }

    #[test]
    fn every_kind_of_line_break_splits_lines_and_never_reaches_a_cell() {
        let text = "一\r# 标题\r\n- 列表\u{2028}三\n四";
        assert_eq!(
            lines(text).collect::<Vec<_>>(),
            ["一", "# 标题", "- 列表", "三", "四"]
        );
        assert!(!escape_cell(text).contains(LINE_BREAKS));
    }
}
