//! Command-line arguments (hand-written parsing; `--name value` or `--name=value`).

use std::path::PathBuf;

/// What to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve HTTP.
    Serve(Args),
    /// Print the built-in demo fixture as JSON and exit.
    PrintDemoFixture,
    /// Print the usage and exit.
    Help,
}

/// Settings of the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    /// Interface to listen on.
    pub host: String,
    /// Port (0: any free port).
    pub port: u16,
    /// SQLite file, or `:memory:`.
    pub db: String,
    /// Fixture file; absent: the built-in demo data.
    pub fixture: Option<PathBuf>,
    /// The built-in demo at scale: generated people, and people assigned on Business Basic.
    pub scale: Option<(usize, usize)>,
    /// Enables the `/dev/` routes (sign-in, faults).
    pub dev: bool,
    /// A built single-page app to serve.
    pub static_dir: Option<PathBuf>,
    /// The path the app is served under (`/portal`), without a trailing `/`; empty: the root.
    pub base_path: String,
    /// Port of the payments origin (0: any free port).
    pub payments_port: u16,
    /// App origins the payments origin serves; empty: this server's own (`http://127.0.0.1:<port>` and
    /// `http://localhost:<port>`).
    pub app_origins: Vec<String>,
}

impl Default for Args {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".to_owned(),
            port: 8081,
            db: "backend.db".to_owned(),
            fixture: None,
            scale: None,
            dev: false,
            static_dir: None,
            base_path: String::new(),
            payments_port: 8082,
            app_origins: Vec::new(),
        }
    }
}

/// The usage text.
pub const USAGE: &str = "\
Reference backend of the self-service purchases API.

Usage: backend [OPTIONS]

Options:
  --host HOST            interface to listen on (default 127.0.0.1)
  --port N               port; 0 picks a free one (default 8081)
  --db PATH|:memory:     SQLite database, recreated from the fixture at every start (default backend.db)
  --fixture FILE         load this JSON fixture instead of the built-in demo data
  --scale PEOPLE,ASSIGNED  the demo with PEOPLE generated people, ASSIGNED of them licensed on Business Basic
  --dev                  enable /dev/ routes: sign-in as a fixture user, fault injection
  --static DIR           also serve the built single-page app in DIR
  --base-path PATH       serve the app under PATH (/portal/: http://host:port/portal/), as built by
                         cargo xtask dist --base-path PATH; the API and /dev/ stay at the root (default /)
  --payments-port N      port of the payments origin (hosted card fields, tokens); 0 picks a free one
                         (default 8082)
  --app-origin URL       an origin of the app: it may frame the hosted card fields and send changes (besides
                         this server's own, by its Host); repeatable; default http://127.0.0.1:PORT and
                         http://localhost:PORT
  --print-demo-fixture   print the built-in demo fixture as JSON and exit
  --help                 print this help
";

/// Parses the arguments after the program name.
pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Command, String> {
    let mut parsed = Args::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name.to_owned(), Some(value.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value =
            |name: &str| inline.clone().or_else(|| args.next()).ok_or_else(|| format!("{name} needs a value"));
        match name.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--print-demo-fixture" => return Ok(Command::PrintDemoFixture),
            "--dev" => parsed.dev = true,
            "--host" => parsed.host = value("--host")?,
            "--port" => {
                let port = value("--port")?;
                parsed.port = port.parse().map_err(|_| format!("--port: not a port number: {port}"))?;
            }
            "--db" => parsed.db = value("--db")?,
            "--fixture" => parsed.fixture = Some(PathBuf::from(value("--fixture")?)),
            "--scale" => {
                let scale = value("--scale")?;
                let parsed_scale =
                    scale.split_once(',').and_then(|(p, a)| Some((p.trim().parse().ok()?, a.trim().parse().ok()?)));
                parsed.scale = Some(parsed_scale.ok_or_else(|| format!("--scale: expected PEOPLE,ASSIGNED: {scale}"))?);
            }
            "--static" => parsed.static_dir = Some(PathBuf::from(value("--static")?)),
            "--base-path" => parsed.base_path = base_path(&value("--base-path")?)?,
            "--payments-port" => {
                let port = value("--payments-port")?;
                parsed.payments_port =
                    port.parse().map_err(|_| format!("--payments-port: not a port number: {port}"))?;
            }
            "--app-origin" => {
                let origin = value("--app-origin")?;
                if !crate::payments::is_origin(&origin) {
                    return Err(format!("--app-origin: not an origin (scheme://host[:port]): {origin}"));
                }
                parsed.app_origins.push(origin);
            }
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    Ok(Command::Serve(parsed))
}

/// `--base-path`'s value without its trailing `/`: an absolute path of unreserved characters, without `.` or `..`
/// segments, outside `/api` and `/dev`, which the backend answers itself (`/portal/` → `/portal`, `/` → empty).
fn base_path(value: &str) -> Result<String, String> {
    let segments: Vec<&str> = value.trim_matches('/').split('/').collect();
    let valid = value.starts_with('/')
        && !value.contains("//")
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"/-._~".contains(&b))
        && !segments.iter().any(|segment| matches!(*segment, "." | ".."))
        && !matches!(segments.first(), Some(&("api" | "dev")));
    if !valid {
        return Err(format!(
            "--base-path: not a path of letters, digits, - . _ ~ starting with /, without . or .. and outside /api \
             and /dev: {value}"
        ));
    }
    Ok(value.trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, String> {
        parse(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn flags_and_values_parse_in_both_forms() {
        let Ok(Command::Serve(a)) = args(&["--port", "0", "--db=:memory:", "--dev", "--static", "dist"]) else {
            panic!("not parsed")
        };
        assert_eq!(a.port, 0);
        assert_eq!(a.db, ":memory:");
        assert!(a.dev);
        assert_eq!(a.static_dir, Some(PathBuf::from("dist")));
        assert_eq!(a.host, "127.0.0.1");
        assert_eq!(args(&["--print-demo-fixture"]), Ok(Command::PrintDemoFixture));
    }

    #[test]
    fn mistakes_are_reported() {
        assert!(args(&["--port", "http"]).unwrap_err().contains("--port"));
        assert!(args(&["--port"]).unwrap_err().contains("needs a value"));
        assert!(args(&["--verbose"]).unwrap_err().contains("unknown argument"));
        let Ok(Command::Serve(scaled)) = args(&["--scale", "50000,10000"]) else { panic!("--scale") };
        assert_eq!(scaled.scale, Some((50_000, 10_000)));
        assert!(args(&["--scale", "many"]).unwrap_err().contains("--scale"));
        assert!(args(&["--app-origin", "localhost:8080"]).unwrap_err().contains("--app-origin"));
        assert!(args(&["--payments-port", "x"]).unwrap_err().contains("--payments-port"));
        let Ok(Command::Serve(paid)) =
            args(&["--payments-port=0", "--app-origin", "http://a:1", "--app-origin", "http://b:2"])
        else {
            panic!("--payments-port")
        };
        assert_eq!((paid.payments_port, paid.app_origins.len()), (0, 2));
        assert_eq!(Args::default().payments_port, 8082);
    }

    #[test]
    fn the_base_path_is_kept_without_its_trailing_slash() {
        let base = |value: &str| match args(&["--base-path", value]) {
            Ok(Command::Serve(a)) => Ok(a.base_path),
            other => Err(format!("{other:?}")),
        };
        assert_eq!(base("/portal/"), Ok("/portal".to_owned()));
        assert_eq!(base("/a/b"), Ok("/a/b".to_owned()));
        assert_eq!(base("/"), Ok(String::new()));
        assert_eq!(Args::default().base_path, "");
        for bad in ["portal", "//evil.example", "/a b", "/x?y", "/%2F", "/a/../", "/./", "/api/", "/dev"] {
            assert!(base(bad).unwrap_err().contains("--base-path"), "{bad}");
        }
    }
}
