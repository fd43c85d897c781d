//! Cases are data: `cases/<name>.py` plus `cases/<name>.expected.json`.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub code: String,
    pub expected_path: PathBuf,
    pub expected: Option<Value>,
}

pub fn discover(dir: &Path, filter: Option<&str>) -> Result<Vec<Case>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    let mut cases = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let Some(name) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        if filter.is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let code = fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        let expected_path = dir.join(format!("{name}.expected.json"));
        let expected = match fs::read_to_string(&expected_path) {
            Ok(text) => Some(
                serde_json::from_str(&text).map_err(|e| format!("{}: invalid JSON: {e}", expected_path.display()))?,
            ),
            Err(_) => None,
        };
        cases.push(Case {
            name,
            code,
            expected_path,
            expected,
        });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}
