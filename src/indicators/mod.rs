//! Quantitative indicators (指标): what one is, and the extractor that finds them.
//!
//! An [`Indicator`] is one quantitative statement about a region's economy,
//! society or government work: "地区生产总值增长7%", "新增停车泊位1万个以上".
//! Dates, ordinals, document numbers, names with numbers (11号线, 十四五, 5G),
//! slogans (三个全覆盖) and conditions (60岁以上老人) are not indicators.

mod candidates;
mod classify;
mod clauses;
mod context;
mod extract;
mod lexicon;
pub mod normalize;
pub mod numbers;
mod plan;
mod qualitative;
mod quotes;
mod section;
mod table;
mod word_list;
pub(crate) mod words;

pub use extract::Extractor;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Whether a figure is a goal, an achieved level, a rate of change, or a completion share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A goal for a coming period ("全年新增高新技术企业60家", "增长7%" as an expected target).
    Target,
    /// An achieved figure ("上半年地区生产总值完成779.43亿元").
    Actual,
    /// An achieved rate of change ("同比增长22.3%").
    Growth,
    /// Progress against a target ("达到目标的63.53%").
    Completion,
}

impl Kind {
    /// Lower-case English name, as used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Target => "target",
            Self::Actual => "actual",
            Self::Growth => "growth",
            Self::Completion => "completion",
        }
    }
}

/// The policy area an indicator belongs to (from the category lexicon in assets/).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// GDP, fiscal revenue, consumption, trade.
    Economy,
    /// Fixed-asset investment, major projects, attracting investment.
    InvestmentAndProjects,
    /// Science, technology, enterprises cultivated, talent.
    InnovationAndTalent,
    /// Industries, headquarters, finance, tourism, commerce.
    Industry,
    /// Roads, parking, housing renewal, utilities.
    UrbanConstruction,
    /// Air, water, green space, energy use.
    Environment,
    /// Jobs, education, health, elderly care, social security, culture.
    Livelihood,
    /// Government services, business environment, public safety.
    Governance,
    /// Nothing in the lexicon matched.
    Other,
}

impl Category {
    /// Every category, in the order of the lexicon file, `Other` last.
    pub const ALL: [Category; 9] = [
        Self::Economy,
        Self::InvestmentAndProjects,
        Self::InnovationAndTalent,
        Self::Industry,
        Self::UrbanConstruction,
        Self::Environment,
        Self::Livelihood,
        Self::Governance,
        Self::Other,
    ];

    /// Lower-case English name, as used in exports and the lexicon file.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Economy => "economy",
            Self::InvestmentAndProjects => "investment_and_projects",
            Self::InnovationAndTalent => "innovation_and_talent",
            Self::Industry => "industry",
            Self::UrbanConstruction => "urban_construction",
            Self::Environment => "environment",
            Self::Livelihood => "livelihood",
            Self::Governance => "governance",
            Self::Other => "other",
        }
    }
}

/// One quantitative statement found in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Char span of [`Indicator::text`] in the document text.
    #[serde(flatten)]
    pub span: Span,
    /// The matched text as written (metric through unit and qualifier).
    pub text: String,
    /// The measured thing as written: "地区生产总值", "停车泊位".
    pub metric: String,
    /// Metric normalised for linking across reports (simplified characters,
    /// synonyms resolved): "地区生产总值" for "生产总值" and "GDP".
    pub metric_key: String,
    /// The number as written: "779.43", "1", "2-3", "一百五十".
    pub value: String,
    /// Char offset where [`Indicator::value`] starts in the document text.
    pub value_start: usize,
    /// The unit as written, magnitude included: "亿元", "万个", "%", "个百分点".
    pub unit: String,
    /// The value in base units (7.7943e10 for 779.43亿元); the lower bound of a range.
    pub normalized_value: Option<f64>,
    /// The upper bound of a range ("2-3条" gives 3), else `None`.
    pub normalized_value_max: Option<f64>,
    /// The base unit: "元", "个", "%", "百分点" (percentage points), "倍", "平方米".
    pub normalized_unit: String,
    /// Bound or hedge on the value: 以上, 不少于, 突破, 左右, 力争...
    pub qualifier: Option<String>,
    /// The verb of change or delivery: 增长, 下降, 新增, 建成, 完成, 引进...
    pub direction: Option<String>,
    /// Target, actual, growth or completion.
    pub kind: Kind,
    /// The period the figure is about as written: "2021年", "上半年", "全年", "明年".
    pub period: Option<String>,
    /// Policy area.
    pub category: Category,
    /// Headings enclosing the indicator, outermost first, joined by " > ".
    pub section: String,
}
