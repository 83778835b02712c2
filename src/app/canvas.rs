//! Shapes tessellated once into one mesh, which the map re-adds every frame while neither the
//! scene nor the view change: egui would otherwise tessellate thousands of anti-aliased markers
//! anew at every frame.
//!
//! Markers repeat: the same kind, radius and colours at thousands of places. Each distinct marker
//! is tessellated once ("stamp") and copied to every place it is drawn, so even a rebuild (a new
//! day, a zoom) costs a copy per marker instead of a tessellation.

use ahash::AHashMap as HashMap;
use std::sync::Arc;

use egui::epaint::{CircleShape, Mesh, TessellationOptions, Tessellator, Vertex};
use egui::{Align2, Color32, FontFamily, FontId, Galley, Painter, Pos2, Rect, Shape, Stroke, Vec2};

/// `v.floor() as i32`, without the library call `floor` is on x86-64 without SSE 4.1: the map
/// floors a few hundred thousand screen coordinates per rebuild (grid cells, pixel snapping).
pub fn floor_to_i32(v: f32) -> i32 {
    let truncated = v as i32;
    if truncated as f32 > v {
        truncated.saturating_sub(1)
    } else {
        truncated
    }
}

/// What identifies a stamp: shapes that tessellate to the same vertices up to a translation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StampKey {
    Marker {
        kind: u8,
        hollow: bool,
        radius_bits: u32,
        outline: Color32,
    },
    Disc {
        radius_bits: u32,
        fill: Color32,
        stroke_bits: u32,
        stroke: Color32,
    },
    /// A number centred on a point (the count on a marker's badge): text, so it lives on the
    /// font atlas and is dropped with it.
    Count {
        count: u32,
        size_bits: u32,
        color: Color32,
    },
    /// The dashed ring of a marker whose place is a whole country or region.
    AreaRing { radius_bits: u32, color: Color32 },
    /// A share of a bubble's ring: steps `from`..`to` of a turn.
    Wedge {
        radius_bits: u32,
        color: Color32,
        from: u8,
        to: u8,
    },
    /// A laid-out label with its halo, by the address of its galley: the galley stays in
    /// `Stamps::galleys` while this stamp lives (both go together when text is forgotten), so
    /// the address names one text, font and colour.
    Label { galley: usize, halo: Color32 },
}

impl StampKey {
    fn is_text(&self) -> bool {
        matches!(self, StampKey::Count { .. } | StampKey::Label { .. })
    }
}

/// What rebuilding the map re-uses: tessellated stamps and laid-out text. Stamps are emptied when
/// the scale or the tessellation options change (they decide the vertices); text also when egui
/// rebuilds its font atlas (the glyphs move): see [`Stamps::forget_text`].
#[derive(Default)]
pub struct Stamps {
    pixels_per_point: f32,
    options: Option<TessellationOptions>,
    font_image_size: [usize; 2],
    meshes: HashMap<StampKey, (Mesh, Rect)>,
    /// Galleys by font and colour, then text. egui's own cache keeps a galley only while some
    /// frame asks for it, and steady frames ask for none, so every rebuild would lay out every
    /// label again.
    galleys: HashMap<(u32, FontFamily, Color32), HashMap<String, Arc<Galley>>>,
    galley_count: usize,
    /// The text mesh of the last canvas, emptied: the next canvas writes into it instead of
    /// growing a new one.
    text_buffer: Mesh,
}

/// Laid-out texts kept at most; more (a long session of new place names) starts afresh.
const MAX_GALLEYS: usize = 20_000;

impl Stamps {
    fn prepare(
        &mut self,
        pixels_per_point: f32,
        options: TessellationOptions,
        font_image_size: [usize; 2],
    ) {
        if self.pixels_per_point != pixels_per_point || self.options != Some(options) {
            self.meshes.clear();
            self.galleys.clear();
            self.galley_count = 0;
            self.pixels_per_point = pixels_per_point;
            self.options = Some(options);
        }
        if self.galley_count > MAX_GALLEYS {
            self.forget_text();
        }
        if font_image_size != self.font_image_size {
            // Text meshes carry texture coordinates scaled to the atlas's size.
            self.meshes.retain(|key, _| !key.is_text());
            self.font_image_size = font_image_size;
        }
    }

    /// Drops every laid-out and tessellated text: their glyphs point into a font atlas that egui
    /// has rebuilt (fonts added, the atlas full, other text options).
    pub fn forget_text(&mut self) {
        self.galleys.clear();
        self.galley_count = 0;
        self.meshes.retain(|key, _| !key.is_text());
    }

    pub fn len(&self) -> usize {
        self.meshes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.meshes.is_empty()
    }
}

/// A painter that records into a mesh: shapes first, text on top.
pub struct Canvas<'a> {
    painter: &'a Painter,
    tessellator: Tessellator,
    clip: Rect,
    shapes: Mesh,
    text: Mesh,
    stamps: &'a mut Stamps,
}

impl<'a> Canvas<'a> {
    /// Records for `painter` (its clip rectangle culls what is off-screen; its context lays out
    /// the text).
    pub fn new(painter: &'a Painter, stamps: &'a mut Stamps) -> Canvas<'a> {
        Canvas::reusing(painter, stamps, Mesh::default(), None, (0, 0))
    }

    /// Records into `buffers` (a mesh of a previous build: emptied, or cut back to the first
    /// `keep` vertices and indices, which must not refer past them), with room for at least
    /// `(vertices, indices)`. A map of 100 000 events is a mesh of a few hundred thousand
    /// vertices: growing it by doubling copies it again and again, and a fresh buffer of that
    /// size comes from the system as untouched pages, each a page fault when first written —
    /// together more than the drawing itself.
    pub fn reusing(
        painter: &'a Painter,
        stamps: &'a mut Stamps,
        mut buffers: Mesh,
        keep: Option<(usize, usize)>,
        (vertices, indices): (usize, usize),
    ) -> Canvas<'a> {
        let ctx = painter.ctx();
        let pixels_per_point = ctx.pixels_per_point();
        let options = ctx.tessellation_options(|o| *o);
        let font_image_size = ctx.fonts(|f| f.font_image_size());
        stamps.prepare(pixels_per_point, options, font_image_size);
        let mut tessellator =
            Tessellator::new(pixels_per_point, options, font_image_size, Vec::new());
        let clip = painter.clip_rect();
        tessellator.set_clip_rect(clip);
        Canvas {
            painter,
            tessellator,
            clip,
            shapes: {
                // Not `Mesh::clear`, which lets the vertex buffer go.
                match keep {
                    Some((vertices, indices)) => {
                        buffers.vertices.truncate(vertices);
                        buffers.indices.truncate(indices);
                    }
                    None => {
                        buffers.vertices.clear();
                        buffers.indices.clear();
                        buffers.texture_id = Default::default();
                    }
                }
                buffers.vertices.reserve(vertices);
                buffers.indices.reserve(indices);
                buffers
            },
            text: {
                let mut text = std::mem::take(&mut stamps.text_buffer);
                text.vertices.clear();
                text.indices.clear();
                text.texture_id = Default::default();
                text
            },
            stamps,
        }
    }

    /// Vertices and indices of the shapes recorded so far (text not counted).
    pub fn shapes_len(&self) -> (usize, usize) {
        (self.shapes.vertices.len(), self.shapes.indices.len())
    }

    pub fn clip_rect(&self) -> Rect {
        self.clip
    }

    pub fn add(&mut self, shape: Shape) {
        match shape {
            Shape::Vec(shapes) => {
                for shape in shapes {
                    self.add(shape);
                }
            }
            Shape::Text(_) => self.tessellator.tessellate_shape(shape, &mut self.text),
            shape => self.tessellator.tessellate_shape(shape, &mut self.shapes),
        }
    }

    pub fn circle_filled(&mut self, centre: Pos2, radius: f32, color: Color32) {
        self.add(Shape::circle_filled(centre, radius, color));
    }

    pub fn circle_stroke(&mut self, centre: Pos2, radius: f32, stroke: Stroke) {
        self.add(Shape::circle_stroke(centre, radius, stroke));
    }

    pub fn circle(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke) {
        self.add(Shape::Circle(CircleShape {
            center: centre,
            radius,
            fill,
            stroke,
        }));
    }

    pub fn line_segment(&mut self, points: [Pos2; 2], stroke: Stroke) {
        self.add(Shape::line_segment(points, stroke));
    }

    pub fn rect_filled(&mut self, rect: Rect, corner_radius: f32, color: Color32) {
        self.add(Shape::rect_filled(rect, corner_radius, color));
    }

    pub fn layout_no_wrap(&mut self, text: &str, font: FontId, color: Color32) -> Arc<Galley> {
        let by_text = self
            .stamps
            .galleys
            .entry((font.size.to_bits(), font.family.clone(), color))
            .or_default();
        if let Some(galley) = by_text.get(text) {
            return galley.clone();
        }
        let galley = self.painter.layout_no_wrap(text.to_string(), font, color);
        by_text.insert(text.to_string(), galley.clone());
        self.stamps.galley_count += 1;
        galley
    }

    /// Like [`Painter::text`]: the text's rectangle.
    pub fn text(
        &mut self,
        pos: Pos2,
        anchor: Align2,
        text: impl ToString,
        font: FontId,
        color: Color32,
    ) -> Rect {
        let galley = self.layout_no_wrap(&text.to_string(), font, color);
        let rect = anchor.anchor_size(pos, galley.size());
        self.galley(rect.min, galley, color);
        rect
    }

    pub fn galley(&mut self, pos: Pos2, galley: Arc<Galley>, color: Color32) {
        self.add(Shape::galley(pos, galley, color));
    }

    /// Copies the stamp `key` (made by `make` around the origin the first time) to `centre`,
    /// its colours faded to `alpha`.
    pub fn stamp(
        &mut self,
        key: StampKey,
        centre: Pos2,
        alpha: f32,
        make: impl FnOnce(Pos2) -> Shape,
    ) {
        if !self.stamps.meshes.contains_key(&key) {
            let shape = make(Pos2::ZERO);
            self.make_stamp(key, shape);
        }
        self.copy_stamp(key, centre, alpha);
    }

    /// A number centred on `centre`, on top of the shapes, laid out and tessellated once per
    /// count, size and colour (thousands of badges show a few dozen different numbers).
    /// A small filled dot (a town, a marker's true place), stamped.
    pub fn stamp_dot(&mut self, centre: Pos2, radius: f32, color: Color32) {
        let key = StampKey::Disc {
            radius_bits: radius.to_bits(),
            fill: color,
            stroke_bits: 0,
            stroke: Color32::TRANSPARENT,
        };
        self.stamp(key, centre, 1.0, |at| {
            Shape::circle_filled(at, radius, color)
        });
    }

    pub fn stamp_count(&mut self, count: usize, centre: Pos2, font: FontId, color: Color32) {
        let key = StampKey::Count {
            count: count.min(u32::MAX as usize) as u32,
            size_bits: font.size.to_bits(),
            color,
        };
        if !self.stamps.meshes.contains_key(&key) {
            let galley = self.layout_no_wrap(&count.to_string(), font, color);
            let corner = self.snap(
                Align2::CENTER_CENTER
                    .anchor_size(Pos2::ZERO, galley.size())
                    .min,
            );
            self.make_stamp(key, Shape::galley(corner, galley, color));
        }
        // Whole pixels keep the glyphs as crisp as text laid out in place.
        self.copy_stamp(key, self.snap(centre), 1.0);
    }

    /// A label laid out by [`Canvas::layout_no_wrap`] in `color`, with a halo one point wide
    /// around it, its top left corner at `top_left` (rounded to a pixel, as egui places text). Labels
    /// repeat from one day to the next: each is tessellated once — five times its glyphs — and
    /// copied.
    pub fn stamp_label(
        &mut self,
        galley: &Arc<Galley>,
        top_left: Pos2,
        color: Color32,
        halo: Color32,
    ) {
        let key = StampKey::Label {
            galley: Arc::as_ptr(galley) as usize,
            halo,
        };
        if !self.stamps.meshes.contains_key(&key) {
            let mut shapes: Vec<Shape> = [
                Vec2::new(1.0, 0.0),
                Vec2::new(-1.0, 0.0),
                Vec2::new(0.0, 1.0),
                Vec2::new(0.0, -1.0),
            ]
            .into_iter()
            .map(|offset| {
                Shape::galley_with_override_text_color(Pos2::ZERO + offset, galley.clone(), halo)
            })
            .collect();
            shapes.push(Shape::galley(Pos2::ZERO, galley.clone(), color));
            self.make_stamp(key, Shape::Vec(shapes));
        }
        self.copy_stamp(key, self.snap(top_left), 1.0);
    }

    fn snap(&self, p: Pos2) -> Pos2 {
        let ppp = self.stamps.pixels_per_point.max(0.1);
        // Half-up, unlike `round`, so that snapping commutes with moving by whole pixels.
        let snap = |v: f32| floor_to_i32(v * ppp + 0.5) as f32 / ppp;
        Pos2::new(snap(p.x), snap(p.y))
    }

    fn make_stamp(&mut self, key: StampKey, shape: Shape) {
        let mut mesh = Mesh::default();
        // Around the origin, which is off-screen: culling must not drop it.
        self.tessellator.set_clip_rect(Rect::EVERYTHING);
        self.tessellator.tessellate_shape(shape, &mut mesh);
        self.tessellator.set_clip_rect(self.clip);
        let bounds = mesh.calc_bounds();
        self.stamps.meshes.insert(key, (mesh, bounds));
    }

    fn copy_stamp(&mut self, key: StampKey, centre: Pos2, alpha: f32) {
        let Some((template, bounds)) = self.stamps.meshes.get(&key) else {
            return;
        };
        let offset = centre.to_vec2();
        if !self.clip.intersects(bounds.translate(offset)) {
            return;
        }
        let out = if key.is_text() {
            &mut self.text
        } else {
            &mut self.shapes
        };
        let base = out.vertices.len() as u32;
        // Premultiplied colours fade by scaling every channel; in fixed point, as this runs for
        // every vertex of thousands of markers.
        let scale = (alpha.clamp(0.0, 1.0) * 256.0) as u16;
        let fade = |c: u8| ((u16::from(c) * scale) >> 8) as u8;
        out.vertices
            .extend(template.vertices.iter().map(|v| Vertex {
                pos: v.pos + offset,
                uv: v.uv,
                color: if scale >= 256 {
                    v.color
                } else {
                    let [r, g, b, a] = v.color.to_array();
                    Color32::from_rgba_premultiplied(fade(r), fade(g), fade(b), fade(a))
                },
            }));
        out.indices
            .extend(template.indices.iter().map(|i| i + base));
    }

    /// Everything recorded, text over shapes, as one mesh.
    pub fn finish(self) -> Arc<Mesh> {
        let mut mesh = self.shapes;
        mesh.append_ref(&self.text);
        self.stamps.text_buffer = self.text;
        Arc::new(mesh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Vec2;

    #[test]
    fn floor_to_i32_is_floor_then_cast() {
        let values = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            -1.0,
            -1.000_001,
            2.999_999,
            -2.999_999,
            1919.5,
            -60.25,
            1.0e9,
            -1.0e9,
            3.0e9,
            -3.0e9,
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
        ];
        for v in values {
            assert_eq!(floor_to_i32(v), v.floor() as i32, "floor of {v}");
        }
    }

    fn with_canvas(check: impl FnOnce(&mut Canvas)) {
        let ctx = egui::Context::default();
        let mut check = Some(check);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let Some(check) = check.take() else { return };
            let painter = ui.painter_at(Rect::from_min_size(Pos2::ZERO, egui::vec2(400.0, 300.0)));
            let mut stamps = Stamps::default();
            let mut canvas = Canvas::new(&painter, &mut stamps);
            check(&mut canvas);
        });
        // Nobody uploads the font texture here.
        output.textures_delta.clear();
    }

    #[test]
    fn a_label_stamp_is_the_label_and_its_halo_laid_out_in_place() {
        with_canvas(|canvas| {
            let (color, halo) = (Color32::BLACK, Color32::WHITE);
            let galley = canvas.layout_no_wrap("Ağdam", FontId::proportional(13.0), color);
            let at = Pos2::new(120.4, 80.7);
            let corner = canvas.snap(at);
            let mut direct = Mesh::default();
            for offset in [
                Vec2::new(1.0, 0.0),
                Vec2::new(-1.0, 0.0),
                Vec2::new(0.0, 1.0),
                Vec2::new(0.0, -1.0),
            ] {
                let shape =
                    Shape::galley_with_override_text_color(corner + offset, galley.clone(), halo);
                canvas.tessellator.tessellate_shape(shape, &mut direct);
            }
            let shape = Shape::galley(corner, galley.clone(), color);
            canvas.tessellator.tessellate_shape(shape, &mut direct);
            assert!(
                direct.vertices.len() >= 5 * 4 * 5,
                "five glyphs, five times"
            );
            canvas.stamp_label(&galley, at, color, halo);
            assert_eq!(canvas.text.indices, direct.indices);
            for (a, b) in canvas.text.vertices.iter().zip(&direct.vertices) {
                assert!(a.pos.distance(b.pos) < 1e-3, "{:?} vs {:?}", a.pos, b.pos);
                assert_eq!((a.uv, a.color), (b.uv, b.color));
            }
            // The same label elsewhere is a copy of the same stamp.
            canvas.stamp_label(&galley, at + Vec2::new(0.0, 40.0), color, halo);
            assert_eq!(canvas.text.vertices.len(), 2 * direct.vertices.len());
            assert_eq!(canvas.stamps.len(), 1);
        });
    }

    #[test]
    fn a_count_stamp_is_the_number_laid_out_in_place() {
        with_canvas(|canvas| {
            let at = Pos2::new(200.0, 150.0);
            let font = FontId::proportional(11.0);
            let galley = canvas.layout_no_wrap("27", font.clone(), Color32::BLACK);
            let corner = Align2::CENTER_CENTER.anchor_size(at, galley.size()).min;
            let mut direct = Mesh::default();
            let shape = Shape::galley(canvas.snap(corner), galley, Color32::BLACK);
            canvas.tessellator.tessellate_shape(shape, &mut direct);
            assert!(!direct.vertices.is_empty());
            canvas.stamp_count(27, at, font.clone(), Color32::BLACK);
            assert_eq!(canvas.text.indices, direct.indices);
            for (a, b) in canvas.text.vertices.iter().zip(&direct.vertices) {
                assert!(a.pos.distance(b.pos) < 1e-3, "{:?} vs {:?}", a.pos, b.pos);
                assert_eq!(a.uv, b.uv);
            }
            // Another badge with the same number re-uses the stamp.
            canvas.stamp_count(27, at + Vec2::new(30.0, 0.0), font, Color32::BLACK);
            assert_eq!(canvas.text.vertices.len(), 2 * direct.vertices.len());
            assert_eq!(canvas.stamps.len(), 1);
        });
    }

    #[test]
    fn a_stamp_is_the_shape_tessellated_in_place() {
        with_canvas(|canvas| {
            let centre = Pos2::new(120.0, 80.0);
            let shape = |at: Pos2| {
                Shape::Circle(CircleShape {
                    center: at,
                    radius: 7.0,
                    fill: Color32::RED,
                    stroke: Stroke::new(1.0, Color32::BLACK),
                })
            };
            let mut direct = Mesh::default();
            canvas
                .tessellator
                .tessellate_shape(shape(centre), &mut direct);
            let key = StampKey::Disc {
                radius_bits: 7f32.to_bits(),
                fill: Color32::RED,
                stroke_bits: 1f32.to_bits(),
                stroke: Color32::BLACK,
            };
            canvas.stamp(key, centre, 1.0, shape);
            assert_eq!(canvas.shapes.indices, direct.indices);
            assert_eq!(canvas.shapes.vertices.len(), direct.vertices.len());
            for (a, b) in canvas.shapes.vertices.iter().zip(&direct.vertices) {
                assert!(a.pos.distance(b.pos) < 1e-3, "{:?} vs {:?}", a.pos, b.pos);
                assert_eq!(a.color, b.color);
            }
            // Off-screen stamps add nothing; faded ones scale every colour.
            let before = canvas.shapes.vertices.len();
            canvas.stamp(key, Pos2::new(-500.0, -500.0), 1.0, shape);
            assert_eq!(canvas.shapes.vertices.len(), before);
            canvas.stamp(key, centre, 0.5, shape);
            let faded = &canvas.shapes.vertices[before..];
            let half = Color32::RED.gamma_multiply(0.5).to_array();
            assert!(faded.iter().any(|v| {
                let faded = v.color.to_array();
                faded.iter().zip(half).all(|(x, y)| x.abs_diff(y) <= 1)
            }));
            assert_eq!(canvas.stamps.len(), 1);
        });
    }
}
