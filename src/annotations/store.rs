//! The annotations of the open document, in document order, with undo and
//! redo of every change. Each change records the annotation before and after,
//! so undo and redo restore exactly what was there.

use crate::annotations::model::Annotation;

/// One undoable change: the annotation before and after (None when absent).
#[derive(Debug, Clone)]
struct Change {
    before: Option<Annotation>,
    after: Option<Annotation>,
    /// Changes with the same group in a row (typing a note) undo together.
    group: Option<String>,
}

/// The annotations of one document.
#[derive(Debug, Default, Clone)]
pub struct AnnotationStore {
    items: Vec<Annotation>,
    undo: Vec<Change>,
    redo: Vec<Change>,
    revision: u64,
}

impl AnnotationStore {
    /// A store holding `annotations`, with no history.
    pub fn with(annotations: Vec<Annotation>) -> Self {
        let mut store = Self::default();
        store.replace_all(annotations);
        store
    }

    /// Every annotation: placed ones in document order, unplaced ones last.
    pub fn all(&self) -> &[Annotation] {
        &self.items
    }

    /// The annotation with `id`.
    pub fn get(&self, id: &str) -> Option<&Annotation> {
        self.items.iter().find(|a| a.id == id)
    }

    /// The innermost placed annotation covering char `at`.
    pub fn at(&self, at: usize) -> Option<&Annotation> {
        self.items
            .iter()
            .filter(|a| a.covers(at))
            .min_by_key(|a| a.anchor.end() - a.anchor.start())
    }

    /// Counts every change, including undo and redo; a save compares it.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Every tag used, sorted and without repeats.
    pub fn tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = self.items.iter().flat_map(|a| a.tags.clone()).collect();
        tags.sort();
        tags.dedup();
        tags
    }

    /// Adds `annotation`; returns its id.
    pub fn add(&mut self, annotation: Annotation) -> String {
        let id = annotation.id.clone();
        self.record(Change {
            before: None,
            after: Some(annotation),
            group: None,
        });
        id
    }

    /// Changes the annotation `id` with `edit` and stamps it; false if there is none.
    /// Consecutive changes in the same `group` undo as one.
    pub fn update(
        &mut self,
        id: &str,
        group: Option<&str>,
        edit: impl FnOnce(&mut Annotation),
    ) -> bool {
        let Some(before) = self.get(id).cloned() else {
            return false;
        };
        let mut after = before.clone();
        edit(&mut after);
        if after == before {
            return true;
        }
        after.touch();
        let group = group.map(|g| format!("{id}/{g}"));
        let merges = group.is_some()
            && self.redo.is_empty()
            && self.undo.last().is_some_and(|last| last.group == group);
        if merges {
            self.apply(&Some(before), &Some(after.clone()));
            if let Some(last) = self.undo.last_mut() {
                last.after = Some(after);
            }
            self.revision += 1;
        } else {
            self.record(Change {
                before: Some(before),
                after: Some(after),
                group,
            });
        }
        true
    }

    /// Deletes the annotation `id`; false if there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(before) = self.get(id).cloned() else {
            return false;
        };
        self.record(Change {
            before: Some(before),
            after: None,
            group: None,
        });
        true
    }

    /// Ends the current group: the next change starts a new undo step even in
    /// the same group (a note edited again after its editor was closed).
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.group = None;
        }
    }

    /// Undoes the last change; returns the id of the annotation it touched.
    pub fn undo(&mut self) -> Option<String> {
        let change = self.undo.pop()?;
        self.apply(&change.after, &change.before);
        self.revision += 1;
        let id = changed_id(&change);
        self.redo.push(change);
        id
    }

    /// Redoes the last undone change; returns the id of the annotation it touched.
    pub fn redo(&mut self) -> Option<String> {
        let change = self.redo.pop()?;
        self.apply(&change.before, &change.after);
        self.revision += 1;
        let id = changed_id(&change);
        self.undo.push(change);
        id
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Replaces every annotation (after a merge with the file on disk); the
    /// history is dropped because it may refer to annotations no longer there.
    pub fn replace_all(&mut self, annotations: Vec<Annotation>) {
        self.items = annotations;
        self.items.sort_by(order);
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
    }

    fn record(&mut self, change: Change) {
        self.apply(&change.before, &change.after);
        self.undo.push(change);
        self.redo.clear();
        self.revision += 1;
    }

    /// Replaces `from` (if present) with `to` (if any), keeping document order.
    fn apply(&mut self, from: &Option<Annotation>, to: &Option<Annotation>) {
        if let Some(from) = from {
            self.items.retain(|a| a.id != from.id);
        }
        if let Some(to) = to {
            let at = self.items.partition_point(|a| order(a, to).is_lt());
            self.items.insert(at, to.clone());
        }
    }
}

fn changed_id(change: &Change) -> Option<String> {
    change
        .after
        .as_ref()
        .or(change.before.as_ref())
        .map(|a| a.id.clone())
}

/// Document order: placed before unplaced, then by start, end and id.
fn order(a: &Annotation, b: &Annotation) -> std::cmp::Ordering {
    let key = |x: &Annotation| (x.anchor.unplaced, x.anchor.start(), x.anchor.end());
    key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::model::{Anchor, Colour};

    fn passage(text: &str, start: usize, end: usize) -> Annotation {
        let chars: Vec<char> = text.chars().collect();
        Annotation::new(Anchor::capture(&chars, start, end), Colour::Yellow)
    }

    const TEXT: &str = "地区生产总值增长7%左右，新增停车泊位1万个以上。";

    #[test]
    fn keeps_document_order_and_undoes_every_change() {
        let mut store = AnnotationStore::default();
        let late = store.add(passage(TEXT, 13, 24));
        let early = store.add(passage(TEXT, 0, 6));
        assert_eq!(store.all()[0].id, early);
        store.update(&late, None, |a| a.note = "关注".into());
        store.remove(&early);
        assert_eq!(store.all().len(), 1);
        assert_eq!(store.undo(), Some(early.clone()));
        assert_eq!(store.all().len(), 2);
        assert_eq!(store.undo(), Some(late.clone()));
        assert_eq!(store.get(&late).map(|a| a.note.as_str()), Some(""));
        assert_eq!(store.redo(), Some(late.clone()));
        assert_eq!(store.get(&late).map(|a| a.note.as_str()), Some("关注"));
    }

    #[test]
    fn typing_in_one_note_undoes_as_one_step() {
        let mut store = AnnotationStore::default();
        let id = store.add(passage(TEXT, 0, 6));
        for text in ["增", "增长", "增长目标"] {
            store.update(&id, Some("note"), |a| a.note = text.into());
        }
        store.undo();
        assert_eq!(store.get(&id).map(|a| a.note.as_str()), Some(""));
        store.undo();
        assert!(store.get(&id).is_none());
    }

    #[test]
    fn a_sealed_group_starts_a_new_undo_step() {
        let mut store = AnnotationStore::default();
        let id = store.add(passage(TEXT, 0, 6));
        store.update(&id, Some("note"), |a| a.note = "第一次".into());
        store.seal();
        store.update(&id, Some("note"), |a| a.note = "第二次".into());
        store.undo();
        assert_eq!(store.get(&id).map(|a| a.note.as_str()), Some("第一次"));
    }

    #[test]
    fn finds_the_innermost_annotation_at_a_char() {
        let mut store = AnnotationStore::default();
        store.add(passage(TEXT, 0, 24));
        let inner = store.add(passage(TEXT, 2, 6));
        assert_eq!(store.at(3).map(|a| a.id.clone()), Some(inner));
        assert!(store.at(30).is_none());
    }
}
