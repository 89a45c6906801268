//! Where text sits on a terminal line, in display columns.

use gaoxin::text;

/// Display column where each of `needles` ends on `line`, searched left to right.
pub fn end_columns(line: &str, needles: &[String]) -> Vec<usize> {
    let mut from = 0;
    needles
        .iter()
        .map(|n| {
            let at = line[from..]
                .find(n.as_str())
                .unwrap_or_else(|| panic!("{n:?} not in {line:?}"));
            from += at + n.len();
            text::width(&line[..from])
        })
        .collect()
}
