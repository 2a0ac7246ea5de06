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
        "測試省2031年政府工作報(bào)告要點\n2030年,全省地區(qū)生產(chǎn)總值達(dá)2.46萬(wàn)億元、增長(zhǎng)4.7%,另有城鎮(zhèn)新增就業(yè)61萬(wàn)人。\n",
    );
    let level = with_value(&found, "2.46");
    assert_eq!(
        (level.metric.as_str(), level.unit.as_str(), level.kind),
        ("全省地區生產總值", "萬億元", Kind::Actual)
    );
    assert_eq!(level.metric_key, "地区生产总值");
    let growth = with_value(&found, "4.7");
    assert_eq!(growth.kind, Kind::Growth);
    let jobs = with_value(&found, "61");
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
    assert!(with_value(&found, "2.46").text.contains("(wàn)"));
}

#[test]
fn years_before_the_report_are_actuals_and_years_after_are_targets() {
    let (_, found) = extract(
        "测试市2028年政府工作报告\n四年来,本市经济总量年均增长6.3%,2027年地区生产总值达到884亿元。到2030年,本市地区生产总值达到1100亿元,常住人口城镇化率提高到71%。\n",
    );
    assert_eq!(with_value(&found, "6.3").kind, Kind::Growth);
    assert_eq!(with_value(&found, "884").kind, Kind::Actual);
    assert_eq!(with_value(&found, "1100").kind, Kind::Target);
    assert_eq!(with_value(&found, "71").kind, Kind::Target);
}

#[test]
fn a_paragraph_keeps_the_year_it_named() {
    let (_, found) = extract(
        "测试省2032年政府工作报告图解\n先看 2031 年的成绩单。本省地区生产总值达到 3.18 万亿元。粮食产量为 455 亿斤。\n今年本省地区生产总值增长 4.5% 左右。\n",
    );
    assert_eq!(with_value(&found, "3.18").kind, Kind::Actual);
    assert_eq!(with_value(&found, "455").kind, Kind::Actual);
    assert_eq!(with_value(&found, "4.5").kind, Kind::Target);
}

#[test]
fn an_elapsed_part_of_the_year_has_happened() {
    let (_, found) = extract(
        "1—5月份,测试市列入台账的77个项目累计投入资金143.8亿元,约为年计划的41.9%;当中制造业项目投入资金66.4亿元。截至9月末,开工项目累计39个。\n下半年,力争再投入资金180亿元。\n",
    );
    assert_eq!(with_value(&found, "143.8").kind, Kind::Actual);
    assert_eq!(with_value(&found, "41.9").kind, Kind::Completion);
    assert_eq!(with_value(&found, "66.4").kind, Kind::Actual);
    assert_eq!(with_value(&found, "39").kind, Kind::Actual);
    assert_eq!(with_value(&found, "180").kind, Kind::Target);
}

#[test]
fn completion_has_many_forms() {
    let (_, found) = extract(
        "一、1-8月计划执行情况\n测试县民生工程资金执行率83.4%,快于时序进度4.1个百分点;特困人员月供养标准超任务23元;教育支出为年度预算数的59.2%。\n",
    );
    for value in ["83.4", "4.1", "23", "59.2"] {
        assert_eq!(with_value(&found, value).kind, Kind::Completion, "{value}");
    }
}

#[test]
fn metrics_carry_over_where_the_sentence_names_them_once() {
    let (_, found) = extract(
        "测试市2029年统计公报\n本市生产总值963亿元,按不变价格计算,较上年增长5.2%。第一产业增加值71亿元,第二产业增加值388亿元,第三产业增加值504亿元,分别增长2.4%、5.9%和5.1%。\n本市生产总值先后越过800亿、900亿元大关,2029年为963亿元。\n全市31个省级项目完成投资209亿元,完成率97%。\n",
    );
    let metric = |value: &str| with_value(&found, value).metric.clone();
    assert_eq!(metric("5.2"), "本市生产总值");
    assert_eq!(metric("2.4"), "第一产业增加值");
    assert_eq!(metric("5.9"), "第二产业增加值");
    assert_eq!(metric("5.1"), "第三产业增加值");
    assert!(metric("900").ends_with("生产总值"), "{}", metric("900"));
    assert!(
        found.iter().all(|i| !i.metric.contains("大关")),
        "{found:#?}"
    );
    assert_eq!(metric("209"), "省级项目完成投资");
    assert!(metric("97").starts_with("省级项目"), "{}", metric("97"));
    assert_eq!(with_value(&found, "97").kind, Kind::Completion);
}

#[test]
fn points_and_multiples_measure_change_and_a_plan_as_a_base_plans_nothing() {
    let (_, found) = extract(
        "测试市2030年统计公报\n户籍人口城镇化率上升2.2个百分点,增幅扩大0.4个百分点。全市进出口总额比2020年增长1.7倍。\n截至10月末,交通项目完成投资88亿元,相当于年度计划的63%;水利项目完成投资27亿元,相当于年度计划的58%。\n",
    );
    assert_eq!(with_value(&found, "2.2").kind, Kind::Growth);
    assert_eq!(with_value(&found, "0.4").kind, Kind::Growth);
    assert_eq!(with_value(&found, "1.7").kind, Kind::Growth);
    assert_eq!(with_value(&found, "27").kind, Kind::Actual);
    assert_eq!(with_value(&found, "58").kind, Kind::Completion);
}

#[test]
fn percentages_written_in_words_are_figures() {
    let (_, found) = extract(
        "測試省2033年施政報告撮要\n過去一年,本省生產總值增長百分之七點四,稅收收入增長百分之二十六,城鎮調查失業率百分之4.6。\n",
    );
    let growth = with_value(&found, "百分之七點四");
    assert_eq!(
        (growth.normalized_value, growth.unit.as_str()),
        (Some(7.4), "%")
    );
    assert_eq!(growth.kind, Kind::Growth);
    assert_eq!(
        with_value(&found, "百分之二十六").normalized_value,
        Some(26.0)
    );
    assert_eq!(with_value(&found, "百分之4.6").normalized_value, Some(4.6));
}
