//! The dependency audit: `cargo deny check` (advisories, licenses, bans, sources; see `deny.toml`).
//!
//! The advisory database comes from the snapshot in `../shared/advisory-db` (or `ADVISORY_DB_SNAPSHOT`) when there
//! is one: cargo-deny wants a git repository, so the snapshot is committed once into a repository under
//! `target/advisory-dbs` and read with `--offline`. Without a snapshot cargo-deny fetches the database as usual.
//! When it can do neither, the licenses, bans and sources checks still run and the audit says loudly that
//! advisories were not checked.

use crate::process::{output, run};
use crate::{root, TaskResult};
use std::path::{Path, PathBuf};
use std::process::Command;

const CARGO_DENY_VERSION: &str = "0.20.2";
/// The folder cargo-deny looks for under `db-path` for the default database URL.
const DB_FOLDER: &str = "advisory-db-3157b0e258782691";

pub fn run_audit() -> TaskResult {
    crate::tools::ensure_cargo_tool("cargo-deny", "cargo-deny", CARGO_DENY_VERSION, true)?;
    // cargo-deny reads every crate's manifest, and `--offline` keeps cargo from downloading them: on a machine
    // whose cargo cache is empty, they are fetched first (from the registry, which is reachable).
    run(Command::new("cargo").args(["fetch", "--locked"]).current_dir(root()))?;
    let deny = || {
        let mut command = Command::new("cargo");
        command.args(["deny", "--locked"]).current_dir(root());
        command
    };
    match snapshot() {
        Some(snapshot) => {
            prepare_offline_db(&snapshot)?;
            println!("Advisories: the snapshot in {}", snapshot.display());
            run(deny().args(["--offline", "check", "--hide-inclusion-graph"]))
        }
        None => match run(deny().args(["check", "--hide-inclusion-graph"])) {
            Ok(()) => Ok(()),
            Err(_) if !can_fetch() => {
                run(deny().args(["--offline", "check", "--hide-inclusion-graph", "licenses", "bans", "sources"]))?;
                eprintln!(
                    "\n*** ADVISORIES NOT CHECKED: no snapshot at ../shared/advisory-db (or ADVISORY_DB_SNAPSHOT) and \
                     the advisory database could not be fetched. Licenses, bans and sources passed. ***\n"
                );
                Ok(())
            }
            Err(error) => Err(error),
        },
    }
}

fn snapshot() -> Option<PathBuf> {
    let candidate = std::env::var_os("ADVISORY_DB_SNAPSHOT")
        .map(PathBuf::from)
        .or_else(|| root().parent().map(|p| p.join("shared/advisory-db")))?;
    candidate.join("crates").is_dir().then_some(candidate)
}

/// Whether the advisory database's host answers (a fetch failure there is not a finding).
fn can_fetch() -> bool {
    output(Command::new("git").args(["ls-remote", "--heads", "https://github.com/rustsec/advisory-db"])).is_some()
}

/// Copies the snapshot into a one-commit git repository where cargo-deny looks, once per snapshot.
fn prepare_offline_db(snapshot: &Path) -> TaskResult {
    let db = root().join("target/advisory-dbs").join(DB_FOLDER);
    let stamp = db.join(".snapshot-source");
    let source = std::fs::read_to_string(snapshot.join("SNAPSHOT.md")).unwrap_or_default();
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s == source) {
        return Ok(());
    }
    let _ = std::fs::remove_dir_all(&db);
    std::fs::create_dir_all(&db).map_err(|e| format!("{}: {e}", db.display()))?;
    run(Command::new("cp").arg("-R").arg(format!("{}/.", snapshot.display())).arg(&db))?;
    let git = |args: &[&str]| {
        let mut command = Command::new("git");
        command
            .args(["-c", "user.name=xtask", "-c", "user.email=xtask@localhost", "-c", "commit.gpgsign=false"])
            .args(args)
            .current_dir(&db);
        run(&mut command)
    };
    git(&["init", "--quiet"])?;
    git(&["add", "-A"])?;
    git(&["commit", "--quiet", "-m", "advisory database snapshot"])?;
    std::fs::write(&stamp, source).map_err(|e| format!("{}: {e}", stamp.display()))
}
