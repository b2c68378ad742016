//! Where the main wasm module's bytes go (the one the initial load carries): code per crate and the biggest
//! functions, from the function names in its `name` section (read before wasm-opt, which drops them and shrinks
//! every part, so the shares are what to read), and the data segments (string constants, translations, tables).

use std::collections::HashMap;

/// How many crates and functions the report lists.
const SHOWN: usize = 15;

/// Prints the report for the wasm module `bytes`.
pub fn print(bytes: &[u8]) -> Result<(), String> {
    let module = Module::parse(bytes)?;
    let code_total: usize = module.bodies.iter().sum();
    let mut by_crate: HashMap<String, usize> = HashMap::new();
    let mut functions: Vec<(usize, String)> = Vec::new();
    for (i, size) in module.bodies.iter().enumerate() {
        let name = module.names.get(&(module.imported_functions + i as u32)).map(|n| demangle(n)).unwrap_or_default();
        *by_crate.entry(crate_of(&name).to_owned()).or_default() += size;
        functions.push((*size, name));
    }
    let mut crates: Vec<_> = by_crate.into_iter().collect();
    crates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    functions.sort_by_key(|f| std::cmp::Reverse(f.0));
    let share = |size: usize| 100.0 * size as f64 / code_total.max(1) as f64;
    println!(
        "\nwasm before wasm-opt: {:.1} KB code in {} functions, {:.1} KB data; code by crate:",
        kb(code_total),
        module.bodies.len(),
        kb(module.data)
    );
    for (name, size) in crates.iter().take(SHOWN) {
        println!("  {:<40} {:>8.1} KB {:>5.1} %", name, kb(*size), share(*size));
    }
    println!("biggest functions:");
    for (size, name) in functions.iter().take(SHOWN) {
        println!("  {:>8.1} KB  {}", kb(*size), shorten(name));
    }
    Ok(())
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// A legacy-mangled Rust symbol (`_ZN…E`) as a path (`a::b::c`), its hash dropped and escapes decoded; any other
/// name as it is.
fn demangle(symbol: &str) -> String {
    let Some(mut rest) = symbol.strip_prefix("_ZN") else { return symbol.to_owned() };
    let mut segments = Vec::new();
    loop {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let Ok(len) = rest[..digits].parse::<usize>() else { break };
        let Some(segment) = rest.get(digits..digits + len) else { break };
        segments.push(segment);
        rest = &rest[digits + len..];
    }
    let is_hash = |s: &str| s.len() == 17 && s.starts_with('h') && s[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if segments.last().is_some_and(|s| is_hash(s)) {
        segments.pop();
    }
    let path = segments.join("::");
    let mut out = path.strip_prefix('_').filter(|p| p.starts_with('$')).unwrap_or(&path).replace("..", "::");
    for (escape, text) in [("$LT$", "<"), ("$GT$", ">"), ("$u20$", " "), ("$RF$", "&"), ("$BP$", "*"), ("$C$", ",")] {
        out = out.replace(escape, text);
    }
    out.replace("$u7b$", "{").replace("$u7d$", "}")
}

/// The crate a demangled symbol belongs to: its first path segment, looking through `<`, `&mut` and, in
/// `<T as Trait>`, through a generic parameter to the trait's crate.
fn crate_of(symbol: &str) -> &str {
    if symbol.is_empty() {
        return "(unnamed)";
    }
    let mut path = symbol.trim_start_matches(['<', '&', '*']).trim_start_matches("mut ").trim_start_matches("const ");
    let first_word = path.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("");
    if let Some(trait_path) = path.strip_prefix(first_word).and_then(|r| r.strip_prefix(" as ")) {
        if !first_word.is_empty() && first_word.chars().all(|c| c.is_ascii_uppercase()) {
            path = trait_path;
        }
    }
    let end = path.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(path.len());
    if end == 0 {
        "(other)"
    } else {
        &path[..end]
    }
}

fn shorten(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= 110 {
        name.to_owned()
    } else {
        format!("{}…", chars[..110].iter().collect::<String>())
    }
}

/// What the report needs of a wasm module.
struct Module {
    imported_functions: u32,
    /// Size of each function body, in the order of the code section.
    bodies: Vec<usize>,
    /// Function index → name, from the `name` section.
    names: HashMap<u32, String>,
    /// Bytes of all data segments.
    data: usize,
}

impl Module {
    fn parse(bytes: &[u8]) -> Result<Self, String> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(8)? != b"\0asm\x01\0\0\0" {
            return Err("not a wasm module".into());
        }
        let mut module = Module { imported_functions: 0, bodies: Vec::new(), names: HashMap::new(), data: 0 };
        while reader.at < bytes.len() {
            let id = reader.byte()?;
            let size = reader.leb()? as usize;
            let mut section = Reader { bytes: reader.take(size)?, at: 0 };
            match id {
                2 => module.imported_functions = count_imported_functions(&mut section)?,
                10 => {
                    for _ in 0..section.leb()? {
                        let body = section.leb()? as usize;
                        section.take(body)?;
                        module.bodies.push(body);
                    }
                }
                11 => module.data = size,
                0 if section.name()? == "name" => module.names = function_names(&mut section)?,
                _ => {}
            }
        }
        Ok(module)
    }
}

fn count_imported_functions(section: &mut Reader) -> Result<u32, String> {
    let mut functions = 0;
    for _ in 0..section.leb()? {
        section.name()?;
        section.name()?;
        match section.byte()? {
            0 => {
                section.leb()?;
                functions += 1;
            }
            1 => {
                section.byte()?;
                section.limits()?;
            }
            2 => section.limits()?,
            3 => {
                section.take(2)?;
            }
            4 => {
                section.byte()?;
                section.leb()?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
    }
    Ok(functions)
}

/// Subsection 1 of the `name` section: the function names.
fn function_names(section: &mut Reader) -> Result<HashMap<u32, String>, String> {
    let mut names = HashMap::new();
    while section.at < section.bytes.len() {
        let id = section.byte()?;
        let size = section.leb()? as usize;
        let mut sub = Reader { bytes: section.take(size)?, at: 0 };
        if id == 1 {
            for _ in 0..sub.leb()? {
                let index = sub.leb()? as u32;
                names.insert(index, sub.name()?);
            }
        }
    }
    Ok(names)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let slice = self.bytes.get(self.at..self.at + n).ok_or("the wasm module ends early")?;
        self.at += n;
        Ok(slice)
    }

    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    fn leb(&mut self) -> Result<u64, String> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.leb()? as usize;
        Ok(String::from_utf8_lossy(self.take(len)?).into_owned())
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{crate_of, demangle};

    #[test]
    fn demangles_legacy_symbols() {
        assert_eq!(demangle("_ZN4core3fmt5write17h0123456789abcdefE"), "core::fmt::write");
        assert_eq!(
            demangle("_ZN63_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..clone..Clone$GT$5clone17h0123456789abcdefE"),
            "<alloc::vec::Vec<T> as core::clone::Clone>::clone"
        );
        assert_eq!(demangle("dlmalloc"), "dlmalloc");
    }

    #[test]
    fn crate_of_paths_impls_and_generic_impls() {
        assert_eq!(crate_of("core::fmt::write"), "core");
        assert_eq!(crate_of("<alloc::vec::Vec<T> as core::clone::Clone>::clone"), "alloc");
        assert_eq!(crate_of("<F as tachys::view::Render>::build"), "tachys");
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R> as serde::de::Deserializer>::deserialize_any"),
            "serde_json"
        );
        assert_eq!(crate_of("dlmalloc"), "dlmalloc");
        assert_eq!(crate_of(""), "(unnamed)");
    }
}
