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

/// A window on the bundled sample, settled.
fn sample() -> Harness<'static, ReportLensApp> {
    let mut app = ReportLensApp::new(Settings::default());
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
