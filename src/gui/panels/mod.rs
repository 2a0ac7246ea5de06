//! The panels around the text: outline, indicator table, find bar, status bar,
//! and the indicator tooltip shared by the table and the text.

pub mod find;
pub mod outline;
pub mod pages;
pub mod status;
pub mod table;

use egui::Ui;

use crate::gui::i18n::Key;
use crate::gui::Language;
use crate::indicators::Indicator;

/// The details of one indicator, for tooltips; `progress` is where the
/// workspace says the target stands, when the indicator is one of its targets.
pub fn tooltip(ui: &mut Ui, indicator: &Indicator, progress: Option<&str>, language: Language) {
    egui::Grid::new("indicator-tooltip")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            let mut row = |key: Key, value: String| {
                ui.label(egui::RichText::new(language.t(key)).weak());
                ui.label(value);
                ui.end_row();
            };
            row(Key::Metric, indicator.metric.clone());
            row(Key::Value, format!("{}{}", indicator.value, indicator.unit));
            row(Key::Normalized, normalized(indicator));
            row(
                Key::Qualifier,
                indicator.qualifier.clone().unwrap_or_else(|| "—".into()),
            );
            row(Key::Kind, language.kind(indicator.kind).to_string());
            row(
                Key::Period,
                indicator.period.clone().unwrap_or_else(|| "—".into()),
            );
            row(
                Key::Category,
                language.category(indicator.category).to_string(),
            );
            if let Some(progress) = progress {
                row(Key::Targets, progress.to_string());
            }
        });
}

/// "7.7943e10 元", "2–3 条", or "—" for a goal without a number.
pub fn normalized(indicator: &Indicator) -> String {
    let Some(low) = indicator.normalized_value else {
        return "—".into();
    };
    let number = |v: f64| {
        if v.abs() >= 1e7 {
            format!("{v:.4e}")
        } else {
            format!("{v}")
        }
    };
    match indicator.normalized_value_max {
        Some(high) => format!(
            "{}–{} {}",
            number(low),
            number(high),
            indicator.normalized_unit
        ),
        None => format!("{} {}", number(low), indicator.normalized_unit),
    }
}
