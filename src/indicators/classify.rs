//! Classifying an indicator once its words are read: target or actual (the
//! tense of its sentence, its section and its document), growth and
//! completion, the period it is about, its category and its metric key.

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::clauses::Clauses;
use crate::indicators::lexicon::LEXICON;
use crate::indicators::normalize::{normalize, normalize_char};
use crate::indicators::{Category, Kind};

/// Whether text speaks of what is planned or of what happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// A plan, a goal, an expectation.
    Planned,
    /// A report of what was achieved.
    Achieved,
}

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\d{4} ?年(?:上半年|下半年|前三季度|[一二三四]季度|全年|底|末|内)?|[12]-\d{1,2}月|(?:截至|截止)(?:\d{4}年)?\d{1,2}月(?:底|末)?|上半年|下半年|前三季度|[一二三四]季度|全年|明年|今年|年内|年度|当年|十[一二三四五六七八九]五(?:期间|时期|末)?)",
    )
    .unwrap_or_else(|e| panic!("period pattern is valid: {e}"))
});

/// The last period expression in `text` that is not a comparison base
/// ("较2019年同期" names the base, not the period).
pub fn period_in(text: &str) -> Option<String> {
    PERIOD
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            !matches!(before, Some('较' | '比' | '与' | '同' | '于'))
                && !text[m.end()..].starts_with("同期")
                && !text[m.end()..].starts_with('是')
                && plausible_year(m.as_str())
        })
        .last()
        .map(|m| m.as_str().to_string())
}

/// "1800年" in "建城1800年" is a duration, not a period: years must be 1949–2100.
fn plausible_year(period: &str) -> bool {
    let digits: String = period.chars().take_while(char::is_ascii_digit).collect();
    digits.len() != 4
        || digits
            .parse::<u32>()
            .is_ok_and(|y| (1949..=2100).contains(&y))
}

/// The tense of the last cue lying within bytes `start..end`, from [`cue_marks`].
pub fn tense_between(marks: &[(usize, usize, Tense)], start: usize, end: usize) -> Option<Tense> {
    let upto = marks.partition_point(|&(_, e, _)| e <= end);
    // Sorted by end: once a cue ends before `start`, no earlier one can start after it.
    marks[..upto]
        .iter()
        .rev()
        .take_while(|&&(_, e, _)| e >= start)
        .find(|&&(s, _, _)| s >= start)
        .map(|&(_, _, tense)| tense)
}

/// The tense cues of a whole block, found once: (start, end, tense) in byte
/// offsets of the block text, sorted by end; a planned cue wins a tie. Words
/// inside quoted names (“彼岸计划”, 《…》) are not cues.
pub fn cue_marks(clauses: &Clauses) -> Vec<(usize, usize, Tense)> {
    let text = clauses.all();
    let quoted = |byte: usize| {
        clauses
            .quotes()
            .around(clauses.char_at_byte(byte))
            .is_some_and(|p| p.is_quote())
    };
    let target = LEXICON
        .target_cues
        .spans_in(text)
        .map(|(s, e)| (s, e, Tense::Planned));
    let actual = LEXICON
        .actual_cues
        .spans_in(text)
        .map(|(s, e)| (s, e, Tense::Achieved));
    // "相当于年度计划的63%", "目标之比": a plan named as the base of a share is no plan cue.
    let base_of_share = |(_, end, tense): &(usize, usize, Tense)| {
        *tense == Tense::Planned
            && (text[*end..].starts_with('的') || text[*end..].starts_with('之'))
    };
    let mut marks: Vec<_> = target
        .chain(actual)
        .filter(|&(s, _, _)| !quoted(s))
        .filter(|mark| !base_of_share(mark))
        .collect();
    marks.sort_by_key(|&(start, end, tense)| (end, start, tense == Tense::Planned));
    marks
}

/// Tense a heading gives to the text under it.
pub fn heading_tense(heading: &str) -> Option<Tense> {
    let heading = normalize(heading);
    if LEXICON.actual_headings.occurs_in(&heading) {
        Some(Tense::Achieved)
    } else if LEXICON.target_headings.occurs_in(&heading) {
        Some(Tense::Planned)
    } else {
        None
    }
}

/// Tense of a whole document from its title, or from counting cues in its
/// text. The text is normalised a line at a time (no cue spans a line
/// break), so no normalised copy of a whole report is ever held.
pub fn document_tense(title: Option<&str>, text: &str) -> Tense {
    if let Some(tense) = title.and_then(heading_tense) {
        return tense;
    }
    let mut line = String::new();
    let (mut actual, mut target) = (0, 0);
    for raw in text.split('\n') {
        line.clear();
        line.extend(raw.chars().map(normalize_char));
        actual += LEXICON.actual_cues.count_in(&line);
        target += LEXICON.target_cues.count_in(&line);
    }
    if actual > target {
        Tense::Achieved
    } else {
        Tense::Planned
    }
}

/// The tense of a figure: a year named before it that the report looks back
/// on or forward to (in a 2018 report, "2017年达到…" happened and "到2020年…"
/// is planned) outweighs the cue words of its sentence; then the cue words;
/// then an elapsed part of the year ("1-6月", "上半年"), which has happened;
/// then the section's tense.
pub fn figure_tense(
    cue: Option<Tense>,
    period: Option<&str>,
    report_year: Option<i32>,
    section_tense: Tense,
) -> Tense {
    period
        .and_then(|p| tense_of_years(p, report_year?))
        .or(cue)
        .or_else(|| {
            period
                .filter(|p| is_elapsed_part_of_year(p))
                .map(|_| Tense::Achieved)
        })
        .unwrap_or(section_tense)
}

/// The tense `period` takes in a report of `report_year`: before it,
/// achieved; after it, planned; the same year says nothing.
fn tense_of_years(period: &str, report_year: i32) -> Option<Tense> {
    let (first, last) = years_of(period)?;
    if last < report_year {
        Some(Tense::Achieved)
    } else if first > report_year || first == report_year && last > report_year {
        Some(Tense::Planned)
    } else {
        None
    }
}

/// The years a period spans: "2017年" is 2017–2017, "十三五" 2016–2020.
fn years_of(period: &str) -> Option<(i32, i32)> {
    let digits: String = period.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() == 4 {
        let year = digits.parse().ok()?;
        return Some((year, year));
    }
    let plan = period.strip_prefix('十')?.chars().next()?;
    let number = "一二三四五六七八九".chars().position(|c| c == plan)? as i32 + 1;
    // The sixth five-year plan ran 1981–1985; each since has followed the last.
    let first = 1981 + 5 * (10 + number - 6);
    Some((first, first + 4))
}

/// "上半年", "前三季度", "1-6月": a part of the year that is over when it is
/// reported on.
fn is_elapsed_part_of_year(period: &str) -> bool {
    let part = period.trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c == ' ');
    matches!(part, "上半年" | "前三季度" | "一季度" | "二季度" | "三季度")
        || part.ends_with('月') && part.contains('-')
        || part.starts_with("截至")
        || part.starts_with("截止")
}

/// The kind of an indicator from its markers and tense.
pub fn kind(completion: bool, tense: Tense, is_rate_of_change: bool) -> Kind {
    match (completion, tense, is_rate_of_change) {
        (true, _, _) => Kind::Completion,
        (false, Tense::Planned, _) => Kind::Target,
        (false, Tense::Achieved, true) => Kind::Growth,
        (false, Tense::Achieved, false) => Kind::Actual,
    }
}

/// The category of the longest lexicon keyword in `text` (simplified or traditional).
pub fn category(text: &str) -> Category {
    LEXICON
        .categories
        .of(&normalize(text))
        .unwrap_or(Category::Other)
}

/// The metric normalised for linking: simplified, quotes and neutral prefixes
/// dropped, synonyms resolved ("全社会固定资产投资" → "固定资产投资").
pub fn metric_key(metric: &str) -> String {
    let mut key: String = normalize(metric)
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '\'' | ' '))
        .collect();
    if let Some(canonical) = LEXICON.synonyms.get(&key) {
        return canonical.clone();
    }
    while let Some(prefix) = LEXICON
        .metric_prefixes
        .longest_prefix(&key)
        .filter(|p| p.len() < key.len())
    {
        key = key[prefix.len()..].to_string();
    }
    LEXICON.synonyms.get(&key).cloned().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_tense(sentence: &str) -> Option<Tense> {
        tense_between(&cue_marks(&Clauses::new(sentence)), 0, sentence.len())
    }

    #[test]
    fn periods_skip_comparison_bases() {
        assert_eq!(period_in("上半年地区生产总值完成"), Some("上半年".into()));
        assert_eq!(period_in("2021年全区"), Some("2021年".into()));
        assert_eq!(period_in("先看 2031 年的成绩"), Some("2031 年".into()));
        assert_eq!(period_in("较2019年同期增长"), None);
        assert_eq!(period_in("2023年是全面贯彻"), None);
        assert_eq!(period_in("围绕武昌古城建城1800年,策划举办"), None);
    }

    #[test]
    fn metric_keys_resolve_synonyms_and_traditional() {
        assert_eq!(metric_key("全社会固定资产投资"), "固定资产投资");
        assert_eq!(metric_key("生產總值"), "地区生产总值");
        assert_eq!(metric_key("社零额"), "社会消费品零售总额");
        assert_eq!(metric_key("進出口貿易總額"), metric_key("货物进出口总额"));
        assert_eq!(
            metric_key("全区地方一般公共预算收入"),
            "地方一般公共预算收入"
        );
        assert_eq!(metric_key("单位地区生产总值能耗"), "能耗强度");
    }

    #[test]
    fn years_named_outweigh_cues_against_the_report_year() {
        let (planned, achieved) = (Tense::Planned, Tense::Achieved);
        let cases = [
            (None, "2017年", Some(2018), planned, achieved),
            (Some(planned), "2016年", Some(2017), planned, achieved),
            (None, "2020年", Some(2018), achieved, planned),
            (None, "十三五", Some(2021), planned, achieved),
            (None, "十三五", Some(2015), achieved, planned),
            (None, "十四五", Some(2021), achieved, planned),
            (Some(planned), "2018年", Some(2018), achieved, planned),
            (None, "2017年", None, planned, planned),
        ];
        for (cue, period, report_year, section, expected) in cases {
            assert_eq!(
                figure_tense(cue, Some(period), report_year, section),
                expected,
                "{period} in a report of {report_year:?}"
            );
        }
    }

    #[test]
    fn an_elapsed_part_of_the_year_has_happened() {
        let planned = Tense::Planned;
        assert_eq!(
            figure_tense(None, Some("1-6月"), Some(2014), planned),
            Tense::Achieved
        );
        assert_eq!(
            figure_tense(None, Some("上半年"), None, planned),
            Tense::Achieved
        );
        assert_eq!(figure_tense(None, Some("下半年"), None, planned), planned);
        assert_eq!(
            figure_tense(Some(planned), Some("上半年"), None, planned),
            planned
        );
    }

    #[test]
    fn tense_from_cues() {
        assert_eq!(
            sentence_tense("全年地区生产总值预期目标增长7%"),
            Some(Tense::Planned)
        );
        assert_eq!(
            sentence_tense("上半年地区生产总值完成779.43亿元,同比增长"),
            Some(Tense::Achieved)
        );
        assert_eq!(
            heading_tense("一、上半年计划执行情况"),
            Some(Tense::Achieved)
        );
        assert_eq!(heading_tense("二、下半年工作安排"), Some(Tense::Planned));
    }
}
