//! Colours: one per indicator kind, annotation colour and target status, readable on light and dark backgrounds.

use egui::Color32;

use crate::annotations::{Colour, Status};
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

/// The solid colour of an annotation colour (underlines, swatches).
pub fn annotation_line(colour: Colour) -> Color32 {
    let (r, g, b) = annotation_rgb(colour);
    Color32::from_rgb(r, g, b)
}

/// The background of an annotated passage.
pub fn annotation_fill(colour: Colour, dark: bool) -> Color32 {
    let (r, g, b) = annotation_rgb(colour);
    let alpha = if dark { 70 } else { 80 };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

fn annotation_rgb(colour: Colour) -> (u8, u8, u8) {
    match colour {
        Colour::Yellow => (240, 190, 0),
        Colour::Green => (60, 180, 75),
        Colour::Blue => (40, 140, 230),
        Colour::Pink => (235, 90, 150),
        Colour::Purple => (150, 90, 220),
    }
}

/// The colour of a tracked target's status.
pub fn status(status: Status) -> Color32 {
    match status {
        Status::NotStarted => Color32::from_rgb(140, 140, 140),
        Status::InProgress => Color32::from_rgb(40, 140, 230),
        Status::Done => Color32::from_rgb(60, 170, 75),
        Status::NotMet => Color32::from_rgb(220, 70, 60),
    }
}
