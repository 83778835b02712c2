//! Where the program finds its data when the user does not say.

use std::path::PathBuf;

/// `./data` when run from the project root, else the `data/` folder the binary was built from.
pub fn default_data_dir() -> PathBuf {
    let local = PathBuf::from("data");
    if local.join("gazetteer.tsv").is_file() {
        local
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
    }
}

/// `./seeds` when run from the project root, else the `seeds/` folder the binary was built from.
pub fn default_seeds_dir() -> PathBuf {
    let local = PathBuf::from("seeds");
    if local.is_dir() {
        local
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")
    }
}
