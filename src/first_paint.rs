//! Waiting for the app's first paint.

use futures::channel::oneshot;
use leptos::prelude::{request_animation_frame, set_timeout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Whether the browser has painted the app once.
static PAINTED: AtomicBool = AtomicBool::new(false);

/// Resolves once the browser has painted the app for the first time (after the animation frame's callbacks, in
/// the task that follows); at once ever after.
pub async fn first_paint() {
    if PAINTED.load(Ordering::Relaxed) {
        return;
    }
    let (painted, wait) = oneshot::channel();
    request_animation_frame(move || {
        set_timeout(
            move || {
                PAINTED.store(true, Ordering::Relaxed);
                let _ = painted.send(());
            },
            Duration::ZERO,
        )
    });
    let _ = wait.await;
}
