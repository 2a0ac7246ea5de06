//! Frame time of the whole window with a ~5 MB report open, headless: a bare
//! `egui::Context` with no window and no GPU runs `ReportLensApp::ui` and
//! tessellates its shapes, as eframe does before handing them to the GPU.
//!
//! It measures
//! - startup: `main()` to the first tessellated frame of the empty window
//!   (app construction and font install included);
//! - opening the document: the fixtures concatenated to ~5 MB, structured and
//!   extracted (the window does this on a worker thread), step by step;
//! - the first frame with the document (every visible paragraph laid out);
//! - steady frames while the mouse wheel scrolls the reading view, 40 points a
//!   frame at 60 Hz: median, p99 and worst over `FRAMES` frames after
//!   `WARM_UP` frames, for the whole window, then with the indicator table
//!   hidden, then with the outline hidden too (the reading view alone).
//!
//! `cargo bench --bench frame`. Figures go in BENCHMARKS.md. For profiling,
//! `FRAME_BENCH_FRAMES=6000` runs longer.

mod common;

use std::collections::HashMap;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::epaint::ClippedShape;
use egui::{
    Context, Event, Modifiers, MouseWheelSource, MouseWheelUnit, Pos2, RawInput, Rect, Shape,
    TouchPhase, Vec2,
};
use reportlens::gui::{ReportLensApp, Settings};
use reportlens::{Document, Extractor};

/// The window's default inner size (see `gui::run`).
const SCREEN: Vec2 = Vec2::new(1280.0, 820.0);
/// Where the pointer rests: over the reading view, between the outline and the table.
const POINTER: Pos2 = Pos2::new(530.0, 420.0);
/// One frame at 60 Hz.
const FRAME_SECONDS: f64 = 1.0 / 60.0;
/// Wheel delta per frame, in points: a brisk, continuous scroll (2,400 points a second).
const WHEEL_STEP: f32 = 40.0;
const WARM_UP: usize = 60;
const FRAMES: usize = 600;

fn main() {
    let started = Instant::now();
    let mut window = Window::new();
    window.frame(Vec::new());
    let empty_window = started.elapsed();

    let (bytes, open) = open_document(&mut window.app);
    let first = window.frame(vec![pointer()]);
    let startup = Startup {
        window: empty_window,
        open,
        first,
        to_document: started.elapsed(),
    };

    let frames = std::env::var("FRAME_BENCH_FRAMES")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(FRAMES);
    let whole = window.scroll(frames);
    window.app.settings.show_indicators = false;
    let no_table = window.scroll(frames);
    window.app.settings.show_outline = false;
    let alone = window.scroll(frames);

    report(&window.app, bytes, &startup);
    report_scroll("whole window", &whole);
    report_scroll("indicator table hidden", &no_table);
    report_scroll("reading view alone", &alone);
}

/// The app in a headless egui context, with its own clock.
struct Window {
    ctx: Context,
    app: ReportLensApp,
    clock: f64,
}

impl Window {
    fn new() -> Self {
        Self {
            ctx: Context::default(),
            app: ReportLensApp::new(Settings::default()),
            clock: 0.0,
        }
    }

    /// The input of the next frame, 1/60 s after the previous one.
    fn input(&mut self, events: Vec<Event>) -> RawInput {
        self.clock += FRAME_SECONDS;
        RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
            time: Some(self.clock),
            predicted_dt: FRAME_SECONDS as f32,
            events,
            ..Default::default()
        }
    }

    /// One frame: `ui`, then tessellation; the shapes are passed to `look` in between, untimed.
    fn frame_with(&mut self, events: Vec<Event>, look: impl FnOnce(&[ClippedShape])) -> FrameTime {
        let input = self.input(events);
        let start = Instant::now();
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.ui(ui));
        let ui = start.elapsed();
        look(&output.shapes);
        let start = Instant::now();
        black_box(self.ctx.tessellate(output.shapes, output.pixels_per_point));
        FrameTime {
            ui,
            tessellate: start.elapsed(),
        }
    }

    fn frame(&mut self, events: Vec<Event>) -> FrameTime {
        self.frame_with(events, |_| {})
    }

    /// `WARM_UP` frames, then `frames` timed frames, each with one wheel step down.
    fn scroll(&mut self, frames: usize) -> Scroll {
        for _ in 0..WARM_UP {
            self.frame(vec![pointer(), wheel_down()]);
        }
        let mut tracker = ScrollTracker::default();
        let times = (0..frames)
            .map(|_| self.frame_with(vec![pointer(), wheel_down()], |s| tracker.track(s)))
            .collect();
        Scroll { times, tracker }
    }
}

fn pointer() -> Event {
    Event::PointerMoved(POINTER)
}

/// One wheel step scrolling the text down (the content moves up).
fn wheel_down() -> Event {
    Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: Vec2::new(0.0, -WHEEL_STEP),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    }
}

/// About 5 MB of report text: every fixture repeated, blank line between copies
/// (the same document as the extract benchmark's).
fn five_megabytes() -> String {
    let files = common::fixture_paths();
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect();
    assert!(!texts.is_empty(), "no fixtures in tests/fixtures");
    let mut all = String::new();
    while all.len() < 5_000_000 {
        for text in &texts {
            all.push_str(text);
            all.push_str("\n\n");
        }
    }
    all
}

/// Builds the ~5 MB document and shows it, as the window's loader would;
/// returns its size and the time of each step.
fn open_document(app: &mut ReportLensApp) -> (usize, Open) {
    let start = Instant::now();
    let text = five_megabytes();
    let read = start.elapsed();
    let start = Instant::now();
    let doc = Document::from_text("bench.txt", &text);
    let structure = start.elapsed();
    let start = Instant::now();
    let tiny = Document::from_text("warm-up.txt", "新增停车泊位1万个以上，增长8%。");
    black_box(Extractor::shared().extract(&tiny));
    let extractor = start.elapsed();
    let start = Instant::now();
    app.show_document(doc);
    let view = start.elapsed();
    let open = Open {
        read,
        structure,
        extractor,
        view,
    };
    (text.len(), open)
}

/// Where a frame's time went.
#[derive(Clone, Copy)]
struct FrameTime {
    /// `Context::run_ui` with `ReportLensApp::ui`.
    ui: Duration,
    /// `Context::tessellate`.
    tessellate: Duration,
}

impl FrameTime {
    fn total(self) -> Duration {
        self.ui + self.tessellate
    }
}

/// The steady frames of one scroll.
struct Scroll {
    times: Vec<FrameTime>,
    tracker: ScrollTracker,
}

/// How far the text moved: follows each galley from one frame to the next (only the
/// reading view scrolls, so the largest upward move is the scroll).
#[derive(Default)]
struct ScrollTracker {
    last: HashMap<usize, f32>,
    scrolled: f32,
    frames_moved: usize,
}

impl ScrollTracker {
    fn track(&mut self, shapes: &[ClippedShape]) {
        let now: HashMap<usize, f32> = shapes
            .iter()
            .filter_map(|s| match &s.shape {
                Shape::Text(t) => Some((Arc::as_ptr(&t.galley) as usize, t.pos.y)),
                _ => None,
            })
            .collect();
        let moved = now
            .iter()
            .filter_map(|(galley, y)| Some(self.last.get(galley)? - y))
            .fold(0.0, f32::max);
        if moved > 0.0 {
            self.scrolled += moved;
            self.frames_moved += 1;
        }
        self.last = now;
    }
}

/// The steps of opening the document, which the window runs on a worker thread.
struct Open {
    /// Reading and concatenating the fixtures.
    read: Duration,
    /// `Document::from_text`: blocks, headings, outline.
    structure: Duration,
    /// The extractor's lazy tables (jieba dictionary, regexes), built once per process
    /// by its first use, here on a one-line document.
    extractor: Duration,
    /// `DocView::new`: extraction, paragraphs and highlights, outline rows.
    view: Duration,
}

impl Open {
    fn total(&self) -> Duration {
        self.read + self.structure + self.extractor + self.view
    }
}

/// The one-off timings.
struct Startup {
    /// `main()` to the first tessellated frame of the empty window.
    window: Duration,
    /// Opening the document.
    open: Open,
    /// The first frame with the document.
    first: FrameTime,
    /// `main()` to the first frame with the document.
    to_document: Duration,
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Median, p99 and worst of `times`, in milliseconds.
fn spread(mut times: Vec<Duration>) -> (f64, f64, f64) {
    times.sort();
    let at = |p: f64| millis(times[((times.len() - 1) as f64 * p).round() as usize]);
    (at(0.5), at(0.99), at(1.0))
}

fn report(app: &ReportLensApp, bytes: usize, startup: &Startup) {
    let view = app.view().expect("the document is shown");
    let highlighted: usize = view.paragraphs.iter().map(|p| p.highlights.len()).sum();
    let open = &startup.open;
    println!(
        "reading view frame time, headless, {}x{} points",
        SCREEN.x, SCREEN.y
    );
    println!(
        "  document            {:.2} MB, {} chars, {} paragraphs",
        bytes as f64 / 1e6,
        view.char_count,
        view.paragraphs.len()
    );
    println!(
        "  indicators          {} extracted, {highlighted} highlights",
        view.indicators.len()
    );
    let line = |what: &str, d: Duration, note: &str| {
        let text = format!("  {what:<20}{:8.2} ms  {note}", millis(d));
        println!("{}", text.trim_end());
    };
    line(
        "startup",
        startup.window,
        "main() to the empty window's first frame",
    );
    line(
        "open document",
        open.total(),
        "on a worker thread in the app:",
    );
    line("  read fixtures", open.read, "");
    line("  structure", open.structure, "");
    line(
        "  extractor init",
        open.extractor,
        "jieba dictionary etc., once per process",
    );
    line("  extract + view", open.view, "");
    line(
        "first frame",
        startup.first.total(),
        "with the document: ui + tessellate",
    );
    line("main() to document", startup.to_document, "");
}

fn report_scroll(what: &str, scroll: &Scroll) {
    let times = &scroll.times;
    let (median, p99, worst) = spread(times.iter().map(|f| f.total()).collect());
    let (ui_median, ui_p99, _) = spread(times.iter().map(|f| f.ui).collect());
    let (tess_median, tess_p99, _) = spread(times.iter().map(|f| f.tessellate).collect());
    println!(
        "  scrolling, {what}: {} frames, {:.0} points",
        times.len(),
        scroll.tracker.scrolled
    );
    println!("    frame             median {median:.3} ms, p99 {p99:.3} ms, worst {worst:.3} ms");
    println!("    ui                median {ui_median:.3} ms, p99 {ui_p99:.3} ms");
    println!("    tessellate        median {tess_median:.3} ms, p99 {tess_p99:.3} ms");
    assert!(
        scroll.tracker.frames_moved * 2 > times.len(),
        "the reading view did not scroll: the wheel missed it"
    );
}
