//! Reading the words around a number: the metric (before the number, as in
//! "全社会固定资产投资300亿元", or after it, as in "不少于1亿元政策引导资金"),
//! the direction verb, the qualifier, and the completion and growth markers.

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::candidates::{is_cjk_word_char, Candidate};
use crate::indicators::clauses::Clauses;
use crate::indicators::lexicon::LEXICON;
use crate::indicators::words::{phrase_at_end, phrase_at_start, trim_long, word_starts};

static COMPLETION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?:(?:达到|完成|为|占|超)?(?:全年|年度|年)?(?:预期)?(?:目标|计划|任务|预算数?)(?:任务)?的|(?:高于|低于|快于|慢于|超)(?:时序进度|序时进度|预期|年度计划目标|年度目标|计划目标|目标|任务|计划))$",
    )
        .unwrap_or_else(|e| panic!("completion pattern is valid: {e}"))
});

static GROWTH_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:同比|环比|(?:较|比)(?:\d{4}年|上年|去年|上半年|一季度)(?:同期)?|(?:较|比)?同期)$",
    )
    .unwrap_or_else(|e| panic!("growth pattern is valid: {e}"))
});

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
    /// "分别": the values that follow map one by one to the listed metrics.
    pub respectively: bool,
    /// "上升到87.9%": the figure is the level reached, not the change.
    pub reached: bool,
    /// "41个行业大类中": the figure sets the scope of what follows, it is not an indicator.
    pub scope: bool,
    /// Start of the indicator text.
    pub start: usize,
    /// End of the indicator text.
    pub end: usize,
}

/// Reads the context of `candidate`; nothing before `floor` (the end of the
/// previous indicator) or from `ceiling` on (the next number) is read.
pub fn read(clauses: &Clauses, candidate: &Candidate, floor: usize, ceiling: usize) -> Context {
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
    let among_follows = clauses
        .text(context.end, clauses.clause_end(context.end))
        .contains('中');
    let right_needed = prefer_right || left.is_none() || among_follows;
    let after = right_needed
        .then(|| phrase_after(clauses, context.end, ceiling))
        .flatten();
    let crossed = after.is_some_and(|(start, end)| is_landmark(clauses.text(start, end)));
    let right = after.filter(|_| !crossed);
    let near = if prefer_right {
        right.or(left)
    } else {
        left.or(right)
    };
    if let Some((start, end)) = near {
        context.start = context.start.min(start);
        context.end = context.end.max(end);
    }
    context.scope = right.is_some_and(|span| sets_scope(clauses, span));
    context.metric = near
        .or_else(|| verb_run(clauses, clause_start, metric_end))
        .or_else(|| {
            crossed
                .then(|| sentence_subject(clauses, floor, metric_end))
                .flatten()
        })
        .or_else(|| previous_clause_phrase(clauses, clause_start, floor))
        .filter(|&(start, end)| !is_landmark(clauses.text(start, end)));
    context
}

/// "41个行业大类中,有26个…": the phrase after the number ends in 中 ("among"),
/// so the number sizes a population and the indicator is the count that follows.
fn sets_scope(clauses: &Clauses, (start, end): (usize, usize)) -> bool {
    let after = clauses.text(end, end + 2);
    clauses.text(start, end).ends_with('中')
        || after.starts_with('中') && !after.chars().nth(1).is_some_and(is_cjk_word_char)
}

/// The noun phrase that opens the sentence ("生产总值" in "生产总值先后越过
/// 800亿、900亿元大关"), for a figure whose only other name is a landmark.
fn sentence_subject(clauses: &Clauses, floor: usize, end: usize) -> Option<(usize, usize)> {
    let mut start = clauses.sentence_start(end).max(floor);
    while let Some(word) = LEXICON.stop_words.longest_prefix(clauses.text(start, end)) {
        start += word.chars().count();
    }
    let length = phrase_at_start(clauses.text(start, end))?;
    Some((start, start + length))
}

/// "大关", "台阶": what a figure crosses ("越过900亿元大关"), never what it measures.
fn is_landmark(phrase: &str) -> bool {
    LEXICON.landmarks.longest_suffix(phrase, |_| true).is_some()
}

/// How many chars around a number are segmented to find its metric: metrics
/// are kept to 16 chars, and a word cut at the window's edge is trimmed away.
const PHRASE_WINDOW: usize = 24;

/// Longest completion or growth marker ("达到全年预期目标任务的", "较2019年上半年同期").
const MARKER_TAIL_CHARS: usize = 14;

/// How many chars before a number are segmented to find marker boundaries.
const TAIL_CHARS: usize = 16;

/// Strips qualifiers, verbs and markers written between the metric and the
/// number; returns where the metric may end.
fn strip_before_number(clauses: &Clauses, clause_start: usize, context: &mut Context) -> usize {
    let mut end = context.start;
    // Markers are short: segmenting the last few chars finds their word boundaries.
    let tail_start = clause_start.max(end.saturating_sub(TAIL_CHARS));
    let starts = std::cell::OnceCell::new();
    let number_start = context.start;
    let word_starts_in_tail = || word_starts(clauses.text(tail_start, number_start));
    loop {
        let text = clauses.text(clause_start, end);
        // A marker reaching back before the segmented tail counts as not at a word start.
        let at_word_start = |len: usize| {
            let in_tail = (end - len).checked_sub(tail_start);
            in_tail.is_some_and(|i| starts.get_or_init(word_starts_in_tail).contains(&i))
        };
        let Some((len, part_of_text)) = trailing_marker(text, context, at_word_start) else {
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
    let word_like = |chars: usize| {
        at_word_start(chars) || text[..text.len() - suffix_bytes(text, chars)].ends_with('率')
    };
    // The anchored patterns only need the last few chars, not the whole clause.
    let tail = &text[text.len() - suffix_bytes(text, MARKER_TAIL_CHARS)..];
    if let Some(m) = COMPLETION.find(tail) {
        context.completion = true;
        return Some((len(m.as_str()), true));
    }
    if let Some(m) = GROWTH_MARKER.find(tail) {
        context.growth_marker = true;
        return Some((len(m.as_str()), true));
    }
    if text.ends_with([' ', '的', ',']) {
        return Some((1, false));
    }
    if let Some(verb) = reach_verb(text) {
        context.direction.get_or_insert_with(|| verb.to_string());
        context.reached = true;
        return Some((len(verb) + 1, true));
    }
    if let Some(q) = LEXICON.qualifiers_before.longest_suffix(text, word_like) {
        context.qualifier.get_or_insert_with(|| q.to_string());
        return Some((len(q), true));
    }
    let change_verb = LEXICON
        .change_verbs
        .longest_suffix(text, |chars| chars >= 2);
    if let Some(verb) =
        change_verb.or_else(|| LEXICON.delivery_verbs.longest_suffix(text, &at_word_start))
    {
        context.direction.get_or_insert_with(|| verb.to_string());
        return Some((len(verb), true));
    }
    let linking = LEXICON
        .linking_words
        .longest_suffix(text, |chars| chars >= 2 || at_word_start(1))?;
    context.respectively |= linking == "分别";
    Some((len(linking), false))
}

/// Byte length of the last `chars` chars of `text`.
fn suffix_bytes(text: &str, chars: usize) -> usize {
    text.chars().rev().take(chars).map(char::len_utf8).sum()
}

/// "上升到", "降至": a change verb followed by 到 or 至 gives the level reached.
fn reach_verb(text: &str) -> Option<&str> {
    let stem = text
        .strip_suffix('到')
        .or_else(|| text.strip_suffix('至'))?;
    LEXICON.change_verbs.longest_suffix(stem, |_| true)
}

/// Reads a qualifier written after the unit ("以上", "左右").
fn read_after_unit(clauses: &Clauses, candidate: &Candidate, context: &mut Context) {
    // "3 % 左右": one space a PDF or web page left before the qualifier.
    let spaced = usize::from(clauses.chars().get(candidate.unit_end) == Some(&' '));
    let after = candidate.unit_end + spaced;
    let rest = clauses.text(after, after + 2);
    if let Some(q) = LEXICON.qualifiers_after.longest_prefix(rest) {
        context.qualifier = Some(q.to_string());
        context.end += spaced + q.chars().count();
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
    let start = start.max(end.saturating_sub(PHRASE_WINDOW));
    let text = clauses.text(start, end);
    let phrase = phrase_at_end(text)?;
    if let Some((verb, at)) = phrase.verb_before.filter(|_| context.direction.is_none()) {
        context.direction = Some(verb);
        context.start = context.start.min(start + at);
    }
    let phrase_start = start + phrase.start;
    let trimmed = phrase_start + trim_long(clauses.text(phrase_start, end));
    Some(((trimmed, end), phrase.weak))
}

/// The metric phrase right after the unit ("1亿元政策引导资金" → "政策引导资金").
fn phrase_after(clauses: &Clauses, from: usize, ceiling: usize) -> Option<(usize, usize)> {
    let from = if clauses.chars().get(from) == Some(&'的') {
        from + 1
    } else {
        from
    };
    let end = clauses
        .clause_end(from)
        .min(from + PHRASE_WINDOW)
        .min(ceiling);
    phrase_at_start(clauses.text(from, end)).map(|len| (from, from + len))
}

/// "全年完成征收签约不少于26万平方米": when no noun names the metric, the
/// verbs after the first one do ("征收签约").
fn verb_run(clauses: &Clauses, start: usize, end: usize) -> Option<(usize, usize)> {
    let text = clauses.text(start, end);
    let (_, verb_end) = LEXICON.delivery_verbs.first_in(text)?;
    let run_start = start + text[..verb_end].chars().count();
    let run = clauses.text(run_start, end);
    let useful = run.chars().count() >= 2 && !LEXICON.is_verb(run) && !run.contains(['“', '(']);
    useful.then_some((run_start, end))
}

/// "推进二次供水改造,今年新开工218处": the object of the previous clause in the same sentence.
fn previous_clause_phrase(
    clauses: &Clauses,
    clause_start: usize,
    floor: usize,
) -> Option<(usize, usize)> {
    let sentence_start = clauses.sentence_start(clause_start).max(floor);
    // A clause cut short by the clause window has no previous clause to read.
    if clause_start <= sentence_start + 1 || !clauses.ends_clause(clause_start - 1) {
        return None;
    }
    let end = clause_start - 1;
    let start = clauses.clause_start(end).max(sentence_start);
    if clauses.chars()[start..end].iter().any(char::is_ascii_digit) {
        return None;
    }
    let start = start.max(end.saturating_sub(PHRASE_WINDOW));
    let phrase = phrase_at_end(clauses.text(start, end))?;
    let phrase_start = start + phrase.start;
    Some((
        phrase_start + trim_long(clauses.text(phrase_start, end)),
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::candidates::find_candidates;

    fn metric_of(text: &str) -> (String, Option<String>, Option<String>) {
        let clauses = Clauses::new(text);
        let candidate = find_candidates(&clauses)
            .into_iter()
            .last()
            .unwrap_or_else(|| panic!("{text}"));
        let context = read(&clauses, &candidate, 0, usize::MAX);
        let metric = context
            .metric
            .map(|(s, e)| clauses.text(s, e))
            .unwrap_or_default();
        (metric.to_string(), context.direction, context.qualifier)
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
        let found = find_candidates(&clauses);
        assert!(read(&clauses, &found[1], 0, usize::MAX).completion);
        assert!(read(&clauses, &found[2], 0, usize::MAX).growth_marker);
        assert_eq!(read(&clauses, &found[1], 0, usize::MAX).qualifier, None);
    }
}
