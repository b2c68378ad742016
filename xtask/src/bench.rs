//! `cargo xtask bench`: release build sizes (raw and brotli; where the main module's bytes go), the initial load
//! of the products list (what the browser downloads, budget 200 KB, and the time until the list shows), the hosted
//! card field's page (size, budget 15 KB, and the time to paint its field, budget 100 ms), Lighthouse
//! scores of Products, Licenses and Invoices (mobile emulation), and at scale (50,000 people, 10,000 of them
//! licensed on one subscription, an optimised backend): typeahead keystroke to results, and the licenses page's
//! first rows and memory; with 2,000 subscriptions: the products filter keystroke, opening the license-count pane,
//! switching the invoice range, and memory over 50 round trips.

use crate::process::{self, start_backend};
use crate::{root, tools, TaskResult};
use std::path::Path;
use std::process::Command;

/// The Lighthouse release the bench installs.
const LIGHTHOUSE_VERSION: &str = "13";

pub fn run() -> TaskResult {
    let path = tools::ensure_build_tools()?;
    let browser = tools::ensure_browser()?;
    crate::dist::build(&path)?;
    process::run(Command::new("cargo").args(["build", "-p", "backend"]).current_dir(root()))?;

    report_sizes(&root().join("dist"))?;
    let main = crate::dist::main_module_named();
    crate::size_report::print(&std::fs::read(&main).map_err(|e| format!("{}: {e}", main.display()))?)?;
    let dist = root().join("dist");
    let dist = dist.to_string_lossy();
    let (_backend, url) = start_backend(
        &root().join("target/debug/backend"),
        &["--dev", "--port", "0", "--payments-port", "0", "--db", ":memory:", "--static", &dist],
    )?;
    let node = |script: &str, url: &str| {
        process::run(
            Command::new("node").args([script, url]).current_dir(root().join("end2end")).env("CHROME", &browser.chrome),
        )
    };
    // The initial load's transfer, measured in the browser, and its budget (200 KB).
    let load = node("bench/load-time.mjs", &url);
    // The hosted card field's page: its size (15 KB brotli) and the time to paint its field (100 ms).
    let hosted = node("bench/hosted-field.mjs", &url);
    ensure_lighthouse()?;
    let lighthouse = process::run(
        Command::new("node")
            .args(["bench/lighthouse.mjs", &url])
            .current_dir(root().join("end2end"))
            .env("CHROME", &browser.chrome)
            .env("LIGHTHOUSE_DIR", root().join("target/lighthouse")),
    );

    // The backend's own budgets at scale, optimised: directory search p95 under 20 ms at 50,000 people.
    process::run(
        Command::new("cargo")
            .args(["test", "--release", "-p", "backend", "--test", "api", "perf::", "--", "--nocapture"])
            .current_dir(root()),
    )?;
    process::run(Command::new("cargo").args(["build", "--release", "-p", "backend"]).current_dir(root()))?;
    let (_scaled, scaled_url) = start_backend(
        &root().join("target/release/backend"),
        &[
            "--dev",
            "--port",
            "0",
            "--payments-port",
            "0",
            "--db",
            ":memory:",
            "--static",
            &dist,
            "--scale",
            "50000,10000",
        ],
    )?;
    node("bench/typeahead.mjs", &scaled_url)?;
    node("bench/licenses-page.mjs", &scaled_url)?;

    // Interactions with 2,000 subscriptions (the demo's, copied), against the optimised backend.
    let fixture = root().join("target/bench-products-fixture.json");
    process::run(
        Command::new("node")
            .arg("bench/products-fixture.mjs")
            .arg(root().join("target/release/backend"))
            .arg(&fixture)
            .current_dir(root().join("end2end")),
    )?;
    let fixture = fixture.to_string_lossy();
    let (_many, many_url) = start_backend(
        &root().join("target/release/backend"),
        &["--dev", "--port", "0", "--payments-port", "0", "--db", ":memory:", "--static", &dist, "--fixture", &fixture],
    )?;
    let interactions = node("bench/interactions.mjs", &many_url);
    // Every budget missed, not only the first.
    let missed: Vec<&str> = [
        (load.is_err(), "the initial load is over its budget"),
        (hosted.is_err(), "the hosted card field is over its size or paint budget"),
        (lighthouse.is_err(), "Lighthouse scores are under their budgets"),
        (interactions.is_err(), "interaction or memory budgets are missed"),
    ]
    .into_iter()
    .filter_map(|(failed, what)| failed.then_some(what))
    .collect();
    if missed.is_empty() {
        Ok(())
    } else {
        Err(format!("{} (see above)", missed.join("; ")))
    }
}

/// Lighthouse, for the bench only (the tests do not need it): installed once under `target/lighthouse`.
fn ensure_lighthouse() -> TaskResult {
    let dir = root().join("target/lighthouse");
    if dir.join("node_modules/lighthouse/cli/index.js").exists() {
        return Ok(());
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    process::run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--no-save", "--prefix"])
            .arg(&dir)
            .arg(format!("lighthouse@{LIGHTHOUSE_VERSION}")),
    )
}

/// Prints raw and brotli sizes of every wasm, js and css file in `dist` (most load only when a page needs them).
fn report_sizes(dist: &Path) -> TaskResult {
    let mut files: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css")))
        .collect();
    files.sort();
    println!("\n{:<48} {:>10} {:>12}", "file", "raw (KB)", "brotli (KB)");
    let (mut raw_total, mut brotli_total) = (0, 0);
    for file in files {
        let bytes = std::fs::read(&file).map_err(|e| e.to_string())?;
        let compressed = crate::dist::brotli(&bytes)?.len();
        raw_total += bytes.len();
        brotli_total += compressed;
        let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
        println!("{name:<48} {:>10.1} {:>12.1}", kb(bytes.len()), kb(compressed));
    }
    println!("{:<48} {:>10.1} {:>12.1}", "all files", kb(raw_total), kb(brotli_total));
    Ok(())
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}
