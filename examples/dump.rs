//! Prints the indicators of a report, one per line, for eyeballing the extractor.
fn main() {
    for path in std::env::args().skip(1) {
        match reportlens::Document::open(std::path::Path::new(&path)) {
            Ok(doc) => {
                for i in reportlens::Extractor::shared().extract(&doc) {
                    println!(
                        "{:<28} | {:<14} | {:>8} {:<6} | {:<5} | {:<8} | {:<10} | {:?} | {}",
                        i.text,
                        i.metric,
                        i.value,
                        i.unit,
                        i.qualifier.as_deref().unwrap_or(""),
                        i.direction.as_deref().unwrap_or(""),
                        i.kind.as_str(),
                        i.period,
                        i.category.as_str()
                    );
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}
