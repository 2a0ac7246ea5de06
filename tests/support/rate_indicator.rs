//! A synthetic indicator for the linking tests and benchmarks, which build
//! reports of tens of thousands of indicators without extracting text.

use reportlens::indicators::{Category, Indicator, Kind};
use reportlens::span::Span;

/// An indicator of `kind` for `metric` (its key too) with the text `text`
/// at char `start`: a rise of `value` percent, in the first half of the
/// year unless it is a target.
pub fn rate_indicator(kind: Kind, metric: &str, text: &str, start: usize, value: f64) -> Indicator {
    let end = start + text.chars().count();
    Indicator {
        span: Span { start, end },
        text: text.to_string(),
        metric: metric.to_string(),
        metric_key: metric.to_string(),
        value: value.to_string(),
        value_start: end - 2,
        unit: "%".into(),
        normalized_value: Some(value),
        normalized_value_max: None,
        normalized_unit: "%".into(),
        qualifier: None,
        direction: Some("增长".into()),
        kind,
        period: (kind != Kind::Target).then(|| "上半年".to_string()),
        category: Category::Economy,
        section: String::new(),
    }
}
