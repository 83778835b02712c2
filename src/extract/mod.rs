//! Sentences → events: kind from a lexicon of trigger words (`lexicon`), day from `when`, places
//! from the gazetteer's mentions (`events`), who says it (`claims`), tolls (`figures`), and the same
//! happening told by several articles merged into one event (`merge`).

pub mod actors;
pub mod claims;
pub mod events;
pub mod figures;
pub mod lexicon;
pub mod merge;
pub mod mood;
pub mod tolls;

pub use events::extract_article;
pub use lexicon::Lexicon;
