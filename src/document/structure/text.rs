//! Small character and line predicates shared by the structure passes:
//! punctuation classes, Han detection and the number-with-unit test.

use std::sync::LazyLock;

use regex::Regex;

/// A number followed by a unit ("1万个", "300亿元", "7%"): the mark of an indicator.
static NUMBER_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\d+(?:\.\d+)?\s*(?:%|％|‰|万|亿|千|百|个|家|项|元|人|户|名|件|所|座|条|台|辆|吨|公里|米|平方|亩|公顷|倍|场|批|栋|处|根|张|套|间)",
    )
    .expect("NUMBER_UNIT is a valid regex")
});

/// True for chars that end a sentence (。！？；).
pub(crate) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
}

/// True for chars that end a clause but cannot end a heading (，、：…).
pub(crate) fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | ',' | '、' | '：' | ':' | '…')
}

/// True for closing quotes and brackets, which hide the punctuation before them.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '」' | '』' | '）' | ')' | '》' | '】' | ']'
    )
}

/// The last char of `text` that is not a closing quote, bracket or blank.
pub(crate) fn last_meaningful(text: &str) -> Option<char> {
    text.chars()
        .rev()
        .find(|c| !is_closer(*c) && !c.is_whitespace())
}

/// True when the line ends the way a sentence or clause does.
pub(crate) fn ends_like_sentence(text: &str) -> bool {
    last_meaningful(text).is_some_and(|c| is_sentence_end(c) || is_clause_end(c))
}

/// True when `text` contains a sentence-ending char anywhere.
pub(crate) fn has_sentence_end(text: &str) -> bool {
    text.chars().any(is_sentence_end)
}

/// True for CJK unified ideographs (the Han script as used in reports).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// True when `text` contains at least one Han char.
pub(crate) fn has_han(text: &str) -> bool {
    text.chars().any(is_han)
}

/// True when every char of `text` is Han (and there is at least one).
pub(crate) fn all_han(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_han)
}

/// True when `text` contains a number followed by a unit, like "1万个" or "7%".
pub(crate) fn has_number_with_unit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit()) && NUMBER_UNIT.is_match(text)
}

/// Number of chars in `text`.
pub(crate) fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// The first `chars` chars of `text`.
pub(crate) fn char_prefix(text: &str, chars: usize) -> &str {
    let end = text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b);
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_classes() {
        assert!(ends_like_sentence("完成目标。"));
        assert!(ends_like_sentence("他说:“好。”"));
        assert!(ends_like_sentence("各位代表:"));
        assert!(!ends_like_sentence("坚持创新驱动 全力打造数字经济发展样板"));
        assert!(!ends_like_sentence("留言与评论(共有 条评论)"));
    }

    #[test]
    fn numbers_with_units() {
        assert!(has_number_with_unit("新增停车泊位1万个以上"));
        assert!(has_number_with_unit("增长7%"));
        assert!(!has_number_with_unit("本文地址:/baogao/huazhong/4725.html"));
        assert!(!has_number_with_unit("2025年重点工作"));
    }

    #[test]
    fn prefixes_by_chars() {
        assert_eq!(char_prefix("二是塑优势。后文", 5), "二是塑优势");
        assert_eq!(char_prefix("短", 5), "短");
    }
}
