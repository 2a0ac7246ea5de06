//! Assigns outline levels to heading families the way word processors do:
//! the first family seen is level 1, and a family first seen inside another
//! heading takes the level below it; the level then sticks to the family.

use super::markers::Family;

/// Running level assignment over the headings of one document, in order.
#[derive(Debug, Default)]
pub(crate) struct Levels {
    /// Level fixed for each family at its first appearance.
    known: Vec<(Family, u8)>,
    /// Levels of the headings currently open, outermost first.
    open: Vec<u8>,
}

impl Levels {
    /// The level of the next heading, of `family`; updates the open headings.
    pub fn next(&mut self, family: Family) -> u8 {
        let level = self.level_of(family);
        while self.open.last().is_some_and(|&open| open >= level) {
            self.open.pop();
        }
        self.open.push(level);
        level
    }

    /// The family's fixed level, fixing it now if the family is new.
    fn level_of(&mut self, family: Family) -> u8 {
        if family == Family::Glossary {
            return 1;
        }
        if let Some(&(_, level)) = self.known.iter().find(|(f, _)| *f == family) {
            return level;
        }
        let level = self.open.last().map_or(1, |l| l.saturating_add(1));
        self.known.push((family, level));
        level
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_follow_first_appearance() {
        let mut levels = Levels::default();
        assert_eq!(levels.next(Family::CnComma), 1);
        assert_eq!(levels.next(Family::CnParen), 2);
        assert_eq!(levels.next(Family::ArabicDot), 3);
        assert_eq!(levels.next(Family::CnComma), 1);
        assert_eq!(levels.next(Family::ArabicDot), 3);
        assert_eq!(levels.next(Family::Glossary), 1);
    }

    #[test]
    fn unnumbered_titles_can_be_outermost() {
        let mut levels = Levels::default();
        assert_eq!(levels.next(Family::Plain), 1);
        assert_eq!(levels.next(Family::Plain), 1);
    }
}
