//! Property tests: no input, however strange, panics the loader or the
//! extractor, and every indicator span lies inside the text, in order.

use proptest::prelude::*;
use reportlens::{Document, Extractor};

/// Text built from the pieces reports are made of, so that the extractor's
/// rules fire often, mixed with arbitrary chars.
fn report_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("新增".to_string()),
        Just("增长".to_string()),
        Just("不少于".to_string()),
        Just("以上".to_string()),
        Just("亿元".to_string()),
        Just("万个".to_string()),
        Just("个百分点".to_string()),
        Just("%".to_string()),
        Just("第".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("、".to_string()),
        Just("，".to_string()),
        Just("。".to_string()),
        Just("\n".to_string()),
        Just("——".to_string()),
        Just("(一)".to_string()),
        Just("两".to_string()),
        Just("十二".to_string()),
        Just("地区生产總值".to_string()),
        "[0-9０-９.,\\-至]{1,6}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::from_text("p.txt", text);
    let chars = doc.char_count();
    let found = Extractor::shared().extract(&doc);
    let mut previous_end = 0;
    for indicator in &found {
        prop_assert!(indicator.span.start < indicator.span.end && indicator.span.end <= chars);
        prop_assert!(
            indicator.span.start >= previous_end,
            "spans overlap or are out of order"
        );
        prop_assert!(indicator.span.contains(indicator.value_start));
        previous_end = indicator.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn report_like_text_never_panics(text in report_like()) {
        check_spans(&text)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check_spans(&text)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(doc) = Document::from_bytes("b.bin", &bytes) {
            let _ = Extractor::shared().extract(&doc);
        }
    }
}

/// Inputs proptest once shrank a failure to: a metric read after one number
/// must stop before the next, so spans never overlap.
#[test]
fn known_overlap_cases_stay_ordered() {
    for text in ["。两亿元0亿元", "完成安腾国际等35处点位2012根充电桩建设。"]
    {
        check_spans(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    }
}

/// A target list after an exclamation mark once sliced inside a char.
#[test]
fn sentence_ends_of_every_width_are_safe() {
    for text in [
        "各位代表!主要预期目标是:收入增长与经济增长同步",
        "好?预期目标:质量持续改善。",
    ] {
        check_spans(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    }
}

/// Markers stripped far before the number once reached before the segmented
/// tail and underflowed in debug builds.
#[test]
fn long_marker_chains_are_safe() {
    for text in [
        "上半年全区地方一般公共预算收入较2019年上半年同期增长不少于5%",
        "总量为已计划预计较2019年上半年同期增长约达到不少于5%",
    ] {
        check_spans(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    }
}
