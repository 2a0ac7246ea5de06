//! The region a report is about: the administrative unit its opening names
//! as the issuer or the place of the meeting ("XX省第十三届人民代表大会",
//! "XX市人民政府", "在XX县…会议上", "关于XX省2018年…"), else the unit it
//! names most, weighted by position. Only units of the gazetteer count, so
//! "今年全省", "增速居全省" or "记者日前从省" never make a region. A unit
//! written with its parent ("西安市雁塔区") keeps the parent; "全国" is the
//! region only of a national report (国务院, 全国人民代表大会).

use std::collections::HashMap;

use super::gazetteer::{Form, Level, Mention, GAZETTEER};
use super::head::{is_han, TITLE_CHARS};

/// Words right after a unit that make it the report's issuer or meeting.
const ISSUER_AFTER: [&str; 22] = [
    "第",
    "人民代表大会",
    "人大",
    "人民政府",
    "政府",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "代省长",
    "代市长",
    "主席",
    "国民经济",
    "统计局",
    "发展和改革",
    "发改委",
    "两会",
    "政府工作报告",
    "重点民生",
    "民生实事",
    "“十",
];
/// Words right before a unit that make it the report's issuer or meeting.
const ISSUER_BEFORE: [&str; 4] = ["关于", "《", "代表", "向"];
/// Words after which a two-character name ("萧县") starts a word.
const WORD_BEFORE: [&str; 6] = ["在", "关于", "《", "代表", "向", "据"];
/// The score a unit needs to be the region: one full name near the start.
const THRESHOLD: f32 = 0.9;
/// The share of the best score a unit inside it named in the headline needs to be preferred.
const SPECIFIC_SHARE: f32 = 0.5;
/// The weight of a unit written in full ("浙江省", "西安市").
const FULL_NAME: f32 = 1.5;
/// The weight of a province written short ("浙江"): it must come early or often.
const PROVINCE_STEM: f32 = 1.0;
/// The weight of a city written short ("西安") in the title zone, halved
/// after it: places named in passing ("成都至都江堰铁路") do not add up to a region.
const CITY_STEM: f32 = 0.4;
/// How far into the head a mention's weight halves.
const FADE_CHARS: f32 = 1000.0;
/// The bonus of a unit named as issuer or meeting.
const ISSUER_BONUS: f32 = 3.0;
/// The bonus of a unit named in the title zone.
const TITLE_BONUS: f32 = 1.0;

/// A run of mentions each inside the one before ("陕西省西安市雁塔区").
struct Chain {
    /// The units, outermost first.
    units: Vec<usize>,
    /// How the innermost one was written.
    form: Form,
    start: usize,
    end: usize,
}

/// The region `head` (a cleaned opening) is about, or "" when it names none.
pub fn detect_region(head: &str) -> String {
    let chars: Vec<char> = head.chars().collect();
    let mentions = GAZETTEER.mentions(head);
    let chains = chains(&mentions, &chars);
    let mut scores: HashMap<usize, f32> = HashMap::new();
    let mut written: HashMap<usize, Vec<usize>> = HashMap::new();
    for chain in &chains {
        let Some(&unit) = chain.units.last() else {
            continue;
        };
        *scores.entry(unit).or_default() += score(chain, &chars);
        let longest = written.entry(unit).or_default();
        if chain.units.len() > longest.len() {
            *longest = chain.units.clone();
        }
    }
    let best = scores
        .iter()
        .filter(|(_, s)| **s >= THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(unit, score)| most_specific(*unit, *score, &scores, &chains));
    match best {
        Some((unit, score)) if !(is_national(head) && score < ISSUER_BONUS) => {
            full_name(written.get(&unit).map_or(&[unit][..], |w| w))
        }
        _ if is_national(head) => "全国".into(),
        _ => String::new(),
    }
}

/// The unit inside `best` that the headline names, when it scores at least
/// half as much: a district's news names its city and province too, but
/// it is about the district.
fn most_specific(
    best: usize,
    score: f32,
    scores: &HashMap<usize, f32>,
    chains: &[Chain],
) -> (usize, f32) {
    chains
        .iter()
        .filter(|c| c.start < TITLE_CHARS)
        .filter_map(|c| c.units.last().copied())
        .filter(|&u| u != best && GAZETTEER.within(u, best))
        .filter_map(|u| Some((u, *scores.get(&u)?)))
        .filter(|&(_, s)| s >= score * SPECIFIC_SHARE)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((best, score))
}

/// True when the head is of a national report: the State Council's or the NPC's.
fn is_national(head: &str) -> bool {
    let title: String = head.chars().take(TITLE_CHARS * 2).collect();
    ["届全国人民代表大会第", "国务院总理", "代表国务院"]
        .iter()
        .any(|w| title.contains(w))
}

/// The mentions grouped into chains, each mention resolved to one unit.
fn chains(mentions: &[Mention], chars: &[char]) -> Vec<Chain> {
    let named: Vec<usize> = mentions
        .iter()
        .filter(|m| m.units.len() == 1)
        .map(|m| m.units[0])
        .collect();
    let mut chains: Vec<Chain> = Vec::new();
    for m in mentions.iter().filter(|m| counts(m, chars)) {
        let unit = resolve(m, &named, chains.last());
        match chains.last_mut() {
            Some(last)
                if last.end == m.start
                    && last
                        .units
                        .last()
                        .is_some_and(|&outer| outer != unit && GAZETTEER.within(unit, outer)) =>
            {
                last.units.push(unit);
                last.form = m.form;
                last.end = m.end;
            }
            _ => chains.push(Chain {
                units: vec![unit],
                form: m.form,
                start: m.start,
                end: m.end,
            }),
        }
    }
    chains
}

/// Whether a mention names a place: a province's one-character
/// abbreviation only before a congress or a government ("粤人大"); a
/// two-character name ("萧县") only at the start of a word, not inside
/// "示范县"; no name whose last character opens a longer word ("江南区域").
fn counts(mention: &Mention, chars: &[char]) -> bool {
    let before: String = chars[mention.start.saturating_sub(6)..mention.start]
        .iter()
        .collect();
    match mention.form {
        Form::Abbreviation => {
            let after: String = chars.iter().skip(mention.end).take(3).collect();
            ["人大", "两会", "政府", "省政府"]
                .iter()
                .any(|w| after.starts_with(w))
        }
        Form::Full if mention.end - mention.start == 2 => {
            let starts_word = !before.chars().last().is_some_and(is_han)
                || WORD_BEFORE.iter().any(|w| before.ends_with(w))
                || mention.units.iter().any(|&u| {
                    GAZETTEER.units[u]
                        .parent
                        .is_some_and(|p| before.ends_with(GAZETTEER.units[p].name.as_str()))
                });
            starts_word && !ends_a_word(mention, chars)
        }
        _ => !ends_a_word(mention, chars),
    }
}

/// True when the unit's last character starts a longer word ("江南区域", "振兴县域").
fn ends_a_word(mention: &Mention, chars: &[char]) -> bool {
    let last = chars.get(mention.end.wrapping_sub(1)).copied();
    let next = chars.get(mention.end).copied();
    matches!(
        (last, next),
        (Some('区'), Some('域' | '间' | '别'))
            | (Some('县'), Some('域' | '级'))
            | (Some('市'), Some('场'))
    )
}

/// The unit a mention names: of several units of one name, the one inside
/// a unit named elsewhere or right before it.
fn resolve(mention: &Mention, named: &[usize], before: Option<&Chain>) -> usize {
    let outer: Vec<usize> = named
        .iter()
        .copied()
        .chain(before.and_then(|c| c.units.last().copied()))
        .collect();
    mention
        .units
        .iter()
        .copied()
        .find(|&u| outer.iter().any(|&o| o != u && GAZETTEER.within(u, o)))
        .unwrap_or(mention.units[0])
}

/// How much a chain says the report is about its innermost unit.
fn score(chain: &Chain, chars: &[char]) -> f32 {
    let in_title = chain.start < TITLE_CHARS;
    let base = match chain.form {
        Form::Stem if chain.units.len() > 1 => FULL_NAME,
        Form::Stem if level_of(chain) == Level::Province => PROVINCE_STEM,
        Form::Stem if in_title => CITY_STEM,
        Form::Stem => CITY_STEM / 2.0,
        _ => FULL_NAME,
    };
    let fade = 1.0 / (1.0 + chain.start as f32 / FADE_CHARS);
    let title = if in_title { TITLE_BONUS } else { 0.0 };
    let issuer = if names_issuer(chain, chars) {
        ISSUER_BONUS
    } else {
        0.0
    };
    base * fade + title + issuer
}

fn level_of(chain: &Chain) -> Level {
    chain
        .units
        .last()
        .map_or(Level::County, |&u| GAZETTEER.units[u].level)
}

/// True when the words around the chain make it the issuer or the meeting.
fn names_issuer(chain: &Chain, chars: &[char]) -> bool {
    let after: String = chars
        .iter()
        .skip(chain.end)
        .skip_while(|c| c.is_ascii_digit() || matches!(c, '年' | '度'))
        .take(8)
        .collect();
    let before: String = chars[chain.start.saturating_sub(3)..chain.start]
        .iter()
        .collect();
    ISSUER_AFTER.iter().any(|w| after.starts_with(w))
        || ISSUER_BEFORE.iter().any(|w| before.ends_with(w))
        || opens_term(&after)
}

/// True when `after` opens with a congress term ("十一届", "十四屆").
fn opens_term(after: &str) -> bool {
    let ordinal: String = after
        .chars()
        .take_while(|c| "十一二三四五六七八九".contains(*c))
        .collect();
    let rest = &after[ordinal.len()..];
    !ordinal.is_empty() && rest.starts_with('届')
}

/// The name of a chain's units, the province left out when a city or county follows it.
fn full_name(units: &[usize]) -> String {
    let local: Vec<&usize> = units
        .iter()
        .filter(|&&u| units.len() == 1 || GAZETTEER.units[u].level != Level::Province)
        .collect();
    local
        .iter()
        .map(|&&u| GAZETTEER.units[u].name.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuer_wins_over_places_named_in_passing() {
        assert_eq!(
            detect_region("(湖北省)2019年宜昌市人民政府工作报告"),
            "宜昌市"
        );
        assert_eq!(
            detect_region("2018年成都市武侯区人民政府工作报告"),
            "成都市武侯区"
        );
        assert_eq!(detect_region("今年全省经济增长,增速居全省第一"), "");
    }
}
