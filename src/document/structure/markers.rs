//! Heading numbering markers ("一、", "(一)", "1.", "第一部分", "一是", ...)
//! and the family each belongs to.

/// A heading numbering scheme. Each family gets one outline level per
/// document, in the order the families first appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// "第一部分", "第一篇".
    Part,
    /// "第一章".
    Chapter,
    /// "第一节".
    Section,
    /// "一、".
    CnComma,
    /// "(一)" and "（一）".
    CnParen,
    /// "一是", "二是" at the start of a line.
    Ordinal,
    /// "1." / "1．" / "1、".
    ArabicDot,
    /// "(1)" and "（1）".
    ArabicParen,
    /// "①".
    Circled,
    /// "名词解释:", "附件": back matter, always a top-level section.
    Glossary,
    /// An unnumbered short title line.
    Plain,
}

/// Back-matter section names that head a glossary or appendix.
const GLOSSARY_NAMES: &[&str] = &[
    "名词解释",
    "名词注释",
    "名词解析",
    "注释",
    "附注",
    "附录",
    "附件",
];

/// Longest back-matter heading line in bytes ("名词解释：" plus a number).
const MAX_GLOSSARY_BYTES: usize = 24;

/// True for Chinese numerals used in heading numbers.
fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零'
    )
}

/// True for ASCII and full-width digits.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Byte length of the leading run of chars satisfying `pred`, if it has 1..=`max` chars.
fn run(text: &str, max: usize, pred: fn(char) -> bool) -> Option<usize> {
    let mut bytes = 0;
    for (count, c) in text.chars().enumerate() {
        if !pred(c) {
            return (count > 0).then_some(bytes);
        }
        if count == max {
            return None;
        }
        bytes += c.len_utf8();
    }
    (bytes > 0).then_some(bytes)
}

/// The family of the numbering marker starting `text`, and the marker's byte length.
pub(crate) fn marker(text: &str) -> Option<(Family, usize)> {
    let first = text.chars().next()?;
    match first {
        '第' => ordinal_unit(text),
        '(' | '（' => parenthesised(text),
        '\u{2460}'..='\u{2473}' => Some((Family::Circled, first.len_utf8())),
        c if is_cn_numeral(c) => cn_numbered(text),
        c if is_digit(c) => arabic_numbered(text),
        _ => None,
    }
}

/// "第一部分" / "第一章" / "第一节".
fn ordinal_unit(text: &str) -> Option<(Family, usize)> {
    let rest = text.get('第'.len_utf8()..)?;
    let digits = run(rest, 4, |c| is_cn_numeral(c) || c == '百' || is_digit(c))?;
    let tail = rest.get(digits..)?;
    let head = '第'.len_utf8() + digits;
    [
        ("部分", Family::Part),
        ("篇", Family::Part),
        ("章", Family::Chapter),
        ("节", Family::Section),
    ]
    .into_iter()
    .find(|(unit, _)| tail.starts_with(unit))
    .map(|(unit, family)| (family, head + unit.len()))
}

/// "(一)" / "（一）" / "(1)" / "（1）".
fn parenthesised(text: &str) -> Option<(Family, usize)> {
    let open = text.chars().next()?.len_utf8();
    let rest = text.get(open..)?;
    let (family, digits) = match run(rest, 3, is_cn_numeral) {
        Some(n) => (Family::CnParen, n),
        None => (Family::ArabicParen, run(rest, 2, is_digit)?),
    };
    let close = rest.get(digits..)?.chars().next()?;
    matches!(close, ')' | '）').then_some((family, open + digits + close.len_utf8()))
}

/// "一、" and "一是".
fn cn_numbered(text: &str) -> Option<(Family, usize)> {
    let digits = run(text, 3, is_cn_numeral)?;
    let next = text.get(digits..)?.chars().next()?;
    let family = match next {
        '、' => Family::CnComma,
        '是' => Family::Ordinal,
        _ => return None,
    };
    Some((family, digits + next.len_utf8()))
}

/// "1." / "1．" / "1、" not followed by another digit (so "1.5亿" is no marker).
fn arabic_numbered(text: &str) -> Option<(Family, usize)> {
    let digits = run(text, 2, is_digit)?;
    let mut rest = text.get(digits..)?.chars();
    let dot = rest.next()?;
    let follows_digit = rest.next().is_some_and(is_digit);
    (matches!(dot, '.' | '．' | '、') && !follows_digit)
        .then_some((Family::ArabicDot, digits + dot.len_utf8()))
}

/// True for a back-matter heading such as "名词解释:" or "附件2".
pub(crate) fn is_glossary(text: &str) -> bool {
    if text.len() > MAX_GLOSSARY_BYTES {
        return false;
    }
    let name = text.trim_end_matches([':', '：']).trim_end();
    let name = name.trim_end_matches(|c: char| c.is_ascii_digit());
    GLOSSARY_NAMES.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(text: &str) -> Option<Family> {
        marker(text).map(|(f, _)| f)
    }

    #[test]
    fn recognises_families() {
        assert_eq!(family("一、总体要求"), Some(Family::CnComma));
        assert_eq!(family("十二、其他"), Some(Family::CnComma));
        assert_eq!(family("(一)总体要求"), Some(Family::CnParen));
        assert_eq!(family("（二）主要目标"), Some(Family::CnParen));
        assert_eq!(family("(3)细则"), Some(Family::ArabicParen));
        assert_eq!(family("1.发挥创新引领作用"), Some(Family::ArabicDot));
        assert_eq!(family("12．目标"), Some(Family::ArabicDot));
        assert_eq!(family("第一部分 回顾"), Some(Family::Part));
        assert_eq!(family("第三章 任务"), Some(Family::Chapter));
        assert_eq!(family("二是塑优势"), Some(Family::Ordinal));
        assert_eq!(family("①加快"), Some(Family::Circled));
    }

    #[test]
    fn rejects_look_alikes() {
        assert_eq!(family("一年来,我们"), None);
        assert_eq!(family("1.5亿元"), None);
        assert_eq!(family("2021年全区"), None);
        assert_eq!(family("第三十八次会议上"), None);
        assert_eq!(family("(共有 条评论)"), None);
        assert_eq!(family(""), None);
    }

    #[test]
    fn marker_lengths_are_bytes() {
        assert_eq!(marker("（一）主要"), Some((Family::CnParen, 9)));
        assert_eq!(marker("1.目标"), Some((Family::ArabicDot, 2)));
    }

    #[test]
    fn glossary_names() {
        assert!(is_glossary("名词解释:"));
        assert!(is_glossary("附件2"));
        assert!(!is_glossary("各位代表:"));
    }
}
