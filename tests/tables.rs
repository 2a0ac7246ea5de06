//! Tables that reached the text flattened, one row per line with cells
//! parted by spaces, on test tables written here: the header row says what
//! each column of figures is, the unit cell or a unit in the row's name
//! says their unit, and a line of prose ends the table.

use reportlens::indicators::Kind;
use reportlens::{Document, Extractor, Indicator};

fn extract(text: &str) -> Vec<Indicator> {
    Extractor::shared().extract(&Document::from_text("test-table.txt", text))
}

fn summary(found: &[Indicator]) -> Vec<(String, String, String, Kind)> {
    found
        .iter()
        .map(|i| (i.metric.clone(), i.value.clone(), i.unit.clone(), i.kind))
        .collect()
}

#[test]
fn a_progress_table_gives_target_actual_and_completion_per_row() {
    let found = extract(
        "某市2020年民生实事1-9月进展情况\n序号 项目名称 单 位 年度目标 完成数 完成率 责任单位\n1 新建城市公园 个 12 14 116.7% 园林局\n2 农村公路提质改造 万米 4.5 3.9 86.7% 交通局\n",
    );
    let row = |metric: &str, value: &str, unit: &str, kind: Kind| {
        (
            metric.to_string(),
            value.to_string(),
            unit.to_string(),
            kind,
        )
    };
    assert_eq!(
        summary(&found),
        [
            row("新建城市公园", "12", "个", Kind::Target),
            row("新建城市公园", "14", "个", Kind::Actual),
            row("新建城市公园", "116.7", "%", Kind::Completion),
            row("农村公路提质改造", "4.5", "万米", Kind::Target),
            row("农村公路提质改造", "3.9", "万米", Kind::Actual),
            row("农村公路提质改造", "86.7", "%", Kind::Completion),
        ]
    );
    let roads = &found[3];
    assert_eq!(
        (roads.normalized_value, roads.normalized_unit.as_str()),
        (Some(45000.0), "米")
    );
    assert_eq!(&found[2].text, "116.7%");
}

#[test]
fn year_columns_and_a_unit_in_the_row_name() {
    let found = extract(
        "主要经济指标\n指标 2021年 2022年\n规模以上工业增加值(亿元) 1520.3 1618.7\n城镇常住居民人均可支配收入(元) 41230 43012\n",
    );
    let periods: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|i| {
            (
                i.metric.as_str(),
                i.unit.as_str(),
                i.period.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        periods,
        [
            ("规模以上工业增加值", "亿元", "2021年"),
            ("规模以上工业增加值", "亿元", "2022年"),
            ("城镇常住居民人均可支配收入", "元", "2021年"),
            ("城镇常住居民人均可支配收入", "元", "2022年"),
        ]
    );
}

#[test]
fn numbers_in_a_row_with_no_unit_and_no_header_stay_silent() {
    let found = extract("通讯录\n办公室 电话 82345678 82345679\n邮编 430061 传真 82345670\n");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_table_flattened_one_cell_per_line_is_gathered_into_rows() {
    let found = extract(
        "某省2021年统计公报\n表2 2021年几项价格指数(以上年为100)\n|\n全 省\n|\n城 市\n|\n农 村\n|\n商品零售价格指数\n|\n101.6\n|\n101.4\n|\n102.0\n|\n工业品出厂价格指数\n|\n104.2\n|\n104.0\n|\n104.5\n全年物价总体平稳。\n",
    );
    let cells: Vec<(&str, &str)> = found
        .iter()
        .map(|i| (i.metric.as_str(), i.value.as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("商品零售价格指数(全省)", "101.6"),
            ("商品零售价格指数(城市)", "101.4"),
            ("商品零售价格指数(农村)", "102.0"),
            ("工业品出厂价格指数(全省)", "104.2"),
            ("工业品出厂价格指数(城市)", "104.0"),
            ("工业品出厂价格指数(农村)", "104.5"),
        ]
    );
    assert!(found.iter().all(|i| i.kind == Kind::Actual));
    assert_eq!(found[0].text, "101.6");
}
