//! Writes the hostile inputs of the bench group and the hostile-input tests as JSONL files
//! (`{"id", "text"}`, one document each), for timing the CLI on them beside real news.
//!
//! ```text
//! cargo run --release --example hostile_inputs -- DIR [BYTES]
//! ```
//!
//! Each input is about BYTES long (default 4,200,000, the size of PolNeAR's dev split) and
//! lands in `DIR/NAME.jsonl`; `scripts/hostile_cli.py` times the CLI on them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/hostile_inputs.rs"]
mod hostile_inputs;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: hostile_inputs DIR [BYTES]");
        return ExitCode::from(2);
    };
    let size = match args.next().map(|s| s.parse::<usize>()) {
        None => 4_200_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("hostile_inputs: BYTES: {e}");
            return ExitCode::from(2);
        }
    };
    match write_all(&dir, size) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hostile_inputs: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Writes every input under `dir`, creating it if need be.
fn write_all(dir: &std::path::Path, size: usize) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let mut stdout = std::io::stdout().lock();
    for (name, text) in hostile_inputs::inputs(size) {
        let path = dir.join(format!("{name}.jsonl"));
        let line = serde_json::json!({ "id": name, "text": text });
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
        out.flush()?;
        writeln!(stdout, "{} ({} bytes of text)", path.display(), text.len())?;
    }
    Ok(())
}
