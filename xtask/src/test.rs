//! `cargo xtask test`: every test — the dependency audit, native, wasm in headless Chromium, a release build as
//! `cargo xtask dist` makes it, the third-party conformance run of the reference backend against
//! `contract/openapi.yaml` (schemathesis), and Playwright end-to-end against the build with the deployment's CSP
//! and headers.

use crate::process;
use crate::{root, tools, TaskResult};
use std::process::Command;
use std::time::Instant;

pub fn run() -> TaskResult {
    let started = Instant::now();
    let path = tools::ensure_build_tools()?;
    let browser = tools::ensure_browser()?;
    let mut steps: Vec<(&str, f64)> = Vec::new();
    let mut step = |name: &'static str, command: &mut Command| -> TaskResult {
        let t = Instant::now();
        let result = process::run(command.env("PATH", &path));
        steps.push((name, t.elapsed().as_secs_f64()));
        result
    };

    let in_root = |program: &str| {
        let mut command = Command::new(program);
        command.current_dir(root());
        command
    };
    let xtask = std::env::current_exe().map_err(|e| format!("this program's path: {e}"))?;
    step("dependency audit (cargo deny)", Command::new(&xtask).arg("audit"))?;
    step("native tests", in_root("cargo").args(["test", "--workspace", "--locked"]))?;
    step(
        "wasm tests (headless Chromium)",
        in_root("cargo")
            .args(["test", "-p", "portal", "--target", "wasm32-unknown-unknown", "--test", "browser", "--locked"])
            .env("CHROMEDRIVER", &browser.chromedriver),
    )?;
    step("release build (xtask dist)", Command::new(&xtask).arg("dist"))?;
    step("backend build", in_root("cargo").args(["build", "-p", "backend", "--locked"]))?;
    step("conformance (schemathesis)", Command::new(&xtask).arg("conformance"))?;
    step(
        "end-to-end (Playwright)",
        Command::new("npx")
            .args(["playwright", "test"])
            .current_dir(root().join("end2end"))
            .env("CHROME", &browser.chrome)
            .env("BACKEND_BIN", root().join("target/debug/backend"))
            .env("DIST_DIR", root().join("dist")),
    )?;

    println!("\nAll tests passed in {:.0} s:", started.elapsed().as_secs_f64());
    for (name, seconds) in steps {
        println!("  {name:<32} {seconds:>6.1} s");
    }
    Ok(())
}
