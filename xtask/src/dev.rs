//! `cargo xtask dev`: the reference backend with demo data, and `trunk serve` proxying `/api/` to it.

use crate::process::{self, start_backend, Guarded};
use crate::{root, tools, TaskResult};
use std::process::Command;

/// The port Trunk.toml's proxy points at.
const BACKEND_PORT: &str = "8787";
/// The payments origin's port (`payments_origin` in public/config.json).
const PAYMENTS_PORT: &str = "8788";
/// Where `trunk serve` serves the app (Trunk.toml), by address and by name: the hosted card fields serve both.
const APP_ORIGINS: [&str; 2] = ["http://127.0.0.1:8080", "http://localhost:8080"];
/// The demo purchaser (see backend/README.md).
const DEMO_USER: &str = "asa.ostrom@contoso.se";

pub fn run() -> TaskResult {
    let path = tools::ensure_build_tools()?;
    run_cargo_build_backend()?;
    let db = root().join("target/dev.db");
    let db = db.to_string_lossy();
    let mut args = vec!["--dev", "--port", BACKEND_PORT, "--payments-port", PAYMENTS_PORT, "--db", &db];
    for origin in APP_ORIGINS {
        args.extend(["--app-origin", origin]);
    }
    let (_backend, _url) = start_backend(&root().join("target/debug/backend"), &args)?;
    println!("\nThe portal: http://127.0.0.1:8080/");
    println!("Sign in as the demo purchaser: http://127.0.0.1:8080/dev/sign-in?user={DEMO_USER}&redirect=/products");
    println!("(or choose another demo user at http://127.0.0.1:8080/dev/sign-in). Ctrl-C stops both.\n");
    let mut command = Command::new("trunk");
    command.arg("serve").current_dir(root()).env("PATH", path);
    let mut trunk = Guarded(command.spawn().map_err(|e| format!("could not start trunk: {e}"))?);
    let status = trunk.0.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("trunk serve ended ({status})"))
    }
}

fn run_cargo_build_backend() -> TaskResult {
    process::run(Command::new("cargo").args(["build", "-p", "backend"]).current_dir(root()))
}
