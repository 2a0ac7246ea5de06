//! Fills [`Metadata`] from the header lines: info-box fields first, then the
//! meeting line, then a newspaper dateline; the year comes from the title.

use super::header::Role;
use super::lines::Line;
use super::patterns::{self, DATE, FIELD_KEY, MEETING, YEAR};
use super::text;
use crate::document::Metadata;

/// Field values that mean "none".
const EMPTY_VALUES: &[&str] = &["", "无", "-", "—", "/", "暂无"];

/// Metadata of the report whose header lines are `header`.
pub(crate) fn build(lines: &[Line<'_>], header: &[(usize, Role)]) -> Metadata {
    let texts = |role: Role| {
        header
            .iter()
            .filter(move |(_, r)| *r == role)
            .filter_map(|(i, _)| lines.get(*i))
            .map(|l| l.text)
    };
    let mut meta = Metadata::default();
    let mut name = None;
    texts(Role::Fields).for_each(|t| apply_fields(t, &mut meta, &mut name));
    apply_meeting(&texts(Role::Meeting).collect::<String>(), &mut meta);
    texts(Role::Dateline).for_each(|t| apply_dateline(t, &mut meta));
    meta.title = texts(Role::Title).next().map(str::to_string).or(name);
    meta.year = report_year(meta.title.as_deref(), meta.date.as_deref());
    meta
}

/// Stores `value` in an empty `slot` unless it says "none".
fn set_once(slot: &mut Option<String>, value: &str) {
    let value = value.trim();
    if slot.is_none() && !EMPTY_VALUES.contains(&value) {
        *slot = Some(value.to_string());
    }
}

/// "名  称: X 发布机构: Y" → title fallback X, issuer Y; likewise 文号 and dates.
fn apply_fields(text: &str, meta: &mut Metadata, name: &mut Option<String>) {
    let keys: Vec<_> = FIELD_KEY.find_iter(text).collect();
    for (k, key) in keys.iter().enumerate() {
        let end = keys.get(k + 1).map_or(text.len(), |next| next.start());
        let value = text.get(key.end()..end).unwrap_or_default();
        let key: String = key.as_str().chars().filter(|c| text::is_han(*c)).collect();
        match key.as_str() {
            "名称" | "标题" => set_once(name, value),
            "发布机构" | "发文机关" | "发文单位" => set_once(&mut meta.issuer, value),
            "文号" | "发文字号" => set_once(&mut meta.doc_number, value),
            "公开日期" | "发布日期" | "成文日期" | "发文日期" => {
                set_once(&mut meta.date, value)
            }
            _ => {}
        }
    }
}

/// "2024年12月30日在武汉市江岸区第十六届人民代表大会第五次会议上" → date and body.
fn apply_meeting(joined: &str, meta: &mut Metadata) {
    let Some(caps) = MEETING.captures(patterns::core(joined)) else {
        return;
    };
    if let Some(date) = caps.name("date") {
        set_once(&mut meta.date, date.as_str());
    }
    if let Some(body) = caps.name("body") {
        set_once(&mut meta.issuer, body.as_str());
    }
}

/// "2022年12月30日 星期五 楚天都市报 A04版" → date and newspaper.
fn apply_dateline(text: &str, meta: &mut Metadata) {
    if let Some(date) = DATE.find(text) {
        set_once(&mut meta.date, date.as_str());
    }
    let paper = text
        .split_whitespace()
        .find(|t| t.ends_with('报') && text::all_han(t) && (3..=10).contains(&text::char_len(t)));
    if let Some(paper) = paper {
        set_once(&mut meta.issuer, paper);
    }
}

/// The year a report is about: the year in its title, else the year after the
/// date for a "明年" headline, else the date's year.
fn report_year(title: Option<&str>, date: Option<&str>) -> Option<i32> {
    let year_in = |s: &str| YEAR.captures(s)?.get(1)?.as_str().parse::<i32>().ok();
    if let Some(year) = title.and_then(year_in) {
        return Some(year);
    }
    let date_year = date.and_then(year_in);
    if title.is_some_and(|t| t.contains("明年")) {
        return date_year.map(|y| y + 1);
    }
    date_year
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_box_fields() {
        let mut meta = Metadata::default();
        let mut name = None;
        apply_fields(
            "名  称: 武昌区2021年计划 发布机构: 区发改局",
            &mut meta,
            &mut name,
        );
        apply_fields(
            "文  号: 2021(004) 索 引 号: 737546075/2021-44718",
            &mut meta,
            &mut name,
        );
        assert_eq!(name.as_deref(), Some("武昌区2021年计划"));
        assert_eq!(meta.issuer.as_deref(), Some("区发改局"));
        assert_eq!(meta.doc_number.as_deref(), Some("2021(004)"));
    }

    #[test]
    fn years() {
        assert_eq!(
            report_year(Some("2025年江岸区政府工作报告"), None),
            Some(2025)
        );
        assert_eq!(
            report_year(Some("武昌区明年将实施"), Some("2022年12月30日")),
            Some(2023)
        );
        assert_eq!(report_year(None, Some("2021年8月27日")), Some(2021));
        assert_eq!(report_year(None, None), None);
    }
}
