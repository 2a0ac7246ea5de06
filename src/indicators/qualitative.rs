//! Goal statements without a number, found in lists of main expected targets:
//! "城镇居民人均可支配收入增长高于经济增长", "能耗强度下降完成市定目标".
//! They are targets a reader tracks like any other, so they become
//! indicators whose value is the statement and whose normalised value is empty.
//! The goal phrases are data in `assets/lexicon/qualitative_goals.txt`.

use std::sync::LazyLock;

use regex::Regex;

use crate::indicators::candidates::is_cjk_word_char;
use crate::indicators::clauses::{Clauses, CLAUSE_WINDOW};
use crate::indicators::lexicon::LEXICON;
use crate::indicators::words::phrase_at_end;

static GOALS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    include_str!("../../assets/lexicon/qualitative_goals.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            Regex::new(line).unwrap_or_else(|e| panic!("qualitative_goals.txt: {line}: {e}"))
        })
        .collect()
});

/// A goal statement in a block, in char offsets of the block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// Span of the metric before the statement.
    pub metric: (usize, usize),
    /// Span of the statement ("高于经济增长", "完成市级下达目标").
    pub statement: (usize, usize),
}

/// Goals in the clauses of a target list that hold no number: clauses of a
/// "——" bullet line, or clauses after "预期目标" up to the end of the
/// sentence ("；" separates items of one list, "。" ends it).
/// `taken` are char offsets of numbers already read as indicators, in order.
pub fn find_goals(clauses: &Clauses, taken: &[usize]) -> Vec<Goal> {
    let bullet = clauses.all().starts_with("--");
    if !bullet && !LEXICON.target_list_cues.occurs_in(clauses.all()) {
        return Vec::new();
    }
    let mut listed = bullet;
    let mut goals = Vec::new();
    for (start, end) in clauses.clause_spans() {
        let ends_sentence = start > 0 && matches!(clauses.chars()[start - 1], '。' | '!' | '?');
        listed = bullet || listed && !ends_sentence;
        // The clause with its delimiter, so that "主要预期目标:" is seen whole.
        listed |= LEXICON
            .target_list_cues
            .occurs_in(clauses.text(start, end + 1));
        let next_taken = taken.partition_point(|&at| at < start);
        let free = taken.get(next_taken).is_none_or(|&at| at >= end);
        if listed && free {
            goals.extend(goal_in(clauses, start, end));
        }
    }
    goals
}

/// The goal stated in the clause `start..end`; a clause longer than
/// [`CLAUSE_WINDOW`] states none (and is not scanned for one).
fn goal_in(clauses: &Clauses, start: usize, end: usize) -> Option<Goal> {
    let clause = clauses.text(start, end);
    if end - start > CLAUSE_WINDOW || clause.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let found = GOALS
        .iter()
        .filter_map(|goal| goal.find(clause))
        .min_by_key(|m| m.start())?;
    let statement_start = start + clause[..found.start()].chars().count();
    let metric_end = start
        + without_trailing_function_words(clauses.text(start, statement_start))
            .chars()
            .count();
    let metric_text = clauses.text(start, metric_end);
    // A short clause head that jieba reads as a verb ("节能减排") still names the goal.
    let whole_head =
        (2..=8).contains(&metric_text.chars().count()) && metric_text.chars().all(is_cjk_word_char);
    let metric_start = match phrase_at_end(metric_text) {
        Some(phrase) => start + phrase.start,
        None if whole_head => start,
        None => return None,
    };
    let statement_end = statement_start + found.as_str().chars().count();
    Some(Goal {
        metric: (metric_start, metric_end),
        statement: (statement_start, statement_end),
    })
}

/// "收入计划", "能耗降低率上半年预计": drops the linking words and periods
/// written between a metric and its goal.
fn without_trailing_function_words(mut text: &str) -> &str {
    let any = |_: usize| true;
    while let Some(word) = LEXICON
        .linking_words
        .longest_suffix(text, any)
        .or_else(|| LEXICON.stop_words.longest_suffix(text, any))
    {
        text = &text[..text.len() - word.len()];
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goals(text: &str) -> Vec<(String, String)> {
        let clauses = Clauses::new(text);
        find_goals(&clauses, &[])
            .into_iter()
            .map(|g| {
                (
                    clauses.text(g.metric.0, g.metric.1).to_string(),
                    clauses.text(g.statement.0, g.statement.1).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn goals_in_target_lists() {
        assert_eq!(
            goals("--城镇居民人均可支配收入增长高于经济增长;"),
            [(
                "城镇居民人均可支配收入".to_string(),
                "增长高于经济增长".to_string()
            )]
        );
        let sentence = "主要预期目标是:地区生产总值增长6%左右,城镇居民人均可支配收入与经济增长保持同步,能耗强度下降完成市定目标。";
        let found = goals(sentence);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[1],
            ("能耗强度".to_string(), "下降完成市定目标".to_string())
        );
    }

    #[test]
    fn no_goals_outside_target_lists() {
        assert!(goals("我区经济增速高于全市平均水平。").is_empty());
    }
}
