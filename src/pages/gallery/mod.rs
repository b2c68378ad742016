//! The component gallery (`/gallery`) for designers: every reusable component in each of its states, with sample
//! props and no backend, in every locale, light or dark, wide or 320 px narrow. Debug builds always have it; a
//! release build only with `"design_tools": true` in `config.json`.

mod gallery_page;
mod gallery_pane;
mod gallery_section;
mod sample_data;

pub use gallery_page::GalleryPage;
pub use gallery_pane::GalleryPane;
