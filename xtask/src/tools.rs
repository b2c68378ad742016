//! Installs what is missing, once: the wasm target, trunk, wasm-bindgen-cli (the exact version in Cargo.lock),
//! the end-to-end suite's npm packages (with binaryen's wasm-opt), and Chromium with ChromeDriver.

use crate::process::{output, run};
use crate::{root, TaskResult};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The trunk version that installs on this toolchain (0.22 needs a newer rustc).
const TRUNK_VERSION: &str = "0.21.14";

/// Paths of the browser tools the tests use.
pub struct Browser {
    /// Chromium (or Chrome) executable.
    pub chrome: PathBuf,
    /// ChromeDriver executable (for the wasm tests).
    pub chromedriver: PathBuf,
}

/// The build tools: the wasm target, trunk, wasm-bindgen-cli, npm packages. Returns the PATH to build with.
pub fn ensure_build_tools() -> Result<String, String> {
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    let bindgen = wasm_bindgen_version()?;
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &bindgen, false)?;
    ensure_npm_packages()?;
    Ok(tool_path())
}

/// PATH with binaryen's working `wasm-opt` (npm) and cargo's bin folder first.
pub fn tool_path() -> String {
    let node_bin = root().join("end2end/node_modules/.bin");
    let cargo_bin = cargo_bin();
    let old = std::env::var("PATH").unwrap_or_default();
    format!("{}:{}:{old}", node_bin.display(), cargo_bin.display())
}

/// Where `cargo install` puts binaries: `$CARGO_HOME/bin`, or `~/.cargo/bin`.
pub fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var("HOME").unwrap_or_else(|_| "/root".into())).join(".cargo"))
        .join("bin")
}

/// Whether the standard library's sources (rustup's `rust-src`, which `cargo xtask dist` builds the standard library
/// from) are installed, installing them when they are not.
pub fn ensure_std_sources() -> bool {
    ensure_rustup("component", "rust-src").is_ok()
}

fn ensure_wasm_target() -> TaskResult {
    ensure_rustup("target", "wasm32-unknown-unknown")
}

/// A rustup `component` or `target` of the toolchain, added when `rustup <kind> list --installed` does not list it.
fn ensure_rustup(kind: &str, name: &str) -> TaskResult {
    let installed = output(Command::new("rustup").args([kind, "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == name) {
        return Ok(());
    }
    run(Command::new("rustup").args([kind, "add", name]))
}

pub fn ensure_cargo_tool(binary: &str, krate: &str, version: &str, locked: bool) -> TaskResult {
    let path = cargo_bin().join(binary);
    let reported = output(Command::new(&path).arg("--version")).unwrap_or_default();
    if reported.split_whitespace().any(|word| word == version) {
        return Ok(());
    }
    println!("Installing {krate} {version} (once; this takes a few minutes)…");
    let mut install = Command::new("cargo");
    install.args(["install", krate, "--version", version]);
    if locked {
        install.arg("--locked");
    }
    run(&mut install)
}

/// The `wasm-bindgen` version Cargo.lock pins: wasm-bindgen-cli must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

fn ensure_npm_packages() -> TaskResult {
    if output(Command::new("npm").arg("--version")).is_none() {
        return Err("Node.js and npm are needed for the end-to-end suite and wasm-opt. Install them (Debian: \
                    `apt-get install nodejs npm`, Node 20 or newer) and run the command again."
            .into());
    }
    let dir = root().join("end2end");
    let marker = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    if is_newer_or_same(&marker, &lock) && is_newer_or_same(&marker, &dir.join("package.json")) {
        return Ok(());
    }
    let verb = if lock.exists() { "ci" } else { "install" };
    run(Command::new("npm").args([verb, "--no-audit", "--no-fund"]).current_dir(&dir))
}

fn is_newer_or_same(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(a), Some(b)) if a >= b)
}

/// Chromium and ChromeDriver: from `CHROME` / `CHROMEDRIVER`, the usual places, or Debian's packages when root.
pub fn ensure_browser() -> Result<Browser, String> {
    let find = |variable: &str, candidates: &[&str]| {
        std::env::var_os(variable)
            .map(PathBuf::from)
            .or_else(|| candidates.iter().map(PathBuf::from).find(|p| p.exists()))
    };
    let chrome_candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    let driver_candidates = ["/usr/bin/chromedriver"];
    if let (Some(chrome), Some(chromedriver)) =
        (find("CHROME", &chrome_candidates), find("CHROMEDRIVER", &driver_candidates))
    {
        return Ok(Browser { chrome, chromedriver });
    }
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err("Chromium and ChromeDriver are needed for the browser tests. Install them (Debian: \
                    `apt-get install chromium chromium-driver`) or set CHROME=/path/to/chrome and \
                    CHROMEDRIVER=/path/to/chromedriver."
            .into());
    }
    run(Command::new("apt-get").arg("update").env("DEBIAN_FRONTEND", "noninteractive"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))?;
    match (find("CHROME", &chrome_candidates), find("CHROMEDRIVER", &driver_candidates)) {
        (Some(chrome), Some(chromedriver)) => Ok(Browser { chrome, chromedriver }),
        _ => Err("Chromium was installed but not found; set CHROME and CHROMEDRIVER".into()),
    }
}
