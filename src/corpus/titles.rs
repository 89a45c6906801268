//! Headline groups and matching headlines printed away from their story.
//!
//! Page layouts put several headlines above one column, or a headline under the story it
//! belongs to; extracted text then shows titles and bodies out of order. A headline shares
//! its key words with its story ("法治论坛", "知识产权"), so floating headlines go to the
//! untitled article whose text shares most of their character pairs.

use super::lines::is_han;

/// One headline as printed: one line, or a kicker and a headline, or a headline wrapped over
/// two lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct TitleGroup {
    pub lines: Vec<String>,
    /// Contains a heading of the level a markdown page uses for article titles.
    pub top_level: bool,
}

impl TitleGroup {
    /// The lines joined: a line ending in a colon runs straight on (`镇江高新区：` + headline),
    /// other lines are separated by a space (kicker, headline, subtitle).
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            if !out.is_empty() && !out.ends_with(['：', ':', '—', '-']) {
                out.push(' ');
            }
            out.push_str(line);
        }
        out
    }
}

/// Share of a title's character pairs found in a body, below which a floating title is not
/// given to an article.
const MIN_SCORE: f64 = 0.3;

/// Character pairs a floating title needs before it is matched by wording at all.
const MIN_PAIRS: usize = 3;

/// Gives each untitled body (by index) the floating title that fits it best, each title at
/// most once; `None` where no title fits.
pub(crate) fn assign_floating(floating: &[TitleGroup], bodies: &[&str]) -> Vec<Option<String>> {
    let mut result = vec![None; bodies.len()];
    let mut scores: Vec<(f64, usize, usize)> = Vec::new();
    for (t, title) in floating.iter().enumerate() {
        let pairs = han_pairs(&title.text());
        // A word or two (a line cut off at the end of a saved page) matches any body.
        if pairs.len() < MIN_PAIRS {
            continue;
        }
        for (b, body) in bodies.iter().enumerate() {
            let hits = pairs.iter().filter(|p| body.contains(p.as_str())).count();
            let score = hits as f64 / pairs.len() as f64;
            if score >= MIN_SCORE {
                scores.push((score, t, b));
            }
        }
    }
    // Best pairs first; ties go to the earlier title and body so results are stable.
    scores.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut used = vec![false; floating.len()];
    for (_, t, b) in scores {
        if !used[t] && result[b].is_none() {
            used[t] = true;
            result[b] = Some(floating[t].text());
        }
    }
    result
}

/// Distinct pairs of adjacent Chinese characters.
fn han_pairs(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut pairs: Vec<String> = chars
        .windows(2)
        .filter(|w| is_han(w[0]) && is_han(w[1]))
        .map(|w| w.iter().collect())
        .collect();
    pairs.sort();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(lines: &[&str]) -> TitleGroup {
        TitleGroup {
            lines: lines.iter().map(|s| s.to_string()).collect(),
            top_level: false,
        }
    }

    #[test]
    fn joins_kicker_and_colon_lines() {
        assert_eq!(
            group(&["抢抓机遇", "某市积极谋发展"]).text(),
            "抢抓机遇 某市积极谋发展"
        );
        assert_eq!(
            group(&["某高新区：", "做好后半篇文章"]).text(),
            "某高新区：做好后半篇文章"
        );
    }

    #[test]
    fn floating_titles_go_to_matching_bodies() {
        let titles = [
            group(&["两市座谈外事合作"]),
            group(&["法治论坛在某市召开"]),
            group(&["无关的标题文字"]),
        ];
        let bodies = [
            "第五届法治论坛近日在某市召开，来自各地的代表参加。",
            "两市外办座谈，围绕外事合作交流。",
        ];
        let got = assign_floating(&titles, &bodies);
        assert_eq!(got[0].as_deref(), Some("法治论坛在某市召开"));
        assert_eq!(got[1].as_deref(), Some("两市座谈外事合作"));
        let none = assign_floating(&titles[2..], &bodies);
        assert_eq!(none, vec![None, None]);
    }
}
