//! The text a PDF page shows, as runs placed on the page: each text-showing
//! operator of the page's content stream becomes a [`Run`] with its text
//! (decoded through the font's encoding by lopdf) and where it starts and
//! ends in page space. The text state (matrices, leading, font size, char
//! spacing) is followed as PDF 32000-1 §9.4 says.
//!
//! Glyph widths are estimated, not read from the fonts: one em for a wide
//! (CJK, full-width) char, half an em for any other. Runs only need their
//! ends to tell a line that stops short (a heading) from a full one and a
//! cell gap from a word gap, which the estimate does well enough. Text in
//! form XObjects and annotations is not read (no test producer puts the body
//! there).

use std::collections::BTreeMap;

use lopdf::content::{Content, Operation};
use lopdf::{Encoding, Object, ObjectId};

/// Most content one page may inflate to (bytes): a small stream that
/// decompresses without end is refused instead of filling memory.
const MAX_PAGE_CONTENT: usize = 64 * 1024 * 1024;

/// Deepest nesting of `q` followed; deeper saves are ignored (PDF itself allows 28),
/// so a stream of nothing but `q` cannot fill memory.
const MAX_SAVED_STATES: usize = 256;

/// Text shown by one operator, placed on the page (points, y upwards).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    /// Where the first glyph starts.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Where the last glyph ends (estimated widths).
    pub end_x: f32,
    /// Font size on the page.
    pub size: f32,
    /// The decoded text.
    pub text: String,
}

/// An affine matrix `[a b c d e f]` as PDF writes them.
type Matrix = [f32; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n` (PDF's `m × n`).
fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f32, ty: f32) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

/// The part of the graphics state `q` saves and `Q` restores that placing text needs.
#[derive(Clone, Copy)]
struct Graphics<'a> {
    ctm: Matrix,
    leading: f32,
    font_size: f32,
    char_space: f32,
    word_space: f32,
    h_scale: f32,
    font: Option<&'a Encoding<'a>>,
}

/// The state followed through a content stream, and the runs found so far.
struct State<'a> {
    fonts: &'a BTreeMap<Vec<u8>, Encoding<'a>>,
    gs: Graphics<'a>,
    saved: Vec<Graphics<'a>>,
    tm: Matrix,
    tlm: Matrix,
    runs: Vec<Run>,
}

/// The runs of page `page` of `doc`, in content-stream order.
pub(crate) fn page_runs(doc: &lopdf::Document, page: ObjectId) -> lopdf::Result<Vec<Run>> {
    let encodings = page_encodings(doc, page)?;
    let data = doc.get_page_content_with_limit(page, MAX_PAGE_CONTENT)?;
    let content = Content::decode(&data)?;
    let mut state = State::new(&encodings);
    for operation in &content.operations {
        state.apply(operation);
    }
    Ok(state.runs)
}

/// The encoding of each font the page names; fonts lopdf cannot decode are left out.
fn page_encodings(
    doc: &lopdf::Document,
    page: ObjectId,
) -> lopdf::Result<BTreeMap<Vec<u8>, Encoding<'_>>> {
    Ok(doc
        .get_page_fonts(page)?
        .into_iter()
        .filter_map(|(name, font)| {
            let encoding = font.get_font_encoding_with_limit(doc, MAX_PAGE_CONTENT);
            Some((name, encoding.ok()?))
        })
        .collect())
}

/// The operand at `i` as a number (0 when missing or not a number).
fn number(operation: &Operation, i: usize) -> f32 {
    operation
        .operands
        .get(i)
        .and_then(|o| o.as_float().ok())
        .filter(|n| n.is_finite())
        .unwrap_or(0.0)
}

/// The six operands of `cm` or `Tm` as a matrix.
fn matrix(operation: &Operation) -> Matrix {
    std::array::from_fn(|i| number(operation, i))
}

impl<'a> State<'a> {
    fn new(fonts: &'a BTreeMap<Vec<u8>, Encoding<'a>>) -> Self {
        let gs = Graphics {
            ctm: IDENTITY,
            leading: 0.0,
            font_size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            h_scale: 1.0,
            font: None,
        };
        Self {
            fonts,
            gs,
            saved: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            runs: Vec::new(),
        }
    }

    fn apply(&mut self, op: &Operation) {
        match op.operator.as_str() {
            "q" if self.saved.len() < MAX_SAVED_STATES => self.saved.push(self.gs),
            "Q" => self.gs = self.saved.pop().unwrap_or(self.gs),
            "cm" => self.gs.ctm = multiply(&matrix(op), &self.gs.ctm),
            "BT" => (self.tm, self.tlm) = (IDENTITY, IDENTITY),
            "Tf" => self.set_font(op),
            "Td" => self.move_line(number(op, 0), number(op, 1)),
            "TD" => {
                self.gs.leading = -number(op, 1);
                self.move_line(number(op, 0), number(op, 1));
            }
            "Tm" => (self.tm, self.tlm) = (matrix(op), matrix(op)),
            "T*" => self.next_line(),
            "TL" => self.gs.leading = number(op, 0),
            "Tc" => self.gs.char_space = number(op, 0),
            "Tw" => self.gs.word_space = number(op, 0),
            "Tz" => self.gs.h_scale = number(op, 0) / 100.0,
            "Tj" => self.show(op.operands.first()),
            "TJ" => self.show(op.operands.first()),
            "'" => {
                self.next_line();
                self.show(op.operands.first());
            }
            "\"" => {
                self.gs.word_space = number(op, 0);
                self.gs.char_space = number(op, 1);
                self.next_line();
                self.show(op.operands.get(2));
            }
            _ => {}
        }
    }

    fn set_font(&mut self, op: &Operation) {
        let name = op.operands.first().and_then(|o| o.as_name().ok());
        self.gs.font = name.and_then(|name| self.fonts.get(name));
        self.gs.font_size = number(op, 1);
    }

    fn move_line(&mut self, tx: f32, ty: f32) {
        self.tlm = multiply(&translate(tx, ty), &self.tlm);
        self.tm = self.tlm;
    }

    fn next_line(&mut self) {
        self.move_line(0.0, -self.gs.leading);
    }

    /// Shows a string or a `TJ` array, adding one run for it.
    fn show(&mut self, operand: Option<&Object>) {
        let Some(operand) = operand else { return };
        let start = multiply(&self.tm, &self.gs.ctm);
        let mut text = String::new();
        self.show_part(operand, &mut text);
        let end = multiply(&self.tm, &self.gs.ctm);
        let size = self.gs.font_size.abs() * start[2].hypot(start[3]);
        if !text.is_empty() {
            self.runs.push(Run {
                x: start[4],
                y: start[5],
                end_x: end[4],
                size,
                text,
            });
        }
    }

    fn show_part(&mut self, operand: &Object, text: &mut String) {
        match operand {
            Object::String(bytes, _) => self.show_string(bytes, text),
            Object::Array(parts) => {
                for part in parts {
                    self.show_part(part, text);
                }
            }
            other => {
                let shift = other.as_float().unwrap_or(0.0);
                self.advance(-shift / 1000.0 * self.gs.font_size * self.gs.h_scale);
            }
        }
    }

    fn show_string(&mut self, bytes: &[u8], text: &mut String) {
        let Some(decoded) = self.gs.font.and_then(|f| f.bytes_to_string(bytes).ok()) else {
            return;
        };
        let width: f32 = decoded.chars().map(|c| self.glyph_advance(c)).sum();
        self.advance(width);
        text.push_str(&decoded);
    }

    /// Horizontal advance of `c` in text space (estimated width, spacing).
    fn glyph_advance(&self, c: char) -> f32 {
        let em = if super::is_wide(c) { 1.0 } else { 0.5 };
        let word = if c == ' ' { self.gs.word_space } else { 0.0 };
        (em * self.gs.font_size + self.gs.char_space + word) * self.gs.h_scale
    }

    fn advance(&mut self, tx: f32) {
        if tx.is_finite() {
            self.tm = multiply(&translate(tx, 0.0), &self.tm);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scaled = multiply(&[2.0, 0.0, 0.0, 2.0, 0.0, 0.0], &translate(10.0, 20.0));
        assert_eq!(scaled, [2.0, 0.0, 0.0, 2.0, 10.0, 20.0]);
        let moved = multiply(&translate(1.0, 1.0), &[2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        assert_eq!(moved, [2.0, 0.0, 0.0, 2.0, 2.0, 2.0]);
    }
}
