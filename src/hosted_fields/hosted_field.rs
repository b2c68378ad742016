use super::HostedFields;
use crate::i18n::*;
use crate::labels::locale_code;
use contract::hosted_fields::{FieldCommand, FieldKind, FieldLook};
use leptos::prelude::*;

/// A card field typed on the payments origin: its page (label and input) in a frame, with the app's hint and
/// message under it, as a [`crate::components::TextField`] shows them. The frame's address carries what it shows
/// when it loads; later changes (language, message, colour scheme) reach it as messages, so what was typed stays.
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
    let look = move || FieldLook {
        label: Some(label.get()),
        title: Some(title.get()),
        lang: Some(locale_code(i18n).to_owned()),
        // Inside the frame, the input is described by the same hint and message the app shows under it.
        description: Some([hint.get(), error.get()].into_iter().flatten().collect::<Vec<_>>().join(" ")),
        invalid: Some(error.with(Option::is_some)),
        scheme: fields.scheme.get().map(str::to_owned),
        font_px: None,
    };
    let src = Memo::new(move |_| {
        fields.loads[super::slot(kind)].track();
        fields.src(kind, &untrack(look), required)
    });
    Effect::new(move |_| {
        let look = look();
        if status.with(|s| s.ready) {
            fields.send(kind, FieldCommand::Update(look));
        }
    });
    let id = kind.as_str();
    let (hint_id, error_id) = (format!("hosted-{id}-hint"), format!("hosted-{id}-error"));
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
            ></iframe>
            {move || hint.get().map(|hint| view! { <p id=hint_id.clone() class="field-hint">{hint}</p> })}
            <p id=error_id class="field-error">{error}</p>
            <Show when=failed>
                <div class="save-error" role="alert">
                    <p>{t!(i18n, card_form.fields_unavailable)}</p>
                    <button type="button" class="button" on:click=move |_| fields.reload(kind)>
                        {t!(i18n, errors.retry)}
                    </button>
                </div>
            </Show>
        </div>
    }
}
