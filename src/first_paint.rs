//! Waiting for the app's first paint.

use futures::channel::oneshot;
use leptos::prelude::{request_animation_frame, set_timeout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Whether the browser has painted the app once.
static PAINTED: AtomicBool = AtomicBool::new(false);

/// Frames to wait at most for the browser to report its first contentful paint (one that does not report it).
const MOST_FRAMES: u32 = 10;

/// Resolves once the browser has shown the app for the first time (its first contentful paint is reported once the
/// frame is on the screen, a little after the frame was painted), in a task of its own; at once ever after, and at
/// once while the page is hidden (a tab opened in the background paints nothing and runs no animation frames: its
/// requests leave at once rather than when it is first looked at).
pub async fn first_paint() {
    if PAINTED.load(Ordering::Relaxed) || hidden() {
        return;
    }
    let (painted, wait) = oneshot::channel();
    after_shown(MOST_FRAMES, move || {
        PAINTED.store(true, Ordering::Relaxed);
        let _ = painted.send(());
    });
    let _ = wait.await;
}

/// Calls `done` in the task after the animation frame by which the first contentful paint has been reported (or
/// the `frames`th).
fn after_shown(frames: u32, done: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        if frames <= 1 || shown() {
            set_timeout(done, Duration::ZERO);
        } else {
            after_shown(frames - 1, done);
        }
    });
}

/// Whether the page is hidden (a background tab).
fn hidden() -> bool {
    web_sys::window().and_then(|window| window.document()).is_some_and(|document| document.hidden())
}

/// Whether the browser has reported its first contentful paint.
fn shown() -> bool {
    let performance = web_sys::window().and_then(|window| window.performance());
    performance.is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
}
