//! The same happening told by several articles → one event with all its sources.

use crate::model::Event;

pub fn merge(events: Vec<Event>) -> Vec<Event> {
    events
}
