//! One column of the matrix: an interpreter on a host, run by the JS harness.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

use crate::cases::Case;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub interp: &'static str,
    pub host: &'static str,
    /// `"ours"` or `"pyscript"` (the reference, informational only).
    pub mode: &'static str,
    /// The release of versions.json this column loads, and whether it is the default (a
    /// default column's label names no release).
    pub release: Release,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub version: String,
    pub is_default: bool,
}

impl Column {
    pub fn label(&self) -> String {
        let script = if self.interp == "pyodide" { "py" } else { "mpy" };
        let at = if self.release.is_default {
            String::new()
        } else {
            format!("@{}", self.release.version)
        };
        let interp = self.interp;
        match (self.mode, self.host) {
            ("ours", "pyscript") => format!("pyscript-{script}{at}"),
            ("ours", "pyscript-worker") => format!("pyscript-{script}-worker{at}"),
            ("ours", host) => format!("{interp}{at}/{host}"),
            (mode, host) => format!("{mode}:{interp}{at}/{host}"),
        }
    }
}

/// What one case produced in one column.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub result: Value,
    /// `(before, after)` of `ffi.stats()["live"]`; `None` where the FFI has no ledger.
    pub live: Option<(i64, i64)>,
}

/// How long the harness may go without a word (a case's result, or its end) before the
/// column is stopped: a case that hangs fails the run instead of hanging it. Not a timing
/// assertion: the slowest case takes a few seconds.
const SILENCE_LIMIT: Duration = Duration::from_secs(180);

pub fn run(root: &Path, column: &Column, cases: &[Case]) -> Result<BTreeMap<String, Outcome>, String> {
    let cases_json: Vec<Value> = cases
        .iter()
        .map(|c| serde_json::json!({"name": c.name, "code": c.code}))
        .collect();
    let dir = root.join("target/conformance");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let cases_file = dir.join(format!(
        "cases-{}-{}-{}-{}.json",
        column.mode, column.interp, column.release.version, column.host
    ));
    std::fs::write(&cases_file, Value::Array(cases_json).to_string()).map_err(|e| e.to_string())?;

    let mut child = Command::new("node")
        .arg(root.join("conformance/harness/run.mjs"))
        .args([
            "--interp",
            column.interp,
            "--host",
            column.host,
            "--mode",
            column.mode,
            "--version",
            &column.release.version,
            "--cases",
        ])
        .arg(&cases_file)
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("starting node: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout from the harness")?;
    let (lines_tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut outcomes = BTreeMap::new();
    let mut fatal = None;
    let mut done = false;
    let label = column.label();
    loop {
        let line = match lines.recv_timeout(SILENCE_LIMIT) {
            Ok(line) => line.map_err(|e| e.to_string())?,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                let next = cases
                    .get(outcomes.len())
                    .map_or("(after the last case)", |c| c.name.as_str());
                return Err(format!(
                    "[{label}] no result for {}s: case {next} hangs (the column was stopped)",
                    SILENCE_LIMIT.as_secs()
                ));
            }
        };
        let Ok(message) = serde_json::from_str::<Value>(&line) else {
            eprintln!("[{label}] {line}");
            continue;
        };
        if let Some(text) = message.get("fatal").and_then(Value::as_str) {
            fatal = Some(text.to_owned());
        } else if message.get("done").is_some() {
            done = true;
        } else if let Some(name) = message.get("case").and_then(Value::as_str) {
            let live = message
                .get("live")
                .and_then(|l| Some((l.get("before")?.as_i64()?, l.get("after")?.as_i64()?)));
            let result = message.get("result").cloned().unwrap_or(Value::Null);
            outcomes.insert(name.to_owned(), Outcome { result, live });
            eprint!("\r[{label}] {}/{} {name:<48}", outcomes.len(), cases.len());
            let _ = std::io::stderr().flush();
        }
    }
    eprintln!();
    let status = child.wait().map_err(|e| e.to_string())?;
    if let Some(text) = fatal {
        return Err(format!("[{label}] harness failed:\n{text}"));
    }
    if !status.success() || !done {
        return Err(format!("[{label}] harness exited with {status} before finishing"));
    }
    Ok(outcomes)
}
