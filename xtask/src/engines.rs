//! Firefox and WebKit, for the cross-engine end-to-end projects (`end2end/tests/engines/`) and the wasm tests in
//! Firefox: Debian's `firefox-esr`, WebKitGTK's `WebKitWebDriver` and `MiniBrowser`, Xvfb for MiniBrowser's window, a
//! US English locale (the browsers' date controls follow it), geckodriver from crates.io, and the font packages the
//! gallery's screenshots are pinned to.

use crate::process::{output, run};
use crate::tools::ensure_cargo_tool;
use crate::TaskResult;
use std::path::{Path, PathBuf};
use std::process::Command;

const GECKODRIVER_VERSION: &str = "0.37.1";
const PACKAGES: [&str; 6] =
    ["firefox-esr", "webkit2gtk-driver", "xvfb", "locales", "fonts-dejavu-core", "fonts-droid-fallback"];
const FIREFOX: &str = "/usr/bin/firefox-esr";
const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const FONTS: [&str; 2] =
    ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"];
const LOCALE: &str = "en_US.UTF-8";

/// Paths of the other engines' programs.
pub struct Engines {
    pub firefox: PathBuf,
    pub geckodriver: PathBuf,
    pub webkit_driver: PathBuf,
    pub minibrowser: PathBuf,
}

impl Engines {
    /// The environment the end-to-end suite reads them from (`end2end/tests/engines/webdriver.ts`).
    pub fn apply(&self, command: &mut Command) {
        command
            .env("FIREFOX", &self.firefox)
            .env("GECKODRIVER", &self.geckodriver)
            .env("WEBKIT_DRIVER", &self.webkit_driver)
            .env("MINIBROWSER", &self.minibrowser);
    }
}

/// Installs what is missing (Debian's packages when root, geckodriver with cargo) and returns the programs' paths.
pub fn ensure_engines() -> Result<Engines, String> {
    let programs = [FIREFOX, WEBKIT_DRIVER, MINIBROWSER, "/usr/bin/xvfb-run"];
    let missing = programs.iter().chain(FONTS.iter()).any(|p| !Path::new(p).exists());
    if missing {
        install_packages()?;
    }
    ensure_locale()?;
    ensure_cargo_tool("geckodriver", "geckodriver", GECKODRIVER_VERSION, false)?;
    let geckodriver = crate::tools::cargo_bin().join("geckodriver");
    Ok(Engines {
        firefox: FIREFOX.into(),
        geckodriver,
        webkit_driver: WEBKIT_DRIVER.into(),
        minibrowser: MINIBROWSER.into(),
    })
}

/// wasm-bindgen-test-runner's capabilities for Firefox (it finds no `firefox` binary on Debian by itself).
pub fn firefox_capabilities(engines: &Engines, target: &Path) -> Result<PathBuf, String> {
    let path = target.join("webdriver-firefox.json");
    let json =
        format!(r#"{{"moz:firefoxOptions": {{"binary": "{}", "args": ["-headless"]}}}}"#, engines.firefox.display());
    std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

fn install_packages() -> TaskResult {
    if !is_root() {
        return Err(format!(
            "Firefox, WebKitGTK's WebDriver, Xvfb and the pinned fonts are needed for the cross-engine tests. Install \
             them (Debian: `apt-get install {}`) and run the command again.",
            PACKAGES.join(" ")
        ));
    }
    run(Command::new("apt-get").arg("update").env("DEBIAN_FRONTEND", "noninteractive"))?;
    // With their recommended packages, as the screenshot baselines were made: those bring fonts as well.
    run(Command::new("apt-get").args(["install", "-y"]).args(PACKAGES).env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The US English locale, generated when `locale -a` does not list it.
fn ensure_locale() -> TaskResult {
    let listed = output(Command::new("locale").arg("-a")).unwrap_or_default();
    if listed.lines().any(|l| l.eq_ignore_ascii_case("en_US.utf8")) {
        return Ok(());
    }
    if !is_root() {
        return Err(format!("The {LOCALE} locale is needed for the cross-engine tests: generate it (`locale-gen`)."));
    }
    let config = "/etc/locale.gen";
    let current = std::fs::read_to_string(config).unwrap_or_default();
    std::fs::write(config, format!("{current}\n{LOCALE} UTF-8\n")).map_err(|e| format!("{config}: {e}"))?;
    run(&mut Command::new("locale-gen"))
}
