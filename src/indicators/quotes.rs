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
    /// Pairs the marks of `chars` in one pass.
    pub fn new(chars: &[char]) -> Self {
        let pairs = pair_marks(chars);
        let mut enclosing = vec![0u32; chars.len()];
        let mut is_mark = vec![false; chars.len()];
        // Pairs come out ordered by closing offset, so inner pairs are written
        // first and outer pairs only fill what is still empty.
        for (index, pair) in pairs.iter().enumerate() {
            (is_mark[pair.open], is_mark[pair.close]) = (true, true);
            for slot in &mut enclosing[pair.open + 1..pair.close] {
                if *slot == 0 {
                    *slot = index as u32 + 1;
                }
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

/// Pairs openers with closers of the same kind; `"` pairs with the next `"`.
fn pair_marks(chars: &[char]) -> Vec<Pair> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut pairs = Vec::new();
    for (at, &c) in chars.iter().enumerate() {
        if c == '"' && open.last().is_some_and(|&(_, m)| m == '"') {
            close_last(&mut open, &mut pairs, at);
        } else if matches!(c, '“' | '《' | '(' | '「' | '[' | '【' | '‘' | '"') {
            open.push((at, c));
        } else if let Some(opener) = opener_of(c) {
            if let Some(depth) = open.iter().rposition(|&(_, m)| m == opener) {
                open.truncate(depth + 1);
                close_last(&mut open, &mut pairs, at);
            }
        }
    }
    pairs
}

fn close_last(open: &mut Vec<(usize, char)>, pairs: &mut Vec<Pair>, close: usize) {
    if let Some((start, mark)) = open.pop() {
        pairs.push(Pair {
            open: start,
            close,
            mark,
        });
    }
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
