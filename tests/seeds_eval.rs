//! The extraction measured on the seed articles against the hand-made development gold file
//! (`../shared/eval/seeds-gold.json`). The gold is read at test time, never copied into the code.

use std::path::PathBuf;

use karabakh_atlas::atlas::Atlas;
use karabakh_atlas::eval::{self, Gold};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn seeds_score_above_the_floor() {
    let gold_path = root().join("../shared/eval/seeds-gold.json");
    if !gold_path.is_file() {
        eprintln!(
            "{} is absent: the gold score is not measured",
            gold_path.display()
        );
        return;
    }
    let gold = Gold::load(&gold_path).unwrap_or_else(|e| panic!("{e}"));
    let atlas = Atlas::from_dir(&root().join("seeds"), &root().join("data"))
        .unwrap_or_else(|e| panic!("{e}"));
    let report = eval::evaluate(&atlas, &gold);
    println!("{}", report.render(&atlas, true));
    assert_eq!(
        report.published_right, report.published_total,
        "publication dates"
    );
    assert!(
        report.explicit.f1 >= 0.85,
        "explicit F1 {:.3} < 0.85",
        report.explicit.f1
    );
    assert!(
        report.all.f1 >= 0.75,
        "all-events F1 {:.3} < 0.75",
        report.all.f1
    );
}
