//! Text normalisation for matching: one char in, one char out, so char
//! offsets in the normalised text are offsets in the original.
//!
//! Full-width digits, letters and punctuation become ASCII (７％ → 7%,
//! ２．５ → 2.5), traditional characters become simplified (億 → 亿,
//! 增長 → 增长) using the table in `assets/lexicon/t2s.tsv`, and the many
//! dashes and tildes of Chinese typography become `-` or `~`.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// Pinyin that Big5 converters leave after a character ("生產(chǎn)總值",
/// "會(huì )"): lower-case letters and tone marks in ASCII brackets right
/// after a Han character. Upper-case abbreviations ("(GDP)") are kept.
static CONVERTER_PINYIN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(\p{Han})\([a-z\u{00E0}-\u{01DC}\u{0300}-\u{036F} ]{1,8}\)").ok()
});

/// `text` without the pinyin Big5 converters leave behind: "進(jìn)出口總額"
/// is "進出口總額". A metric never holds such pinyin.
pub fn strip_converter_pinyin(text: &str) -> Cow<'_, str> {
    match CONVERTER_PINYIN.as_ref() {
        Some(pinyin) => pinyin.replace_all(text, "$1"),
        None => Cow::Borrowed(text),
    }
}

/// Text with converter pinyin removed, and where each of its chars was.
pub struct WithoutPinyin {
    /// The text without pinyin.
    pub text: String,
    /// For each char of `text`, its char index in the original.
    pub source: Vec<usize>,
}

/// `text` without converter pinyin, or `None` when it has none. Only
/// brackets holding a tone mark ("(chǎn)") are taken as pinyin, so that
/// "方案(a)" keeps its letter.
pub fn without_converter_pinyin(text: &str) -> Option<WithoutPinyin> {
    let pinyin = CONVERTER_PINYIN.as_ref()?;
    let mut dropped = Vec::new();
    for found in pinyin.captures_iter(text) {
        let (Some(whole), Some(han)) = (found.get(0), found.get(1)) else {
            continue;
        };
        if text[han.end()..whole.end()].chars().any(is_tone_marked) {
            dropped.push(han.end()..whole.end());
        }
    }
    if dropped.is_empty() {
        return None;
    }
    let mut kept = WithoutPinyin {
        text: String::with_capacity(text.len()),
        source: Vec::new(),
    };
    let mut cuts = dropped.iter().peekable();
    for (index, (byte, c)) in text.char_indices().enumerate() {
        while cuts.next_if(|cut| cut.end <= byte).is_some() {}
        if cuts.peek().is_some_and(|cut| cut.contains(&byte)) {
            continue;
        }
        kept.text.push(c);
        kept.source.push(index);
    }
    Some(kept)
}

/// A vowel with a tone mark (ā, é, ǐ, ù, ǘ …) or a combining tone mark.
fn is_tone_marked(c: char) -> bool {
    matches!(c, '\u{00E0}'..='\u{01DC}' | '\u{0300}'..='\u{036F}')
}

/// The traditional → simplified table, sorted by traditional char.
static T2S: LazyLock<Vec<(char, char)>> =
    LazyLock::new(|| parse_t2s(include_str!("../../assets/lexicon/t2s.tsv")));

fn parse_t2s(table: &str) -> Vec<(char, char)> {
    let mut pairs: Vec<(char, char)> = table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut chars = line.split('\t').map(|s| s.chars());
            let from = chars.next()?.next()?;
            let to = chars.next()?.next()?;
            Some((from, to))
        })
        .collect();
    pairs.sort_unstable();
    pairs
}

/// One bit per Basic Multilingual Plane char: set when the char is in [`T2S`].
static T2S_MEMBERS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    for &(from, _) in T2S.iter().filter(|(from, _)| (*from as u32) < 0x10000) {
        bits[from as usize / 64] |= 1 << (from as usize % 64);
    }
    bits
});

fn simplified(ch: char) -> char {
    let code = ch as usize;
    let absent = code < 0x10000 && T2S_MEMBERS[code / 64] & (1 << (code % 64)) == 0;
    if ch.is_ascii() || absent {
        return ch;
    }
    T2S.binary_search_by_key(&ch, |&(from, _)| from)
        .map_or(ch, |index| T2S[index].1)
}

/// The matching form of one char.
pub fn normalize_char(ch: char) -> char {
    match ch {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{3000}' => ' ',
        '—' | '–' | '‐' | '‑' | '‒' | '―' | '−' => '-',
        '〜' => '~',
        '。' | '｡' => '。',
        _ => simplified(ch),
    }
}

/// The matching form of `text`; it has exactly as many chars as `text`.
pub fn normalize(text: &str) -> String {
    text.chars().map(normalize_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_becomes_ascii() {
        assert_eq!(normalize("增长７％，２．５"), "增长7%,2.5");
    }

    #[test]
    fn traditional_becomes_simplified() {
        assert_eq!(normalize("779.43億元"), "779.43亿元");
        assert_eq!(normalize("3.5個百分點"), "3.5个百分点");
    }

    #[test]
    fn keeps_char_count() {
        let text = "——地區生產總值增長７％；";
        assert_eq!(normalize(text).chars().count(), text.chars().count());
    }

    #[test]
    fn pinyin_goes_and_each_char_knows_where_it_was() {
        let kept = without_converter_pinyin("總值達(dá)24萬(wàn)億元").map(|k| (k.text, k.source));
        assert_eq!(
            kept,
            Some(("總值達24萬億元".to_string(), vec![0, 1, 2, 7, 8, 9, 15, 16]))
        );
        assert!(without_converter_pinyin("方案(a)与方案(b),地区生产总值(GDP)").is_none());
    }

    #[test]
    fn converter_pinyin_leaves_metrics() {
        assert_eq!(strip_converter_pinyin("進(jìn)出口總額"), "進出口總額");
        assert_eq!(strip_converter_pinyin("全省生產(chǎn)總值"), "全省生產總值");
        assert_eq!(strip_converter_pinyin("會(huì )議"), "會議");
        assert_eq!(
            strip_converter_pinyin("地区生产总值(GDP)"),
            "地区生产总值(GDP)"
        );
        assert_eq!(
            strip_converter_pinyin("细颗粒物(PM2.5)浓度"),
            "细颗粒物(PM2.5)浓度"
        );
    }
}
