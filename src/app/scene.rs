//! What the views draw, derived from the Atlas and the view state, and rebuilt only when the day,
//! the mode or the filter change (never every frame).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use crate::atlas::{Atlas, DayWindow, EventFilter, kind_index};
use crate::model::{Certainty, EventKind, PlaceId, Status};

use super::state::ViewState;

/// The front and its hinterland; places outside go to the inset map.
pub const FRONT_BOX: [f64; 4] = [38.0, 35.5, 53.0, 44.5];

pub fn is_far([lon, lat]: [f64; 2]) -> bool {
    !(FRONT_BOX[0]..=FRONT_BOX[2]).contains(&lon) || !(FRONT_BOX[1]..=FRONT_BOX[3]).contains(&lat)
}

/// The events of one kind at one place in the shown window: one marker on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerGroup {
    pub place: PlaceId,
    pub name: String,
    pub lonlat: [f64; 2],
    pub kind: EventKind,
    /// Indices into `Atlas::events`, latest day first.
    pub events: Vec<usize>,
    pub sources: usize,
    /// The most recent day of the group's events (for fading older ones).
    pub latest: NaiveDate,
    /// Every event of the group has only an implied day, or is planned: drawn hollow.
    pub hollow: bool,
    pub far: bool,
    /// Some event of the group was changed by the reader: the marker carries a mark.
    pub corrected: bool,
}

/// A reported death toll: one point of the timeline's toll line.
#[derive(Clone, Debug, PartialEq)]
pub struct TollReport {
    pub day: NaiveDate,
    pub deaths: u64,
    pub event: usize,
    /// The figure's words and who claims it.
    pub text: String,
}

/// Numbers every scene built in this process, so that a cache keyed by it never confuses a new
/// scene (after new articles or a correction) with an old one.
static SCENE_GENERATION: AtomicU64 = AtomicU64::new(1);

#[derive(Default)]
pub struct Scene {
    key: Option<(DayWindow, EventFilter)>,
    /// Changes whenever `groups` change; 0 before the first refresh.
    pub generation: u64,
    /// Indices into `Atlas::events` of the shown events, in day order.
    pub visible: Vec<usize>,
    pub groups: Vec<MarkerGroup>,
    /// `visible` split by kind (indexed like `EventKind::ALL`), latest first.
    pub by_kind: [Vec<usize>; 5],
    counts_key: Option<EventFilter>,
    /// Per day with events, counts per kind (indexed like `EventKind::ALL`).
    pub counts: Vec<(NaiveDate, [usize; 5])>,
    pub tolls: Vec<TollReport>,
    /// Every party that claims an event, sorted, for the claimant filter (built once).
    pub claimants: Vec<String>,
    claimants_built: bool,
    index: Option<EventIndex>,
}

impl Scene {
    /// Rebuild what changed since the last call; cheap when nothing did.
    pub fn refresh(&mut self, atlas: &Atlas, state: &ViewState) {
        if !self.claimants_built {
            let mut claimants: Vec<String> = atlas
                .events
                .iter()
                .filter_map(|e| e.claimed_by.clone())
                .collect();
            claimants.sort_unstable();
            claimants.dedup();
            self.claimants = claimants;
            self.claimants_built = true;
        }
        let key = (state.window(), state.filter.clone());
        if self.key.as_ref() != Some(&key) {
            let index = self.index.get_or_insert_with(|| EventIndex::build(atlas));
            self.visible = index
                .query(key.0, &key.1)
                .unwrap_or_else(|| atlas.query(key.0, &key.1));
            self.groups = group_markers(index, &self.visible);
            self.by_kind = split_by_kind(index, &self.visible);
            self.key = Some(key);
            self.generation = SCENE_GENERATION.fetch_add(1, Ordering::Relaxed);
        }
        if self.counts_key.as_ref() != Some(&state.filter) {
            self.counts = atlas.counts_by_day(&state.filter).into_iter().collect();
            self.tolls = toll_reports(atlas, &state.filter);
            self.counts_key = Some(state.filter.clone());
        }
    }
}

/// The shown events grouped by kind in `EventKind::ALL` order, latest first: in "up to this day"
/// the newest news leads.
fn split_by_kind(index: &EventIndex, visible: &[usize]) -> [Vec<usize>; 5] {
    // Sized first: growing five lists of up to 100 000 entries by doubling costs more than
    // counting.
    let mut counts = [0usize; 5];
    for &i in visible {
        counts[index.rows[i].kind as usize] += 1;
    }
    let mut lists: [Vec<usize>; 5] = counts.map(Vec::with_capacity);
    // `visible` is in day order, so reversing it puts the latest first without sorting.
    for &i in visible.iter().rev() {
        lists[index.rows[i].kind as usize].push(i);
    }
    lists
}

/// Per event, what grouping needs, laid out flat so that rebuilding the markers on a day change
/// touches no strings and no scattered heap data (100 000 events regroup in about a millisecond).
#[derive(Default)]
struct EventIndex {
    /// The places events refer to that the atlas can locate, each once.
    places: Vec<PlaceSlot>,
    /// For event `i`, `event_places[place_ranges[i].0 .. place_ranges[i].1]` are its place slots.
    place_ranges: Vec<(u32, u32)>,
    event_places: Vec<u32>,
    /// Per event, the fields filtering and grouping read.
    rows: Vec<Row>,
    /// Dated events by (day, index): the order `Atlas::query` returns.
    by_day: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Row {
    day: Option<NaiveDate>,
    kind: u8,
    explicit: bool,
    hollow: bool,
    corrected: bool,
    sources: u32,
}

struct PlaceSlot {
    id: PlaceId,
    name: String,
    lonlat: [f64; 2],
    far: bool,
}

impl EventIndex {
    fn build(atlas: &Atlas) -> EventIndex {
        let mut slots: HashMap<&str, u32> = HashMap::new();
        let mut index = EventIndex::default();
        for event in atlas.events.iter() {
            let start = index.event_places.len() as u32;
            for id in &event.places {
                let slot = match slots.get(id.as_str()) {
                    Some(&slot) => Some(slot),
                    None => atlas.place(id).map(|place| {
                        let slot = index.places.len() as u32;
                        index.places.push(PlaceSlot {
                            id: id.clone(),
                            name: place.name.clone(),
                            lonlat: [place.lon, place.lat],
                            far: is_far([place.lon, place.lat]),
                        });
                        slots.insert(id.as_str(), slot);
                        slot
                    }),
                };
                if let Some(slot) = slot {
                    index.event_places.push(slot);
                }
            }
            index
                .place_ranges
                .push((start, index.event_places.len() as u32));
            index.rows.push(Row {
                day: event.day,
                kind: kind_index(event.kind) as u8,
                explicit: event.certainty == Certainty::Explicit,
                hollow: event.certainty == Certainty::Implicit || event.status == Status::Planned,
                corrected: event.correction.is_some(),
                sources: event.sources.len() as u32,
            });
        }
        index.by_day = (0..atlas.events.len() as u32)
            .filter(|&i| index.rows[i as usize].day.is_some())
            .collect();
        index
            .by_day
            .sort_by_key(|&i| (index.rows[i as usize].day, i));
        index
    }

    /// `Atlas::query` without touching the events, for the filters that need no text (kinds and
    /// certainty); `None` when the filter needs the events themselves (claimant, place search) or
    /// the window includes undated events.
    fn query(&self, window: DayWindow, filter: &EventFilter) -> Option<Vec<usize>> {
        if filter.claimant.is_some() || !filter.place_query.trim().is_empty() {
            return None;
        }
        let day_of = |k: &u32| self.rows[*k as usize].day;
        let range = match window {
            DayWindow::On(day) => {
                let from = self.by_day.partition_point(|k| day_of(k) < Some(day));
                let to = self.by_day.partition_point(|k| day_of(k) <= Some(day));
                from..to
            }
            DayWindow::UpTo(day) => 0..self.by_day.partition_point(|k| day_of(k) <= Some(day)),
            DayWindow::All => return None,
        };
        let passes = |row: &Row| {
            let certainty_ok = if row.explicit {
                filter.explicit
            } else {
                filter.implicit
            };
            filter.kinds[row.kind as usize] && certainty_ok
        };
        let mut shown = Vec::with_capacity(range.len());
        shown.extend(
            self.by_day[range]
                .iter()
                .filter(|&&k| passes(&self.rows[k as usize]))
                .map(|&k| k as usize),
        );
        Some(shown)
    }
}

fn group_markers(index: &EventIndex, visible: &[usize]) -> Vec<MarkerGroup> {
    // One slot per (place, kind): a dense table instead of a hash map.
    let kinds = EventKind::ALL.len();
    // How many events each (place, kind) gets, so that every group's list is allocated once.
    let mut sizes: Vec<u32> = vec![0; index.places.len() * kinds];
    for &i in visible {
        let row = index.rows[i];
        if row.day.is_none() {
            continue;
        }
        let (start, end) = index.place_ranges[i];
        for &slot in &index.event_places[start as usize..end as usize] {
            sizes[slot as usize * kinds + row.kind as usize] += 1;
        }
    }
    let mut group_of: Vec<u32> = vec![u32::MAX; index.places.len() * kinds];
    let mut groups: Vec<MarkerGroup> = Vec::new();
    for &i in visible {
        let row = index.rows[i];
        let Some(day) = row.day else { continue };
        let kind = EventKind::ALL[row.kind as usize];
        let (start, end) = index.place_ranges[i];
        for &slot in &index.event_places[start as usize..end as usize] {
            let key = slot as usize * kinds + row.kind as usize;
            if group_of[key] == u32::MAX {
                let place = &index.places[slot as usize];
                group_of[key] = groups.len() as u32;
                groups.push(MarkerGroup {
                    place: place.id.clone(),
                    name: place.name.clone(),
                    lonlat: place.lonlat,
                    kind,
                    events: Vec::with_capacity(sizes[key] as usize),
                    sources: 0,
                    latest: day,
                    hollow: true,
                    far: place.far,
                    corrected: false,
                });
            }
            let group = &mut groups[group_of[key] as usize];
            group.events.push(i);
            group.sources += row.sources as usize;
            group.latest = group.latest.max(day);
            group.hollow &= row.hollow;
            group.corrected |= row.corrected;
        }
    }
    for group in &mut groups {
        group.events.reverse();
    }
    groups
}

fn toll_reports(atlas: &Atlas, filter: &EventFilter) -> Vec<TollReport> {
    let mut reports: Vec<TollReport> = atlas
        .query(DayWindow::All, filter)
        .into_iter()
        .filter_map(|i| {
            let event = &atlas.events[i];
            let deaths = event.figures.deaths.as_ref()?;
            let claim = event
                .claimed_by
                .as_deref()
                .map(|c| format!(" (according to {c})"))
                .unwrap_or_default();
            Some(TollReport {
                day: event.day?,
                deaths: deaths.value,
                event: i,
                text: format!("{}{claim}", deaths.text),
            })
        })
        .collect();
    reports.sort_by_key(|r| r.day);
    reports
}
