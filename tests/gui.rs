//! GUI tests: the whole window driven through egui_kittest, with widgets found
//! by their accessible names (the reader gives each painted paragraph a Label
//! node holding its text; paragraphs out of view are not painted, so their
//! presence in the tree tells what the reader shows).
//!
//! The harness panics on a glyph no installed font can draw (egui_kittest's
//! default `MissingGlyphPolicy::Panic`), so every test also checks that the
//! bundled fonts cover the Chinese text it shows.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use reportlens::annotations::{sidecar, Anchor, Annotation, Colour, DocumentInfo, Sidecar, Status};
use reportlens::document::Document;
use reportlens::gui::{ReportLensApp, Settings};

/// The sample's title paragraph.
const TITLE: &str = "武昌区2021年国民经济和社会发展计划";
/// Words of a paragraph near the end of the sample, in section (五).
const LATE_PARAGRAPH: &str = "新建一家500张床位养老服务中心";
/// The last heading of the sample.
const LAST_HEADING: &str = "(六)建设服务政府,促进治理体系新发展";
/// Words of the first paragraph under [`LAST_HEADING`].
const UNDER_LAST_HEADING: &str = "深化自我革新建设";
/// How long a file may take to open.
const LOAD_TIMEOUT: Duration = Duration::from_secs(20);

/// A 1400×900 window showing `app`.
fn harness(app: ReportLensApp) -> Harness<'static, ReportLensApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        // A selected indicator flashes for 1.5 s and the reader re-measures
        // paragraphs as they come into view: allow the frames that takes.
        .with_max_steps(64)
        .build_ui_state(|ui, app: &mut ReportLensApp| app.ui(ui), app)
}

/// A window whose notes for the sample and read-only folders go to a fresh
/// temporary folder (kept until the test process ends), not the user's.
fn app() -> ReportLensApp {
    let data = tempfile::tempdir()
        .unwrap_or_else(|e| panic!("temp dir: {e}"))
        .keep();
    ReportLensApp::new(Settings::default()).with_data_dir(data)
}

/// A window on the bundled sample, settled.
fn sample() -> Harness<'static, ReportLensApp> {
    let mut app = app();
    app.open_sample();
    let mut harness = harness(app);
    harness.run();
    harness
}

/// Opens `path` the way the window does (in the background) and waits for it.
fn open(harness: &mut Harness<'static, ReportLensApp>, path: &Path) {
    let ctx = harness.ctx.clone();
    harness.state_mut().open(path.to_path_buf(), &ctx);
    let started = Instant::now();
    while harness.state().is_loading() {
        assert!(
            started.elapsed() < LOAD_TIMEOUT,
            "{} still loading after {LOAD_TIMEOUT:?}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
}

/// The texts of the Label nodes (painted paragraphs and plain labels) for which `wanted` holds.
fn labels(harness: &Harness<'static, ReportLensApp>, wanted: impl Fn(&str) -> bool) -> Vec<String> {
    harness
        .query_all_by(|node| node.role() == Role::Label)
        .filter_map(|node| node.value())
        .filter(|text| wanted(text))
        .collect()
}

/// True when a paragraph containing `words` is painted (at most one may contain them).
fn shows_paragraph(harness: &Harness<'static, ReportLensApp>, words: &str) -> bool {
    let found = labels(harness, |text| text.contains(words));
    assert!(
        found.len() <= 1,
        "several labels contain {words:?}: {found:?}"
    );
    !found.is_empty()
}

/// True when a node labelled exactly `label` is in the tree.
fn shows(harness: &Harness<'static, ReportLensApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

/// The text of the find bar's match count ("3/17").
fn find_count(harness: &Harness<'static, ReportLensApp>) -> String {
    let is_count = |text: &str| {
        text.split_once('/')
            .is_some_and(|(a, b)| a.parse::<usize>().is_ok() && b.parse::<usize>().is_ok())
    };
    match labels(harness, is_count).as_slice() {
        [count] => count.clone(),
        other => panic!("expected one match count label, found {other:?}"),
    }
}

#[test]
fn sample_shows_its_indicators_in_the_table_and_the_status_bar() {
    let harness = sample();
    let view = harness
        .state()
        .view()
        .unwrap_or_else(|| panic!("the sample did not open"));
    assert_eq!(view.indicators.len(), 20);
    assert!(shows(&harness, "全社会固定资产投资"), "metric cell missing");
    assert!(shows(&harness, "300"), "value cell missing");
    assert!(shows(&harness, "亿元"), "unit cell missing");
    assert!(shows(&harness, "显示 20 / 20"), "row count missing");
    assert!(shows(&harness, "目标 20"), "status bar count missing");
    assert!(shows(&harness, TITLE), "title paragraph missing");
}

#[test]
fn clicking_a_table_row_scrolls_the_text_to_the_indicator() {
    let mut harness = sample();
    assert!(
        !shows_paragraph(&harness, LATE_PARAGRAPH),
        "the late paragraph is painted before any scrolling"
    );
    harness.get_by_label("床位养老服务中心").click();
    harness.run();
    assert!(
        shows_paragraph(&harness, LATE_PARAGRAPH),
        "the row click did not bring its paragraph into view"
    );
    assert!(!shows(&harness, TITLE), "the title is still in view");
}

#[test]
fn filter_text_narrows_the_table() {
    let mut harness = sample();
    assert!(shows(&harness, "全社会固定资产投资"));
    let filter = harness.get_by_label("筛选指标");
    filter.click();
    filter.type_text("道路");
    harness.run();
    assert!(shows(&harness, "显示 1 / 20"), "row count did not change");
    assert!(!shows(&harness, "显示 20 / 20"));
    assert!(shows(&harness, "微循环道路"), "the matching row is gone");
    assert!(
        !shows(&harness, "全社会固定资产投资"),
        "a row that does not match is still shown"
    );
}

#[test]
fn category_filter_narrows_the_table() {
    let mut harness = sample();
    assert!(shows(&harness, "地区生产总值"));
    harness
        .get_by_role_and_label(Role::ComboBox, "类别")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "城市建设")
        .click();
    harness.run();
    assert!(shows(&harness, "显示 6 / 20"), "row count did not change");
    assert!(
        shows(&harness, "房屋征收"),
        "an urban construction row is gone"
    );
    assert!(
        !shows(&harness, "地区生产总值"),
        "an economy row is still shown"
    );
}

#[test]
fn find_counts_matches_and_enter_steps_to_the_next() {
    let mut harness = sample();
    assert!(harness.query_by_label("查找").is_none(), "find bar open");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let query = harness.get_by_label("查找");
    assert!(query.is_focused(), "Ctrl+F did not focus the find box");
    query.type_text("武昌");
    harness.run();
    let count = find_count(&harness);
    let total: usize = count
        .strip_prefix("1/")
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("expected 1/N, found {count:?}"));
    assert!(total > 1, "only {total} match of 武昌");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(find_count(&harness), format!("2/{total}"));
}

/// Opens the bad file `path` over the sample and checks the error and the sample.
fn check_bad_file_keeps_the_sample(path: &Path) {
    let mut harness = sample();
    open(&mut harness, path);
    let name = path
        .file_name()
        .unwrap_or_else(|| panic!("{} has no file name", path.display()))
        .to_string_lossy()
        .into_owned();
    let errors = labels(&harness, |text| {
        text.contains("无法打开文件") && text.contains(name.as_str())
    });
    assert_eq!(errors.len(), 1, "no error naming {name}: {errors:?}");
    assert!(harness.state().error().is_some());
    let view = harness
        .state()
        .view()
        .unwrap_or_else(|| panic!("the sample was closed"));
    assert_eq!(view.path, None, "the sample was replaced");
    assert!(shows(&harness, TITLE), "the sample's title is gone");
}

#[test]
fn missing_file_shows_an_error_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    check_bad_file_keeps_the_sample(&dir.path().join("不存在的报告.txt"));
}

#[test]
fn binary_file_shows_an_error_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path: PathBuf = dir.path().join("binary.txt");
    std::fs::write(&path, b"abc\0\0\0def\0ghi").unwrap_or_else(|e| panic!("write: {e}"));
    check_bad_file_keeps_the_sample(&path);
}

#[test]
fn outline_click_scrolls_to_the_heading() {
    let mut harness = sample();
    assert!(!shows_paragraph(&harness, UNDER_LAST_HEADING));
    harness
        .get_by_role_and_label(Role::Button, LAST_HEADING)
        .click();
    harness.run();
    assert!(
        shows_paragraph(&harness, UNDER_LAST_HEADING),
        "the heading click did not bring its section into view"
    );
}

#[test]
fn ctrl_plus_zooms_the_text() {
    let mut harness = sample();
    let before = harness.get_by_label(TITLE).rect();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    harness.run();
    let zoom = harness.state().settings.zoom;
    assert!(zoom > 1.0, "zoom is {zoom}");
    let after = harness.get_by_label(TITLE).rect();
    assert!(
        after.height() > before.height() * 1.05,
        "title height {} -> {}",
        before.height(),
        after.height()
    );
}

/// A paragraph of fixture 001 near the top of the text.
const REQUIREMENTS: &str = "2021年全区国民经济和社会发展总体要求";
/// A one-line target paragraph of fixture 001.
const INVESTMENT_LINE: &str = "——全社会固定资产投资300亿元;";

/// Fixture 001 copied into a fresh folder, with the window's data folder beside it.
fn report_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.path().join("武昌计划.txt");
    std::fs::copy("tests/fixtures/001_0ace6510012baace.txt", &path)
        .unwrap_or_else(|e| panic!("copy fixture: {e}"));
    (dir, path)
}

/// A window with `path` open.
fn window_on(path: &Path) -> Harness<'static, ReportLensApp> {
    let mut harness = harness(app());
    open(&mut harness, path);
    harness
}

/// Drags across the first line of the painted paragraph containing `words`,
/// from `from` to `to` points right of its left edge.
fn drag_across(harness: &mut Harness<'static, ReportLensApp>, words: &str, from: f32, to: f32) {
    let rect = harness
        .query_all_by(|node| {
            node.role() == Role::Label && node.value().is_some_and(|v| v.contains(words))
        })
        .next()
        .unwrap_or_else(|| panic!("no painted paragraph contains {words:?}"))
        .rect();
    let y = rect.top() + 10.0;
    harness.hover_at(egui::pos2(rect.left() + from, y));
    harness.drag_at(egui::pos2(rect.left() + from, y));
    harness.step();
    for step in 1..=4 {
        let x = rect.left() + from + (to - from) * step as f32 / 4.0;
        harness.hover_at(egui::pos2(x, y));
        harness.step();
    }
    harness.drop_at(egui::pos2(rect.left() + to, y));
    harness.run();
}

/// The sidecar next to `report`, parsed, once the autosave has written it
/// with `count` annotations (the frames advance the window's clock).
fn saved_sidecar(
    harness: &mut Harness<'static, ReportLensApp>,
    report: &Path,
    count: usize,
) -> Sidecar {
    let path = report.with_file_name(format!(
        "{}.reportlens.json",
        report
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    ));
    for _ in 0..240 {
        harness.step();
        let parsed = std::fs::read(&path)
            .ok()
            .and_then(|bytes| sidecar::parse(&bytes).ok());
        if let Some(sidecar) =
            parsed.filter(|s| s.annotations.len() == count && !harness.state().notes_dirty())
        {
            return sidecar;
        }
    }
    panic!("{} never held {count} annotations", path.display());
}

#[test]
fn annotations_made_in_the_window_are_saved_and_shown_again() {
    let (_dir, report) = report_copy();
    let mut harness = window_on(&report);
    drag_across(&mut harness, REQUIREMENTS, 2.0, 240.0);
    assert!(
        shows(&harness, "绿"),
        "no colour toolbar beside the selection"
    );
    harness.key_press(Key::Num2);
    harness.run();
    let highlight = match harness.state().annotations() {
        [only] => only.clone(),
        other => panic!("expected one highlight, found {other:?}"),
    };
    assert_eq!(highlight.colour, Colour::Green);
    let quote = &highlight.anchor.quote.exact;
    assert!(
        quote.chars().count() >= 5
            && REQUIREMENTS.starts_with(&quote[..quote.len().min(REQUIREMENTS.len())])
            || quote.starts_with(REQUIREMENTS),
        "quote {quote:?}"
    );

    drag_across(&mut harness, INVESTMENT_LINE, 1.0, 400.0);
    harness.key_press(Key::N);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "笔记")
        .type_text("年度投资目标");
    harness.run();
    let tags = harness.get_by_role_and_label(Role::TextInput, "标签");
    tags.click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "标签")
        .type_text("投资");
    harness.key_press(Key::Enter);
    harness.run();
    let noted = |harness: &Harness<'static, ReportLensApp>| {
        harness
            .state()
            .annotations()
            .iter()
            .find(|a| a.anchor.quote.exact.contains("固定资产投资"))
            .cloned()
            .unwrap_or_else(|| panic!("the second passage was not annotated"))
    };
    assert_eq!(noted(&harness).note, "年度投资目标");
    assert_eq!(noted(&harness).tags, ["投资"]);

    harness.get_by_role_and_label(Role::Button, "完成").click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        noted(&harness).tags.is_empty(),
        "Ctrl+Z did not remove the tag"
    );
    assert_eq!(
        noted(&harness).note,
        "年度投资目标",
        "Ctrl+Z undid more than one change"
    );

    let saved = saved_sidecar(&mut harness, &report, 2);
    assert!(saved
        .annotations
        .iter()
        .any(|a| a.note == "年度投资目标" && a.tags.is_empty()));
    assert!(saved.annotations.iter().any(|a| a.colour == Colour::Green));

    let mut reopened = window_on(&report);
    assert_eq!(reopened.state().annotations(), saved.annotations.as_slice());
    reopened.get_by_label("批注 (2)").click();
    reopened.run();
    assert!(
        !labels(&reopened, |t| t == "年度投资目标").is_empty(),
        "the notes tab does not list the note"
    );
}

#[test]
fn clicking_an_indicator_offers_to_track_it_with_a_status() {
    let (_dir, report) = report_copy();
    let mut harness = window_on(&report);
    let view = harness.state().view().unwrap_or_else(|| panic!("not open"));
    let indicator = view
        .indicators
        .iter()
        .find(|i| i.text.contains("全社会固定资产投资300亿元"))
        .unwrap_or_else(|| panic!("no investment target"))
        .clone();
    let rect = harness.get_by_label(INVESTMENT_LINE).rect();
    harness.get_by_label(INVESTMENT_LINE).hover();
    harness.run();
    let on_indicator = egui::pos2(rect.left() + 60.0, rect.top() + 10.0);
    harness.hover_at(on_indicator);
    harness.drag_at(on_indicator);
    harness.step();
    harness.drop_at(on_indicator);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "跟踪此目标")
        .click();
    harness.run();
    let tracked = harness
        .state()
        .annotations()
        .iter()
        .find(|a| a.indicator.is_some())
        .cloned()
        .unwrap_or_else(|| panic!("no tracking annotation"));
    assert_eq!(tracked.anchor.quote.exact, indicator.text);
    assert_eq!(tracked.status, Some(Status::NotStarted));
    harness
        .get_by_role_and_label(Role::ComboBox, "状态")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "进行中")
        .click();
    harness.run();
    let saved = saved_sidecar(&mut harness, &report, 1);
    assert_eq!(saved.annotations[0].status, Some(Status::InProgress));
    assert_eq!(
        saved.annotations[0]
            .indicator
            .as_ref()
            .map(|i| i.value.as_str()),
        Some("300")
    );
}

#[test]
fn ctrl_c_copies_the_selection_across_paragraphs() {
    let mut harness = sample();
    drag_across(&mut harness, REQUIREMENTS, 2.0, 120.0);
    harness.event(egui::Event::Copy);
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied.len(), 1, "{copied:?}");
    assert!(
        REQUIREMENTS.starts_with(copied[0].as_str()) && copied[0].chars().count() >= 3,
        "{copied:?}"
    );
}

/// Writes a sidecar beside `report` with a green tagged highlight on
/// [`REQUIREMENTS`], a pink note on [`INVESTMENT_LINE`] and a blue one on
/// [`LATE_PARAGRAPH`].
fn seed_notes(report: &Path) {
    let doc = Document::open(report).unwrap_or_else(|e| panic!("{e}"));
    let chars: Vec<char> = doc.text.chars().collect();
    let annotate = |quote: &str, colour: Colour, note: &str, tags: &[&str]| {
        let start = doc
            .text
            .find(quote)
            .map(|byte| doc.text[..byte].chars().count())
            .unwrap_or_else(|| panic!("{quote:?} not in the report"));
        let mut annotation = Annotation::new(
            Anchor::capture(&chars, start, start + quote.chars().count()),
            colour,
        );
        annotation.note = note.into();
        annotation.tags = tags.iter().map(|t| t.to_string()).collect();
        annotation
    };
    let notes = vec![
        annotate(REQUIREMENTS, Colour::Green, "", &["总体要求"]),
        annotate(
            "全社会固定资产投资300亿元",
            Colour::Pink,
            "投资目标偏高",
            &["投资"],
        ),
        annotate(LATE_PARAGRAPH, Colour::Blue, "养老床位", &["民生"]),
    ];
    let sidecar = Sidecar::new(DocumentInfo::of(&doc), notes);
    let mut name = report.as_os_str().to_owned();
    name.push(".reportlens.json");
    std::fs::write(PathBuf::from(name), sidecar.to_bytes()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn notes_tab_filters_jumps_and_deletes_with_undo() {
    let (_dir, report) = report_copy();
    seed_notes(&report);
    let mut harness = window_on(&report);
    assert_eq!(harness.state().annotations().len(), 3);
    harness.get_by_label("批注 (3)").click();
    harness.run();
    let listed = |harness: &Harness<'static, ReportLensApp>, note: &str| {
        !labels(harness, |t| t == note).is_empty()
    };
    assert!(listed(&harness, "投资目标偏高") && listed(&harness, "养老床位"));

    let filter = harness.get_by_label("筛选批注");
    filter.click();
    filter.type_text("养老");
    harness.run();
    assert!(listed(&harness, "养老床位"), "the matching note is gone");
    assert!(
        !listed(&harness, "投资目标偏高"),
        "a note that does not match is listed"
    );

    // The list shows the quote alone; the reader paints the whole paragraph around it.
    let paragraph_painted = |harness: &Harness<'static, ReportLensApp>| {
        !labels(harness, |t| {
            t.contains(LATE_PARAGRAPH) && t != LATE_PARAGRAPH
        })
        .is_empty()
    };
    assert!(!paragraph_painted(&harness));
    harness.get_by_label(LATE_PARAGRAPH).click();
    harness.run();
    assert!(
        paragraph_painted(&harness),
        "the click did not jump to the passage"
    );
    harness.get_by_role_and_label(Role::Button, "完成").click();
    harness.run();

    harness.get_by_role_and_label(Role::Button, "删除").click();
    harness.run();
    assert_eq!(harness.state().annotations().len(), 2);
    assert!(!listed(&harness, "养老床位"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness.state().annotations().len(),
        3,
        "Ctrl+Z did not bring the note back"
    );
    assert!(listed(&harness, "养老床位"));
}

const PLAN: &str = "tests/fixtures/001_0ace6510012baace.txt";
const MID_YEAR: &str = "tests/fixtures/003_8bb3dc6e5684670a.txt";
/// The metrics of the six main targets of the 2021 plan.
const MAIN_TARGETS: [&str; 6] = [
    "地区生产总值",
    "地方一般公共预算收入",
    "全社会固定资产投资",
    "重大项目",
    "年度计划投资",
    "城镇居民人均可支配收入",
];

/// A window with the plan and its mid-year report open as a workspace.
fn workspace() -> Harness<'static, ReportLensApp> {
    let mut harness = sample();
    let ctx = harness.ctx.clone();
    let paths = vec![PathBuf::from(PLAN), PathBuf::from(MID_YEAR)];
    harness.state_mut().open_reports_as_workspace(paths, &ctx);
    let started = Instant::now();
    while harness.state().is_loading() {
        assert!(
            started.elapsed() < LOAD_TIMEOUT,
            "the workspace is still opening"
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    harness
}

#[test]
fn targets_tab_shows_the_plan_s_targets_filters_them_and_opens_the_evidence() {
    let mut harness = workspace();
    for metric in MAIN_TARGETS {
        assert!(
            shows(&harness, metric),
            "the targets tab has no row for {metric}"
        );
    }
    let investment = "固定资产投资完成190.59亿元（003_8bb3dc6e5684670a.txt）";
    assert!(
        shows(&harness, investment),
        "the half-year investment is not linked"
    );
    assert!(
        !labels(&harness, |t| t.contains("个目标：")
            && t.contains("进度正常"))
        .is_empty(),
        "no summary line"
    );

    harness
        .get_by_role_and_label(Role::ComboBox, "状态")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "不可比")
        .click();
    harness.run();
    assert!(
        shows(&harness, "城镇居民人均可支配收入"),
        "a not-comparable target is filtered out"
    );
    assert!(
        !shows(&harness, "全社会固定资产投资"),
        "an on-track target is still shown"
    );

    harness
        .get_by_role_and_label(Role::ComboBox, "状态")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "全部状态")
        .click();
    harness.run();
    harness.get_by_label(investment).click();
    let started = Instant::now();
    while harness.state().is_loading()
        || harness.state().view().and_then(|v| v.path.clone()) != Some(PathBuf::from(MID_YEAR))
    {
        assert!(
            started.elapsed() < LOAD_TIMEOUT,
            "the execution report did not open"
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    assert!(
        !labels(&harness, |t| t.contains("固定资产投资完成190.59亿元")
            && t.len() > investment.len())
        .is_empty(),
        "the paragraph of the figure is not in view"
    );
}

#[test]
fn rejecting_a_link_in_the_targets_tab_removes_it_and_saves_the_decision() {
    let mut harness = workspace();
    let growth = "同比增长85.03%（003_8bb3dc6e5684670a.txt）";
    assert!(
        shows(&harness, growth),
        "the growth figure is not linked to the investment target"
    );
    let row_y = harness.get_by_label(growth).rect().center().y;
    let reject = harness
        .query_all_by_label("否决")
        .min_by(|a, b| {
            let distance = |n: &egui_kittest::Node<'_>| (n.rect().center().y - row_y).abs();
            distance(a).total_cmp(&distance(b))
        })
        .unwrap_or_else(|| panic!("no reject button"));
    reject.click();
    harness.run();
    assert!(!shows(&harness, growth), "the rejected link is still shown");
    let targets = harness
        .state()
        .targets()
        .unwrap_or_else(|| panic!("no workspace"));
    let saved = reportlens::tracking::Workspace::load(
        &targets.file,
        reportlens::tracking::OutsideFolder::Allow,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        saved
            .decisions
            .iter()
            .any(|d| d.actual.text == "同比增长85.03%"
                && d.verdict == reportlens::tracking::Verdict::Rejected),
        "the rejection is not in the workspace file"
    );
}

#[test]
fn hovering_a_target_in_the_reader_shows_where_the_workspace_says_it_stands() {
    let mut harness = workspace();
    open(&mut harness, Path::new(PLAN));
    harness.get_by_label("阅读").click();
    harness.run();
    let line = harness.get_by_label(INVESTMENT_LINE).rect();
    harness.hover_at(egui::pos2(line.left() + 60.0, line.top() + 10.0));
    harness.run();
    assert!(
        shows(&harness, "进度正常 · 63.53%"),
        "the tooltip does not show the target's progress"
    );
}

/// A workspace file in a fresh folder's `ws/` naming `../plan.txt`, a copy of the plan.
fn workspace_naming_a_report_outside_its_folder() -> PathBuf {
    let dir = tempfile::tempdir()
        .unwrap_or_else(|e| panic!("temp dir: {e}"))
        .keep();
    std::fs::copy(PLAN, dir.join("plan.txt")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::create_dir_all(dir.join("ws")).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("ws").join("ws.json");
    let json =
        r#"{"format": "reportlens-workspace", "version": 1, "reports": [{"path": "../plan.txt"}]}"#;
    std::fs::write(&file, json).unwrap_or_else(|e| panic!("{e}"));
    file
}

#[test]
fn a_workspace_naming_reports_outside_its_folder_asks_before_reading_them() {
    for (answer, opened) in [("取消", false), ("仍然打开", true)] {
        let mut harness = sample();
        let ctx = harness.ctx.clone();
        let file = workspace_naming_a_report_outside_its_folder();
        harness.state_mut().open_workspace_file(
            &file,
            reportlens::tracking::OutsideFolder::Refuse,
            &ctx,
        );
        harness.run();
        assert!(
            shows(&harness, "工作区引用了其文件夹以外的文件"),
            "no question asked"
        );
        assert!(shows(&harness, "../plan.txt"), "the report is not named");
        assert!(harness.state().targets().is_none(), "read before asking");
        harness.get_by_label(answer).click();
        // The question fades out over a few frames while the workspace opens.
        harness.run_steps(8);
        let started = Instant::now();
        while harness.state().is_loading() {
            assert!(started.elapsed() < LOAD_TIMEOUT, "still opening");
            std::thread::sleep(Duration::from_millis(10));
            harness.step();
        }
        harness.run();
        assert_eq!(harness.state().targets().is_some(), opened, "{answer}");
        assert!(!shows(&harness, "工作区引用了其文件夹以外的文件"));
    }
}

#[test]
fn a_report_with_a_bad_byte_opens_and_says_where_the_byte_is() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.path().join("damaged.txt");
    let mut bytes = std::fs::read(PLAN).unwrap_or_else(|e| panic!("{e}"));
    let line_end = bytes.iter().position(|&b| b == b'\n').unwrap_or_default();
    bytes.insert(line_end, 0xff);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let mut harness = sample();
    open(&mut harness, &path);
    let warnings = labels(&harness, |t| t.contains("无效的 UTF-8 字节"));
    assert!(
        warnings.iter().any(|w| w.contains(&format!(
            "1 个无效的 UTF-8 字节，位于第 {line_end} 字节（第 1 行）"
        ))),
        "no warning naming the byte: {warnings:?}"
    );
    assert!(harness.state().view().is_some(), "the report did not open");
    harness.get_by_label("关闭").click();
    harness.run();
    assert!(labels(&harness, |t| t.contains("无效的 UTF-8 字节")).is_empty());
}

/// A small PDF of several pages.
const PAGED_PDF: &str = "tests/fixtures/formats/a_txt003.pdf";

/// Presses Ctrl+G, types `page` into the prompt and presses Enter.
fn go_to_page(harness: &mut Harness<'static, ReportLensApp>, page: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::G);
    harness.run();
    let prompt = harness.get_by_role_and_label(Role::TextInput, "转到页…");
    assert!(prompt.is_focused(), "Ctrl+G did not focus the page box");
    prompt.type_text(page);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

#[test]
fn a_pdf_shows_its_page_in_the_status_bar_and_ctrl_g_goes_to_a_page() {
    let doc = Document::open(Path::new(PAGED_PDF)).unwrap_or_else(|e| panic!("{e}"));
    let total = doc.page_count();
    // The last page with text on it: its first block may sit below the top
    // of the view (the text ends), yet it is the page gone to.
    let last = doc.blocks.last().and_then(|b| b.page).unwrap_or_default();
    assert!(last >= 2, "{PAGED_PDF} has text on {last} pages");
    let mut harness = window_on(Path::new(PAGED_PDF));
    assert!(shows(&harness, &format!("第1页 / 共{total}页")));
    go_to_page(&mut harness, &last.to_string());
    assert!(
        shows(&harness, &format!("第{last}页 / 共{total}页")),
        "the status bar does not show page {last}: {:?}",
        labels(&harness, |t| t.contains("/ 共"))
    );
    let start = doc
        .page_start(last)
        .unwrap_or_else(|| panic!("no start for page {last}"));
    let block = doc.blocks.iter().find(|b| b.span.start == start);
    let first: String = block.map_or_else(String::new, |b| {
        doc.text.chars().skip(start).take(b.span.len()).collect()
    });
    assert!(
        !labels(&harness, |t| t == first).is_empty(),
        "page {last}'s first block not shown"
    );
    let beyond = total + 1;
    go_to_page(&mut harness, &beyond.to_string());
    assert!(shows(
        &harness,
        &format!("没有第{beyond}页：本文档共{total}页")
    ));
    assert!(shows(&harness, &format!("第{last}页 / 共{total}页")));
}

#[test]
fn a_text_report_shows_no_page_and_ctrl_g_says_it_has_none() {
    let mut harness = sample();
    assert!(labels(&harness, |t| t.contains("/ 共")).is_empty());
    go_to_page(&mut harness, "1");
    assert!(shows(&harness, "此文档没有页码（只有 PDF 有）"));
}
