//! One annotation: a highlighted passage with its colour, note, tags, status
//! and, for a tracked target, the indicator it follows; and its anchor in the text.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::indicators::{Indicator, Kind};

/// The five highlight colours (keys 1–5 in the window).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    /// Key 1.
    Yellow,
    /// Key 2.
    Green,
    /// Key 3.
    Blue,
    /// Key 4.
    Pink,
    /// Key 5.
    Purple,
}

impl Colour {
    /// Every colour, in key order.
    pub const ALL: [Colour; 5] = [
        Colour::Yellow,
        Colour::Green,
        Colour::Blue,
        Colour::Pink,
        Colour::Purple,
    ];

    /// Lower-case English name, as in the sidecar.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Yellow => "yellow",
            Self::Green => "green",
            Self::Blue => "blue",
            Self::Pink => "pink",
            Self::Purple => "purple",
        }
    }

    /// Chinese name, as in exports for readers.
    pub fn chinese(self) -> &'static str {
        match self {
            Self::Yellow => "黄",
            Self::Green => "绿",
            Self::Blue => "蓝",
            Self::Pink => "粉",
            Self::Purple => "紫",
        }
    }
}

/// Where a tracked target stands, in the reader's judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 未开始.
    NotStarted,
    /// 进行中.
    InProgress,
    /// 已完成.
    Done,
    /// 未完成.
    NotMet,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::NotMet,
    ];

    /// Chinese name, as shown and exported.
    pub fn chinese(self) -> &'static str {
        match self {
            Self::NotStarted => "未开始",
            Self::InProgress => "进行中",
            Self::Done => "已完成",
            Self::NotMet => "未完成",
        }
    }

    /// English name.
    pub fn english(self) -> &'static str {
        match self {
            Self::NotStarted => "not started",
            Self::InProgress => "in progress",
            Self::Done => "done",
            Self::NotMet => "not met",
        }
    }
}

/// Where the passage is: char offsets into the decoded text (W3C TextPositionSelector).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextPosition {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
}

/// What the passage says, with context (W3C TextQuoteSelector).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuote {
    /// The passage itself.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] chars before it.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars after it.
    #[serde(default)]
    pub suffix: String,
}

/// How many chars of context an anchor keeps on each side.
pub const CONTEXT_CHARS: usize = 32;

/// Where an annotation sits in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Position in the text the sidecar was saved for.
    pub position: TextPosition,
    /// The quote and its context, to find the passage again after the text changed.
    pub quote: TextQuote,
    /// True when the passage could not be found in the current text; the
    /// position then refers to the text the annotation was made on.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unplaced: bool,
}

impl Anchor {
    /// The anchor of chars `start..end` of `text` (given as chars), with context.
    pub fn capture(text: &[char], start: usize, end: usize) -> Self {
        let end = end.min(text.len());
        let start = start.min(end);
        let collect = |from: usize, to: usize| text[from..to].iter().collect::<String>();
        Self {
            position: TextPosition { start, end },
            quote: TextQuote {
                exact: collect(start, end),
                prefix: collect(start.saturating_sub(CONTEXT_CHARS), start),
                suffix: collect(end, (end + CONTEXT_CHARS).min(text.len())),
            },
            unplaced: false,
        }
    }

    /// First char of the passage.
    pub fn start(&self) -> usize {
        self.position.start
    }

    /// One past the last char of the passage.
    pub fn end(&self) -> usize {
        self.position.end
    }
}

/// The indicator a tracked target follows, as it read when tracking began.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackedIndicator {
    /// The indicator's text.
    pub text: String,
    /// Metric name.
    pub metric: String,
    /// Normalised metric key, for linking across reports.
    pub metric_key: String,
    /// Value as written.
    pub value: String,
    /// Unit as written.
    pub unit: String,
    /// Target, actual, growth or completion.
    pub kind: Kind,
    /// Normalised value, if the indicator has a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normalized_value: Option<f64>,
    /// Normalised unit.
    #[serde(default)]
    pub normalized_unit: String,
}

impl From<&Indicator> for TrackedIndicator {
    fn from(indicator: &Indicator) -> Self {
        Self {
            text: indicator.text.clone(),
            metric: indicator.metric.clone(),
            metric_key: indicator.metric_key.clone(),
            value: indicator.value.clone(),
            unit: indicator.unit.clone(),
            kind: indicator.kind,
            normalized_value: indicator.normalized_value,
            normalized_unit: indicator.normalized_unit.clone(),
        }
    }
}

/// One annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique within the sidecar; stable across saves.
    pub id: String,
    /// When it was made (RFC 3339, UTC).
    pub created: String,
    /// When it last changed (RFC 3339, UTC).
    pub modified: String,
    /// Highlight colour.
    pub colour: Colour,
    /// The reader's note (may be empty).
    #[serde(default)]
    pub note: String,
    /// Tags, in the order they were added.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Status of a tracked target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// The indicator this annotation tracks, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<TrackedIndicator>,
    /// Where it is in the text.
    pub anchor: Anchor,
    /// Fields this version does not know, kept so that saving does not drop them.
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

impl Annotation {
    /// A new highlight of `anchor` in `colour`, stamped now.
    pub fn new(anchor: Anchor, colour: Colour) -> Self {
        let now = timestamp();
        Self {
            id: new_id(),
            created: now.clone(),
            modified: now,
            colour,
            note: String::new(),
            tags: Vec::new(),
            status: None,
            indicator: None,
            anchor,
            unknown: serde_json::Map::new(),
        }
    }

    /// A tracked target on `indicator`, whose chars `anchor` covers.
    pub fn tracking(anchor: Anchor, indicator: &Indicator) -> Self {
        Self {
            status: Some(Status::NotStarted),
            indicator: Some(TrackedIndicator::from(indicator)),
            ..Self::new(anchor, Colour::Yellow)
        }
    }

    /// True when char `at` is inside the placed passage.
    pub fn covers(&self, at: usize) -> bool {
        !self.anchor.unplaced && self.anchor.start() <= at && at < self.anchor.end()
    }

    /// Marks the annotation as changed now.
    pub fn touch(&mut self) {
        self.modified = timestamp();
    }
}

/// The current time as RFC 3339 in UTC, to the millisecond.
pub fn timestamp() -> String {
    humantime::format_rfc3339_millis(SystemTime::now()).to_string()
}

/// A new id: time, process and a counter, unique across processes writing the same sidecar.
pub(crate) fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:x}-{:x}-{count:x}", std::process::id())
}
