//! Comparing a target with a figure reported on it: completion of a level,
//! a rate against a rate, or the completion the report states; and the
//! status that follows, given how much of the year had gone.

use serde::{Deserialize, Serialize};

use crate::indicators::normalize::normalize;

use crate::indicators::{Indicator, Kind};

/// Where a target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// Reached by the end of its year.
    Met,
    /// Mid-year, at or above the share of the year gone (a rate: at or above target).
    OnTrack,
    /// Mid-year, below the share of the year gone.
    Behind,
    /// Not reached by the end of its year.
    Missed,
    /// No later report in the workspace reports on it.
    NotReported,
    /// Reported on, but in words or units that cannot be compared.
    NotComparable,
}

impl TargetStatus {
    /// Every status, best first.
    pub const ALL: [TargetStatus; 6] = [
        TargetStatus::Met,
        TargetStatus::OnTrack,
        TargetStatus::Behind,
        TargetStatus::Missed,
        TargetStatus::NotReported,
        TargetStatus::NotComparable,
    ];

    /// Chinese name.
    pub fn chinese(self) -> &'static str {
        match self {
            Self::Met => "已完成",
            Self::OnTrack => "进度正常",
            Self::Behind => "进度滞后",
            Self::Missed => "未完成",
            Self::NotReported => "未报告",
            Self::NotComparable => "不可比",
        }
    }

    /// English name, as in the summary line.
    pub fn english(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::OnTrack => "on track",
            Self::Behind => "behind",
            Self::Missed => "missed",
            Self::NotReported => "not reported",
            Self::NotComparable => "not comparable",
        }
    }
}

/// How a reported figure compares with its target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Comparison {
    /// A level against a level target: the share of the target reached.
    Completion {
        /// Actual ÷ target (0.6353 for 63.53%).
        share: f64,
    },
    /// A rate of change against a rate target, falls negative.
    Rate {
        /// The reported rate, in percent (−10.3 for 下降10.3%).
        actual: f64,
        /// The target rate, in percent (−3 for 下降3%).
        target: f64,
    },
    /// The report states the share of the target reached ("达到目标的63.53%").
    Stated {
        /// The stated share (0.6353).
        share: f64,
    },
    /// Different units, a level against a rate, or words: nothing to compute.
    NotComparable,
}

impl Comparison {
    /// The share of the target reached, for levels and stated completions.
    pub fn share(&self) -> Option<f64> {
        match self {
            Self::Completion { share } | Self::Stated { share } => Some(*share),
            _ => None,
        }
    }

    /// The status this comparison gives when `elapsed` of the year had gone
    /// (1.0 for a full-year report), for a target that is a ceiling if `cap`.
    pub fn status(&self, elapsed: f64, cap: bool) -> TargetStatus {
        let full_year = elapsed >= 0.99;
        let good = match *self {
            Self::Completion { share } | Self::Stated { share } if cap => share <= 1.0,
            Self::Completion { share } | Self::Stated { share } => {
                share >= if full_year { 1.0 } else { elapsed - 1e-9 }
            }
            Self::Rate { actual, target } if cap => actual <= target,
            // A fall to reach (能耗下降3%): the actual must fall at least as far.
            Self::Rate { actual, target } if target < 0.0 => actual <= target,
            Self::Rate { actual, target } => actual >= target,
            Self::NotComparable => return TargetStatus::NotComparable,
        };
        match (good, full_year) {
            (true, true) => TargetStatus::Met,
            (true, false) => TargetStatus::OnTrack,
            (false, true) => TargetStatus::Missed,
            (false, false) => TargetStatus::Behind,
        }
    }
}

/// True when the target is a ceiling: a qualifier (以内, 不超过 …) or a verb
/// (控制在, 降到 …) says the figure must stay at or below it.
pub fn is_cap(target: &Indicator) -> bool {
    const QUALIFIERS: [&str; 8] = [
        "以内",
        "以下",
        "之内",
        "不超过",
        "不高于",
        "不多于",
        "控制在",
        "低于",
    ];
    const VERBS: [&str; 7] = [
        "控制在",
        "降到",
        "降至",
        "下降到",
        "下降至",
        "压减到",
        "压减至",
    ];
    target
        .qualifier
        .as_deref()
        .is_some_and(|q| QUALIFIERS.contains(&q))
        || VERBS.iter().any(|verb| target.text.contains(verb))
}

/// Verbs of a fall: the rate they give is negative.
const FALLS: [&str; 6] = ["下降", "降低", "减少", "回落", "下滑", "收窄"];

/// The value with the sign its verb gives: "下降10.3%" is −10.3.
fn signed(indicator: &Indicator, value: f64) -> f64 {
    let falls = indicator
        .direction
        .as_deref()
        .is_some_and(|d| FALLS.contains(&d));
    if falls {
        -value.abs()
    } else {
        value
    }
}

/// True when the indicator is a rate of change (增长7%, 同比增长22.3%, 涨幅3%).
fn is_rate(indicator: &Indicator) -> bool {
    const CHANGE: [&str; 10] = [
        "增长", "上涨", "增加", "提高", "提升", "上升", "下降", "降低", "减少", "回落",
    ];
    const RATE_NAMES: [&str; 4] = ["涨幅", "增幅", "增速", "增长率"];
    indicator.kind == Kind::Growth
        || (indicator.normalized_unit == "%"
            && RATE_NAMES
                .iter()
                .any(|n| normalize(&indicator.metric).ends_with(n)))
        || (indicator.normalized_unit == "%"
            && indicator
                .direction
                .as_deref()
                .is_some_and(|d| CHANGE.contains(&d)))
}

/// How `actual` compares with `target`.
pub fn compare(target: &Indicator, actual: &Indicator) -> Comparison {
    let (Some(goal), Some(value)) = (target.normalized_value, actual.normalized_value) else {
        return Comparison::NotComparable;
    };
    if actual.kind == Kind::Completion {
        return Comparison::Stated {
            share: value / 100.0,
        };
    }
    if target.normalized_unit != actual.normalized_unit {
        return Comparison::NotComparable;
    }
    let rate = Comparison::Rate {
        actual: signed(actual, value),
        target: signed(target, goal),
    };
    match (is_rate(target), is_rate(actual)) {
        (true, true) => rate,
        // A level in percent (优良率81%) compares as a rate does: against the target.
        (false, false) if actual.normalized_unit == "%" => rate,
        (false, false) if goal > 0.0 => Comparison::Completion {
            share: value / goal,
        },
        _ => Comparison::NotComparable,
    }
}

/// The share of the year a period covers: 上半年 0.5, 前三季度 0.75, 1-8月 8/12;
/// None when the period does not say.
pub fn elapsed_in(period: &str) -> Option<f64> {
    let quarters = [
        ("一季度", 0.25),
        ("上半年", 0.5),
        ("前三季度", 0.75),
        ("下半年", 1.0),
        ("全年", 1.0),
    ];
    if let Some((_, share)) = quarters.iter().find(|(word, _)| period.contains(word)) {
        return Some(*share);
    }
    let months = period
        .split_once('-')
        .or_else(|| period.split_once('至'))?
        .1;
    let month: f64 = months.trim_end_matches('月').parse().ok()?;
    (1.0..=12.0).contains(&month).then_some(month / 12.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mid_year_status_follows_the_share_of_the_year_gone() {
        let invest = Comparison::Completion { share: 0.6353 };
        assert_eq!(invest.status(0.5, false), TargetStatus::OnTrack);
        assert_eq!(invest.status(0.75, false), TargetStatus::Behind);
        assert_eq!(invest.status(1.0, false), TargetStatus::Missed);
        let growth = Comparison::Rate {
            actual: 22.3,
            target: 7.0,
        };
        assert_eq!(growth.status(0.5, false), TargetStatus::OnTrack);
        assert_eq!(growth.status(1.0, false), TargetStatus::Met);
        assert_eq!(
            Comparison::Rate {
                actual: 3.5,
                target: 3.0
            }
            .status(1.0, true),
            TargetStatus::Missed
        );
        let fall = Comparison::Rate {
            actual: -3.5,
            target: -3.0,
        };
        assert_eq!(fall.status(1.0, false), TargetStatus::Met);
        let rise_instead = Comparison::Rate {
            actual: 4.0,
            target: -3.0,
        };
        assert_eq!(rise_instead.status(1.0, false), TargetStatus::Missed);
    }

    #[test]
    fn periods_give_the_share_of_the_year() {
        assert_eq!(elapsed_in("上半年"), Some(0.5));
        assert_eq!(elapsed_in("2021年上半年"), Some(0.5));
        assert_eq!(elapsed_in("1-9月"), Some(0.75));
        assert_eq!(elapsed_in("2021年"), None);
    }
}
