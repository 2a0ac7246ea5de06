//! Hand-checked expectations for the extractor on the real fixtures, the
//! traps that must never be highlighted, and the same report in traditional
//! characters and full-width digits.

use reportlens::indicators::Kind;
use reportlens::{Document, Extractor, Indicator};

fn fixture(prefix: &str) -> Document {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let entry = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("fixture {prefix} is missing"));
    Document::open(&entry.path()).unwrap_or_else(|e| panic!("{e}"))
}

fn extract(doc: &Document) -> Vec<Indicator> {
    Extractor::shared().extract(doc)
}

/// The indicator whose text contains `needle`, or a failure listing what was found.
fn find<'a>(found: &'a [Indicator], needle: &str) -> &'a Indicator {
    found
        .iter()
        .find(|i| i.text.contains(needle))
        .unwrap_or_else(|| panic!("no indicator with text containing {needle:?}"))
}

/// (text fragment, metric, value, unit, qualifier, kind)
type Expected<'a> = (&'a str, &'a str, &'a str, &'a str, Option<&'a str>, Kind);

fn check(found: &[Indicator], expected: &[Expected]) {
    for &(needle, metric, value, unit, qualifier, kind) in expected {
        let i = find(found, needle);
        assert_eq!(
            (
                i.metric.as_str(),
                i.value.as_str(),
                i.unit.as_str(),
                i.qualifier.as_deref(),
                i.kind
            ),
            (metric, value, unit, qualifier, kind),
            "{needle}"
        );
    }
}

#[test]
fn plan_001_main_expected_targets() {
    let found = extract(&fixture("001_"));
    check(
        &found,
        &[
            (
                "地区生产总值增长7%",
                "地区生产总值",
                "7",
                "%",
                None,
                Kind::Target,
            ),
            (
                "地方一般公共预算收入增长15%",
                "地方一般公共预算收入",
                "15",
                "%",
                None,
                Kind::Target,
            ),
            (
                "全社会固定资产投资300亿元",
                "全社会固定资产投资",
                "300",
                "亿元",
                None,
                Kind::Target,
            ),
            ("重大项目210项", "重大项目", "210", "项", None, Kind::Target),
            (
                "计划投资270亿元以上",
                "年度计划投资",
                "270",
                "亿元",
                Some("以上"),
                Kind::Target,
            ),
        ],
    );
    let gdp = find(&found, "地区生产总值增长7%");
    assert_eq!(
        (gdp.metric_key.as_str(), gdp.direction.as_deref()),
        ("地区生产总值", Some("增长"))
    );
    let investment = find(&found, "全社会固定资产投资300亿元");
    assert_eq!(investment.metric_key, "固定资产投资");
    assert_eq!(investment.normalized_value, Some(3e10));
    assert_eq!(investment.normalized_unit, "元");
    assert!(
        investment.section.ends_with("(二)主要预期目标"),
        "{}",
        investment.section
    );
    // The two goals without a number are targets too, with an empty normalised value.
    let income = find(&found, "高于经济增长");
    assert_eq!(
        (
            income.metric.as_str(),
            income.value.as_str(),
            income.direction.as_deref(),
            income.kind
        ),
        (
            "城镇居民人均可支配收入",
            "高于经济增长",
            Some("增长"),
            Kind::Target
        )
    );
    assert_eq!((income.normalized_value, income.unit.as_str()), (None, ""));
    let energy = find(&found, "下达目标");
    assert_eq!(
        (energy.metric_key.as_str(), energy.value.as_str()),
        ("能耗强度", "完成市级下达目标")
    );
    let section = &investment.section;
    let main_targets = found.iter().filter(|i| &i.section == section).count();
    assert_eq!(
        main_targets, 7,
        "six lines: five figures (210项 and 270亿元 share a line) and two goals"
    );
}

#[test]
fn execution_report_003_main_indicators() {
    let found = extract(&fixture("003_"));
    check(
        &found,
        &[
            (
                "地区生产总值预期目标增长7%",
                "地区生产总值",
                "7",
                "%",
                None,
                Kind::Target,
            ),
            (
                "779.43亿元",
                "地区生产总值",
                "779.43",
                "亿元",
                None,
                Kind::Actual,
            ),
            (
                "同比增长22.3%",
                "地区生产总值",
                "22.3",
                "%",
                None,
                Kind::Growth,
            ),
            (
                "预期目标增长15%",
                "地方一般公共预算收入",
                "15",
                "%",
                None,
                Kind::Target,
            ),
            (
                "91.75亿元",
                "地方一般公共预算收入",
                "91.75",
                "亿元",
                None,
                Kind::Actual,
            ),
            (
                "预期目标300亿元",
                "全社会固定资产投资",
                "300",
                "亿元",
                None,
                Kind::Target,
            ),
            (
                "190.59亿元",
                "固定资产投资",
                "190.59",
                "亿元",
                None,
                Kind::Actual,
            ),
            (
                "达到目标的63.53%",
                "固定资产投资",
                "63.53",
                "%",
                None,
                Kind::Completion,
            ),
            ("重大项目206项", "重大项目", "206", "项", None, Kind::Actual),
            (
                "实现投资178.62亿元",
                "重大项目投资",
                "178.62",
                "亿元",
                None,
                Kind::Actual,
            ),
            (
                "达到目标的66.16%",
                "重大项目投资",
                "66.16",
                "%",
                None,
                Kind::Completion,
            ),
        ],
    );
    let actual = find(&found, "779.43亿元");
    assert_eq!(actual.normalized_value, Some(7.7943e10));
    assert_eq!(actual.period.as_deref(), Some("上半年"));
    let energy = find(&found, "预计完成市级下达目标");
    assert_eq!(
        (
            energy.metric_key.as_str(),
            energy.kind,
            energy.normalized_value
        ),
        ("能耗强度", Kind::Actual, None)
    );
    let income = find(&found, "计划增长高于经济增长");
    assert_eq!(
        (income.metric.as_str(), income.kind),
        ("城镇居民人均可支配收入", Kind::Target)
    );
    let base_year = find(&found, "较2019年同期增长4.9%");
    assert_eq!(
        (base_year.kind, base_year.period.as_deref()),
        (Kind::Growth, Some("上半年"))
    );
}

#[test]
fn digest_000_targets_after_and_before_the_number() {
    let found = extract(&fixture("000_"));
    check(
        &found,
        &[
            (
                "新增停车泊位1万个以上",
                "停车泊位",
                "1",
                "万个",
                Some("以上"),
                Kind::Target,
            ),
            (
                "不少于1亿元政策引导资金",
                "政策引导资金",
                "1",
                "亿元",
                Some("不少于"),
                Kind::Target,
            ),
            (
                "旅游人数达到4500万人次",
                "旅游人数",
                "4500",
                "万人次",
                Some("达到"),
                Kind::Target,
            ),
            (
                "新增义务段学位2400个",
                "义务段学位",
                "2400",
                "个",
                None,
                Kind::Target,
            ),
            (
                "公办幼儿园学位270个",
                "公办幼儿园学位",
                "270",
                "个",
                None,
                Kind::Target,
            ),
            (
                "新增海绵城市3平方公里",
                "海绵城市",
                "3",
                "平方公里",
                None,
                Kind::Target,
            ),
            (
                "城镇新增就业2.3万人",
                "城镇新增就业",
                "2.3",
                "万人",
                None,
                Kind::Target,
            ),
        ],
    );
    let parking = find(&found, "新增停车泊位1万个以上");
    assert_eq!(
        (parking.normalized_value, parking.normalized_unit.as_str()),
        (Some(10000.0), "个")
    );
    assert_eq!(
        find(&found, "公办幼儿园学位270个").direction.as_deref(),
        Some("新增")
    );
}

#[test]
fn work_report_002_review_and_targets() {
    let found = extract(&fixture("002_"));
    check(
        &found,
        &[
            (
                "空气质量优良率达80.8%",
                "空气质量优良率",
                "80.8",
                "%",
                Some("达"),
                Kind::Actual,
            ),
            (
                "上升2.2个百分点",
                "空气质量优良率",
                "2.2",
                "个百分点",
                None,
                Kind::Growth,
            ),
            (
                "地区生产总值增长6%左右",
                "地区生产总值",
                "6",
                "%",
                Some("左右"),
                Kind::Target,
            ),
            (
                "新增停车泊位不少于5000个",
                "停车泊位",
                "5000",
                "个",
                Some("不少于"),
                Kind::Target,
            ),
            ("新增学位3460个", "学位", "3460", "个", None, Kind::Actual),
            ("新增学位3960个", "学位", "3960", "个", None, Kind::Target),
        ],
    );
    let points = find(&found, "上升2.2个百分点");
    assert_eq!(
        (points.normalized_value, points.normalized_unit.as_str()),
        (Some(2.2), "百分点")
    );
}

#[test]
fn hongshan_004_ranges_and_points() {
    let found = extract(&fixture("004_"));
    check(
        &found,
        &[
            ("15条道路", "道路", "15", "条", None, Kind::Target),
            ("新增泊位1.1万个", "泊位", "1.1", "万个", None, Kind::Target),
            (
                "提升3.5个百分点",
                "公办园在园幼儿占比",
                "3.5",
                "个百分点",
                Some("力争"),
                Kind::Target,
            ),
        ],
    );
}

#[test]
fn ranges_are_kept_as_bounds() {
    let found = extract(&fixture("001_"));
    let streets = find(&found, "2-3条");
    assert_eq!(
        (
            streets.value.as_str(),
            streets.normalized_value,
            streets.normalized_value_max
        ),
        ("2-3", Some(2.0), Some(3.0))
    );
}

/// Numbers in these contexts are names, dates, ordinals, slogans or conditions.
const TRAPS: &[(&str, &str)] = &[
    ("000_", "2022年12月30日"),
    ("000_", "A04版"),
    ("000_", "二十大"),
    ("000_", "建城1800年"),
    ("000_", "十大攻坚提升行动"),
    ("000_", "五长制"),
    ("000_", "500强企业总部"),
    ("001_", "2021(004)"),
    ("001_", "第四批"),
    ("001_", "11号线"),
    ("001_", "5G网络"),
    ("001_", "60岁以上老人"),
    ("001_", "三个全覆盖"),
    ("001_", "1314治理模式"),
    ("001_", "十九大"),
    ("002_", "十四五"),
    ("002_", "岸九条"),
    ("002_", "岸七条"),
    ("002_", "75周年"),
    ("002_", "一谷一园"),
    ("002_", "12号线"),
    ("002_", "30年以上问题燃气管网"),
    ("002_", "第三轮"),
    ("002_", "2024年12月30日"),
    ("002_", "第十六届"),
    ("002_", "PM2.5"),
    ("002_", "四民街61号"),
    ("002_", "50亿级项目"),
    ("003_", "武昌发〔2021〕5号"),
    ("003_", "第十五届"),
    ("003_", "18岁以上人群"),
    ("003_", "600分人数"),
    ("003_", "12分钟文化圈"),
    ("003_", "15分钟生活圈"),
    ("003_", "排名中心城区第2"),
    ("003_", "24小时防汛值班"),
    ("003_", "100周年"),
    ("004_", "七个一"),
    ("004_", "181厂宿舍片"),
    ("004_", "12号线"),
];

#[test]
fn traps_are_never_indicators() {
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let doc = fixture(prefix);
        let found = extract(&doc);
        for (_, trap) in TRAPS.iter().filter(|(p, _)| *p == prefix) {
            let at = doc
                .text
                .find(trap)
                .unwrap_or_else(|| panic!("{trap} not in {prefix}"));
            let start = doc.text[..at].chars().count();
            let end = start + trap.chars().count();
            let hit = found.iter().find(|i| (start..end).contains(&i.value_start));
            assert!(
                hit.is_none(),
                "{prefix}{trap} was extracted as {:?}",
                hit.map(|i| &i.text)
            );
        }
    }
}

#[test]
fn traditional_characters_and_full_width_digits() {
    let simplified = Document::from_text(
        "s.txt",
        "二、2022年重点工作\n地区生产总值增长7%，全社会固定资产投资300亿元，新增停车泊位1万个以上，规模以上工业增加值增长8%。",
    );
    let traditional = Document::from_text(
        "t.txt",
        "二、2022年重點工作\n地區生產總值增長７％，全社會固定資產投資３００億元，新增停車泊位１萬個以上，規模以上工業增加值增長８%。",
    );
    let (s, t) = (extract(&simplified), extract(&traditional));
    assert_eq!(s.len(), 4);
    assert_eq!(t.len(), 4);
    for (a, b) in s.iter().zip(&t) {
        assert_eq!(
            (
                a.span,
                &a.metric_key,
                a.normalized_value,
                &a.normalized_unit,
                a.kind
            ),
            (
                b.span,
                &b.metric_key,
                b.normalized_value,
                &b.normalized_unit,
                b.kind
            )
        );
    }
    assert_eq!(t[0].text, "地區生產總值增長７％", "text is kept as written");
    assert_eq!(t[1].unit, "億元");
}

#[test]
fn chinese_numerals_and_mixed_forms() {
    let doc = Document::from_text(
        "n.txt",
        "一、明年目标\n新建两座变电站，引进一百五十人，建成十二个社区服务站，新增绿地5.5万平方米，接待游客4500万人次，总量达到2019年的1.5倍。",
    );
    let found = extract(&doc);
    let values: Vec<(&str, Option<f64>)> = found
        .iter()
        .map(|i| (i.value.as_str(), i.normalized_value))
        .collect();
    assert_eq!(
        values,
        [
            ("两", Some(2.0)),
            ("一百五十", Some(150.0)),
            ("十二", Some(12.0)),
            ("5.5", Some(55000.0)),
            ("4500", Some(4.5e7)),
            ("1.5", Some(1.5))
        ]
    );
}

/// Test sentences written here in the way PDF and web text space figures.
#[test]
fn a_space_between_figure_and_unit_is_read_through() {
    let doc = Document::from_text(
        "spaced.txt",
        "2023 年，全省地区生产总值达到 482 亿元，增长 5.8% 。今年城镇新增就业 100 万人以上，居民消费价格涨幅 3 % 左右，全省排名居全国第 3 位。\n",
    );
    let found = extract(&doc);
    let figures: Vec<(&str, &str)> = found
        .iter()
        .map(|i| (i.value.as_str(), i.unit.as_str()))
        .collect();
    assert_eq!(
        figures,
        [("482", "亿元"), ("5.8", "%"), ("100", "万人"), ("3", "%")],
        "{found:#?}"
    );
    assert_eq!(found[0].metric, "全省地区生产总值");
    assert_eq!(found[1].kind, Kind::Growth, "{:?}", found[1]);
    assert_eq!(found[2].qualifier.as_deref(), Some("以上"));
    assert_eq!(found[2].metric, "城镇新增就业");
    assert_eq!(found[3].qualifier.as_deref(), Some("左右"));
    assert_eq!(found[3].metric, "居民消费价格涨幅");
}
