//! Comparing outcomes with expectations, the matrix on the terminal, and the reports
//! under target/conformance/.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::cases::Case;
use crate::column::{Column, Outcome};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Pass,
    /// The result differs from the expected-result file.
    Mismatch(String),
    /// The live proxy count did not return to its starting value.
    Leak {
        before: i64,
        after: i64,
    },
    NoExpectation,
    NotRun,
    /// Not run in this column, for this reason (not_run.rs).
    NotApplicable(&'static str),
}

impl Status {
    pub fn cell(&self) -> &'static str {
        match self {
            Status::Pass => "ok",
            Status::Mismatch(_) => "FAIL",
            Status::Leak { .. } => "LEAK",
            Status::NoExpectation => "NEW",
            Status::NotRun => "-",
            Status::NotApplicable(_) => "n/a",
        }
    }
    pub fn is_pass(&self) -> bool {
        *self == Status::Pass
    }
}

pub fn judge(case: &Case, outcome: Option<&Outcome>) -> Status {
    let Some(outcome) = outcome else { return Status::NotRun };
    let Some(expected) = &case.expected else {
        return Status::NoExpectation;
    };
    if let Some((before, after)) = outcome.live {
        if before != after {
            return Status::Leak { before, after };
        }
    }
    if &outcome.result == expected {
        Status::Pass
    } else {
        Status::Mismatch(first_difference(expected, &outcome.result))
    }
}

/// A short description of where two results first differ.
fn first_difference(expected: &Value, actual: &Value) -> String {
    fn walk(path: &str, e: &Value, a: &Value) -> Option<String> {
        match (e, a) {
            (Value::Object(eo), Value::Object(ao)) => {
                for key in eo.keys().chain(ao.keys()) {
                    let (ev, av) = (eo.get(key).unwrap_or(&Value::Null), ao.get(key).unwrap_or(&Value::Null));
                    if ev != av {
                        return walk(&format!("{path}.{key}"), ev, av);
                    }
                }
                None
            }
            (Value::Array(ea), Value::Array(aa)) if ea.len() == aa.len() => ea
                .iter()
                .zip(aa)
                .enumerate()
                .find(|(_, (x, y))| x != y)
                .and_then(|(i, (x, y))| walk(&format!("{path}[{i}]"), x, y)),
            _ if e == a => None,
            _ => Some(format!("{path}: expected {} got {}", clip(e), clip(a))),
        }
    }
    walk("result", expected, actual).unwrap_or_else(|| "results differ".to_owned())
}

fn clip(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 160 {
        format!("{}…", text.chars().take(160).collect::<String>())
    } else {
        text
    }
}

pub type Table = BTreeMap<String, BTreeMap<String, Status>>;

pub fn table(
    cases: &[Case],
    columns: &[Column],
    outcomes: &BTreeMap<String, BTreeMap<String, Outcome>>,
    not_run: impl Fn(&Column, &str) -> Option<&'static str>,
) -> Table {
    let mut table = Table::new();
    for case in cases {
        let row = table.entry(case.name.clone()).or_default();
        for column in columns {
            let label = column.label();
            let status = match not_run(column, &case.name) {
                Some(why) => Status::NotApplicable(why),
                None => judge(case, outcomes.get(&label).and_then(|o| o.get(&case.name))),
            };
            row.insert(label, status);
        }
    }
    table
}

pub fn matrix(columns: &[Column], table: &Table) -> String {
    let width = table.keys().map(String::len).max().unwrap_or(4).max(4);
    let labels: Vec<String> = columns.iter().map(Column::label).collect();
    let mut out = String::new();
    let _ = write!(out, "{:<width$}", "case");
    for label in &labels {
        let _ = write!(out, "  {label}");
    }
    out.push('\n');
    for (name, row) in table {
        let _ = write!(out, "{name:<width$}");
        for label in &labels {
            let cell = row.get(label).map_or("-", Status::cell);
            let _ = write!(out, "  {cell:<w$}", w = label.len());
        }
        out.push('\n');
    }
    let _ = write!(out, "{:<width$}", "passed");
    for label in &labels {
        let passed = table
            .values()
            .filter(|row| row.get(label).is_some_and(Status::is_pass))
            .count();
        let applicable = table
            .values()
            .filter(|row| !matches!(row.get(label), Some(Status::NotApplicable(_))))
            .count();
        let cell = format!("{passed}/{applicable}");
        let _ = write!(out, "  {cell:<w$}", w = label.len());
    }
    out.push('\n');
    out
}

pub fn markdown(columns: &[Column], table: &Table) -> String {
    let labels: Vec<String> = columns.iter().map(Column::label).collect();
    let mut out = String::from("# Conformance report\n\n");
    out.push_str("Generated by `make conformance` / `make test`. Columns prefixed `pyscript:` run the same cases through PyScript's own `pyscript.ffi` (`@pyscript/core`) for information; they never fail the run.\n\n");
    let _ = writeln!(out, "| case | {} |", labels.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(labels.len()));
    for (name, row) in table {
        let cells: Vec<&str> = labels.iter().map(|l| row.get(l).map_or("-", Status::cell)).collect();
        let _ = writeln!(out, "| `{name}` | {} |", cells.join(" | "));
    }
    out.push_str("\n## Differences\n\n");
    for (name, row) in table {
        for (label, status) in row {
            match status {
                Status::Mismatch(diff) => {
                    let _ = writeln!(out, "- `{name}` on {label}: {}", diff.replace('|', "\\|"));
                }
                Status::Leak { before, after } => {
                    let _ = writeln!(out, "- `{name}` on {label}: live proxies {before} → {after}");
                }
                Status::NotApplicable(why) => {
                    let _ = writeln!(out, "- `{name}` does not run on {label}: {why}");
                }
                _ => {}
            }
        }
    }
    out
}

pub fn json_report(columns: &[Column], table: &Table) -> Value {
    let cases: serde_json::Map<String, Value> = table
        .iter()
        .map(|(name, row)| {
            let cells: serde_json::Map<String, Value> = row
                .iter()
                .map(|(label, status)| {
                    let detail = match status {
                        Status::Mismatch(diff) => json!({"status": "fail", "difference": diff}),
                        Status::Leak { before, after } => {
                            json!({"status": "leak", "live_before": before, "live_after": after})
                        }
                        Status::Pass => json!({"status": "pass"}),
                        Status::NoExpectation => json!({"status": "no-expectation"}),
                        Status::NotRun => json!({"status": "not-run"}),
                        Status::NotApplicable(why) => json!({"status": "not-applicable", "reason": why}),
                    };
                    (label.clone(), detail)
                })
                .collect();
            (name.clone(), Value::Object(cells))
        })
        .collect();
    json!({
        "columns": columns.iter().map(|c| json!({"label": c.label(), "interpreter": c.interp, "host": c.host, "ffi": c.mode})).collect::<Vec<_>>(),
        "cases": cases,
    })
}
