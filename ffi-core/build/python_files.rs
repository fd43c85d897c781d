//! The shim's Python files, found in one place for every build script that ships them
//! (ffi-core's for Pyodide's embedded copies, ffi-micropython's for its bytecode).

use std::path::{Path, PathBuf};

/// Every `.py` under `dir`, as `(path relative to base, with '/' separators; file)`,
/// sorted. Each folder and file is named to cargo, so a new or changed module rebuilds.
pub fn python_files(base: &Path, dir: &Path) -> Result<Vec<(String, PathBuf)>, Box<dyn std::error::Error>> {
    let mut found = Vec::new();
    walk(base, dir, &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(base: &Path, dir: &Path, found: &mut Vec<(String, PathBuf)>) -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed={}", dir.display());
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(base, &path, found)?;
        } else if path.extension().is_some_and(|ext| ext == "py") {
            println!("cargo:rerun-if-changed={}", path.display());
            let relative = path.strip_prefix(base)?.to_string_lossy().replace('\\', "/");
            found.push((relative, path));
        }
    }
    Ok(())
}
