//! Tracking targets across reports on real text: the 2021 plan of Wuchang
//! (fixture 001) and its mid-year execution report (fixture 003), and traps
//! (another region, another year, a rate against a level, no report).

use std::path::PathBuf;

use reportlens::document::Document;
use reportlens::tracking::{
    link_targets, Comparison, OpenReport, ReportKind, TargetRow, TargetStatus, TrackedReport,
};

const PLAN: &str = "tests/fixtures/001_0ace6510012baace.txt";
const MID_YEAR: &str = "tests/fixtures/003_8bb3dc6e5684670a.txt";

fn open(path: &str) -> OpenReport {
    let doc = Document::open(&PathBuf::from(path)).unwrap_or_else(|e| panic!("{e}"));
    OpenReport::new(PathBuf::from(path), doc, None)
}

fn tracked(reports: &[OpenReport]) -> Vec<TrackedReport> {
    reports.iter().map(|r| r.tracked.clone()).collect()
}

/// The row of the target of `reports[0]` whose text is `text`.
fn row<'a>(rows: &'a [TargetRow], reports: &[TrackedReport], text: &str) -> &'a TargetRow {
    rows.iter()
        .find(|r| r.target.report == 0 && reports[0].indicators[r.target.indicator].text == text)
        .unwrap_or_else(|| panic!("no target {text:?}"))
}

fn figure<'a>(reports: &'a [TrackedReport], row: &TargetRow) -> &'a str {
    let link = row.links.first().unwrap_or_else(|| panic!("no link"));
    &reports[link.actual.report].indicators[link.actual.indicator].text
}

#[test]
fn reports_are_recognised() {
    let plan = open(PLAN);
    let mid = open(MID_YEAR);
    assert_eq!(plan.tracked.info.kind, ReportKind::Plan);
    assert_eq!(mid.tracked.info.kind, ReportKind::Execution);
    assert_eq!(plan.tracked.info.region_key(), "武昌区");
    assert_eq!(mid.tracked.info.region_key(), "武昌区");
    assert_eq!(
        (plan.tracked.info.year, mid.tracked.info.year),
        (Some(2021), Some(2021))
    );
    assert_eq!(mid.tracked.coverage, 0.5);
}

#[test]
fn the_six_main_targets_of_2021_are_linked_to_the_half_year_figures() {
    let reports = tracked(&[open(PLAN), open(MID_YEAR)]);
    let rows = link_targets(&reports, &[]);
    let gdp = row(&rows, &reports, "地区生产总值增长7%");
    assert_eq!(figure(&reports, gdp), "同比增长22.3%");
    assert_eq!(gdp.status, TargetStatus::OnTrack);

    let revenue = row(&rows, &reports, "地方一般公共预算收入增长15%");
    assert_eq!(figure(&reports, revenue), "同比增长69.3%");
    assert_eq!(revenue.status, TargetStatus::OnTrack);

    let investment = row(&rows, &reports, "全社会固定资产投资300亿元");
    assert_eq!(figure(&reports, investment), "固定资产投资完成190.59亿元");
    assert_eq!(investment.status, TargetStatus::OnTrack);
    let completion = investment.completion.unwrap_or_default();
    assert!((completion - 0.6353).abs() < 5e-5, "{completion}");
    assert_eq!(investment.stated_completion, Some(0.6353));

    let projects = row(&rows, &reports, "实施重大项目210项");
    assert_eq!(figure(&reports, projects), "实施重大项目206项");
    assert_eq!(projects.status, TargetStatus::OnTrack);

    let project_investment = row(&rows, &reports, "年度计划投资270亿元以上");
    assert_eq!(figure(&reports, project_investment), "实现投资178.62亿元");
    assert_eq!(project_investment.stated_completion, Some(0.6616));
    let share = project_investment.completion.unwrap_or_default();
    assert!((share - 0.6616).abs() < 5e-5, "{share}");

    let income = row(&rows, &reports, "城镇居民人均可支配收入增长高于经济增长");
    assert_eq!(income.status, TargetStatus::NotComparable);
    assert!(
        !income.links.is_empty(),
        "the restated income goal is not linked"
    );
    assert!(
        gdp.links
            .iter()
            .all(|l| !matches!(l.comparison, Comparison::Completion { .. })),
        "a growth rate was compared with a level"
    );
}

/// Fixture 003 with `from` replaced by `to` everywhere, as another report.
fn edited_mid_year(from: &str, to: &str, name: &str) -> OpenReport {
    let text = std::fs::read_to_string(MID_YEAR).unwrap_or_else(|e| panic!("{e}"));
    let doc = Document::from_text(name, &text.replace(from, to));
    OpenReport::new(PathBuf::from(name), doc, None)
}

fn linked_reports(rows: &[TargetRow]) -> Vec<usize> {
    let mut linked: Vec<usize> = rows
        .iter()
        .filter(|r| r.target.report == 0)
        .flat_map(|r| r.links.iter().map(|l| l.actual.report))
        .collect();
    linked.sort();
    linked.dedup();
    linked
}

#[test]
fn the_same_metric_in_another_region_is_not_linked() {
    let other = edited_mid_year("武昌", "江汉", "江汉区上半年.txt");
    assert_eq!(other.tracked.info.region_key(), "江汉区");
    let reports = tracked(&[open(PLAN), other]);
    let rows = link_targets(&reports, &[]);
    assert!(
        linked_reports(&rows).is_empty(),
        "a Jianghan figure was linked to a Wuchang target"
    );
    let gdp = row(&rows, &reports, "地区生产总值增长7%");
    assert_eq!(gdp.status, TargetStatus::NotReported);
}

#[test]
fn the_same_metric_in_another_year_is_not_linked() {
    let next_year = edited_mid_year("2021年", "2022年", "武昌区2022年上半年.txt");
    assert_eq!(next_year.tracked.info.year, Some(2022));
    let reports = tracked(&[open(PLAN), next_year]);
    let rows = link_targets(&reports, &[]);
    assert!(
        linked_reports(&rows).is_empty(),
        "a 2022 figure was linked to a 2021 target"
    );
}

#[test]
fn a_target_no_report_speaks_of_is_not_reported() {
    let reports = tracked(&[open(PLAN), open(MID_YEAR)]);
    let rows = link_targets(&reports, &[]);
    let enterprises = row(&rows, &reports, "新增高新技术企业60家");
    assert_eq!(
        enterprises.status,
        TargetStatus::NotReported,
        "{:?}",
        enterprises.links
    );
    let alone = tracked(&[open(PLAN)]);
    let rows = link_targets(&alone, &[]);
    assert!(rows.iter().all(|r| r.status == TargetStatus::NotReported));
}

#[test]
fn the_reader_s_decisions_are_saved_and_survive_re_extraction() {
    use reportlens::tracking::{IndicatorKey, LinkDecision, Verdict, Workspace};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("ws.reportlens-workspace.json");
    let mut workspace = Workspace::of(&[PathBuf::from(PLAN), PathBuf::from(MID_YEAR)]);
    let (opened, errors) = workspace.open_reports();
    assert!(errors.is_empty(), "{errors:?}");
    let reports = tracked(&opened);
    let rows = link_targets(&reports, &[]);
    let investment = row(&rows, &reports, "全社会固定资产投资300亿元");
    let growth = investment
        .links
        .iter()
        .find(|l| reports[1].indicators[l.actual.indicator].text == "同比增长85.03%")
        .unwrap_or_else(|| panic!("no growth link"))
        .actual;
    let enterprises = row(&rows, &reports, "新增高新技术企业60家").target;
    let candidates = reports[1]
        .indicators
        .iter()
        .position(|i| i.text.contains("高新技术企业260家"))
        .unwrap_or_else(|| panic!("no 260 enterprises in 003"));
    let key = |at| IndicatorKey::of(&reports, at);
    workspace.decide(LinkDecision {
        target: key(investment.target),
        actual: key(growth),
        verdict: Verdict::Rejected,
    });
    workspace.decide(LinkDecision {
        target: key(enterprises),
        actual: key(reportlens::tracking::IndicatorRef {
            report: 1,
            indicator: candidates,
        }),
        verdict: Verdict::Added,
    });
    workspace
        .save(&file, None)
        .unwrap_or_else(|e| panic!("{e}"));

    let reloaded = Workspace::load(&file, reportlens::tracking::OutsideFolder::Allow)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reloaded.decisions, workspace.decisions);
    let (reopened, _) = reloaded.open_reports();
    let reports = tracked(&reopened);
    let rows = link_targets(&reports, &reloaded.decisions);
    let investment = row(&rows, &reports, "全社会固定资产投资300亿元");
    assert!(
        investment
            .links
            .iter()
            .all(|l| reports[1].indicators[l.actual.indicator].text != "同比增长85.03%"),
        "a rejected link came back"
    );
    let enterprises = row(&rows, &reports, "新增高新技术企业60家");
    let added = enterprises
        .links
        .first()
        .unwrap_or_else(|| panic!("the added link is gone"));
    assert_eq!(added.confidence, reportlens::tracking::Confidence::Manual);
    assert!(added.confirmed);
}

#[test]
fn kind_region_and_year_are_detected_across_regions_and_scripts() {
    let expected = [
        (
            "tests/fixtures/000_24bebe41ac3f3a2f.txt",
            ReportKind::NewsDigest,
            "武昌区",
            Some(2023),
        ),
        (
            "tests/fixtures/002_75357d4799bd6ebe.txt",
            ReportKind::WorkReport,
            "江岸区",
            Some(2025),
        ),
        (
            "tests/fixtures/heldout/heldout_a_national.txt",
            ReportKind::WorkReport,
            "全国",
            Some(2023),
        ),
        (
            "tests/fixtures/heldout/heldout_b_province.txt",
            ReportKind::Execution,
            "四川省",
            Some(2023),
        ),
        (
            "tests/fixtures/heldout/heldout_c_traditional.txt",
            ReportKind::WorkReport,
            "晋江市",
            Some(2024),
        ),
    ];
    for (path, kind, region, year) in expected {
        let info = open(path).tracked.info;
        assert_eq!(
            (info.kind, info.region_key().as_str(), info.year),
            (kind, region, year),
            "{path}: {info:?}"
        );
    }
}

/// A plan and the next year's work report of one district, as written here.
fn plan_and_review(plan: &str, review: &str) -> Vec<TrackedReport> {
    let report = |name: &str, text: &str| {
        let doc = Document::from_text(name, text);
        OpenReport::new(PathBuf::from(name), doc, None).tracked
    };
    vec![
        report(
            "plan.txt",
            &format!("江夏区2023年国民经济和社会发展计划\n一、主要预期目标\n{plan}\n"),
        ),
        report(
            "review.txt",
            &format!("江夏区2024年政府工作报告\n一、2023年工作回顾\n{review}\n"),
        ),
    ]
}

#[test]
fn a_fall_is_not_a_rise_and_a_ceiling_is_not_a_floor() {
    let reports = plan_and_review(
        "——一般公共预算收入增长5%；\n——单位地区生产总值能耗下降3%；\n——居民消费价格涨幅控制在3%左右。",
        "2023年，一般公共预算收入下降10.3%，单位地区生产总值能耗下降3.5%，居民消费价格上涨0.2%。",
    );
    let rows = link_targets(&reports, &[]);
    let status = |text: &str| row(&rows, &reports, text).status;
    assert_eq!(status("一般公共预算收入增长5%"), TargetStatus::Missed);
    assert_eq!(status("单位地区生产总值能耗下降3%"), TargetStatus::Met);
    assert_eq!(status("居民消费价格涨幅控制在3%左右"), TargetStatus::Met);
}

#[test]
fn reopening_the_same_reports_keeps_the_reader_s_settings_and_decisions() {
    use reportlens::tracking::{IndicatorKey, LinkDecision, ReportInfo, Verdict, Workspace};
    let paths = [PathBuf::from(PLAN), PathBuf::from(MID_YEAR)];
    let mut previous = Workspace::of(&paths);
    previous.reports[1].info = Some(ReportInfo {
        kind: ReportKind::Execution,
        region: "武昌区".into(),
        issuer: "区发改局".into(),
        year: Some(2021),
    });
    let key = |text: &str| IndicatorKey {
        report: "x.txt".into(),
        start: 0,
        text: text.into(),
    };
    previous.decide(LinkDecision {
        target: key("a"),
        actual: key("b"),
        verdict: Verdict::Rejected,
    });
    let mut reopened = Workspace::of(&paths);
    reopened.carry_over(&previous);
    assert_eq!(reopened.reports[1].info, previous.reports[1].info);
    assert_eq!(reopened.reports[0].info, None);
    assert_eq!(reopened.decisions, previous.decisions);
}

#[test]
fn reports_of_one_file_name_in_two_folders_keep_their_own_decisions() {
    use reportlens::tracking::{IndicatorKey, LinkDecision, Verdict, Workspace};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut paths = vec![PathBuf::from(PLAN)];
    for folder in ["a", "b"] {
        let text = std::fs::read_to_string(MID_YEAR).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(folder).join("上半年.txt");
        std::fs::create_dir_all(dir.path().join(folder)).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        paths.push(path);
    }
    let mut workspace = Workspace::of(&paths);
    let (opened, _) = workspace.open_reports();
    let names: Vec<&str> = opened.iter().map(|r| r.tracked.name.as_str()).collect();
    assert_eq!(names[1..], ["a/上半年.txt", "b/上半年.txt"]);
    let reports = tracked(&opened);
    let rows = link_targets(&reports, &[]);
    let investment = row(&rows, &reports, "全社会固定资产投资300亿元");
    let in_folder = |report: usize| {
        investment
            .links
            .iter()
            .find(|l| {
                l.actual.report == report
                    && l.comparison != reportlens::tracking::Comparison::NotComparable
            })
            .map(|l| l.actual)
            .unwrap_or_else(|| panic!("no figure from report {report}"))
    };
    let (kept, figure) = (in_folder(1), in_folder(2));
    workspace.decide(LinkDecision {
        target: IndicatorKey::of(&reports, investment.target),
        actual: IndicatorKey::of(&reports, figure),
        verdict: Verdict::Rejected,
    });
    let rows = link_targets(&reports, &workspace.decisions);
    let investment = row(&rows, &reports, "全社会固定资产投资300亿元");
    assert!(
        investment.links.iter().all(|l| l.actual != figure),
        "the rejection did not apply"
    );
    assert!(
        investment.links.iter().any(|l| l.actual == kept),
        "the other folder's figure was rejected too"
    );
}

#[test]
fn the_next_year_s_work_report_reviews_the_past_year_without_naming_it() {
    let reports = plan_and_review(
        "——一般公共预算收入增长5%；",
        "过去一年，我们攻坚克难，全区一般公共预算收入增长8%。",
    );
    let rows = link_targets(&reports, &[]);
    let revenue = row(&rows, &reports, "一般公共预算收入增长5%");
    assert_eq!(revenue.status, TargetStatus::Met, "{:?}", revenue.links);
}

/// A province's work report of 2023 setting targets, and a news digest of
/// its 2024 work report reviewing them: test sentences written here.
fn work_report_and_digest() -> Vec<TrackedReport> {
    let report = |name: &str, text: &str| {
        let doc = Document::from_text(name, text);
        OpenReport::new(PathBuf::from(name), doc, None).tracked
    };
    vec![
        report(
            "2023.txt",
            "浙江省2023年政府工作报告\n二、2023年主要预期目标\n全省生产总值增长5%左右；城镇新增就业100万人以上；一般公共预算收入增长5%。\n",
        ),
        report(
            "digest.txt",
            "本报杭州1月14日讯 浙江省十四届人大二次会议今天开幕，省长作政府工作报告。\n报告指出，过去一年，全省生产总值增长6%，城镇新增就业120万人，一般公共预算收入增长7.5%。\n",
        ),
    ]
}

#[test]
fn a_digest_of_the_next_work_report_reports_on_the_year_s_targets() {
    let reports = work_report_and_digest();
    assert_eq!(
        reports[1].info.kind,
        ReportKind::NewsDigest,
        "{:?}",
        reports[1].info
    );
    assert_eq!(reports[1].info.year, Some(2024), "{:?}", reports[1].info);
    let rows = link_targets(&reports, &[]);
    for (target, actual) in [
        ("全省生产总值增长5%左右", "全省生产总值增长6%"),
        ("城镇新增就业100万人以上", "城镇新增就业120万人"),
        ("一般公共预算收入增长5%", "一般公共预算收入增长7.5%"),
    ] {
        let row = row(&rows, &reports, target);
        assert_eq!(row.status, TargetStatus::Met, "{target}: {:?}", row.links);
        assert!(
            figure(&reports, row).contains(actual.trim_start_matches("全省")),
            "{target}"
        );
    }
}

/// An excerpt of a work report that names neither its region nor its year
/// ("今年我区…"), and a digest of the next year's report giving results in a
/// "分别" list: test sentences written here.
fn excerpt_and_digest() -> Vec<TrackedReport> {
    let report = |name: &str, text: &str| {
        let doc = Document::from_text(name, text);
        OpenReport::new(PathBuf::from(name), doc, None).tracked
    };
    vec![
        report(
            "excerpt.txt",
            "本年度全区发展的预期指标定为：地区生产总值增长6%左右；固定资产投资增长10%左右；社会消费品零售总额增长9%左右；进出口总额增长8%左右；城镇居民人均可支配收入增长6%左右；农村居民人均可支配收入增长7%左右。\n",
        ),
        report(
            "digest.txt",
            "本报南宁1月18日电 广西壮族自治区第十六届人民代表大会第三次会议上午开幕，自治区主席向大会作政府工作报告。\n过去一年，全区地区生产总值增长5.2%，固定资产投资、社会消费品零售总额、进出口总额分别增长11.3%、8.1%和12.6%，城乡居民人均可支配收入分别增长5.8%、7.4%。\n",
        ),
    ]
}

#[test]
fn an_excerpt_that_names_no_region_or_year_is_tracked_by_the_report_after_it() {
    let reports = excerpt_and_digest();
    assert_eq!(reports[0].info.year, None, "{:?}", reports[0].info);
    let rows = link_targets(&reports, &[]);
    for (target, actual, status) in [
        ("地区生产总值增长6%左右", "5.2%", TargetStatus::Missed),
        ("固定资产投资增长10%左右", "11.3%", TargetStatus::Met),
        ("社会消费品零售总额增长9%左右", "8.1%", TargetStatus::Missed),
        ("进出口总额增长8%左右", "12.6%", TargetStatus::Met),
        (
            "城镇居民人均可支配收入增长6%左右",
            "5.8%",
            TargetStatus::Missed,
        ),
        (
            "农村居民人均可支配收入增长7%左右",
            "7.4%",
            TargetStatus::Met,
        ),
    ] {
        let row = row(&rows, &reports, target);
        assert_eq!(row.year, Some(2034), "{target}");
        assert!(
            figure(&reports, row).ends_with(actual),
            "{target}: {:?}",
            figure(&reports, row)
        );
        assert_eq!(row.status, status, "{target}");
    }
}

#[test]
fn with_several_regions_a_report_of_no_region_is_linked_to_none() {
    let mut reports = excerpt_and_digest();
    let other = Document::from_text(
        "other.txt",
        "本报杭州1月15日讯 浙江省第十六届人民代表大会第三次会议上午开幕。\n过去一年，全省地区生产总值增长6%。\n",
    );
    reports.push(OpenReport::new(PathBuf::from("other.txt"), other, None).tracked);
    let rows = link_targets(&reports, &[]);
    let growth = row(&rows, &reports, "地区生产总值增长6%左右");
    assert!(growth.links.is_empty(), "{:?}", growth.links);
}

#[test]
fn a_ceiling_on_a_rate_written_in_traditional_script_compares_as_a_rate() {
    let report = |name: &str, text: &str| {
        let doc = Document::from_text(name, text);
        OpenReport::new(PathBuf::from(name), doc, None).tracked
    };
    let reports = vec![
        report(
            "plan.txt",
            "測試省2034年政府工作報告\n今年預期目標:城鎮調查失業率控制在5.5%以內,居民消費價格漲幅控制在2.5%左右。\n",
        ),
        report(
            "review.txt",
            "测试省2035年政府工作报告\n过去一年,居民消费价格上涨1.4%,城镇调查失业率5.1%。\n",
        ),
    ];
    let rows = link_targets(&reports, &[]);
    let prices = row(&rows, &reports, "居民消費價格漲幅控制在2.5%左右");
    assert_eq!(prices.status, TargetStatus::Met, "{:?}", prices.links);
}
