//! Reading article files (encoding, size and binary checks); the publication date is in `published`.

pub mod published;

pub use published::publication_date;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::model::Article;

/// The day the 2020 war began: "the seventh day of fighting" counts from here.
pub fn war_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 9, 27).unwrap_or_default()
}

#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
}

/// An article that could not be read, with the reason in words.
#[derive(Debug, Clone)]
pub struct ArticleFailure {
    pub path: PathBuf,
    pub reason: String,
}

pub fn read_article(path: &Path) -> Result<Article, ArticleError> {
    Err(ArticleError::Unreadable {
        path: path.to_path_buf(),
        reason: "not implemented yet".into(),
    })
}

/// Every `.txt` file of a folder, sorted by name; failures are listed, the rest still load.
pub fn read_dir(_dir: &Path) -> (Vec<Article>, Vec<ArticleFailure>) {
    (Vec::new(), Vec::new())
}
