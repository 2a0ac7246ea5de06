//! The targets view: a workspace of reports read together, each target
//! linked to what later reports say of it. [`state`] holds the workspace and
//! its links and saves the reader's decisions; [`loader`] opens the reports
//! off the UI thread; [`view`] draws the reports, the table and the chart.

pub mod loader;
pub mod state;
pub mod view;
