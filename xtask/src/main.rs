//! `cargo xtask dev|test|bench|dist|audit|conformance`: sets up what is missing, then builds, serves, tests or measures the portal.

mod audit;
mod bench;
mod conformance;
mod dev;
mod dist;
mod engines;
mod process;
mod size_report;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

/// The result of a task: an error is a sentence for the person at the terminal.
pub type TaskResult = Result<(), String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dev") => dev::run(),
        Some("test") => test::run(&args[1..]),
        Some("bench") => bench::run(),
        Some("dist") => dist::run(&args[1..]),
        Some("audit") => audit::run_audit(),
        Some("conformance") => conformance::run_conformance(),
        _ => {
            eprintln!("usage: cargo xtask <dev|test|bench|dist|audit|conformance>\n");
            eprintln!("  dev    set up missing tools, start the reference backend with demo data and `trunk serve`");
            eprintln!("  test   format and lints, audit, native and wasm tests, release build, conformance, end-to-end in three engines");
            eprintln!("         (--update-snapshots renews the gallery's screenshot baselines)");
            eprintln!("  bench  release sizes (raw and brotli), Lighthouse scores, load and interaction timings");
            eprintln!("  dist   the deployable dist/: release build, no inline script, precompressed .br and .gz");
            eprintln!("         (--base-path /portal/ serves it under that path)");
            eprintln!("  audit  cargo deny: advisories (offline snapshot when there is one), licenses, bans, sources");
            eprintln!("  conformance  schemathesis against the reference backend and contract/openapi.yaml");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the workspace").to_path_buf()
}
