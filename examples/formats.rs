//! Text recovery of every test document in a folder (default
//! `tests/fixtures/formats`; `/work/shared/formats` has big.pdf too):
//! `cargo run --release --example formats -- FOLDER`. For each file with a
//! reference (`NAME.ref.txt`, or `h_all.ref.txt` for web pages) it prints the
//! share of the reference recovered in order and the share of the output that
//! is reference text, blanks ignored; damaged files print their error.

use std::path::{Path, PathBuf};
use std::time::Instant;

use reportlens::document::formats::measure::recovery;
use reportlens::document::Document;

fn main() {
    let folder = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("tests/fixtures/formats"), PathBuf::from);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&folder) {
        Ok(entries) => entries
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| is_document(p))
            .collect(),
        Err(e) => {
            eprintln!("{}: {e}", folder.display());
            std::process::exit(1);
        }
    };
    files.sort();
    println!("| file | format | pages | recall | precision | lines | ms |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for file in files {
        println!("{}", row(&file));
    }
}

fn is_document(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !name.ends_with(".ref.txt") && !name.ends_with(".md")
}

/// One table row for `file`.
fn row(file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let started = Instant::now();
    let doc = match Document::open(file) {
        Ok(doc) => doc,
        Err(e) => {
            return format!(
                "| {name} | error: {} | | | | | |",
                e.to_string().replace('|', "/")
            )
        }
    };
    let ms = started.elapsed().as_millis();
    let pages = doc.pages.last().map_or(0, |p| p.page);
    let lines = doc.text.lines().count();
    let Some(reference) = reference(file) else {
        return format!(
            "| {name} | {} | {pages} | | | {lines} | {ms} |",
            doc.format.name()
        );
    };
    let measured = recovery(&reference, &doc.text);
    format!(
        "| {name} | {} | {pages} | {:.4} | {:.4} | {lines} | {ms} |",
        doc.format.name(),
        measured.recall(),
        measured.precision()
    )
}

fn reference(file: &Path) -> Option<String> {
    let own = file.with_extension("ref.txt");
    let shared = file.with_file_name("h_all.ref.txt");
    let is_html = file.extension().is_some_and(|e| e == "html");
    let path = if own.exists() {
        own
    } else if is_html {
        shared
    } else {
        return None;
    };
    std::fs::read_to_string(path).ok()
}
