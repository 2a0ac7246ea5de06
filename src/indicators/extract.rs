//! The indicator extractor: runs the candidate finder over each content block
//! of a document (a long one piece by piece, see `plan`), reads each
//! candidate's context, and assembles [`Indicator`]s, a batch of blocks at a time.

use crate::document::Document;
use crate::indicators::candidates::{find_candidates, is_cjk_word_char, Candidate};
use crate::indicators::classify::{self, Tense};
use crate::indicators::clauses::Clauses;
use crate::indicators::context::{self, Context};
use crate::indicators::lexicon::LEXICON;
use crate::indicators::normalize::{normalize, without_converter_pinyin};
use crate::indicators::plan::{Piece, Planner};
use crate::indicators::qualitative::{find_goals, Goal};
use crate::indicators::section::Section;
use crate::indicators::table::{self, TableReader};
use crate::indicators::{Category, Indicator};
use crate::span::Span;

/// Finds indicators in documents. Cheap to share: all lexicons are static.
#[derive(Debug, Default)]
pub struct Extractor;

/// The metric, direction and sentence of the previous indicator in a block,
/// inherited by "同比增长22.3%" that follows "地区生产总值完成779.43亿元", and
/// the metrics still to hand out after "分别" ("城镇、农村…分别增长4.5%、7%").
struct Previous {
    sentence_start: usize,
    metric: String,
    direction: Option<String>,
    pending: std::collections::VecDeque<String>,
    /// The distinct metrics of the sentence so far, in order, for a "分别"
    /// list of values that names none ("A 1亿元, B 2亿元, 分别增长3%、4%").
    sentence_metrics: Vec<String>,
}

/// One block (or piece of a long block) being read: where it starts in the
/// document, its original and normalised chars, clauses, tense cues and section.
/// A piece with converter pinyin is read without it; `written` then keeps
/// its chars as written and where each char read stands among them.
struct BlockText<'a> {
    offset: usize,
    section: &'a Section,
    original: Vec<char>,
    written: Option<(Vec<char>, Vec<usize>)>,
    clauses: Clauses,
    cues: Vec<(usize, usize, Tense)>,
}

impl Extractor {
    /// The process-wide extractor.
    pub fn shared() -> &'static Extractor {
        static EXTRACTOR: Extractor = Extractor;
        &EXTRACTOR
    }

    /// All indicators of `doc`, in document order.
    pub fn extract(&self, doc: &Document) -> Vec<Indicator> {
        let mut all = Vec::new();
        let Ok(()) = self.extract_each(doc, |batch| {
            all.extend(batch);
            Ok::<(), std::convert::Infallible>(())
        });
        all.shrink_to_fit();
        all
    }

    /// The indicators of `doc` in document order, handed to `sink` a batch at
    /// a time (the figures of a megabyte of text, `plan::BATCH_BYTES`), so
    /// that a caller writing them out never holds them all. Stops at the first
    /// error `sink` returns.
    pub fn extract_each<E>(
        &self,
        doc: &Document,
        mut sink: impl FnMut(Vec<Indicator>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut planner = Planner::new(doc);
        let mut tables = TableReader::default();
        loop {
            let batch = planner.next_batch();
            if batch.is_empty() {
                return Ok(());
            }
            let found = extract_batch(&batch, planner.sections());
            let cells = tables.read(&doc.text, &batch, planner.sections());
            sink(table::merge(found, cells))?;
        }
    }
}

/// Text (bytes) below which a batch is read on the calling thread: about
/// 700 lines of a report.
const PARALLEL_MIN_BYTES: usize = 256 * 1024;

/// The indicators of `batch`, in order, read on all cores when it is large.
fn extract_batch(batch: &[Piece], sections: &[Section]) -> Vec<Indicator> {
    let run = |part: &[Piece]| -> Vec<Indicator> {
        part.iter()
            .flat_map(|p| extract_piece(p, &sections[p.section]))
            .collect()
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let bytes: usize = batch.iter().map(|p| p.text.len()).sum();
    if threads < 2 || bytes < PARALLEL_MIN_BYTES {
        return run(batch);
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = split_evenly(batch, bytes.div_ceil(threads))
            .into_iter()
            .map(|part| scope.spawn(move || run(part)))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// `batch` cut into consecutive parts of about `share` bytes of text each.
fn split_evenly<'b, 'a>(batch: &'b [Piece<'a>], share: usize) -> Vec<&'b [Piece<'a>]> {
    let mut parts = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (at, piece) in batch.iter().enumerate() {
        bytes += piece.text.len();
        if bytes >= share {
            parts.push(&batch[start..=at]);
            (start, bytes) = (at + 1, 0);
        }
    }
    if start < batch.len() {
        parts.push(&batch[start..]);
    }
    parts
}

/// How far back before its sentence a figure's paragraph is read for the
/// period it speaks of.
const PARAGRAPH_WINDOW: usize = 400;

/// How far after a figure the rest of its "分别" list is looked for.
const LIST_WINDOW: usize = 80;

/// How far back in its sentence the words before a number are read.
const SENTENCE_WINDOW: usize = 120;

fn extract_piece(piece: &Piece, section: &Section) -> Vec<Indicator> {
    let without_pinyin = without_converter_pinyin(piece.text);
    let original = without_pinyin
        .as_ref()
        .map_or(piece.text, |w| w.text.as_str());
    let clauses = Clauses::new(normalize(original));
    let text = BlockText {
        offset: piece.start,
        section,
        original: original.chars().collect(),
        written: without_pinyin.map(|w| (piece.text.chars().collect(), w.source)),
        cues: classify::cue_marks(&clauses),
        clauses,
    };
    let mut previous: Option<Previous> = None;
    let mut last_end = 0;
    let mut indicators = Vec::new();
    let candidates = find_candidates(&text.clauses);
    for (index, candidate) in candidates.iter().enumerate() {
        let ceiling = candidates
            .get(index + 1)
            .map_or(usize::MAX, |next| next.value_start);
        let context = context::read(&text.clauses, candidate, last_end, ceiling);
        if context.scope {
            continue;
        }
        if let Some(indicator) = text.assemble(candidate, &context, &mut previous) {
            last_end = context.end;
            indicators.push(indicator);
        }
    }
    let taken: Vec<usize> = candidates.iter().map(|c| c.value_start).collect();
    let goals = find_goals(&text.clauses, &taken);
    indicators.extend(goals.iter().map(|goal| text.assemble_goal(goal)));
    indicators.sort_by_key(|i| i.span.start);
    indicators
}

impl BlockText<'_> {
    /// Where char `index` of the text read stands in the piece as written.
    fn at(&self, index: usize) -> usize {
        match &self.written {
            None => index,
            Some((chars, source)) => source.get(index).copied().unwrap_or(chars.len()),
        }
    }

    /// Where a range of the text read that ends at `end` ends as written.
    fn after(&self, end: usize) -> usize {
        match (&self.written, end) {
            (None, _) => end,
            (Some(_), 0) => 0,
            (Some((chars, source)), _) => source.get(end - 1).map_or(chars.len(), |&i| i + 1),
        }
    }

    /// The document span of chars `start..end` of the text read.
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.offset + self.at(start), self.offset + self.after(end))
    }

    /// Chars `start..end` of the text read, as written in the document.
    fn written(&self, start: usize, end: usize) -> String {
        match &self.written {
            None => self.original(start, end),
            Some((chars, _)) => {
                let (from, to) = (self.at(start), self.after(end).min(chars.len()));
                chars[from.min(to)..to].iter().collect()
            }
        }
    }

    fn original(&self, start: usize, end: usize) -> String {
        self.original[start.min(end)..end.min(self.original.len())]
            .iter()
            .collect()
    }

    /// The unit as written, without the "余" of "1万余名".
    fn unit_as_written(&self, candidate: &Candidate) -> String {
        let unit = self.original(candidate.value_end, candidate.unit_end);
        if unit.is_empty() {
            // "百分之九" writes its unit before the number.
            return candidate.unit.clone();
        }
        match &candidate.approximate {
            Some((_, at)) => unit
                .chars()
                .enumerate()
                .filter(|(i, _)| candidate.value_end + i != *at)
                .map(|(_, c)| c)
                .filter(|c| !matches!(c, ' ' | '\u{3000}'))
                .collect(),
            // The space a PDF or web page left between figure and unit is no part of it.
            None => unit.trim_start_matches([' ', '\u{3000}']).to_string(),
        }
    }

    /// The metric and direction of a candidate: its own, or inherited from
    /// the previous indicator of the same sentence. `None` when it has neither.
    fn resolve(
        &self,
        context: &Context,
        sentence_start: usize,
        previous: &mut Option<Previous>,
    ) -> Option<(String, Option<String>)> {
        let inherited = previous
            .as_mut()
            .filter(|p| p.sentence_start == sentence_start);
        let in_list = matches!(
            self.clauses.chars().get(context.start.wrapping_sub(1)),
            Some('、' | '和' | '及')
        );
        let own_metric = context
            .metric
            .filter(|&(start, end)| !self.is_method(start, end));
        let (metric, pending) = match (own_metric, inherited) {
            (Some((start, end)), Some(p)) if self.is_generic(start, end) => (
                format!(
                    "{}{}{}",
                    p.metric,
                    if self.clauses.text(start.saturating_sub(2), start) == "完成" {
                        "完成"
                    } else {
                        ""
                    },
                    self.original(start, end)
                ),
                Default::default(),
            ),
            (None, Some(p)) if context.respectively && p.pending.is_empty() => {
                let count = self.list_length(context.end);
                let from = p.sentence_metrics.len().saturating_sub(count);
                let mut listed: std::collections::VecDeque<String> =
                    p.sentence_metrics[from..].iter().cloned().collect();
                (
                    listed.pop_front().unwrap_or_else(|| p.metric.clone()),
                    listed,
                )
            }
            (Some((start, end)), _) if context.respectively => {
                split_respectively(self.original(self.list_start(start), end))
            }
            (Some((start, end)), _) => (self.original(start, end), Default::default()),
            (None, Some(p)) => (
                p.pending.pop_front().unwrap_or_else(|| p.metric.clone()),
                std::mem::take(&mut p.pending),
            ),
            (None, None) => return None,
        };
        let inherited_direction = previous
            .as_ref()
            .filter(|p| in_list && p.sentence_start == sentence_start);
        let direction = context
            .direction
            .clone()
            .or_else(|| inherited_direction.and_then(|p| p.direction.clone()));
        let mut sentence_metrics = previous
            .take()
            .filter(|p| p.sentence_start == sentence_start)
            .map(|p| p.sentence_metrics)
            .unwrap_or_default();
        if !sentence_metrics.contains(&metric) {
            sentence_metrics.push(metric.clone());
        }
        *previous = Some(Previous {
            sentence_start,
            metric: metric.clone(),
            direction: direction.clone(),
            pending,
            sentence_metrics,
        });
        Some((metric, direction))
    }

    /// "按可比价格计算", "按平均汇率折算", "(见图1)": words before a number
    /// that say how it was counted, not what.
    fn is_method(&self, start: usize, end: usize) -> bool {
        let words = self.clauses.text(start, end);
        words.ends_with("计算")
            || words.ends_with("折算")
            || words.contains("见图")
            || words.contains("见表")
    }

    /// How many values a list that starts with the figure ending at `end`
    /// holds: "3%、4%和5%" holds three.
    fn list_length(&self, end: usize) -> usize {
        let chars = &self.clauses.chars()[end.min(self.clauses.chars().len())..];
        let list = chars
            .iter()
            .take(LIST_WINDOW)
            .take_while(|c| !matches!(c, ',' | ';' | '。' | ':'));
        1 + list.filter(|c| matches!(c, '、' | '和' | '及')).count()
    }

    /// Where the list of metrics that ends with the one starting at `start`
    /// begins ("城镇、农村居民人均可支配收入和人均消费支出分别增长…"
    /// is read whole, however long), without the words that open its clause
    /// ("其中", "全年").
    fn list_start(&self, start: usize) -> usize {
        let chars = self.clauses.chars();
        let first_char = start + usize::from(chars.get(start) == Some(&'、'));
        if first_char == 0 || chars[first_char - 1] != '、' {
            return start;
        }
        let mut from = self.clauses.clause_start(first_char);
        while let Some(word) = LEXICON
            .stop_words
            .longest_prefix(self.clauses.text(from, start))
        {
            from += word.chars().count();
        }
        while from < start
            && !(is_cjk_word_char(chars[from]) || chars[from].is_ascii_alphanumeric())
        {
            from += 1;
        }
        from
    }

    /// "总数", "规模": a metric head that names nothing without the metric before it.
    fn is_generic(&self, start: usize, end: usize) -> bool {
        LEXICON
            .generic_metrics
            .contains(self.clauses.text(start, end))
    }

    /// Builds the indicator, or `None` when no metric can be found or inherited.
    fn assemble(
        &self,
        candidate: &Candidate,
        context: &Context,
        previous: &mut Option<Previous>,
    ) -> Option<Indicator> {
        let sentence_start = self.clauses.sentence_start(candidate.value_start);
        let (metric, direction) = self.resolve(context, sentence_start, previous)?;
        let near = self.near(sentence_start, candidate.value_start);
        let before = self.clauses.text(near, candidate.unit_end);
        let (from, to) = (
            self.clauses.byte_at(sentence_start),
            self.clauses.byte_at(candidate.unit_end),
        );
        // A figure read after a list of metrics does not start with the list's "、".
        let start =
            context.start + usize::from(self.clauses.chars().get(context.start) == Some(&'、'));
        let own_period = classify::period_in(self.clauses.text(near, context.start));
        let tense = self.tense(from, to, own_period.as_deref(), sentence_start);
        let period = own_period.or_else(|| self.section_period(tense));
        let kind = classify::kind(
            context.completion || is_completion_metric(&metric),
            tense,
            is_change(context, direction.as_deref(), &candidate.base_unit),
        );
        Some(Indicator {
            span: self.span(start, context.end),
            text: self.written(start, context.end),
            metric_key: classify::metric_key(&metric),
            category: self.category(&metric, near, candidate.unit_end),
            metric,
            value: self.original(candidate.value_start, candidate.value_end),
            value_start: self.offset + self.at(candidate.value_start),
            unit: self.unit_as_written(candidate),
            normalized_value: Some(candidate.low),
            normalized_value_max: candidate.high,
            normalized_unit: candidate.base_unit.clone(),
            qualifier: context.qualifier.clone().or_else(|| hedge_in(before)),
            direction,
            kind,
            period,
            section: self.section.joined.clone(),
        })
    }

    /// An indicator for a goal stated without a number ("增长高于经济增长"):
    /// its value is the statement, its normalised value empty.
    fn assemble_goal(&self, goal: &Goal) -> Indicator {
        let (start, end) = goal.statement;
        let metric = self.original(goal.metric.0, goal.metric.1);
        let statement = self.clauses.text(start, end);
        let verb = LEXICON
            .change_verbs
            .longest_prefix(statement)
            .map(str::to_string);
        let value_start = start + verb.as_deref().map_or(0, |v| v.chars().count());
        let sentence_start = self.clauses.sentence_start(start);
        let (from, to) = (
            self.clauses.byte_at(sentence_start),
            self.clauses.byte_at(end),
        );
        let own_period = classify::period_in(
            self.clauses
                .text(self.near(sentence_start, start), goal.metric.0),
        );
        let tense = self.tense(from, to, own_period.as_deref(), sentence_start);
        let period = own_period.or_else(|| self.section_period(tense));
        Indicator {
            span: self.span(goal.metric.0, end),
            text: self.written(goal.metric.0, end),
            metric_key: classify::metric_key(&metric),
            category: self.category(&metric, self.near(sentence_start, start), end),
            metric,
            value: self.original(value_start, end),
            value_start: self.offset + self.at(value_start),
            unit: String::new(),
            normalized_value: None,
            normalized_value_max: None,
            normalized_unit: String::new(),
            qualifier: None,
            direction: verb,
            kind: classify::kind(false, tense, false),
            period,
            section: self.section.joined.clone(),
        }
    }

    /// The tense of a figure whose sentence runs over bytes `from..to` and
    /// whose own sentence names `period`. A sentence that names no period is
    /// in the time its paragraph last named ("2030年,…总体平稳。地区生产总值
    /// 达…"), else in its section's.
    fn tense(&self, from: usize, to: usize, period: Option<&str>, sentence_start: usize) -> Tense {
        let paragraph_period = || {
            let start = sentence_start.saturating_sub(PARAGRAPH_WINDOW);
            classify::period_in(self.clauses.text(start, sentence_start))
        };
        let period = period
            .map(str::to_string)
            .or_else(paragraph_period)
            .or_else(|| self.section.period.clone());
        classify::figure_tense(
            classify::tense_between(&self.cues, from, to),
            period.as_deref(),
            self.section.report_year,
            self.section.tense,
        )
    }

    /// The period a figure of `tense` takes from its section: none for an
    /// achieved figure when the section's period is the year a work report
    /// plans for (its review is of the year before).
    fn section_period(&self, tense: Tense) -> Option<String> {
        let reviewed = tense == Tense::Achieved && self.section.period_only_for_plans;
        self.section.period.clone().filter(|_| !reviewed)
    }

    /// Category of the metric, else of its clause, else of its section.
    /// Where to start reading words before `at` in its sentence: at most
    /// [`SENTENCE_WINDOW`] chars back, so a block without sentence ends stays linear.
    fn near(&self, sentence_start: usize, at: usize) -> usize {
        sentence_start.max(at.saturating_sub(SENTENCE_WINDOW))
    }

    fn category(&self, metric: &str, sentence_start: usize, at: usize) -> Category {
        let clause = self
            .clauses
            .text(sentence_start, self.clauses.clause_end(at));
        let known = |c: &Category| *c != Category::Other;
        Some(classify::category(metric))
            .filter(known)
            .or_else(|| Some(classify::category(clause)).filter(known))
            .or(self.section.category)
            .unwrap_or(Category::Other)
    }
}

/// "力争" or "确保" earlier in the sentence, when no closer qualifier was found.
fn hedge_in(before: &str) -> Option<String> {
    LEXICON
        .hedges
        .spans_in(before)
        .last()
        .map(|(start, end)| before[start..end].to_string())
}

/// A metric that is itself a share of a target: "投资完成率", "占计划之比".
fn is_completion_metric(metric: &str) -> bool {
    LEXICON
        .completion_metrics
        .longest_suffix(&normalize(metric), |_| true)
        .is_some()
}

/// A figure that measures a change: after 同比 or 较…同期, or after a change
/// verb (增长, 下降 ...) that does not name the level reached ("上升到").
fn is_change(context: &Context, direction: Option<&str>, base_unit: &str) -> bool {
    let change_verb = direction.is_some_and(|d| LEXICON.change_verbs.contains(d));
    let unit_of_change = matches!(base_unit, "百分点" | "倍");
    context.growth_marker || unit_of_change || (change_verb && !context.reached)
}

/// After "分别", "城乡居民人均可支配收入" stands for the town's and the
/// country's: "城镇居民人均可支配收入" and "农村居民人均可支配收入".
fn split_town_and_country(metric: String) -> (String, std::collections::VecDeque<String>) {
    let simplified = normalize(&metric);
    let Some(at) = simplified.find("城乡") else {
        return (metric, Default::default());
    };
    let (before, after) = (&simplified[..at], &simplified[at + "城乡".len()..]);
    (
        format!("{before}城镇{after}"),
        std::iter::once(format!("{before}农村{after}")).collect(),
    )
}

/// After "分别", "城镇、农村居民人均可支配收入" stands for two metrics: the
/// first is returned, the rest are kept for the values that follow. A short
/// item borrows the head of the last one ("城镇" → "城镇居民人均可支配收入").
fn split_respectively(metric: String) -> (String, std::collections::VecDeque<String>) {
    if !metric.contains('、') {
        return split_town_and_country(metric);
    }
    let items: Vec<&str> = metric.split('、').filter(|i| !i.is_empty()).collect();
    let last = items.last().copied().unwrap_or_default();
    let mut expanded: std::collections::VecDeque<String> = items
        .iter()
        .map(|item| {
            let len = item.chars().count();
            if len <= 2 && last.chars().count() > len + 2 {
                format!("{item}{}", last.chars().skip(len).collect::<String>())
            } else {
                (*item).to_string()
            }
        })
        .collect();
    let first = expanded.pop_front().unwrap_or(metric);
    (first, expanded)
}
