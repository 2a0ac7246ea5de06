//! The indicator extractor: runs the candidate finder over each content block
//! of a document, reads each candidate's context, and assembles [`Indicator`]s.

use crate::document::{Block, BlockKind, Document};
use crate::indicators::candidates::{find_candidates, Candidate};
use crate::indicators::classify::{self, Tense};
use crate::indicators::clauses::Clauses;
use crate::indicators::context::{self, Context};
use crate::indicators::normalize::normalize;
use crate::indicators::Indicator;
use crate::span::{self, Span};

/// Headings of sections that define terms and hold no indicators.
const GLOSSARY_HEADINGS: &[&str] = &["名词解释", "名词注释", "注释", "附注", "注解"];

/// Finds indicators in documents. Cheap to share: all lexicons are static.
#[derive(Debug, Default)]
pub struct Extractor;

/// The metric, direction and sentence of the previous indicator in a block,
/// inherited by "同比增长22.3%" that follows "地区生产总值完成779.43亿元".
struct Previous {
    sentence_start: usize,
    metric: String,
    direction: Option<String>,
}

/// One block being read: its original and normalised chars and clauses.
struct BlockText<'a> {
    doc: &'a Document,
    block: &'a Block,
    original: Vec<char>,
    clauses: Clauses,
}

impl Extractor {
    /// The process-wide extractor.
    pub fn shared() -> &'static Extractor {
        static EXTRACTOR: Extractor = Extractor;
        &EXTRACTOR
    }

    /// All indicators of `doc`, in document order.
    pub fn extract(&self, doc: &Document) -> Vec<Indicator> {
        let doc_tense =
            classify::document_tense(doc.metadata.title.as_deref(), &normalize(&doc.text));
        doc.blocks
            .iter()
            .filter(|block| matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. }))
            .filter(|block| !in_glossary(doc, block))
            .flat_map(|block| extract_block(doc, block, doc_tense))
            .collect()
    }
}

fn in_glossary(doc: &Document, block: &Block) -> bool {
    doc.section_path(block.span.start)
        .iter()
        .any(|title| GLOSSARY_HEADINGS.iter().any(|g| title.contains(g)))
}

fn extract_block(doc: &Document, block: &Block, doc_tense: Tense) -> Vec<Indicator> {
    let original = span::slice(&doc.text, block.span);
    let normalised = normalize(original);
    let text = BlockText {
        doc,
        block,
        original: original.chars().collect(),
        clauses: Clauses::new(&normalised),
    };
    let mut previous: Option<Previous> = None;
    let mut last_end = 0;
    let mut indicators = Vec::new();
    for candidate in find_candidates(&normalised) {
        let context = context::read(&text.clauses, &candidate, last_end);
        if let Some(indicator) = text.assemble(&candidate, &context, &mut previous, doc_tense) {
            last_end = context.end;
            indicators.push(indicator);
        }
    }
    indicators
}

impl BlockText<'_> {
    fn original(&self, start: usize, end: usize) -> String {
        self.original[start.min(end)..end.min(self.original.len())]
            .iter()
            .collect()
    }

    /// The unit as written, without the "余" of "1万余名".
    fn unit_as_written(&self, candidate: &Candidate) -> String {
        let unit = self.original(candidate.value_end, candidate.unit_end);
        match &candidate.approximate {
            Some((_, at)) => unit
                .chars()
                .enumerate()
                .filter(|(i, _)| candidate.value_end + i != *at)
                .map(|(_, c)| c)
                .collect(),
            None => unit,
        }
    }

    /// Builds the indicator, or `None` when no metric can be found or inherited.
    fn assemble(
        &self,
        candidate: &Candidate,
        context: &Context,
        previous: &mut Option<Previous>,
        doc_tense: Tense,
    ) -> Option<Indicator> {
        let sentence_start = self.clauses.sentence_start(candidate.value_start);
        let inherited = previous
            .as_ref()
            .filter(|p| p.sentence_start == sentence_start);
        let metric = match context.metric {
            Some((start, end)) => self.original(start, end),
            None => inherited?.metric.clone(),
        };
        let in_list = self.clauses.chars().get(context.start.wrapping_sub(1)) == Some(&'、');
        let direction = context.direction.clone().or_else(|| {
            inherited
                .filter(|_| in_list)
                .and_then(|p| p.direction.clone())
        });
        *previous = Some(Previous {
            sentence_start,
            metric: metric.clone(),
            direction: direction.clone(),
        });
        let before = self.clauses.text(sentence_start, candidate.unit_end);
        let offset = self.block.span.start;
        let section = self.doc.section_path(offset);
        let kind = classify::kind(
            context.completion,
            self.tense(&before, &section, doc_tense),
            is_rate_of_change(candidate, context),
        );
        let sentence = self
            .clauses
            .text(sentence_start, self.clauses.clause_end(candidate.unit_end));
        Some(Indicator {
            span: Span::new(offset + context.start, offset + context.end),
            text: self.original(context.start, context.end),
            metric_key: classify::metric_key(&metric),
            category: classify::category(
                [metric.as_str(), sentence.as_str()]
                    .into_iter()
                    .chain(section.iter().rev().map(String::as_str)),
            ),
            metric,
            value: self.original(candidate.value_start, candidate.value_end),
            value_start: offset + candidate.value_start,
            unit: self.unit_as_written(candidate),
            normalized_value: Some(candidate.low),
            normalized_value_max: candidate.high,
            normalized_unit: candidate.base_unit.clone(),
            qualifier: context.qualifier.clone().or_else(|| hedge_in(&before)),
            direction,
            kind,
            period: classify::period_in(&self.clauses.text(sentence_start, context.start))
                .or_else(|| section.iter().rev().find_map(|h| classify::period_in(h)))
                .or_else(|| {
                    self.doc
                        .metadata
                        .title
                        .as_deref()
                        .and_then(classify::period_in)
                }),
            section: section.join(" > "),
        })
    }

    /// Tense from the sentence, else the innermost heading that has one, else the document's.
    fn tense(&self, before: &str, section: &[String], doc_tense: Tense) -> Tense {
        classify::sentence_tense(before)
            .or_else(|| {
                section
                    .iter()
                    .rev()
                    .find_map(|h| classify::heading_tense(h))
            })
            .unwrap_or(doc_tense)
    }
}

/// "力争" or "确保" earlier in the sentence, when no closer qualifier was found.
fn hedge_in(before: &str) -> Option<String> {
    ["力争", "确保"]
        .into_iter()
        .filter_map(|w| before.rfind(w).map(|at| (at, w)))
        .max()
        .map(|(_, w)| w.to_string())
}

/// A percentage, percentage points or a multiple that describes a change.
fn is_rate_of_change(candidate: &Candidate, context: &Context) -> bool {
    let rate_unit = matches!(candidate.base_unit.as_str(), "%" | "百分点" | "倍" | "‰");
    let change_verb = context
        .direction
        .as_ref()
        .is_some_and(|d| crate::indicators::lexicon::LEXICON.change_verbs.contains(d));
    rate_unit && (context.growth_marker || change_verb)
}
