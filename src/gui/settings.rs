//! Settings that persist between runs (eframe storage): theme, language,
//! zoom, panel layout and the recent files.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::gui::i18n::Language;

/// How many recent files File > Recent keeps.
pub const RECENT_LIMIT: usize = 10;

/// Light, dark, or whatever the system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// What the panel right of the text shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RightTab {
    /// The indicator table.
    #[default]
    Indicators,
    /// The notes panel.
    Notes,
}

/// What the central area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CentralTab {
    /// The report being read.
    #[default]
    Reader,
    /// The workspace's targets.
    Targets,
}

/// Everything the user set that should survive a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// UI language.
    pub language: Language,
    /// Colour theme.
    pub theme: ThemeChoice,
    /// Text zoom factor for the reading view (1.0 = 100%).
    pub zoom: f32,
    /// Whether the outline panel is shown.
    pub show_outline: bool,
    /// Whether the indicator panel is shown.
    pub show_indicators: bool,
    /// Whether web-page debris is shown (dimmed).
    pub show_debris: bool,
    /// Width of the outline panel in points.
    pub outline_width: f32,
    /// Width of the indicator panel in points.
    pub indicators_width: f32,
    /// Most recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// The tab shown in the right panel.
    pub right_tab: RightTab,
    /// The tab shown in the central area.
    pub central_tab: CentralTab,
    /// The workspace file opened last, reopened at start.
    pub workspace_file: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: Language::Chinese,
            theme: ThemeChoice::System,
            zoom: 1.0,
            show_outline: true,
            show_indicators: true,
            show_debris: false,
            outline_width: 240.0,
            indicators_width: 460.0,
            recent: Vec::new(),
            right_tab: RightTab::Indicators,
            central_tab: CentralTab::Reader,
            workspace_file: None,
        }
    }
}

impl Settings {
    /// Puts `path` first in the recent files, without duplicates, at most [`RECENT_LIMIT`].
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Zoom clamped to the supported range.
    pub fn set_zoom(&mut self, zoom: f32) {
        self.zoom = zoom.clamp(0.5, 3.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut settings = Settings::default();
        for i in 0..12 {
            settings.remember(PathBuf::from(format!("{i}.txt")));
        }
        settings.remember(PathBuf::from("5.txt"));
        assert_eq!(settings.recent.len(), RECENT_LIMIT);
        assert_eq!(settings.recent[0], PathBuf::from("5.txt"));
        assert_eq!(
            settings
                .recent
                .iter()
                .filter(|p| p.ends_with("5.txt"))
                .count(),
            1
        );
    }
}
