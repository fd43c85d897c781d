//! `conformance`: runs every case of `conformance/cases/` on {pyodide, micropython} x
//! {node, chromium}, compares each with its one expected result, prints the matrix and
//! writes `target/conformance/report.{md,json}`. Exits non-zero on any mismatch or leak.
//!
//! ```text
//! conformance [--host node|chromium|pyscript|pyscript-worker|all] [--interp pyodide|micropython|all]
//!             [--releases default|all|VERSION[,VERSION]] [--reference pyscript] [--bless] [FILTER]
//! ```
//!
//! `--releases all` adds the other releases of versions.json to the same matrix (one
//! column per release and host, labelled `pyodide@314.0.8/node`): the newest release of each
//! interpreter on every host asked for, the others in Node only (`runs_everywhere_or_node`).
//! `--releases 1.29.0-6` runs just the releases named, on every host asked for.

mod cases;
mod column;
#[cfg(test)]
mod docs;
mod not_run;
mod report;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use column::{Column, Release};

/// `pyscript` and `pyscript-worker`: inside a real PyScript page with the plugin, in a
/// `py`/`mpy` script on the main thread or in a `<script worker>` (Chromium).
const HOSTS: [&str; 4] = ["node", "chromium", "pyscript", "pyscript-worker"];
/// PyScript's own ffi (the reference column) runs where an interpreter is loaded by hand.
const REFERENCE_HOSTS: [&str; 2] = ["node", "chromium"];

/// Which releases of versions.json get columns.
#[derive(Debug, Default, PartialEq)]
enum Releases {
    /// Each interpreter's default (what PyScript loads).
    #[default]
    Default,
    /// Every release: the default and the newest on every host, the others in Node.
    All,
    /// These, on every host asked for.
    Named(Vec<String>),
}

#[derive(Debug, Default)]
struct Args {
    hosts: Vec<&'static str>,
    interps: Vec<&'static str>,
    reference: bool,
    releases: Releases,
    bless: bool,
    filter: Option<String>,
}

fn pick(value: Option<String>, all: &[&'static str], flag: &str) -> Result<Vec<&'static str>, String> {
    match value.as_deref() {
        None | Some("all") => Ok(all.to_vec()),
        Some(v) => all
            .iter()
            .find(|a| **a == v)
            .map(|a| vec![*a])
            .ok_or_else(|| format!("{flag} takes {} or all, got {v}", all.join(", "))),
    }
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args::default();
    let (mut host, mut interp) = (Some("node".to_owned()), None);
    let mut argv = std::env::args().skip(1);
    while let Some(arg) = argv.next() {
        match arg.as_str() {
            "--host" => host = Some(argv.next().ok_or("--host needs a value")?),
            "--interp" => interp = Some(argv.next().ok_or("--interp needs a value")?),
            "--reference" => {
                let which = argv.next().ok_or("--reference needs a value")?;
                if which != "pyscript" {
                    return Err(format!("--reference takes pyscript, got {which}"));
                }
                args.reference = true;
            }
            "--releases" => {
                args.releases = match argv.next().ok_or("--releases needs a value")?.as_str() {
                    "default" => Releases::Default,
                    "all" => Releases::All,
                    named => Releases::Named(named.split(',').map(str::to_owned).collect()),
                }
            }
            "--bless" => args.bless = true,
            "-h" | "--help" => return Err(HELP.to_owned()),
            other if other.starts_with('-') => return Err(format!("unknown option {other}\n{HELP}")),
            other => args.filter = Some(other.to_owned()),
        }
    }
    args.hosts = pick(host, &HOSTS, "--host")?;
    args.interps = pick(interp, &interpreters(&repo_root())?, "--interp")?;
    Ok(args)
}

const HELP: &str = "usage: conformance [--host node|chromium|pyscript|pyscript-worker|all] [--interp NAME|all (versions.json: pyodide, micropython)] [--releases default|all|VERSION[,VERSION]] [--reference pyscript] [--bless] [FILTER]";

/// The interpreters of the adapter table (versions.json's keys, in its order). Read once
/// per run; the names live as long as the run (columns hold them as `&'static str`).
fn interpreters(root: &Path) -> Result<Vec<&'static str>, String> {
    let table = read_table(root)?;
    let names = table
        .as_object()
        .ok_or("versions.json: not an object of interpreters")?
        .keys()
        .map(|name| &*Box::leak(name.clone().into_boxed_str()))
        .collect();
    Ok(names)
}

fn read_table(root: &Path) -> Result<serde_json::Value, String> {
    let path = root.join("versions.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("versions.json: {e}"))
}

/// The releases of `interp` in versions.json (`table`, as read_table gives it), in its
/// order (oldest first).
fn releases(table: &serde_json::Value, interp: &str) -> Result<Vec<Release>, String> {
    let entry = table.get(interp);
    let default = entry
        .and_then(|e| e.get("default"))
        .and_then(serde_json::Value::as_str)
        .ok_or_else(|| format!("versions.json: {interp} has no default"))?;
    let versions = entry
        .and_then(|e| e.get("versions"))
        .and_then(serde_json::Value::as_array)
        .ok_or_else(|| format!("versions.json: {interp} has no versions"))?;
    versions
        .iter()
        .map(|v| {
            let version = v
                .get("version")
                .and_then(serde_json::Value::as_str)
                .ok_or_else(|| format!("versions.json: a {interp} entry has no version"))?;
            Ok(Release {
                version: version.to_owned(),
                is_default: version == default,
            })
        })
        .collect()
}

/// Whether `--releases all` runs `release` on `host`: the default and the newest on every
/// host asked for, the others in Node only (docs/versions.md; each column adds to the time
/// of `make test`).
fn runs_everywhere_or_node(release: &Release, newest: bool, host: &str) -> bool {
    release.is_default || newest || host == "node"
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("conformance: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool, String> {
    let args = parse_args()?;
    let root = repo_root();
    let cases = cases::discover(&root.join("conformance/cases"), args.filter.as_deref())?;
    if cases.is_empty() {
        return Err("no cases matched".to_owned());
    }
    let modes: &[&'static str] = if args.reference {
        &["ours", "pyscript"]
    } else {
        &["ours"]
    };
    let versions = read_table(&root)?;
    let table: Vec<(&'static str, Vec<Release>)> = args
        .interps
        .iter()
        .map(|interp| releases(&versions, interp).map(|all| (*interp, all)))
        .collect::<Result<_, _>>()?;
    let mut columns: Vec<Column> = Vec::new();
    for mode in modes {
        for host in &args.hosts {
            if *mode != "ours" && !REFERENCE_HOSTS.contains(host) {
                continue;
            }
            for (interp, all) in &table {
                for (i, release) in all.iter().enumerate() {
                    // The reference column (PyScript's ffi) on the default release only.
                    let wanted = match &args.releases {
                        _ if *mode != "ours" => release.is_default,
                        Releases::Default => release.is_default,
                        Releases::All => runs_everywhere_or_node(release, i + 1 == all.len(), host),
                        Releases::Named(names) => names.contains(&release.version),
                    };
                    if wanted {
                        columns.push(Column {
                            interp,
                            host,
                            mode,
                            release: release.clone(),
                        });
                    }
                }
            }
        }
    }
    if let Releases::Named(names) = &args.releases {
        for name in names {
            if !columns.iter().any(|c| &c.release.version == name) {
                let known: Vec<&str> = table
                    .iter()
                    .flat_map(|(_, all)| all.iter().map(|r| r.version.as_str()))
                    .collect();
                return Err(format!(
                    "--releases {name}: not a release of {} in versions.json (known: {})",
                    args.interps.join(" or "),
                    known.join(", ")
                ));
            }
        }
    }
    let ours: Vec<Column> = columns.iter().filter(|c| c.mode == "ours").cloned().collect();
    eprintln!("conformance: {} cases x {} columns", cases.len(), columns.len());
    if args.filter.is_none() {
        let unknown = not_run::unknown(&cases);
        if !unknown.is_empty() {
            return Err(format!(
                "not_run.rs lists names that are no case: {}",
                unknown.join(", ")
            ));
        }
    }
    let mut outcomes = BTreeMap::new();
    for column in &columns {
        let runs: Vec<cases::Case> = cases
            .iter()
            .filter(|c| not_run::reason(column, &c.name).is_none())
            .cloned()
            .collect();
        outcomes.insert(column.label(), column::run(&root, column, &runs)?);
    }
    if args.bless {
        return bless(&cases, &ours, &outcomes);
    }
    let table = report::table(&cases, &columns, &outcomes, not_run::reason);
    println!("{}", report::matrix(&columns, &table));
    let dir = root.join("target/conformance");
    std::fs::write(dir.join("report.md"), report::markdown(&columns, &table)).map_err(|e| e.to_string())?;
    let json = serde_json::to_string_pretty(&report::json_report(&columns, &table)).map_err(|e| e.to_string())?;
    std::fs::write(dir.join("report.json"), json).map_err(|e| e.to_string())?;

    let mut ok = true;
    for (name, row) in &table {
        for column in &ours {
            match row.get(&column.label()) {
                Some(report::Status::Pass | report::Status::NotApplicable(_)) => {}
                Some(status) => {
                    ok = false;
                    let detail = match status {
                        report::Status::Mismatch(diff) => diff.clone(),
                        report::Status::Leak { before, after } => format!("leaked proxies: live {before} -> {after}"),
                        report::Status::NoExpectation => "no expected-result file (run with --bless)".to_owned(),
                        _ => "not run".to_owned(),
                    };
                    eprintln!("FAIL {name} [{}]: {detail}", column.label());
                }
                None => ok = false,
            }
        }
    }
    let not_applicable = table
        .values()
        .map(|row| {
            ours.iter()
                .filter(|c| matches!(row.get(&c.label()), Some(report::Status::NotApplicable(_))))
                .count()
        })
        .sum::<usize>();
    let total = table.len() * ours.len() - not_applicable;
    let passed = table
        .values()
        .map(|row| {
            ours.iter()
                .filter(|c| row.get(&c.label()).is_some_and(report::Status::is_pass))
                .count()
        })
        .sum::<usize>();
    println!(
        "{passed} passed, {} failed, {not_applicable} not run where they cannot (conformance/src/not_run.rs)",
        total - passed
    );
    println!("reports: target/conformance/report.md, target/conformance/report.json");
    Ok(ok)
}

/// Rewrite expectations from this run; refuses a case whose columns disagree, since a
/// difference between interpreters is a bug, never an expectation.
fn bless(
    cases: &[cases::Case],
    ours: &[Column],
    outcomes: &BTreeMap<String, BTreeMap<String, column::Outcome>>,
) -> Result<bool, String> {
    let mut ok = true;
    for case in cases {
        let results: Vec<(String, Option<&serde_json::Value>)> = ours
            .iter()
            .map(|c| {
                (
                    c.label(),
                    outcomes
                        .get(&c.label())
                        .and_then(|o| o.get(&case.name))
                        .map(|o| &o.result),
                )
            })
            .collect();
        let Some((_, Some(first))) = results.first() else {
            continue;
        };
        if let Some((label, _)) = results.iter().find(|(_, r)| *r != Some(*first)) {
            eprintln!(
                "not blessed: {} differs on {label} from {}",
                case.name,
                results.first().map_or("", |r| r.0.as_str())
            );
            ok = false;
            continue;
        }
        let text = serde_json::to_string_pretty(first).map_err(|e| e.to_string())? + "\n";
        std::fs::write(&case.expected_path, text).map_err(|e| e.to_string())?;
        eprintln!("blessed {}", case.name);
    }
    Ok(ok)
}
