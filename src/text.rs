//! Sentences as byte spans. Owner: events work (issue 3).

use std::ops::Range;

pub fn sentences(text: &str) -> Vec<Range<usize>> {
    vec![0..text.len()]
}
