//! What the views draw, derived from the Atlas and the view state, and rebuilt only when the day,
//! the mode or the filter change (never every frame).

use std::collections::HashMap;

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

#[derive(Default)]
pub struct Scene {
    key: Option<(DayWindow, EventFilter)>,
    /// Indices into `Atlas::events` of the shown events, in day order.
    pub visible: Vec<usize>,
    pub groups: Vec<MarkerGroup>,
    counts_key: Option<EventFilter>,
    /// Per day with events, counts per kind (indexed like `EventKind::ALL`).
    pub counts: Vec<(NaiveDate, [usize; 5])>,
    pub tolls: Vec<TollReport>,
}

impl Scene {
    /// Rebuild what changed since the last call; cheap when nothing did.
    pub fn refresh(&mut self, atlas: &Atlas, state: &ViewState) {
        let key = (state.window(), state.filter.clone());
        if self.key.as_ref() != Some(&key) {
            self.visible = atlas.query(key.0, &key.1);
            self.groups = group_markers(atlas, &self.visible);
            self.key = Some(key);
        }
        if self.counts_key.as_ref() != Some(&state.filter) {
            self.counts = atlas.counts_by_day(&state.filter).into_iter().collect();
            self.tolls = toll_reports(atlas, &state.filter);
            self.counts_key = Some(state.filter.clone());
        }
    }

    /// The day's events (or the window's), grouped by kind in `EventKind::ALL` order.
    pub fn by_kind(&self, atlas: &Atlas) -> [Vec<usize>; 5] {
        let mut lists: [Vec<usize>; 5] = Default::default();
        for &i in &self.visible {
            lists[kind_index(atlas.events[i].kind)].push(i);
        }
        for list in &mut lists {
            // Latest first: in "up to this day" the newest news leads.
            list.sort_by(|a, b| atlas.events[*b].day.cmp(&atlas.events[*a].day));
        }
        lists
    }
}

fn group_markers(atlas: &Atlas, visible: &[usize]) -> Vec<MarkerGroup> {
    let mut index: HashMap<(&str, EventKind), usize> = HashMap::new();
    let mut groups: Vec<MarkerGroup> = Vec::new();
    for &i in visible {
        let event = &atlas.events[i];
        let Some(day) = event.day else { continue };
        let hollow = event.certainty == Certainty::Implicit || event.status == Status::Planned;
        for place_id in &event.places {
            let Some(place) = atlas.place(place_id) else {
                continue;
            };
            let slot = *index
                .entry((place_id.as_str(), event.kind))
                .or_insert_with(|| {
                    groups.push(MarkerGroup {
                        place: place_id.clone(),
                        name: place.name.clone(),
                        lonlat: [place.lon, place.lat],
                        kind: event.kind,
                        events: Vec::new(),
                        sources: 0,
                        latest: day,
                        hollow: true,
                        far: is_far([place.lon, place.lat]),
                    });
                    groups.len() - 1
                });
            let group = &mut groups[slot];
            group.events.push(i);
            group.sources += event.sources.len();
            group.latest = group.latest.max(day);
            group.hollow &= hollow;
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
