//! `cargo xtask dist`: the deployable `dist/`. A release build by trunk, then two steps trunk does not do:
//! - its inline start-up script moves into a hashed file (`init-<hash>.js`, with subresource integrity), so the app
//!   runs under a Content-Security-Policy without `'unsafe-inline'`;
//! - every text and wasm file gets precompressed `.br` and `.gz` siblings (`config.json` excepted: deployments edit
//!   it, and a stale compressed copy would win).

use crate::process;
use crate::{root, TaskResult};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::io::Write;
use std::path::Path;
use std::process::Command;

const SCRIPT_OPEN: &str = "<script type=\"module\">";
const SCRIPT_CLOSE: &str = "</script>";

pub fn run() -> TaskResult {
    let path = crate::tools::ensure_build_tools()?;
    build(&path)?;
    println!("\nThe deployable app is in {} (see the README's “Deploying” section).", root().join("dist").display());
    Ok(())
}

/// Builds `dist/` with the tools on `path`.
pub fn build(path: &str) -> TaskResult {
    process::run(Command::new("trunk").args(["build", "--release"]).current_dir(root()).env("PATH", path))?;
    let dist = root().join("dist");
    externalise_start_script(&dist)?;
    precompress(&dist)
}

fn write(path: &Path, bytes: &[u8]) -> TaskResult {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Moves trunk's inline `<script type="module">` out of `index.html`; fails if any inline script remains.
fn externalise_start_script(dist: &Path) -> TaskResult {
    let index_path = dist.join("index.html");
    let index = std::fs::read_to_string(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?;
    let start = index.find(SCRIPT_OPEN).ok_or("index.html has no inline start-up script to move")?;
    let body_start = start + SCRIPT_OPEN.len();
    let body_len = index[body_start..].find(SCRIPT_CLOSE).ok_or("index.html: unterminated <script>")?;
    let script = index[body_start..body_start + body_len].trim();
    let name = format!("init-{}.js", &hex(&Sha256::digest(script))[..16]);
    let integrity = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(script));
    let tag = format!(
        "<script type=\"module\" src=\"/{name}\" integrity=\"sha384-{integrity}\" crossorigin=\"anonymous\"></script>"
    );
    let rewritten = format!("{}{tag}{}", &index[..start], &index[body_start + body_len + SCRIPT_CLOSE.len()..]);
    if let Some(inline) = inline_scripts(&rewritten).next() {
        return Err(format!("index.html still has an inline script, which the CSP would block: {inline}"));
    }
    write(&dist.join(name), script.as_bytes())?;
    write(&index_path, rewritten.as_bytes())
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
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
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
    fn finds_inline_scripts_only() {
        let html = r#"<script type="module" src="/a.js"></script><script>alert(1)</script>"#;
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["<script>"]);
    }
}
