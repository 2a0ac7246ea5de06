//! Numbers as Chinese reports write them: Arabic with decimals and thousands
//! separators ("1,200.5"), Chinese numerals ("两", "十二", "一百五十",
//! "三千五百万"), magnitudes after digits ("1.2万", "779.43亿") and ranges
//! ("2-3", "2至3", "1~2"). Input is normalised text (ASCII digits).

/// Value of a magnitude character, if it is one.
pub fn magnitude(ch: char) -> Option<f64> {
    match ch {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1e3),
        '万' => Some(1e4),
        '亿' => Some(1e8),
        _ => None,
    }
}

/// Value of a Chinese digit, if it is one.
fn chinese_digit(ch: char) -> Option<f64> {
    let value = match ch {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(f64::from(value))
}

/// Parses an Arabic number with optional thousands separators: "1,200.5" → 1200.5.
pub fn parse_arabic(text: &str) -> Option<f64> {
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    plain.parse().ok()
}

/// Parses a Chinese numeral: "十二" → 12, "一百五十" → 150, "两" → 2, "三千五百万" → 3.5e7.
pub fn parse_chinese(text: &str) -> Option<f64> {
    let (mut above_yi, mut above_wan, mut small) = (0.0, 0.0, 0.0);
    let mut digit: Option<f64> = None;
    for ch in text.chars() {
        if let Some(d) = chinese_digit(ch) {
            digit = Some(d);
            continue;
        }
        let scale = magnitude(ch)?;
        let leading = above_yi == 0.0 && above_wan == 0.0 && small == 0.0;
        let default = if scale == 10.0 || leading { 1.0 } else { 0.0 };
        let d = digit.take().unwrap_or(default);
        match scale {
            s if s >= 1e8 => {
                above_yi += (above_wan + small + d) * s;
                (above_wan, small) = (0.0, 0.0);
            }
            s if s >= 1e4 => {
                above_wan = (small + d) * s;
                small = 0.0;
            }
            s => small += d * s,
        }
    }
    let value = above_yi + above_wan + small + digit.unwrap_or(0.0);
    (value > 0.0 || text.contains(['零', '〇'])).then_some(value)
}

/// Parses a Chinese numeral with decimals: "三十八点五" → 38.5, "零点六" → 0.6.
pub fn parse_chinese_decimal(text: &str) -> Option<f64> {
    let Some((whole, decimals)) = text.split_once('点') else {
        return parse_chinese(text);
    };
    let whole = if whole.is_empty() {
        Some(0.0)
    } else {
        parse_chinese(whole)
    }?;
    let digits: Option<String> = decimals
        .chars()
        .map(|c| chinese_digit(c).map(|d| char::from(b'0' + d as u8)))
        .collect();
    let fraction: f64 = format!("0.{}", digits?).parse().ok()?;
    Some(whole + fraction)
}

/// Parses one number, Arabic or Chinese.
pub fn parse_number(text: &str) -> Option<f64> {
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        parse_arabic(text)
    } else {
        parse_chinese(text)
    }
}

/// Splits a range "2-3", "2至3", "2~3", "2到3" into its bounds; a plain number gives `(n, None)`.
pub fn parse_range(text: &str) -> Option<(f64, Option<f64>)> {
    let separators = ['-', '~', '至', '到'];
    match text.split_once(|c| separators.contains(&c)) {
        Some((low, high)) => {
            let high = parse_number(high.trim())?;
            let low = parse_number(low.trim())?;
            (low <= high).then_some((low, Some(high)))
        }
        None => Some((parse_number(text)?, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_numbers() {
        assert_eq!(parse_number("779.43"), Some(779.43));
        assert_eq!(parse_number("1,200.5"), Some(1200.5));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_chinese("两"), Some(2.0));
        assert_eq!(parse_chinese("十二"), Some(12.0));
        assert_eq!(parse_chinese("一百五十"), Some(150.0));
        assert_eq!(parse_chinese("三千五百万"), Some(3.5e7));
        assert_eq!(parse_chinese("一万零五百"), Some(10500.0));
        assert_eq!(parse_chinese("二十"), Some(20.0));
        assert_eq!(parse_chinese("一亿二千万"), Some(1.2e8));
        assert_eq!(parse_chinese("五万亿"), Some(5e12));
        assert_eq!(parse_chinese("年"), None);
        assert_eq!(parse_chinese("千亿"), Some(1e11));
        assert_eq!(parse_chinese_decimal("三十八点五"), Some(38.5));
        assert_eq!(parse_chinese_decimal("零点六"), Some(0.6));
        assert_eq!(parse_chinese_decimal("九"), Some(9.0));
    }

    #[test]
    fn ranges() {
        assert_eq!(parse_range("2-3"), Some((2.0, Some(3.0))));
        assert_eq!(parse_range("2至3"), Some((2.0, Some(3.0))));
        assert_eq!(parse_range("3-2"), None);
        assert_eq!(parse_range("60"), Some((60.0, None)));
    }
}
