//! China's administrative divisions — provinces, prefecture-level cities,
//! counties and districts — as data (`assets/lexicon/regions.tsv`, built from
//! a public table of division codes; its README says how), and finding them
//! in text. A province is found by its full name, its stem ("浙江",
//! "广西") or its one-character abbreviation ("浙", "粤"); a city by its full
//! name or its stem ("西安"); a county or district by its full name only.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// The level of an administrative unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// 省, 自治区, 直辖市, 特别行政区.
    Province,
    /// 地级市, 自治州, 地区, 盟.
    City,
    /// 县, 县级市, 区, 旗.
    County,
}

/// One administrative unit.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Six-digit division code ("330000").
    pub code: String,
    /// Full name ("浙江省").
    pub name: String,
    /// Its level.
    pub level: Level,
    /// Index of the unit it belongs to, if any.
    pub parent: Option<usize>,
}

/// How a unit was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The full name ("浙江省", "西安市", "雁塔区").
    Full,
    /// The name without its suffix ("浙江", "西安").
    Stem,
    /// A province's one-character abbreviation ("浙").
    Abbreviation,
}

/// A unit named in a text.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Every unit the written name can be (several districts share a name).
    pub units: Vec<usize>,
    /// How it was written.
    pub form: Form,
    /// Char offset of its first character.
    pub start: usize,
    /// Char offset just after it.
    pub end: usize,
}

/// The gazetteer and its matcher.
pub struct Gazetteer {
    /// Every unit, in code order.
    pub units: Vec<Unit>,
    /// The written forms, parallel to the matcher's patterns.
    forms: Vec<(Vec<usize>, Form)>,
    matcher: AhoCorasick,
}

/// The gazetteer built from the bundled data.
pub static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(include_str!("../../../assets/lexicon/regions.tsv")));

impl Gazetteer {
    /// Reads `code<TAB>name<TAB>level<TAB>parent<TAB>short forms` lines.
    pub fn parse(data: &str) -> Self {
        let rows: Vec<Vec<&str>> = data
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.split('\t').collect())
            .collect();
        let codes: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, r)| (r[0], i)).collect();
        let index = |code: &str| codes.get(code).copied();
        let units: Vec<Unit> = rows
            .iter()
            .map(|r| Unit {
                code: r[0].to_string(),
                name: r[1].to_string(),
                level: match r.get(2).copied() {
                    Some("province") => Level::Province,
                    Some("city") => Level::City,
                    _ => Level::County,
                },
                parent: r.get(3).and_then(|p| index(p)),
            })
            .collect();
        let mut written: Vec<(String, usize, Form)> = Vec::new();
        for (at, row) in rows.iter().enumerate() {
            if !is_generic(&units[at]) {
                written.push((units[at].name.clone(), at, Form::Full));
            }
            for short in row
                .get(4)
                .unwrap_or(&"")
                .split(',')
                .filter(|s| !s.is_empty())
            {
                let form = if short.chars().count() == 1 {
                    Form::Abbreviation
                } else {
                    Form::Stem
                };
                written.push((short.to_string(), at, form));
            }
        }
        let (patterns, forms) = group(written);
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("the gazetteer builds: {e}"));
        Self {
            units,
            forms,
            matcher,
        }
    }

    /// Every unit named in `text`, left to right, with char offsets.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let char_at = char_offsets(text);
        self.matcher
            .find_iter(text)
            .map(|m| {
                let (units, form) = &self.forms[m.pattern().as_usize()];
                Mention {
                    units: units.clone(),
                    form: *form,
                    start: char_at[m.start()],
                    end: char_at[m.end()],
                }
            })
            .collect()
    }

    /// True when `inner` is `outer` or lies inside it.
    pub fn within(&self, inner: usize, outer: usize) -> bool {
        let mut at = Some(inner);
        while let Some(unit) = at {
            if unit == outer {
                return true;
            }
            at = self.units[unit].parent;
        }
        false
    }
}

/// District names that are also words for a part of any town ("城中区",
/// "新城区"); with every district whose name is one character and 区 ("城区",
/// "郊区", "矿区") they are not looked for.
const GENERIC: [&str; 8] = [
    "新城区",
    "老城区",
    "市中区",
    "城中区",
    "城东区",
    "城西区",
    "城南区",
    "城北区",
];

/// True for a name that is also a common word.
fn is_generic(unit: &Unit) -> bool {
    unit.level == Level::County
        && ((unit.name.chars().count() == 2 && unit.name.ends_with('区'))
            || GENERIC.contains(&unit.name.as_str()))
}

/// One pattern per written form, with every unit it can name; a full name
/// wins over a short form of the same spelling.
fn group(written: Vec<(String, usize, Form)>) -> (Vec<String>, Vec<(Vec<usize>, Form)>) {
    let mut patterns: Vec<String> = Vec::new();
    let mut forms: Vec<(Vec<usize>, Form)> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (text, unit, form) in written {
        match seen.get(&text).copied() {
            Some(at) if forms[at].1 == form => forms[at].0.push(unit),
            Some(at) if form == Form::Full => forms[at] = (vec![unit], form),
            Some(_) => {}
            None => {
                seen.insert(text.clone(), patterns.len());
                patterns.push(text);
                forms.push((vec![unit], form));
            }
        }
    }
    (patterns, forms)
}

/// For each byte offset of `text` (and its end), the char offset.
fn char_offsets(text: &str) -> Vec<usize> {
    let mut offsets = vec![0; text.len() + 1];
    let mut count = 0;
    for (byte, ch) in text.char_indices() {
        for slot in offsets.iter_mut().skip(byte).take(ch.len_utf8()) {
            *slot = count;
        }
        count += 1;
    }
    offsets[text.len()] = count;
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_found_by_full_name_stem_and_abbreviation() {
        let names = |text: &str| -> Vec<(String, Form)> {
            GAZETTEER
                .mentions(text)
                .iter()
                .map(|m| (GAZETTEER.units[m.units[0]].name.clone(), m.form))
                .collect()
        };
        assert_eq!(
            names("陕西省西安市雁塔区"),
            [
                ("陕西省".to_string(), Form::Full),
                ("西安市".to_string(), Form::Full),
                ("雁塔区".to_string(), Form::Full)
            ]
        );
        assert_eq!(names("浙江"), [("浙江省".to_string(), Form::Stem)]);
        assert_eq!(names("广西"), [("广西壮族自治区".to_string(), Form::Stem)]);
        assert_eq!(names("全省城区"), []);
    }

    #[test]
    fn a_district_lies_in_its_city_and_province() {
        let g = &*GAZETTEER;
        let find = |name: &str| g.units.iter().position(|u| u.name == name);
        let (Some(yanta), Some(xian), Some(shaanxi)) =
            (find("雁塔区"), find("西安市"), find("陕西省"))
        else {
            panic!("units missing");
        };
        assert!(g.within(yanta, xian) && g.within(xian, shaanxi));
        assert!(!g.within(shaanxi, yanta));
    }
}
