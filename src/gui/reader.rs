//! The reading view: the document as a page, one galley per paragraph, laid
//! out only for the paragraphs in view (`ScrollArea::show_viewport` with a
//! cached height per paragraph). Indicators are highlighted by kind inside
//! the layout; hover, selection, flash and find matches are painted over it.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontFamily, FontId, Galley, Pos2, Rect, Sense, Ui, Vec2};

use crate::annotations::Annotation;
use crate::document::BlockKind;
use crate::gui::commands::Command;
use crate::gui::fonts::BOLD;
use crate::gui::panels::tooltip;
use crate::gui::selection::Selection;
use crate::gui::theme;
use crate::gui::view::{DocView, Paragraph};
use crate::gui::Language;

/// Body text size at 100% zoom, in points.
pub const BODY_SIZE: f32 = 17.0;
/// Widest text column at 100% zoom: about 40 Chinese characters.
const COLUMN_WIDTH: f32 = 720.0;

/// What the reader needs besides the document.
pub struct ReaderInput<'a> {
    /// Zoom factor.
    pub zoom: f32,
    /// Whether debris is shown (dimmed).
    pub show_debris: bool,
    /// The UI language, for tooltips.
    pub language: Language,
    /// The selected indicator and how strongly it still flashes (0–1).
    pub selected: Option<(usize, f32)>,
    /// Find matches as (start, end) char offsets in the document, and the current one.
    pub matches: &'a [(usize, usize)],
    /// Index of the current find match.
    pub current_match: Option<usize>,
    /// Scroll so that this char offset is at the top of the view.
    pub scroll_to: Option<usize>,
    /// The reader's text selection.
    pub selection: Option<Selection>,
    /// The annotations to show, in document order.
    pub annotations: &'a [Annotation],
    /// Where the workspace says the target at a char offset stands, asked on hover.
    pub progress: &'a dyn Fn(usize) -> Option<String>,
}

/// What the reader reports back besides commands.
#[derive(Default)]
pub struct ReaderOutput {
    /// Commands from clicks in the text.
    pub commands: Vec<Command>,
    /// Char offset of the first paragraph in view.
    pub top_offset: usize,
    /// The selection as the user changed it this frame (`Some(None)` clears it).
    pub selection: Option<Option<Selection>>,
    /// Where the selection ends on screen, when that is in view.
    pub selection_end: Option<Rect>,
}

/// A paragraph painted this frame, for mapping the pointer to a char.
struct Painted {
    index: usize,
    top: Pos2,
    galley: Arc<Galley>,
    response: egui::Response,
}

/// Laid-out heights of the paragraphs, valid for one width, zoom and debris setting.
#[derive(Default)]
pub struct HeightCache {
    key: (u32, u32, bool),
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// Top of each paragraph: the running sum of `heights`, rebuilt only after a height changes.
    tops: Vec<f32>,
    tops_stale: bool,
    /// True from the start of a drag selection until the button is released,
    /// even after the paragraph where it began has scrolled out of view.
    selecting: bool,
    /// The offset last scrolled to, and the scroll position that left the view
    /// at (once shown): it is the one being read until the view moves, even
    /// when the end of the text stops it short of the top.
    jumped: Option<(usize, Option<f32>)>,
}

impl HeightCache {
    fn prepare(&mut self, view: &DocView, width: f32, input: &ReaderInput) {
        let key = (width.to_bits(), input.zoom.to_bits(), input.show_debris);
        if key == self.key && self.heights.len() == view.paragraphs.len() {
            return;
        }
        self.key = key;
        self.heights = view
            .paragraphs
            .iter()
            .map(|p| estimate(p, width, input))
            .collect();
        self.measured = vec![false; view.paragraphs.len()];
        self.tops_stale = true;
    }

    /// The offset being read: the one last scrolled to while the view stays
    /// where that left it (at scroll position `y`), else `top`.
    fn reading_offset(&mut self, top: usize, y: f32) -> usize {
        match self.jumped {
            Some((offset, None)) => {
                self.jumped = Some((offset, Some(y)));
                offset
            }
            Some((offset, Some(at))) if (at - y).abs() < 0.5 => offset,
            _ => {
                self.jumped = None;
                top
            }
        }
    }

    /// Takes the paragraph tops out of the cache (up to date) while the view paints.
    fn take_tops(&mut self) -> Vec<f32> {
        if std::mem::take(&mut self.tops_stale) || self.tops.len() != self.heights.len() {
            let mut top = 0.0;
            self.tops = self
                .heights
                .iter()
                .map(|h| {
                    let this = top;
                    top += h;
                    this
                })
                .collect();
        }
        std::mem::take(&mut self.tops)
    }
}

/// Shows the document; returns what the user did.
pub fn show(
    ui: &mut Ui,
    view: &DocView,
    cache: &mut HeightCache,
    input: &ReaderInput,
) -> ReaderOutput {
    let width = ui
        .available_width()
        .min(COLUMN_WIDTH * input.zoom)
        .max(200.0);
    cache.prepare(view, width, input);
    let tops = cache.take_tops();
    let total = tops
        .last()
        .zip(cache.heights.last())
        .map_or(0.0, |(t, h)| t + h);
    let mut area = egui::ScrollArea::vertical()
        .id_salt("reader")
        .auto_shrink(false);
    if let Some(offset) = input.scroll_to {
        cache.jumped = Some((offset, None));
        area = area
            .vertical_scroll_offset(tops.get(view.paragraph_at(offset)).copied().unwrap_or(0.0));
    }
    let mut output = ReaderOutput::default();
    area.show_viewport(ui, |ui, viewport| {
        ui.set_height(total);
        let margin = ((ui.available_width() - width) / 2.0).max(0.0);
        let origin = ui.min_rect().min + Vec2::new(margin, 0.0);
        let first = tops
            .partition_point(|t| *t < viewport.min.y)
            .saturating_sub(1);
        // The paragraph the view's top edge is in: one scrolled to exactly is the one read.
        let reading = tops
            .partition_point(|t| *t <= viewport.min.y)
            .saturating_sub(1);
        let top = view.paragraphs.get(reading).map_or(0, |p| p.span.start);
        output.top_offset = cache.reading_offset(top, viewport.min.y);
        let in_view = tops
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, top)| **top <= viewport.max.y);
        let painted: Vec<Painted> = in_view
            .filter_map(|(index, &y)| {
                let top = origin + Vec2::new(0.0, y);
                paint_paragraph(ui, view, index, top, width, input, cache)
            })
            .collect();
        for paragraph in &painted {
            paint_marks(ui, view, paragraph, input, &mut output);
        }
        track_drag(ui, view, &painted, input, &mut cache.selecting, &mut output);
        for paragraph in &painted {
            handle_click(ui, view, paragraph, input, &mut output);
        }
    });
    cache.tops = tops;
    output
}

#[allow(clippy::too_many_arguments)]
fn paint_paragraph(
    ui: &mut Ui,
    view: &DocView,
    index: usize,
    top: Pos2,
    width: f32,
    input: &ReaderInput,
    cache: &mut HeightCache,
) -> Option<Painted> {
    let paragraph = &view.paragraphs[index];
    if paragraph.kind == BlockKind::Debris && !input.show_debris {
        return None;
    }
    let dark = ui.visuals().dark_mode;
    let ink = reading_ink(ui.visuals());
    let galley =
        ui.fonts_mut(|f| f.layout_job(layout_job(paragraph, width, input.zoom, dark, ink)));
    let height = galley.size().y + spacing(paragraph, input.zoom);
    if !cache.measured[index] || (cache.heights[index] - height).abs() > 0.5 {
        cache.heights[index] = height;
        cache.measured[index] = true;
        cache.tops_stale = true;
        ui.ctx().request_repaint();
    }
    let rect = Rect::from_min_size(top, Vec2::new(width, height));
    let response = ui.interact(
        rect,
        ui.scope_id().with(("paragraph", index)),
        Sense::click_and_drag(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &paragraph.text));
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }
    paint_find_matches(ui, paragraph, &galley, top, input);
    paint_annotation_fills(ui, paragraph, &galley, top, input);
    ui.painter().galley(top, galley.clone(), ink);
    Some(Painted {
        index,
        top,
        galley,
        response,
    })
}

/// Marks painted over the text: the selected indicator, annotation
/// underlines, the selection; and the indicator tooltip.
fn paint_marks(
    ui: &mut Ui,
    view: &DocView,
    painted: &Painted,
    input: &ReaderInput,
    output: &mut ReaderOutput,
) {
    let paragraph = &view.paragraphs[painted.index];
    paint_selected_indicator(ui, paragraph, &painted.galley, painted.top, input);
    paint_annotation_lines(ui, paragraph, &painted.galley, painted.top, input);
    if let Some(end) = paint_selection(ui, paragraph, &painted.galley, painted.top, input) {
        output.selection_end = Some(end);
    }
    let Some(pos) = painted.response.hover_pos() else {
        return;
    };
    let at = char_at(&painted.galley, pos - painted.top);
    let hovered = at.and_then(|at| indicator_at(paragraph, at));
    if let Some(indicator) = hovered {
        if !painted.response.dragged() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            painted.response.clone().on_hover_ui_at_pointer(|ui| {
                let target = &view.indicators[indicator];
                let progress = (input.progress)(target.span.start);
                tooltip(ui, target, progress.as_deref(), input.language)
            });
        }
    }
}

/// A click opens the annotation under the pointer, else selects the
/// indicator there, else clears the selection.
fn handle_click(
    ui: &Ui,
    view: &DocView,
    painted: &Painted,
    input: &ReaderInput,
    output: &mut ReaderOutput,
) {
    if !painted.response.clicked() {
        return;
    }
    let paragraph = &view.paragraphs[painted.index];
    let at = painted
        .response
        .interact_pointer_pos()
        .and_then(|pos| char_at(&painted.galley, pos - painted.top));
    let annotation = at.and_then(|at| {
        input
            .annotations
            .iter()
            .filter(|a| a.covers(paragraph.span.start + at))
            .min_by_key(|a| a.anchor.end() - a.anchor.start())
    });
    output.selection = Some(None);
    if let Some(annotation) = annotation {
        output
            .commands
            .push(Command::EditAnnotation(annotation.id.clone()));
    } else if let Some(indicator) = at.and_then(|at| indicator_at(paragraph, at)) {
        output.commands.push(Command::IndicatorClicked(indicator));
    }
    ui.ctx().request_repaint();
}

/// Starts, extends and auto-scrolls a drag selection across painted paragraphs.
fn track_drag(
    ui: &mut Ui,
    view: &DocView,
    painted: &[Painted],
    input: &ReaderInput,
    selecting: &mut bool,
    output: &mut ReaderOutput,
) {
    let started = painted.iter().any(|p| p.response.drag_started());
    let (origin, pointer, held) = ui.input(|i| {
        (
            i.pointer.press_origin(),
            i.pointer.interact_pos(),
            i.pointer.primary_down(),
        )
    });
    *selecting = held && (*selecting || started);
    if !*selecting && !painted.iter().any(|p| p.response.dragged()) {
        return;
    }
    let anchor = match input.selection {
        Some(selection) if !started => Some(selection.anchor),
        _ => origin.and_then(|pos| offset_at(view, painted, pos)),
    };
    let focus = pointer.and_then(|pos| offset_at(view, painted, pos));
    if let (Some(anchor), Some(focus)) = (anchor, focus) {
        output.selection = Some(Some(Selection { anchor, focus }));
    }
    if let Some(pointer) = pointer {
        let clip = ui.clip_rect();
        let edge = 40.0;
        let speed = if pointer.y < clip.top() + edge {
            (clip.top() + edge - pointer.y).min(edge)
        } else if pointer.y > clip.bottom() - edge {
            -(pointer.y - (clip.bottom() - edge)).min(edge)
        } else {
            0.0
        };
        if speed != 0.0 {
            ui.scroll_with_delta(Vec2::new(0.0, speed * 0.5));
            ui.ctx().request_repaint();
        }
    }
}

/// The document char offset nearest `pos` among the painted paragraphs.
fn offset_at(view: &DocView, painted: &[Painted], pos: Pos2) -> Option<usize> {
    let first = painted.first()?;
    let last = painted.last()?;
    if pos.y < first.top.y {
        return Some(view.paragraphs[first.index].span.start);
    }
    let below = painted
        .iter()
        .rev()
        .find(|p| p.top.y <= pos.y)
        .unwrap_or(last);
    let paragraph = &view.paragraphs[below.index];
    if pos.y > below.top.y + below.galley.size().y {
        return Some(paragraph.span.end);
    }
    let at = below.galley.cursor_from_pos(pos - below.top).index.0;
    Some(paragraph.span.start + at.min(paragraph.span.end - paragraph.span.start))
}

/// Body text colour: darker than egui's label grey on light backgrounds, lighter on dark ones.
fn reading_ink(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(222)
    } else {
        Color32::from_gray(28)
    }
}

/// The char under `pos` (relative to the galley), if the pointer is on the text.
fn char_at(galley: &Galley, pos: Vec2) -> Option<usize> {
    if !galley.rect.contains(pos.to_pos2()) {
        return None;
    }
    let cursor = galley.cursor_from_pos(pos).index.0;
    let left = galley.pos_from_cursor(CCursor::new(cursor));
    // The cursor is the nearest boundary: step back when the pointer is left of it.
    Some(if pos.x < left.min.x {
        cursor.saturating_sub(1)
    } else {
        cursor
    })
}

/// The indicator covering char `at` of the paragraph, if any.
fn indicator_at(paragraph: &Paragraph, at: usize) -> Option<usize> {
    paragraph
        .highlights
        .iter()
        .find(|h| h.start <= at && at < h.end)
        .map(|h| h.indicator)
}

fn paint_selected_indicator(
    ui: &Ui,
    paragraph: &Paragraph,
    galley: &Galley,
    top: Pos2,
    input: &ReaderInput,
) {
    let Some((selected, flash)) = input.selected else {
        return;
    };
    for highlight in paragraph
        .highlights
        .iter()
        .filter(|h| h.indicator == selected)
    {
        for rect in char_rects(galley, highlight.start, highlight.end) {
            let stroke = egui::Stroke::new(2.0, theme::flash(0.35 + 0.65 * flash));
            ui.painter().rect_stroke(
                rect.translate(top.to_vec2()).expand(1.0),
                3.0,
                stroke,
                egui::StrokeKind::Outside,
            );
        }
    }
}

/// Paints the text selection; returns the screen rect of its last row in this paragraph.
fn paint_selection(
    ui: &Ui,
    paragraph: &Paragraph,
    galley: &Galley,
    top: Pos2,
    input: &ReaderInput,
) -> Option<Rect> {
    let selection = input.selection.filter(|s| !s.is_empty())?;
    let (from, to) = paragraph_part(paragraph, selection.start(), selection.end())?;
    let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.45);
    let rects = char_rects(galley, from, to);
    for rect in &rects {
        ui.painter()
            .rect_filled(rect.translate(top.to_vec2()), 2.0, fill);
    }
    let ends_here = selection.end() <= paragraph.span.end;
    rects
        .last()
        .filter(|_| ends_here)
        .map(|r| r.translate(top.to_vec2()))
}

/// The chars `start..end` (document offsets) that fall in `paragraph`, relative to it.
fn paragraph_part(paragraph: &Paragraph, start: usize, end: usize) -> Option<(usize, usize)> {
    let (from, to) = (start.max(paragraph.span.start), end.min(paragraph.span.end));
    (from < to).then(|| (from - paragraph.span.start, to - paragraph.span.start))
}

/// The placed annotations overlapping `paragraph`, with their part of it.
fn annotations_in<'a>(
    paragraph: &'a Paragraph,
    input: &'a ReaderInput,
) -> impl Iterator<Item = (&'a Annotation, usize, usize)> + 'a {
    input.annotations.iter().filter_map(move |a| {
        if a.anchor.unplaced {
            return None;
        }
        paragraph_part(paragraph, a.anchor.start(), a.anchor.end()).map(|(f, t)| (a, f, t))
    })
}

fn paint_annotation_fills(
    ui: &Ui,
    paragraph: &Paragraph,
    galley: &Galley,
    top: Pos2,
    input: &ReaderInput,
) {
    let dark = ui.visuals().dark_mode;
    for (annotation, from, to) in annotations_in(paragraph, input) {
        for rect in char_rects(galley, from, to) {
            ui.painter().rect_filled(
                rect.translate(top.to_vec2()),
                2.0,
                theme::annotation_fill(annotation.colour, dark),
            );
        }
    }
}

/// An underline in the annotation's colour, and a dot where a note is attached.
fn paint_annotation_lines(
    ui: &Ui,
    paragraph: &Paragraph,
    galley: &Galley,
    top: Pos2,
    input: &ReaderInput,
) {
    for (annotation, from, to) in annotations_in(paragraph, input) {
        let colour = theme::annotation_line(annotation.colour);
        let rects = char_rects(galley, from, to);
        for rect in &rects {
            let rect = rect.translate(top.to_vec2());
            let line = Rect::from_min_max(
                Pos2::new(rect.min.x, rect.max.y - 2.5),
                Pos2::new(rect.max.x, rect.max.y - 0.5),
            );
            ui.painter().rect_filled(line, 0.0, colour);
        }
        let ends_here = annotation.anchor.end() <= paragraph.span.end;
        let noted = !annotation.note.is_empty() || !annotation.tags.is_empty();
        if let Some(last) = rects.last().filter(|_| ends_here && noted) {
            let centre = last.translate(top.to_vec2()).right_top() + Vec2::new(2.0, 2.0);
            ui.painter().circle_filled(centre, 3.5, colour);
        }
    }
}

fn paint_find_matches(
    ui: &Ui,
    paragraph: &Paragraph,
    galley: &Galley,
    top: Pos2,
    input: &ReaderInput,
) {
    let first = input
        .matches
        .partition_point(|(_, end)| *end <= paragraph.span.start);
    for (k, &(start, end)) in input.matches[first..].iter().enumerate() {
        if start >= paragraph.span.end {
            break;
        }
        let current = input.current_match == Some(first + k);
        let (from, to) = (
            start.saturating_sub(paragraph.span.start),
            end.min(paragraph.span.end) - paragraph.span.start,
        );
        for rect in char_rects(galley, from, to) {
            ui.painter().rect_filled(
                rect.translate(top.to_vec2()),
                2.0,
                theme::find_match(current),
            );
        }
    }
}

/// Rectangles covering chars `start..end` of `galley`, one per row.
fn char_rects(galley: &Galley, start: usize, end: usize) -> Vec<Rect> {
    let mut rects: Vec<Rect> = Vec::new();
    for at in start..end {
        let left = galley.pos_from_cursor(CCursor::new(at));
        let right = galley.pos_from_cursor(CCursor::new(at + 1));
        let rect = if (right.min.y - left.min.y).abs() < 0.5 {
            Rect::from_min_max(left.min, Pos2::new(right.min.x, left.max.y))
        } else {
            Rect::from_min_max(
                left.min,
                Pos2::new(left.min.x + left.height() * 0.6, left.max.y),
            )
        };
        match rects.last_mut() {
            Some(last) if (last.min.y - rect.min.y).abs() < 0.5 => *last = last.union(rect),
            _ => rects.push(rect),
        }
    }
    rects
}

/// Font size and face for a block kind.
fn font(kind: BlockKind, zoom: f32) -> FontId {
    let (scale, bold) = match kind {
        BlockKind::Title => (1.6, true),
        BlockKind::Heading { level: 1 } => (1.35, true),
        BlockKind::Heading { level: 2 } => (1.18, true),
        BlockKind::Heading { .. } => (1.06, true),
        BlockKind::Meta | BlockKind::Debris => (0.82, false),
        BlockKind::Paragraph => (1.0, false),
    };
    let family = if bold {
        FontFamily::Name(BOLD.into())
    } else {
        FontFamily::Proportional
    };
    FontId::new(BODY_SIZE * zoom * scale, family)
}

fn spacing(paragraph: &Paragraph, zoom: f32) -> f32 {
    let factor = match paragraph.kind {
        BlockKind::Title | BlockKind::Heading { .. } => 0.9,
        BlockKind::Meta => 0.25,
        _ => 0.7,
    };
    BODY_SIZE * zoom * factor
}

fn estimate(paragraph: &Paragraph, width: f32, input: &ReaderInput) -> f32 {
    if paragraph.kind == BlockKind::Debris && !input.show_debris {
        return 0.0;
    }
    let size = font(paragraph.kind, input.zoom).size;
    let per_line = (width / size).max(1.0);
    let lines = (paragraph.text.chars().count() as f32 / per_line)
        .ceil()
        .max(1.0);
    lines * size * 1.35 + spacing(paragraph, input.zoom)
}

/// The layout of one paragraph: its text with each indicator's background.
pub fn layout_job(
    paragraph: &Paragraph,
    width: f32,
    zoom: f32,
    dark: bool,
    text_color: Color32,
) -> LayoutJob {
    let font_id = font(paragraph.kind, zoom);
    let color = match paragraph.kind {
        BlockKind::Meta => text_color.gamma_multiply(0.7),
        BlockKind::Debris => text_color.gamma_multiply(0.4),
        _ => text_color,
    };
    let plain = TextFormat {
        font_id: font_id.clone(),
        color,
        line_height: Some(font_id.size * 1.35),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let bytes: Vec<usize> = paragraph
        .text
        .char_indices()
        .map(|(b, _)| b)
        .chain([paragraph.text.len()])
        .collect();
    let byte = |at: usize| bytes[at.min(bytes.len() - 1)];
    let mut at = 0;
    for highlight in &paragraph.highlights {
        job.append(
            &paragraph.text[byte(at)..byte(highlight.start.max(at))],
            0.0,
            plain.clone(),
        );
        let marked = TextFormat {
            background: theme::highlight(highlight.kind, dark),
            ..plain.clone()
        };
        job.append(
            &paragraph.text[byte(highlight.start.max(at))..byte(highlight.end)],
            0.0,
            marked,
        );
        at = highlight.end.max(at);
    }
    job.append(&paragraph.text[byte(at)..], 0.0, plain);
    job
}
