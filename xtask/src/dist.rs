//! `cargo xtask dist`: the deployable `dist/`, built without trunk (which cannot split a wasm module):
//! 1. the app's release wasm with the `split` feature, linked with relocations (`--emit-relocs`);
//! 2. split into a main module (the shell and the products list) and one module per area of the app (`src/areas.rs`:
//!    product, licenses, billing, admin, help, gallery; chunks hold what areas share), loaded on first use, by
//!    `wasm_split_cli_support` (the splitter `cargo leptos --split` uses), which also writes the loader
//!    (`__wasm_split.js`);
//! 3. `wasm-bindgen` on the main module, then binaryen's `wasm-opt -Oz` on every module;
//! 4. every generated file named with one content hash of the whole build (`portal-<hash>.js`,
//!    `portal-<hash>_bg.wasm`, `split_billing-<hash>.wasm`, `chunk_3-<hash>.wasm`): the files import each other,
//!    in a cycle, so they share it;
//! 5. `index.html` from the source one, its `data-trunk` links resolved: stylesheet and scripts with subresource
//!    integrity, the start-up script in a file of its own (the Content-Security-Policy allows no inline script),
//!    which also preloads the modules of the area the address is in;
//! 6. precompressed `.br` and `.gz` siblings of every text and wasm file (`config.json` excepted: deployments edit
//!    it, and a stale compressed copy would win).

use crate::process;
use crate::{root, TaskResult};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The split modules' loader as the splitter names it (imported by the main module, importing `portal.js`).
const LOADER: &str = "__wasm_split.js";

/// Where each area of the app (`src/areas.rs`) is shown: a path the area's pages start with.
const AREA_PATHS: &[(&str, &str)] = &[
    ("product", "/products/"),
    ("licenses", "/licenses"),
    ("billing", "/billing"),
    ("admin", "/admin/"),
    ("help", "/help"),
    ("gallery", "/gallery"),
];

pub fn run() -> TaskResult {
    let path = crate::tools::ensure_build_tools()?;
    build(&path)?;
    println!("\nThe deployable app is in {} (see the README's “Deploying” section).", root().join("dist").display());
    Ok(())
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
    process::run(
        Command::new("cargo")
            .args(["rustc", "--release", "--target", "wasm32-unknown-unknown", "--bin", "portal", "--features"])
            .args(["split", "--", "-Clink-args=--emit-relocs"])
            .current_dir(root())
            .env("PATH", path),
    )?;
    let areas = split(&release_wasm(), &work)?;
    process::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--keep-lld-exports", "--no-demangle", "--no-typescript"])
            .args(["--out-name", "portal", "--out-dir"])
            .arg(&work)
            .arg(work.join("main.wasm"))
            .env("PATH", path),
    )?;
    std::fs::remove_file(work.join("main.wasm")).map_err(|e| e.to_string())?;
    std::fs::copy(work.join("portal_bg.wasm"), main_module_named()).map_err(|e| e.to_string())?;
    optimise(&files_with_extension(&work, "wasm")?, path)?;
    let css = std::fs::read(root().join("style/main.css")).map_err(|e| format!("style/main.css: {e}"))?;
    write(&work.join("main.css"), &css)?;
    write(&work.join("init.js"), init_script(&areas)?.as_bytes())?;
    let names = publish(&work, &dist)?;
    write_index(&dist, &names)?;
    precompress(&dist)
}

/// Runs `wasm-opt -Oz` on every module, as many at a time as there are cores (hundreds of small modules).
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

fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

/// Splits `wasm` into `work/main.wasm`, the areas' modules and the loader; returns the files each area needs.
fn split(wasm: &Path, work: &Path) -> Result<HashMap<String, Vec<String>>, String> {
    let input = read(wasm)?;
    let mut options = wasm_split_cli_support::Options::new(&input);
    let main = work.join("main.wasm");
    options.output_dir = work;
    options.main_out_path = &main;
    options.main_module = "./portal.js";
    options.link_name = "./__wasm_split.js";
    let split =
        wasm_split_cli_support::transform(options).map_err(|e| format!("splitting {}: {e:#}", wasm.display()))?;
    println!("split into a main module and {} modules loaded on first use", split.split_modules.len());
    Ok(split.prefetch_map)
}

/// The start-up script: when the address is in an area, it starts downloading that area's modules (`areas`: the
/// splitter's area → file stems) alongside the main module, rather than after it; then it instantiates the main
/// module and announces the start as trunk's loader does (`TrunkApplicationStarted`, the wasm exports in its
/// detail), which the bench reads wasm memory from.
fn init_script(areas: &HashMap<String, Vec<String>>) -> Result<String, String> {
    let mut table = String::new();
    for (area, stems) in areas.iter().collect::<BTreeMap<_, _>>() {
        let area = area.strip_prefix("split_").unwrap_or(area);
        let Some((_, path)) = AREA_PATHS.iter().find(|(name, _)| *name == area) else {
            return Err(format!("the area `{area}` of src/areas.rs has no path in AREA_PATHS (xtask/src/dist.rs)"));
        };
        let files: Vec<String> = stems.iter().map(|stem| format!("\"./{stem}.wasm\"")).collect();
        table.push_str(&format!("  [\"{path}\", [{}]],\n", files.join(", ")));
    }
    Ok(format!(
        "import init from \"./portal.js\";\n\
         const areas = [\n{table}];\n\
         const area = areas.find(([path]) => location.pathname.startsWith(path));\n\
         for (const file of area ? area[1] : []) {{\n  \
           const link = document.createElement(\"link\");\n  \
           Object.assign(link, {{ rel: \"preload\", as: \"fetch\", crossOrigin: \"anonymous\", href: new URL(file, import.meta.url) }});\n  \
           document.head.append(link);\n\
         }}\n\
         const wasm = await init({{ module_or_path: new URL(\"./portal_bg.wasm\", import.meta.url) }});\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n"
    ))
}

/// The published names of the build's files (`portal.js` → `portal-<hash>.js`).
struct Names {
    hash: String,
}

impl Names {
    fn of(&self, file: &str) -> String {
        match file.split_once("_bg.") {
            Some((stem, extension)) => format!("{stem}-{}_bg.{extension}", self.hash),
            None => match file.rsplit_once('.') {
                Some((stem, extension)) => format!("{stem}-{}.{extension}", self.hash),
                None => format!("{file}-{}", self.hash),
            },
        }
    }
}

/// Copies the build's files from `work` into `dist` under hashed names, rewriting the references between them.
fn publish(work: &Path, dist: &Path) -> Result<Names, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(work)
        .map_err(|e| format!("{}: {e}", work.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    files.sort();
    if let Some(dir) = files.iter().find(|f| f.is_dir()) {
        return Err(format!("{}: wasm-bindgen wrote a folder (snippets?), which dist does not publish", dir.display()));
    }
    let mut digest = Sha256::new();
    for file in &files {
        digest.update(file.file_name().unwrap_or_default().as_encoded_bytes());
        digest.update(read(file)?);
    }
    let names = Names { hash: hex(&digest.finalize())[..16].to_owned() };
    let file_names: Vec<String> =
        files.iter().map(|f| f.file_name().unwrap_or_default().to_string_lossy().into_owned()).collect();
    for (file, name) in files.iter().zip(&file_names) {
        let mut bytes = read(file)?;
        if name.ends_with(".js") {
            let mut text = String::from_utf8(bytes).map_err(|e| format!("{name}: {e}"))?;
            for other in file_names.iter().filter(|other| *other != name) {
                text = rename_reference(&text, other, &names.of(other));
            }
            bytes = text.into_bytes();
        }
        write(&dist.join(names.of(name)), &bytes)?;
    }
    let main_js = std::fs::read_to_string(dist.join(names.of("portal.js"))).map_err(|e| e.to_string())?;
    if !main_js.contains(&format!("./{}", names.of(LOADER))) {
        return Err(format!("portal.js does not import {LOADER}: the split modules could not load"));
    }
    Ok(names)
}

/// `text` with its relative references to `name` (`"./name"`, `'./name'`) pointing at `renamed`; a quoted name
/// followed by `:` is an object key (the import module names the wasm was linked with), which stays.
fn rename_reference(text: &str, name: &str, renamed: &str) -> String {
    ['"', '\''].iter().fold(text.to_owned(), |text, quote| {
        let reference = format!("{quote}./{name}{quote}");
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find(&reference) {
            let after = &rest[at + reference.len()..];
            out.push_str(&rest[..at]);
            if after.starts_with(':') {
                out.push_str(&reference);
            } else {
                out.push_str(&format!("{quote}./{renamed}{quote}"));
            }
            rest = after;
        }
        out.push_str(rest);
        out
    })
}

/// Writes `dist/index.html` from the source `index.html`, resolving its `data-trunk` links, and copies the files
/// its `copy-file` links name.
fn write_index(dist: &Path, names: &Names) -> TaskResult {
    let source = std::fs::read_to_string(root().join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let mut page = String::new();
    let mut rest = source.as_str();
    while let Some(start) = rest.find("<link data-trunk") {
        let end = start + rest[start..].find('>').ok_or("index.html: unterminated <link data-trunk")? + 1;
        page.push_str(&rest[..start]);
        let tag = &rest[start..end];
        page.push_str(&resolve_link(tag, dist, names)?);
        rest = &rest[end..];
    }
    page.push_str(rest);
    if let Some(inline) = inline_scripts(&page).next() {
        return Err(format!("index.html has an inline script, which the CSP would block: {inline}"));
    }
    write(&dist.join("index.html"), page.as_bytes())
}

/// What a `data-trunk` link becomes in the published page.
fn resolve_link(tag: &str, dist: &Path, names: &Names) -> Result<String, String> {
    let integrity = |file: &str| -> Result<String, String> {
        let bytes = read(&dist.join(names.of(file)))?;
        Ok(format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))))
    };
    match attribute(tag, "rel") {
        Some("rust") => Ok(format!(
            "<link rel=\"modulepreload\" href=\"/{js}\" integrity=\"{js_integrity}\" crossorigin=\"anonymous\">\n    \
             <link rel=\"preload\" href=\"/{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n    \
             <script type=\"module\" src=\"/{init}\" integrity=\"{init_integrity}\" crossorigin=\"anonymous\"></script>",
            js = names.of("portal.js"),
            js_integrity = integrity("portal.js")?,
            wasm = names.of("portal_bg.wasm"),
            init = names.of("init.js"),
            init_integrity = integrity("init.js")?,
        )),
        Some("css") => Ok(format!(
            "<link rel=\"stylesheet\" href=\"/{}\" integrity=\"{}\">",
            names.of("main.css"),
            integrity("main.css")?
        )),
        Some("copy-file") => {
            let href = attribute(tag, "href").ok_or_else(|| format!("index.html: {tag} has no href"))?;
            let source = root().join(href);
            let name = source.file_name().ok_or_else(|| format!("index.html: {tag}: no file name"))?;
            write(&dist.join(name), &read(&source)?)?;
            Ok(String::new())
        }
        _ => Err(format!("index.html: {tag} is not a link dist knows (rust, css, copy-file)")),
    }
}

/// The value of `name="…"` in an HTML tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// `<script …>` tags without a `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.match_indices("<script").filter_map(|(i, _)| {
        let tag = &html[i..i + html[i..].find('>')? + 1];
        (!tag.contains(" src=")).then_some(tag)
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

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

fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| e.to_string())?;
    encoder.finish().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_up_script_preloads_the_area_of_the_address() {
        let areas =
            HashMap::from([("split_billing".to_owned(), vec!["chunk_2".to_owned(), "split_billing".to_owned()])]);
        let script = init_script(&areas).unwrap();
        assert!(script.contains(r#"["/billing", ["./chunk_2.wasm", "./split_billing.wasm"]],"#), "{script}");
        assert!(script.contains("location.pathname.startsWith(path)"));
        let unknown = HashMap::from([("reports".to_owned(), vec!["split_reports".to_owned()])]);
        assert!(init_script(&unknown).unwrap_err().contains("`reports`"));
    }

    #[test]
    fn finds_inline_scripts_only() {
        let html = r#"<script type="module" src="/a.js"></script><script>alert(1)</script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["<script>"]);
    }

    #[test]
    fn names_carry_the_hash_before_the_extension() {
        let names = Names { hash: "0123456789abcdef".into() };
        assert_eq!(names.of("portal.js"), "portal-0123456789abcdef.js");
        assert_eq!(names.of("portal_bg.wasm"), "portal-0123456789abcdef_bg.wasm");
        assert_eq!(names.of("__wasm_split.js"), "__wasm_split-0123456789abcdef.js");
    }

    #[test]
    fn only_relative_references_are_renamed() {
        let js = r#"import * as a from "./x.js"; const b = 'x.js'; import c from './x.js'; ({ "./x.js": a });"#;
        assert_eq!(
            rename_reference(js, "x.js", "x-1.js"),
            r#"import * as a from "./x-1.js"; const b = 'x.js'; import c from './x-1.js'; ({ "./x.js": a });"#
        );
    }

    #[test]
    fn reads_attributes() {
        let tag = r#"<link data-trunk rel="copy-file" href="public/config.json" />"#;
        assert_eq!(attribute(tag, "rel"), Some("copy-file"));
        assert_eq!(attribute(tag, "href"), Some("public/config.json"));
        assert_eq!(attribute(tag, "data-bin"), None);
    }
}
