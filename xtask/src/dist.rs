//! `cargo xtask dist`: the deployable `dist/`, built without trunk (which cannot split a wasm module):
//! 1. the app's release wasm with the `split` feature, linked with relocations (`--emit-relocs`), with a standard
//!    library built without panic messages;
//! 2. split into a main module (the shell and the products list) and one module per area of the app (`src/areas.rs`:
//!    subscriptions, billing, confirmation, extras; chunks hold what areas share), loaded on first use, by
//!    `wasm_split_cli_support` (the splitter `cargo leptos --split` uses), which also writes the loader
//!    (`__wasm_split.js`);
//! 3. `wasm-bindgen` on the main module, then binaryen's `wasm-opt -Oz` on every module; esbuild bundles the
//!    start-up script, the glue and the loader into one minified `portal.js`, and minifies the stylesheet;
//! 4. every generated file named with one content hash of the whole build (`portal-<hash>.js`,
//!    `portal-<hash>_bg.wasm`, `split_billing-<hash>.wasm`, `chunk_3-<hash>.wasm`): the files refer to each other,
//!    in a cycle, so they share it;
//! 5. `index.html` from the source one, its `data-trunk` links resolved: stylesheet and script with subresource
//!    integrity, the script a file of its own (the Content-Security-Policy allows no inline script);
//! 6. precompressed `.br` and `.gz` siblings of every text and wasm file (`config.json` excepted: deployments edit
//!    it, and a stale compressed copy would win).

use crate::process;
use crate::{root, TaskResult};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

mod publish;

/// The split modules' loader as the splitter names it (imported by the glue, importing it: bundled into `portal.js`).
const LOADER: &str = "__wasm_split.js";

/// `--base-path /portal/` serves the app under that path (default `/`).
pub fn run(args: &[String]) -> TaskResult {
    let base_path = match args {
        [] => None,
        [option, value] if option == "--base-path" => Some(value.as_str()),
        [option] if option.starts_with("--base-path=") => option.strip_prefix("--base-path="),
        _ => return Err("cargo xtask dist takes --base-path /path/ and nothing else".into()),
    };
    if let Some(base_path) = base_path.filter(|b| !publish::is_base_path(b)) {
        return Err(format!(
            "--base-path {base_path}: an absolute path of letters, digits, - . _ ~ ending with /, without . or .. \
             segments, outside /api/ and /dev/"
        ));
    }
    let path = crate::tools::ensure_build_tools()?;
    build(&path)?;
    if let Some(base_path) = base_path {
        publish::set_base_path(&root().join("dist"), base_path)?;
        println!("\nServed under {base_path}: index.html's <base href> says so.");
    }
    println!("\nThe deployable app is in {} (see the README's “Deploying” section).", root().join("dist").display());
    Ok(())
}

/// A copy of the built `dist/` in `to`, served under `base_path` (`/portal/`): what `--base-path` builds, without
/// building again (the end-to-end suite's pass under a sub-path).
pub fn copy_under_base_path(to: &Path, base_path: &str) -> TaskResult {
    if to.exists() {
        std::fs::remove_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for file in files_in(&root().join("dist"))? {
        let name = file.file_name().unwrap_or_default();
        std::fs::copy(&file, to.join(name)).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    publish::set_base_path(to, base_path)
}

/// Builds `dist/` with the tools on `path`.
pub fn build(path: &str) -> TaskResult {
    let work = root().join("target/dist-work");
    let dist = root().join("dist");
    for dir in [&work, &dist] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut cargo = Command::new("cargo");
    cargo.args(["rustc", "--release", "--target", "wasm32-unknown-unknown", "--bin", "portal", "--features", "split"]);
    if crate::tools::ensure_std_sources() {
        std_built_for_size(&mut cargo);
    } else {
        println!(
            "The standard library's sources (rustup's rust-src) are not installed and could not be: building with \
             the prebuilt standard library, which carries panic messages and Debug formatting (about 25 KB \
             brotli more)."
        );
    }
    process::run(cargo.args(["--", "-Clink-args=--emit-relocs"]).current_dir(root()).env("PATH", path))?;
    split(&release_wasm(), &work)?;
    process::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript"])
            .args(["--out-name", "portal", "--out-dir"])
            .arg(&work)
            .arg(work.join("main.wasm"))
            .env("PATH", path),
    )?;
    std::fs::remove_file(work.join("main.wasm")).map_err(|e| format!("main.wasm: {e}"))?;
    write(&main_module_named(), &read(&work.join("portal_bg.wasm"))?)?;
    let modules: Vec<PathBuf> =
        files_in(&work)?.into_iter().filter(|f| f.extension().is_some_and(|e| e == "wasm")).collect();
    optimise(&modules, path)?;
    write(&work.join("main.css"), &read(&root().join("style/main.css"))?)?;
    write(&work.join("init.js"), INIT_SCRIPT.as_bytes())?;
    bundle(&work, path)?;
    let names = publish::publish(&work, &dist)?;
    publish::write_index(&dist, &names)?;
    precompress(&dist)
}

/// Builds the standard library from its sources, for size, with panics that stop the program at once instead of
/// formatting a message: the panic machinery, every panic's message and source location and the code formatting
/// them leave the wasm (23 KB brotli of the main module). A panic then shows in the console as
/// `RuntimeError: unreachable` without its message (`trunk serve` builds keep the messages). `Debug` formatting is
/// compiled out too (`-Zfmt-debug=none`: `{:?}` writes nothing; the app shows errors through their translated
/// messages, never their `Debug` form), and so are the caller locations `#[track_caller]` keeps
/// (`-Zlocation-detail=none`): 3.2 KB brotli more of the initial load. Building the standard
/// library is an unstable cargo feature: `RUSTC_BOOTSTRAP` allows it on the pinned stable toolchain
/// (rust-toolchain.toml), so the flags cannot change under the build. The symbols stay in the legacy mangling that
/// the bench's size report reads (an unstable-enabled rustc would use v0).
fn std_built_for_size(cargo: &mut Command) {
    cargo
        .args(["-Zbuild-std=std,panic_abort", "-Zbuild-std-features=optimize_for_size", "--config"])
        .arg(r#"target.wasm32-unknown-unknown.rustflags=["-Zunstable-options", "-Cpanic=immediate-abort", "-Zfmt-debug=none", "-Zlocation-detail=none", "-Csymbol-mangling-version=legacy"]"#)
        .env("RUSTC_BOOTSTRAP", "1");
}

/// Runs `wasm-opt -Oz` on every module, as many at a time as there are cores.
fn optimise(modules: &[PathBuf], path: &str) -> TaskResult {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> TaskResult {
                    loop {
                        let Some(module) = modules.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) else {
                            return Ok(());
                        };
                        let output = Command::new("wasm-opt")
                            .args(["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int"])
                            .args(["--enable-sign-ext", "--enable-reference-types", "--enable-mutable-globals"])
                            .args(["--enable-multivalue", "--quiet"])
                            .arg(module)
                            .arg("-o")
                            .arg(module)
                            .env("PATH", path)
                            .output()
                            .map_err(|e| format!("wasm-opt: {e}"))?;
                        if !output.status.success() {
                            return Err(format!(
                                "wasm-opt {}: {}",
                                module.display(),
                                String::from_utf8_lossy(&output.stderr)
                            ));
                        }
                    }
                })
            })
            .collect();
        handles.into_iter().try_for_each(|h| h.join().unwrap_or_else(|_| Err("wasm-opt worker panicked".into())))
    })?;
    println!("wasm-opt -Oz: {} modules", modules.len());
    Ok(())
}

/// Bundles the start-up script, wasm-bindgen's glue and the split modules' loader into one minified script,
/// `portal.js` (they import each other: three requests, the loader's found only once the glue was read, become
/// one), and minifies the stylesheet, with esbuild (npm). The glue's import module names (the wasm was linked
/// with them) and the loader's module paths stay; comments and whitespace go, and local names shorten. The glue
/// names its import module once per split module (the same module): esbuild's warning about those repeated keys
/// is silenced.
fn bundle(work: &Path, path: &str) -> TaskResult {
    let esbuild = |args: &[&str]| {
        process::run(
            Command::new("esbuild")
                .args(args)
                .args(["--minify", "--log-level=warning", "--log-override:duplicate-object-key=silent"])
                .arg("--allow-overwrite")
                .current_dir(work)
                .env("PATH", path),
        )
    };
    esbuild(&["init.js", "--bundle", "--format=esm", "--outfile=portal.js"])?;
    esbuild(&["main.css", "--outfile=main.css"])?;
    for merged in ["init.js", LOADER] {
        std::fs::remove_file(work.join(merged)).map_err(|e| format!("{merged}: {e}"))?;
    }
    Ok(())
}

/// The release wasm cargo links.
fn release_wasm() -> PathBuf {
    root().join("target/wasm32-unknown-unknown/release/portal.wasm")
}

/// The main module as the initial load carries it, before wasm-opt (which drops the function names): what the
/// bench's size report reads.
pub fn main_module_named() -> PathBuf {
    root().join("target/main-module-named.wasm")
}

fn write(path: &Path, bytes: &[u8]) -> TaskResult {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The files in `dir`, sorted.
fn files_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    files.sort();
    Ok(files)
}

/// Splits `wasm` into `work/main.wasm`, the areas' modules and the loader.
fn split(wasm: &Path, work: &Path) -> TaskResult {
    let input = read(wasm)?;
    let mut options = wasm_split_cli_support::Options::new(&input);
    let main = work.join("main.wasm");
    options.output_dir = work;
    options.main_out_path = &main;
    options.main_module = "./portal.js";
    let link_name = format!("./{LOADER}");
    options.link_name = &link_name;
    let split =
        wasm_split_cli_support::transform(options).map_err(|e| format!("splitting {}: {e:#}", wasm.display()))?;
    println!("split into a main module and {} modules loaded on first use", split.split_modules.len());
    Ok(())
}

/// The start-up script, the entry of the bundle `portal.js`: instantiates the main module and announces the start
/// as trunk's loader does (`TrunkApplicationStarted`, the wasm exports in its detail), which the bench reads wasm
/// memory from. It does not preload the modules of the area the address is in: they would share the connection
/// with the main module and delay the page's first paint (its frame, in the main module); the area asks for them
/// once that paint is done (`src/first_paint.rs`). While the main module downloads, it makes a date formatter: the
/// browser's first `Intl` formatter loads its locale data (15–30 ms here, in whichever language), which would
/// otherwise be a long task of the app's first list with dates; the app's own formatters are then made in under a
/// millisecond.
const INIT_SCRIPT: &str = "import init from \"./portal.js\";\n\
     try { new Intl.DateTimeFormat(navigator.languages, { dateStyle: \"medium\", timeZone: \"UTC\" }).format(0); } catch {}\n\
     const wasm = await init({ module_or_path: new URL(\"./portal_bg.wasm\", import.meta.url) });\n\
     dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", { detail: { wasm } }));\n";

/// Writes `.br` (quality 11) and `.gz` (level 9) beside every compressible file.
fn precompress(dist: &Path) -> TaskResult {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let file = entry.path();
        let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let compressible =
            matches!(file.extension().and_then(|e| e.to_str()), Some("wasm" | "js" | "css" | "html" | "svg"));
        if !compressible || name == "config.json" {
            continue;
        }
        let bytes = read(&file)?;
        write(&dist.join(format!("{name}.br")), &brotli(&bytes)?)?;
        write(&dist.join(format!("{name}.gz")), &gzip(&bytes)?)?;
    }
    Ok(())
}

/// Brotli at quality 11 with a 4 MiB window (what a precompressed deployment serves).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    {
        let mut writer = ::brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}
