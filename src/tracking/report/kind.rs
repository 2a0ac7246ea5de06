//! The kind of a report, from the words of its title and lead (simplified,
//! converter pinyin stripped): what it is about (a work report, a plan, how
//! a plan or a list of projects is going, statistics) and whether it is the
//! report's own text or a news article about it. A news article about a
//! report is a news digest (it tracks like the report); a news article on
//! progress that names no report is a progress report; one on statistics is
//! "other", like a statistical bulletin.

use std::sync::LazyLock;

use regex::Regex;

use super::head::TITLE_CHARS;
use super::ReportKind;

/// What a text is about, in the order a title is read for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// A task table distributing a report's work (责任分解).
    Tasks,
    /// How a plan, projects or a list of pledges are going.
    Execution,
    /// Statistics: a bulletin, a yearbook table, a statistics release.
    Statistics,
    /// A government work report.
    WorkReport,
    /// A plan: annual, five-year, a list of pledged projects.
    Plan,
}

/// The words of each subject, in the order they are tried.
const SUBJECTS: [(Subject, &[&str]); 5] = [
    (Subject::Tasks, &["责任分解"]),
    (
        Subject::Execution,
        &[
            "执行情况",
            "完成情况",
            "进展",
            "进度",
            "落实情况",
            "中期评估",
            "评估报告",
            "考核",
            "为年计划的",
            "占年度计划",
            "占年计划",
            "占全年计划",
            "占年任务",
        ],
    ),
    (
        Subject::Statistics,
        &[
            "统计公报",
            "统计局",
            "统计年鉴",
            "经济形势",
            "经济运行情况",
            "初步核算",
        ],
    ),
    (
        Subject::WorkReport,
        &["政府工作报告", "向大会报告工作", "报告政府工作", "工作报告"],
    ),
    (
        Subject::Plan,
        &[
            "社会发展计划",
            "计划草案",
            "规划纲要",
            "五年规划",
            "民生实事",
            "民生事项",
            "年度计划",
        ],
    ),
];

/// Words of a news article: bylines, datelines, newspapers, meeting reports.
static NEWS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"记者|\d{1,2}月\d{1,2}日电|日电|报讯|本报|日报|晚报|早报|商报|时报|都市报|[A-Z]\d{1,2}版|报道|新闻网|新闻社|要闻|通讯员|昨日|昨天|日前|今天上午|今天下午|开幕|闭幕|召开|举行|新闻发布会|作政府工作报告|作了?《|报告指出|报告提出|报告显示|两会|出炉|微信公众号",
    )
    .unwrap_or_else(|e| panic!("news pattern is valid: {e}"))
});

/// Words of the report's own text: its address and its delivery line.
static OWN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"各位代表|各位副主任|各位委员|\d{4}年\d{1,2}月\d{0,2}日?在[^。\n]{0,30}?会议上")
        .unwrap_or_else(|e| panic!("own-text pattern is valid: {e}"))
});

/// A governor or mayor speaking: a summary of the work report.
static GOVERNOR_SAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:省|市|县|区|州)长[^,。]{0,3}(?:指出|表示|强调)")
        .unwrap_or_else(|e| panic!("governor pattern is valid: {e}"))
});

/// A report made to a standing committee (主任、各位副主任): plans go to
/// the full congress, progress reports to its standing committee.
static STANDING_COMMITTEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"各位副主任|在[^。\n]{0,20}?(?:常委会|常务委员会)")
        .unwrap_or_else(|e| panic!("standing-committee pattern is valid: {e}"))
});

/// Words that a text sets the year's targets.
const SETS_TARGETS: [&str; 3] = ["主要预期目标", "预期目标是", "主要目标是"];

/// How many characters may stand between a plan's name and the progress words about it.
const PROGRESS_GAP: usize = 8;

/// How many characters of the head are read for news words.
const LEAD_CHARS: usize = 700;

/// The kind of the report whose cleaned head is `head`.
pub fn detect_kind(head: &str) -> ReportKind {
    let lead: String = head.chars().take(LEAD_CHARS).collect();
    let own = OWN_TEXT.is_match(head);
    let news = !own && NEWS.is_match(&lead);
    let to_standing_committee = own && STANDING_COMMITTEE.is_match(&lead);
    match (news, subject(head)) {
        (false, Some(Subject::Plan)) if to_standing_committee => ReportKind::Execution,
        (_, Some(Subject::Tasks | Subject::Statistics)) => ReportKind::Other,
        (true, Some(Subject::Execution)) if !lead.contains("报告") => ReportKind::Execution,
        (true, _) => ReportKind::NewsDigest,
        (false, Some(Subject::Execution)) => ReportKind::Execution,
        (false, Some(Subject::WorkReport)) => ReportKind::WorkReport,
        (false, Some(Subject::Plan)) => ReportKind::Plan,
        (false, None) if SETS_TARGETS.iter().any(|w| lead.contains(w)) => ReportKind::WorkReport,
        (false, None) => ReportKind::Other,
    }
}

/// What the title says the text is about, else what its lead says: a task
/// table whenever it says so, else the subject named first.
fn subject(head: &str) -> Option<Subject> {
    let title: String = head.chars().take(TITLE_CHARS).collect();
    let lead: String = head.chars().take(LEAD_CHARS).collect();
    [&title, &lead]
        .iter()
        .find_map(|text| first_subject(text))
        .or_else(|| GOVERNOR_SAYS.is_match(&lead).then_some(Subject::WorkReport))
}

/// The subject whose words come first in `text`; a plan's name followed
/// within a few characters by progress words ("…计划执行情况", "…规划纲要》实施
/// 中期评估", "民生实事1-9月进度") is the progress report on it.
fn first_subject(text: &str) -> Option<Subject> {
    if text.contains("责任分解") {
        return Some(Subject::Tasks);
    }
    let first = |subject: Subject| -> Option<(usize, usize)> {
        let (_, words) = SUBJECTS.iter().find(|(s, _)| *s == subject)?;
        words
            .iter()
            .filter_map(|w| text.find(w).map(|start| (start, start + w.len())))
            .min()
    };
    let (_, subject) = SUBJECTS
        .iter()
        .filter_map(|(subject, _)| Some((first(*subject)?.0, *subject)))
        .min_by_key(|&(at, _)| at)?;
    if subject != Subject::Plan {
        return Some(subject);
    }
    let plan_end = first(Subject::Plan)?.1;
    let progress_follows = first_after(text, plan_end, Subject::Execution)
        .is_some_and(|at| text[plan_end..at].chars().count() <= PROGRESS_GAP);
    Some(if progress_follows {
        Subject::Execution
    } else {
        Subject::Plan
    })
}

/// Where the first word of `subject` at or after byte `from` starts.
fn first_after(text: &str, from: usize, subject: Subject) -> Option<usize> {
    let (_, words) = SUBJECTS.iter().find(|(s, _)| *s == subject)?;
    words
        .iter()
        .filter_map(|w| text[from..].find(w).map(|at| from + at))
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_decides_and_news_words_make_a_digest() {
        assert_eq!(
            detect_kind("2021年政府工作报告\n各位代表:现在,我代表市人民政府"),
            ReportKind::WorkReport
        );
        assert_eq!(
            detect_kind("本报讯(记者)1月20日,某省人大会议开幕,省长作政府工作报告。"),
            ReportKind::NewsDigest
        );
        assert_eq!(
            detect_kind("关于2018年计划执行情况与2019年计划草案的报告"),
            ReportKind::Execution
        );
        assert_eq!(
            detect_kind("某市统计局\n2017年,全市经济平稳"),
            ReportKind::Other
        );
    }
}
