//! A folder of good and bad articles: every bad one is reported with its reason, the good ones are
//! still extracted, and nothing panics.

use std::fs;
use std::path::PathBuf;

use karabakh_atlas::atlas::Atlas;
use karabakh_atlas::export;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

#[test]
fn bad_articles_are_listed_and_the_rest_still_load() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let good = "date 2020-10-12\nAzerbaijani forces shelled the town of Martakert on Sunday, \
                the separatist authorities said.\n";
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("good.txt", good.as_bytes().to_vec()),
        ("empty.txt", Vec::new()),
        (
            "binary.txt",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3, 0, 0],
        ),
        // Bytes that no Western code page defines (0x81, 0x8D): an encoding not guessed at.
        (
            "unknown-encoding.txt",
            b"\x81Shelling\x8d hit Barda on Monday.".to_vec(),
        ),
        // Windows-1252 curly quotes, as Word saves "plain text": read, with a note.
        (
            "cp1252.txt",
            b"date 2020-10-13\n\x93Shelling\x94 hit Barda on Monday.".to_vec(),
        ),
        (
            "undated.txt",
            b"Rockets struck Stepanakert, officials said.".to_vec(),
        ),
    ];
    for (name, bytes) in &files {
        fs::write(dir.path().join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    }

    let atlas = Atlas::from_dir(dir.path(), &data_dir()).unwrap_or_else(|e| panic!("{e}"));

    let failed: Vec<String> = atlas
        .failures
        .iter()
        .map(|f| {
            let name = f.path.file_name().map(|n| n.to_string_lossy().into_owned());
            name.unwrap_or_default()
        })
        .collect();
    for bad in ["empty.txt", "binary.txt", "unknown-encoding.txt"] {
        assert!(
            failed.iter().any(|f| f == bad),
            "{bad} not reported: {failed:?}"
        );
    }
    for failure in &atlas.failures {
        assert!(
            !failure.reason.trim().is_empty(),
            "{:?} has no reason",
            failure.path
        );
    }
    let word = atlas
        .article("cp1252.txt")
        .unwrap_or_else(|| panic!("the Windows-1252 article did not load: {failed:?}"));
    assert!(word.text.contains("“Shelling”"), "{:?}", word.text);
    assert!(
        word.note
            .as_deref()
            .is_some_and(|n| n.contains("Windows-1252")),
        "{:?}",
        word.note
    );
    // The good article still gives its event, dated from its metadata line.
    let martakert = atlas.events.iter().find(|e| {
        e.places.iter().any(|id| {
            atlas
                .place(id)
                .is_some_and(|p| p.name.contains("Martakert") || p.name.contains("Aghdara"))
        })
    });
    let martakert =
        martakert.unwrap_or_else(|| panic!("no event at Martakert: {:?}", atlas.events));
    assert_eq!(
        martakert.day.map(|d| d.to_string()),
        Some("2020-10-11".to_string())
    );

    // An article with no date clue loads, its events carry no day, and the export says why.
    let undated = atlas
        .article("undated.txt")
        .unwrap_or_else(|| panic!("undated.txt not loaded"));
    assert!(undated.published.is_none());
    let events: Vec<_> = atlas.events.iter().collect();
    let json = export::json(&atlas.articles, &atlas.failures, &events);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let listed = parsed["articles"]
        .as_array()
        .unwrap_or_else(|| panic!("no articles list"));
    assert_eq!(listed.len(), files.len());
    let undated_row = listed
        .iter()
        .find(|a| a["file"] == "undated.txt")
        .unwrap_or_else(|| panic!("undated.txt missing from the export"));
    assert!(
        undated_row["error"]
            .as_str()
            .is_some_and(|e| e.contains("publication date"))
    );
}

#[test]
fn a_missing_folder_fails_the_scripted_commands_with_its_name() {
    let missing = std::env::temp_dir().join("karabakh-atlas-no-such-folder");
    for (args, what_to_leave_out) in [
        (
            vec!["extract".to_string(), missing.display().to_string()],
            "leave the folder out",
        ),
        (
            vec![
                "--articles".to_string(),
                missing.display().to_string(),
                "screenshot".to_string(),
                "--day".to_string(),
                "2020-10-08".to_string(),
                "--out".to_string(),
                missing.join("shot.png").display().to_string(),
            ],
            "leave --articles out",
        ),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
            .args(&args)
            .output()
            .expect("the binary runs");
        assert!(!output.status.success(), "{args:?}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.contains("karabakh-atlas-no-such-folder does not exist"),
            "{args:?}: {message}"
        );
        assert!(message.contains(what_to_leave_out), "{args:?}: {message}");
    }
}

#[test]
fn a_mistyped_publication_pin_is_reported_and_a_reversed_range_refused() {
    let seeds = env!("CARGO_MANIFEST_DIR").to_string() + "/seeds";
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_karabakh-atlas"))
            .args(args)
            .output()
            .expect("the binary runs")
    };
    let output = run(&[
        "extract",
        &seeds,
        "--published",
        "no_such_article.txt=2020-10-09",
        "--format",
        "csv",
    ]);
    assert!(output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("no_such_article.txt: no article of that name"),
        "{message}"
    );

    let output = run(&[
        "screenshot",
        "--day",
        "2020-10-09",
        "--until",
        "2020-10-01",
        "--out",
        "never-written",
    ]);
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("--until 2020-10-01 is before --day 2020-10-09"),
        "{message}"
    );
}
