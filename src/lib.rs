//! ReportLens core: turn a Chinese government report into a structured
//! [`Document`](document::Document) and find every quantitative indicator in it.
//!
//! The pipeline flows one way:
//!
//! ```text
//! file bytes --decode--> text --structure--> Document --extract--> Vec<Indicator> --> export
//! ```
//!
//! # Offsets
//!
//! Every offset in this crate (spans of blocks, headings, indicators) is a
//! **char offset**: the index of a Unicode scalar value in [`Document::text`](document::Document::text),
//! the text exactly as the reader sees it after decoding and line-ending
//! normalisation. `start` is inclusive and `end` exclusive. Convert with
//! [`span::char_to_byte`] when slicing a `&str`.
//!
//! # Example
//!
//! ```
//! use reportlens::document::Document;
//! use reportlens::indicators::Extractor;
//!
//! let doc = Document::from_text("plan.txt", "全年新增高新技术企业60家。");
//! let indicators = Extractor::shared().extract(&doc);
//! assert_eq!(indicators[0].metric, "高新技术企业");
//! assert_eq!(indicators[0].normalized_value, Some(60.0));
//! ```

pub mod annotations;
pub mod cli;
pub mod document;
pub mod error;
pub mod evaluation;
pub mod export;
pub mod files;
#[cfg(feature = "gui")]
pub mod gui;
pub mod indicators;
pub mod span;
pub mod tracking;

pub use document::Document;
pub use error::LoadError;
pub use indicators::{Extractor, Indicator};
