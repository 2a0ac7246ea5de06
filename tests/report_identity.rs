//! Report identity (kind, region, year) on test sentences written for each
//! case, not taken from real reports: a news digest lead, a traditional
//! title with converter pinyin, a year given only by the session number, a
//! dateline, a statistical bulletin, a mid-year execution report, and the
//! traps that must stay unknown ("今年全省", a text naming no place).

use reportlens::document::Document;
use reportlens::tracking::{ReportInfo, ReportKind};

/// The identity detected for a test text.
fn detect(text: &str) -> (ReportKind, String, Option<i32>) {
    let info = ReportInfo::detect(&Document::from_text("test.txt", text));
    (info.kind, info.region, info.year)
}

fn expect(text: &str, kind: ReportKind, region: &str, year: Option<i32>) {
    assert_eq!(detect(text), (kind, region.to_string(), year), "{text}");
}

#[test]
fn a_news_digest_lead_names_the_province_and_its_session() {
    expect(
        "本报讯(记者 王明)1月18日上午,甘肃省第十四届人民代表大会第二次会议在兰州开幕。\
         省长代表省人民政府向大会作政府工作报告。报告提出,今年全省地区生产总值增长6%左右。",
        ReportKind::NewsDigest,
        "甘肃省",
        Some(2024),
    );
}

#[test]
fn a_traditional_title_with_converter_pinyin_is_read_simplified() {
    expect(
        "湖南省政府工作報(bào)告\n——2022年1月21日在湖南省第十三屆人民代表大會(huì )第五次會(huì )議上\n\
         各位代表:\n現(xiàn)在,我代表省人民政府,向大會(huì )報(bào)告工作。",
        ReportKind::WorkReport,
        "湖南省",
        Some(2022),
    );
}

#[test]
fn a_session_number_alone_gives_the_year() {
    expect(
        "1月16日上午,河南省十三届人大三次会议在郑州隆重开幕,省长作政府工作报告时表示,\
         过去一年全省经济运行稳中向好。",
        ReportKind::NewsDigest,
        "河南省",
        Some(2020),
    );
}

#[test]
fn a_dateline_gives_the_year_of_a_digest() {
    expect(
        "2019-01-29 09:30 来源:新华网\n新华社南宁1月28日电 广西壮族自治区人民政府主席\
         在区十三届人大会议上作政府工作报告说,今年将加快发展。",
        ReportKind::NewsDigest,
        "广西壮族自治区",
        Some(2019),
    );
}

#[test]
fn a_digest_reviewing_a_year_is_the_next_year_s_report() {
    expect(
        "记者从江西省两会获悉,报告回顾了2022年工作:全省生产总值增长4.7%。",
        ReportKind::NewsDigest,
        "江西省",
        Some(2023),
    );
}

#[test]
fn this_year_s_whole_province_is_not_a_region() {
    expect(
        "今年全省经济运行稳中有进,增速居全省前列,记者日前从省发改委获悉,投资稳步增长。",
        ReportKind::NewsDigest,
        "",
        None,
    );
}

#[test]
fn a_statistical_bulletin_is_other_and_about_the_year_it_reviews() {
    expect(
        "绵阳市2022年国民经济和社会发展统计公报\n绵阳市统计局\n2023年3月20日\n\
         2022年,全市实现地区生产总值3350亿元,比上年增长4.5%。",
        ReportKind::Other,
        "绵阳市",
        Some(2022),
    );
}

#[test]
fn a_mid_year_execution_report_is_made_to_the_standing_committee() {
    expect(
        "关于2023年上半年国民经济和社会发展计划执行情况的报告\n\
         ——2023年7月25日在昆明市第十五届人民代表大会常务委员会第十三次会议上\n\
         主任、各位副主任,各位委员:\n上半年,全市地区生产总值增长5.6%。",
        ReportKind::Execution,
        "昆明市",
        Some(2023),
    );
}

#[test]
fn a_progress_note_naming_no_place_and_no_year_stays_unknown() {
    expect(
        "今年以来,全市重点项目完成投资85亿元,占年度计划的60%,进度快于时序。",
        ReportKind::Execution,
        "",
        None,
    );
}

#[test]
fn a_district_keeps_its_city_and_not_its_province() {
    let (kind, region, year) = detect(
        "(陕西省)2021年宝鸡市渭滨区人民政府工作报告\n\
         ——2021年1月8日在渭滨区第十八届人民代表大会第六次会议上\n各位代表:",
    );
    assert_eq!(
        (kind, region.as_str(), year),
        (ReportKind::WorkReport, "宝鸡市渭滨区", Some(2021))
    );
}

#[test]
fn a_report_delivered_in_december_opens_the_next_year() {
    expect(
        "政府工作报告\n——2024年12月27日在某某区第一届人民代表大会第五次会议上\n各位代表:\n\
         一、2024年工作回顾\n二、2025年主要目标",
        ReportKind::WorkReport,
        "",
        Some(2025),
    );
}

#[test]
fn a_five_year_plan_is_dated_by_its_period() {
    expect(
        "吉林省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n\
         “十四五”时期是全面建设社会主义现代化国家新征程的第一个五年。",
        ReportKind::Plan,
        "吉林省",
        Some(2021),
    );
}

#[test]
fn a_place_named_inside_a_longer_word_is_not_a_region() {
    expect(
        "创建国家级示范县,推动市政府和县委各项部署落实,今年以来完成投资占年度计划的55%。",
        ReportKind::Execution,
        "",
        None,
    );
}

#[test]
fn the_national_report_is_about_the_whole_country() {
    expect(
        "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理\n\
         各位代表:\n现在,我代表国务院,向大会报告政府工作。",
        ReportKind::WorkReport,
        "全国",
        Some(2024),
    );
}
