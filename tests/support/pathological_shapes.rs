//! The pathological inputs shared by `tests/pathological_input.rs` and
//! `benches/pathological.rs`: text without punctuation, endless digits, a
//! million "、", long runs of blanks, deep brackets and quotes.

/// The repeated pieces of the pathological shapes, by name.
pub const REPEATED: &[(&str, &str)] = &[
    ("growth without punctuation", "增长7%"),
    ("endless digits", "1234567890"),
    ("亿元亿元", "亿元"),
    ("a million 、", "、"),
    ("repeated 第一，", "第一，"),
    ("numbers and commas, no 。", "新增企业12家，投资3.5亿元，"),
    (
        "numbers without any punctuation",
        "地区生产总值增长7%城镇新增就业1.2万人",
    ),
    ("a list without end", "企业12家、"),
    (
        "runs of blanks",
        "新增企业12家          \n\n\n\n    \u{3000}\u{3000}\n",
    ),
    ("的的的", "的"),
];

/// The nested shapes: an opening piece repeated, then its closer as often.
pub const NESTED: &[(&str, &str, &str)] = &[
    ("nested （…）", "（增长7%", "）"),
    ("nested “…”", "“增长7%", "”"),
    ("unclosed 《 then stray ”", "《", "”"),
];

/// Every shape by name, about `bytes` long.
pub fn shapes(bytes: usize) -> Vec<(&'static str, String)> {
    let repeated = REPEATED
        .iter()
        .map(|&(name, piece)| (name, piece.repeat(bytes / piece.len() + 1)));
    let nested = NESTED.iter().map(|&(name, open, close)| {
        let depth = bytes / (open.len() + close.len());
        (name, open.repeat(depth) + &close.repeat(depth))
    });
    repeated.chain(nested).collect()
}
