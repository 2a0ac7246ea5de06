//! Quotation marks, title marks and brackets of one block, paired once:
//! which pair, if any, encloses each char. Unpaired marks (a quote opened on
//! one line and closed on the next) enclose nothing, so one stray “ cannot
//! hide the rest of a block from the clause finder.

/// A paired mark: the offsets of its opening and closing chars, and the opener.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Char offset of the opening mark.
    pub open: usize,
    /// Char offset of the closing mark.
    pub close: usize,
    /// The opening mark ('“', '《', '(' ...).
    pub mark: char,
}

impl Pair {
    /// True for quotation and title marks, which hold names; false for brackets.
    pub fn is_quote(&self) -> bool {
        matches!(self.mark, '“' | '《' | '「' | '‘' | '"')
    }
}

/// The opener that `closer` closes, if it is a closing mark.
fn opener_of(closer: char) -> Option<char> {
    Some(match closer {
        '”' => '“',
        '》' => '《',
        ')' => '(',
        '」' => '「',
        ']' => '[',
        '】' => '【',
        '’' => '‘',
        _ => return None,
    })
}

/// The pairs of a block and, for each char, the innermost pair enclosing it.
pub struct Quotes {
    pairs: Vec<Pair>,
    /// Index + 1 into `pairs` of the innermost enclosing pair; 0 for none.
    enclosing: Vec<u32>,
    /// True for chars that are paired marks themselves.
    is_mark: Vec<bool>,
}

impl Quotes {
    /// Pairs the marks of `chars` in one pass, and finds each char's innermost
    /// pair in a second: pairs never cross, so a stack of open pairs suffices.
    pub fn new(chars: &[char]) -> Self {
        let pairs = pair_marks(chars);
        let mut opening = vec![0u32; chars.len()];
        let mut is_mark = vec![false; chars.len()];
        for (index, pair) in pairs.iter().enumerate() {
            (is_mark[pair.open], is_mark[pair.close]) = (true, true);
            opening[pair.open] = index as u32 + 1;
        }
        let mut enclosing = vec![0u32; chars.len()];
        let mut open: Vec<u32> = Vec::new();
        for (at, slot) in enclosing.iter_mut().enumerate() {
            if open
                .last()
                .is_some_and(|&p| pairs[p as usize - 1].close == at)
            {
                open.pop();
            }
            *slot = open.last().copied().unwrap_or(0);
            if opening[at] != 0 {
                open.push(opening[at]);
            }
        }
        Self {
            pairs,
            enclosing,
            is_mark,
        }
    }

    /// The innermost pair strictly enclosing char `at`.
    pub fn around(&self, at: usize) -> Option<Pair> {
        let index = *self.enclosing.get(at)? as usize;
        index
            .checked_sub(1)
            .and_then(|i| self.pairs.get(i))
            .copied()
    }

    /// True when char `at` is inside a pair (or is a paired mark itself).
    pub fn is_inside(&self, at: usize) -> bool {
        self.around(at).is_some() || self.is_mark.get(at).copied().unwrap_or(false)
    }
}

/// The opening marks, in the order of [`OpenMarks`]' per-mark stacks.
const OPENERS: [char; 8] = ['“', '《', '(', '「', '[', '【', '‘', '"'];

/// The marks still open, with, for each kind of opener, where its open marks
/// sit in that list: a closer finds its opener without scanning the others.
#[derive(Default)]
struct OpenMarks {
    /// Open marks, innermost last: (char offset, mark).
    marks: Vec<(usize, char)>,
    /// For each kind in [`OPENERS`], indices into `marks` of that kind, in order.
    by_kind: [Vec<usize>; OPENERS.len()],
}

impl OpenMarks {
    fn kind(mark: char) -> usize {
        OPENERS.iter().position(|&m| m == mark).unwrap_or(0)
    }

    fn push(&mut self, at: usize, mark: char) {
        self.by_kind[Self::kind(mark)].push(self.marks.len());
        self.marks.push((at, mark));
    }

    fn pop(&mut self) -> Option<(usize, char)> {
        let (at, mark) = self.marks.pop()?;
        self.by_kind[Self::kind(mark)].pop();
        Some((at, mark))
    }

    /// Closes the innermost open `opener` at `close`, dropping the marks
    /// opened inside it and left unclosed.
    fn close(&mut self, opener: char, close: usize) -> Option<Pair> {
        let depth = *self.by_kind[Self::kind(opener)].last()?;
        while self.marks.len() > depth + 1 {
            self.pop();
        }
        let (open, mark) = self.pop()?;
        Some(Pair { open, close, mark })
    }
}

/// Pairs openers with closers of the same kind; `"` pairs with the next `"`.
/// Pairs come out ordered by closing offset, and never cross.
fn pair_marks(chars: &[char]) -> Vec<Pair> {
    let mut open = OpenMarks::default();
    let mut pairs = Vec::new();
    for (at, &c) in chars.iter().enumerate() {
        let closes_quote = c == '"' && open.marks.last().is_some_and(|&(_, m)| m == '"');
        let closed = if closes_quote {
            open.close('"', at)
        } else if OPENERS.contains(&c) {
            open.push(at, c);
            None
        } else {
            opener_of(c).and_then(|opener| open.close(opener, at))
        };
        pairs.extend(closed);
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> (Vec<char>, Quotes) {
        let chars: Vec<char> = text.chars().collect();
        let quotes = Quotes::new(&chars);
        (chars, quotes)
    }

    #[test]
    fn nested_pairs() {
        let (chars, q) = quotes("《关于“三个全覆盖”的意见》");
        let inner = chars.iter().position(|&c| c == '三').unwrap_or(0);
        assert_eq!(q.around(inner).map(|p| p.mark), Some('“'));
        let outer = chars.iter().position(|&c| c == '意').unwrap_or(0);
        assert_eq!(q.around(outer).map(|p| p.mark), Some('《'));
    }

    #[test]
    fn unpaired_marks_enclose_nothing() {
        let (chars, q) = quotes("他说“新增泊位1万个,下一句。");
        let at = chars.iter().position(|&c| c == '1').unwrap_or(0);
        assert_eq!(q.around(at), None);
    }
}
