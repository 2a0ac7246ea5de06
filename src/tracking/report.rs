//! What a report is, for tracking: its kind (plan, execution report, work
//! report, news digest), region, issuing body and year, detected from its
//! title, metadata and opening lines, and editable by the user.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::indicators::normalize::normalize;
use crate::span::ForwardSlicer;

/// The kind of a report, which decides what it can report on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// 国民经济和社会发展计划: sets the year's targets.
    Plan,
    /// 计划执行情况的报告: how the year's plan is going (mid-year or full year).
    Execution,
    /// 政府工作报告: reviews the past year and sets the coming year's targets.
    WorkReport,
    /// A newspaper digest of a report.
    NewsDigest,
    /// None of the above.
    Other,
}

impl ReportKind {
    /// Every kind, in menu order.
    pub const ALL: [ReportKind; 5] = [
        ReportKind::Plan,
        ReportKind::Execution,
        ReportKind::WorkReport,
        ReportKind::NewsDigest,
        ReportKind::Other,
    ];

    /// Chinese name.
    pub fn chinese(self) -> &'static str {
        match self {
            Self::Plan => "计划",
            Self::Execution => "执行情况",
            Self::WorkReport => "工作报告",
            Self::NewsDigest => "新闻摘要",
            Self::Other => "其他",
        }
    }

    /// English name.
    pub fn english(self) -> &'static str {
        match self {
            Self::Plan => "plan",
            Self::Execution => "execution report",
            Self::WorkReport => "work report",
            Self::NewsDigest => "news digest",
            Self::Other => "other",
        }
    }
}

/// A report's identity for tracking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInfo {
    /// What kind of report it is.
    pub kind: ReportKind,
    /// The region as written ("武汉市武昌区"); empty when unknown.
    pub region: String,
    /// The issuing body; empty when unknown.
    pub issuer: String,
    /// The year the report is about (a work report: the year it opens).
    pub year: Option<i32>,
}

/// How many opening lines are read to detect the kind and region.
const OPENING_LINES: usize = 12;

/// Admin units from province to county, as they open a title or an issuer.
static REGION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:[\p{Han}]{2,7}?(?:省|自治区|特别行政区))?(?:[\p{Han}]{2,6}?(?:市|自治州|地区|盟|州))?(?:[\p{Han}]{1,6}?(?:区|县|旗|市))?",
    )
    .unwrap_or_else(|e| panic!("region pattern is valid: {e}"))
});

impl ReportInfo {
    /// Detects the identity of `doc`.
    pub fn detect(doc: &Document) -> Self {
        let opening = opening_lines(doc).join("\n");
        let title = doc.metadata.title.clone().unwrap_or_default();
        let issuer = doc.metadata.issuer.clone().unwrap_or_default();
        Self {
            kind: detect_kind(
                &normalize(&title),
                &normalize(&issuer),
                &normalize(&opening),
            ),
            region: detect_region(&[&title, &issuer, &opening]),
            issuer,
            year: doc.metadata.year.or_else(|| {
                let date = normalize(doc.metadata.date.as_deref().unwrap_or(""));
                crate::tracking::link::year_in(&date)
            }),
        }
    }

    /// The most specific unit of the region ("武昌区" of "武汉市武昌区"),
    /// in simplified characters, for comparing regions.
    pub fn region_key(&self) -> String {
        region_key(&self.region)
    }
}

/// The most specific admin unit of `region`, simplified; "全国" stays as is.
pub fn region_key(region: &str) -> String {
    let simplified = normalize(region);
    let units = [
        "特别行政区",
        "自治区",
        "自治州",
        "地区",
        "省",
        "市",
        "州",
        "盟",
        "区",
        "县",
        "旗",
    ];
    let mut cut = 0;
    let chars: Vec<char> = simplified.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        let rest = &chars[at..];
        let opens_rest = |unit: &&&str| {
            rest.iter()
                .copied()
                .take(unit.chars().count())
                .eq(unit.chars())
        };
        match units.iter().find(opens_rest) {
            Some(unit) => {
                at += unit.chars().count();
                if at < chars.len() {
                    cut = at;
                }
            }
            None => at += 1,
        }
    }
    chars[cut..].iter().collect()
}

/// The report's first [`OPENING_LINES`] lines, where title, issuer and kind are stated.
pub fn opening_lines(doc: &Document) -> Vec<String> {
    let mut slicer = ForwardSlicer::new(&doc.text);
    doc.blocks
        .iter()
        .take(OPENING_LINES)
        .map(|b| slicer.slice(b.span).to_string())
        .collect()
}

fn detect_kind(title: &str, issuer: &str, opening: &str) -> ReportKind {
    let says = |words: &[&str], text: &str| words.iter().any(|w| text.contains(w));
    const EXECUTION: [&str; 3] = ["执行情况", "完成情况", "计划执行"];
    const WORK: [&str; 1] = ["政府工作报告"];
    const PLAN: [&str; 3] = ["社会发展计划", "发展计划草案", "年度计划"];
    const PRESS: [&str; 6] = ["日报", "晚报", "都市报", "新闻", "记者", "融媒体"];
    for text in [title, opening] {
        if says(&EXECUTION, text) {
            return ReportKind::Execution;
        }
        if says(&WORK, text) {
            return ReportKind::WorkReport;
        }
        if says(&PLAN, text) {
            return ReportKind::Plan;
        }
    }
    if says(&PRESS, issuer) || says(&PRESS, opening) {
        return ReportKind::NewsDigest;
    }
    ReportKind::Other
}

/// The first region named at the start of a title, an issuer or the opening lines.
fn detect_region(texts: &[&str]) -> String {
    if texts
        .iter()
        .any(|t| normalize(t).contains("全国人民代表大会") || normalize(t).contains("国务院"))
    {
        return "全国".into();
    }
    texts
        .iter()
        .flat_map(|text| text.lines())
        .filter_map(|line| {
            let line = line.trim_start_matches(|c: char| !is_han(c));
            let line = line.strip_prefix("关于").unwrap_or(line);
            REGION
                .find(line)
                .map(|m| m.as_str().to_string())
                .filter(|r| r.chars().count() >= 2 && !r.starts_with("全区"))
        })
        .next()
        .unwrap_or_default()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_specific_unit_keys_a_region() {
        assert_eq!(region_key("武汉市武昌区"), "武昌区");
        assert_eq!(region_key("四川省"), "四川省");
        assert_eq!(region_key("成都市武侯区"), "武侯区");
        assert_eq!(region_key("晉江市"), "晋江市");
    }
}
