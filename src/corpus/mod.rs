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

/// Read one article: plain text, UTF-8 (or Latin-1, noted), not empty, at most 5 MB.
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

/// The text of an article file, and a note when it was not UTF-8.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), String> {
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
            // Latin-1 is the usual other encoding of Western news text; its bytes 0x80-0x9F are
            // control codes that real text never holds, so their presence means another encoding.
            if bytes.iter().any(|b| (0x80..0xA0).contains(b)) {
                return Err(format!(
                    "is not UTF-8 (invalid byte at offset {}) nor Latin-1; re-save it as UTF-8",
                    error.valid_up_to()
                ));
            }
            let text: String = bytes.iter().map(|&b| b as char).collect();
            Ok((
                text,
                Some(format!(
                    "not UTF-8 (invalid byte at offset {}): read as Latin-1, so offsets differ from the file's bytes; re-save it as UTF-8 if accents look wrong",
                    error.valid_up_to()
                )),
            ))
        }
    }
}

/// Every `.txt` file of a folder, sorted by name; failures are listed, the rest still load.
pub fn read_dir(dir: &Path) -> (Vec<Article>, Vec<ArticleFailure>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
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
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
        })
        .collect();
    paths.sort();
    // Finding each publication date reads the whole text: with many articles, on every core.
    // The collect keeps the order of the paths.
    let read: Vec<Result<Article, ArticleError>> =
        paths.par_iter().map(|path| read_article(path)).collect();
    let mut articles = Vec::new();
    let mut failures = Vec::new();
    for result in read {
        match result {
            Ok(article) => articles.push(article),
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
        let foreign = write(dir.path(), "cp1252.txt", b"Tirs \x93nourris\x94 sur Bakou");
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
