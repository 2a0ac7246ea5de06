//! Sentence and clause boundaries inside one block of normalised text,
//! ignoring punctuation inside paired quotes, title marks and brackets, so
//! that “才聚武昌、共创未来” stays one piece. Every lookup is O(1): the
//! boundaries are tabulated once per block. A clause is seen through a window
//! of [`CLAUSE_WINDOW`] chars around the position asked about, so that text
//! without punctuation (or wholly inside one bracket) is read in linear time.

use crate::indicators::quotes::Quotes;

/// How far, in chars, a clause reaches from the position it is asked about,
/// backwards ([`Clauses::clause_start`]) and forwards ([`Clauses::clause_end`]).
/// The longest clause of the fixture reports, "、" lists included, is under
/// 150 chars; past this window a run of text without punctuation is not a
/// clause a reader would write, and every read around a number stays bounded.
pub const CLAUSE_WINDOW: usize = 200;

/// Where sentences and clauses of one block begin and end.
pub struct Clauses {
    text: String,
    /// Byte offset of each char in `text`, plus `text.len()` at the end.
    byte_of: Vec<usize>,
    chars: Vec<char>,
    quotes: Quotes,
    /// For each char: true when it ends a clause (a sentence end, or ,:、 and dashes).
    clause_end: Vec<bool>,
    /// For each char: where its sentence starts.
    sentence_start_of: Vec<u32>,
    /// For each char: where its clause starts (before widening over "、").
    clause_start_of: Vec<u32>,
    /// For each char: where its clause ends.
    clause_end_of: Vec<u32>,
}

impl Clauses {
    /// Analyses one block of normalised text.
    pub fn new(text: impl Into<String>) -> Self {
        let text: String = text.into();
        let chars: Vec<char> = text.chars().collect();
        let byte_of = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let quotes = Quotes::new(&chars);
        let sentence_end: Vec<bool> = (0..chars.len())
            .map(|i| !quotes.is_inside(i) && matches!(chars[i], '。' | ';' | '!' | '?'))
            .collect();
        let clause_end: Vec<bool> = (0..chars.len())
            .map(|i| sentence_end[i] || !quotes.is_inside(i) && is_clause_mark(&chars, i))
            .collect();
        Self {
            sentence_start_of: starts_after(&sentence_end),
            clause_start_of: starts_after(&clause_end),
            clause_end_of: ends_at(&clause_end),
            text,
            byte_of,
            chars,
            quotes,
            clause_end,
        }
    }

    /// The quotation marks and brackets of the block.
    pub fn quotes(&self) -> &Quotes {
        &self.quotes
    }

    /// The block's chars.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Start of the sentence containing position `at`.
    pub fn sentence_start(&self, at: usize) -> usize {
        lookup(&self.sentence_start_of, at)
    }

    /// Start of the clause containing `at`, at most [`CLAUSE_WINDOW`] chars
    /// back. A clause that follows "、" is widened over earlier "、" pieces
    /// that hold no digit, so that "数字经济企业、高科技企业8000家" keeps
    /// both names together.
    pub fn clause_start(&self, at: usize) -> usize {
        let floor = at.saturating_sub(CLAUSE_WINDOW);
        let mut start = self.previous_clause_start(at).max(floor);
        while start > floor && self.chars[start - 1] == '、' {
            let earlier = self.previous_clause_start(start - 1).max(floor);
            if self.chars[earlier..start - 1]
                .iter()
                .any(char::is_ascii_digit)
            {
                break;
            }
            start = earlier;
        }
        start
    }

    fn previous_clause_start(&self, at: usize) -> usize {
        lookup(&self.clause_start_of, at)
    }

    /// End (exclusive) of the clause containing `at`, at most
    /// [`CLAUSE_WINDOW`] chars on.
    pub fn clause_end(&self, at: usize) -> usize {
        if at >= self.chars.len() {
            return self.chars.len();
        }
        (self.clause_end_of[at] as usize).min(at + CLAUSE_WINDOW)
    }

    /// True when char `at` ends a clause (a sentence end, or ,:、 and dashes).
    pub fn ends_clause(&self, at: usize) -> bool {
        self.clause_end.get(at).copied().unwrap_or(false)
    }

    /// Char spans of the clauses, delimiters excluded, in order.
    pub fn clause_spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let ends = self
            .clause_end
            .iter()
            .enumerate()
            .filter(|(_, &end)| end)
            .map(|(i, _)| i);
        let ends = ends.chain([self.chars.len()]);
        let mut start = 0;
        ends.filter_map(move |end| {
            let span = (start, end);
            start = end + 1;
            (span.0 < span.1).then_some(span)
        })
    }

    /// The whole block text.
    pub fn all(&self) -> &str {
        &self.text
    }

    /// Byte offset of char `at` (the text length past the end).
    pub fn byte_at(&self, at: usize) -> usize {
        self.byte_of[at.min(self.chars.len())]
    }

    /// Char offset of the char that starts at byte `byte` (or the next one).
    pub fn char_at_byte(&self, byte: usize) -> usize {
        self.byte_of.partition_point(|&b| b < byte)
    }

    /// The text from char `start` to char `end` (clamped to the block).
    pub fn text(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.chars.len());
        let start = start.min(end);
        &self.text[self.byte_of[start]..self.byte_of[end]]
    }
}

/// `,` `:` `、` and spaces end a clause, and so does a dash of two or more
/// "-" (the normalised "——"), but not the "-" of a range such as "2-3",
/// nor a single space beside a figure, as PDF and web text put them
/// ("增长 5.8%", "482 亿元").
fn is_clause_mark(chars: &[char], i: usize) -> bool {
    let dash = chars[i] == '-' && (i > 0 && chars[i - 1] == '-' || chars.get(i + 1) == Some(&'-'));
    dash || matches!(chars[i], ',' | ':' | '、') || chars[i] == ' ' && !spaces_a_figure(chars, i)
}

/// True when the space at `i` stands alone next to a digit or a percent sign.
fn spaces_a_figure(chars: &[char], i: usize) -> bool {
    let figure = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || *c == '%');
    let (before, after) = (
        i.checked_sub(1).and_then(|b| chars.get(b)),
        chars.get(i + 1),
    );
    let alone = before != Some(&' ') && after != Some(&' ');
    alone && (figure(before) || figure(after))
}

/// For each position, the index just after the last `true` strictly before it.
fn starts_after(ends: &[bool]) -> Vec<u32> {
    let mut start = 0u32;
    let mut starts = Vec::with_capacity(ends.len() + 1);
    for (i, &end) in ends.iter().enumerate() {
        starts.push(start);
        if end {
            start = i as u32 + 1;
        }
    }
    starts.push(start);
    starts
}

/// For each position, the index of the first `true` at or after it (or the length).
fn ends_at(ends: &[bool]) -> Vec<u32> {
    let mut end = ends.len() as u32;
    let mut result = vec![0u32; ends.len()];
    for i in (0..ends.len()).rev() {
        if ends[i] {
            end = i as u32;
        }
        result[i] = end;
    }
    result
}

fn lookup(table: &[u32], at: usize) -> usize {
    table.get(at).or(table.last()).map_or(0, |&v| v as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_hold_their_commas() {
        let clauses = Clauses::new("举办“才聚武昌、共创未来”面洽会12场,吸引1万名。下一句");
        let at = clauses.chars().iter().position(|&c| c == '1').unwrap_or(0);
        assert_eq!(clauses.clause_start(at), 0);
        let next = clauses.chars().iter().position(|&c| c == '下').unwrap_or(0);
        assert_eq!(clauses.sentence_start(next + 1), next);
    }

    #[test]
    fn list_pieces_without_numbers_join() {
        let clauses = Clauses::new("累计培育数字经济企业、高科技企业8000家,新建3个");
        let at = clauses.chars().iter().position(|&c| c == '8').unwrap_or(0);
        assert_eq!(clauses.clause_start(at), 0);
        let second = clauses.chars().iter().position(|&c| c == '3').unwrap_or(0);
        assert_eq!(clauses.text(clauses.clause_start(second), second), "新建");
    }
}
