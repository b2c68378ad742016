//! Mounts the app. Nothing else happens here.

fn main() {
    console_error_panic_hook::set_once();
    portal::start();
}
