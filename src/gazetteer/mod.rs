//! Place names → coordinates. Owner: gazetteer work (issue 2). Stub until it lands.

use std::path::Path;

use crate::model::{Mention, Place};

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
}

impl Gazetteer {
    pub fn load(_data_dir: &Path) -> Result<Gazetteer, DataError> {
        Ok(Gazetteer::default())
    }

    /// Every place of the gazetteer.
    pub fn places(&self) -> impl Iterator<Item = &Place> {
        self.places.iter()
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Every place mention in a whole article, resolved, with its role. Offsets are bytes of `text`.
    pub fn mentions(&self, _text: &str) -> Vec<Mention> {
        Vec::new()
    }

    /// The capital of a country given by ISO 3166-1 alpha-2 code.
    pub fn capital_of(&self, _country: &str) -> Option<&Place> {
        None
    }

    /// The country entry for an ISO 3166-1 alpha-2 code.
    pub fn country(&self, _iso2: &str) -> Option<&Place> {
        None
    }

    /// Places whose names start with or resemble `query`, best first.
    pub fn search(&self, _query: &str, _limit: usize) -> Vec<&Place> {
        Vec::new()
    }
}
