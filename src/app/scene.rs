//! What the views draw, derived from the Atlas and the view state, and rebuilt only when the day,
//! the mode or the filter change (never every frame).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;

use crate::atlas::{Atlas, DayWindow, EventFilter, kind_index};
use crate::model::{Certainty, EventKind, PlaceKind, Status};

use super::state::ViewState;

/// The front and its hinterland; places outside go to the inset map.
pub const FRONT_BOX: [f64; 4] = [38.0, 35.5, 53.0, 44.5];

pub fn is_far([lon, lat]: [f64; 2]) -> bool {
    !(FRONT_BOX[0]..=FRONT_BOX[2]).contains(&lon) || !(FRONT_BOX[1]..=FRONT_BOX[3]).contains(&lat)
}

/// The events of one kind at one place in the shown window: one marker on the map. A scene lists
/// its groups by place (in the order places first appear among the atlas's events) and kind, the
/// same order on every day, so markers keep their drawing order as the days go by.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerGroup {
    /// Shared with every group of the place in every scene: a day change copies no names.
    pub place: Arc<str>,
    pub name: Arc<str>,
    pub lonlat: [f64; 2],
    pub kind: EventKind,
    /// Indices into `Atlas::events`, latest day first.
    pub events: EventList,
    pub sources: usize,
    /// The most recent day of the group's events (for fading older ones).
    pub latest: NaiveDate,
    /// Every event of the group has only an implied day, or is planned: drawn hollow.
    pub hollow: bool,
    pub far: bool,
    /// The place is a country or a region (Armenia, Nagorno-Karabakh): the articles named no
    /// nearer place, and the marker stands at the area's centre, not where anything happened.
    pub area_wide: bool,
    /// Some event of the group was changed by the reader: the marker carries a mark.
    pub corrected: bool,
}

/// Indices into `Atlas::events`, latest first: a stretch of a list kept earliest first, which
/// the scene's index shares among the marker groups and lists of every day, so that regrouping
/// 100 000 events copies none of them.
#[derive(Clone, Default)]
pub struct EventList {
    earliest_first: Arc<[u32]>,
    range: std::ops::Range<usize>,
}

impl EventList {
    fn owned(earliest_first: Vec<u32>) -> EventList {
        let range = 0..earliest_first.len();
        EventList {
            earliest_first: earliest_first.into(),
            range,
        }
    }

    pub fn len(&self) -> usize {
        self.range.len()
    }

    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }

    /// Latest first.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.earliest_first[self.range.clone()]
            .iter()
            .rev()
            .map(|&i| i as usize)
    }

    /// The latest event.
    pub fn first(&self) -> Option<usize> {
        self.iter().next()
    }

    pub fn contains(&self, event: usize) -> bool {
        self.earliest_first[self.range.clone()]
            .iter()
            .any(|&i| i as usize == event)
    }
}

impl PartialEq for EventList {
    fn eq(&self, other: &Self) -> bool {
        self.earliest_first[self.range.clone()] == other.earliest_first[other.range.clone()]
    }
}

impl std::fmt::Debug for EventList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
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
    pub by_kind: [EventList; 5],
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
            match index.runs_for(key.0, &key.1) {
                Some(window) => {
                    self.groups = index.groups_in(window, &key.1.kinds);
                    self.by_kind = index.by_kind_in(window, &key.1.kinds);
                }
                None => {
                    self.groups = group_markers(index, &self.visible);
                    self.by_kind = split_by_kind(index, &self.visible);
                }
            }
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
fn split_by_kind(index: &EventIndex, visible: &[usize]) -> [EventList; 5] {
    // Sized first: growing five lists of up to 100 000 entries by doubling costs more than
    // counting.
    let mut counts = [0usize; 5];
    for &i in visible {
        counts[index.rows[i].kind as usize] += 1;
    }
    let mut lists: [Vec<u32>; 5] = counts.map(Vec::with_capacity);
    // `visible` is in day order: the lists are earliest first, as `EventList` keeps them.
    for &i in visible {
        lists[index.rows[i].kind as usize].push(i as u32);
    }
    lists.map(EventList::owned)
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
    /// Every (dated event, located place), ordered by place slot, kind, day, event: the events of
    /// one marker group in any window of days are one stretch of it, found by two binary
    /// searches, so a day change regroups 100 000 events without visiting each.
    pairs: Vec<Pair>,
    /// The event of each pair, shared by the marker groups' lists.
    pair_events: Arc<[u32]>,
    /// Running totals over `pairs`, one entry longer and starting at zero: a stretch's sources,
    /// solid (not hollow) and corrected events are differences of two entries.
    totals: Vec<Totals>,
    /// The stretches of `pairs` that share a place slot and a kind: one marker group each.
    runs: Vec<(u32, u32)>,
    /// Dated events by kind, day, index, and where each kind starts (indexed like
    /// `EventKind::ALL`, one more at the end): one kind's events in a window are one stretch.
    by_kind_day: Arc<[u32]>,
    kind_starts: [usize; 6],
}

#[derive(Clone, Copy)]
struct Pair {
    slot: u32,
    event: u32,
    day: NaiveDate,
    kind: u8,
}

#[derive(Clone, Copy, Default)]
struct Totals {
    sources: u64,
    solid: u32,
    corrected: u32,
}

/// The days of a window, for the runs: `from` (none: since the first day) to `to`, inclusive.
#[derive(Clone, Copy)]
struct RunWindow {
    from: Option<NaiveDate>,
    to: NaiveDate,
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
    id: Arc<str>,
    name: Arc<str>,
    lonlat: [f64; 2],
    far: bool,
    area_wide: bool,
}

/// Places too large for a point to say where something happened in them.
pub fn is_area_wide(kind: PlaceKind) -> bool {
    matches!(kind, PlaceKind::Country | PlaceKind::Region)
}

impl EventIndex {
    fn build(atlas: &Atlas) -> EventIndex {
        let mut slots: HashMap<&str, u32> = HashMap::new();
        let mut index = EventIndex::default();
        for event in atlas.events.iter() {
            let start = index.event_places.len() as u32;
            for id in &event.places {
                let slot = match slots.get(&**id) {
                    Some(&slot) => Some(slot),
                    None => atlas.place(id).map(|place| {
                        let slot = index.places.len() as u32;
                        index.places.push(PlaceSlot {
                            id: id.clone(),
                            name: Arc::from(place.name.as_str()),
                            lonlat: [place.lon, place.lat],
                            far: is_far([place.lon, place.lat]),
                            area_wide: is_area_wide(place.kind),
                        });
                        slots.insert(&**id, slot);
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
        index.index_runs();
        index
    }

    fn index_runs(&mut self) {
        let mut pairs = Vec::with_capacity(self.event_places.len());
        for &event in &self.by_day {
            let row = self.rows[event as usize];
            let Some(day) = row.day else { continue };
            let (start, end) = self.place_ranges[event as usize];
            for &slot in &self.event_places[start as usize..end as usize] {
                pairs.push(Pair {
                    slot,
                    event,
                    day,
                    kind: row.kind,
                });
            }
        }
        pairs.sort_unstable_by_key(|p| (p.slot, p.kind, p.day, p.event));
        let mut totals = Vec::with_capacity(pairs.len() + 1);
        let mut sum = Totals::default();
        totals.push(sum);
        let mut runs = Vec::new();
        for (k, pair) in pairs.iter().enumerate() {
            let row = self.rows[pair.event as usize];
            sum.sources += u64::from(row.sources);
            sum.solid += u32::from(!row.hollow);
            sum.corrected += u32::from(row.corrected);
            totals.push(sum);
            let new_run = k == 0 || {
                let before = pairs[k - 1];
                (before.slot, before.kind) != (pair.slot, pair.kind)
            };
            if new_run {
                runs.push((k as u32, k as u32 + 1));
            } else if let Some(run) = runs.last_mut() {
                run.1 = k as u32 + 1;
            }
        }
        let mut by_kind_day = self.by_day.clone();
        // Stable: within a kind the (day, index) order of `by_day` stays.
        by_kind_day.sort_by_key(|&i| self.rows[i as usize].kind);
        let mut kind_starts = [0; 6];
        for (k, start) in kind_starts.iter_mut().enumerate() {
            *start = by_kind_day.partition_point(|&i| (self.rows[i as usize].kind as usize) < k);
        }
        self.pair_events = pairs.iter().map(|p| p.event).collect();
        self.pairs = pairs;
        self.totals = totals;
        self.runs = runs;
        self.by_kind_day = by_kind_day.into();
        self.kind_starts = kind_starts;
    }

    /// The window's days when the runs can answer the filter: both certainties shown (a run
    /// holds both), no text filter, a window of dated days.
    fn runs_for(&self, window: DayWindow, filter: &EventFilter) -> Option<RunWindow> {
        let text_filter = filter.claimant.is_some() || !filter.place_query.trim().is_empty();
        if text_filter || !(filter.explicit && filter.implicit) {
            return None;
        }
        match window {
            DayWindow::On(day) => Some(RunWindow {
                from: Some(day),
                to: day,
            }),
            DayWindow::UpTo(day) => Some(RunWindow {
                from: None,
                to: day,
            }),
            DayWindow::All => None,
        }
    }

    /// Where a window's days lie in a stretch of pairs or events ordered by day.
    fn day_range<T>(
        &self,
        items: &[T],
        day_of: impl Fn(&T) -> NaiveDate,
        window: RunWindow,
    ) -> std::ops::Range<usize> {
        let from = window
            .from
            .map_or(0, |from| items.partition_point(|item| day_of(item) < from));
        let to = items.partition_point(|item| day_of(item) <= window.to);
        from..to.max(from)
    }

    /// The marker groups of a window: what `group_markers` gives for the window's events, one
    /// binary search per place and kind instead of a visit per event.
    fn groups_in(&self, window: RunWindow, kinds: &[bool; 5]) -> Vec<MarkerGroup> {
        // At most one group per run: sized once, not grown by doubling.
        let mut groups = Vec::with_capacity(self.runs.len());
        for &(start, end) in &self.runs {
            let run = &self.pairs[start as usize..end as usize];
            if !kinds[run[0].kind as usize] {
                continue;
            }
            let range = self.day_range(run, |p| p.day, window);
            if range.is_empty() {
                continue;
            }
            let (lo, hi) = (start as usize + range.start, start as usize + range.end);
            let stretch = &self.pairs[lo..hi];
            let first = stretch[0];
            let (before, after) = (self.totals[lo], self.totals[hi]);
            let place = &self.places[first.slot as usize];
            groups.push(MarkerGroup {
                place: place.id.clone(),
                name: place.name.clone(),
                lonlat: place.lonlat,
                kind: EventKind::ALL[first.kind as usize],
                events: EventList {
                    earliest_first: self.pair_events.clone(),
                    range: lo..hi,
                },
                sources: (after.sources - before.sources) as usize,
                latest: stretch[stretch.len() - 1].day,
                hollow: after.solid == before.solid,
                far: place.far,
                area_wide: place.area_wide,
                corrected: after.corrected > before.corrected,
            });
        }
        groups
    }

    /// The window's events split by kind, latest first: what `split_by_kind` gives, as a
    /// stretch of the shared list per kind.
    fn by_kind_in(&self, window: RunWindow, kinds: &[bool; 5]) -> [EventList; 5] {
        std::array::from_fn(|k| {
            if !kinds[k] {
                return EventList::default();
            }
            let start = self.kind_starts[k];
            let events = &self.by_kind_day[start..self.kind_starts[k + 1]];
            let day_of = |i: &u32| self.rows[*i as usize].day.unwrap_or(NaiveDate::MIN);
            let range = self.day_range(events, day_of, window);
            EventList {
                earliest_first: self.by_kind_day.clone(),
                range: start + range.start..start + range.end,
            }
        })
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
        if filter.kinds.iter().all(|&on| on) && filter.explicit && filter.implicit {
            // Nothing to test: a straight copy, which the compiler vectorises.
            shown.extend(self.by_day[range].iter().map(|&k| k as usize));
            return Some(shown);
        }
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
    // Each group's events, in `visible`'s day order: earliest first.
    let mut lists: Vec<Vec<u32>> = Vec::new();
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
                lists.push(Vec::with_capacity(sizes[key] as usize));
                groups.push(MarkerGroup {
                    place: place.id.clone(),
                    name: place.name.clone(),
                    lonlat: place.lonlat,
                    kind,
                    events: EventList::default(),
                    sources: 0,
                    latest: day,
                    hollow: true,
                    far: place.far,
                    area_wide: place.area_wide,
                    corrected: false,
                });
            }
            lists[group_of[key] as usize].push(i as u32);
            let group = &mut groups[group_of[key] as usize];
            group.sources += row.sources as usize;
            group.latest = group.latest.max(day);
            group.hollow &= row.hollow;
            group.corrected |= row.corrected;
        }
    }
    for (group, list) in groups.iter_mut().zip(lists) {
        group.events = EventList::owned(list);
    }
    // By place and kind, as `EventIndex::groups_in` lists them.
    let mut ordered = Vec::with_capacity(groups.len());
    let mut groups: Vec<Option<MarkerGroup>> = groups.into_iter().map(Some).collect();
    for &g in group_of.iter().filter(|&&g| g != u32::MAX) {
        if let Some(group) = groups[g as usize].take() {
            ordered.push(group);
        }
    }
    ordered
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::model::{Place, PlaceId};

    /// Synthetic events at five places over twelve days, some with two places, one a place the
    /// atlas cannot locate, some corrected, one undated.
    fn atlas() -> Atlas {
        let ids: Vec<PlaceId> = (0..6).map(|i| format!("test:{i}").into()).collect();
        let mut events = crate::synthetic::events(2_000, &ids, 12, 17);
        for (i, event) in events.iter_mut().enumerate() {
            if i % 7 == 0 {
                event.places.push(ids[(i / 7) % 5].clone());
            }
            if i % 11 == 0 {
                event.status = Status::Planned;
            }
            if i % 13 == 0 {
                event.sources.push(event.sources[0].clone());
            }
        }
        events[3].day = None;
        let mut atlas = Atlas::from_parts(
            Vec::new(),
            Vec::new(),
            events,
            Arc::new(Gazetteer::default()),
        );
        // `test:5` stays unknown: its events have no marker there.
        for (i, id) in ids.iter().take(5).enumerate() {
            let place = Place {
                id: id.clone(),
                name: format!("Town {i}"),
                // The last one a province: its markers carry the area-wide ring.
                kind: if i == 4 {
                    PlaceKind::Region
                } else {
                    PlaceKind::Town
                },
                country: "AZ".into(),
                lat: 39.0 + i as f64 * 0.3,
                lon: 46.0 + i as f64 * 0.2,
                population: 0,
                admin1: String::new(),
            };
            atlas.places.insert(id.clone(), place);
        }
        atlas
    }

    #[test]
    fn runs_give_the_groups_and_lists_of_visiting_every_event() {
        let atlas = atlas();
        let index = EventIndex::build(&atlas);
        let (first, last) = atlas.day_span().expect("dated events");
        let mut no_fighting = EventFilter::default();
        no_fighting.kinds[1] = false;
        let only_diplomacy = EventFilter {
            kinds: [false, false, false, true, false],
            ..EventFilter::default()
        };
        let mut checked_groups = 0;
        for filter in [EventFilter::default(), no_fighting, only_diplomacy] {
            let mut day = first.pred_opt().expect("day before");
            while day <= last.succ_opt().expect("day after") {
                for window in [DayWindow::On(day), DayWindow::UpTo(day)] {
                    let visible = index.query(window, &filter).expect("no text filter");
                    let runs = index.runs_for(window, &filter).expect("runs answer");
                    let groups = index.groups_in(runs, &filter.kinds);
                    assert_eq!(groups, group_markers(&index, &visible), "{window:?}");
                    assert_eq!(
                        index.by_kind_in(runs, &filter.kinds),
                        split_by_kind(&index, &visible),
                        "{window:?}"
                    );
                    checked_groups += groups.len();
                }
                day = day.succ_opt().expect("next day");
            }
        }
        assert!(
            checked_groups > 500,
            "only {checked_groups} groups compared"
        );
    }

    #[test]
    fn markers_at_a_country_or_region_are_area_wide_and_those_at_towns_are_not() {
        let atlas = atlas();
        let index = EventIndex::build(&atlas);
        let (_, last) = atlas.day_span().expect("dated events");
        let runs = index
            .runs_for(DayWindow::UpTo(last), &EventFilter::default())
            .expect("runs answer");
        let groups = index.groups_in(runs, &[true; 5]);
        let (wide, narrow): (Vec<&MarkerGroup>, Vec<&MarkerGroup>) =
            groups.iter().partition(|g| g.area_wide);
        assert!(!wide.is_empty() && !narrow.is_empty());
        assert!(wide.iter().all(|g| &*g.place == "test:4"), "{wide:?}");
        assert!(narrow.iter().all(|g| &*g.place != "test:4"));
        assert!(is_area_wide(PlaceKind::Country));
        assert!(!is_area_wide(PlaceKind::Capital) && !is_area_wide(PlaceKind::District));
    }

    #[test]
    fn runs_leave_certainty_and_text_filters_to_the_events() {
        let index = EventIndex::build(&atlas());
        let day = crate::corpus::war_start();
        let only_explicit = EventFilter {
            implicit: false,
            ..EventFilter::default()
        };
        let searched = EventFilter {
            place_query: "town 1".into(),
            ..EventFilter::default()
        };
        assert!(index.runs_for(DayWindow::On(day), &only_explicit).is_none());
        assert!(index.runs_for(DayWindow::UpTo(day), &searched).is_none());
        assert!(
            index
                .runs_for(DayWindow::All, &EventFilter::default())
                .is_none()
        );
        assert!(
            index
                .runs_for(DayWindow::On(day), &EventFilter::default())
                .is_some()
        );
    }
}
