//! The one place the window's state lives, and the one place it changes: widgets and keys emit
//! [`Command`]s, [`ViewState::apply`] carries them out.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use crate::atlas::{DayWindow, EventFilter};
use crate::corpus::war_start;
use crate::model::ArticleId;

/// Which days the map shows around the current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Only the events of the current day.
    ThisDay,
    /// Every event up to the current day; older ones fade.
    UpToDay,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SetDay(NaiveDate),
    /// Move by this many days (negative = back), staying inside the span.
    Step(i64),
    Play,
    Pause,
    TogglePlay,
    Home,
    End,
    /// Days per second while playing.
    SetSpeed(f32),
    SetMode(Mode),
    /// Select an event by index into `Atlas::events`; its day becomes the current day.
    Select(Option<usize>),
    OpenArticle(Option<ArticleId>),
    TogglePresentation,
    SetDark(bool),
    FitFront,
    /// Save a PNG of the window; `None` = the default path for the current day.
    Screenshot(Option<PathBuf>),
}

/// Slowest and fastest playback, in days per second.
pub const SPEED_RANGE: std::ops::RangeInclusive<f32> = 0.25..=8.0;

#[derive(Clone, Debug)]
pub struct ViewState {
    pub day: NaiveDate,
    /// First and last day with events (both the war's first day when there are none).
    pub span: (NaiveDate, NaiveDate),
    pub playing: bool,
    pub speed: f32,
    /// Seconds accumulated towards the next step while playing.
    pub play_clock: f32,
    pub mode: Mode,
    pub filter: EventFilter,
    pub selected: Option<usize>,
    pub article: Option<ArticleId>,
    pub presentation: bool,
    pub dark: bool,
    /// Set by `FitFront`; the map consumes it on its next frame.
    pub fit_requested: bool,
    /// Set by `Screenshot`; the app consumes it.
    pub screenshot_requested: Option<Option<PathBuf>>,
    /// A line for the status bar ("Saved screenshots/atlas-2020-10-08.png").
    pub status: Option<String>,
}

impl ViewState {
    pub fn new(span: Option<(NaiveDate, NaiveDate)>) -> ViewState {
        let span = span.unwrap_or((war_start(), war_start()));
        ViewState {
            day: span.0,
            span,
            playing: false,
            speed: 1.0,
            play_clock: 0.0,
            mode: Mode::ThisDay,
            filter: EventFilter::default(),
            selected: None,
            article: None,
            presentation: false,
            dark: false,
            fit_requested: false,
            screenshot_requested: None,
            status: None,
        }
    }

    pub fn window(&self) -> DayWindow {
        match self.mode {
            Mode::ThisDay => DayWindow::On(self.day),
            Mode::UpToDay => DayWindow::UpTo(self.day),
        }
    }

    fn clamp(&self, day: NaiveDate) -> NaiveDate {
        day.clamp(self.span.0, self.span.1)
    }

    /// Carry out one command. `event_day` gives the day of an event index (for `Select`).
    pub fn apply(&mut self, command: Command, event_day: impl Fn(usize) -> Option<NaiveDate>) {
        match command {
            Command::SetDay(day) => self.day = self.clamp(day),
            Command::Step(days) => {
                let next = self
                    .day
                    .checked_add_signed(chrono::Duration::days(days))
                    .unwrap_or(self.day);
                self.day = self.clamp(next);
            }
            Command::Play => {
                if self.day >= self.span.1 {
                    self.day = self.span.0;
                }
                self.playing = true;
                self.play_clock = 0.0;
            }
            Command::Pause => self.playing = false,
            Command::TogglePlay => {
                let next = if self.playing {
                    Command::Pause
                } else {
                    Command::Play
                };
                self.apply(next, event_day);
            }
            Command::Home => self.day = self.span.0,
            Command::End => self.day = self.span.1,
            Command::SetSpeed(speed) => {
                self.speed = speed.clamp(*SPEED_RANGE.start(), *SPEED_RANGE.end())
            }
            Command::SetMode(mode) => self.mode = mode,
            Command::Select(index) => {
                self.selected = index;
                if let Some(day) = index.and_then(&event_day) {
                    self.day = self.clamp(day);
                }
            }
            Command::OpenArticle(article) => self.article = article,
            Command::TogglePresentation => self.presentation = !self.presentation,
            Command::SetDark(dark) => self.dark = dark,
            Command::FitFront => self.fit_requested = true,
            Command::Screenshot(path) => self.screenshot_requested = Some(path),
        }
    }

    /// Advance playback by `seconds` of wall time; stops at the last day.
    pub fn tick(&mut self, seconds: f32) {
        if !self.playing {
            return;
        }
        self.play_clock += seconds;
        let step = 1.0 / self.speed.max(0.01);
        while self.play_clock >= step {
            self.play_clock -= step;
            if self.day >= self.span.1 {
                self.playing = false;
                break;
            }
            self.day = self.clamp(self.day.succ_opt().unwrap_or(self.day));
        }
    }

    /// "Thursday 8 October 2020 — day 12 of the war".
    pub fn day_in_words(&self) -> String {
        day_in_words(self.day)
    }
}

/// "Thursday 8 October 2020 — day 12 of the war" (the war's first day, 27 September, is day 1);
/// days before the war have no day number.
pub fn day_in_words(day: NaiveDate) -> String {
    let date = format!(
        "{} {} {} {}",
        day.format("%A"),
        day.day(),
        day.format("%B"),
        day.year()
    );
    let number = (day - war_start()).num_days() + 1;
    if number >= 1 {
        format!("{date} — day {number} of the war")
    } else {
        date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn state() -> ViewState {
        ViewState::new(Some((date(2020, 9, 27), date(2020, 11, 10))))
    }

    #[test]
    fn day_words_count_the_first_day_as_day_one() {
        assert_eq!(
            day_in_words(date(2020, 10, 8)),
            "Thursday 8 October 2020 — day 12 of the war"
        );
        assert_eq!(
            day_in_words(date(2020, 9, 27)),
            "Sunday 27 September 2020 — day 1 of the war"
        );
        assert_eq!(day_in_words(date(2020, 9, 1)), "Tuesday 1 September 2020");
    }

    #[test]
    fn steps_stay_inside_the_span() {
        let mut s = state();
        s.apply(Command::Step(-1), |_| None);
        assert_eq!(s.day, date(2020, 9, 27));
        s.apply(Command::Step(3), |_| None);
        assert_eq!(s.day, date(2020, 9, 30));
        s.apply(Command::End, |_| None);
        s.apply(Command::Step(1), |_| None);
        assert_eq!(s.day, date(2020, 11, 10));
        s.apply(Command::SetDay(date(2021, 1, 1)), |_| None);
        assert_eq!(s.day, date(2020, 11, 10));
    }

    #[test]
    fn playing_advances_one_day_per_period_and_stops_at_the_end() {
        let mut s = state();
        s.apply(Command::SetSpeed(2.0), |_| None);
        s.apply(Command::Play, |_| None);
        s.tick(1.0);
        assert_eq!(s.day, date(2020, 9, 29));
        s.apply(Command::SetDay(date(2020, 11, 9)), |_| None);
        s.tick(5.0);
        assert_eq!(s.day, date(2020, 11, 10));
        assert!(!s.playing);
        // Play at the end starts again from the first day.
        s.apply(Command::TogglePlay, |_| None);
        assert!(s.playing);
        assert_eq!(s.day, date(2020, 9, 27));
    }

    #[test]
    fn selecting_an_event_moves_to_its_day() {
        let mut s = state();
        s.apply(Command::Select(Some(4)), |i| {
            (i == 4).then(|| date(2020, 10, 8))
        });
        assert_eq!(s.selected, Some(4));
        assert_eq!(s.day, date(2020, 10, 8));
    }

    #[test]
    fn speed_is_kept_in_range() {
        let mut s = state();
        s.apply(Command::SetSpeed(100.0), |_| None);
        assert_eq!(s.speed, 8.0);
    }
}
