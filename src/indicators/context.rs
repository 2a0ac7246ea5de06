//! Reading the words around a number: the metric (before the number, as in
//! "全社会固定资产投资300亿元", or after it, as in "不少于1亿元政策引导资金"),
//! the direction verb, the qualifier, and the completion and growth markers.

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::candidates::Candidate;
use crate::indicators::clauses::Clauses;
use crate::indicators::lexicon::LEXICON;
use crate::indicators::words::{phrase_at_end, phrase_at_start, trim_long, word_starts};

static COMPLETION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?:达到|完成|为|占)?(?:全年|年度)?(?:预期)?(?:目标|计划|任务)(?:任务)?的$")
        .unwrap_or_else(|e| panic!("completion pattern is valid: {e}"))
});

static GROWTH_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:同比|环比|(?:较|比)(?:\d{4}年|上年|去年|上半年|一季度)(?:同期)?|(?:较|比)?同期)$",
    )
    .unwrap_or_else(|e| panic!("growth pattern is valid: {e}"))
});

/// Words between a metric and its number that carry no meaning of their own.
const LINKING_WORDS: &[&str] = &[
    "预期目标",
    "保持在",
    "稳定在",
    "预计",
    "预期",
    "目标",
    "计划",
    "分别",
    "保持",
    "共计",
    "合计",
    "总计",
    "累计",
    "均",
    "已",
    "将",
    "为",
    "是",
    "共",
];

/// What the words around one number say, in block-relative char offsets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    /// Span of the metric, before or after the number (or in an earlier clause).
    pub metric: Option<(usize, usize)>,
    /// Direction verb (增长, 新增 ...).
    pub direction: Option<String>,
    /// Qualifier (以上, 不少于 ...).
    pub qualifier: Option<String>,
    /// "达到目标的63.53%": progress against a target.
    pub completion: bool,
    /// "同比", "较2019年同期": the figure is compared with a base period.
    pub growth_marker: bool,
    /// Start of the indicator text.
    pub start: usize,
    /// End of the indicator text.
    pub end: usize,
}

/// Reads the context of `candidate`; nothing before `floor` (the end of the
/// previous indicator) is read.
pub fn read(clauses: &Clauses, candidate: &Candidate, floor: usize) -> Context {
    let clause_start = clauses.clause_start(candidate.value_start).max(floor);
    let mut context = Context {
        start: candidate.value_start,
        end: candidate.unit_end,
        ..Context::default()
    };
    let metric_end = strip_before_number(clauses, clause_start, &mut context);
    let verb_then_number = context
        .direction
        .as_ref()
        .is_some_and(|d| LEXICON.delivery_verbs.contains(d));
    read_after_unit(clauses, candidate, &mut context);
    let left = phrase_before(clauses, clause_start, metric_end, &mut context);
    let left_text = clauses.text(clause_start, metric_end);
    let prefer_right = verb_then_number
        || left_text.ends_with('等')
        || left_text.contains('、')
        || left.as_ref().is_some_and(|(_, weak)| *weak)
        || clauses.chars().get(context.end) == Some(&'的');
    let left = left.map(|(span, _)| span);
    let right = phrase_after(clauses, context.end);
    let near = if prefer_right {
        right.or(left)
    } else {
        left.or(right)
    };
    if let Some((start, end)) = near {
        context.start = context.start.min(start);
        context.end = context.end.max(end);
    }
    context.metric = near
        .or_else(|| verb_run(clauses, clause_start, metric_end))
        .or_else(|| previous_clause_phrase(clauses, clause_start, floor));
    context
}

/// Strips qualifiers, verbs and markers written between the metric and the
/// number; returns where the metric may end.
fn strip_before_number(clauses: &Clauses, clause_start: usize, context: &mut Context) -> usize {
    let mut end = context.start;
    let starts = word_starts(&clauses.text(clause_start, end));
    loop {
        let text = clauses.text(clause_start, end);
        let at_word_start = |len: usize| starts.contains(&(end - clause_start - len));
        let Some((len, part_of_text)) = trailing_marker(&text, context, at_word_start) else {
            return end;
        };
        end -= len;
        if part_of_text {
            context.start = end;
        }
    }
}

/// Recognises one marker at the end of `text`; returns its length in chars and
/// whether it belongs to the indicator text.
fn trailing_marker(
    text: &str,
    context: &mut Context,
    at_word_start: impl Fn(usize) -> bool,
) -> Option<(usize, bool)> {
    let len = |word: &str| word.chars().count();
    let ends_with_word = |w: &&String| text.ends_with(w.as_str()) && at_word_start(len(w));
    if let Some(m) = COMPLETION.find(text) {
        context.completion = true;
        return Some((len(m.as_str()), true));
    }
    if let Some(m) = GROWTH_MARKER.find(text) {
        context.growth_marker = true;
        return Some((len(m.as_str()), true));
    }
    if text.ends_with([' ', '的', ',']) {
        return Some((1, false));
    }
    if let Some(q) = LEXICON.qualifiers_before.iter().find(ends_with_word) {
        context.qualifier.get_or_insert_with(|| q.clone());
        return Some((len(q), true));
    }
    if let Some(verb) = LEXICON
        .change_verbs
        .iter()
        .chain(&LEXICON.delivery_verbs)
        .find(ends_with_word)
    {
        context.direction.get_or_insert_with(|| verb.clone());
        return Some((len(verb), true));
    }
    let linking = LINKING_WORDS
        .iter()
        .find(|w| text.ends_with(**w) && at_word_start(len(w)))?;
    Some((len(linking), false))
}

/// Reads a qualifier written after the unit ("以上", "左右").
fn read_after_unit(clauses: &Clauses, candidate: &Candidate, context: &mut Context) {
    let rest = clauses.text(candidate.unit_end, candidate.unit_end + 2);
    if let Some(q) = LEXICON
        .qualifiers_after
        .iter()
        .find(|q| rest.starts_with(q.as_str()))
    {
        context.qualifier = Some(q.clone());
        context.end += q.chars().count();
    } else if let Some((approx, _)) = &candidate.approximate {
        context.qualifier = Some(approx.clone());
    }
}

/// The metric phrase ending at `end` (and whether it is weak); records the verb before it.
fn phrase_before(
    clauses: &Clauses,
    start: usize,
    end: usize,
    context: &mut Context,
) -> Option<((usize, usize), bool)> {
    let text = clauses.text(start, end);
    let phrase = phrase_at_end(&text)?;
    if let Some((verb, at)) = phrase.verb_before.filter(|_| context.direction.is_none()) {
        context.direction = Some(verb);
        context.start = context.start.min(start + at);
    }
    let phrase_start = start + phrase.start;
    let trimmed = phrase_start + trim_long(&clauses.text(phrase_start, end));
    Some(((trimmed, end), phrase.weak))
}

/// The metric phrase right after the unit ("1亿元政策引导资金" → "政策引导资金").
fn phrase_after(clauses: &Clauses, from: usize) -> Option<(usize, usize)> {
    let from = if clauses.chars().get(from) == Some(&'的') {
        from + 1
    } else {
        from
    };
    let text = clauses.text(from, clauses.clause_end(from));
    phrase_at_start(&text).map(|len| (from, from + len))
}

/// "全年完成征收签约不少于26万平方米": when no noun names the metric, the
/// verbs after the first one do ("征收签约").
fn verb_run(clauses: &Clauses, start: usize, end: usize) -> Option<(usize, usize)> {
    let text = clauses.text(start, end);
    let verb = LEXICON
        .delivery_verbs
        .iter()
        .filter_map(|v| text.find(v.as_str()).map(|at| (at, v)))
        .min()?;
    let run_start = start + text[..verb.0].chars().count() + verb.1.chars().count();
    let run = clauses.text(run_start, end);
    let useful = run.chars().count() >= 2 && !LEXICON.is_verb(&run) && !run.contains(['“', '(']);
    useful.then_some((run_start, end))
}

/// "推进二次供水改造,今年新开工218处": the object of the previous clause in the same sentence.
fn previous_clause_phrase(
    clauses: &Clauses,
    clause_start: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let sentence_start = clauses.sentence_start(clause_start).max(floor);
    if clause_start <= sentence_start + 1 {
        return None;
    }
    let end = clause_start - 1;
    let start = clauses.clause_start(end).max(sentence_start);
    if clauses.chars()[start..end].iter().any(char::is_ascii_digit) {
        return None;
    }
    let phrase = phrase_at_end(&clauses.text(start, end))?;
    Some((start + phrase.start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::candidates::find_candidates;

    fn metric_of(text: &str) -> (String, Option<String>, Option<String>) {
        let clauses = Clauses::new(text);
        let candidate = find_candidates(text)
            .into_iter()
            .last()
            .unwrap_or_else(|| panic!("{text}"));
        let context = read(&clauses, &candidate, 0);
        let metric = context
            .metric
            .map(|(s, e)| clauses.text(s, e))
            .unwrap_or_default();
        (metric, context.direction, context.qualifier)
    }

    #[test]
    fn metric_before_the_number() {
        assert_eq!(
            metric_of("全社会固定资产投资300亿元").0,
            "全社会固定资产投资"
        );
        assert_eq!(metric_of("地区生产总值增长7%").1.as_deref(), Some("增长"));
        let (metric, direction, qualifier) = metric_of("新增停车泊位1万个以上");
        assert_eq!(
            (metric.as_str(), direction.as_deref(), qualifier.as_deref()),
            ("停车泊位", Some("新增"), Some("以上"))
        );
    }

    #[test]
    fn metric_after_the_number() {
        assert_eq!(
            metric_of("年度安排不少于1亿元政策引导资金,为").0,
            "政策引导资金"
        );
        assert_eq!(metric_of("开工建设北洋桥西路等15条道路,").0, "道路");
    }

    #[test]
    fn metric_from_verbs_or_the_previous_clause() {
        assert_eq!(metric_of("通过汉融通平台对接放款2714笔").0, "放款");
        assert_eq!(
            metric_of("推进二次供水改造,今年新开工218处").0,
            "二次供水改造"
        );
    }

    #[test]
    fn completion_and_growth_markers() {
        let text = "上半年固定资产投资完成190.59亿元,达到目标的63.53%,同比增长85.03%";
        let clauses = Clauses::new(text);
        let found = find_candidates(text);
        assert!(read(&clauses, &found[1], 0).completion);
        assert!(read(&clauses, &found[2], 0).growth_marker);
        assert_eq!(read(&clauses, &found[1], 0).qualifier, None);
    }
}
