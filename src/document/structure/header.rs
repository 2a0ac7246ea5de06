//! The header zone at the top of a report: title lines and metadata lines
//! (info-box fields, meeting line, newspaper dateline, byline or speaker),
//! ending at the first heading or body line.

use super::headings;
use super::lines::Line;
use super::patterns::{self, DATE, FIELD_KEY, MEETING, MEETING_BODIES};
use super::text;
use crate::document::BlockKind;

/// Header lines examined at most (debris not counted).
const MAX_HEADER_LINES: usize = 12;
/// Title lines at most (headline and subheadline).
const MAX_TITLES: usize = 2;
/// Longest title line.
const MAX_TITLE_LEN: usize = 60;
/// Longest meeting, dateline and byline lines.
const MAX_MEETING_LEN: usize = 80;
const MAX_DATELINE_LEN: usize = 50;
const MAX_PERSON_LEN: usize = 30;

/// Job titles that mark a speaker line ("区发改局局长 李武军").
const JOB_TITLES: &[&str] = &[
    "局长", "主任", "区长", "市长", "县长", "书记", "主席", "部长", "厅长", "院长", "委员",
];

/// What a header line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Headline or subheadline.
    Title,
    /// Info-box fields ("名  称: … 发布机构: …").
    Fields,
    /// Meeting line, possibly over two lines ("2024年12月30日在…会议上").
    Meeting,
    /// Newspaper dateline or bare date.
    Dateline,
    /// Byline or speaker.
    Person,
}

impl Role {
    /// The block kind of a line with this role.
    pub fn kind(self) -> BlockKind {
        match self {
            Role::Title => BlockKind::Title,
            _ => BlockKind::Meta,
        }
    }
}

/// Title lines seen so far; titles must be consecutive.
#[derive(Default)]
struct Titles {
    count: usize,
    closed: bool,
}

impl Titles {
    fn note(&mut self, role: Role) {
        match role {
            Role::Title => self.count += 1,
            _ => self.closed |= self.count > 0,
        }
    }

    fn open(&self) -> bool {
        !self.closed && self.count < MAX_TITLES
    }
}

/// The header lines of the text: (line index, role), in order.
pub(crate) fn scan(lines: &[Line<'_>], debris: &[bool]) -> Vec<(usize, Role)> {
    let mut found: Vec<(usize, Role)> = Vec::new();
    let mut titles = Titles::default();
    let candidates = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !debris.get(*i).copied().unwrap_or(false));
    for (i, line) in candidates.take(MAX_HEADER_LINES) {
        let prev = found
            .last()
            .and_then(|&(j, role)| Some((role, lines.get(j)?.text)));
        let Some(role) = role_of(line, prev, &titles) else {
            break;
        };
        titles.note(role);
        found.push((i, role));
    }
    found
}

/// The role of `line` in the header, or `None` when the body starts here.
fn role_of(line: &Line<'_>, prev: Option<(Role, &str)>, titles: &Titles) -> Option<Role> {
    let (text, len) = (line.text, line.len());
    if headings::marked(text, len).is_some() {
        None
    } else if FIELD_KEY.find(text).is_some_and(|m| m.start() == 0) {
        Some(Role::Fields)
    } else if is_meeting(text, len) || is_meeting_tail(text, len, prev) {
        Some(Role::Meeting)
    } else if is_dateline(text, len) {
        Some(Role::Dateline)
    } else if is_person(text, len) {
        Some(Role::Person)
    } else {
        (titles.open() && is_title(text, len)).then_some(Role::Title)
    }
}

/// True for lines with no sentence or clause punctuation at all.
fn unpunctuated(text: &str) -> bool {
    !text
        .chars()
        .any(|c| text::is_sentence_end(c) || matches!(c, '，' | ','))
}

/// "——2021年8月27日在武汉市武昌区第十五届人大常委会" and the like.
fn is_meeting(text: &str, len: usize) -> bool {
    len <= MAX_MEETING_LEN
        && unpunctuated(text)
        && MEETING
            .captures(patterns::core(text))
            .and_then(|c| c.name("body"))
            .is_some_and(|body| MEETING_BODIES.iter().any(|b| body.as_str().contains(b)))
}

/// The second half of a meeting line broken in two ("第三十八次会议上").
fn is_meeting_tail(text: &str, len: usize, prev: Option<(Role, &str)>) -> bool {
    let Some((Role::Meeting, prev_text)) = prev else {
        return false;
    };
    !patterns::core(prev_text).ends_with('上')
        && len <= 20
        && unpunctuated(text)
        && patterns::core(text).ends_with('上')
}

/// "2022年12月30日 星期五 楚天都市报 A04版 武昌读本", or a bare date.
fn is_dateline(text: &str, len: usize) -> bool {
    len <= MAX_DATELINE_LEN
        && unpunctuated(text)
        && DATE
            .find(patterns::core(text))
            .is_some_and(|m| m.start() == 0)
}

/// A byline of names ("吴汉 吴迪 况昕昀 刁少红") or a speaker ("区发改局局长 李武军").
fn is_person(text: &str, len: usize) -> bool {
    if len > MAX_PERSON_LEN || !unpunctuated(text) {
        return false;
    }
    if text.starts_with("记者") || text.starts_with("本报记者") || text.starts_with("通讯员")
    {
        return true;
    }
    let tokens = || text.split_whitespace();
    let names = tokens().all(|t| text::all_han(t) && (2..=4).contains(&text::char_len(t)));
    let speaker =
        tokens().any(|t| JOB_TITLES.iter().any(|j| t.contains(j))) && tokens().all(text::all_han);
    tokens().count() >= 2 && (names || speaker)
}

/// A short line without final punctuation: a headline.
fn is_title(text: &str, len: usize) -> bool {
    (4..=MAX_TITLE_LEN).contains(&len)
        && text::has_han(text)
        && !text::has_sentence_end(text)
        && !text::ends_like_sentence(text)
        && !text.starts_with(['—', '－', '-'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::structure::lines::split_lines;

    fn roles(text: &str) -> Vec<Role> {
        let lines = split_lines(text);
        let debris = vec![false; lines.len()];
        scan(&lines, &debris).into_iter().map(|(_, r)| r).collect()
    }

    #[test]
    fn newspaper_header() {
        let text = "武昌区明年将实施一系列重大项目\n数字经济点亮星空\n2022年12月30日 星期五 楚天都市报\n吴汉 吴迪 况昕昀\n正文。";
        use Role::*;
        assert_eq!(roles(text), [Title, Title, Dateline, Person]);
    }

    #[test]
    fn meeting_over_two_lines() {
        let text = "——2021年8月27日在武汉市武昌区第十五届人大常委会\n第三十八次会议上\n区发改局局长 李武军\n主任、各位委员:";
        use Role::*;
        assert_eq!(roles(text), [Meeting, Meeting, Person]);
    }

    #[test]
    fn body_ends_header() {
        assert!(roles("加快产业项目落地。围绕电力生产。\n标题").is_empty());
        assert!(roles("一、总体要求\n标题行").is_empty());
    }
}
