//! What a report is, for tracking: its kind (plan, execution report, work
//! report, news digest), region, issuing body and year, detected from its
//! title, dateline and opening lines, and editable by the user.
//!
//! Detection reads a cleaned copy of the opening ([`head`]: simplified,
//! converter pinyin and PDF spaces removed), then the kind ([`kind`]), the
//! region against a gazetteer of China's administrative divisions
//! ([`gazetteer`], [`region`]) and the year ([`year`]); each is unknown
//! (empty, None) where the text does not say.

mod gazetteer;
mod head;
mod kind;
mod region;
mod year;

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

/// How many opening lines [`opening_lines`] gives.
const OPENING_LINES: usize = 12;

impl ReportInfo {
    /// Detects the identity of `doc` from its opening: the kind from its
    /// title and lead words, the region it is about (see [`region`]) and
    /// its year (see [`year`]); the issuer from its metadata.
    pub fn detect(doc: &Document) -> Self {
        let head = head::clean_head(&doc.text);
        let kind = kind::detect_kind(&head);
        Self {
            kind,
            region: region::detect_region(&head),
            issuer: doc.metadata.issuer.clone().unwrap_or_default(),
            year: year::detect_year(&head, kind),
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
