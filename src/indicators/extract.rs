//! The indicator extractor. STUB.

use crate::document::Document;
use crate::indicators::Indicator;

/// Finds indicators in documents.
pub struct Extractor;

impl Extractor {
    /// The process-wide extractor.
    pub fn shared() -> &'static Extractor {
        static EXTRACTOR: Extractor = Extractor;
        &EXTRACTOR
    }

    /// All indicators of `doc`, in document order.
    pub fn extract(&self, _doc: &Document) -> Vec<Indicator> {
        Vec::new()
    }
}
