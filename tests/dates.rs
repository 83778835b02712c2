//! Publication dates and event days on the seed articles.
//!
//! The day checks read the hand-made development gold file (`../shared/eval/seeds-gold.json`) at
//! test time: for every gold event with a day, the sentence holding its evidence is dated with
//! `time_refs` + `event_day` against the gold publication date, and the agreement rate is printed
//! with every mismatch. Nothing of the gold is copied into the code.

use std::path::PathBuf;

use chrono::NaiveDate;
use karabakh_atlas::corpus::publication_date;
use karabakh_atlas::model::DateSource;
use karabakh_atlas::text::sentences;
use karabakh_atlas::when::{event_day, primary_day, time_refs};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn seed(name: &str) -> String {
    let path = root().join("seeds").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed_files() -> Vec<PathBuf> {
    let dir = root().join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn load_gold() -> Option<serde_json::Value> {
    let path = root().join("../shared/eval/seeds-gold.json");
    if !path.is_file() {
        eprintln!(
            "{} is absent: the gold comparison is skipped",
            path.display()
        );
        return None;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Some(serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

#[test]
fn every_seed_gets_a_publication_date_with_evidence() {
    let files = seed_files();
    assert_eq!(files.len(), 5);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        let p = publication_date(&text).unwrap_or_else(|| panic!("{}: no date", f.display()));
        println!(
            "{}: {} {:?} ({}) {:?}",
            f.display(),
            p.day,
            p.source,
            p.evidence,
            p.conflicts
        );
        assert!(!p.evidence.is_empty());
        // The evidence is quoted from the article (clues are joined with " … ").
        for piece in p.evidence.split(" … ") {
            assert!(text.contains(piece), "{}: {piece:?}", f.display());
        }
        assert!(p.day >= day("2020-09-27") && p.day <= day("2020-11-10"));
    }
}

#[test]
fn stated_dates_are_read_from_metadata_lines() {
    let p = publication_date(&seed("000_3ffde59c5c20d985.txt"));
    assert_eq!(p.as_ref().map(|p| p.source), Some(DateSource::Stated));
    assert_eq!(p.map(|p| p.day), Some(day("2020-10-10")));
    let p = publication_date(&seed("002_4928e13b0611f269.txt"));
    assert_eq!(p.as_ref().map(|p| p.source), Some(DateSource::Stated));
    assert_eq!(p.map(|p| p.day), Some(day("2020-10-03")));
}

#[test]
fn a_record_s_date_line_is_read_whatever_its_label() {
    for line in [
        "Volume 701: debated on Wednesday 4 November 2020",
        "Sitting of Wednesday 4 November 2020",
        "Minutes of the meeting held on 4 November 2020",
    ] {
        let text = format!(
            "Record of the Lower Chamber\n\nCaucasus truce\n{line}\n\n2.15 pm\n\n\
             The Minister: On Friday, the envoys of both countries held talks with the mediators \
             in Geneva. This morning, shells hit Tartar."
        );
        let p = publication_date(&text);
        assert_eq!(
            p.as_ref().map(|p| p.source),
            Some(DateSource::Stated),
            "{line}"
        );
        assert_eq!(p.map(|p| p.day), Some(day("2020-11-04")), "{line}");
    }
    // A report's own sentence is no date line: its date is not the publication's.
    let text = "Truce news\n\nShells hit Tartar on Wednesday 4 November 2020.\n\nThe ministry \
                said on Friday that more shells had fallen.";
    assert_ne!(
        publication_date(text).map(|p| p.source),
        Some(DateSource::Stated)
    );
}

#[test]
fn publication_dates_match_the_gold() {
    let Some(gold) = load_gold() else { return };
    let articles = gold["articles"].as_object().cloned().unwrap_or_default();
    assert!(!articles.is_empty());
    let mut wrong = Vec::new();
    for (file, a) in &articles {
        let expected = day(a["published"].as_str().unwrap_or_default());
        let got = publication_date(&seed(file));
        let ok = got.as_ref().is_some_and(|p| p.day == expected);
        println!("{file}: expected {expected}, got {got:?}");
        if !ok {
            wrong.push(file.clone());
        }
    }
    assert!(wrong.is_empty(), "wrong publication dates: {wrong:?}");
}

/// Word runs of a text with their byte ranges: the gold quotes drop stray quotes and stops
/// ("press release of the Kremlin" for "press release. of the Kremlin"), so matching is by words.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The first sentence of the article holding the evidence (or, for an evidence with "...", its
/// first piece found), with the byte range of that piece inside the sentence.
fn find_evidence<'a>(text: &'a str, evidence: &str) -> Option<(&'a str, usize, usize)> {
    let ranges = sentences(text);
    for piece in evidence.split("...").map(str::trim).filter(|p| p.len() > 8) {
        let pw: Vec<&str> = words(piece)
            .into_iter()
            .map(|(a, b)| &piece[a..b])
            .collect();
        for r in &ranges {
            let s = &text[r.clone()];
            let sw = words(s);
            let hit = (0..sw.len().saturating_sub(pw.len() - 1)).find(|&i| {
                pw.iter()
                    .enumerate()
                    .all(|(k, w)| &s[sw[i + k].0..sw[i + k].1] == *w)
            });
            if let Some(i) = hit {
                return Some((s, sw[i].0, sw[i + pw.len() - 1].1));
            }
        }
    }
    None
}

#[test]
fn event_days_agree_with_the_gold() {
    let Some(gold) = load_gold() else { return };
    let articles = gold["articles"].as_object().cloned().unwrap_or_default();
    let events = gold["events"].as_array().cloned().unwrap_or_default();
    let (mut total, mut agree, mut missing) = (0, 0, 0);
    for e in &events {
        let Some(expected) = e["date"].as_str().map(day) else {
            continue;
        };
        let file = e["article"].as_str().unwrap_or_default();
        let published = day(articles[file]["published"].as_str().unwrap_or_default());
        let text = seed(file);
        let evidence = e["evidence"].as_str().unwrap_or_default();
        let Some((sentence, start, end)) = find_evidence(&text, evidence) else {
            println!("NOT FOUND {file}: {evidence}");
            missing += 1;
            continue;
        };
        total += 1;
        let refs = time_refs(sentence, published);
        // When the evidence is a part of the sentence, the days named inside that part speak for
        // its event; otherwise the sentence's governing day.
        let inside: Vec<_> = refs
            .iter()
            .filter(|r| r.start >= start && r.end <= end)
            .cloned()
            .collect();
        let got = match primary_day(&inside) {
            Some(r) => r.day,
            None => event_day(&refs, published).day,
        };
        if got == Some(expected) {
            agree += 1;
        } else {
            println!(
                "MISMATCH {file}: expected {expected}, got {got:?}\n  {sentence}\n  refs: {:?}",
                refs.iter()
                    .map(|r| format!("{} -> {:?} ({})", r.words, r.day, r.why()))
                    .collect::<Vec<_>>()
            );
        }
    }
    let rate = f64::from(agree) / f64::from(total.max(1));
    println!(
        "event days: {agree}/{total} agree ({:.1} %), {missing} evidence not found",
        rate * 100.0
    );
    assert!(missing == 0, "{missing} evidence sentences not found");
    assert!(rate >= 0.85, "agreement {rate:.3} < 0.85");
}
