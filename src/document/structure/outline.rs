//! Builds the outline tree from headings in document order, and answers
//! which headings enclose a given offset.

use crate::document::OutlineNode;

/// Nests `flat` headings (document order, no children yet) into a tree by level.
pub(crate) fn build(flat: Vec<OutlineNode>) -> Vec<OutlineNode> {
    let mut roots = Vec::new();
    let mut stack: Vec<OutlineNode> = Vec::new();
    for node in flat {
        close(&mut stack, &mut roots, node.level);
        stack.push(node);
    }
    close(&mut stack, &mut roots, 0);
    roots
}

/// Closes the open headings at `level` or deeper, attaching each to its parent.
fn close(stack: &mut Vec<OutlineNode>, roots: &mut Vec<OutlineNode>, level: u8) {
    while stack.last().is_some_and(|n| n.level >= level) {
        let Some(done) = stack.pop() else { break };
        match stack.last_mut() {
            Some(parent) => parent.children.push(done),
            None => roots.push(done),
        }
    }
}

/// Titles of the headings enclosing char `offset`, outermost first. A heading
/// encloses the text from its start to the next heading of the same or a higher level.
pub fn section_path(outline: &[OutlineNode], offset: usize) -> Vec<String> {
    let mut path = Vec::new();
    let mut level = outline;
    loop {
        let after = level.partition_point(|n| n.span.start <= offset);
        let Some(node) = after.checked_sub(1).and_then(|i| level.get(i)) else {
            return path;
        };
        path.push(node.title.clone());
        level = &node.children;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn node(title: &str, level: u8, start: usize) -> OutlineNode {
        OutlineNode {
            title: title.to_string(),
            level,
            block: start,
            span: Span::new(start, start + 1),
            children: Vec::new(),
        }
    }

    fn sample() -> Vec<OutlineNode> {
        build(vec![
            node("一", 1, 0),
            node("(一)", 2, 10),
            node("1.", 3, 20),
            node("(二)", 2, 30),
            node("二", 1, 40),
            node("1'.", 3, 50),
        ])
    }

    #[test]
    fn nests_by_level() {
        let tree = sample();
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].children.len(), 2);
        assert_eq!(tree[0].children[0].children[0].title, "1.");
        assert_eq!(tree[1].children[0].title, "1'.");
    }

    #[test]
    fn paths_follow_enclosing_headings() {
        let tree = sample();
        assert!(section_path(&tree, 0).len() == 1);
        assert_eq!(section_path(&tree, 25), ["一", "(一)", "1."]);
        assert_eq!(section_path(&tree, 35), ["一", "(二)"]);
        assert_eq!(section_path(&tree, 45), ["二"]);
        assert_eq!(section_path(&tree, 99), ["二", "1'."]);
        assert!(section_path(&[], 5).is_empty());
    }
}
