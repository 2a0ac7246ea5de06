//! Putting annotations back on a text that changed since they were made.
//! Candidates are the exact occurrences of the quote and, unless one of them
//! keeps its whole context, fuzzy matches located by the old context and the
//! quote's own halves. A candidate is trusted only when its quote, and the
//! old context on each side (up to 32 chars, stopping at a paragraph break),
//! are each at least 75% alike; of those, the one whose context agrees most
//! and whose quote needs the fewest edits wins, then the one nearest the old
//! position. A passage whose text is gone is left unplaced rather than put
//! on a look-alike elsewhere: a wrong highlight costs more than a missing one.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::annotations::model::{Anchor, Annotation, CONTEXT_CHARS};

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
    /// Counts one more annotation placed `placement`.
    pub(crate) fn count(&mut self, placement: Placement) {
        match placement {
            Placement::Exact => self.exact += 1,
            Placement::Moved => self.moved += 1,
            Placement::Fuzzy => self.fuzzy += 1,
            Placement::Unplaced => self.unplaced += 1,
        }
    }
}

/// Lowest similarity (1 − edit distance / length) a quote, or the context on
/// either side of it, needs to be recognised.
const MIN_SIMILARITY: f64 = 0.75;
/// Most chars of the context, or of each half of the quote, looked up to
/// locate a fuzzy candidate.
const PROBE_CHARS: usize = 8;
/// Probes with more occurrences than this are too common to locate anything.
const MAX_OCCURRENCES: usize = 64;
/// How far each end of a fuzzy candidate, or of a context window, may move
/// to match better.
const SLACK: usize = 3;
/// Chars of agreeing context an edit to the quote outweighs: a fuzzy match
/// must beat an exact one by more than a few line breaks or punctuation marks.
const EDIT_COST: isize = 4;
/// Quotes longer than this are only looked for exactly: fuzzy matching costs
/// the square of the length.
const MAX_FUZZY_CHARS: usize = 2000;

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
    let sought = Sought::of(anchor);
    if sought.quote.is_empty() {
        return None;
    }
    let mut candidates: Vec<Candidate> = occurrences(text, &sought.quote)
        .into_iter()
        .map(|at| {
            let end = at + sought.quote.len();
            sought.candidate(at..end, 0, sought.before(text, at), sought.after(text, end))
        })
        .collect();
    let kept_context = candidates
        .iter()
        .any(|c| c.context == sought.full_context());
    if !kept_context && sought.quote.len() <= MAX_FUZZY_CHARS {
        candidates.extend(fuzzy(text, &sought));
    }
    let best = candidates
        .into_iter()
        .filter(|c| c.trusted)
        .max_by(|a, b| {
            a.score().cmp(&b.score()).then_with(|| {
                let distance = |c: &Candidate| c.span.start.abs_diff(sought.old_start);
                distance(b).cmp(&distance(a))
            })
        })?;
    Some((best.span.start, best.span.end, sought.placement(&best)))
}

/// What is looked for: the quote, its old context, that context on each side
/// read outward up to the paragraph break, and where it was.
struct Sought {
    quote: Vec<char>,
    prefix: Vec<char>,
    suffix: Vec<char>,
    before: Vec<char>,
    after: Vec<char>,
    old_start: usize,
}

/// How one side of a candidate agrees with the old context there.
#[derive(Debug, Clone, Copy)]
struct Side {
    /// Chars of the old context matched: its length less the edit distance.
    agreed: usize,
    /// At least [`MIN_SIMILARITY`] alike.
    recognised: bool,
}

/// A span that may hold the passage, and how well it agrees with the anchor.
#[derive(Debug, Clone)]
struct Candidate {
    span: Range<usize>,
    /// Edits between the span and the quote.
    distance: usize,
    /// Chars of the old context matched on both sides.
    context: usize,
    /// Close enough to the quote, with both sides recognised, to be believed.
    trusted: bool,
}

impl Candidate {
    /// Chars of context agreeing, each edit to the quote costing [`EDIT_COST`].
    fn score(&self) -> isize {
        self.context as isize - EDIT_COST * self.distance as isize
    }
}

impl Sought {
    fn of(anchor: &Anchor) -> Self {
        let prefix: Vec<char> = anchor.quote.prefix.chars().collect();
        let suffix: Vec<char> = anchor.quote.suffix.chars().collect();
        Self {
            quote: anchor.quote.exact.chars().collect(),
            before: context_window(prefix.iter().rev(), prefix.len() < CONTEXT_CHARS),
            after: context_window(suffix.iter(), suffix.len() < CONTEXT_CHARS),
            prefix,
            suffix,
            old_start: anchor.start(),
        }
    }

    fn full_context(&self) -> usize {
        self.before.len() + self.after.len()
    }

    /// How the text ahead of char `start` agrees with the old prefix.
    fn before(&self, text: &[char], start: usize) -> Side {
        let reach = start.min(self.before.len() + SLACK);
        let outward = text[start - reach..start].iter().rev();
        side(&self.before, outward, reach == start)
    }

    /// How the text behind char `end` agrees with the old suffix.
    fn after(&self, text: &[char], end: usize) -> Side {
        let reach = (text.len() - end).min(self.after.len() + SLACK);
        side(
            &self.after,
            text[end..end + reach].iter(),
            end + reach == text.len(),
        )
    }

    fn candidate(
        &self,
        span: Range<usize>,
        distance: usize,
        before: Side,
        after: Side,
    ) -> Candidate {
        let longest = self.quote.len().max(span.len());
        let similarity = 1.0 - distance as f64 / longest as f64;
        Candidate {
            span,
            distance,
            context: before.agreed + after.agreed,
            trusted: similarity >= MIN_SIMILARITY && before.recognised && after.recognised,
        }
    }

    fn placement(&self, found: &Candidate) -> Placement {
        if found.distance > 0 {
            Placement::Fuzzy
        } else if found.span.start == self.old_start {
            Placement::Exact
        } else {
            Placement::Moved
        }
    }
}

/// One side's context read outward from the passage, up to [`CONTEXT_CHARS`]
/// chars and the first line break included; a text edge within reach counts
/// as a line break.
fn context_window<'a>(outward: impl Iterator<Item = &'a char>, reaches_edge: bool) -> Vec<char> {
    let mut window = Vec::new();
    for &c in outward.take(CONTEXT_CHARS) {
        window.push(c);
        if c == '\n' {
            return window;
        }
    }
    if reaches_edge {
        window.push('\n');
    }
    window
}

/// How the text read outward from a candidate agrees with the old `window`.
fn side<'a>(window: &[char], outward: impl Iterator<Item = &'a char>, reaches_edge: bool) -> Side {
    let neighbours = context_window(outward, reaches_edge);
    let distance = if common_prefix(&neighbours, window) == window.len() {
        Some(0)
    } else {
        let most = ((1.0 - MIN_SIMILARITY) * window.len() as f64) as usize;
        distances_to_prefixes(window, &neighbours, most)
            .into_iter()
            .min()
            .filter(|&d| d <= most)
    };
    Side {
        agreed: distance.map_or(0, |d| window.len() - d),
        recognised: distance.is_some(),
    }
}

/// The trusted spans close to the quote: those located by its old context
/// or its own halves, with each end free to move by up to [`SLACK`] chars.
fn fuzzy(text: &[char], sought: &Sought) -> Vec<Candidate> {
    let mut ends_by_start: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (start, end) in located_spans(text, sought) {
        let ends = end.saturating_sub(SLACK)..=(end + SLACK).min(text.len());
        for s in start.saturating_sub(SLACK)..=(start + SLACK).min(text.len()) {
            let entry = ends_by_start.entry(s).or_default();
            entry.extend(ends.clone().filter(|&e| e > s));
        }
    }
    // A span needs at least its excess length in edits, so none longer than
    // len / MIN_SIMILARITY, nor more edits than its share of that, can match.
    let most = ((1.0 - MIN_SIMILARITY) * sought.quote.len() as f64 / MIN_SIMILARITY) as usize;
    let mut afters: BTreeMap<usize, Side> = BTreeMap::new();
    let mut found = Vec::new();
    for (s, ends) in ends_by_start {
        let before = sought.before(text, s);
        let Some(&last) = ends.last().filter(|_| before.recognised) else {
            continue;
        };
        let distances = distances_to_prefixes(&sought.quote, &text[s..last], most);
        for e in ends {
            let Some(&distance) = distances.get(e - s) else {
                break;
            };
            let after = *afters.entry(e).or_insert_with(|| sought.after(text, e));
            let candidate = sought.candidate(s..e, distance, before, after);
            if candidate.trusted {
                found.push(candidate);
            }
        }
    }
    found
}

/// Spans that may hold the quote: starting after a hit of the end of the old
/// prefix or at one of the quote's first half, ending before a hit of the
/// start of the old suffix or after one of the quote's second half.
fn located_spans(text: &[char], sought: &Sought) -> Vec<(usize, usize)> {
    let (quote, prefix, suffix) = (&sought.quote, &sought.prefix, &sought.suffix);
    let len = quote.len();
    let probe_len = (len / 2).clamp(2, PROBE_CHARS);
    let probe = &prefix[prefix.len().saturating_sub(PROBE_CHARS)..];
    let mut starts: Vec<usize> = probe_hits(text, probe).map(|at| at + probe.len()).collect();
    starts.extend(probe_hits(text, &quote[..len.min(probe_len)]));
    let tail = &quote[len.saturating_sub(probe_len)..];
    let mut ends: Vec<usize> = probe_hits(text, &suffix[..suffix.len().min(PROBE_CHARS)]).collect();
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
}

/// The edit distance between `pattern` and each prefix of `text`, shortest
/// first, up to where no longer prefix can be within `most` edits.
fn distances_to_prefixes(pattern: &[char], text: &[char], most: usize) -> Vec<usize> {
    let mut row: Vec<usize> = (0..=pattern.len()).collect();
    let mut distances = vec![pattern.len()];
    for &c in text {
        let mut diagonal = row[0];
        row[0] += 1;
        let mut lowest = row[0];
        for (j, &p) in pattern.iter().enumerate() {
            let substituted = diagonal + usize::from(p != c);
            diagonal = row[j + 1];
            let cell = substituted.min(row[j + 1] + 1).min(row[j] + 1);
            row[j + 1] = cell;
            lowest = lowest.min(cell);
        }
        // Every path to a longer prefix crosses this row.
        if lowest > most {
            break;
        }
        distances.push(row[pattern.len()]);
    }
    distances
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
    fn an_edited_quote_beats_an_exact_copy_with_other_context() {
        let before = "上半年地区生产总值完成779.43亿元,同比增长22.3%。\n全年地方一般公共预算收入预期目标增长15%,上半年同比增长22.3%以上。";
        let anchor = anchor_of(before, "同比增长22.3%");
        let after = before.replacen("同比增长22.3%", "同比增长23.3%", 1);
        let found = locate(&chars(&after), &anchor);
        assert_eq!(
            found,
            Some((anchor.start(), anchor.end(), Placement::Fuzzy))
        );
    }

    #[test]
    fn a_deleted_quote_is_not_put_on_a_look_alike() {
        let before = "社会事业蓬勃发展。新改扩建中小学、幼儿园7所,新增学位3460个,顺利通过全国义务教育优质均衡发展区国家督导。\n\
                      让公共服务更优质。新改扩建中小学、幼儿园7所,新增学位3960个,深化“长春”“育才”“七一”等品牌教联体建设。";
        for quote in ["新增学位3460个", "改扩建中小学、幼儿园7所"] {
            let anchor = anchor_of(before, quote);
            let after = before.replacen(quote, "", 1);
            assert_eq!(placed(&after, &anchor).1, Placement::Unplaced, "{quote}");
        }
    }

    #[test]
    fn a_changed_char_next_to_the_quote_keeps_it_found() {
        let anchor = anchor_of(BEFORE, "新增停车泊位1万个以上");
        let after = BEFORE.replace("左右。新增", "左右,新增");
        let (quote, how) = placed(&after, &anchor);
        assert_eq!(
            (quote.as_str(), how),
            ("新增停车泊位1万个以上", Placement::Exact)
        );
    }

    #[test]
    fn a_whole_paragraph_is_found_where_it_moved_by_its_line_breaks() {
        let anchor = anchor_of(BEFORE, "二、重点工作");
        let after = "二、重点工作\n一、主要目标\n地区生产总值增长7%左右。新增停车泊位1万个以上。\n新增停车泊位500个。";
        assert_eq!(
            placed(after, &anchor),
            ("二、重点工作".to_string(), Placement::Moved)
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
