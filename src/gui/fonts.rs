//! Fonts: the bundled Noto Sans SC subset (fonts/, SIL OFL) for all text, a
//! bold face for headings, the replacement character � (which marks bytes a
//! damaged file could not decode; Noto CJK has no glyph for it) from a
//! one-glyph DejaVu Sans subset, and a CJK font found on the system as a last
//! fallback for characters the subset lacks.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The family name of the bold face, for headings and the title.
pub const BOLD: &str = "bold";

const REGULAR_NAME: &str = "NotoSansSC-Regular";
const BOLD_NAME: &str = "NotoSansSC-Bold";
const FALLBACK_NAME: &str = "system-cjk";
const REPLACEMENT_NAME: &str = "DejaVuSans-ReplacementCharacter";

/// System CJK fonts to fall back to, most common on Linux desktops first.
const SYSTEM_CJK_FONTS: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
];

/// Font definitions with the bundled fonts first and egui's defaults behind them.
pub fn definitions(system_fallback: Option<FontData>) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    let regular = FontData::from_static(include_bytes!("../../fonts/NotoSansSC-Regular.otf"));
    let bold = FontData::from_static(include_bytes!("../../fonts/NotoSansSC-Bold.otf"));
    fonts
        .font_data
        .insert(REGULAR_NAME.into(), Arc::new(regular));
    fonts.font_data.insert(BOLD_NAME.into(), Arc::new(bold));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, REGULAR_NAME.into());
    }
    let replacement = FontData::from_static(include_bytes!("../../fonts/ReplacementCharacter.ttf"));
    fonts
        .font_data
        .insert(REPLACEMENT_NAME.into(), Arc::new(replacement));
    for chain in fonts.families.values_mut() {
        chain.push(REPLACEMENT_NAME.into());
    }
    let mut bold_chain = vec![
        BOLD_NAME.to_string(),
        REGULAR_NAME.to_string(),
        REPLACEMENT_NAME.to_string(),
    ];
    if let Some(fallback) = system_fallback {
        fonts
            .font_data
            .insert(FALLBACK_NAME.into(), Arc::new(fallback));
        for chain in fonts.families.values_mut() {
            chain.push(FALLBACK_NAME.into());
        }
        bold_chain.push(FALLBACK_NAME.into());
    }
    fonts
        .families
        .insert(FontFamily::Name(BOLD.into()), bold_chain);
    fonts
}

/// The first CJK font found on this system, if any.
pub fn system_fallback() -> Option<FontData> {
    SYSTEM_CJK_FONTS
        .iter()
        .find_map(|path| std::fs::read(path).ok())
        .map(FontData::from_owned)
}

/// Installs the fonts into `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions(system_fallback()));
}
