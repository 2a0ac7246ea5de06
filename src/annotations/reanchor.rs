//! Putting annotations back on a text that changed since they were made:
//! the stored position if the quote is still there, else the quote found
//! nearest the old position (context breaking ties), else a fuzzy match
//! located by the prefix, the suffix and the quote's own ends.

use crate::annotations::model::{Anchor, Annotation};

/// How an annotation was placed on the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The quote is still at the stored position.
    Exact,
    /// The quote was found elsewhere.
    Moved,
    /// Text close to the quote was found between its old context.
    Fuzzy,
    /// Nothing close enough was found; the annotation is kept, unplaced.
    Unplaced,
}

/// How many annotations were placed each way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlacementCounts {
    /// At the stored position.
    pub exact: usize,
    /// Found elsewhere.
    pub moved: usize,
    /// Fuzzy matches.
    pub fuzzy: usize,
    /// Not found.
    pub unplaced: usize,
}

impl PlacementCounts {
    fn count(&mut self, placement: Placement) {
        match placement {
            Placement::Exact => self.exact += 1,
            Placement::Moved => self.moved += 1,
            Placement::Fuzzy => self.fuzzy += 1,
            Placement::Unplaced => self.unplaced += 1,
        }
    }
}

/// Lowest similarity (1 − edit distance / length) a fuzzy match needs.
const MIN_SIMILARITY: f64 = 0.75;
/// Chars of a context or quote end looked up to locate a fuzzy candidate.
const PROBE_CHARS: usize = 8;
/// Probes with more occurrences than this are too common to locate anything.
const MAX_OCCURRENCES: usize = 64;

/// Re-anchors every annotation on `text`; their anchors are rewritten to the
/// new positions and context, unplaced ones are marked and keep their old anchor.
pub fn reanchor_all(text: &[char], annotations: &mut [Annotation]) -> PlacementCounts {
    let mut counts = PlacementCounts::default();
    for annotation in annotations {
        let placement = reanchor(text, &mut annotation.anchor);
        counts.count(placement);
    }
    counts
}

/// Re-anchors one anchor on `text`.
pub fn reanchor(text: &[char], anchor: &mut Anchor) -> Placement {
    let Some((start, end, placement)) = locate(text, anchor) else {
        anchor.unplaced = true;
        return Placement::Unplaced;
    };
    *anchor = Anchor::capture(text, start, end);
    placement
}

/// Where `anchor`'s passage is in `text`, and how it was found.
pub fn locate(text: &[char], anchor: &Anchor) -> Option<(usize, usize, Placement)> {
    let exact: Vec<char> = anchor.quote.exact.chars().collect();
    if exact.is_empty() {
        return None;
    }
    let (start, end) = (anchor.start(), anchor.end());
    if end <= text.len() && start < end && text[start..end] == exact[..] {
        return Some((start, end, Placement::Exact));
    }
    if let Some(at) = nearest_occurrence(text, &exact, anchor) {
        return Some((at, at + exact.len(), Placement::Moved));
    }
    fuzzy(text, &exact, anchor).map(|(s, e)| (s, e, Placement::Fuzzy))
}

/// The occurrence of the quote whose context agrees most, then nearest the old start.
fn nearest_occurrence(text: &[char], exact: &[char], anchor: &Anchor) -> Option<usize> {
    let prefix: Vec<char> = anchor.quote.prefix.chars().collect();
    let suffix: Vec<char> = anchor.quote.suffix.chars().collect();
    occurrences(text, exact).into_iter().max_by_key(|&at| {
        let before = common_suffix(&text[..at], &prefix);
        let after = common_prefix(&text[at + exact.len()..], &suffix);
        (
            before + after,
            std::cmp::Reverse(at.abs_diff(anchor.start())),
        )
    })
}

/// The best span close to the quote, located by its context or its ends.
fn fuzzy(text: &[char], exact: &[char], anchor: &Anchor) -> Option<(usize, usize)> {
    let prefix: Vec<char> = anchor.quote.prefix.chars().collect();
    let suffix: Vec<char> = anchor.quote.suffix.chars().collect();
    let len = exact.len();
    let mut starts = Vec::new();
    if !prefix.is_empty() {
        let probe = &prefix[prefix.len().saturating_sub(PROBE_CHARS)..];
        starts.extend(probe_hits(text, probe).map(|at| at + probe.len()));
    }
    starts.extend(probe_hits(text, &exact[..len.min(PROBE_CHARS)]));
    let mut ends = Vec::new();
    if !suffix.is_empty() {
        ends.extend(probe_hits(text, &suffix[..suffix.len().min(PROBE_CHARS)]));
    }
    let tail = &exact[len.saturating_sub(PROBE_CHARS)..];
    ends.extend(probe_hits(text, tail).map(|at| at + tail.len()));
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for &s in &starts {
        spans.push((s, (s + len).min(text.len())));
        spans.extend(
            ends.iter()
                .filter(|&&e| e > s && e <= s + 2 * len)
                .map(|&e| (s, e)),
        );
    }
    spans.extend(ends.iter().map(|&e| (e.saturating_sub(len), e)));
    spans
        .into_iter()
        .map(|(s, e)| refine(text, exact, s, e))
        .filter(|(_, _, score)| *score >= MIN_SIMILARITY)
        .max_by(|a, b| {
            a.2.total_cmp(&b.2).then_with(|| {
                b.0.abs_diff(anchor.start())
                    .cmp(&a.0.abs_diff(anchor.start()))
            })
        })
        .map(|(s, e, _)| (s, e))
}

/// Moves each end of `start..end` by up to a few chars to best match `exact`.
fn refine(text: &[char], exact: &[char], start: usize, end: usize) -> (usize, usize, f64) {
    const SLACK: usize = 3;
    let mut best = (start, end, similarity(&text[start..end], exact));
    for s in start.saturating_sub(SLACK)..=(start + SLACK).min(end) {
        for e in end.saturating_sub(SLACK).max(s + 1)..=(end + SLACK).min(text.len()) {
            let score = similarity(&text[s..e], exact);
            if score > best.2 {
                best = (s, e, score);
            }
        }
    }
    best
}

/// 1 − edit distance / the longer length.
fn similarity(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 0.0;
    }
    1.0 - strsim::generic_levenshtein(&a.to_vec(), &b.to_vec()) as f64 / longest as f64
}

/// Occurrences of `probe`, or none when it is empty or too common to mean anything.
fn probe_hits(text: &[char], probe: &[char]) -> impl Iterator<Item = usize> {
    let hits = if probe.len() < 2 {
        Vec::new()
    } else {
        occurrences(text, probe)
    };
    let usable = hits.len() <= MAX_OCCURRENCES;
    hits.into_iter().filter(move |_| usable)
}

/// Every start of `needle` in `text`.
fn occurrences(text: &[char], needle: &[char]) -> Vec<usize> {
    let Some(first) = needle.first() else {
        return Vec::new();
    };
    if needle.len() > text.len() {
        return Vec::new();
    }
    (0..=text.len() - needle.len())
        .filter(|&at| text[at] == *first && text[at..at + needle.len()] == *needle)
        .collect()
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    const BEFORE: &str = "一、主要目标\n地区生产总值增长7%左右。新增停车泊位1万个以上。\n二、重点工作\n新增停车泊位500个。";

    fn anchor_of(text: &str, quote: &str) -> Anchor {
        let text = chars(text);
        let start = occurrences(&text, &chars(quote))[0];
        Anchor::capture(&text, start, start + quote.chars().count())
    }

    fn placed(text: &str, anchor: &Anchor) -> (String, Placement) {
        let text = chars(text);
        locate(&text, anchor).map_or((String::new(), Placement::Unplaced), |(s, e, p)| {
            (text[s..e].iter().collect(), p)
        })
    }

    #[test]
    fn an_unchanged_text_keeps_the_position() {
        let anchor = anchor_of(BEFORE, "新增停车泊位1万个以上");
        let (quote, how) = placed(BEFORE, &anchor);
        assert_eq!(
            (quote.as_str(), how),
            ("新增停车泊位1万个以上", Placement::Exact)
        );
    }

    #[test]
    fn an_inserted_paragraph_moves_the_quote_and_context_picks_the_right_copy() {
        let anchor = anchor_of(BEFORE, "新增停车泊位");
        let after = format!("前言一段。\n{BEFORE}");
        let text = chars(&after);
        let (start, _, how) = locate(&text, &anchor).unwrap_or((0, 0, Placement::Unplaced));
        assert_eq!(how, Placement::Moved);
        assert_eq!(start, anchor.start() + 6);
    }

    #[test]
    fn a_small_edit_inside_the_quote_is_found_fuzzily() {
        let anchor = anchor_of(BEFORE, "地区生产总值增长7%左右");
        let after = BEFORE.replace("增长7%左右", "增长7.5%左右");
        let (quote, how) = placed(&after, &anchor);
        assert_eq!(
            (quote.as_str(), how),
            ("地区生产总值增长7.5%左右", Placement::Fuzzy)
        );
    }

    #[test]
    fn a_deleted_passage_is_unplaced() {
        let mut anchor = anchor_of(BEFORE, "地区生产总值增长7%左右");
        let after = BEFORE.replace("地区生产总值增长7%左右。", "");
        assert_eq!(reanchor(&chars(&after), &mut anchor), Placement::Unplaced);
        assert!(anchor.unplaced);
        assert_eq!(anchor.quote.exact, "地区生产总值增长7%左右");
    }
}
