//! Running commands and child processes that never outlive the task.

use crate::TaskResult;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Runs a command to completion, with its output going to the terminal.
pub fn run(command: &mut Command) -> TaskResult {
    println!("\n$ {}", describe(command));
    let status = command.status().map_err(|e| format!("could not start `{}`: {e}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs a command and returns its standard output, or `None` if it cannot run or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A command line as text, for messages.
pub fn describe(command: &Command) -> String {
    let mut parts = vec![command.get_program().to_string_lossy().into_owned()];
    parts.extend(command.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// A child process that is killed when dropped, so nothing is left running after the task ends.
pub struct Guarded(pub Child);

impl Drop for Guarded {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the reference backend binary with `args`, waits for its `listening on URL` line and returns the URL.
pub fn start_backend(binary: &std::path::Path, args: &[&str]) -> Result<(Guarded, String), String> {
    let (child, url, _) = start_backend_and_payments(binary, args)?;
    Ok((child, url))
}

/// [`start_backend`], also waiting for its `payments origin on URL` line: returns both URLs.
pub fn start_backend_and_payments(
    binary: &std::path::Path,
    args: &[&str],
) -> Result<(Guarded, String, String), String> {
    let mut command = Command::new(binary);
    command.args(args).stdout(Stdio::piped()).stderr(Stdio::inherit());
    println!("\n$ {}", describe(&command));
    let mut child = Guarded(command.spawn().map_err(|e| format!("could not start the backend: {e}"))?);
    let stdout = child.0.stdout.take().ok_or("no backend stdout")?;
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("listening on ") {
                let _ = sender.send(url.trim().to_owned());
            }
            if let Some(url) = line.strip_prefix("payments origin on ") {
                let _ = sender.send(url.split_whitespace().next().unwrap_or_default().to_owned());
            }
            println!("[backend] {line}");
        }
    });
    // The backend prints `listening on` first, then `payments origin on`.
    let url = announced(&receiver, &mut child, "listening on")?;
    let payments = announced(&receiver, &mut child, "payments origin on")?;
    Ok((child, url, payments))
}

/// The URL of the next announcement line the backend prints.
fn announced(receiver: &mpsc::Receiver<String>, child: &mut Guarded, line: &str) -> Result<String, String> {
    receiver.recv_timeout(Duration::from_secs(60)).map_err(|error| match error {
        mpsc::RecvTimeoutError::Disconnected => match child.0.wait() {
            Ok(status) => format!("the backend stopped before `{line} …` ({status}); see its messages above"),
            Err(e) => format!("the backend stopped before `{line} …`: {e}"),
        },
        mpsc::RecvTimeoutError::Timeout => format!("the backend did not report `{line} …` within 60 s"),
    })
}
