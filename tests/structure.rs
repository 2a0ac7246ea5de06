//! Structure analysis on the real report fixtures: headings and levels,
//! title and metadata, debris, the outline and section paths.

use proptest::prelude::*;
use reportlens::document::{BlockKind, Document, OutlineNode};

const F000: &str = include_str!("fixtures/000_24bebe41ac3f3a2f.txt");
const F001: &str = include_str!("fixtures/001_0ace6510012baace.txt");
const F002: &str = include_str!("fixtures/002_75357d4799bd6ebe.txt");
const F003: &str = include_str!("fixtures/003_8bb3dc6e5684670a.txt");
const F004: &str = include_str!("fixtures/004_c1005eb52102c714.txt");

fn doc(text: &str) -> Document {
    Document::from_text("fixture.txt", text)
}

/// The text of block `i`.
fn block_text(doc: &Document, i: usize) -> String {
    let span = doc.blocks[i].span;
    doc.text.chars().skip(span.start).take(span.len()).collect()
}

/// The kind of the block whose text is exactly `line`.
fn kind_of(doc: &Document, line: &str) -> BlockKind {
    (0..doc.blocks.len())
        .find(|&i| block_text(doc, i) == line)
        .map(|i| doc.blocks[i].kind)
        .unwrap_or_else(|| panic!("no block {line:?}"))
}

/// All outline nodes, depth first.
fn flatten(nodes: &[OutlineNode]) -> Vec<&OutlineNode> {
    nodes
        .iter()
        .flat_map(|n| std::iter::once(n).chain(flatten(&n.children)))
        .collect()
}

fn node<'a>(doc: &'a Document, title: &str) -> &'a OutlineNode {
    flatten(&doc.outline)
        .into_iter()
        .find(|n| n.title == title)
        .unwrap_or_else(|| panic!("no outline node {title:?}"))
}

/// Char offset of the first occurrence of `needle`.
fn offset_of(doc: &Document, needle: &str) -> usize {
    let byte = doc
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    doc.text[..byte].chars().count()
}

fn heading(level: u8) -> BlockKind {
    BlockKind::Heading { level }
}

#[test]
fn headings_of_001() {
    let d = doc(F001);
    let top = "一、2021年国民经济和社会发展总体要求和主要预期目标";
    assert_eq!(kind_of(&d, top), heading(1));
    assert_eq!(kind_of(&d, "(二)主要预期目标"), heading(2));
    assert_eq!(
        kind_of(&d, "(六)建设服务政府,促进治理体系新发展"),
        heading(2)
    );
    assert_eq!(
        kind_of(&d, "二、2021年国民经济和社会发展计划的主要任务"),
        heading(1)
    );
    let bold_lead = (0..d.blocks.len())
        .find(|&i| block_text(&d, i).starts_with("完善科技创新体系。"))
        .map(|i| d.blocks[i].kind);
    assert_eq!(bold_lead, Some(BlockKind::Paragraph));
    assert_eq!(d.outline.len(), 2);
    assert_eq!(d.outline[0].children.len(), 2);
    assert_eq!(d.outline[1].children.len(), 6);
}

#[test]
fn headings_of_003() {
    let d = doc(F003);
    assert_eq!(kind_of(&d, "一、上半年计划执行情况"), heading(1));
    assert_eq!(kind_of(&d, "(一)主要指标完成情况"), heading(2));
    assert_eq!(kind_of(&d, "1.发挥创新引领作用"), heading(3));
    assert_eq!(kind_of(&d, "6.聚焦体制机制创新"), heading(3));
    let first = &d.outline[0];
    assert_eq!(first.title, "一、上半年计划执行情况");
    assert_eq!(first.children[0].title, "(一)主要指标完成情况");
    assert_eq!(first.children[1].children[0].title, "1.发挥创新引领作用");
    assert_eq!(first.children[1].children.len(), 6);
    assert_eq!(d.outline[1].title, "二、下半年工作安排");
}

#[test]
fn short_title_lines_of_000() {
    let d = doc(F000);
    for line in [
        "坚持创新驱动 全力打造数字经济发展样板",
        "坚持招育并举 全力打造产业赋能升级样板",
        "坚持协同高效 全力打造城区现代化治理样板",
        "坚持务实担当 全力打造政府自身建设样板",
    ] {
        assert_eq!(kind_of(&d, line), heading(1), "{line}");
    }
    assert_eq!(d.outline.len(), 8);
    let path = d.section_path(offset_of(&d, "新增停车泊位1万个以上"));
    assert_eq!(path, ["坚持扩大投资 全力打造品质城区建设样板"]);
}

#[test]
fn sections_of_002() {
    let d = doc(F002);
    assert_eq!(kind_of(&d, "一、2024年工作回顾"), heading(1));
    let lead = "一年来,我们积极抢抓宏观政策叠加机遇,聚焦聚力稳预期、稳增长,经济发展韧性更强";
    assert_eq!(kind_of(&d, lead), heading(2));
    assert_eq!(
        kind_of(&d, "(一)坚持以科技创新为驱动,激发江岸高质量发展内生动力"),
        heading(2)
    );
    let intro = "坚定文化自信,坚持守正创新,积极融入长江国际黄金旅游带建设,赓续历史文脉,繁荣发展文化事业文化产业";
    assert_eq!(kind_of(&d, intro), BlockKind::Paragraph);
    assert_eq!(kind_of(&d, "各位代表:"), BlockKind::Paragraph);
    assert_eq!(kind_of(&d, "名词解释:"), heading(1));
    assert_eq!(
        kind_of(&d, "11.三资:资金、资产、资源。"),
        BlockKind::Paragraph
    );
    assert_eq!(
        kind_of(&d, "3.三库:投资项目目录库、储备库、实施库。"),
        BlockKind::Paragraph
    );
    let glossary = node(&d, "名词解释:");
    assert_eq!(glossary.level, 1);
    assert!(glossary.children.is_empty());
    let path = d.section_path(offset_of(&d, "三库:投资项目"));
    assert_eq!(path, ["名词解释:"]);
}

#[test]
fn ordinal_parts_of_004() {
    let d = doc(F004);
    let part = node(&d, "二是塑优势、铸高地,释放经济发展活力");
    assert_eq!(part.level, 1);
    assert_eq!(d.blocks[part.block].kind, BlockKind::Paragraph);
    assert_eq!(part.span.start, d.blocks[part.block].span.start);
    assert_eq!(node(&d, "四是强治理、促均衡,共享社会发展成果").level, 1);
    let path = d.section_path(offset_of(&d, "建成湖北洪山实验室一期工程"));
    assert_eq!(path, ["二是塑优势、铸高地,释放经济发展活力"]);
    let first = "加快产业项目落地。";
    assert!(d.text.starts_with(first));
    assert_eq!(d.blocks[0].kind, BlockKind::Paragraph);
}

#[test]
fn metadata_of_001() {
    let d = doc(F001);
    let m = &d.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("武昌区2021年国民经济和社会发展计划")
    );
    assert_eq!(m.date.as_deref(), Some("2021年06月02日"));
    assert_eq!(m.issuer.as_deref(), Some("区发改局"));
    assert_eq!(m.doc_number.as_deref(), Some("2021(004)"));
    assert_eq!(m.year, Some(2021));
    assert_eq!(
        kind_of(&d, "公开日期: 2021年06月02日 公开方式: 有效"),
        BlockKind::Meta
    );
    assert_eq!(
        kind_of(&d, "武昌区2021年国民经济和社会发展计划"),
        BlockKind::Title
    );
}

#[test]
fn metadata_of_002() {
    let d = doc(F002);
    let m = &d.metadata;
    assert_eq!(m.title.as_deref(), Some("2025年武汉市江岸区政府工作报告"));
    assert_eq!(m.date.as_deref(), Some("2024年12月30日"));
    assert_eq!(
        m.issuer.as_deref(),
        Some("武汉市江岸区第十六届人民代表大会")
    );
    assert_eq!(m.doc_number, None);
    assert_eq!(m.year, Some(2025));
    let meeting = "2024年12月30日在武汉市江岸区第十六届人民代表大会第五次会议上";
    assert_eq!(kind_of(&d, meeting), BlockKind::Meta);
    assert_eq!(
        kind_of(&d, "2025年武汉市江岸区政府工作报告"),
        BlockKind::Title
    );
}

#[test]
fn metadata_of_003() {
    let d = doc(F003);
    let m = &d.metadata;
    assert_eq!(m.date.as_deref(), Some("2021年8月27日"));
    assert_eq!(m.issuer.as_deref(), Some("武汉市武昌区第十五届人大常委会"));
    assert_eq!(m.year, Some(2021));
    for line in [
        "——2021年8月27日在武汉市武昌区第十五届人大常委会",
        "第三十八次会议上",
        "区发改局局长 李武军",
    ] {
        assert_eq!(kind_of(&d, line), BlockKind::Meta, "{line}");
    }
    assert_eq!(
        kind_of(&d, "主任、各位副主任,各位委员:"),
        BlockKind::Paragraph
    );
}

#[test]
fn metadata_of_000() {
    let d = doc(F000);
    let m = &d.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("武昌区明年将实施一系列重大项目和惠民工程")
    );
    assert_eq!(m.date.as_deref(), Some("2022年12月30日"));
    assert_eq!(m.issuer.as_deref(), Some("楚天都市报"));
    assert_eq!(m.year, Some(2023));
    assert_eq!(
        kind_of(&d, "2022年12月30日 星期五 楚天都市报 A04版 武昌读本"),
        BlockKind::Meta
    );
    assert_eq!(kind_of(&d, "吴汉 吴迪 况昕昀 刁少红"), BlockKind::Meta);
}

#[test]
fn web_debris() {
    let cases: [(&str, &[&str]); 3] = [
        (F001, &["人大"]),
        (
            F002,
            &[
                "注册 | 登录",
                "筛选地域",
                "一级目录",
                "报告年份",
                "官网原文 导出笔记 打印 分享",
                "0/0",
                "笔记",
                "复制",
                "问答",
                "搜索",
                "记笔记",
                "写下来",
            ],
        ),
        (
            F004,
            &[
                "本文地址:/baogao/huazhong/4725.html",
                "留言与评论(共有 条评论)",
                "验证码:",
                "网站地图",
            ],
        ),
    ];
    for (text, lines) in cases {
        let d = doc(text);
        for line in lines {
            assert_eq!(kind_of(&d, line), BlockKind::Debris, "{line}");
        }
    }
    let d = doc(F004);
    let notice = (0..d.blocks.len()).find(|&i| block_text(&d, i).starts_with("本文仅代表作者观点"));
    assert_eq!(notice.map(|i| d.blocks[i].kind), Some(BlockKind::Debris));
    let debris = d
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Debris)
        .count();
    assert_eq!(debris, 5, "repost notice plus four footer lines");
}

#[test]
fn indicator_lines_are_never_debris() {
    for text in [F000, F001, F002, F003, F004] {
        let d = doc(text);
        for i in 0..d.blocks.len() {
            let line = block_text(&d, i);
            let has_figure = line.contains("万个") || line.contains('%') || line.contains("亿元");
            if has_figure {
                assert_ne!(d.blocks[i].kind, BlockKind::Debris, "{line}");
            }
        }
    }
    let d = doc(F000);
    let line = (0..d.blocks.len()).find(|&i| block_text(&d, i).contains("新增停车泊位1万个以上"));
    assert_eq!(line.map(|i| d.blocks[i].kind), Some(BlockKind::Paragraph));
}

#[test]
fn section_path_in_001() {
    let d = doc(F001);
    let path = d.section_path(offset_of(&d, "——全社会固定资产投资300亿元") + 5);
    assert_eq!(
        path,
        [
            "一、2021年国民经济和社会发展总体要求和主要预期目标",
            "(二)主要预期目标"
        ]
    );
    assert!(d.section_path(0).is_empty());
}

#[test]
fn blocks_are_trimmed_lines_in_order() {
    for text in [F000, F001, F002, F003, F004] {
        let d = doc(text);
        let lines = d.text.lines().filter(|l| !l.trim().is_empty()).count();
        assert_eq!(d.blocks.len(), lines);
        for (i, pair) in d.blocks.windows(2).enumerate() {
            assert!(pair[0].span.end < pair[1].span.start, "block {i}");
        }
        for i in 0..d.blocks.len() {
            let line = block_text(&d, i);
            assert_eq!(line.trim(), line);
        }
    }
}

#[test]
fn outline_nodes_point_at_their_blocks() {
    for text in [F000, F001, F002, F003, F004] {
        let d = doc(text);
        for n in flatten(&d.outline) {
            let block = &d.blocks[n.block];
            assert_eq!(n.span.start, block.span.start);
            assert!(block_text(&d, n.block).starts_with(&n.title));
            if let BlockKind::Heading { level } = block.kind {
                assert_eq!(level, n.level);
            }
        }
    }
}

proptest! {
    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        let d = doc(&text);
        let chars = d.text.chars().count();
        for b in &d.blocks {
            prop_assert!(b.span.start < b.span.end && b.span.end <= chars);
        }
        let _ = d.section_path(chars / 2);
    }

    #[test]
    fn report_like_text_never_panics(
        lines in proptest::collection::vec(
            "(一、|\\(一\\)|（二）|1\\.|二是|第一章|名词解释:|——)?[\\p{Han}，,。:：0-9%| 　]{0,40}",
            0..30,
        )
    ) {
        let d = doc(&lines.join("\n"));
        for n in flatten(&d.outline) {
            prop_assert!(n.block < d.blocks.len());
            prop_assert!(n.level >= 1);
        }
    }
}
