use super::HostedFields;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::hosted_fields::{FieldCommand, FieldKind, FieldLook};
use leptos::prelude::*;

/// A card field typed on the payments origin: its page (label and input) in a frame, with the app's hint and
/// message under it, as a [`crate::components::TextField`] shows them. The frame's address carries what it shows
/// when it loads; later changes (language, message, colour scheme) reach it as messages, so what was typed stays.
/// A page that failed to load is hidden (the form says so once for its fields: [`HostedFields::failed`]).
#[component]
pub fn HostedField(
    /// The form's hosted fields.
    fields: HostedFields,
    /// Which field.
    kind: FieldKind,
    /// The label, shown in the frame.
    #[prop(into)]
    label: Signal<String>,
    /// The frame's title (screen readers announce it for the frame).
    #[prop(into)]
    title: Signal<String>,
    /// A hint under the field.
    #[prop(into)]
    hint: Signal<Option<String>>,
    /// What is wrong with it, if anything.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Whether it must be filled in.
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let status = fields.status(kind);
    let look = Memo::new(move |_| FieldLook {
        label: Some(label.get()),
        title: Some(title.get()),
        lang: Some(locale_code(i18n).to_owned()),
        // Inside the frame, the input is described by the same hint and message the app shows under it.
        description: Some([hint.get(), error.get()].into_iter().flatten().collect::<Vec<_>>().join(" ")),
        invalid: Some(error.with(Option::is_some)),
        scheme: fields.scheme.get().map(str::to_owned),
        // The app's text size is the browser's, which the field's page uses too.
        font_px: None,
    });
    let src = Memo::new(move |_| {
        fields.loads[super::slot(kind)].track();
        look.with_untracked(|look| fields.src(kind, look, required))
    });
    // A loaded field gets what changed as a message (not on every keystroke: only when the look or the load does).
    let ready = Memo::new(move |_| status.with(|s| s.ready));
    Effect::new(move |_| {
        if ready.get() {
            fields.send(kind, FieldCommand::Update(look.get()));
        }
    });
    // The frame goes away (the form closes, or shows other choices): what it held goes with it.
    on_cleanup(move || fields.unloaded(kind));
    let failed = move || status.with(|s| s.failed);
    view! {
        <div class="field hosted-field">
            <iframe
                node_ref=fields.frame(kind)
                class="hosted-frame"
                src=move || src.get()
                title=title
                sandbox="allow-scripts allow-same-origin"
                data-invalid=move || error.with(Option::is_some).then_some("true")
                style:height=move || status.with(|s| s.height.map(|h| format!("{h}px")))
                on:load=move |_| fields.frame_loaded(kind)
                hidden=failed
            ></iframe>
            // The input in the frame is described by these same texts: screen readers hear them there, once.
            {move || hint.get().map(|hint| view! { <p class="field-hint" aria-hidden="true">{hint}</p> })}
            <p class="field-error" aria-hidden="true">{error}</p>
        </div>
    }
}
