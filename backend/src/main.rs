//! `backend [--host H] [--port N] [--db PATH|:memory:] [--fixture FILE | --scale P,A] [--dev] [--static DIR [--base-path PATH]]
//! [--payments-port N] [--app-origin URL]…`, `backend --print-demo-fixture`. See `backend/README.md`.

use backend::config::{self, Command};
use backend::fixture::Fixture;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match config::parse(std::env::args().skip(1)) {
        Ok(Command::Help) => {
            print!("{}", config::USAGE);
            ExitCode::SUCCESS
        }
        Ok(Command::PrintDemoFixture) => {
            let today = backend::Clock(None).today();
            let fixture = Fixture { today: Some(today), ..backend::demo::fixture(today) };
            println!("{}", fixture.to_json());
            ExitCode::SUCCESS
        }
        Ok(Command::Serve(args)) => match run(args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("backend: {error}");
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            eprintln!("backend: {error}\n\n{}", config::USAGE);
            ExitCode::from(2)
        }
    }
}

/// The host part of an origin for a listener on `host` (one on every interface is reached on loopback here).
fn origin_host(host: &str) -> &str {
    match host {
        "0.0.0.0" | "::" | "[::]" => "127.0.0.1",
        other => other,
    }
}

fn run(args: config::Args) -> Result<(), String> {
    let today = backend::Clock(None).today();
    let fixture = match (&args.fixture, args.scale) {
        (Some(path), _) => Fixture::from_file(path).map_err(|e| e.to_string())?,
        (None, Some((people, assigned))) => backend::demo::scaled(today, people, assigned),
        (None, None) => backend::demo::fixture(today),
    };
    let runtime = tokio::runtime::Runtime::new().map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async {
        let bind = |port: u16| tokio::net::TcpListener::bind((args.host.as_str(), port));
        let listener =
            bind(args.port).await.map_err(|e| format!("cannot listen on {}:{}: {e}", args.host, args.port))?;
        let payments_listener = bind(args.payments_port)
            .await
            .map_err(|e| format!("cannot listen on {}:{} (payments): {e}", args.host, args.payments_port))?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        let payments_address = payments_listener.local_addr().map_err(|e| e.to_string())?;
        let host = origin_host(&args.host);
        let app_origins = if args.app_origins.is_empty() {
            vec![format!("http://{host}:{}", address.port()), format!("http://localhost:{}", address.port())]
        } else {
            args.app_origins.clone()
        };
        let payments =
            backend::payments::Settings::new(format!("http://{host}:{}", payments_address.port()), app_origins);
        let routers = backend::build(backend::Settings {
            db: args.db.clone(),
            fixture,
            dev: args.dev,
            static_dir: args.static_dir.clone(),
            base_path: args.base_path.clone(),
            payments: payments.clone(),
        })?;
        println!("listening on http://{address}");
        println!("payments origin on {} (serving {})", payments.origin, payments.app_origins.join(", "));
        let _ = std::io::stdout().flush();
        let shutdown = backend::server::shutdown_signal();
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let payments_server = tokio::spawn(backend::server::serve(payments_listener, routers.payments, async move {
            let mut stopped = stopped;
            let _ = stopped.wait_for(|s| *s).await;
        }));
        backend::server::serve(listener, routers.portal, shutdown).await;
        let _ = stop.send(true);
        let _ = payments_server.await;
        Ok(())
    })
}
