//! The targets tab: the workspace's reports (kind, region, issuer and year,
//! editable), a summary line, filters, one row per target with the figures
//! later reports give on it (each opens its report at the figure; each can
//! be confirmed or rejected, and links added by hand), and a chart of target
//! against actual for the rows ticked.

use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, HLine, Plot};

use crate::gui::commands::Command;
use crate::gui::i18n::Key;
use crate::gui::targets::state::{TargetSort, TargetsState};
use crate::gui::Language;
use crate::indicators::{Category, Kind};
use crate::tracking::{
    Comparison, IndicatorRef, Link, ReportInfo, ReportKind, TargetRow, TargetStatus, Verdict,
};

/// Height of the chart under the table.
const CHART_HEIGHT: f32 = 200.0;
/// How many comparable rows the chart shows when none is ticked.
const CHART_DEFAULT_ROWS: usize = 12;
/// Height of one line of a row.
const LINE_HEIGHT: f32 = 22.0;

/// Shows the targets tab; returns what the user asked for.
pub fn show(ui: &mut Ui, state: &mut TargetsState, language: Language) -> Vec<Command> {
    let mut commands = Vec::new();
    reports(ui, state, language, &mut commands);
    for problem in &state.problems {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
    ui.separator();
    ui.label(RichText::new(summary(&state.rows, language)).strong());
    filters(ui, state, language);
    let visible = state.visible_rows();
    let table_height = (ui.available_height() - CHART_HEIGHT - 72.0).max(120.0);
    ui.push_id("targets-table", |ui| {
        table(ui, state, &visible, table_height, language, &mut commands)
    });
    add_link_window(ui, state, language, &mut commands);
    ui.separator();
    chart(ui, state, &visible, language);
    commands
}

/// "6 个目标：2 已完成，3 进度正常，1 进度滞后".
fn summary(rows: &[TargetRow], language: Language) -> String {
    let parts: Vec<String> = TargetStatus::ALL
        .iter()
        .filter_map(|status| {
            let count = rows.iter().filter(|r| r.status == *status).count();
            (count > 0).then(|| format!("{count} {}", language.target_status(*status)))
        })
        .collect();
    let (colon, comma) = match language {
        Language::Chinese => ("：", "，"),
        Language::English => (": ", ", "),
    };
    format!(
        "{} {}{colon}{}",
        rows.len(),
        language.t(Key::TargetsCount),
        parts.join(comma)
    )
}

fn reports(ui: &mut Ui, state: &mut TargetsState, language: Language, commands: &mut Vec<Command>) {
    let title = format!(
        "{}（{}）· {}",
        language.t(Key::Reports),
        state.reports.len(),
        state.file.display()
    );
    egui::CollapsingHeader::new(title)
        .id_salt("workspace-reports")
        .default_open(true)
        .show(ui, |ui| {
            egui::Grid::new("workspace-report-grid")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    for key in [
                        Key::Reports,
                        Key::ReportKind,
                        Key::Region,
                        Key::Issuer,
                        Key::Year,
                    ] {
                        ui.strong(language.t(key));
                    }
                    ui.end_row();
                    for index in 0..state.reports.len() {
                        report_row(ui, state, index, language, commands);
                        ui.end_row();
                    }
                });
        });
}

fn report_row(
    ui: &mut Ui,
    state: &TargetsState,
    index: usize,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let report = &state.reports[index];
    let mut info: ReportInfo = report.tracked.info.clone();
    ui.label(&report.tracked.name)
        .on_hover_text(report.path.display().to_string());
    egui::ComboBox::from_id_salt(("report-kind", index))
        .selected_text(language.report_kind(info.kind))
        .show_ui(ui, |ui| {
            for kind in ReportKind::ALL {
                ui.selectable_value(&mut info.kind, kind, language.report_kind(kind));
            }
        })
        .response
        .on_hover_text(language.t(Key::ReportKind));
    ui.add_sized([150.0, 20.0], egui::TextEdit::singleline(&mut info.region))
        .on_hover_text(language.t(Key::Region));
    ui.add_sized([240.0, 20.0], egui::TextEdit::singleline(&mut info.issuer))
        .on_hover_text(language.t(Key::Issuer));
    // 0 stands for an unknown year; it is shown as "—" and never clamped into the range.
    let mut year = info.year.unwrap_or(0);
    let year_field = egui::DragValue::new(&mut year)
        .range(1949..=2100)
        .clamp_existing_to_range(false)
        .custom_formatter(|value, _| {
            if value == 0.0 {
                "—".into()
            } else {
                format!("{value}")
            }
        });
    ui.add(year_field).on_hover_text(language.t(Key::Year));
    info.year = (year != 0).then_some(year);
    if info != report.tracked.info {
        commands.push(Command::SetReportInfo(index, info));
    }
}

fn filters(ui: &mut Ui, state: &mut TargetsState, language: Language) {
    ui.horizontal_wrapped(|ui| {
        let filter = &mut state.filter;
        let status_text = filter
            .status
            .map_or(language.t(Key::AllStatuses), |s| language.target_status(s));
        egui::ComboBox::from_id_salt("targets-status")
            .selected_text(status_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.status, None, language.t(Key::AllStatuses));
                for status in TargetStatus::ALL {
                    ui.selectable_value(
                        &mut filter.status,
                        Some(status),
                        language.target_status(status),
                    );
                }
            })
            .response
            .on_hover_text(language.t(Key::Status));
        let category_text = filter
            .category
            .map_or(language.t(Key::AllCategories), |c| language.category(c));
        egui::ComboBox::from_id_salt("targets-category")
            .selected_text(category_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.category, None, language.t(Key::AllCategories));
                for category in Category::ALL {
                    ui.selectable_value(
                        &mut filter.category,
                        Some(category),
                        language.category(category),
                    );
                }
            })
            .response
            .on_hover_text(language.t(Key::Category));
        let names: Vec<String> = state
            .reports
            .iter()
            .map(|r| r.tracked.name.clone())
            .collect();
        let report_text = filter
            .report
            .and_then(|r| names.get(r).cloned())
            .unwrap_or_else(|| language.t(Key::AllReports).into());
        egui::ComboBox::from_id_salt("targets-report")
            .selected_text(report_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.report, None, language.t(Key::AllReports));
                for (index, name) in names.iter().enumerate() {
                    ui.selectable_value(&mut filter.report, Some(index), name);
                }
            })
            .response
            .on_hover_text(language.t(Key::Source));
    });
}

fn table(
    ui: &mut Ui,
    state: &mut TargetsState,
    visible: &[usize],
    height: f32,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let heights: Vec<f32> = visible
        .iter()
        .map(|&i| LINE_HEIGHT * state.rows[i].links.len().max(1) as f32 + 6.0)
        .collect();
    TableBuilder::new(ui)
        .striped(true)
        .max_scroll_height(height)
        .min_scrolled_height(height)
        .column(Column::exact(24.0))
        .column(Column::initial(170.0).resizable(true).clip(true))
        .column(Column::initial(120.0).resizable(true).clip(true))
        .column(Column::initial(150.0).resizable(true).clip(true))
        .column(Column::remainder().at_least(260.0).clip(true))
        .column(Column::initial(90.0))
        .column(Column::initial(80.0))
        .header(LINE_HEIGHT, |mut header| {
            let columns = [
                (Key::Chart, None),
                (Key::Metric, Some(TargetSort::Metric)),
                (Key::TargetValue, None),
                (Key::Source, Some(TargetSort::Source)),
                (Key::Evidence, None),
                (Key::Completion, Some(TargetSort::Completion)),
                (Key::Status, Some(TargetSort::Status)),
            ];
            for (key, sort) in columns {
                header.col(|ui| sort_header(ui, &mut state.sort, key, sort, language));
            }
        })
        .body(|body| {
            body.heterogeneous_rows(heights.into_iter(), |mut row| {
                let index = visible[row.index()];
                target_row(&mut row, state, index, language, commands);
            });
        });
}

/// A column title; a click on a sortable one sorts by it, a second click reverses.
fn sort_header(
    ui: &mut Ui,
    current: &mut (TargetSort, bool),
    key: Key,
    sort: Option<TargetSort>,
    language: Language,
) {
    let Some(sort) = sort else {
        ui.strong(language.t(key));
        return;
    };
    let arrow = match *current {
        (column, false) if column == sort => " ▲",
        (column, true) if column == sort => " ▼",
        _ => "",
    };
    if ui
        .button(RichText::new(format!("{}{arrow}", language.t(key))).strong())
        .clicked()
    {
        *current = (sort, current.0 == sort && !current.1);
    }
}

fn target_row(
    row: &mut egui_extras::TableRow,
    state: &mut TargetsState,
    index: usize,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let target_ref = state.rows[index].target;
    let target = state.indicator(target_ref).clone();
    row.col(|ui| {
        let mut ticked = state.charted.contains(&target_ref);
        if ui
            .checkbox(&mut ticked, "")
            .on_hover_text(language.t(Key::ChartHint))
            .changed()
        {
            if ticked {
                state.charted.insert(target_ref);
            } else {
                state.charted.remove(&target_ref);
            }
        }
    });
    row.col(|ui| {
        ui.label(&target.metric).on_hover_text(&target.text);
    });
    row.col(|ui| {
        let qualifier = target.qualifier.clone().unwrap_or_default();
        ui.label(format!("{}{}{qualifier}", target.value, target.unit));
    });
    row.col(|ui| {
        let report = &state.reports[target_ref.report];
        if ui
            .link(&report.tracked.name)
            .on_hover_text(&target.text)
            .clicked()
        {
            commands.push(Command::OpenAt(report.path.clone(), target.span.start));
        }
    });
    row.col(|ui| evidence(ui, state, index, language, commands));
    let current = &state.rows[index];
    row.col(|ui| {
        ui.label(completion_text(current, language));
    });
    row.col(|ui| {
        ui.colored_label(
            status_colour(current.status),
            language.target_status(current.status),
        );
    });
}

fn evidence(
    ui: &mut Ui,
    state: &mut TargetsState,
    index: usize,
    language: Language,
    commands: &mut Vec<Command>,
) {
    ui.vertical(|ui| {
        let target = state.rows[index].target;
        let links = state.rows[index].links.clone();
        let mut add = false;
        for (k, link) in links.iter().enumerate() {
            ui.horizontal(|ui| {
                link_line(ui, state, target, link, language, commands);
                add |= k + 1 == links.len() && ui.small_button(language.t(Key::AddLink)).clicked();
            });
        }
        add |= links.is_empty() && ui.small_button(language.t(Key::AddLink)).clicked();
        if add {
            state.adding = Some((target, String::new()));
        }
    });
}

/// One linked figure: its quote (opens its report there), confirm and reject.
fn link_line(
    ui: &mut Ui,
    state: &TargetsState,
    target: IndicatorRef,
    link: &Link,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let figure = state.indicator(link.actual);
    let report = &state.reports[link.actual.report];
    let text = format!("{}（{}）", figure.text, report.tracked.name);
    let hover = format!(
        "{} · {}",
        link.confidence.chinese(),
        comparison_text(&link.comparison)
    );
    if ui.link(text).on_hover_text(hover).clicked() {
        commands.push(Command::OpenAt(report.path.clone(), figure.span.start));
    }
    if link.confirmed {
        ui.weak(language.t(Key::Confirm));
    } else if ui.small_button(language.t(Key::Confirm)).clicked() {
        commands.push(Command::DecideLink(target, link.actual, Verdict::Confirmed));
    }
    if ui.small_button(language.t(Key::Reject)).clicked() {
        commands.push(Command::DecideLink(target, link.actual, Verdict::Rejected));
    }
}

fn completion_text(row: &TargetRow, language: Language) -> String {
    let percent = |share: f64| format!("{:.2}%", share * 100.0);
    match (row.completion, row.stated_completion) {
        (Some(done), Some(stated)) if (done - stated).abs() > 0.0005 => {
            format!(
                "{}（{} {}）",
                percent(done),
                language.t(Key::StatedShort),
                percent(stated)
            )
        }
        (Some(done), _) => percent(done),
        (None, Some(stated)) => format!("{} {}", language.t(Key::StatedShort), percent(stated)),
        (None, None) => match row.links.first().map(|l| l.comparison) {
            Some(Comparison::Rate { actual, target }) => format!("{actual}% / {target}%"),
            _ => "—".into(),
        },
    }
}

fn comparison_text(comparison: &Comparison) -> String {
    match comparison {
        Comparison::Completion { share } | Comparison::Stated { share } => {
            format!("{:.2}%", share * 100.0)
        }
        Comparison::Rate { actual, target } => format!("{actual}% / {target}%"),
        Comparison::NotComparable => "—".into(),
    }
}

/// The colour of a target's status.
pub fn status_colour(status: TargetStatus) -> egui::Color32 {
    match status {
        TargetStatus::Met => egui::Color32::from_rgb(60, 170, 75),
        TargetStatus::OnTrack => egui::Color32::from_rgb(40, 140, 230),
        TargetStatus::Behind => egui::Color32::from_rgb(240, 150, 0),
        TargetStatus::Missed => egui::Color32::from_rgb(220, 70, 60),
        TargetStatus::NotReported | TargetStatus::NotComparable => {
            egui::Color32::from_rgb(140, 140, 140)
        }
    }
}

/// A window listing the reported figures of other reports, to link one by hand.
fn add_link_window(
    ui: &mut Ui,
    state: &mut TargetsState,
    language: Language,
    commands: &mut Vec<Command>,
) {
    let Some((target, mut search)) = state.adding.take() else {
        return;
    };
    let mut open = true;
    let mut chosen = None;
    egui::Window::new(format!(
        "{}：{}",
        language.t(Key::AddLink),
        state.indicator(target).text
    ))
    .id(egui::Id::unique("add-link"))
    .open(&mut open)
    .default_width(420.0)
    .show(ui.ctx(), |ui| {
        let label = ui.label(language.t(Key::SearchIndicators));
        ui.text_edit_singleline(&mut search).labelled_by(label.id);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for candidate in candidates(state, target, &search).into_iter().take(200) {
                    let figure = state.indicator(candidate);
                    let name = &state.reports[candidate.report].tracked.name;
                    if ui.button(format!("{}（{}）", figure.text, name)).clicked() {
                        chosen = Some(candidate);
                    }
                }
            });
    });
    if let Some(actual) = chosen {
        commands.push(Command::DecideLink(target, actual, Verdict::Added));
    } else if open {
        state.adding = Some((target, search));
    }
}

/// Reported figures of reports other than the target's that contain `search`.
fn candidates(state: &TargetsState, target: IndicatorRef, search: &str) -> Vec<IndicatorRef> {
    let needle = search.trim();
    state
        .tracked()
        .iter()
        .enumerate()
        .filter(|(r, _)| *r != target.report)
        .flat_map(|(r, report)| {
            report
                .indicators
                .iter()
                .enumerate()
                .filter(move |(_, i)| {
                    i.kind != Kind::Target && (needle.is_empty() || i.text.contains(needle))
                })
                .map(move |(i, _)| IndicatorRef {
                    report: r,
                    indicator: i,
                })
        })
        .collect()
}

/// Bars of target (100%) and actual (as a share of the target) for the ticked
/// rows, or the first comparable rows in view when none is ticked.
fn chart(ui: &mut Ui, state: &TargetsState, visible: &[usize], language: Language) {
    ui.weak(language.t(Key::ChartHint));
    let charted: Vec<usize> = if state.charted.is_empty() {
        let comparable = visible
            .iter()
            .filter(|&&i| chart_share(&state.rows[i]).is_some());
        comparable.take(CHART_DEFAULT_ROWS).copied().collect()
    } else {
        (0..state.rows.len())
            .filter(|&i| state.charted.contains(&state.rows[i].target))
            .collect()
    };
    let mut targets = Vec::new();
    let mut actuals = Vec::new();
    let mut names = Vec::new();
    for (slot, &index) in charted.iter().enumerate() {
        let row = &state.rows[index];
        let x = slot as f64;
        names.push(state.indicator(row.target).metric.clone());
        targets.push(Bar::new(x - 0.2, 100.0).width(0.38).name(&names[slot]));
        if let Some(share) = chart_share(row) {
            actuals.push(
                Bar::new(x + 0.2, share * 100.0)
                    .width(0.38)
                    .name(&names[slot])
                    .fill(status_colour(row.status)),
            );
        }
    }
    let labels = names.clone();
    Plot::new("targets-chart")
        .height(CHART_HEIGHT)
        .y_axis_label(language.t(Key::PercentOfTarget))
        .include_y(0.0)
        .include_y(110.0)
        .allow_scroll(false)
        .x_axis_formatter(move |mark, _| {
            let slot = mark.value.round();
            if (mark.value - slot).abs() < 1e-6 && slot >= 0.0 {
                labels.get(slot as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(language.t(Key::TargetValue), targets).color(egui::Color32::GRAY),
            );
            plot.bar_chart(BarChart::new(language.t(Key::Evidence), actuals));
            plot.hline(HLine::new("100%", 100.0));
        });
}

/// The actual as a share of the target: a level's completion, a stated
/// completion, or a rate against the target rate.
fn chart_share(row: &TargetRow) -> Option<f64> {
    let link = row.links.first()?;
    match link.comparison {
        Comparison::Completion { share } | Comparison::Stated { share } => Some(share),
        Comparison::Rate { actual, target } if target.abs() > f64::EPSILON => Some(actual / target),
        _ => None,
    }
}
