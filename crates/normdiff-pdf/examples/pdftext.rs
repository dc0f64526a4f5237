//! Prints the layout text normdiff reads from each PDF given, or writes it
//! to `OUT_DIR/<stem>.txt` with `--out OUT_DIR`: for inspecting and
//! scoring the reader (`scripts/pdf-quality.sh`).

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let out = args.iter().position(|a| a == "--out").map(|i| {
        args.remove(i);
        args.remove(i)
    });
    // `--raw`: pdf-extract's own plain-text output, for comparison.
    let raw = args
        .iter()
        .position(|a| a == "--raw")
        .map(|i| args.remove(i));
    for path in args {
        let bytes = std::fs::read(&path).expect("readable file");
        let t0 = std::time::Instant::now();
        if raw.is_some() {
            let text = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(&bytes));
            let text = match text {
                Ok(Ok(t)) => t,
                Ok(Err(e)) => format!("error: {e}"),
                Err(_) => "panic".to_owned(),
            };
            eprintln!("{path}: raw, {:.1} ms", t0.elapsed().as_secs_f64() * 1000.0);
            let stem = std::path::Path::new(&path).file_stem().unwrap();
            let dir = out.as_deref().unwrap_or(".");
            std::fs::write(
                std::path::Path::new(dir).join(stem).with_extension("txt"),
                text,
            )
            .expect("writable output");
            continue;
        }
        match normdiff_pdf::to_text(&bytes, &path, &Default::default()) {
            Ok(t) => {
                eprintln!(
                    "{path}: {} pages, {} furniture lines, {} footnotes, {} two-column pages, {} page joins, {:.1} ms",
                    t.pages,
                    t.furniture_lines,
                    t.footnotes,
                    t.two_column_pages,
                    t.joins.len(),
                    t0.elapsed().as_secs_f64() * 1000.0
                );
                match &out {
                    Some(dir) => {
                        let stem = std::path::Path::new(&path).file_stem().unwrap();
                        let p = std::path::Path::new(dir).join(stem).with_extension("txt");
                        std::fs::write(p, &t.text).expect("writable output");
                    }
                    None => print!("{}", t.text),
                }
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}
