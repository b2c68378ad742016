//! `cargo xtask test`: every test — formatting and lints first (`cargo fmt --check`, `cargo clippy -D warnings` for
//! the workspace and for the app's wasm target), the dependency audit, native, wasm in headless Chromium and Firefox, a release build as
//! `cargo xtask dist` makes it, the third-party conformance run of the reference backend against
//! `contract/openapi.yaml` (schemathesis), and end-to-end against the build with the deployment's CSP and headers:
//! Playwright in Chromium, WebDriver in Firefox and WebKit.

use crate::process;
use crate::{engines, root, tools, TaskResult};
use std::process::Command;
use std::time::Instant;

/// `--update-snapshots` renews the gallery's screenshot baselines instead of comparing with them.
pub fn run(args: &[String]) -> TaskResult {
    let update_snapshots = args.iter().any(|a| a == "--update-snapshots");
    if let Some(unknown) = args.iter().find(|a| *a != "--update-snapshots") {
        return Err(format!("unknown option {unknown} (cargo xtask test takes --update-snapshots)"));
    }
    let started = Instant::now();
    let path = tools::ensure_build_tools()?;
    let browser = tools::ensure_browser()?;
    let engines = engines::ensure_engines()?;
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
    step("format (cargo fmt --check)", in_root("cargo").args(["fmt", "--all", "--check"]))?;
    let clippy = ["clippy", "--locked", "--all-targets"];
    let deny_warnings = ["--", "-D", "warnings"];
    step("lints (cargo clippy)", in_root("cargo").args(clippy).arg("--workspace").args(deny_warnings))?;
    step(
        "lints of the wasm target",
        in_root("cargo").args(clippy).args(["-p", "portal", "--target", "wasm32-unknown-unknown"]).args(deny_warnings),
    )?;
    step("dependency audit (cargo deny)", Command::new(&xtask).arg("audit"))?;
    step("native tests", in_root("cargo").args(["test", "--workspace", "--locked"]))?;
    step(
        "wasm tests (headless Chromium)",
        in_root("cargo")
            .args(["test", "-p", "portal", "--target", "wasm32-unknown-unknown", "--test", "browser", "--locked"])
            .env("CHROMEDRIVER", &browser.chromedriver),
    )?;
    step(
        "wasm tests (headless Firefox)",
        in_root("cargo")
            .args(["test", "-p", "portal", "--target", "wasm32-unknown-unknown", "--test", "browser", "--locked"])
            .env("GECKODRIVER", &engines.geckodriver)
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", engines::firefox_capabilities(&engines, &root().join("target"))?),
    )?;
    step("release build (xtask dist)", Command::new(&xtask).arg("dist"))?;
    let under_sub_path = root().join("target/dist-under-portal");
    crate::dist::copy_under_base_path(&under_sub_path, "/portal/")?;
    step("backend build", in_root("cargo").args(["build", "-p", "backend", "--locked"]))?;
    step("conformance (schemathesis)", Command::new(&xtask).arg("conformance"))?;
    let mut end_to_end = Command::new("npx");
    end_to_end
        .args(["playwright", "test"])
        .current_dir(root().join("end2end"))
        .env("CHROME", &browser.chrome)
        .env("BACKEND_BIN", root().join("target/debug/backend"))
        .env("DIST_DIR", root().join("dist"))
        .env("DIST_UNDER_PORTAL_DIR", &under_sub_path);
    if update_snapshots {
        end_to_end.arg("--update-snapshots");
    }
    engines.apply(&mut end_to_end);
    step("end-to-end (Chromium, Firefox, WebKit)", &mut end_to_end)?;

    println!("\nAll tests passed in {:.0} s:", started.elapsed().as_secs_f64());
    for (name, seconds) in steps {
        println!("  {name:<32} {seconds:>6.1} s");
    }
    Ok(())
}
