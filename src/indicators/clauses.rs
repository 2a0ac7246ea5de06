//! Sentence and clause boundaries inside one block of normalised text,
//! ignoring punctuation inside quotes, title marks and brackets, so that
//! “才聚武昌、共创未来” stays one piece.

/// Where sentences and clauses of one block begin.
pub struct Clauses {
    text: String,
    /// Byte offset of each char in `text`, plus `text.len()` at the end.
    byte_of: Vec<usize>,
    chars: Vec<char>,
    /// For each char: true when it ends a sentence (。；;！？!?).
    sentence_end: Vec<bool>,
    /// For each char: true when it ends a clause (a sentence end, or ，,：:、 and dashes).
    clause_end: Vec<bool>,
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
        let mut depth = 0usize;
        let mut sentence_end = vec![false; chars.len()];
        let mut clause_end = vec![false; chars.len()];
        for (i, &c) in chars.iter().enumerate() {
            match c {
                '“' | '《' | '(' | '「' | '[' | '【' => depth += 1,
                '”' | '》' | ')' | '」' | ']' | '】' => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth == 0 {
                sentence_end[i] = matches!(c, '。' | ';' | '!' | '?');
                let dash =
                    c == '-' && (i > 0 && chars[i - 1] == '-' || chars.get(i + 1) == Some(&'-'));
                clause_end[i] = sentence_end[i] || dash || matches!(c, ',' | ':' | '、' | ' ');
            }
        }
        Self {
            text,
            byte_of,
            chars,
            sentence_end,
            clause_end,
        }
    }

    /// The block's chars.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Start of the sentence containing position `at`.
    pub fn sentence_start(&self, at: usize) -> usize {
        self.sentence_end[..at.min(self.chars.len())]
            .iter()
            .rposition(|&end| end)
            .map_or(0, |i| i + 1)
    }

    /// Start of the clause containing `at`. A clause that follows "、" is
    /// widened over earlier "、" pieces that hold no digit, so that
    /// "数字经济企业、高科技企业8000家" keeps both names together.
    pub fn clause_start(&self, at: usize) -> usize {
        let mut start = self.previous_clause_start(at);
        while start > 0 && self.chars[start - 1] == '、' {
            let earlier = self.previous_clause_start(start - 1);
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
        self.clause_end[..at.min(self.chars.len())]
            .iter()
            .rposition(|&end| end)
            .map_or(0, |i| i + 1)
    }

    /// End (exclusive) of the clause containing `at`.
    pub fn clause_end(&self, at: usize) -> usize {
        self.clause_end[at.min(self.chars.len())..]
            .iter()
            .position(|&end| end)
            .map_or(self.chars.len(), |i| i + at)
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
