//! The classes of real text the extractor must read beyond the seed reports,
//! each on test sentences written here (not taken from any report): the
//! pinyin a script converter leaves, the years a report looks back on or
//! forward to, the elapsed part of a year, and the many forms of completion.

use reportlens::indicators::Kind;
use reportlens::{Document, Extractor, Indicator};

fn extract(text: &str) -> (Document, Vec<Indicator>) {
    let doc = Document::from_text("test-sentences.txt", text);
    let found = Extractor::shared().extract(&doc);
    (doc, found)
}

/// The indicator whose value is `value`, or a failure listing what was found.
fn with_value<'a>(found: &'a [Indicator], value: &str) -> &'a Indicator {
    found
        .iter()
        .find(|i| i.value == value)
        .unwrap_or_else(|| panic!("no indicator with value {value:?} in {found:#?}"))
}

#[test]
fn converter_pinyin_is_read_through_and_spans_keep_it() {
    let (doc, found) = extract(
        "某省2025年政府工作報(bào)告摘要\n2024年,全省地區(qū)生產(chǎn)總值達(dá)13.7萬(wàn)億元、增長(zhǎng)5.8%,城鎮(zhèn)新增就業(yè)143萬(wàn)人。\n",
    );
    let level = with_value(&found, "13.7");
    assert_eq!(
        (level.metric.as_str(), level.unit.as_str(), level.kind),
        ("全省地區生產總值", "萬億元", Kind::Actual)
    );
    assert_eq!(level.metric_key, "地区生产总值");
    let growth = with_value(&found, "5.8");
    assert_eq!(growth.kind, Kind::Growth);
    let jobs = with_value(&found, "143");
    assert_eq!(
        (jobs.metric.as_str(), jobs.unit.as_str()),
        ("城鎮新增就業", "萬人")
    );
    let chars: Vec<char> = doc.text.chars().collect();
    for indicator in &found {
        let as_written: String = chars[indicator.span.start..indicator.span.end]
            .iter()
            .collect();
        assert_eq!(
            as_written, indicator.text,
            "the span is the text as written"
        );
        assert!(chars[indicator.value_start..]
            .starts_with(&indicator.value.chars().collect::<Vec<_>>()));
    }
    assert!(with_value(&found, "13.7").text.contains("(wàn)"));
}

#[test]
fn years_before_the_report_are_actuals_and_years_after_are_targets() {
    let (_, found) = extract(
        "某市2018年政府工作报告\n六年来,全市生产总值年均增长8.1%,2017年达到1520亿元。到2020年,全市生产总值达到2000亿元,城镇化率提高到65%。\n",
    );
    assert_eq!(with_value(&found, "8.1").kind, Kind::Growth);
    assert_eq!(with_value(&found, "1520").kind, Kind::Actual);
    assert_eq!(with_value(&found, "2000").kind, Kind::Target);
    assert_eq!(with_value(&found, "65").kind, Kind::Target);
}

#[test]
fn a_paragraph_keeps_the_year_it_named() {
    let (_, found) = extract(
        "某省2025年政府工作报告解读\n报告回顾了 2024 年工作。全省地区生产总值达 9.5 万亿元。粮食总产量 720 亿斤。\n今年全省地区生产总值增长 5% 左右。\n",
    );
    assert_eq!(with_value(&found, "9.5").kind, Kind::Actual);
    assert_eq!(with_value(&found, "720").kind, Kind::Actual);
    assert_eq!(with_value(&found, "5").kind, Kind::Target);
}

#[test]
fn an_elapsed_part_of_the_year_has_happened() {
    let (_, found) = extract(
        "今年1—6月,全市120个重点项目完成投资315.6亿元,为年计划的52.3%;其中,工业项目完成投资98.2亿元。截至8月底,新开工项目42个。\n下半年,力争完成投资300亿元。\n",
    );
    assert_eq!(with_value(&found, "315.6").kind, Kind::Actual);
    assert_eq!(with_value(&found, "52.3").kind, Kind::Completion);
    assert_eq!(with_value(&found, "98.2").kind, Kind::Actual);
    assert_eq!(with_value(&found, "42").kind, Kind::Actual);
    assert_eq!(with_value(&found, "300").kind, Kind::Target);
}

#[test]
fn completion_has_many_forms() {
    let (_, found) = extract(
        "一、上半年计划执行情况\n全县重点项目投资完成率96.5%,高于时序进度2.7个百分点;城市低保月人均补差超任务17元;一般公共预算支出为年度预算数的48.6%。\n",
    );
    for value in ["96.5", "2.7", "17", "48.6"] {
        assert_eq!(with_value(&found, value).kind, Kind::Completion, "{value}");
    }
}

#[test]
fn metrics_carry_over_where_the_sentence_names_them_once() {
    let (_, found) = extract(
        "某市2019年统计公报\n全市生产总值1520亿元,按可比价格计算,比上年增长6.5%。其中第一产业增加值120亿元,第二产业增加值560亿元,第三产业增加值840亿元,分别增长3.1%、6.2%和7.4%。\n全市生产总值连续跨越1000亿、1500亿元大关,2019年达到1520亿元。\n全市85个重点项目完成投资312亿元,完成率104%。\n",
    );
    let metric = |value: &str| with_value(&found, value).metric.clone();
    assert_eq!(metric("6.5"), "生产总值");
    assert_eq!(metric("3.1"), "第一产业增加值");
    assert_eq!(metric("6.2"), "第二产业增加值");
    assert_eq!(metric("7.4"), "第三产业增加值");
    assert!(metric("1500").ends_with("生产总值"), "{}", metric("1500"));
    assert!(
        found.iter().all(|i| !i.metric.contains("大关")),
        "{found:#?}"
    );
    assert_eq!(metric("312"), "重点项目完成投资");
    assert!(metric("104").starts_with("重点项目"), "{}", metric("104"));
    assert_eq!(with_value(&found, "104").kind, Kind::Completion);
}

#[test]
fn points_and_multiples_measure_change_and_a_plan_as_a_base_plans_nothing() {
    let (_, found) = extract(
        "某市2020年统计公报\n常住人口城镇化率提高1.6个百分点,同比加快0.3个百分点。全市生产总值比2010年增长1.1倍。\n截至8月底,工业项目完成投资205亿元,占年度计划的76%;农业项目完成投资60亿元,占年度计划的71%。\n",
    );
    assert_eq!(with_value(&found, "1.6").kind, Kind::Growth);
    assert_eq!(with_value(&found, "0.3").kind, Kind::Growth);
    assert_eq!(with_value(&found, "1.1").kind, Kind::Growth);
    assert_eq!(with_value(&found, "60").kind, Kind::Actual);
    assert_eq!(with_value(&found, "71").kind, Kind::Completion);
}

#[test]
fn percentages_written_in_words_are_figures() {
    let (_, found) = extract(
        "某省2010年政府工作報告摘要\n過去一年,全省生產總值增長百分之十點二,財政收入增長百分之三十八,城鎮登記失業率百分之3.9。\n",
    );
    let growth = with_value(&found, "百分之十點二");
    assert_eq!(
        (growth.normalized_value, growth.unit.as_str()),
        (Some(10.2), "%")
    );
    assert_eq!(growth.kind, Kind::Growth);
    assert_eq!(
        with_value(&found, "百分之三十八").normalized_value,
        Some(38.0)
    );
    assert_eq!(with_value(&found, "百分之3.9").normalized_value, Some(3.9));
}
