//! What a block inherits from the headings above it: the section path, the
//! tense the headings give (回顾 → achieved, 重点工作 → planned), a period
//! (二、2025年重点工作 → 2025年) and a fallback category. Computed once per
//! section, not once per indicator.

use crate::document::Document;
use crate::indicators::classify::{self, Tense};
use crate::indicators::lexicon::LEXICON;
use crate::indicators::Category;

/// The section context of a block.
pub struct Section {
    /// Heading titles, outermost first.
    pub path: Vec<String>,
    /// The path joined with " > ", as exported.
    pub joined: String,
    /// Tense of the innermost heading that has one, else the document's.
    pub tense: Tense,
    /// Period of the innermost heading that names one, else the title's.
    pub period: Option<String>,
    /// Category of the innermost heading that has one.
    pub category: Option<Category>,
    /// The year of the report, as identity detection reads it.
    pub report_year: Option<i32>,
    /// True when `period` is the title's and the title's year is the year
    /// the report plans for, not the year it reviews (a work report, a plan
    /// or news of one): an achieved figure does not take it.
    pub period_only_for_plans: bool,
    /// True inside a glossary (名词解释), which holds no indicators.
    pub glossary: bool,
}

/// What the sections of a report share: its tense where nothing else says,
/// its year, and whether its title's year is the year it plans for.
pub struct ReportContext {
    /// Tense of text that no cue or heading places.
    pub tense: Tense,
    /// The report's year.
    pub year: Option<i32>,
    /// True for a work report, a plan or news of one.
    pub title_year_is_planned: bool,
}

impl Section {
    /// The section context for `path` in `doc`.
    pub fn new(doc: &Document, path: Vec<String>, report: &ReportContext) -> Self {
        let innermost = || path.iter().rev().map(String::as_str);
        let heading_period = innermost().find_map(classify::period_in);
        Self {
            period_only_for_plans: heading_period.is_none() && report.title_year_is_planned,
            joined: path.join(" > "),
            tense: innermost()
                .find_map(classify::heading_tense)
                .unwrap_or(report.tense),
            period: heading_period
                .or_else(|| doc.metadata.title.as_deref().and_then(classify::period_in)),
            category: innermost()
                .map(classify::category)
                .find(|c| *c != Category::Other),
            report_year: report.year,
            glossary: path.iter().any(|t| LEXICON.glossary_headings.occurs_in(t)),
            path,
        }
    }
}
