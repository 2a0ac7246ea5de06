//! Finding number-with-unit candidates in normalised text and rejecting the
//! traps that look like quantities but are not: dates, ordinals, names with
//! numbers, slogans, group conditions, quoted names.

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::clauses::Clauses;
use crate::indicators::lexicon::LEXICON;
use crate::indicators::numbers::{magnitude, parse_range};

/// A number with its unit, found in normalised text. Offsets are char offsets
/// into the block text the candidate was found in.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Start of the number.
    pub value_start: usize,
    /// End of the number (start of the unit).
    pub value_end: usize,
    /// End of the unit (and of an approximation mark such as 余 before it).
    pub unit_end: usize,
    /// The number as written: "779.43", "2-3", "两".
    pub value: String,
    /// The unit as written, magnitude included: "亿元", "万个", "%".
    pub unit: String,
    /// "余" or "多" written between magnitude and measure ("1万余名"), and its offset.
    pub approximate: Option<(String, usize)>,
    /// Lower bound (or the value) in base units.
    pub low: f64,
    /// Upper bound of a range in base units.
    pub high: Option<f64>,
    /// Base unit: "元", "个", "%", "百分点".
    pub base_unit: String,
    /// True when the number is written in Chinese numerals.
    pub chinese: bool,
}

const ARABIC: &str = r"\d+(?:,\d{3})*(?:\.\d+)?";
const CHINESE: &str = "[零〇一二两三四五六七八九十百千万亿]+";
const RANGE_SEP: &str = r"\s*[-~至到]\s*";
/// One space that PDF and web text leave between a figure and its unit
/// ("482 亿元", "增长 5% 以上", "14.5 %"); a figure in Arabic digits only.
const GAP: &str = "[ \u{3000}]?";
const MAGNITUDES: &str = "万亿|千亿|百亿|亿|千万|百万|十万|万|千|百";
const MAGNITUDE_WORDS: &[&str] = &[
    "万亿", "千亿", "百亿", "亿", "千万", "百万", "十万", "万", "千", "百",
];

/// The number at the start of a candidate match.
static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern =
        format!("^(?:{ARABIC}(?:{RANGE_SEP}{ARABIC})?|{CHINESE}(?:{RANGE_SEP}{CHINESE})?)");
    Regex::new(&pattern).unwrap_or_else(|e| panic!("value pattern is valid: {e}"))
});

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    let mut measures: Vec<&str> = LEXICON.measures.keys().map(String::as_str).collect();
    measures.sort_by_key(|m| std::cmp::Reverse(m.chars().count()));
    let measures: Vec<String> = measures.iter().map(|m| regex::escape(m)).collect();
    let pattern = format!(
        "(?:{ARABIC}(?:{RANGE_SEP}{ARABIC})?{GAP}|{CHINESE}(?:{RANGE_SEP}{CHINESE})?)\
         (?:余|多)?(?:{MAGNITUDES})?(?:余|多)?(?:{})?",
        measures.join("|")
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("candidate pattern is valid: {e}"))
});

/// "百分之九", "百分之三十八点五", "百分之7.5": a percentage written in words,
/// as news reports and traditional-script texts write it.
static PERCENT_IN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?)",
    )
    .unwrap_or_else(|e| panic!("percentage pattern is valid: {e}"))
});

/// All plausible number-with-unit candidates in a block (normalised), in order.
pub fn find_candidates(clauses: &Clauses) -> Vec<Candidate> {
    let text = clauses.all();
    let mut found: Vec<Candidate> = CANDIDATE
        .find_iter(text)
        .filter_map(|m| build(m.as_str(), m.start(), clauses))
        .collect();
    if text.contains("百分之") {
        found.extend(percentages_in_words(clauses));
        found.sort_by_key(|c| c.value_start);
    }
    merge_ranges(found, clauses.chars())
        .into_iter()
        .filter(|c| !is_trap(c, clauses))
        .collect()
}

/// The percentages written in words ("增长百分之九"): the figure is the
/// whole phrase, its unit "%".
fn percentages_in_words(clauses: &Clauses) -> impl Iterator<Item = Candidate> + '_ {
    PERCENT_IN_WORDS
        .captures_iter(clauses.all())
        .filter_map(|found| {
            let (whole, number) = (found.get(0)?, found.get(1)?);
            let value = crate::indicators::numbers::parse_chinese_decimal(number.as_str())
                .or_else(|| number.as_str().parse().ok())?;
            let end = clauses.char_at_byte(whole.end());
            Some(Candidate {
                value_start: clauses.char_at_byte(whole.start()),
                value_end: end,
                unit_end: end,
                value: whole.as_str().to_string(),
                unit: "%".to_string(),
                approximate: None,
                low: value,
                high: None,
                base_unit: "%".to_string(),
                chinese: false,
            })
        })
}

/// "6%-6.5%", "2万-3万人": a range whose bounds each carry their unit is one
/// candidate, from the first number to the second unit.
fn merge_ranges(found: Vec<Candidate>, chars: &[char]) -> Vec<Candidate> {
    let mut merged: Vec<Candidate> = Vec::with_capacity(found.len());
    for next in found {
        let joins = merged.last().is_some_and(|last| {
            let separated = next.value_start == last.unit_end + 1
                && matches!(chars[last.unit_end], '-' | '~' | '至' | '到');
            let same_unit = last.base_unit == next.base_unit || last.base_unit.is_empty();
            separated
                && same_unit
                && last.high.is_none()
                && next.high.is_none()
                && last.low <= next.low
        });
        match merged.last_mut().filter(|_| joins) {
            Some(last) => {
                (last.high, last.unit_end, last.value_end) =
                    (Some(next.low), next.unit_end, next.value_end);
                (last.unit, last.base_unit) = (next.unit, next.base_unit);
                last.value = chars[last.value_start..last.value_end].iter().collect();
            }
            None => merged.push(next),
        }
    }
    merged
}

/// The parts of one match: number, approximation mark, magnitude and measure.
struct Parts<'t> {
    value: &'t str,
    approx: Option<(&'t str, usize)>,
    magnitude: &'t str,
    measure: &'t str,
}

/// Splits a match ("1万余名", "2000千瓦", "两亿元") into its parts.
fn split_match(text: &str) -> Option<Parts<'_>> {
    let value = VALUE.find(text)?.as_str();
    let rest = &text[value.len()..];
    let rest = rest.strip_prefix([' ', '\u{3000}']).unwrap_or(rest);
    [true, false].into_iter().find_map(|with_magnitude| {
        let (approx_before, rest) = take_approx(rest);
        let magnitude = if with_magnitude {
            longest_prefix(rest, MAGNITUDE_WORDS)
        } else {
            ""
        };
        let (approx_after, measure) = take_approx(&rest[magnitude.len()..]);
        let known = measure.is_empty() || LEXICON.measures.contains_key(measure);
        let approx = approx_after
            .or(approx_before)
            .map(|a| (a, offset_of(text, a)));
        known.then_some(Parts {
            value,
            approx,
            magnitude,
            measure,
        })
    })
}

fn take_approx(text: &str) -> (Option<&str>, &str) {
    match text.chars().next() {
        Some(c @ ('余' | '多')) => (Some(&text[..c.len_utf8()]), &text[c.len_utf8()..]),
        _ => (None, text),
    }
}

fn longest_prefix<'t>(text: &'t str, words: &[&str]) -> &'t str {
    words
        .iter()
        .find(|w| text.starts_with(**w))
        .map_or("", |w| &text[..w.len()])
}

/// Byte offset of `part` (a subslice) inside `whole`.
fn offset_of(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// Longest number, in chars, read as a figure: "1,234,567,890.12" has 16,
/// a range such as "1,234,567-2,345,678" 19. A longer run of digits
/// (a code, or a table flattened into one line) is no figure.
const MAX_VALUE_CHARS: usize = 24;

fn build(matched: &str, at: usize, index: &Clauses) -> Option<Candidate> {
    let parts = split_match(matched)?;
    let (value, magnitude, measure) = (parts.value, parts.magnitude, parts.measure);
    if value.chars().count() > MAX_VALUE_CHARS {
        return None;
    }
    let chinese = !value.starts_with(|c: char| c.is_ascii_digit());
    let unitless = measure.is_empty() && magnitude.is_empty();
    if unitless
        || chinese
            && (measure.is_empty() || !magnitude.is_empty() || leads_with_bare_magnitude(value))
    {
        return None;
    }
    let (low, high) = parse_range(value)?;
    let scale: f64 = magnitude
        .chars()
        .filter_map(crate::indicators::numbers::magnitude)
        .product();
    let (numeral, trailing_magnitude) = split_trailing_magnitude(value, chinese);
    Some(Candidate {
        value_start: index.char_at_byte(at),
        value_end: index.char_at_byte(at + numeral.len()),
        unit_end: index.char_at_byte(at + matched.len()),
        value: numeral.to_string(),
        unit: format!("{trailing_magnitude}{magnitude}{measure}"),
        approximate: parts
            .approx
            .map(|(a, offset)| (a.to_string(), index.char_at_byte(at + offset))),
        low: scaled(low, scale, value),
        high: high.map(|h| scaled(h, scale, value)),
        base_unit: LEXICON.measures.get(measure).cloned().unwrap_or_default(),
        chinese,
    })
}

/// `value × scale` without binary noise: 2.01亿 is 201000000, not 200999999.99999997.
/// The result keeps the decimals the written number can carry after scaling.
fn scaled(value: f64, scale: f64, written: &str) -> f64 {
    let decimals = written.rsplit_once('.').map_or(0, |(_, d)| {
        d.chars().take_while(char::is_ascii_digit).count()
    });
    let kept = decimals as i32 - scale.log10().round() as i32;
    let factor = 10f64.powi(kept.max(0));
    (value * scale * factor).round() / factor
}

/// "五十万人" is written like "50万人": the trailing 万 or 亿 of a Chinese
/// numeral belongs to the unit, as it does after Arabic digits.
fn split_trailing_magnitude(value: &str, chinese: bool) -> (&str, &str) {
    if !chinese {
        return (value, "");
    }
    let numeral = value.trim_end_matches(['万', '亿']);
    if numeral.is_empty() {
        (value, "")
    } else {
        (numeral, &value[numeral.len()..])
    }
}

/// "万户", "千家": a Chinese numeral that starts with a magnitude (other than
/// 十) is only a number when magnitudes follow each other, as in "千亿", "百万".
fn leads_with_bare_magnitude(value: &str) -> bool {
    let mut chars = value.chars();
    let first_is_magnitude = chars
        .next()
        .is_some_and(|c| c != '十' && magnitude(c).is_some());
    let rest: Vec<char> = chars.collect();
    first_is_magnitude && (rest.is_empty() || !rest.iter().all(|&c| magnitude(c).is_some()))
}

/// True when the candidate is a date, ordinal, name, slogan or condition.
fn is_trap(candidate: &Candidate, clauses: &Clauses) -> bool {
    let chars = clauses.chars();
    let before = candidate
        .value_start
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .copied();
    // "第 3 位": a space a PDF or web page left does not hide an ordinal.
    let word_before = chars[..candidate.value_start]
        .iter()
        .rev()
        .take(2)
        .find(|c| !matches!(c, ' ' | '\u{3000}'))
        .copied();
    let after = chars.get(candidate.unit_end).copied();
    let magnitude_only = candidate.base_unit.is_empty() && matches!(after, Some('级' | '量'));
    let bounded = LEXICON
        .qualifiers_after
        .longest_prefix(
            &chars[candidate.unit_end..]
                .iter()
                .take(2)
                .collect::<String>(),
        )
        .is_some();
    let age_condition =
        candidate.base_unit == "岁" && !bounded && after.is_some_and(is_cjk_word_char);
    magnitude_only
        || age_condition
        || glued_to_code(before, after)
        || matches!(word_before, Some('第' | '前'))
        || inside_quoted_name(clauses, candidate.value_start)
        || is_group_condition(chars, candidate.value_start, candidate.unit_end)
        || (candidate.chinese && !chinese_count_is_plausible(candidate, clauses))
}

/// "5G", "A04版", "PM2.5", "C4地块": a number glued to Latin letters or other digits is a code.
fn glued_to_code(before: Option<char>, after: Option<char>) -> bool {
    let code_char = |c: char| c.is_ascii_alphanumeric() || c == '.';
    before.is_some_and(code_char) || after.is_some_and(|c| c.is_ascii_alphabetic())
}

/// Inside 《…》, or inside a short “…” that names something ("三个全覆盖", "15分钟生活圈").
fn inside_quoted_name(clauses: &Clauses, at: usize) -> bool {
    clauses
        .quotes()
        .around(at)
        .is_some_and(|pair| pair.is_quote() && (pair.mark == '《' || pair.close - pair.open <= 16))
}

/// "10亿元以上产业项目", "30年以上问题管网", "超十亿元企业": a threshold that
/// defines a group, not a figure.
fn is_group_condition(chars: &[char], value_start: usize, unit_end: usize) -> bool {
    let before: String = chars[value_start.saturating_sub(2)..value_start]
        .iter()
        .collect();
    let over = before.ends_with('超') || before.ends_with('过');
    if over
        && chars
            .get(unit_end)
            .is_some_and(|&c| is_cjk_word_char(c) && !"以左等".contains(c))
    {
        return true;
    }
    let rest: String = chars[unit_end..chars.len().min(unit_end + 3)]
        .iter()
        .collect();
    let Some(tail) = rest
        .strip_prefix("以上")
        .or_else(|| rest.strip_prefix("以下"))
    else {
        return false;
    };
    tail.chars().next().is_some_and(is_cjk_word_char)
}

/// A Chinese-numeral count is kept only when it reads as a quantity: after a
/// verb or qualifier ("新建两座"), closing its clause ("培训两期,"), or
/// counting a list of names ("中南、中北、徐东三个核心商圈"). "一" ("一对一",
/// "一支队伍") and 期/批/次 ("二期", "二次供水") count only after a verb and
/// closing the clause ("新建一家", "培训两期,").
fn chinese_count_is_plausible(candidate: &Candidate, clauses: &Clauses) -> bool {
    let chars = clauses.chars();
    let after = chars.get(candidate.unit_end).copied();
    let closes_clause = after.is_none_or(|c| !is_cjk_word_char(c));
    let after_verb = follows_verb(chars, candidate.value_start);
    if ["期", "批", "次"]
        .iter()
        .any(|m| candidate.unit.ends_with(m))
    {
        return after_verb && closes_clause && candidate.value != "一";
    }
    if candidate.value == "一" {
        return after_verb && closes_clause;
    }
    after_verb || closes_clause || counts_a_list(clauses, candidate.value_start)
}

fn follows_verb(chars: &[char], at: usize) -> bool {
    let left: String = chars[at.saturating_sub(4)..at].iter().collect();
    let any = |_: usize| true;
    [
        &LEXICON.delivery_verbs,
        &LEXICON.change_verbs,
        &LEXICON.qualifiers_before,
    ]
    .iter()
    .any(|list| list.longest_suffix(&left, any).is_some())
}

/// The numeral follows a name that closes a "、" list in the same clause.
fn counts_a_list(clauses: &Clauses, at: usize) -> bool {
    let before = at
        .checked_sub(1)
        .and_then(|i| clauses.chars().get(i))
        .copied();
    let clause = clauses.text(clauses.clause_start(at), at);
    clause.contains('、') && before.is_some_and(|c| is_cjk_word_char(c) || c == '”')
}

/// A CJK ideograph (not punctuation).
pub fn is_cjk_word_char(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, String)> {
        find_candidates(&Clauses::new(text))
            .into_iter()
            .map(|c| (c.value, c.unit))
            .collect()
    }

    #[test]
    fn finds_numbers_with_units() {
        assert_eq!(
            values("新增停车泊位1万个以上"),
            [("1".into(), "万个".into())]
        );
        assert_eq!(values("完成779.43亿元"), [("779.43".into(), "亿元".into())]);
        assert_eq!(
            values("打造2-3条特色历史街巷"),
            [("2-3".into(), "条".into())]
        );
        assert_eq!(
            values("提升3.5个百分点"),
            [("3.5".into(), "个百分点".into())]
        );
        assert_eq!(values("吸引1万余名大学生"), [("1".into(), "万名".into())]);
        assert_eq!(values("4200多万套"), [("4200".into(), "万套".into())]);
        assert_eq!(values("近1亿农村贫困人口"), [("1".into(), "亿".into())]);
        assert_eq!(values("产值突破千亿元"), [("千".into(), "亿元".into())]);
        assert_eq!(
            values("人均预期寿命78.5岁。"),
            [("78.5".into(), "岁".into())]
        );
        assert_eq!(
            values("人均预期寿命提高1岁左右"),
            [("1".into(), "岁".into())]
        );
        assert_eq!(values("增长6%-6.5%"), [("6%-6.5".into(), "%".into())]);
        assert_eq!(values("新增2万-3万人"), [("2万-3".into(), "万人".into())]);
    }

    #[test]
    fn rejects_traps() {
        for trap in [
            "2022年12月30日",
            "轨道交通11号线三期",
            "第十五届人大",
            "第四批“武昌英才”",
            "“三个全覆盖”",
            "A04版",
            "5G网络",
            "为全区60岁以上老人",
            "亿元以上重大项目",
            "10亿元以上产业项目",
            "30年以上问题燃气管网",
            "完成42处二次供水改造",
            "打造“15分钟生活圈”",
            "《建党百年·武昌故事》系列",
            "一批文产项目",
            "开展一对一帮扶",
            "打造一支队伍",
            "为65岁老年人",
            "3岁以下婴幼儿",
            "位列全省前10%",
            "走街联万户",
            "新增产值超十亿元企业",
        ] {
            let found: Vec<_> = values(trap)
                .into_iter()
                .filter(|(v, _)| v != "42")
                .collect();
            assert!(found.is_empty(), "{trap}: {found:?}");
        }
    }

    #[test]
    fn scaled_values_have_no_binary_noise() {
        let lows = |text: &str| {
            find_candidates(&Clauses::new(text))
                .iter()
                .map(|c| c.low)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            lows("2.01亿元、4.35亿元、0.1%、1.2万个"),
            [201000000.0, 435000000.0, 0.1, 12000.0]
        );
    }

    #[test]
    fn keeps_chinese_counts_after_verbs() {
        assert_eq!(values("新建两座变电站"), [("两".into(), "座".into())]);
        assert_eq!(
            values("开展社区赋能培训两期,"),
            [("两".into(), "期".into())]
        );
    }
}
