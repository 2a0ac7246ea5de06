//! The opening of a report as identity detection reads it: simplified, with
//! full-width forms folded, the pinyin a Big5 converter leaves behind
//! ("報(bào)告") removed, the spaces that PDF and web extraction put inside
//! words and dates ("政 府 工 作 报 告", "1 月 23 日") closed, and years
//! written in Chinese numerals ("二〇二二年") turned into digits.

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::normalize::{normalize, strip_converter_pinyin};

/// How many characters of a report are read: the title block, the
/// dateline and the lead paragraphs, where a report says what it is.
pub const HEAD_CHARS: usize = 1600;

/// How many characters of the head count as its title zone.
pub const TITLE_CHARS: usize = 160;

/// A year written with Chinese digits: "二〇二二年", "二○三五年".
static HAN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[〇○零一二三四五六七八九]{4}年")
        .unwrap_or_else(|e| panic!("year pattern is valid: {e}"))
});

/// The cleaned opening of `text`, at most [`HEAD_CHARS`] characters of it.
pub fn clean_head(text: &str) -> String {
    let head: String = text.chars().take(HEAD_CHARS).collect();
    let simplified: String = normalize(&head).chars().map(fold_variant).collect();
    let without_pinyin = strip_converter_pinyin(&simplified);
    let closed = close_spaces(&without_pinyin);
    HAN_YEAR
        .replace_all(&closed, |caps: &regex::Captures| han_year(&caps[0]))
        .into_owned()
}

/// Variant characters the simplification table leaves as they are.
fn fold_variant(c: char) -> char {
    match c {
        '陜' => '陕',
        '峯' => '峰',
        '舘' => '馆',
        _ => c,
    }
}

/// Drops every run of whitespace that has a Chinese character on one side
/// and a Chinese character or a digit on the other.
fn close_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < chars.len() {
        if !chars[at].is_whitespace() {
            out.push(chars[at]);
            at += 1;
            continue;
        }
        let end = (at..chars.len())
            .find(|&i| !chars[i].is_whitespace())
            .unwrap_or(chars.len());
        let before = out.chars().last();
        let after = chars.get(end).copied();
        let joins = |a: Option<char>, b: Option<char>| {
            a.is_some_and(is_han) && b.is_some_and(|c| is_han(c) || c.is_ascii_digit())
        };
        if !(joins(before, after) || joins(after, before)) {
            let newline = chars[at..end].contains(&'\n');
            out.push(if newline { '\n' } else { ' ' });
        }
        at = end;
    }
    out
}

/// "二〇二二年" as "2022年".
fn han_year(written: &str) -> String {
    written
        .chars()
        .map(|c| match c {
            '〇' | '○' | '零' => '0',
            '年' => '年',
            _ => "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .and_then(|d| char::from_digit(d as u32 + 1, 10))
                .unwrap_or(c),
        })
        .collect()
}

/// True for a CJK ideograph.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The value of a number written in Chinese up to 99 ("十三" = 13, "廿八" = 28).
pub fn han_number(written: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32 + 1)
    };
    let chars: Vec<char> = written.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        ['廿'] => Some(20),
        ['卅'] => Some(30),
        [c] => digit(*c),
        ['十', u] => Some(10 + digit(*u)?),
        ['廿', u] => Some(20 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converter_pinyin_and_spaces_go() {
        assert_eq!(clean_head("政府工作報(bào)告"), "政府工作报告");
        assert_eq!(clean_head("會(huì )議"), "会议");
        assert_eq!(clean_head("政 府 工 作 报 告"), "政府工作报告");
        assert_eq!(clean_head("1 月 23 日"), "1月23日");
        assert_eq!(clean_head("1995 1996"), "1995 1996");
    }

    #[test]
    fn chinese_years_become_digits() {
        assert_eq!(clean_head("二〇二二年"), "2022年");
        assert_eq!(han_number("十三"), Some(13));
        assert_eq!(han_number("廿八"), Some(28));
        assert_eq!(han_number("五"), Some(5));
    }
}
