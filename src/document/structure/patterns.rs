//! Regular expressions for header lines, compiled once: field keys of
//! government-site info boxes, meeting lines, dates and years.

use std::sync::LazyLock;

use regex::Regex;

/// A field key of an info box ("名  称:", "发布机构:", "文  号:", "公开日期:"), blanks allowed inside.
pub(crate) static FIELD_KEY: LazyLock<Regex> = LazyLock::new(|| {
    let keys = [
        "名称",
        "标题",
        "发布机构",
        "发文机关",
        "发文单位",
        "发文字号",
        "文号",
        "索引号",
        "公开日期",
        "发布日期",
        "成文日期",
        "发文日期",
        "公开方式",
        "公开范围",
        "主题分类",
        "体裁分类",
        "有效性",
        "来源",
    ];
    let spaced: Vec<String> = keys.iter().map(|k| spaced_key(k)).collect();
    Regex::new(&format!(r"(?:{})\s*[:：]", spaced.join("|"))).expect("FIELD_KEY is a valid regex")
});

/// "名称" → "名\s*称": keys are often padded with blanks to align them.
fn spaced_key(key: &str) -> String {
    let chars: Vec<String> = key.chars().map(String::from).collect();
    chars.join(r"\s*")
}

/// A meeting line without its dashes and brackets: "2021年8月27日在…第三十八次会议上".
pub(crate) static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*在\s*(?P<body>.+?)\s*(?:第?[一二三四五六七八九十百零〇\d]+次(?:全体)?会议)?\s*上?$",
    )
    .expect("MEETING is a valid regex")
});

/// A full date as written: "2021年06月02日".
pub(crate) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日").expect("DATE is a valid regex")
});

/// A year: "2021年".
pub(crate) static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").expect("YEAR is a valid regex"));

/// Words naming the body of a meeting line.
pub(crate) const MEETING_BODIES: &[&str] = &[
    "人大",
    "人民代表大会",
    "常委会",
    "政协",
    "会议",
    "大会",
    "委员会",
];

/// Strips leading dashes and brackets and trailing brackets from a header line.
pub(crate) fn core(text: &str) -> &str {
    text.trim_start_matches(['—', '－', '-', '─', '(', '（', ' ', '\u{3000}'])
        .trim_end_matches([')', '）'])
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_parts() {
        let line = core("——2021年8月27日在武汉市武昌区第十五届人大常委会第三十八次会议上");
        let caps = MEETING.captures(line);
        let body = caps
            .as_ref()
            .and_then(|c| c.name("body"))
            .map(|m| m.as_str());
        assert_eq!(body, Some("武汉市武昌区第十五届人大常委会"));
        let date = caps
            .as_ref()
            .and_then(|c| c.name("date"))
            .map(|m| m.as_str());
        assert_eq!(date, Some("2021年8月27日"));
    }

    #[test]
    fn field_keys_allow_padding() {
        let keys: Vec<&str> = FIELD_KEY
            .find_iter("文  号: 2021(004) 索 引 号: 737546075/2021-44718")
            .map(|m| m.as_str())
            .collect();
        assert_eq!(keys, ["文  号:", "索 引 号:"]);
    }
}
