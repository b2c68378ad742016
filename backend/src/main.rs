//! `backend [--host H] [--port N] [--db PATH|:memory:] [--fixture FILE | --scale P,A] [--dev] [--static DIR]`,
//! `backend --print-demo-fixture`. See `backend/README.md`.

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

fn run(args: config::Args) -> Result<(), String> {
    let today = backend::Clock(None).today();
    let fixture = match (&args.fixture, args.scale) {
        (Some(path), _) => Fixture::from_file(path).map_err(|e| e.to_string())?,
        (None, Some((people, assigned))) => backend::demo::scaled(today, people, assigned),
        (None, None) => backend::demo::fixture(today),
    };
    let router = backend::build(backend::Settings {
        db: args.db.clone(),
        fixture,
        dev: args.dev,
        static_dir: args.static_dir.clone(),
    })?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
            .await
            .map_err(|e| format!("cannot listen on {}:{}: {e}", args.host, args.port))?;
        let address = listener.local_addr().map_err(|e| e.to_string())?;
        println!("listening on http://{address}");
        let _ = std::io::stdout().flush();
        backend::server::serve(listener, router, backend::server::shutdown_signal()).await;
        Ok(())
    })
}
