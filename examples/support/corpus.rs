//! What the timing and profiling examples share: the reading of a JSONL corpus and the
//! short parse each makes before it.

/// The text each example parses once before the corpus: the first parse of a process builds
/// the cue, boilerplate and word tables the stages share.
pub(crate) const WARM_UP: &str =
    "\"Yes,\" said Patrick Turner, NATO's envoy, in Kyiv.\nRead more: x";

/// The `text` of each of the first `first` lines of the JSONL file at `path` (blank lines
/// skipped; `usize::MAX` for all), or what is wrong with the file.
pub(crate) fn load(path: &str, first: usize) -> Result<Vec<String>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut texts = Vec::new();
    let lines = data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    for (i, line) in lines.take(first) {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let text = value.get("text").and_then(|t| t.as_str());
        texts.push(text.ok_or_else(|| format!("line {}: no \"text\" string", i + 1))?.to_owned());
    }
    Ok(texts)
}
