//! Protection for cells that spreadsheets would run as formulas.

/// Prefixes a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return with an apostrophe, so that Excel, WPS and LibreOffice show it as
/// text instead of evaluating it (OWASP "CSV injection").
pub fn neutralize_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formula_starts() {
        assert_eq!(neutralize_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralize_formula("@cmd"), "'@cmd");
        assert_eq!(neutralize_formula("-2+3"), "'-2+3");
        assert_eq!(neutralize_formula("地区生产总值"), "地区生产总值");
    }
}
