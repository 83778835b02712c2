//! The map: egui_plot provides the lon/lat transform, zoom and pan; the basemap, the markers and
//! the labels are painted in screen space on top of it, culled to the view.

use std::sync::Arc;

use ahash::{AHashMap as HashMap, AHashSet as HashSet};

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, Key, Pos2, Rect, Shape, Stroke, Ui, Vec2};
use egui_plot::{Plot, PlotBounds, PlotPoint};

use crate::atlas::Atlas;
use crate::basemap::{Area, Basemap, LonLat};
use crate::model::EventKind;

use super::canvas::{Canvas, StampKey, Stamps, floor_to_i32};
use super::scene::{MarkerGroup, Scene};
use super::state::{Command, Mode, ViewState};
use super::style::{self, MapColors};

/// The first view: Armenia, Azerbaijan up to Baku, and the whole of Nagorno-Karabakh.
pub const HOME_VIEW: [f64; 4] = [43.4, 38.3, 50.3, 41.7];
/// Latitude whose scale the map keeps true (the middle of Nagorno-Karabakh).
const ASPECT_LATITUDE: f64 = 40.0;
const KM_PER_DEGREE: f64 = 111.32;
/// Half the side of the square a marker keeps free of labels, in marker radii (the triangles and
/// the diamond reach past the radius).
const MARKER_BLOCK: f32 = 1.25;

/// Where a marker was drawn, for hover and click.
#[derive(Clone, Copy)]
struct Hit {
    centre: Pos2,
    radius: f32,
    /// The marker group (index into `Scene::groups`); for a bubble, its largest member.
    group: usize,
    /// A bubble of several places (index into `MapLayer::bubbles`).
    bubble: Option<usize>,
}

/// Above this many markers in view, places that fall into one small screen cell are drawn as
/// one bubble (a ring of kinds with the count) instead of being spread on rings that grow with
/// every neighbour until the map is a web of lines.
const DENSE_MARKERS: usize = 300;
/// Markers fanned out on one ring at most; more of several places in one bubble's cell are a
/// bubble even on a map with room.
const MAX_FAN: usize = 8;
/// Towns without events closer than this (points) to a place with events are not drawn.
const TOWN_CLEARANCE: f32 = 24.0;

/// Several places drawn as one, because they are too close at this zoom.
struct Bubble {
    centre: Pos2,
    radius: f32,
    /// Marker groups inside, most events first.
    members: Vec<usize>,
    places: usize,
    events: usize,
    /// Events per kind, in `EventKind::ALL` order.
    by_kind: [usize; 5],
    /// `[lon_min, lat_min, lon_max, lat_max]` of the members, to zoom to.
    bounds: [f64; 4],
}

#[derive(Default)]
pub struct MapView {
    /// The marker group under the pointer last frame (index into `Scene::groups`).
    pub hovered: Option<usize>,
    /// Where each drawn marker went: (index into `Scene::groups`, screen centre).
    pub drawn: Vec<(usize, Pos2)>,
    layer: Option<MapLayer>,
    /// The basemap of the current view, copied under every layer built for it.
    base: Option<(BaseKey, Arc<Mesh>)>,
    /// Room the layer's mesh is given: the largest built yet and an eighth. Growing a mesh of a
    /// few hundred thousand vertices by doubling copies it again and again, and stepping between
    /// a quiet and a crowded day would size it for the quiet one.
    mesh_capacity: (usize, usize),
    stamps: Stamps,
    /// How many times the layer was built (for tests: a steady frame must not rebuild it).
    pub layer_builds: u64,
    /// A clicked bubble's places, to zoom to on the next frame.
    zoom_to: Option<[f64; 4]>,
    /// The bubble under the pointer last frame, if any.
    pub hovered_bubble: Option<usize>,
    /// A galley egui lays out every frame, to notice when it rebuilds its font atlas.
    font_probe: Option<Arc<egui::Galley>>,
}

/// Everything that decides how the map layer looks; the layer is rebuilt when any of it changes.
#[derive(Clone, Debug, PartialEq)]
struct LayerKey {
    scene: u64,
    rect: Rect,
    bounds: [f64; 4],
    pixels_per_point: f32,
    font_image_size: [usize; 2],
    presentation: bool,
    dark: bool,
    selected: Option<usize>,
    mode: Mode,
    day: chrono::NaiveDate,
    /// The basemap is loaded once; its sizes tell a reloaded one apart (its address does not:
    /// the app may move).
    basemap: [usize; 5],
}

/// Everything that decides how the basemap looks: the view, not the day.
#[derive(Clone, Debug, PartialEq)]
struct BaseKey {
    rect: Rect,
    bounds: [f64; 4],
    pixels_per_point: f32,
    dark: bool,
    basemap: [usize; 5],
}

/// The basemap (a copy of its own mesh), markers, labels, legend and scale bar of one view,
/// tessellated once. A steady frame re-adds the meshes, which costs a copy of their vertices.
struct MapLayer {
    key: LayerKey,
    /// The basemap the mesh begins with, and how many of its vertices and indices are that copy.
    base: Arc<Mesh>,
    base_len: (usize, usize),
    mesh: Arc<Mesh>,
    inset: Option<(Rect, Arc<Mesh>)>,
    hits: Vec<Hit>,
    bubbles: Vec<Bubble>,
}

impl MapView {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        atlas: &Atlas,
        basemap: &Basemap,
        scene: &Scene,
        state: &mut ViewState,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let fit = state
            .fit_requested
            .then(|| front_bounds(scene))
            .or(self.zoom_to.take());
        state.fit_requested = false;
        let keys_free = !ui.ctx().text_edit_focused();
        let (zoom_key, pan_key) = if keys_free {
            zoom_and_pan_keys(ui)
        } else {
            (1.0, Vec2::ZERO)
        };

        // On a map the wheel zooms (egui_plot would pan with it and zoom only with Ctrl).
        let wheel = ui.input(|i| i.smooth_scroll_delta.y);
        let aspect = 1.0 / ASPECT_LATITUDE.to_radians().cos();
        let response = Plot::new("map")
            .data_aspect(aspect as f32)
            .show_axes(false)
            .show_grid(false)
            .show_background(false)
            .show_x(false)
            .show_y(false)
            .allow_boxed_zoom(false)
            .allow_scroll(false)
            .default_x_bounds(HOME_VIEW[0], HOME_VIEW[2])
            .default_y_bounds(HOME_VIEW[1], HOME_VIEW[3])
            .show(ui, |plot_ui| {
                if let Some([lon0, lat0, lon1, lat1]) = fit {
                    plot_ui.set_plot_bounds(PlotBounds::from_min_max([lon0, lat0], [lon1, lat1]));
                }
                if zoom_key != 1.0 {
                    let centre = plot_ui.plot_bounds().center();
                    plot_ui.zoom_bounds(Vec2::splat(zoom_key), centre);
                }
                if pan_key != Vec2::ZERO {
                    plot_ui.translate_bounds(pan_key);
                }
                if wheel != 0.0 && plot_ui.response().hovered() {
                    plot_ui.zoom_bounds_around_hovered(Vec2::splat((wheel / 200.0).exp()));
                }
            });
        let transform = response.transform;
        let rect = *transform.frame();
        let bounds = *transform.bounds();
        let painter = ui.painter_at(rect);
        let ctx = ui.ctx();
        let key = LayerKey {
            scene: scene.generation,
            rect,
            bounds: [
                bounds.min()[0],
                bounds.min()[1],
                bounds.max()[0],
                bounds.max()[1],
            ],
            pixels_per_point: ctx.pixels_per_point(),
            font_image_size: ctx.fonts(|f| f.font_image_size()),
            presentation: state.presentation,
            dark: state.dark,
            selected: state.selected,
            mode: state.mode,
            day: state.day,
            basemap: [
                basemap.countries.len(),
                basemap.lakes.len(),
                basemap.towns.len(),
                basemap.world.len(),
                basemap.problems.len(),
            ],
        };
        // egui rebuilds its font atlas when fonts are added, when it is full, or when text options
        // change, and then forgets every galley. A galley laid out every frame is the same one
        // while nothing of this happened: a new one means the layer's glyphs point nowhere.
        let probe = painter.layout_no_wrap("0".into(), style::font(10.0), Color32::BLACK);
        let atlas_kept = self
            .font_probe
            .as_ref()
            .is_some_and(|old| Arc::ptr_eq(old, &probe));
        if !atlas_kept {
            self.stamps.forget_text();
            self.font_probe = Some(probe);
        }
        let base_key = BaseKey {
            rect,
            bounds: key.bounds,
            pixels_per_point: key.pixels_per_point,
            dark: key.dark,
            basemap: key.basemap,
        };
        let base = match &self.base {
            Some((old, mesh)) if *old == base_key => mesh.clone(),
            _ => {
                self.base = None;
                let mesh = build_base(&painter, &mut self.stamps, &transform, basemap, state.dark);
                self.base = Some((base_key, mesh.clone()));
                mesh
            }
        };
        let fresh = atlas_kept && self.layer.as_ref().is_some_and(|layer| layer.key == key);
        if !fresh {
            // The old layer's mesh is drawn on anew: two of them at once would double the peak
            // memory, and fresh buffers cost page faults (see `Canvas::reusing`). egui let go of
            // it when the last frame was tessellated.
            // When the view is the same, the old mesh begins with this very basemap: it stays,
            // and the new layer is written after it.
            let (buffers, base_kept) = match self.layer.take() {
                Some(old) => {
                    let same_base = Arc::ptr_eq(&old.base, &base);
                    match Arc::try_unwrap(old.mesh) {
                        Ok(mesh) => (mesh, same_base.then_some(old.base_len)),
                        Err(_) => (Mesh::default(), None),
                    }
                }
                None => (Mesh::default(), None),
            };
            let layer = build_layer(
                &painter,
                &mut self.stamps,
                buffers,
                base_kept,
                self.mesh_capacity,
                &base,
                &transform,
                basemap,
                scene,
                state,
                key,
            );
            let built = (layer.mesh.vertices.len(), layer.mesh.indices.len());
            self.mesh_capacity.0 = self.mesh_capacity.0.max(built.0 + built.0 / 8);
            self.mesh_capacity.1 = self.mesh_capacity.1.max(built.1 + built.1 / 8);
            self.layer = Some(layer);
            self.layer_builds += 1;
        }
        let Some(layer) = &self.layer else {
            return commands;
        };
        painter.add(Shape::Mesh(layer.mesh.clone()));
        if let Some((inset_rect, inset_mesh)) = &layer.inset {
            painter
                .with_clip_rect(*inset_rect)
                .add(Shape::Mesh(inset_mesh.clone()));
        }
        if !basemap.problems.is_empty() {
            // On top of everything, wrapped to the map: the reader must see what is missing.
            let message = format!("Map data missing:\n{}", basemap.problems.join("\n"));
            let color = ui.visuals().error_fg_color;
            let galley = painter.layout(message, style::font(12.0), color, rect.width() - 24.0);
            let at = rect.left_top() + Vec2::new(8.0, 8.0);
            let background = Rect::from_min_size(at, galley.size()).expand(4.0);
            let colors = style::map_colors(state.dark);
            painter.rect_filled(background, 3.0, colors.label_halo);
            painter.galley(at, galley, color);
        }

        // Hover and click.
        let hits = &layer.hits;
        if !fresh {
            self.drawn = hits.iter().map(|h| (h.group, h.centre)).collect();
        }
        let plot_response = &response.response;
        let hit = plot_response.hover_pos().and_then(|pointer| {
            hits.iter()
                .filter(|h| h.centre.distance(pointer) <= h.radius + 4.0)
                .min_by(|a, b| {
                    a.centre
                        .distance(pointer)
                        .total_cmp(&b.centre.distance(pointer))
                })
        });
        self.hovered = hit.map(|h| h.group);
        self.hovered_bubble = hit.and_then(|h| h.bubble);
        if let Some(bubble) = self.hovered_bubble.and_then(|b| layer.bubbles.get(b)) {
            plot_response
                .clone()
                .on_hover_ui_at_pointer(|ui| bubble_tooltip(ui, scene, bubble));
            if plot_response.clicked() {
                self.zoom_to = Some(zoom_bounds(bubble.bounds));
            }
        } else if let Some(group) = self.hovered.and_then(|i| scene.groups.get(i)) {
            plot_response
                .clone()
                .on_hover_ui_at_pointer(|ui| group_tooltip(ui, atlas, group));
            if plot_response.clicked() {
                commands.push(Command::Select(group.events.first()));
            }
        }
        commands
    }
}

impl MapView {
    pub fn bubbles(&self) -> Vec<(Pos2, usize)> {
        self.layer.as_ref().map_or(Vec::new(), |layer| {
            layer.bubbles.iter().map(|b| (b.centre, b.places)).collect()
        })
    }

    /// A digest of the map's mesh (positions, colours, indices), for tests: the same view and
    /// scene must give the same mesh however it was reached.
    pub fn layer_digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        if let Some(layer) = &self.layer {
            for v in &layer.mesh.vertices {
                (v.pos.x.to_bits(), v.pos.y.to_bits(), v.color).hash(&mut hasher);
            }
            layer.mesh.indices.hash(&mut hasher);
        }
        hasher.finish()
    }

    /// Vertices the map draws (the layer holds a copy of the basemap).
    pub fn layer_vertices(&self) -> usize {
        self.layer.as_ref().map_or(0, |layer| {
            layer.mesh.vertices.len() + layer.inset.as_ref().map_or(0, |(_, m)| m.vertices.len())
        })
    }
}

/// Paints the map layer of one view into meshes.
#[allow(clippy::too_many_arguments)]
fn build_layer(
    painter: &egui::Painter,
    stamps: &mut Stamps,
    buffers: Mesh,
    base_kept: Option<(usize, usize)>,
    capacity: (usize, usize),
    base: &Arc<Mesh>,
    transform: &egui_plot::PlotTransform,
    basemap: &Basemap,
    scene: &Scene,
    state: &ViewState,
    key: LayerKey,
) -> MapLayer {
    let rect = *transform.frame();
    let view = key.bounds;
    let to_screen = |p: LonLat| transform.position_from_point(&PlotPoint::new(p[0], p[1]));
    let colors = style::map_colors(state.dark);
    let type_scale = style::type_scale(state.presentation);
    let mut canvas = Canvas::reusing(painter, stamps, buffers, base_kept, capacity);
    if base_kept.is_none() {
        // One mesh for the whole map: egui would copy a second one into the first every frame.
        canvas.add(Shape::Mesh(base.clone()));
    }
    let base_len = canvas.shapes_len();
    let anchors: Vec<Pos2> = scene.groups.iter().map(|g| to_screen(g.lonlat)).collect();
    // Overlays (inset, legend, scale bar) are laid out first so that labels avoid them.
    let inset = inset_layout(rect, scene, &anchors, state.presentation);
    let legend = (!state.presentation).then(|| legend_rect(rect, state.presentation));
    let scale_area = Rect::from_min_max(
        rect.right_bottom() - Vec2::new(220.0, 44.0),
        rect.right_bottom(),
    );
    let overlays: Vec<Rect> = [
        inset.as_ref().map(|i| i.rect.expand(4.0)),
        legend,
        Some(scale_area),
    ]
    .into_iter()
    .flatten()
    .collect();

    // Markers: kinds at one place fan out around it so none hides another.
    let mut hits = Vec::with_capacity(scene.groups.len().min(4_096));
    let mut labels = Labels::default();
    for overlay in &overlays {
        labels.block(*overlay);
    }
    let radii: Vec<f32> = scene
        .groups
        .iter()
        .map(|g| style::marker_radius(g.sources, state.presentation))
        .collect();
    // Markers off the map need no place on it (a margin keeps clusters at the edge whole).
    let margin = rect.expand(60.0);
    let near: Vec<bool> = scene
        .groups
        .iter()
        .zip(&anchors)
        .map(|(g, anchor)| !g.far && margin.contains(*anchor))
        .collect();
    let in_view = near.iter().filter(|n| **n).count();
    let dense = in_view > DENSE_MARKERS;
    let bubbles = if in_view == 0 {
        Vec::new()
    } else {
        // Cells as wide as two and a half typical markers: big markers (many sources) need
        // bigger cells to stay apart.
        let mean_radius = (0..radii.len())
            .filter(|&i| near[i])
            .map(|i| radii[i])
            .sum::<f32>()
            / in_view as f32;
        let base_radius = style::marker_radius(1, state.presentation);
        let mut bubbles = bubble_up(
            scene,
            &anchors,
            &near,
            (mean_radius * 2.5).max(base_radius * 4.0),
        );
        if !dense {
            // On a map with room, places fan their markers out, unless one spot holds more
            // than a ring can show: a ring of dozens of markers spans a hundred pixels, with a
            // line from each to its place.
            bubbles.retain(|bubble| bubble.members.len() > MAX_FAN);
        }
        bubbles
    };
    // Places with markers or bubbles on the map, before bubbles take their members.
    let near_drawn = near.clone();
    let mut near = near;
    for bubble in &bubbles {
        for &member in &bubble.members {
            near[member] = false;
        }
    }
    let centres = if dense {
        // Each cell left holds one place: its kinds fan out around it, and only there.
        let same_place =
            |i: usize, j: usize| Arc::ptr_eq(&scene.groups[i].place, &scene.groups[j].place);
        spread_markers(&anchors, &radii, &near, same_place)
    } else {
        spread_markers(&anchors, &radii, &near, |_, _| true)
    };
    for (b, bubble) in bubbles.iter().enumerate() {
        if !rect.contains(bubble.centre) || overlays.iter().any(|o| o.contains(bubble.centre)) {
            continue;
        }
        let drawn = paint_bubble(&mut canvas, bubble, &colors, type_scale.badge);
        hits.push(Hit {
            centre: bubble.centre,
            radius: bubble.radius,
            group: bubble.members[0],
            bubble: Some(b),
        });
        labels.block(drawn);
    }
    // Markers drawn: a place whose markers all fell under the legend or the inset gets no name.
    let mut marker_drawn = vec![false; scene.groups.len()];
    for (i, group) in scene.groups.iter().enumerate().filter(|(i, _)| near[*i]) {
        let radius = radii[i];
        let centre = centres[i];
        if !rect.expand(radius).contains(centre) || overlays.iter().any(|o| o.contains(centre)) {
            continue;
        }
        marker_drawn[i] = true;
        if centre.distance(anchors[i]) > 1.0 {
            // A moved marker keeps a thin line to its true place.
            canvas.line_segment([anchors[i], centre], Stroke::new(1.0, colors.town));
            canvas.stamp_dot(anchors[i], 2.0, colors.town);
        }
        let alpha = fade(state, group);
        let drawn = paint_marker(
            &mut canvas,
            group,
            centre,
            radius,
            alpha,
            state.selected,
            &colors,
            type_scale.badge,
        );
        hits.push(Hit {
            centre,
            radius,
            group: i,
            bubble: None,
        });
        labels.block(drawn);
    }

    // Labels: the places with events first (most events first), then the region, then towns.
    let mut wanted: Vec<LabelRequest> =
        Vec::with_capacity(scene.groups.len().min(4_096) + basemap.towns.len());
    let bubble_names: Vec<String> = bubbles
        .iter()
        .map(|b| {
            let name = &scene.groups[b.members[0]].name;
            format!("{name} +{}", b.places - 1)
        })
        .collect();
    let mut by_size: Vec<usize> = (0..bubbles.len())
        .filter(|&b| rect.contains(bubbles[b].centre))
        .collect();
    by_size.sort_by_key(|&b| std::cmp::Reverse(bubbles[b].events));
    for b in by_size {
        wanted.push(LabelRequest::beside(
            bubbles[b].centre,
            bubbles[b].radius + 4.0,
            &bubble_names[b],
            true,
        ));
    }
    let mut seen_places = HashSet::new();
    // A place's label clears all of its markers, even those spread on a cluster's ring.
    let mut reach: HashMap<&str, f32> = HashMap::new();
    let mut markers_of: HashMap<&str, usize> = HashMap::new();
    for (i, group) in scene.groups.iter().enumerate().filter(|(i, _)| near[*i]) {
        let extent = centres[i].distance(anchors[i]) + radii[i] * MARKER_BLOCK;
        let entry = reach.entry(&*group.place).or_insert(0.0);
        *entry = entry.max(extent);
        *markers_of.entry(&*group.place).or_insert(0) += 1;
    }
    // Most events first, then in marker order: as integers, one sort of thousands costs little.
    let mut by_place: Vec<u64> = scene
        .groups
        .iter()
        .enumerate()
        .filter(|(i, g)| marker_drawn[*i] && rect.contains(anchors[*i]) && !g.far)
        .map(|(i, g)| {
            let fewer = u32::MAX - u32::try_from(g.events.len()).unwrap_or(u32::MAX);
            u64::from(fewer) << 32 | i as u64
        })
        .collect();
    by_place.sort_unstable();
    for key in by_place {
        let i = (key & u64::from(u32::MAX)) as usize;
        let group = &scene.groups[i];
        if !seen_places.insert(&*group.place) {
            continue;
        }
        let moved = centres[i].distance(anchors[i]) > 1.0;
        if moved && markers_of.get(&*group.place) == Some(&1) {
            // A place's one marker moved onto a ring: the name goes by the marker, or it would
            // be read as a neighbour's (Shusha's strike labelled "Stepanakert").
            wanted.push(LabelRequest::beside(
                centres[i],
                radii[i] * MARKER_BLOCK + 4.0,
                &group.name,
                true,
            ));
        } else {
            let extent = reach.get(&*group.place).copied().unwrap_or(6.0);
            wanted.push(LabelRequest::beside(
                anchors[i],
                extent + 4.0,
                &group.name,
                true,
            ));
        }
    }
    if let Some(karabakh) = &basemap.karabakh {
        let [lon0, _, lon1, lat1] = karabakh.bbox();
        // Above the outline's north edge keeps the inside free for towns and markers.
        let anchor =
            to_screen([(lon0 + lon1) / 2.0, lat1]) - Vec2::new(0.0, type_scale.region * 0.9);
        wanted.push(LabelRequest::centred(
            anchor,
            "NAGORNO-KARABAKH",
            type_scale.region,
            colors.karabakh_line,
        ));
    }
    let names_with_events: HashSet<&str> = scene.groups.iter().map(|g| &*g.name).collect();
    // A town a few pixels from a place with events is left out, dot and name: its label beside
    // that place's markers would be read as theirs (Shusha's name by Stepanakert's strike).
    let mut event_places = Grid::new(TOWN_CLEARANCE);
    for (i, anchor) in anchors.iter().enumerate() {
        if near_drawn[i] {
            event_places.insert(*anchor, i);
        }
    }
    for town in &basemap.towns {
        if names_with_events.contains(town.name.as_str()) {
            continue;
        }
        let at = to_screen(town.lonlat);
        let crowded = event_places
            .near(at)
            .any(|i| anchors[i].distance(at) < TOWN_CLEARANCE);
        if rect.contains(at) && !crowded && !overlays.iter().any(|o| o.contains(at)) {
            canvas.stamp_dot(at, 2.5, colors.town);
            labels.block(Rect::from_center_size(at, Vec2::splat(5.0)));
            wanted.push(LabelRequest::beside(at, 5.0, &town.name, false));
        }
    }
    for request in wanted {
        labels.place(&mut canvas, rect, request, &colors, type_scale.town);
    }

    paint_scale_bar(&mut canvas, rect, transform, &colors, state.presentation);
    // GeoNames asks for this credit (CC BY 4.0); Natural Earth is public domain.
    canvas.text(
        rect.right_bottom() - Vec2::new(16.0, 2.0),
        Align2::RIGHT_BOTTOM,
        "Places: GeoNames, geonames.org · Borders: Natural Earth",
        style::font(9.0),
        colors.town,
    );
    if let Some(legend) = legend {
        paint_legend(&mut canvas, legend, &colors, state.presentation);
    }
    let inset_frame = inset.as_ref().map(|inset| {
        // The frame and caption lie outside the inset's clip rectangle: they go on the map.
        canvas.add(Shape::rect_stroke(
            inset.rect,
            2.0,
            Stroke::new(1.0, colors.border),
            egui::StrokeKind::Outside,
        ));
        canvas.text(
            inset.rect.left_bottom() + Vec2::new(4.0, -4.0),
            Align2::LEFT_BOTTOM,
            "far from the front",
            style::font(11.0),
            colors.town,
        );
        inset.rect
    });
    let mesh = canvas.finish();
    let inset_mesh = inset.as_ref().zip(inset_frame).map(|(inset, inset_rect)| {
        let inset_painter = painter.with_clip_rect(inset_rect);
        let mut inset_canvas = Canvas::new(&inset_painter, stamps);
        paint_inset(
            &mut inset_canvas,
            inset,
            basemap,
            scene,
            state,
            view,
            &colors,
            &mut hits,
        );
        (inset_rect, inset_canvas.finish())
    });
    MapLayer {
        key,
        base: base.clone(),
        base_len,
        mesh,
        inset: inset_mesh,
        hits,
        bubbles,
    }
}

/// The basemap of one view (sea, land, lakes, borders, the region's outline), tessellated once:
/// a day change redraws the markers on top of it, not the borders under them.
fn build_base(
    painter: &egui::Painter,
    stamps: &mut Stamps,
    transform: &egui_plot::PlotTransform,
    basemap: &Basemap,
    dark: bool,
) -> Arc<Mesh> {
    let rect = *transform.frame();
    let bounds = transform.bounds();
    let view = [
        bounds.min()[0],
        bounds.min()[1],
        bounds.max()[0],
        bounds.max()[1],
    ];
    let to_screen = |p: LonLat| transform.position_from_point(&PlotPoint::new(p[0], p[1]));
    let colors = style::map_colors(dark);
    let mut canvas = Canvas::new(painter, stamps);
    canvas.rect_filled(rect, 0.0, colors.sea);
    paint_areas(&mut canvas, &basemap.countries, view, &to_screen, |a| {
        if a.name == "Armenia" || a.name == "Azerbaijan" {
            colors.land_focus
        } else {
            colors.land
        }
    });
    paint_areas(&mut canvas, &basemap.lakes, view, &to_screen, |_| {
        colors.lake
    });
    if let Some(karabakh) = &basemap.karabakh {
        paint_areas(
            &mut canvas,
            std::slice::from_ref(karabakh),
            view,
            &to_screen,
            |_| colors.karabakh_fill,
        );
    }
    paint_outlines(
        &mut canvas,
        &basemap.countries,
        view,
        &to_screen,
        Stroke::new(1.0, colors.border),
    );
    if let Some(karabakh) = &basemap.karabakh {
        let stroke = Stroke::new(2.0, colors.karabakh_line);
        paint_outlines(
            &mut canvas,
            std::slice::from_ref(karabakh),
            view,
            &to_screen,
            stroke,
        );
    }

    canvas.finish()
}

fn zoom_and_pan_keys(ui: &Ui) -> (f32, Vec2) {
    ui.input(|input| {
        let mut zoom = 1.0;
        if input.key_pressed(Key::Plus) || input.key_pressed(Key::Equals) {
            zoom = 1.25;
        }
        if input.key_pressed(Key::Minus) {
            zoom = 0.8;
        }
        // Shift+arrows pan (plain arrows step through days).
        let mut pan = Vec2::ZERO;
        if input.modifiers.shift {
            let step = 60.0;
            for (key, delta) in [
                (Key::ArrowLeft, Vec2::new(step, 0.0)),
                (Key::ArrowRight, Vec2::new(-step, 0.0)),
                (Key::ArrowUp, Vec2::new(0.0, step)),
                (Key::ArrowDown, Vec2::new(0.0, -step)),
            ] {
                if input.key_pressed(key) {
                    pan += delta;
                }
            }
        }
        (zoom, pan)
    })
}

/// Bounds around the shown events of the front (not the far-away ones), with a margin.
pub fn front_bounds(scene: &Scene) -> [f64; 4] {
    let front: Vec<LonLat> = scene
        .groups
        .iter()
        .filter(|g| !g.far)
        .map(|g| g.lonlat)
        .collect();
    if front.is_empty() {
        return HOME_VIEW;
    }
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for [lon, lat] in front {
        b = [b[0].min(lon), b[1].min(lat), b[2].max(lon), b[3].max(lat)];
    }
    // At least ~100 km across so one town does not fill the screen.
    let (cx, cy) = ((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0);
    let half_w = ((b[2] - b[0]) / 2.0 * 1.3).max(0.6);
    let half_h = ((b[3] - b[1]) / 2.0 * 1.3).max(0.45);
    [cx - half_w, cy - half_h, cx + half_w, cy + half_h]
}

fn intersects(bbox: [f64; 4], view: [f64; 4]) -> bool {
    bbox[0] <= view[2] && bbox[2] >= view[0] && bbox[1] <= view[3] && bbox[3] >= view[1]
}

fn paint_areas(
    canvas: &mut Canvas,
    areas: &[Area],
    view: [f64; 4],
    to_screen: &dyn Fn(LonLat) -> Pos2,
    color_of: impl Fn(&Area) -> Color32,
) {
    let mut mesh = Mesh::default();
    for area in areas {
        let color = color_of(area);
        for polygon in area.polygons.iter().filter(|p| intersects(p.bbox, view)) {
            let base = mesh.vertices.len() as u32;
            mesh.vertices
                .extend(polygon.vertices.iter().map(|p| Vertex {
                    pos: to_screen(*p),
                    uv: WHITE_UV,
                    color,
                }));
            for [a, b, c] in &polygon.triangles {
                mesh.add_triangle(base + a, base + b, base + c);
            }
        }
    }
    if !mesh.is_empty() {
        canvas.add(Shape::mesh(mesh));
    }
}

fn paint_outlines(
    canvas: &mut Canvas,
    areas: &[Area],
    view: [f64; 4],
    to_screen: &dyn Fn(LonLat) -> Pos2,
    stroke: Stroke,
) {
    // Zoomed out, a pixel spans more than the coarse outlines' tolerance: draw those.
    let degrees_per_point = (view[2] - view[0]) / canvas.clip_rect().width().max(1.0) as f64;
    let coarse = degrees_per_point > crate::basemap::COARSE_TOLERANCE;
    for area in areas {
        for polygon in area.polygons.iter().filter(|p| intersects(p.bbox, view)) {
            let rings = if coarse {
                &polygon.coarse_rings
            } else {
                &polygon.rings
            };
            for ring in rings {
                let points: Vec<Pos2> = ring.iter().map(|p| to_screen(*p)).collect();
                canvas.add(Shape::line(points, stroke));
            }
        }
    }
}

/// Screen positions for the markers: markers that would overlap (the same place, or places a few
/// pixels apart at this zoom) are gathered into a cluster and spread on a ring around its centre,
/// so that every kind at every place stays visible. `include` marks the markers to place;
/// `joinable` says which two markers may share a ring.
pub fn spread_markers(
    anchors: &[Pos2],
    radii: &[f32],
    include: &[bool],
    joinable: impl Fn(usize, usize) -> bool,
) -> Vec<Pos2> {
    let mut centres = anchors.to_vec();
    let largest = radii.iter().copied().fold(1.0, f32::max);
    // Markers closer than the sum of their radii overlap; a grid of that size finds the
    // candidates among the neighbouring cells only.
    let mut grid = Grid::new(largest * 2.2);
    let mut cluster_of: Vec<usize> = vec![usize::MAX; anchors.len()];
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    for i in (0..anchors.len()).filter(|&i| include[i]) {
        // A full ring takes no more: overlapping markers chained across a crowded region would
        // make one ring of dozens around a point far from most of them.
        let joined = grid
            .near(anchors[i])
            .find(|&j| {
                anchors[j].distance(anchors[i]) < (radii[i] + radii[j]) * 1.1
                    && clusters[cluster_of[j]].len() < MAX_FAN
                    && joinable(i, j)
            })
            .map(|j| cluster_of[j]);
        let cluster = joined.unwrap_or_else(|| {
            clusters.push(Vec::new());
            clusters.len() - 1
        });
        clusters[cluster].push(i);
        cluster_of[i] = cluster;
        grid.insert(anchors[i], i);
    }
    for members in clusters.iter().filter(|m| m.len() > 1) {
        let n = members.len() as f32;
        let centre = members
            .iter()
            .fold(Vec2::ZERO, |sum, &i| sum + anchors[i].to_vec2())
            / n;
        let largest = members.iter().map(|&i| radii[i]).fold(0.0, f32::max);
        // Neighbours on the ring are at least one marker apart.
        let ring = (largest * 1.9).max(largest * 1.15 / (std::f32::consts::PI / n).sin());
        for (k, &i) in members.iter().enumerate() {
            let angle = std::f32::consts::TAU * k as f32 / n - std::f32::consts::FRAC_PI_2;
            centres[i] = centre.to_pos2() + Vec2::angled(angle) * ring;
        }
    }
    centres
}

/// Gathers the markers of places that share a screen cell of `cell` points into bubbles; a cell
/// with one place keeps its markers.
fn bubble_up(scene: &Scene, anchors: &[Pos2], include: &[bool], cell: f32) -> Vec<Bubble> {
    // Markers by cell, in cell order (the same view always draws the same bubbles), each cell's
    // in marker order.
    // One integer per marker, its cell above its index, sorts several times faster than
    // tuples (thousands of markers on every day change). Cells of markers near the view are a
    // few hundred at most, far inside 16 bits.
    let cell_bits =
        |v: f32| u64::from((floor_to_i32(v / cell).clamp(-32_768, 32_767) + 32_768) as u16);
    let mut by_cell: Vec<u64> = (0..anchors.len())
        .filter(|&i| include[i])
        .map(|i| {
            let cell = cell_bits(anchors[i].x) << 16 | cell_bits(anchors[i].y);
            cell << 32 | i as u64
        })
        .collect();
    by_cell.sort_unstable();
    let member = |key: &u64| (key & u64::from(u32::MAX)) as usize;
    let mut bubbles = Vec::new();
    for in_cell in by_cell.chunk_by(|a, b| a >> 32 == b >> 32) {
        // A place's groups share one id (`Arc`): addresses tell places apart without comparing
        // their text.
        let place_of = |m: usize| Arc::as_ptr(&scene.groups[m].place) as *const u8 as usize;
        let first = place_of(member(&in_cell[0]));
        if in_cell.iter().all(|key| place_of(member(key)) == first) {
            continue;
        }
        let mut members: Vec<usize> = in_cell.iter().map(member).collect();
        members.sort_by_key(|&m| std::cmp::Reverse(scene.groups[m].events.len()));
        let mut places: Vec<usize> = members.iter().map(|&m| place_of(m)).collect();
        places.sort_unstable();
        places.dedup();
        let mut by_kind = [0usize; 5];
        let mut weighted = Vec2::ZERO;
        let mut bounds = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for &m in &members {
            let group = &scene.groups[m];
            let n = group.events.len();
            by_kind[crate::atlas::kind_index(group.kind)] += n;
            weighted += anchors[m].to_vec2() * n as f32;
            let [lon, lat] = group.lonlat;
            bounds = [
                bounds[0].min(lon),
                bounds[1].min(lat),
                bounds[2].max(lon),
                bounds[3].max(lat),
            ];
        }
        let events: usize = by_kind.iter().sum();
        bubbles.push(Bubble {
            centre: (weighted / events.max(1) as f32).to_pos2(),
            radius: (cell * 0.3 + (places.len() as f32).sqrt() * 1.5).min(cell * 0.6),
            members,
            places: places.len(),
            events,
            by_kind,
            bounds,
        });
    }
    bubbles
}

/// A bubble: a ring split by kind in proportion to the events, the count in the middle.
fn paint_bubble(canvas: &mut Canvas, bubble: &Bubble, colors: &MapColors, badge_size: f32) -> Rect {
    let (centre, radius) = (bubble.centre, bubble.radius);
    let total = bubble.events.max(1);
    // The ring's shares, in 64ths of a turn (a step is under 6°, less than a pixel on a ring
    // of a dozen): wedges repeat from bubble to bubble and day to day, so each is a stamp.
    let mut done = 0usize;
    let mut from = 0u8;
    for (k, &n) in bubble.by_kind.iter().enumerate() {
        if n == 0 {
            continue;
        }
        done += n;
        let to = ((done * RING_STEPS as usize + total / 2) / total).min(RING_STEPS as usize) as u8;
        // A kind with a sliver of the events keeps a visible step.
        let to = to.max(from + 1).min(RING_STEPS);
        if to <= from {
            continue;
        }
        let color = style::kind_color(EventKind::ALL[k]);
        let key = StampKey::Wedge {
            radius_bits: radius.to_bits(),
            color,
            from,
            to,
        };
        canvas.stamp(key, centre, 1.0, |at| wedge(at, radius, from, to, color));
        from = to;
    }
    let hole = StampKey::Disc {
        radius_bits: (radius * 0.62).to_bits(),
        fill: colors.label_halo,
        stroke_bits: 1.5f32.to_bits(),
        stroke: colors.marker_outline,
    };
    canvas.stamp(hole, centre, 1.0, |at| {
        Shape::convex_polygon(
            style::circle_points(at, radius * 0.62),
            colors.label_halo,
            Stroke::new(1.0, colors.marker_outline),
        )
    });
    let rim = StampKey::Disc {
        radius_bits: radius.to_bits(),
        fill: Color32::TRANSPARENT,
        stroke_bits: 1.5f32.to_bits(),
        stroke: colors.marker_outline,
    };
    canvas.stamp(rim, centre, 1.0, |at| {
        Shape::circle_stroke(at, radius, Stroke::new(1.5, colors.marker_outline))
    });
    canvas.stamp_count(bubble.events, centre, style::font(badge_size), colors.label);
    Rect::from_center_size(centre, Vec2::splat(radius * 2.0 * MARKER_BLOCK))
}

/// The view to zoom to for a bubble's places: a little wider, and at least ~30 km across.
/// Steps of a bubble's ring (see `paint_bubble`).
const RING_STEPS: u8 = 64;

/// The part of a disc from step `from` to step `to` of `RING_STEPS`, clockwise from the top, as
/// convex pieces of at most a quarter turn (what egui fills).
fn wedge(centre: Pos2, radius: f32, from: u8, to: u8, color: Color32) -> Shape {
    let step = std::f32::consts::TAU / f32::from(RING_STEPS);
    let start = -std::f32::consts::FRAC_PI_2 + step * f32::from(from);
    let sweep = step * f32::from(to - from);
    let pieces = (sweep / std::f32::consts::FRAC_PI_2).ceil().max(1.0) as usize;
    let shapes =
        (0..pieces)
            .map(|p| {
                let a0 = start + sweep * p as f32 / pieces as f32;
                let a1 = start + sweep * (p + 1) as f32 / pieces as f32;
                let steps = 6;
                let mut points = vec![centre];
                points.extend((0..=steps).map(|s| {
                    centre + Vec2::angled(a0 + (a1 - a0) * s as f32 / steps as f32) * radius
                }));
                Shape::convex_polygon(points, color, Stroke::NONE)
            })
            .collect();
    Shape::Vec(shapes)
}

fn zoom_bounds([lon0, lat0, lon1, lat1]: [f64; 4]) -> [f64; 4] {
    let (cx, cy) = ((lon0 + lon1) / 2.0, (lat0 + lat1) / 2.0);
    let half_w = ((lon1 - lon0) / 2.0 * 1.6).max(0.2);
    let half_h = ((lat1 - lat0) / 2.0 * 1.6).max(0.15);
    [cx - half_w, cy - half_h, cx + half_w, cy + half_h]
}

fn bubble_tooltip(ui: &mut Ui, scene: &Scene, bubble: &Bubble) {
    ui.set_max_width(360.0);
    ui.label(
        egui::RichText::new(format!(
            "{} places, {} event{}",
            bubble.places,
            bubble.events,
            plural(bubble.events)
        ))
        .strong(),
    );
    let mut shown: Vec<&str> = Vec::new();
    for &m in &bubble.members {
        let name = &*scene.groups[m].name;
        if !shown.contains(&name) {
            shown.push(name);
        }
        if shown.len() == 6 {
            break;
        }
    }
    let more = bubble.places.saturating_sub(shown.len());
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    ui.label(format!("{}{tail}", shown.join(", ")));
    for (k, &n) in bubble.by_kind.iter().enumerate().filter(|(_, n)| **n > 0) {
        let kind = EventKind::ALL[k];
        ui.label(
            egui::RichText::new(format!("{}: {n}", style::kind_label(kind)))
                .color(style::kind_color(kind)),
        );
    }
    ui.label("Click to zoom in");
}

/// A uniform grid over the screen: items by cell, so that "what is near here" looks at a few
/// cells instead of every item (thousands of markers and labels per frame).
struct Grid {
    cell: f32,
    cells: HashMap<(i32, i32), Vec<usize>>,
}

impl Grid {
    fn new(cell: f32) -> Grid {
        Grid {
            cell: cell.max(1.0),
            cells: HashMap::new(),
        }
    }

    fn key(&self, p: Pos2) -> (i32, i32) {
        (floor_to_i32(p.x / self.cell), floor_to_i32(p.y / self.cell))
    }

    fn insert(&mut self, p: Pos2, item: usize) {
        let key = self.key(p);
        self.cells.entry(key).or_default().push(item);
    }

    /// Items in the cell of `p` and the eight around it.
    fn near(&self, p: Pos2) -> impl Iterator<Item = usize> + '_ {
        let (x, y) = self.key(p);
        (-1..=1)
            .flat_map(move |dx| (-1..=1).map(move |dy| (x + dx, y + dy)))
            .filter_map(|key| self.cells.get(&key))
            .flatten()
            .copied()
    }

    /// Insert an item under every cell a rectangle covers.
    fn insert_rect(&mut self, rect: Rect, item: usize) {
        let (x0, y0) = self.key(rect.min);
        let (x1, y1) = self.key(rect.max);
        for x in x0..=x1 {
            for y in y0..=y1 {
                self.cells.entry((x, y)).or_default().push(item);
            }
        }
    }

    /// Items registered under any cell a rectangle covers (may repeat).
    fn in_rect(&self, rect: Rect) -> impl Iterator<Item = usize> + '_ {
        let (x0, y0) = self.key(rect.min);
        let (x1, y1) = self.key(rect.max);
        (x0..=x1)
            .flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
            .filter_map(|key| self.cells.get(&key))
            .flatten()
            .copied()
    }
}

/// Older events fade in "up to this day": full colour for the day itself, a floor of 25 %.
fn fade(state: &ViewState, group: &MarkerGroup) -> f32 {
    match state.mode {
        Mode::ThisDay => 1.0,
        Mode::UpToDay => {
            let age = (state.day - group.latest).num_days().max(0) as f32;
            (1.0 - age / 10.0).max(0.25)
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn paint_marker(
    canvas: &mut Canvas,
    group: &MarkerGroup,
    centre: Pos2,
    radius: f32,
    alpha: f32,
    selected: Option<usize>,
    colors: &MapColors,
    badge_size: f32,
) -> Rect {
    let outline = colors.marker_outline.gamma_multiply(alpha);
    if selected.is_some_and(|s| group.events.contains(s)) {
        canvas.circle_stroke(centre, radius + 5.0, Stroke::new(2.5, colors.label));
    }
    let key = StampKey::Marker {
        kind: group.kind as u8,
        hollow: group.hollow,
        radius_bits: radius.to_bits(),
        outline: colors.marker_outline,
    };
    // Stamped at full colour, faded while copied: one stamp serves every age.
    let (full, full_outline) = (style::kind_color(group.kind), colors.marker_outline);
    canvas.stamp(key, centre, alpha, |at| {
        style::marker(at, radius, group.kind, full, group.hollow, full_outline)
    });
    let mut reach = radius;
    if group.area_wide {
        let ring_radius = radius + 4.0;
        let color = style::kind_color(group.kind);
        let key = StampKey::AreaRing {
            radius_bits: ring_radius.to_bits(),
            color,
        };
        canvas.stamp(key, centre, alpha, |at| {
            style::area_ring(at, ring_radius, color)
        });
        reach = ring_radius;
    }
    if group.corrected {
        // The reader's mark: a small dot at the lower left, in a colour no kind uses.
        let dot = centre + Vec2::new(-radius * 0.9, radius * 0.9);
        let color = super::corrections_panel::corrected_color(false).gamma_multiply(alpha);
        canvas.circle(
            dot,
            (radius * 0.4).max(3.0),
            color,
            Stroke::new(1.5, outline),
        );
    }
    let marker_rect = Rect::from_center_size(
        centre,
        Vec2::splat((radius * MARKER_BLOCK).max(reach) * 2.0),
    );
    if group.events.len() > 1 {
        let badge_centre = centre + Vec2::new(radius * 0.9, -radius * 0.9);
        let count = group.events.len();
        let digits = count.checked_ilog10().unwrap_or(0) as f32 + 1.0;
        let badge_radius = badge_size * 0.55 + 2.0 * (digits - 1.0);
        let badge = StampKey::Disc {
            radius_bits: badge_radius.to_bits(),
            fill: colors.label_halo,
            stroke_bits: 1f32.to_bits(),
            stroke: colors.label,
        };
        canvas.stamp(badge, badge_centre, 1.0, |at| {
            Shape::convex_polygon(
                style::circle_points(at, badge_radius),
                colors.label_halo,
                Stroke::new(1.0, colors.label),
            )
        });
        canvas.stamp_count(count, badge_centre, style::font(badge_size), colors.label);
        return marker_rect.union(Rect::from_center_size(
            badge_centre,
            Vec2::splat(badge_radius * 2.0),
        ));
    }
    marker_rect
}

fn group_tooltip(ui: &mut Ui, atlas: &Atlas, group: &MarkerGroup) {
    ui.set_max_width(360.0);
    let Some(event) = group.events.first().and_then(|i| atlas.events.get(i)) else {
        return;
    };
    ui.label(
        egui::RichText::new(format!(
            "{} — {}",
            style::kind_label(group.kind),
            group.name
        ))
        .strong(),
    );
    if let Some(day) = event.day {
        ui.label(super::state::day_in_words(day));
    }
    if group.area_wide {
        ui.label(format!(
            "Somewhere in {}: no nearer place is named, so the marker stands at its centre.",
            group.name
        ));
    }
    if let Some(source) = event.sources.first() {
        ui.label(egui::RichText::new(format!("“{}”", truncate(&source.quote, 220))).italics());
    }
    let sources: usize = group.sources;
    ui.label(format!(
        "{} event{}, {} source{} — click for details",
        group.events.len(),
        plural(group.events.len()),
        sources,
        plural(sources)
    ));
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

pub fn truncate(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

struct LabelRequest<'a> {
    anchor: Pos2,
    /// Distance from the anchor to the label's near edge; 0 = centred on the anchor.
    gap: f32,
    text: &'a str,
    strong: bool,
    size: Option<f32>,
    color: Option<Color32>,
}

impl<'a> LabelRequest<'a> {
    fn beside(anchor: Pos2, gap: f32, text: &'a str, strong: bool) -> Self {
        LabelRequest {
            anchor,
            gap,
            text,
            strong,
            size: None,
            color: None,
        }
    }
    fn centred(anchor: Pos2, text: &'a str, size: f32, color: Color32) -> Self {
        LabelRequest {
            anchor,
            gap: 0.0,
            text,
            strong: true,
            size: Some(size),
            color: Some(color),
        }
    }
}

/// Greedy label placement: each label takes the first of a few positions around its anchor that
/// overlaps nothing placed before; labels that fit nowhere are left out.
struct Labels {
    taken: Vec<Rect>,
    grid: Grid,
}

impl Default for Labels {
    fn default() -> Self {
        Labels {
            taken: Vec::new(),
            grid: Grid::new(48.0),
        }
    }
}

impl Labels {
    fn block(&mut self, rect: Rect) {
        self.grid.insert_rect(rect, self.taken.len());
        self.taken.push(rect);
    }

    fn is_free(&self, rect: Rect) -> bool {
        !self
            .grid
            .in_rect(rect)
            .any(|i| self.taken[i].intersects(rect))
    }

    fn place(
        &mut self,
        canvas: &mut Canvas,
        view: Rect,
        request: LabelRequest,
        colors: &MapColors,
        town_size: f32,
    ) {
        let size = request.size.unwrap_or(if request.strong {
            town_size + 1.0
        } else {
            town_size
        });
        let color = request.color.unwrap_or(if request.strong {
            colors.label
        } else {
            colors.town
        });
        let galley = canvas.layout_no_wrap(request.text, style::font(size), color);
        let dims = galley.size();
        let g = request.gap;
        let a = request.anchor;
        let centred;
        let beside;
        let candidates: &[Pos2] = if g == 0.0 {
            centred = [
                a - dims / 2.0,
                a - dims / 2.0 - Vec2::new(0.0, dims.y),
                a - dims / 2.0 + Vec2::new(0.0, dims.y),
            ];
            &centred
        } else {
            beside = [
                a + Vec2::new(g, -dims.y / 2.0),
                a + Vec2::new(-g - dims.x, -dims.y / 2.0),
                a + Vec2::new(-dims.x / 2.0, -g - dims.y),
                a + Vec2::new(-dims.x / 2.0, g),
                a + Vec2::new(g * 0.7, -g * 0.7 - dims.y),
                a + Vec2::new(g * 0.7, g * 0.7),
            ];
            &beside
        };
        for &top_left in candidates {
            let rect = Rect::from_min_size(top_left, dims).expand(1.0);
            if !view.contains_rect(rect) || !self.is_free(rect) {
                continue;
            }
            // A halo keeps names readable over borders and markers.
            canvas.stamp_label(&galley, top_left, color, colors.label_halo);
            self.block(rect);
            return;
        }
    }
}

fn paint_scale_bar(
    canvas: &mut Canvas,
    rect: Rect,
    transform: &egui_plot::PlotTransform,
    colors: &MapColors,
    presentation: bool,
) {
    let bounds = transform.bounds();
    let degrees_per_point = bounds.width() / rect.width() as f64;
    let latitude = bounds.center().y.clamp(-80.0, 80.0);
    let km_per_point = degrees_per_point * KM_PER_DEGREE * latitude.to_radians().cos();
    if !km_per_point.is_finite() || km_per_point <= 0.0 {
        return;
    }
    let target_km = km_per_point * 120.0;
    let magnitude = 10f64.powf(target_km.log10().floor());
    let km = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .rfind(|&k| k <= target_km)
        .unwrap_or(magnitude);
    let length = (km / km_per_point) as f32;
    let size = if presentation { 16.0 } else { 12.0 };
    let right_bottom = rect.right_bottom() + Vec2::new(-16.0, -22.0);
    let left = right_bottom - Vec2::new(length, 0.0);
    let background = Rect::from_min_max(
        left - Vec2::new(6.0, size + 10.0),
        right_bottom + Vec2::new(6.0, 6.0),
    );
    canvas.rect_filled(background, 3.0, colors.label_halo);
    let stroke = Stroke::new(2.0, colors.label);
    canvas.line_segment([left, right_bottom], stroke);
    for x in [left, right_bottom] {
        canvas.line_segment([x, x - Vec2::new(0.0, 6.0)], stroke);
    }
    let text = if km >= 1.0 {
        format!("{km:.0} km")
    } else {
        format!("{:.0} m", km * 1000.0)
    };
    canvas.text(
        (left + right_bottom.to_vec2()) / 2.0 - Vec2::new(0.0, 4.0),
        Align2::CENTER_BOTTOM,
        text,
        style::font(size),
        colors.label,
    );
}

fn legend_rect(rect: Rect, presentation: bool) -> Rect {
    let size = legend_text_size(presentation);
    // The kinds, then the hollow marker and the dashed ring.
    let rows = EventKind::ALL.len() as f32 + 2.0;
    let dims = Vec2::new(size * 12.0, size * 1.5 * rows + 8.0);
    Rect::from_min_size(rect.left_bottom() + Vec2::new(10.0, -10.0 - dims.y), dims)
}

fn legend_text_size(presentation: bool) -> f32 {
    if presentation { 18.0 } else { 13.0 }
}

/// The kinds' colours and shapes, always on the map.
fn paint_legend(canvas: &mut Canvas, area: Rect, colors: &MapColors, presentation: bool) {
    let size = legend_text_size(presentation);
    let row = size * 1.5;
    let top_left = area.left_top();
    canvas.rect_filled(area, 4.0, colors.label_halo);
    for (i, kind) in EventKind::ALL.into_iter().enumerate() {
        let centre = top_left + Vec2::new(size * 0.9, 4.0 + row * (i as f32 + 0.5));
        canvas.add(style::marker(
            centre,
            size * 0.42,
            kind,
            style::kind_color(kind),
            false,
            colors.marker_outline,
        ));
        canvas.text(
            centre + Vec2::new(size, 0.0),
            Align2::LEFT_CENTER,
            style::kind_label(kind),
            style::font(size),
            colors.label,
        );
    }
    // The two marks any kind can carry, drawn on a hollow circle in the label's colour.
    let marks = [
        ("day implied / planned", size * 0.42, false),
        ("country- or region-wide", size * 0.3, true),
    ];
    for (n, (label, radius, ring)) in marks.into_iter().enumerate() {
        let rows_above = EventKind::ALL.len() as f32 + n as f32 + 0.5;
        let centre = top_left + Vec2::new(size * 0.9, 4.0 + row * rows_above);
        canvas.add(style::marker(
            centre,
            radius,
            EventKind::Casualties,
            colors.label,
            true,
            colors.marker_outline,
        ));
        if ring {
            canvas.add(style::area_ring(centre, radius + 3.0, colors.label));
        }
        canvas.text(
            centre + Vec2::new(size, 0.0),
            Align2::LEFT_CENTER,
            label,
            style::font(size * 0.9),
            colors.label,
        );
    }
}

/// Where the inset goes and how it maps lon/lat to the screen.
struct InsetLayout {
    rect: Rect,
    /// `[lon_min, lat_min, lon_max, lat_max]` shown.
    bounds: [f64; 4],
    cos_lat: f64,
    scale: f64,
}

impl InsetLayout {
    fn to_screen(&self, [lon, lat]: LonLat) -> Pos2 {
        Pos2::new(
            self.rect.left() + ((lon - self.bounds[0]) * self.cos_lat * self.scale) as f32,
            self.rect.bottom() - ((lat - self.bounds[1]) * self.scale) as f32,
        )
    }
}

/// The inset shows the far places and the front together, so the reader sees the distance; none
/// when the window has no far-away events.
fn inset_layout(
    rect: Rect,
    scene: &Scene,
    anchors: &[Pos2],
    presentation: bool,
) -> Option<InsetLayout> {
    let far: Vec<LonLat> = scene
        .groups
        .iter()
        .filter(|g| g.far)
        .map(|g| g.lonlat)
        .collect();
    if far.is_empty() {
        return None;
    }
    let mut b = HOME_VIEW;
    for [lon, lat] in far {
        b = [b[0].min(lon), b[1].min(lat), b[2].max(lon), b[3].max(lat)];
    }
    let pad_x = (b[2] - b[0]) * 0.2 + 1.0;
    let pad_y = (b[3] - b[1]) * 0.12 + 1.0;
    let bounds = [b[0] - pad_x, b[1] - pad_y, b[2] + pad_x, b[3] + pad_y];
    let cos_lat = ((bounds[1] + bounds[3]) / 2.0).to_radians().cos();
    let data_w = (bounds[2] - bounds[0]) * cos_lat;
    let data_h = bounds[3] - bounds[1];
    let max = Vec2::new(rect.width() * 0.28, rect.height() * 0.3);
    let scale = (max.x as f64 / data_w).min(max.y as f64 / data_h);
    let size = Vec2::new((data_w * scale) as f32, (data_h * scale) as f32);
    // The top right corner, unless markers of the front lie there: then the corner that hides
    // the fewest (the legend holds the lower left, the scale bar the lower right's foot).
    let top_right = Rect::from_min_size(rect.right_top() + Vec2::new(-size.x - 10.0, 10.0), size);
    let top_left = Rect::from_min_size(rect.left_top() + Vec2::new(10.0, 10.0), size);
    let bottom_right = Rect::from_min_size(
        rect.right_bottom() + Vec2::new(-size.x - 10.0, -size.y - 54.0),
        size,
    );
    let mut corners = vec![top_right, top_left, bottom_right];
    if presentation {
        // No legend on a slide: the lower left is free too.
        corners.push(Rect::from_min_size(
            rect.left_bottom() + Vec2::new(10.0, -size.y - 10.0),
            size,
        ));
    }
    let hidden = |corner: &Rect| {
        let cover = corner.expand(8.0);
        scene
            .groups
            .iter()
            .zip(anchors)
            .filter(|(g, at)| !g.far && cover.contains(**at))
            .count()
    };
    // The first corner with fewest hidden: the top right when it hides none.
    let inset = corners
        .iter()
        .copied()
        .filter(|c| rect.contains_rect(*c))
        .min_by_key(hidden)
        .unwrap_or(top_right);
    Some(InsetLayout {
        rect: inset,
        bounds,
        cos_lat,
        scale,
    })
}

/// A small world map in the top-right corner for places far from the front (Moscow, Paris,
/// Geneva, Ankara…).
#[allow(clippy::too_many_arguments)]
fn paint_inset(
    canvas: &mut Canvas,
    layout: &InsetLayout,
    basemap: &Basemap,
    scene: &Scene,
    state: &ViewState,
    main_view: [f64; 4],
    colors: &MapColors,
    hits: &mut Vec<Hit>,
) {
    let far: Vec<(usize, &MarkerGroup)> = scene
        .groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.far)
        .collect();
    let inset = layout.rect;
    let b = layout.bounds;
    let to_screen = |p: LonLat| layout.to_screen(p);
    canvas.rect_filled(inset, 0.0, colors.sea);
    paint_areas(canvas, &basemap.world, b, &to_screen, |_| colors.land);
    paint_outlines(
        canvas,
        &basemap.world,
        b,
        &to_screen,
        Stroke::new(0.5, colors.border),
    );
    let main = Rect::from_two_pos(
        to_screen([main_view[0], main_view[1]]),
        to_screen([main_view[2], main_view[3]]),
    );
    canvas.add(Shape::rect_stroke(
        main,
        0.0,
        Stroke::new(1.5, colors.karabakh_line),
        egui::StrokeKind::Middle,
    ));

    let mut labels = Labels::default();
    let type_scale = style::type_scale(state.presentation);
    let radius = if state.presentation { 7.0 } else { 5.0 };
    let mut named = HashSet::new();
    for (i, group) in &far {
        let centre = to_screen(group.lonlat);
        let drawn = paint_marker(
            canvas,
            group,
            centre,
            radius,
            fade(state, group),
            state.selected,
            colors,
            type_scale.badge,
        );
        hits.push(Hit {
            centre,
            radius,
            group: *i,
            bubble: None,
        });
        labels.block(drawn);
    }
    for (_, group) in &far {
        if named.insert(&*group.place) {
            let request = LabelRequest::beside(
                to_screen(group.lonlat),
                radius * MARKER_BLOCK + 4.0,
                &group.name,
                true,
            );
            labels.place(canvas, inset, request, colors, type_scale.town - 1.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_markers_are_spread_apart_and_lone_ones_stay() {
        let anchors = [
            Pos2::new(100.0, 100.0),
            Pos2::new(100.0, 104.0),
            Pos2::new(101.0, 100.0),
            Pos2::new(300.0, 300.0),
        ];
        let radii = [6.0; 4];
        let centres = spread_markers(&anchors, &radii, &[true; 4], |_, _| true);
        assert_eq!(centres[3], anchors[3]);
        for i in 0..3 {
            for j in (i + 1)..3 {
                assert!(
                    centres[i].distance(centres[j]) >= 12.0,
                    "{i} and {j} overlap: {centres:?}"
                );
            }
        }
    }

    /// Forty places in a row, each overlapping the next (a valley of villages at a wide zoom):
    /// rings of a few markers each near their places, not one ring of forty around the middle.
    #[test]
    fn a_chain_of_overlapping_markers_makes_small_rings_near_their_places() {
        let anchors: Vec<Pos2> = (0..40)
            .map(|i| Pos2::new(100.0 + 8.0 * i as f32, 200.0))
            .collect();
        let radii = vec![6.0; anchors.len()];
        let centres = spread_markers(&anchors, &radii, &vec![true; anchors.len()], |_, _| true);
        for (anchor, centre) in anchors.iter().zip(&centres) {
            assert!(
                anchor.distance(*centre) < 50.0,
                "a marker {} px from its place",
                anchor.distance(*centre)
            );
        }
    }

    /// The map notices a rebuilt font atlas by a galley it lays out every frame: egui must hand
    /// back the same one while the atlas stands, and a new one once it is rebuilt.
    #[test]
    fn a_galley_laid_out_every_frame_changes_only_with_the_font_atlas() {
        let ctx = egui::Context::default();
        let mut probes = Vec::new();
        for frame in 0..4 {
            if frame == 2 {
                ctx.add_font(egui::FontInsert::new(
                    "a fallback",
                    egui::FontData::from_static(include_bytes!(
                        "../../assets/fonts/DejaVuSans.ttf"
                    )),
                    vec![egui::InsertFontFamily {
                        family: egui::FontFamily::Proportional,
                        priority: egui::FontPriority::Lowest,
                    }],
                ));
            }
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                let probe =
                    ui.painter()
                        .layout_no_wrap("0".into(), style::font(10.0), Color32::BLACK);
                probes.push(probe);
            });
            output.textures_delta.clear();
        }
        assert!(Arc::ptr_eq(&probes[0], &probes[1]), "a steady frame");
        assert!(!Arc::ptr_eq(&probes[1], &probes[2]), "new fonts, new atlas");
        assert!(Arc::ptr_eq(&probes[2], &probes[3]));
    }

    #[test]
    fn front_bounds_cover_the_shown_places_with_a_margin() {
        let scene = Scene::default();
        assert_eq!(front_bounds(&scene), HOME_VIEW);
    }
}
