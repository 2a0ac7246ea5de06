//! How much of a reference text a reader recovered: the longest common
//! subsequence of the two texts' non-blank chars (so "in order"), as a share
//! of the reference (recall) and of the output (precision). Used by the
//! format tests and `examples/formats.rs` against the `NAME.ref.txt` files.

/// Recovery of a reference text by a reader's output, blanks ignored.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Recovery {
    /// Non-blank chars of the reference.
    pub reference_chars: usize,
    /// Non-blank chars of the output.
    pub output_chars: usize,
    /// Chars common to both, in order (longest common subsequence).
    pub common_chars: usize,
}

impl Recovery {
    /// Share of the reference's chars recovered in order (1.0 when it is empty).
    pub fn recall(&self) -> f64 {
        share(self.common_chars, self.reference_chars)
    }

    /// Share of the output that is reference text (1.0 when it is empty).
    pub fn precision(&self) -> f64 {
        share(self.common_chars, self.output_chars)
    }
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Measures how much of `reference` `output` recovers, blanks ignored.
/// Time grows with the texts' length times their difference (Myers' diff),
/// so near-equal texts of 350,000 chars take well under a second.
pub fn recovery(reference: &str, output: &str) -> Recovery {
    let a = non_blank(reference);
    let b = non_blank(output);
    let distance = edit_distance(&a, &b);
    Recovery {
        reference_chars: a.len(),
        output_chars: b.len(),
        common_chars: (a.len() + b.len() - distance) / 2,
    }
}

fn non_blank(text: &str) -> Vec<char> {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Fewest insertions and deletions turning `a` into `b` (Myers, linear space).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max + 1;
    let mut v = vec![0isize; 2 * max + 3];
    for d in 0..=max as isize {
        for k in (-d..=d).step_by(2) {
            let at = |k: isize| (k + offset as isize) as usize;
            let down = k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]);
            let mut x = if down { v[at(k + 1)] } else { v[at(k - 1)] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                return d as usize;
            }
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_up_to_blanks_recover_all() {
        let r = recovery("地区生产总值 增长7%", "地区生产总值增长\n7 %");
        assert_eq!((r.recall(), r.precision()), (1.0, 1.0));
    }

    #[test]
    fn missing_and_extra_chars_count_against_each_share() {
        let r = recovery("abcd", "abxc");
        assert_eq!(r.common_chars, 3);
        assert_eq!((r.recall(), r.precision()), (0.75, 0.75));
        assert_eq!(recovery("", "").recall(), 1.0);
        assert_eq!(recovery("ab", "").common_chars, 0);
    }

    #[test]
    fn order_matters() {
        assert_eq!(recovery("abc", "cba").common_chars, 1);
    }
}
