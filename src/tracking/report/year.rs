//! The year a report is about, from the strongest evidence its opening
//! gives, tried in this order:
//! 1. the delivery line ("2023年1月13日在…会议上"; one in November or
//!    December of Y opens the report of Y+1 when Y+1 is named), the period
//!    of a five-year plan (十四五 → 2021), the year in the title;
//! 2. the years the text sets targets for ("2019年主要预期目标", "展望2024年")
//!    and the years it reviews ("回顾2023年", "预计2024年", "2018年,全省…"):
//!    a work report or a digest of year Y reviews Y-1 and sets Y's targets,
//!    while a progress report or a bulletin is about the year it reviews;
//! 3. the session of a provincial congress ("第十三届人民代表大会第五次会议":
//!    the 13th term opened in 2018, its fifth meeting is in 2022);
//! 4. a date line (publication date, a newspaper dateline, fused "20171011");
//! 5. a standing-committee session, the year named most, and for a table
//!    the latest of its year columns.
//!
//! None when the text gives no year.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::{Level, GAZETTEER};
use super::head::han_number;
use super::ReportKind;

fn pattern(re: &str) -> Regex {
    Regex::new(re).unwrap_or_else(|e| panic!("year pattern {re:?} is valid: {e}"))
}

static DELIVERY: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(\d{4})年(\d{1,2})月\d{0,2}日?(?:上午|下午)?在[^。\n]{0,30}?(?:会议|大会)")
});
static TITLE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(\d{4})年?度?[^,。;:!?\n]{0,16}?(?:政府工作报告|工作报告|国民经济和社会发展|计划|规划|统计公报|民生|重点项目|重点工作|经济形势|经济运行|上半年|前三季度|进展|进度|预期目标|两会)",
    )
});
/// A combined title: "2018年…计划执行情况与2019年…计划草案".
static COMBINED: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(\d{4})年[^。;\n]{0,20}?执行情况(?:与|和|及)(\d{4})年"));
static PERIOD_RANGE: LazyLock<Regex> = LazyLock::new(|| pattern(r"\((\d{4})-\d{4}年?\)"));
static FIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?:第?([十一二三四五]{2,3})个五年规划|“?([十一二三四五]{1,2})五”?规划)(?:和\d{4}年远景目标)?纲要",
    )
});
static TARGET_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(\d{4})年度?,?[^,。;\n]{0,12}?(?:主要预期目标|预期目标|主要目标|目标任务|总体要求|工作安排|主要安排|重点工作|重点任务|工作任务|民生实事|民生事项|计划草案|增长目标)|(?:展望|安排|提出了?|部署)(\d{4})年|(\d{4})年是|(\d{4})年?全国地方两会",
    )
});
static REVIEW_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"回顾了?(\d{4})年|(\d{4})年工作回顾|预计(\d{4})年|(\d{4})年(?:全省|全市|全区|全县|全州)?(?:初步)?(?:预计|实现|完成)",
    )
});
/// A clause opening with a year ("2018年,全省…"), in a review as a rule.
static CLAUSE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?:^|[^到至止\d])(\d{4})年,[^。;\n]{0,24}"));
static PERIOD_YEAR: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(\d{4})年(?:上半年|前三季度|1-\d{1,2}月|\d{1,2}月份|\d{1,2}月底)"));
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"第?([一二三四五六七八九十]{1,3})届(?:人民代表大会|人大)第?([一二三四五六七八九十]{1,3})次(?:会议|全体会议)?",
    )
});
static STANDING_SESSION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"([一二三四五六七八九十]{1,3})届(?:人大)?常(?:务)?委(?:员)?会第?([一二三四五六七八九十]{1,4})次会议",
    )
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(\d{4})[-/.年](\d{1,2})[-/.月]\d{1,2}|(?:^|\D)(20\d{2})(0[1-9]|1[0-2])[0-3]\d(?:\D|$)|(20\d{2})(\d)(\d{1,2})日",
    )
});
static ANY_YEAR: LazyLock<Regex> = LazyLock::new(|| pattern(r"(?s)(?:^|(.))(\d{4})年"));
static BARE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(?:^|[^\d.])((?:19[89]|20[0-3])\d)(?:[^\d.%]|$)"));

/// Words after a session that make it a past one ("…会议以来").
const PAST_SESSION: [&str; 7] = ["以来", "确定", "审议通过", "通过的", "批准", "精神", "期间"];

/// The year the report with cleaned head `head` and kind `kind` is about.
pub fn detect_year(head: &str, kind: ReportKind) -> Option<i32> {
    let tiers: [&dyn Fn() -> Option<i32>; 5] = [
        &|| first_tier(head, kind),
        &|| voted_year(head, kind),
        &|| session_year(head),
        &|| date_year(head, kind),
        &|| fallback_year(head, kind),
    ];
    tiers
        .iter()
        .find_map(|tier| tier().filter(|y| (1949..=2100).contains(y)))
}

/// The delivery line, the five-year period or the title's year.
fn first_tier(head: &str, kind: ReportKind) -> Option<i32> {
    if let Some(caps) = DELIVERY.captures(head) {
        let (year, month) = (number(&caps, 1)?, number(&caps, 2)?);
        return Some(next_year_if_named(head, kind, year, month));
    }
    if kind != ReportKind::Execution {
        if let Some(year) = five_year_start(head) {
            return Some(year);
        }
    }
    let title: String = head.chars().take(300).collect();
    if let Some(caps) = COMBINED.captures(&title) {
        return number(&caps, if kind == ReportKind::Execution { 1 } else { 2 });
    }
    TITLE_YEAR
        .captures_iter(&title)
        .filter(|caps| caps.get(1).is_some_and(|y| opens_year(&title, y.start())))
        .find_map(|caps| number(&caps, 1))
        .filter(|y| (1990..=2100).contains(y))
}

/// True when the year at byte `at` of `text` stands alone and is not a
/// horizon ("到2025年", "2035年前" is read elsewhere): the character before it
/// is no digit, no decimal point and none of 到, 至, 止.
fn opens_year(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || "到至止.".contains(c))
}

/// A work report, plan or digest delivered in November or December of
/// `year` is the next year's when the text names that year.
fn next_year_if_named(head: &str, kind: ReportKind, year: i32, month: i32) -> i32 {
    let forward = matches!(
        kind,
        ReportKind::WorkReport | ReportKind::Plan | ReportKind::NewsDigest
    );
    if forward && month >= 11 && head.contains(&format!("{}年", year + 1)) {
        year + 1
    } else {
        year
    }
}

/// The first year of the five-year plan the head names.
fn five_year_start(head: &str) -> Option<i32> {
    let lead: String = head.chars().take(400).collect();
    let caps = FIVE_YEAR.captures(&lead)?;
    if let Some(range) = PERIOD_RANGE.captures(&lead) {
        return number(&range, 1);
    }
    let ordinal = caps.get(1).or(caps.get(2))?.as_str();
    let n = han_number(ordinal)? as i32;
    (9..=16).contains(&n).then(|| 2006 + 5 * (n - 11))
}

/// The year most named as set for targets or reviewed, read for `kind`.
fn voted_year(head: &str, kind: ReportKind) -> Option<i32> {
    let forward = matches!(
        kind,
        ReportKind::WorkReport | ReportKind::Plan | ReportKind::NewsDigest
    );
    let mut votes: HashMap<i32, usize> = HashMap::new();
    let mut vote = |re: &Regex, shift: i32, weight: usize| {
        for caps in re.captures_iter(head) {
            let Some(group) = (1..caps.len()).find_map(|g| caps.get(g)) else {
                continue;
            };
            if let (true, Ok(year)) = (
                opens_year(head, group.start()),
                group.as_str().parse::<i32>(),
            ) {
                *votes.entry(year + shift).or_default() += weight;
            }
        }
    };
    vote(&TARGET_YEAR, 0, 2);
    vote(&REVIEW_YEAR, i32::from(forward), 2);
    if !forward {
        vote(&PERIOD_YEAR, 0, 2);
    }
    for caps in CLAUSE_YEAR.captures_iter(head) {
        if let (false, Some(year)) = (caps[0].contains("目标"), number(&caps, 1)) {
            *votes.entry(year + i32::from(forward)).or_default() += 1;
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(year, count)| (count, year))
        .map(|(year, _)| year)
}

/// The year of a provincial congress session (not of a past one).
fn session_year(head: &str) -> Option<i32> {
    SESSION.captures_iter(head).find_map(|caps| {
        let whole = caps.get(0)?;
        let after: String = head[whole.end()..].chars().take(8).collect();
        if PAST_SESSION.iter().any(|w| after.contains(w)) {
            return None;
        }
        let start = term_start(&head[..whole.start()], han_number(&caps[1])? as i32)?;
        Some(start + han_number(&caps[2])? as i32 - 1)
    })
}

/// The year term `term` of the congress named just before `before` opened:
/// provincial terms are synchronised (the 13th opened in 2018), except those
/// numbered apart (北京 15th, 天津 17th, 上海 15th, 重庆 5th, 海南 6th,
/// 西藏 11th, 宁夏 12th in 2018). None for a city's or county's congress.
fn term_start(before: &str, term: i32) -> Option<i32> {
    let near: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(12)..].iter().collect()
    };
    let mentions = GAZETTEER.mentions(&near);
    let in_2018 = match mentions.last() {
        Some(m) if m.end + 2 >= near.chars().count() => {
            let unit = &GAZETTEER.units[m.units[0]];
            if unit.level != Level::Province {
                return None;
            }
            match &unit.code[..2] {
                "11" | "31" => 15,
                "12" => 17,
                "50" => 5,
                "46" => 6,
                "54" => 11,
                "64" => 12,
                _ => 13,
            }
        }
        _ if near.ends_with("全国") || near.ends_with('省') || near.ends_with("自治区") => 13,
        _ => return None,
    };
    Some(2018 + 5 * (term - in_2018))
}

/// The year of the first date in the head.
fn date_year(head: &str, kind: ReportKind) -> Option<i32> {
    let caps = DATE.captures(head)?;
    let (year, month) = [(1, 2), (3, 4), (5, 6)]
        .iter()
        .find_map(|&(y, m)| Some((number(&caps, y)?, number(&caps, m)?)))?;
    (1..=12)
        .contains(&month)
        .then(|| next_year_if_named(head, kind, year, month))
}

/// A standing-committee session, the year named most, or a table's latest year column.
fn fallback_year(head: &str, kind: ReportKind) -> Option<i32> {
    if let Some(caps) = STANDING_SESSION.captures(head) {
        let start = term_start(&head[..caps.get(0)?.start()], han_number(&caps[1])? as i32);
        if let (Some(start), Some(meeting)) = (start, han_number(&caps[2])) {
            return Some(start + (meeting as i32 - 1) / 7);
        }
    }
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for caps in ANY_YEAR.captures_iter(head) {
        let horizon = caps.get(1).is_some_and(|c| "到至止前".contains(c.as_str()));
        if let (false, Some(year)) = (horizon, number(&caps, 2)) {
            *counts.entry(year).or_default() += 1;
        }
    }
    if let Some((year, _)) = counts.into_iter().max_by_key(|&(y, c)| (c, y)) {
        return Some(year);
    }
    let bare: Vec<i32> = BARE_YEAR
        .captures_iter(head)
        .filter_map(|caps| number(&caps, 1))
        .collect();
    (kind == ReportKind::Other && bare.len() >= 3)
        .then(|| bare.into_iter().max())
        .flatten()
}

fn number(caps: &regex::Captures, group: usize) -> Option<i32> {
    caps.get(group)?.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provincial_sessions_give_the_year() {
        assert_eq!(
            session_year("浙江省第十三届人民代表大会第五次会议"),
            Some(2022)
        );
        assert_eq!(
            session_year("北京市第十五届人民代表大会第二次会议"),
            Some(2019)
        );
        assert_eq!(session_year("某市第十六届人民代表大会第一次会议"), None);
        assert_eq!(session_year("省十三届人大一次会议以来"), None);
    }

    #[test]
    fn a_work_report_reviews_the_year_before() {
        assert_eq!(
            detect_year("报告回顾了2023年工作", ReportKind::NewsDigest),
            Some(2024)
        );
        assert_eq!(
            detect_year("2017年,全市经济", ReportKind::Other),
            Some(2017)
        );
    }
}
