//! Colours, marker shapes and type sizes: every visual choice of the window lives here.

use egui::{Color32, FontId, Pos2, Shape, Stroke, Vec2};

use crate::model::EventKind;

/// Okabe–Ito colours (safe for the common colour-vision deficiencies), one per kind, and a
/// distinct shape as well so that kinds never depend on colour alone.
pub fn kind_color(kind: EventKind) -> Color32 {
    match kind {
        EventKind::Shelling => Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
        EventKind::Fighting => Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
        EventKind::Displacement => Color32::from_rgb(0x00, 0x72, 0xB2), // blue
        EventKind::Diplomacy => Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
        EventKind::Casualties => Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerShape {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
}

pub fn kind_shape(kind: EventKind) -> MarkerShape {
    match kind {
        EventKind::Shelling => MarkerShape::TriangleDown,
        EventKind::Fighting => MarkerShape::Diamond,
        EventKind::Displacement => MarkerShape::TriangleUp,
        EventKind::Diplomacy => MarkerShape::Square,
        EventKind::Casualties => MarkerShape::Circle,
    }
}

/// A word for the legend and the lists.
pub fn kind_label(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Shelling => "Shelling",
        EventKind::Fighting => "Fighting",
        EventKind::Displacement => "Displacement",
        EventKind::Diplomacy => "Diplomacy",
        EventKind::Casualties => "Casualties",
    }
}

/// The marker of one kind, centred at `centre`, `radius` in points. Hollow markers (an implicit
/// day or a planned event) are drawn as a thick outline of the same colour.
pub fn marker(
    centre: Pos2,
    radius: f32,
    kind: EventKind,
    color: Color32,
    hollow: bool,
    outline: Color32,
) -> Shape {
    let fill = if hollow { Color32::TRANSPARENT } else { color };
    let stroke = if hollow {
        Stroke::new((radius * 0.35).clamp(1.5, 3.5), color)
    } else {
        Stroke::new(1.0, outline)
    };
    let r = radius;
    let points = |offsets: &[(f32, f32)]| {
        offsets
            .iter()
            .map(|(x, y)| centre + Vec2::new(*x, *y) * r)
            .collect()
    };
    match kind_shape(kind) {
        MarkerShape::Circle => Shape::convex_polygon(circle_points(centre, r), fill, stroke),
        MarkerShape::Square => Shape::convex_polygon(
            points(&[(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)]),
            fill,
            stroke,
        ),
        MarkerShape::Diamond => Shape::convex_polygon(
            points(&[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)]),
            fill,
            stroke,
        ),
        MarkerShape::TriangleUp => Shape::convex_polygon(
            points(&[(0.0, -1.25), (1.1, 0.75), (-1.1, 0.75)]),
            fill,
            stroke,
        ),
        MarkerShape::TriangleDown => Shape::convex_polygon(
            points(&[(0.0, 1.25), (1.1, -0.75), (-1.1, -0.75)]),
            fill,
            stroke,
        ),
    }
}

/// A circle as a polygon with as few corners as still look round at its size: egui gives
/// every circle of 5–18 points 32 corners, and the map draws thousands of small ones.
/// A dashed ring around a marker whose place is a whole country or region: the point is the
/// area's centre, not where the event happened. Dashes, unlike the solid outlines of markers and
/// their selection ring, read as "somewhere around here".
pub fn area_ring(centre: Pos2, radius: f32, color: Color32) -> Shape {
    const DASHES: usize = 12;
    // Each dash covers 60 % of its twelfth of the turn, drawn as a short arc of three segments.
    let step = std::f32::consts::TAU / DASHES as f32;
    let stroke = Stroke::new((radius * 0.12).clamp(1.5, 2.5), color);
    let dashes = (0..DASHES)
        .map(|k| {
            let start = step * k as f32;
            let points = (0..=3)
                .map(|j| centre + Vec2::angled(start + step * 0.6 * j as f32 / 3.0) * radius)
                .collect();
            Shape::line(points, stroke)
        })
        .collect();
    Shape::Vec(dashes)
}

pub fn circle_points(centre: Pos2, radius: f32) -> Vec<Pos2> {
    let corners = if radius < 10.0 {
        16
    } else if radius < 20.0 {
        24
    } else {
        32
    };
    (0..corners)
        .map(|k| centre + Vec2::angled(std::f32::consts::TAU * k as f32 / corners as f32) * radius)
        .collect()
}

/// Colours of the map, per theme.
#[derive(Clone, Copy, Debug)]
pub struct MapColors {
    pub sea: Color32,
    pub land: Color32,
    /// The two sides of the war stand out slightly from the other countries.
    pub land_focus: Color32,
    pub border: Color32,
    pub lake: Color32,
    pub karabakh_fill: Color32,
    pub karabakh_line: Color32,
    pub label: Color32,
    pub label_halo: Color32,
    pub town: Color32,
    pub marker_outline: Color32,
}

pub fn map_colors(dark: bool) -> MapColors {
    if dark {
        MapColors {
            sea: Color32::from_rgb(0x1b, 0x26, 0x33),
            land: Color32::from_rgb(0x33, 0x36, 0x3b),
            land_focus: Color32::from_rgb(0x3f, 0x42, 0x47),
            border: Color32::from_rgb(0x8a, 0x8d, 0x93),
            lake: Color32::from_rgb(0x24, 0x36, 0x4a),
            karabakh_fill: Color32::from_rgba_unmultiplied(0xf0, 0xe4, 0x42, 14),
            karabakh_line: Color32::from_rgb(0xf0, 0xe4, 0x42),
            label: Color32::from_gray(235),
            label_halo: Color32::from_black_alpha(200),
            town: Color32::from_gray(200),
            marker_outline: Color32::from_gray(20),
        }
    } else {
        MapColors {
            sea: Color32::from_rgb(0xd4, 0xe6, 0xf1),
            land: Color32::from_rgb(0xf2, 0xef, 0xe9),
            land_focus: Color32::from_rgb(0xfb, 0xfa, 0xf6),
            border: Color32::from_rgb(0x8c, 0x86, 0x7e),
            lake: Color32::from_rgb(0xb6, 0xd3, 0xe8),
            karabakh_fill: Color32::from_rgba_unmultiplied(0x9a, 0x6b, 0x00, 22),
            karabakh_line: Color32::from_rgb(0x8a, 0x5a, 0x00),
            label: Color32::from_gray(25),
            label_halo: Color32::from_white_alpha(220),
            town: Color32::from_gray(60),
            marker_outline: Color32::from_gray(30),
        }
    }
}

/// Type sizes; presentation mode scales them up so a room can read the slide.
#[derive(Clone, Copy, Debug)]
pub struct TypeScale {
    pub town: f32,
    pub region: f32,
    pub badge: f32,
    pub title: f32,
}

pub fn type_scale(presentation: bool) -> TypeScale {
    if presentation {
        TypeScale {
            town: 19.0,
            region: 22.0,
            badge: 15.0,
            title: 34.0,
        }
    } else {
        TypeScale {
            town: 13.0,
            region: 15.0,
            badge: 11.0,
            title: 20.0,
        }
    }
}

pub fn font(size: f32) -> FontId {
    FontId::proportional(size)
}

/// Marker radius in points for an event group told by `sources` articles: grows with the square
/// root so that one widely reported event does not hide its neighbours.
pub fn marker_radius(sources: usize, presentation: bool) -> f32 {
    let base = if presentation { 8.0 } else { 6.0 };
    base + 2.2 * ((sources.max(1) as f32).sqrt() - 1.0).min(4.0)
}

/// Highlight colours for the words that decided an event, in the article text.
pub fn highlight_kind() -> Color32 {
    Color32::from_rgba_unmultiplied(0xD5, 0x5E, 0x00, 90)
}
pub fn highlight_day() -> Color32 {
    Color32::from_rgba_unmultiplied(0x56, 0xB4, 0xE9, 110)
}
pub fn highlight_place() -> Color32 {
    Color32::from_rgba_unmultiplied(0x00, 0x9E, 0x73, 100)
}
pub fn highlight_sentence() -> Color32 {
    Color32::from_rgba_unmultiplied(0xF0, 0xE4, 0x42, 60)
}
pub fn highlight_mention() -> Color32 {
    Color32::from_rgba_unmultiplied(0x00, 0x9E, 0x73, 60)
}

/// DejaVu Sans (Bitstream Vera licence, `assets/fonts/`) after egui's own font, for the letters
/// it lacks: the Azerbaijani ə of hundreds of place names (Ağdərə, Şəki), and Armenian script.
pub fn install_fonts(ctx: &egui::Context) {
    use egui::{FontData, FontFamily, FontInsert, FontPriority, InsertFontFamily};
    let fallback = |family| InsertFontFamily {
        family,
        priority: FontPriority::Lowest,
    };
    // Cheap after the first call: egui compares the name and keeps what it has.
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        vec![
            fallback(FontFamily::Proportional),
            fallback(FontFamily::Monospace),
        ],
    ));
}
