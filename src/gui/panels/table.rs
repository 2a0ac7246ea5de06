//! The indicator table: sortable by column, filtered by kind, category and
//! a text box; a click on a row reveals the indicator in the text. A report
//! with pages (PDF) has a page column.

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use crate::document::Document;
use crate::gui::commands::Command;
use crate::gui::i18n::Key;
use crate::gui::theme;
use crate::gui::Language;
use crate::indicators::{Category, Indicator, Kind};

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// Document order.
    #[default]
    Position,
    /// Metric name.
    Metric,
    /// Normalised value.
    Value,
    /// Kind.
    Kind,
    /// Category.
    Category,
}

/// What the rows were computed for: filters, sort, and the number of indicators.
type RowsKey = (
    Option<Kind>,
    Option<Category>,
    String,
    (SortColumn, bool),
    usize,
);

/// Filters, sort order and the rows they give.
#[derive(Default)]
pub struct TableState {
    /// Only this kind, if set.
    pub kind: Option<Kind>,
    /// Only this category, if set.
    pub category: Option<Category>,
    /// Only indicators whose text, metric or section contain this.
    pub filter: String,
    /// Sort column, and true for descending.
    pub sort: (SortColumn, bool),
    /// Indices of the indicators shown, in display order.
    pub rows: Vec<usize>,
    /// Scroll the table to the selected row on the next frame.
    pub scroll_to_selected: bool,
    shown_for: Option<RowsKey>,
}

impl TableState {
    /// Recomputes the rows when the filters, the sort or the indicators changed.
    pub fn refresh(&mut self, indicators: &[Indicator]) {
        let key = (
            self.kind,
            self.category,
            self.filter.clone(),
            self.sort,
            indicators.len(),
        );
        if self.shown_for.as_ref() == Some(&key) {
            return;
        }
        let needle = self.filter.trim().to_string();
        self.rows = (0..indicators.len())
            .filter(|&i| {
                let ind = &indicators[i];
                self.kind.is_none_or(|k| ind.kind == k)
                    && self.category.is_none_or(|c| ind.category == c)
                    && (needle.is_empty()
                        || [&ind.text, &ind.metric, &ind.section]
                            .iter()
                            .any(|s| s.contains(&needle)))
            })
            .collect();
        sort_rows(&mut self.rows, indicators, self.sort);
        self.shown_for = Some(key);
    }

    /// Forces a refresh (a new document).
    pub fn reset(&mut self) {
        self.shown_for = None;
    }
}

fn sort_rows(
    rows: &mut [usize],
    indicators: &[Indicator],
    (column, descending): (SortColumn, bool),
) {
    let value = |i: usize| indicators[i].normalized_value.unwrap_or(f64::NEG_INFINITY);
    match column {
        SortColumn::Position => {}
        SortColumn::Metric => {
            rows.sort_by(|&a, &b| indicators[a].metric_key.cmp(&indicators[b].metric_key))
        }
        SortColumn::Value => rows.sort_by(|&a, &b| value(a).total_cmp(&value(b))),
        SortColumn::Kind => rows.sort_by_key(|&i| indicators[i].kind),
        SortColumn::Category => rows.sort_by_key(|&i| indicators[i].category),
    }
    if descending {
        rows.reverse();
    }
}

/// Shows the filters and the table; returns the command of a row click.
pub fn show(
    ui: &mut Ui,
    state: &mut TableState,
    indicators: &[Indicator],
    doc: &Document,
    selected: Option<usize>,
    language: Language,
) -> Option<Command> {
    let paged = doc.page_count() > 0;
    filters(ui, state, language);
    state.refresh(indicators);
    ui.label(format!(
        "{} {} / {}",
        language.t(Key::Shown),
        state.rows.len(),
        indicators.len()
    ));
    let mut command = None;
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .column(
            Column::initial(130.0)
                .at_least(60.0)
                .clip(true)
                .resizable(true),
        )
        .column(Column::initial(64.0).at_least(40.0).clip(true))
        .column(Column::initial(56.0).clip(true))
        .column(Column::initial(52.0).clip(true))
        .column(Column::initial(56.0))
        .column(Column::initial(80.0).clip(true));
    if paged {
        table = table.column(Column::initial(40.0).clip(true));
    }
    table = table.column(Column::remainder().clip(true));
    if std::mem::take(&mut state.scroll_to_selected) {
        if let Some(row) = selected.and_then(|s| state.rows.iter().position(|&r| r == s)) {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
    }
    table
        .header(22.0, |mut header| {
            let mut sort_header = |header: &mut egui_extras::TableRow,
                                   key: Key,
                                   column: Option<SortColumn>| {
                header.col(|ui| {
                    let arrow = if state.sort.0 == column.unwrap_or_default() && column.is_some() {
                        if state.sort.1 {
                            " ▼"
                        } else {
                            " ▲"
                        }
                    } else {
                        ""
                    };
                    let clicked = ui
                        .add(
                            egui::Button::new(
                                egui::RichText::new(format!("{}{arrow}", language.t(key))).strong(),
                            )
                            .frame(false),
                        )
                        .clicked();
                    if let (true, Some(column)) = (clicked, column) {
                        state.sort = if state.sort.0 == column {
                            (column, !state.sort.1)
                        } else {
                            (column, false)
                        };
                    }
                });
            };
            sort_header(&mut header, Key::Metric, Some(SortColumn::Metric));
            sort_header(&mut header, Key::Value, Some(SortColumn::Value));
            sort_header(&mut header, Key::Unit, None);
            sort_header(&mut header, Key::Qualifier, None);
            sort_header(&mut header, Key::Kind, Some(SortColumn::Kind));
            sort_header(&mut header, Key::Category, Some(SortColumn::Category));
            if paged {
                sort_header(&mut header, Key::Page, None);
            }
            sort_header(&mut header, Key::Section, None);
        })
        .body(|mut body| {
            // Selectable labels would take the clicks meant for their row.
            body.ui_mut().style_mut().interaction.selectable_labels = false;
            let dark = body.ui_mut().visuals().dark_mode;
            body.rows(22.0, state.rows.len(), |mut row| {
                let index = state.rows[row.index()];
                let indicator = &indicators[index];
                row.set_selected(selected == Some(index));
                row.col(|ui| {
                    ui.label(&indicator.metric);
                });
                row.col(|ui| {
                    ui.label(&indicator.value);
                });
                row.col(|ui| {
                    ui.label(&indicator.unit);
                });
                row.col(|ui| {
                    ui.label(indicator.qualifier.as_deref().unwrap_or(""));
                });
                row.col(|ui| {
                    ui.colored_label(
                        theme::swatch(indicator.kind, dark),
                        language.kind(indicator.kind),
                    );
                });
                row.col(|ui| {
                    ui.label(language.category(indicator.category));
                });
                if paged {
                    let page = doc.page_at(indicator.span.start);
                    row.col(|ui| {
                        ui.label(page.map_or_else(String::new, |p| p.to_string()));
                    });
                }
                row.col(|ui| {
                    ui.label(&indicator.section);
                });
                if row.response().clicked() {
                    command = Some(Command::Reveal(index));
                }
            });
        });
    command
}

fn filters(ui: &mut Ui, state: &mut TableState, language: Language) {
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_id_salt("kind-filter")
            .selected_text(
                state
                    .kind
                    .map_or(language.t(Key::AllKinds), |k| language.kind(k)),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.kind, None, language.t(Key::AllKinds));
                for kind in crate::gui::view::KINDS {
                    ui.selectable_value(&mut state.kind, Some(kind), language.kind(kind));
                }
            })
            .response
            .on_hover_text(language.t(Key::Kind));
        egui::ComboBox::from_id_salt("category-filter")
            .selected_text(
                state
                    .category
                    .map_or(language.t(Key::AllCategories), |c| language.category(c)),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.category, None, language.t(Key::AllCategories));
                for category in Category::ALL {
                    ui.selectable_value(
                        &mut state.category,
                        Some(category),
                        language.category(category),
                    );
                }
            })
            .response
            .on_hover_text(language.t(Key::Category));
        let label = ui.label(language.t(Key::FilterHint));
        ui.add(egui::TextEdit::singleline(&mut state.filter).desired_width(140.0))
            .labelled_by(label.id);
    });
}
