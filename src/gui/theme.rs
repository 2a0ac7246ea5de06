//! Colours: one per indicator kind, readable on light and dark backgrounds.

use egui::Color32;

use crate::indicators::Kind;

/// Background of an indicator highlight of `kind`.
pub fn highlight(kind: Kind, dark: bool) -> Color32 {
    let (r, g, b) = match kind {
        Kind::Target => (66, 133, 244),
        Kind::Actual => (52, 168, 83),
        Kind::Growth => (251, 140, 0),
        Kind::Completion => (156, 39, 176),
    };
    let alpha = if dark { 90 } else { 60 };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// A solid swatch of `kind` for the legend and the table.
pub fn swatch(kind: Kind, dark: bool) -> Color32 {
    let (r, g, b) = match kind {
        Kind::Target => (66, 133, 244),
        Kind::Actual => (52, 168, 83),
        Kind::Growth => (251, 140, 0),
        Kind::Completion => (156, 39, 176),
    };
    if dark {
        Color32::from_rgb(r / 2 + 100, g / 2 + 100, b / 2 + 100)
    } else {
        Color32::from_rgb(r, g, b)
    }
}

/// Background of a find match, and of the current one.
pub fn find_match(current: bool) -> Color32 {
    if current {
        Color32::from_rgba_unmultiplied(255, 200, 0, 200)
    } else {
        Color32::from_rgba_unmultiplied(255, 230, 0, 90)
    }
}

/// Frame drawn around the selected indicator while it flashes.
pub fn flash(alpha: f32) -> Color32 {
    Color32::from_rgba_unmultiplied(255, 80, 0, (alpha.clamp(0.0, 1.0) * 255.0) as u8)
}
