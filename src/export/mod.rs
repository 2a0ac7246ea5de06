//! Export. STUB.
