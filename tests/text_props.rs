//! Properties of the display-width helpers over random mixed CJK/Latin text with punctuation,
//! spaces, controls and zero-width characters.

use gaoxin::text::{
    char_width, display_chars, is_cjk, pad, pad_left, sanitize, truncate, width, wrap, wrap_ranges,
};
use proptest::prelude::*;

/// Punctuation classes as the wrapping contract states them, kept apart from the implementation.
const CLOSING: &str = "，。、；：？！）」』》”’…】〉,.;:!?)";
const OPENING: &str = "（「『《“‘【〈([";

fn pick(chars: &'static str) -> impl Strategy<Value = char> {
    prop::sample::select(chars.chars().collect::<Vec<_>>())
}

fn mixed_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => pick("高新技术企业成都市区创新园家个万亿元年多余"),
        1 => pick("𠀀𠀁𪜀"),
        4 => pick("abcxyzABC"),
        3 => pick("0123456789"),
        1 => pick(".%,-/"),
        3 => pick(CLOSING),
        2 => pick(OPENING),
        3 => pick(" \t\u{3000}"),
        1 => pick("\n"),
        1 => pick("\x1b\x07\x00\r\u{7f}\u{9b}\u{85}\u{202e}"),
        1 => pick("\u{301}\u{308}\u{200b}\u{200d}\u{fe0f}"),
        1 => pick("😀👍é"),
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(mixed_char(), 0..80).prop_map(|v| v.into_iter().collect())
}

fn is_break_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// The last character before byte `b` that is neither zero-width nor a break space.
fn visible_before(s: &str, b: usize) -> Option<char> {
    s[..b]
        .chars()
        .rev()
        .find(|&c| char_width(c) != 0 && !is_break_space(c))
}

/// Whether a line could end before byte `b` without breaking a punctuation or mark rule.
fn legal_break(s: &str, b: usize) -> bool {
    // Break spaces at a break are dropped: the character after them is what starts the line.
    let next = s[b..].chars().find(|&c| !is_break_space(c));
    !next.is_some_and(|n| char_width(n) == 0 || CLOSING.contains(n))
        && !visible_before(s, b).is_some_and(|c| OPENING.contains(c))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sanitize_removes_controls_and_keeps_width(s in mixed_text()) {
        let out = sanitize(&s);
        prop_assert!(!out.chars().any(|c| c.is_control()), "{out:?}");
        prop_assert!(!out.contains('\u{202e}'), "{out:?}");
        prop_assert_eq!(width(&out), width(&s));
        prop_assert_eq!(display_chars(&s).map(|g| g.width).sum::<usize>(), width(&s));
        prop_assert_eq!(display_chars(&s).map(|g| g.to_string()).collect::<String>(), out);
    }

    #[test]
    fn cjk_ideographs_are_wide(c in pick("高新技术企业𠀀𠀁𪜀，。（")) {
        prop_assert!(is_cjk(c));
        prop_assert_eq!(char_width(c), 2);
    }

    #[test]
    fn truncate_fits_and_marks_cuts(s in mixed_text(), max in 0usize..30) {
        let t = truncate(&s, max);
        prop_assert!(!t.chars().any(|c| c.is_control()));
        if width(&s) <= max {
            prop_assert_eq!(t, sanitize(&s));
        } else {
            // A cut result is exactly as wide as allowed and ends with the ellipsis, then at most
            // the filler of one glyph.
            prop_assert_eq!(width(&t), max);
            if max > 0 {
                let kept = t.trim_end_matches(' ');
                prop_assert!(kept.ends_with('…'), "{t:?}");
                let body = &kept[..kept.len() - '…'.len_utf8()];
                prop_assert!(sanitize(&s).starts_with(body), "{t:?} from {s:?}");
                prop_assert!(t.len() - kept.len() < 4, "{t:?}");
            } else {
                prop_assert_eq!(t, "");
            }
        }
    }

    #[test]
    fn pad_gives_exact_width(s in mixed_text(), w in 0usize..30) {
        prop_assert_eq!(width(&pad(&s, w)), w);
        prop_assert_eq!(width(&pad_left(&s, w)), w);
        if width(&s) <= w {
            prop_assert!(pad(&s, w).starts_with(&sanitize(&s)));
            prop_assert!(pad_left(&s, w).ends_with(&sanitize(&s)));
        }
    }

    #[test]
    fn wrap_keeps_every_char_and_fits(s in mixed_text(), w in 1usize..24) {
        let ranges = wrap_ranges(&s, w);
        prop_assert_eq!(wrap(&s, w).len(), ranges.len());
        prop_assert!(ranges.len() > s.matches('\n').count());
        let mut prev_end = 0;
        for r in &ranges {
            prop_assert!(r.start >= prev_end && r.start <= r.end && r.end <= s.len(), "{ranges:?}");
            prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            // Only newlines and break spaces may fall between lines.
            let between = &s[prev_end..r.start];
            prop_assert!(between.chars().all(|c| c == '\n' || is_break_space(c)), "{between:?}");
            let line = &s[r.clone()];
            prop_assert!(!line.contains('\n'));
            let limit = if w >= 2 { w } else { 2 };
            prop_assert!(width(line) <= limit, "{line:?} wider than {w}");
            prev_end = r.end;
        }
        let tail = &s[prev_end..];
        prop_assert!(tail.chars().all(|c| c == '\n' || is_break_space(c)), "{tail:?}");
        // Every newline is a line boundary.
        let newlines: usize = ranges.windows(2).map(|p| s[p[0].end..p[1].start].matches('\n').count()).sum();
        prop_assert_eq!(newlines, s.matches('\n').count());
        let visible = |t: &str| t.chars().filter(|&c| c != '\n' && !is_break_space(c)).collect::<String>();
        let joined: String = ranges.iter().map(|r| &s[r.clone()]).collect();
        prop_assert_eq!(visible(&joined), visible(&s));
    }

    #[test]
    fn wrap_respects_punctuation_where_possible(s in mixed_text(), w in 2usize..24) {
        let ranges = wrap_ranges(&s, w);
        for pair in ranges.windows(2) {
            let (a, b) = (pair[0].clone(), pair[1].clone());
            if s[a.end..b.start].contains('\n') || a.is_empty() || b.is_empty() {
                continue;
            }
            let starts_closed = s[b.clone()].chars().next().is_some_and(|c| CLOSING.contains(c));
            let starts_with_mark = s[b.clone()].chars().next().is_some_and(|c| char_width(c) == 0);
            let ends_open = visible_before(&s, a.end).is_some_and(|c| OPENING.contains(c))
                && s[a.clone()].chars().any(|c| char_width(c) != 0 && !is_break_space(c));
            // A mark only loses its base when that base was whitespace too wide to keep.
            let dropped_base = s[..b.start].chars().next_back().is_some_and(is_break_space);
            prop_assert!(!starts_with_mark || dropped_base, "line starts with a mark: {:?}", &s[b]);
            if starts_closed || ends_open {
                // Allowed only when no break inside the line would have respected the rules.
                let inner = s[a.clone()].char_indices().skip(1).map(|(i, _)| a.start + i);
                let alternatives: Vec<usize> = inner.filter(|&i| legal_break(&s, i)).collect();
                prop_assert!(
                    alternatives.is_empty(),
                    "{:?} | {:?} could break at {:?} (w = {w})",
                    &s[a.clone()], &s[b.clone()], alternatives
                );
            }
        }
    }

    #[test]
    fn cjk_words_with_units_stay_whole(pre in "[高新区]{0,6}", n in "[0-9]{1,4}", post in "[企业园]{0,6}", w in 6usize..20) {
        let s = format!("{pre}{n}家{post}");
        let unit = format!("{n}家");
        prop_assume!(width(&unit) <= w);
        let lines = wrap(&s, w);
        prop_assert!(lines.iter().any(|l| l.contains(&unit)), "{lines:?}");
    }
}
