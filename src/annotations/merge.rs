//! Three-way merge of annotation sets by id, for a sidecar that another
//! program changed while the report was open. No note is ever dropped: when
//! both sides changed an annotation the later edit wins, and an edit beats a delete.

use std::collections::BTreeSet;

use crate::annotations::model::Annotation;

/// Merges `ours` and `theirs`, both descended from `base`.
pub fn merge(base: &[Annotation], ours: &[Annotation], theirs: &[Annotation]) -> Vec<Annotation> {
    let find = |set: &[Annotation], id: &str| set.iter().find(|a| a.id == id).cloned();
    let ids: BTreeSet<&str> = ours.iter().chain(theirs).map(|a| a.id.as_str()).collect();
    let mut merged: Vec<Annotation> = ids
        .into_iter()
        .filter_map(|id| resolve(find(base, id), find(ours, id), find(theirs, id)))
        .collect();
    merged.sort_by(document_order);
    merged
}

/// Placed before unplaced, then by position and id.
fn document_order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    let key = |x: &Annotation| (x.anchor.unplaced, x.anchor.start(), x.anchor.end());
    key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
}

/// True when `a` was modified after `b` (RFC 3339 times; compared as text if one does not parse).
fn later(a: &Annotation, b: &Annotation) -> bool {
    let time = |x: &Annotation| humantime::parse_rfc3339_weak(&x.modified).ok();
    match (time(a), time(b)) {
        (Some(x), Some(y)) => x > y,
        _ => a.modified > b.modified,
    }
}

fn resolve(
    base: Option<Annotation>,
    ours: Option<Annotation>,
    theirs: Option<Annotation>,
) -> Option<Annotation> {
    if ours == theirs || theirs == base {
        return ours;
    }
    if ours == base {
        return theirs;
    }
    match (ours, theirs) {
        (Some(o), Some(t)) => Some(if later(&t, &o) { t } else { o }),
        (o, t) => o.or(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::model::{Anchor, Colour};

    fn note(id: &str, text: &str, modified: &str) -> Annotation {
        let chars: Vec<char> = "地区生产总值增长7%左右".chars().collect();
        Annotation {
            id: id.into(),
            note: text.into(),
            modified: modified.into(),
            ..Annotation::new(Anchor::capture(&chars, 0, 6), Colour::Yellow)
        }
    }

    #[test]
    fn each_side_keeps_its_own_changes() {
        let base = vec![note("a", "", "1"), note("b", "", "1")];
        let ours = vec![
            note("a", "我的笔记", "2"),
            note("b", "", "1"),
            note("c", "新", "2"),
        ];
        let theirs = vec![note("a", "", "1"), note("d", "他们的", "3")];
        let merged = merge(&base, &ours, &theirs);
        let notes: Vec<(&str, &str)> = merged
            .iter()
            .map(|a| (a.id.as_str(), a.note.as_str()))
            .collect();
        assert_eq!(notes, [("a", "我的笔记"), ("c", "新"), ("d", "他们的")]);
    }

    #[test]
    fn an_edit_beats_a_delete_and_the_later_edit_wins() {
        let base = vec![note("a", "", "1"), note("b", "", "1")];
        let ours = vec![note("a", "早", "2")];
        let theirs = vec![note("a", "晚", "3"), note("b", "改", "3")];
        let merged = merge(&base, &ours, &theirs);
        let notes: Vec<&str> = merged.iter().map(|a| a.note.as_str()).collect();
        assert_eq!(notes, ["晚", "改"]);
    }
}
