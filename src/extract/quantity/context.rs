//! Looking around a number: rank wording, names in quotation marks, clause boundaries.

/// Punctuation that ends a clause; rank wording is looked for back to the last one.
pub(super) fn ends_clause(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '！' | '？' | '：' | ',' | ';' | '!' | '?' | ':' | '\n'
    )
}

/// Whether a count ends here (`专家智库服务站一处，`): the clause goes on with something else.
pub(super) fn ends_phrase(next: Option<char>) -> bool {
    next.is_none_or(|c| {
        ends_clause(c)
            || matches!(
                c,
                '、' | '.' | '（' | '(' | '）' | ')' | ' ' | '\u{3000}' | '—' | '等'
            )
    })
}

/// Words that make a following `第N` a rank (`位居全国第4`, `排名第21位`, `保持全国第一`).
const RANK_WORDS: &[&str] = &[
    "居", "排名", "排在", "排行", "排第", "列", "保持", "全国", "全省", "全市", "全球", "世界",
    "全区", "同类", "同期", "榜", "名次", "位次", "跻身", "进入", "重回", "挺进", "跃升", "跃上",
];

/// How far back (in characters) rank wording may stand from `第`.
const RANK_LOOKBACK: usize = 16;

/// Whether rank wording precedes byte `pos` within its clause.
pub(super) fn rank_context(text: &str, pos: usize) -> bool {
    let head = &text[..pos];
    let mut start = pos;
    for (n, (i, c)) in head.char_indices().rev().enumerate() {
        if n >= RANK_LOOKBACK || ends_clause(c) {
            break;
        }
        start = i;
    }
    let clause = &head[start..];
    RANK_WORDS.iter().any(|w| clause.contains(w))
}

/// Opening marks whose short contents are names or slogans (`“315”科技创新体系`), with their
/// closing marks.
/// ASCII `"` is left out: it opens and closes alike, so a closing mark would pair with the next
/// opening one.
const QUOTES: &[(char, char)] = &[('“', '”'), ('‘', '’'), ('「', '」'), ('『', '』')];

/// Longest quotation (in characters) still read as a name; longer ones are speech, whose
/// numbers count.
const NAME_QUOTE_CHARS: usize = 16;

/// If byte `pos` opens a book title (`《…》`) or a short quotation, the byte where it closes:
/// numbers before that are part of a name, not figures. Looks no further than the paragraph.
pub(super) fn shield_end(text: &str, pos: usize, open: char) -> Option<usize> {
    let body_start = pos + open.len_utf8();
    let rest = text.get(body_start..)?;
    // Only a bounded window is searched, so a stray mark costs O(1), not the paragraph.
    let limit = if open == '《' {
        TITLE_BYTES
    } else {
        (NAME_QUOTE_CHARS + 1) * 4
    };
    let window = &rest[..floor_boundary(rest, limit)];
    let window = window.find('\n').map_or(window, |n| &window[..n]);
    if open == '《' {
        return window.find('》').map(|n| body_start + n);
    }
    let close = QUOTES.iter().find(|(o, _)| *o == open)?.1;
    let n = window.find(close)?;
    (window[..n].chars().count() <= NAME_QUOTE_CHARS).then_some(body_start + n)
}

/// Longest book title looked for, in bytes.
const TITLE_BYTES: usize = 400;

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether `c` opens a quotation or title that [`shield_end`] looks at.
pub(super) fn opens_shield(c: char) -> bool {
    c == '《' || QUOTES.iter().any(|(o, _)| *o == c)
}

/// The character before byte `pos`.
pub(super) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character at byte `pos`.
pub(super) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank_at(text: &str) -> bool {
        rank_context(text, text.find('第').unwrap())
    }

    #[test]
    fn rank_wording() {
        assert!(rank_at("经济总量位居成都市主城区第一"));
        assert!(rank_at("新增数量全国第一"));
        assert!(rank_at("继续保持第四位"));
        assert!(rank_at("位列中国百强区第44位"));
        assert!(!rank_at("举办第三十五届论坛"));
        // The clause boundary stops the look-back.
        assert!(!rank_at("位居全国前列，第二场活动"));
    }

    #[test]
    fn short_quotes_shield_long_quotes_do_not() {
        let t = "构建“315”科技创新体系";
        let open = t.find('“').unwrap();
        assert_eq!(shield_end(t, open, '“'), t.find('”'));
        let t = "“就业是民生之本。提高经济增长的就业带动力，就要不断促进就业量的扩大。”";
        assert_eq!(shield_end(t, 0, '“'), None);
        let t = "《2023年报告》";
        assert_eq!(shield_end(t, 0, '《'), t.find('》'));
        // Unclosed within the paragraph: nothing shielded.
        assert_eq!(shield_end("“315\n”", 0, '“'), None);
    }
}
