//! Saving the window as a PNG: the default path, and writing egui's screenshot image.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// `screenshots/atlas-2020-10-08.png` in the current folder.
pub fn default_path(day: NaiveDate) -> PathBuf {
    PathBuf::from("screenshots").join(file_name(day))
}

/// `atlas-2020-10-08.png`: names sort by day, so a folder of them is a frame sequence.
pub fn file_name(day: NaiveDate) -> String {
    format!("atlas-{}.png", day.format("%Y-%m-%d"))
}

/// Write an egui screenshot as PNG, creating the folder; the error names the file.
pub fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create folder {}: {e}", parent.display()))?;
    }
    let [width, height] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer =
        image::RgbaImage::from_raw(width as u32, height as u32, bytes).ok_or_else(|| {
            format!(
                "cannot save {}: the screenshot has no pixels",
                path.display()
            )
        })?;
    buffer
        .save_with_format(path, image::ImageFormat::Png)
        .map_err(|e| format!("cannot save {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_a_png_that_reads_back_with_the_same_pixels() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("shots").join("day.png");
        let mut image = egui::ColorImage::filled([3, 2], egui::Color32::from_rgb(10, 20, 30));
        image.pixels[4] = egui::Color32::from_rgb(200, 100, 0);
        save_png(&image, &path).expect("saved");
        let back = image::open(&path).expect("readable").to_rgba8();
        assert_eq!(back.dimensions(), (3, 2));
        assert_eq!(back.get_pixel(1, 1).0, [200, 100, 0, 255]);
        assert_eq!(back.get_pixel(0, 0).0, [10, 20, 30, 255]);
    }

    #[test]
    fn default_path_names_the_day() {
        let day = NaiveDate::from_ymd_opt(2020, 10, 8).expect("date");
        assert_eq!(
            default_path(day),
            PathBuf::from("screenshots/atlas-2020-10-08.png")
        );
    }
}
