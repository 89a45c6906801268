//! Chinese numerals: `三`, `十四`, `两千三百万`, `九千九百九十九亿`, `一万亿`, `三点五`, `二〇二三`.

/// A Chinese numeral read from the start of a string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ChineseNumeral {
    /// Bytes consumed.
    pub len: usize,
    /// Its value.
    pub value: f64,
    /// Written digit by digit with no place words (`二〇二三`): a year or a code, rarely a count.
    pub digits_only: bool,
    /// Uses 万 or 亿.
    pub magnitude: bool,
}

/// The value of a Chinese digit character, formal (`壹`) or ordinary (`一`, `两`, `〇`).
pub(crate) fn digit_value(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a place word below 万 (`十`, `百`, `千` and their formal forms).
pub(super) fn place_value(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral (digits, place and magnitude words).
pub(crate) fn is_numeral_char(c: char) -> bool {
    digit_value(c).is_some() || place_value(c).is_some() || matches!(c, '万' | '萬' | '亿' | '億')
}

/// Reads the longest well-formed Chinese numeral at the start of `s`.
///
/// Place words must fall within a section (`千` > `百` > `十`), `万` and `亿` at most once each
/// in that order of precedence (`一万亿` is fine, `一亿亿` stops before the second `亿`). A digit
/// after a place word without `零` abbreviates the next place down (`三万五` = 35000). Only `十`
/// may open a numeral without a digit (`十余家`); `百强`, `千亿` and `万众` are not numerals.
pub(super) fn chinese_prefix(s: &str) -> Option<ChineseNumeral> {
    if let Some(n) = digits_only_prefix(s) {
        return Some(n);
    }
    let mut st = State::default();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '点' || c == '點' {
            // A decimal point needs a digit after it (`八点` is a time) and an integer part
            // with no magnitude yet; the digits may be followed by 万 / 亿 only.
            let starts_digits = chars
                .peek()
                .is_some_and(|&(_, d)| d != '两' && digit_value(d).is_some());
            if !starts_digits || st.closed || !st.any || st.seen_wan || st.seen_yi {
                break;
            }
            st.flush_section();
            let mut scale = 0.1;
            while let Some(&(j, d)) = chars.peek() {
                let Some(v) = digit_value(d).filter(|_| d != '两') else {
                    break;
                };
                st.fraction += f64::from(v) * scale;
                scale /= 10.0;
                st.end = j + d.len_utf8();
                chars.next();
            }
            st.closed = true;
            continue;
        }
        if !st.step(c, i) {
            break;
        }
    }
    st.finish()
}

/// `二〇二三`, `一九九八`: two or more digits in a row with no place word, at least one a zero.
fn digits_only_prefix(s: &str) -> Option<ChineseNumeral> {
    let mut value: u64 = 0;
    let mut count = 0usize;
    let mut len = 0;
    let mut zero = false;
    for (i, c) in s.char_indices() {
        let Some(d) = digit_value(c).filter(|_| c != '两') else {
            break;
        };
        zero |= d == 0;
        value = value.checked_mul(10)?.checked_add(u64::from(d))?;
        count += 1;
        len = i + c.len_utf8();
    }
    let next = s[len..].chars().next();
    let followed_by_place = next.is_some_and(|c| is_numeral_char(c) || c == '点');
    (count >= 2 && zero && !followed_by_place).then_some(ChineseNumeral {
        len,
        value: value as f64,
        digits_only: true,
        magnitude: false,
    })
}

#[derive(Default)]
struct State {
    /// Whole 亿 groups already closed.
    yi: u64,
    /// The 万 group of the current 亿 group.
    wan: u64,
    /// The section below 万.
    section: u64,
    /// A digit not yet multiplied by a place word.
    pending: Option<u64>,
    /// The place the pending digit abbreviates (`三万五`: 1000); 1 after `零` or at the start.
    next_place: u64,
    /// The smallest place word used in the current section, to reject `百千`.
    last_place: u64,
    seen_wan: bool,
    seen_yi: bool,
    /// Anything since the last 万/亿 (a 万 needs something to multiply).
    since_mag: bool,
    /// A decimal part was read; only 万/亿 may follow.
    closed: bool,
    fraction: f64,
    any: bool,
    end: usize,
}

impl State {
    /// Takes `c` at byte `i` if the numeral can continue with it.
    fn step(&mut self, c: char, i: usize) -> bool {
        let ok = if let Some(d) = digit_value(c) {
            !self.closed && self.digit(u64::from(d))
        } else if let Some(p) = place_value(c) {
            !self.closed && self.place(p)
        } else if matches!(c, '万' | '萬') {
            self.mag_wan()
        } else if matches!(c, '亿' | '億') {
            self.mag_yi()
        } else {
            false
        };
        if ok {
            self.any = true;
            self.end = i + c.len_utf8();
        }
        ok
    }

    fn digit(&mut self, d: u64) -> bool {
        if self.pending.is_some() {
            // Two digits in a row are only allowed after 零 (`一百零五`), i.e. a pending 0.
            if self.pending != Some(0) {
                return false;
            }
            self.next_place = 1;
        } else if !self.any {
            self.next_place = 1;
        }
        self.pending = Some(d);
        self.since_mag = true;
        true
    }

    fn place(&mut self, p: u64) -> bool {
        if self.last_place != 0 && p >= self.last_place {
            return false;
        }
        let d = match self.pending {
            Some(0) => return false,
            Some(d) => d,
            // Only 十 may stand alone (`十余`, `一百十`); `百强`, `千亿` are words.
            None if p == 10 => 1,
            None => return false,
        };
        self.section += d * p;
        self.pending = None;
        self.last_place = p;
        self.next_place = p / 10;
        self.since_mag = true;
        true
    }

    /// Adds the pending digit to the section; its place is the one it abbreviates.
    fn flush_section(&mut self) {
        if let Some(d) = self.pending.take() {
            self.section += d * self.next_place.max(1);
        }
    }

    fn mag_wan(&mut self) -> bool {
        if !self.since_mag || self.seen_wan {
            return false;
        }
        self.flush_section();
        let Some(w) = self.section.checked_mul(10_000) else {
            return false;
        };
        self.wan = w;
        self.section = 0;
        self.last_place = 0;
        self.next_place = 1000;
        self.seen_wan = true;
        self.since_mag = false;
        self.fraction *= 10_000.0;
        true
    }

    fn mag_yi(&mut self) -> bool {
        if self.seen_yi || !(self.since_mag || self.seen_wan) {
            return false;
        }
        self.flush_section();
        let Some(total) = self
            .yi
            .checked_add(self.wan)
            .and_then(|t| t.checked_add(self.section))
            .and_then(|t| t.checked_mul(100_000_000))
        else {
            return false;
        };
        self.yi = total;
        self.wan = 0;
        self.section = 0;
        self.last_place = 0;
        self.next_place = 10_000_000;
        self.seen_yi = true;
        self.seen_wan = false;
        self.since_mag = false;
        self.fraction *= 100_000_000.0;
        true
    }

    fn finish(mut self) -> Option<ChineseNumeral> {
        if !self.any {
            return None;
        }
        self.flush_section();
        let int = self.yi.checked_add(self.wan)?.checked_add(self.section)?;
        let value = int as f64 + self.fraction;
        value.is_finite().then_some(ChineseNumeral {
            len: self.end,
            value,
            digits_only: false,
            magnitude: self.seen_wan || self.seen_yi,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> Option<(usize, f64)> {
        chinese_prefix(s).map(|n| (n.len, n.value))
    }

    #[test]
    fn plain_numerals() {
        assert_eq!(val("三"), Some((3, 3.0)));
        assert_eq!(val("十"), Some((3, 10.0)));
        assert_eq!(val("十四"), Some((6, 14.0)));
        assert_eq!(val("二十"), Some((6, 20.0)));
        assert_eq!(val("一百零五"), Some((12, 105.0)));
        assert_eq!(val("一千零五十"), Some((15, 1050.0)));
        assert_eq!(val("两千三百万"), Some((15, 23_000_000.0)));
        assert_eq!(val("九千九百九十九亿"), Some((24, 999_900_000_000.0)));
        assert_eq!(val("一万亿"), Some((9, 1e12)));
        assert_eq!(val("三亿五千万"), Some((15, 350_000_000.0)));
    }

    #[test]
    fn abbreviated_and_decimal() {
        assert_eq!(val("三万五"), Some((9, 35_000.0)));
        assert_eq!(val("一百五"), Some((9, 150.0)));
        assert_eq!(val("三点五亿"), Some((12, 350_000_000.0)));
        // 八点 is a time: the point is not taken without digits.
        assert_eq!(val("八点"), Some((3, 8.0)));
    }

    #[test]
    fn stops_at_ill_formed_continuations() {
        // 十四五: the digit after a digit ends the numeral.
        assert_eq!(val("十四五"), Some((6, 14.0)));
        assert_eq!(val("百强"), None);
        assert_eq!(val("万众"), None);
        assert_eq!(val("一亿亿"), Some((6, 1e8)));
        assert_eq!(val("三四"), Some((3, 3.0)));
    }

    #[test]
    fn digit_strings_need_a_zero() {
        let n = chinese_prefix("二〇二三年").map(|n| (n.len, n.value, n.digits_only));
        assert_eq!(n, Some((12, 2023.0, true)));
        assert_eq!(chinese_prefix("一二").map(|n| n.digits_only), Some(false));
    }
}
