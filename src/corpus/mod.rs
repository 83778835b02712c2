//! Reading article files (encoding, size and binary checks); the publication date is in `published`.

pub mod published;

pub use published::publication_date;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::model::Article;

/// The day the 2020 war began: "the seventh day of fighting" counts from here.
pub fn war_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 9, 27).unwrap_or_default()
}

/// Articles larger than this are refused: a news article is a few kilobytes, and a larger file
/// is almost surely something else dropped into the folder.
pub const MAX_ARTICLE_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
}

impl ArticleError {
    fn new(path: &Path, reason: impl Into<String>) -> ArticleError {
        ArticleError::Unreadable {
            path: path.to_path_buf(),
            reason: reason.into(),
        }
    }
}

/// An article that could not be read, with the reason in words.
#[derive(Debug, Clone)]
pub struct ArticleFailure {
    pub path: PathBuf,
    pub reason: String,
}

/// Read one article: plain text, UTF-8 (or UTF-16 or Windows-1252, noted), not empty, at most
/// 5 MB.
pub fn read_article(path: &Path) -> Result<Article, ArticleError> {
    let metadata = std::fs::metadata(path)
        .map_err(|e| ArticleError::new(path, format!("cannot be read ({e})")))?;
    if metadata.is_dir() {
        return Err(ArticleError::new(
            path,
            "is a folder, not an article; give the .txt files inside it",
        ));
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::new(
            path,
            format!(
                "is {:.1} MB; articles over 5 MB are not read (is it really one article?)",
                metadata.len() as f64 / 1_048_576.0
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| ArticleError::new(path, format!("cannot be read ({e})")))?;
    let (text, note) = decode(&bytes).map_err(|reason| ArticleError::new(path, reason))?;
    let id = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let published = publication_date(&text);
    Ok(Article {
        id,
        path: path.to_path_buf(),
        hash: sha256_hex(&bytes),
        text,
        published,
        note,
    })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Byte-order marks: editors on Windows write one at the head of UTF-8 and UTF-16 text.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// The text of an article file, and a note when it was not UTF-8 or had to be cleaned.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    let (mut text, encoding_note) = decode_encoding(bytes)?;
    let mut cleaning: Vec<String> = Vec::new();
    // References first: "&shy;" stands for a soft hyphen, removed next.
    if let Some((clean, decoded)) = with_html_entities_decoded(&text) {
        text = clean;
        cleaning.push(format!(
            "{decoded} HTML character reference{} (&amp;, &#8217;…) written as the character{}",
            plural(decoded),
            plural(decoded)
        ));
    }
    if let Some((clean, removed)) = without_invisible_characters(&text) {
        text = clean;
        cleaning.push(format!(
            "{removed} invisible character{} (soft hyphens, zero-width spaces) removed",
            plural(removed)
        ));
    }
    let note = match (encoding_note, cleaning.is_empty()) {
        (note, true) => note,
        // The encoding's note already says that offsets differ from the file's bytes.
        (Some(note), false) => Some(format!("{note}; {}", cleaning.join("; "))),
        (None, false) => Some(format!(
            "{}, so offsets differ from the file's bytes",
            cleaning.join("; ")
        )),
    };
    Ok((text, note))
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// Text copied from a web page's source keeps its character references ("Armenia&#8217;s",
/// "Nagorno&nbsp;Karabakh"). Only well-formed references of characters a news text holds are
/// written out; any other `&` stays as it is.
fn with_html_entities_decoded(text: &str) -> Option<(String, usize)> {
    if !text.contains('&') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut decoded = 0;
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let reference = after
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| html_character(&after[..end]).map(|c| (c, end)));
        match reference {
            Some((character, end)) => {
                out.push(character);
                decoded += 1;
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    (decoded > 0).then_some((out, decoded))
}

/// The character a reference names (without its `&` and `;`): numeric, or one of the names news
/// pages use.
fn html_character(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        // Control characters are no text; a reference to one is kept as written.
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => '\u{a0}',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

/// Characters web pages put inside words to allow line breaks or to join glyphs. Copied with
/// the text they split names and trigger words ("Stepa\u{ad}nakert", "shel\u{200b}ling"), which
/// would then be read as two words.
const INVISIBLE_IN_WORDS: [char; 6] = [
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// The text without invisible characters and how many there were; `None` when it has none.
fn without_invisible_characters(text: &str) -> Option<(String, usize)> {
    let removed = text.matches(INVISIBLE_IN_WORDS).count();
    if removed == 0 {
        return None;
    }
    Some((text.replace(INVISIBLE_IN_WORDS, ""), removed))
}

/// The text of an article file in whatever encoding it came, and a note when it was not UTF-8.
///
/// A UTF-8 byte-order mark is dropped (a metadata line such as `date 2020-10-10` must start
/// the text to be read as one); UTF-16 with a mark ("Unicode" in Windows Notepad) and
/// Windows-1252 (Word's and Notepad's "ANSI", a superset of Latin-1) are converted, with a note.
fn decode_encoding(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if let Some(units) = utf16_units(bytes) {
        let text = char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|e| {
                format!(
                    "starts as UTF-16 but holds a broken character (unpaired code unit {:#06x}); re-save it as UTF-8",
                    e.unpaired_surrogate()
                )
            })?;
        if text.trim().is_empty() {
            return Err("is empty; an article needs some text".into());
        }
        return Ok((
            text,
            Some("UTF-16: converted to UTF-8, so offsets differ from the file's bytes".into()),
        ));
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty; an article needs some text".into());
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if bytes.contains(&0) || controls * 20 > bytes.len() {
        return Err("is binary, not text; save the article as plain text (.txt)".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(error) => {
            // Windows-1252 is the usual other encoding of Western news text: Latin-1 with
            // typographic quotes, dashes and the euro sign in 0x80-0x9F. The five bytes it leaves
            // undefined mean yet another encoding.
            let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
            for &byte in bytes {
                match windows_1252(byte) {
                    Some(c) => text.push(c),
                    None => {
                        return Err(format!(
                            "is not UTF-8 (invalid byte at offset {}) nor Windows-1252 (byte {byte:#04x}); re-save it as UTF-8",
                            error.valid_up_to()
                        ));
                    }
                }
            }
            Ok((
                text,
                Some(format!(
                    "not UTF-8 (invalid byte at offset {}): read as Windows-1252 (Latin-1), so offsets differ from the file's bytes; re-save it as UTF-8 if accents look wrong",
                    error.valid_up_to()
                )),
            ))
        }
    }
}

/// The 16-bit code units of a UTF-16 text that starts with its byte-order mark.
fn utf16_units(bytes: &[u8]) -> Option<impl Iterator<Item = u16> + '_> {
    let (body, little_endian) = if let Some(body) = bytes.strip_prefix(UTF16_LE_BOM) {
        (body, true)
    } else if let Some(body) = bytes.strip_prefix(UTF16_BE_BOM) {
        (body, false)
    } else {
        return None;
    };
    // A lone trailing byte cannot be half of a character: such a file is not UTF-16.
    if body.len() % 2 != 0 {
        return None;
    }
    Some(body.chunks_exact(2).map(move |pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    }))
}

/// The character of a Windows-1252 byte; `None` for the five bytes the code page leaves out.
fn windows_1252(byte: u8) -> Option<char> {
    const HIGH_CONTROLS: [Option<char>; 32] = [
        Some('€'),
        None,
        Some('‚'),
        Some('ƒ'),
        Some('„'),
        Some('…'),
        Some('†'),
        Some('‡'),
        Some('ˆ'),
        Some('‰'),
        Some('Š'),
        Some('‹'),
        Some('Œ'),
        None,
        Some('Ž'),
        None,
        None,
        Some('‘'),
        Some('’'),
        Some('“'),
        Some('”'),
        Some('•'),
        Some('–'),
        Some('—'),
        Some('˜'),
        Some('™'),
        Some('š'),
        Some('›'),
        Some('œ'),
        None,
        Some('ž'),
        Some('Ÿ'),
    ];
    match byte {
        0x80..=0x9F => HIGH_CONTROLS[usize::from(byte - 0x80)],
        _ => Some(char::from(byte)),
    }
}

/// How deep `txt_files_in` looks into folders: enough for sources/year/month/day, and a bound
/// where a link points back up the tree.
const MAX_FOLDER_DEPTH: usize = 6;

/// The `.txt` files of a folder and of its sub-folders (a teacher's `reuters/`, `afp/`), sorted
/// by their path. Hidden files and folders (`.git`) are skipped. A sub-folder that cannot be read
/// is listed with the reason; only an unreadable `dir` itself is an error.
pub fn txt_files_in(dir: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<ArticleFailure>)> {
    let mut files = Vec::new();
    let mut failures = Vec::new();
    let mut folders = vec![(dir.to_path_buf(), 0)];
    let mut first = true;
    while let Some((folder, depth)) = folders.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if first => return Err(e),
            Err(e) => {
                failures.push(ArticleFailure {
                    path: folder,
                    reason: format!("the folder cannot be read ({e})"),
                });
                continue;
            }
        };
        first = false;
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                if depth < MAX_FOLDER_DEPTH {
                    folders.push((path, depth + 1));
                }
            } else if is_txt(&path) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok((files, failures))
}

pub fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
}

/// Every `.txt` file of a folder and its sub-folders, sorted by path; failures are listed, the
/// rest still load. An article in a sub-folder is named by its path in the folder
/// (`reuters/001.txt`), so two sub-folders' `001.txt` stay two articles.
pub fn read_dir(dir: &Path) -> (Vec<Article>, Vec<ArticleFailure>) {
    let (paths, mut failures) = match txt_files_in(dir) {
        Ok(found) => found,
        Err(e) => {
            return (
                Vec::new(),
                vec![ArticleFailure {
                    path: dir.to_path_buf(),
                    reason: format!("the folder cannot be read ({e})"),
                }],
            );
        }
    };
    // Finding each publication date reads the whole text: with many articles, on every core.
    // The collect keeps the order of the paths.
    let read: Vec<Result<Article, ArticleError>> =
        paths.par_iter().map(|path| read_article(path)).collect();
    let mut articles = Vec::new();
    for result in read {
        match result {
            Ok(mut article) => {
                if let Ok(inside) = article.path.strip_prefix(dir)
                    && inside.parent().is_some_and(|p| !p.as_os_str().is_empty())
                {
                    article.id = inside
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                }
                articles.push(article)
            }
            Err(ArticleError::Unreadable { path, reason }) => {
                failures.push(ArticleFailure { path, reason })
            }
        }
    }
    (articles, failures)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("cannot write test file: {e}"));
        path
    }

    #[test]
    fn reads_utf8_and_hashes_the_bytes() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = write(dir.path(), "a.txt", "Shelling hit Gəncə.".as_bytes());
        let article = read_article(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(article.id, "a.txt");
        assert_eq!(article.text, "Shelling hit Gəncə.");
        assert_eq!(article.note, None);
        assert_eq!(article.hash.len(), 64);
        assert_eq!(article.hash, sha256_hex("Shelling hit Gəncə.".as_bytes()));
    }

    #[test]
    fn empty_binary_and_foreign_files_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let empty = write(dir.path(), "empty.txt", b"  \n");
        let binary = write(
            dir.path(),
            "image.txt",
            &[0x89, b'P', b'N', b'G', 0, 0, 1, 2],
        );
        // 0x81 and 0x8D are in no Western code page: another encoding, which is not guessed.
        let foreign = write(dir.path(), "unknown.txt", b"Tirs \x81nourris\x8d sur Bakou");
        for (path, words) in [
            (&empty, "is empty"),
            (&binary, "is binary"),
            (&foreign, "not UTF-8"),
        ] {
            let message = read_article(path)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.contains(words), "{message}");
            assert!(message.contains(&path.display().to_string()), "{message}");
        }
    }

    #[test]
    fn latin1_is_read_with_a_note() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = write(
            dir.path(),
            "fr.txt",
            b"Des tirs sur Erevan et sur le Haut-Karabakh, d\xe9j\xe0.",
        );
        let article = read_article(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(article.text.contains("déjà"));
        assert!(
            article
                .note
                .as_deref()
                .is_some_and(|n| n.contains("Latin-1"))
        );
    }

    #[test]
    fn windows_1252_quotes_and_dashes_are_read_with_a_note() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = write(
            dir.path(),
            "word.txt",
            b"\x93Heavy shelling\x94 hit Stepanakert \x96 officials said \x85 on Sunday.",
        );
        let article = read_article(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            article.text,
            "“Heavy shelling” hit Stepanakert – officials said … on Sunday."
        );
        assert!(
            article
                .note
                .as_deref()
                .is_some_and(|n| n.contains("Windows-1252")),
            "{:?}",
            article.note
        );
    }

    #[test]
    fn a_utf8_byte_order_mark_does_not_hide_the_metadata_line() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let body = "date 2020-10-10\nShelling hit Stepanakert on Thursday, officials said.\n";
        let path = write(
            dir.path(),
            "notepad.txt",
            &[UTF8_BOM, body.as_bytes()].concat(),
        );
        let article = read_article(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(article.text, body);
        assert_eq!(article.note, None);
        let published = article.published.unwrap_or_else(|| panic!("no date"));
        assert_eq!(
            published.day,
            NaiveDate::from_ymd_opt(2020, 10, 10).unwrap_or_default()
        );
        assert_eq!(published.evidence, "date 2020-10-10");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_converted() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let body = "Ganja was shelled again on Sunday, October 11 — Gəncə in Azerbaijani.";
        let units: Vec<u16> = body.encode_utf16().collect();
        let little: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let big: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        for (name, mark, bytes) in [
            ("le.txt", UTF16_LE_BOM, little),
            ("be.txt", UTF16_BE_BOM, big),
        ] {
            let path = write(dir.path(), name, &[mark, &bytes].concat());
            let article = read_article(&path).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(article.text, body, "{name}");
            assert!(
                article
                    .note
                    .as_deref()
                    .is_some_and(|n| n.contains("UTF-16")),
                "{name}: {:?}",
                article.note
            );
        }
        // Half a surrogate pair: refused by name, not turned into replacement characters.
        let broken = write(
            dir.path(),
            "broken.txt",
            &[UTF16_LE_BOM, &[0x41, 0, 0x00, 0xD8]].concat(),
        );
        let message = read_article(&broken)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("UTF-16"), "{message}");
        assert!(message.contains("broken.txt"), "{message}");
    }

    #[test]
    fn soft_hyphens_and_zero_width_spaces_do_not_split_names() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let copied = "date 2020-10-14\nAzerbaijani forces shelled Stepa\u{ad}nakert on Tuesday; \
                      talks in Mos\u{200b}cow failed.\n";
        let path = write(dir.path(), "web.txt", copied.as_bytes());
        let article = read_article(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            article.text,
            "date 2020-10-14\nAzerbaijani forces shelled Stepanakert on Tuesday; talks in Moscow failed.\n"
        );
        let note = article.note.unwrap_or_default();
        assert!(note.contains("2 invisible characters"), "{note}");
        assert!(
            note.ends_with("offsets differ from the file's bytes"),
            "{note}"
        );
        // Text without them is kept as it is, with no note.
        let clean = write(
            dir.path(),
            "clean.txt",
            "Ganja’s old town — shelled.".as_bytes(),
        );
        let article = read_article(&clean).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(article.text, "Ganja’s old town — shelled.");
        assert_eq!(article.note, None);
    }

    #[test]
    fn html_character_references_are_written_out() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let copied = "Armenia&#8217;s defence ministry said Stepa&shy;nakert was shelled &ndash; \
                      again &amp; again &#x2014; on Sunday. R&D &c. &bogus; &#0; stay.";
        let path = write(dir.path(), "source.txt", copied.as_bytes());
        let article = read_article(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            article.text,
            "Armenia’s defence ministry said Stepanakert was shelled – again & again — on Sunday. \
             R&D &c. &bogus; &#0; stay."
        );
        let note = article.note.unwrap_or_default();
        assert!(note.contains("5 HTML character references"), "{note}");
        assert!(note.contains("1 invisible character "), "{note}");
        assert!(
            note.ends_with("offsets differ from the file's bytes"),
            "{note}"
        );
    }

    #[test]
    fn read_dir_reads_sub_folders_and_names_their_articles_by_path() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for sub in ["reuters", "afp/october", ".git"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap_or_else(|e| panic!("{e}"));
        }
        write(dir.path(), "top.txt", b"Shelling hit Barda on Monday.");
        write(
            &dir.path().join("reuters"),
            "001.txt",
            b"Clashes near Tartar.",
        );
        write(
            &dir.path().join("afp/october"),
            "001.txt",
            b"Rockets hit Ganja.",
        );
        write(&dir.path().join(".git"), "notes.txt", b"not an article");
        let (articles, failures) = read_dir(dir.path());
        assert!(failures.is_empty(), "{failures:?}");
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["afp/october/001.txt", "reuters/001.txt", "top.txt"]);
    }

    #[test]
    fn read_dir_keeps_going_past_a_bad_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        write(dir.path(), "b.txt", b"Clashes near Tartar.");
        write(dir.path(), "a.txt", b"");
        write(dir.path(), "notes.md", b"not an article");
        let (articles, failures) = read_dir(dir.path());
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].id, "b.txt");
        assert_eq!(failures.len(), 1);
        assert!(failures[0].path.ends_with("a.txt"));
    }
}
