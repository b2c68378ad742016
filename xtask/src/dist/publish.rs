//! Publishing the build: every file under one hash of the build, the references between them rewritten, and
//! `index.html` with its `data-trunk` links resolved (subresource integrity, no inline script).

use super::{files_in, read, write, LOADER};
use crate::{root, TaskResult};
use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::path::Path;

/// The published names of the build's files (`portal.js` → `portal-<hash>.js`).
pub(super) struct Names {
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
pub(super) fn publish(work: &Path, dist: &Path) -> Result<Names, String> {
    let files = files_in(work)?;
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
    let main_js = String::from_utf8_lossy(&read(&dist.join(names.of("portal.js")))?).into_owned();
    if !main_js.contains("__wasm_split_load_") {
        return Err(format!("portal.js does not carry {LOADER}: the split modules could not load"));
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
/// its `copy-file` links name (from `deploy/` where it has a file of the same name). The page's links are relative
/// to its `<base href>` (see [`set_base_path`]).
pub(super) fn write_index(dist: &Path, names: &Names) -> TaskResult {
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
            "<link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\">\n    \
             <script type=\"module\" src=\"{js}\" integrity=\"{js_integrity}\" crossorigin=\"anonymous\"></script>",
            wasm = names.of("portal_bg.wasm"),
            js = names.of("portal.js"),
            js_integrity = integrity("portal.js")?,
        )),
        Some("css") => Ok(format!(
            "<link rel=\"stylesheet\" href=\"{}\" integrity=\"{}\">",
            names.of("main.css"),
            integrity("main.css")?
        )),
        Some("copy-file") => {
            let href = attribute(tag, "href").ok_or_else(|| format!("index.html: {tag} has no href"))?;
            let development = root().join(href);
            let name = development.file_name().ok_or_else(|| format!("index.html: {tag}: no file name"))?.to_owned();
            // `deploy/` holds a deployment's version of a file that differs from development's (`config.json`:
            // no development sign-in).
            let deployed = root().join("deploy").join(&name);
            let source = if deployed.exists() { deployed } else { development };
            write(&dist.join(&name), &read(&source)?)?;
            Ok(String::new())
        }
        _ => Err(format!("index.html: {tag} is not a link dist knows (rust, css, copy-file)")),
    }
}

/// Sets `index.html`'s `<base href>` in `dist` to `base_path` (`/portal/`), and its compressed copies with it: the
/// page's links, `config.json`, and the app's addresses are under it.
pub(crate) fn set_base_path(dist: &Path, base_path: &str) -> TaskResult {
    let index = dist.join("index.html");
    let page = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let page = with_base_href(&page, base_path)?;
    write(&index, page.as_bytes())?;
    write(&dist.join("index.html.br"), &super::brotli(page.as_bytes())?)?;
    write(&dist.join("index.html.gz"), &super::gzip(page.as_bytes())?)
}

/// `page` with its one `<base href="…">` set to `base_path`.
fn with_base_href(page: &str, base_path: &str) -> Result<String, String> {
    const BASE: &str = "<base href=\"";
    let [(start, _)] = page.match_indices(BASE).collect::<Vec<_>>()[..] else {
        return Err("index.html must have one <base href=\"…\">".into());
    };
    let value = start + BASE.len();
    let end = value + page[value..].find('"').ok_or("index.html: unterminated <base href>")?;
    Ok(format!("{}{base_path}{}", &page[..value], &page[end..]))
}

/// Whether `base_path` is a path an app can be served under: absolute, ending with `/`, of unreserved characters,
/// without `.` or `..` segments (a browser would resolve them away), outside `/api` and `/dev` (the backend's).
pub(crate) fn is_base_path(base_path: &str) -> bool {
    let segments: Vec<&str> = base_path.trim_matches('/').split('/').collect();
    base_path.starts_with('/')
        && base_path.ends_with('/')
        && !base_path.contains("//")
        && base_path.bytes().all(|b| b.is_ascii_alphanumeric() || b"/-._~".contains(&b))
        && !segments.iter().any(|segment| matches!(*segment, "." | ".."))
        && !matches!(segments.first(), Some(&("api" | "dev")))
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_base_href_is_set() {
        let page = "<head>\n<base href=\"/\" />\n<link href=\"a.css\"></head>";
        assert_eq!(
            with_base_href(page, "/portal/").unwrap(),
            "<head>\n<base href=\"/portal/\" />\n<link href=\"a.css\"></head>"
        );
        assert!(with_base_href("<head></head>", "/portal/").is_err());
        assert!(is_base_path("/portal/") && is_base_path("/") && is_base_path("/a/b-c/"));
        for bad in ["portal/", "/portal", "//evil.example/", "/a b/", "/%2F/", "/a/../", "/./", "/api/", "/dev/"] {
            assert!(!is_base_path(bad), "{bad}");
        }
    }

    #[test]
    fn reads_attributes() {
        let tag = r#"<link data-trunk rel="copy-file" href="public/config.json" />"#;
        assert_eq!(attribute(tag, "rel"), Some("copy-file"));
        assert_eq!(attribute(tag, "href"), Some("public/config.json"));
        assert_eq!(attribute(tag, "data-bin"), None);
    }
}
