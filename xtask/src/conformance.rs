//! `cargo xtask conformance`: the third-party conformance run. schemathesis (PyPI, pinned in
//! `contract/conformance/requirements.txt`, installed once into a venv under `target/`) checks the reference
//! backend against `contract/openapi.yaml`, signed in as a purchaser and as an administrator, with every check, a
//! fixed seed and bounded examples. `contract/conformance/schemathesis.toml` holds every exception, each with its
//! reason. Expects the debug backend (`cargo build -p backend`); `cargo xtask test` runs it after that build.

use crate::process::{run, start_backend_and_payments};
use crate::{root, TaskResult};
use std::path::PathBuf;
use std::process::Command;

/// Where the venv lives.
fn venv() -> PathBuf {
    root().join("target/schemathesis-venv")
}

/// The venv with the pinned packages, made once (again when the pins change).
fn ensure_schemathesis() -> Result<PathBuf, String> {
    let venv = venv();
    let python = venv.join("bin/python");
    let requirements = root().join("contract/conformance/requirements.txt");
    let pins = std::fs::read_to_string(&requirements).map_err(|e| format!("{}: {e}", requirements.display()))?;
    let marker = venv.join("installed-requirements.txt");
    if python.exists() && std::fs::read_to_string(&marker).is_ok_and(|installed| installed == pins) {
        return Ok(python);
    }
    println!("Installing schemathesis into {} (once)", venv.display());
    run(Command::new("python3").args(["-m", "venv", "--clear"]).arg(&venv))?;
    run(Command::new(&python)
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "-r"])
        .arg(&requirements))?;
    std::fs::write(&marker, pins).map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok(python)
}

pub fn run_conformance() -> TaskResult {
    let python = ensure_schemathesis()?;
    let backend = root().join("target/debug/backend");
    if !backend.exists() {
        return Err("no target/debug/backend: run `cargo build -p backend` first".into());
    }
    let args = ["--dev", "--port", "0", "--payments-port", "0", "--db", ":memory:"];
    let (_backend, url, payments) = start_backend_and_payments(&backend, &args)?;
    // The tool's caches (`.hypothesis`, `.schemathesis`) and reports stay under `target/`.
    let work = root().join("target/conformance");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    run(Command::new(python).arg(root().join("contract/conformance/run.py")).args([&url, &payments]).current_dir(work))
}
