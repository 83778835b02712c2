//! The egui window. Owner: window work (issue 4).
