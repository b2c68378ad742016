//! Waiting for the next task.

use futures::channel::oneshot;
use leptos::prelude::set_timeout;
use std::time::Duration;

/// Resolves in the next task: what follows runs apart from the work before it, so neither blocks input for long.
pub async fn next_task() {
    let (next, wait) = oneshot::channel();
    set_timeout(
        move || {
            let _ = next.send(());
        },
        Duration::ZERO,
    );
    let _ = wait.await;
}
