//! Character classes the width and line-breaking rules are built from. Ranges are explicit so the
//! behaviour does not shift with the Unicode tables of whichever crate version is linked.

/// Whether `c` belongs to a CJK script or CJK punctuation block: ideographs (the unified block,
/// extensions A–I, compatibility ideographs, and all of planes 2 and 3), radicals and strokes, CJK
/// symbols and punctuation, kana, bopomofo, hangul, and the full/halfwidth and vertical forms.
pub fn is_cjk(c: char) -> bool {
    matches!(
        u32::from(c),
        0x1100..=0x11FF       // Hangul Jamo
        | 0x2E80..=0x2FDF     // CJK Radicals Supplement, Kangxi Radicals
        | 0x2FF0..=0x2FFF     // Ideographic Description Characters
        | 0x3000..=0x303F     // CJK Symbols and Punctuation
        | 0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3100..=0x312F     // Bopomofo
        | 0x3130..=0x318F     // Hangul Compatibility Jamo
        | 0x3190..=0x31FF     // Kanbun, Bopomofo Extended, CJK Strokes, Katakana Phonetic Ext.
        | 0x3200..=0x33FF     // Enclosed CJK Letters and Months, CJK Compatibility
        | 0x3400..=0x4DBF     // Extension A
        | 0x4E00..=0x9FFF     // Unified Ideographs
        | 0xA960..=0xA97F     // Hangul Jamo Extended-A
        | 0xAC00..=0xD7FF     // Hangul Syllables, Jamo Extended-B
        | 0xF900..=0xFAFF     // Compatibility Ideographs
        | 0xFE10..=0xFE1F     // Vertical Forms
        | 0xFE30..=0xFE6F     // CJK Compatibility Forms, Small Form Variants
        | 0xFF00..=0xFFEF     // Halfwidth and Fullwidth Forms
        | 0x1B000..=0x1B16F   // Kana Supplement, Kana Extended-A, Small Kana Extension
        | 0x20000..=0x3FFFF // Planes 2 and 3: Extensions B–I, Compatibility Supplement
    )
}

/// Whether `c` is a Han ideograph (the characters a number's unit word is written with).
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(
        u32::from(c),
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF
    )
}

/// Punctuation that closes or trails a phrase; a line never starts with one.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '｝'
            | '］'
            | '．'
            | '％'
            | '”'
            | '’'
            | '…'
            | '‥'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
    )
}

/// Punctuation that opens a phrase; a line never ends with one.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '｛'
            | '［'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
    )
}

/// Whitespace a line may be broken at (and which is dropped there).
pub(crate) fn is_break_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// Magnitude and approximation words that sit between a number and its unit (`5.5万个`,
/// `100多家`), so the unit stays attached across them.
pub(crate) fn is_number_infix(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿' | '多' | '余')
}

/// Invisible characters that still change what a terminal shows: bidirectional embeddings,
/// overrides, isolates and marks (which can reorder a line visually), and the Unicode line and
/// paragraph separators.
pub(crate) fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_ranges_cover_bmp_and_supplementary_ideographs() {
        for c in [
            '中', '〇', '，', '。', '「', 'あ', 'ア', '한', '㐀', '豈', '０', '︰',
        ] {
            assert!(is_cjk(c), "{c:?} should be CJK");
        }
        // Extension B, C, G and the compatibility supplement.
        for c in ['𠀀', '𪜀', '𰀀', '丽', '\u{2A6DF}'] {
            assert!(is_cjk(c), "{c:?} should be CJK");
            assert!(is_ideograph(c));
        }
        for c in [
            'a', 'Z', '1', ',', '…', '“', 'é', 'Ж', '😀', '\u{301}', '\u{FFFD}',
        ] {
            assert!(!is_cjk(c), "{c:?} should not be CJK");
        }
        assert!(!is_ideograph('，'));
        assert!(!is_ideograph('あ'));
    }

    #[test]
    fn punctuation_classes() {
        for c in "，。、；：？！）」』》”’…）】〉,.;:!?)".chars() {
            assert!(is_closing(c), "{c:?}");
            assert!(!is_opening(c), "{c:?}");
        }
        for c in "（「『《“‘【〈([".chars() {
            assert!(is_opening(c), "{c:?}");
            assert!(!is_closing(c), "{c:?}");
        }
        assert!(!is_closing('中'));
        assert!(!is_opening('a'));
    }
}
