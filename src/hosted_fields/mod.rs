//! The seam between the app and the card processor's hosted card fields: the one place that knows the fields are
//! iframes of the payments origin talking `hosted-fields/1` (`contract::hosted_fields`). Its interface is narrow —
//! mount a field ([`HostedField`]), hear its events ([`HostedFields::status`], [`HostedFields::on_submit`]),
//! tokenize ([`HostedFields::token`]) — so another processor's fields (Stripe Elements, Adyen, Braintree) can be
//! put behind it (README.md, "Card data").
//!
//! The app never holds a card number or security code: it learns whether each field is empty, complete or invalid
//! (with a stable code), the brand, and at the end a single-use token with the brand and last four digits.

mod hosted_field;
mod protocol;

pub use hosted_field::HostedField;

use crate::api::new_idempotency_key;
use contract::billing::CardBrand;
use contract::hosted_fields::{
    FieldCommand, FieldEvent, FieldIssue, FieldKind, FieldLook, FieldState, TokenizeFailure,
};
use futures::channel::oneshot;
use leptos::ev;
use leptos::html::Iframe;
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::MessageEvent;

/// What a form's hosted fields take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardEntry {
    /// A new card: its number and security code.
    NewCard,
    /// A new security code of a stored card of this brand.
    SecurityCode(CardBrand),
}

/// What a hosted field said last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldStatus {
    /// The field is shown and takes commands.
    pub ready: bool,
    /// Its page loaded without ever saying it is ready (the payments origin failed or refused).
    pub failed: bool,
    /// Empty, complete or invalid.
    pub state: FieldState,
    /// The problem, when invalid.
    pub issue: Option<FieldIssue>,
    /// The number's brand, once its first digits tell.
    pub brand: Option<CardBrand>,
    /// Counts the edits and loads: another value is another revision (an idempotency key and a held token
    /// follow it); it never goes back, so a field loaded again never matches an earlier value.
    pub revision: u32,
    /// The person has left the field once.
    pub left: bool,
    /// The content's height in CSS pixels.
    pub height: Option<u32>,
}

impl Default for FieldStatus {
    fn default() -> Self {
        Self {
            ready: false,
            failed: false,
            state: FieldState::Empty,
            issue: None,
            brand: None,
            revision: 0,
            left: false,
            height: None,
        }
    }
}

/// A single-use token of the payments origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardToken {
    /// The token (`tok_…`).
    pub token: String,
    /// The card's brand (card tokens).
    pub brand: Option<CardBrand>,
    /// The last four digits (card tokens).
    pub last4: Option<String>,
}

type Answer = Result<CardToken, TokenizeFailure>;

/// A tokenize request waiting for its answer.
struct Waiting {
    id: u32,
    kind: FieldKind,
    wake: Option<oneshot::Sender<()>>,
    answer: Option<Answer>,
}

fn slot(kind: FieldKind) -> usize {
    match kind {
        FieldKind::Number => 0,
        FieldKind::SecurityCode => 1,
    }
}

/// The hosted fields of one card form.
#[derive(Clone, Copy)]
pub struct HostedFields {
    origin: StoredValue<String>,
    group: StoredValue<String>,
    entry: CardEntry,
    frames: [NodeRef<Iframe>; 2],
    statuses: [RwSignal<FieldStatus>; 2],
    loads: [RwSignal<u32>; 2],
    // Tokenize requests waiting for their answer: the answer is kept here and the waiting request woken.
    waiting: StoredValue<Vec<Waiting>>,
    next_id: StoredValue<u32>,
    held: StoredValue<Option<((u32, u32), CardToken)>>,
    submit: StoredValue<Option<Callback<()>>>,
    escape: StoredValue<Option<Callback<()>>>,
    scheme: Signal<Option<&'static str>>,
}

impl HostedFields {
    /// The fields of a form taking `entry`, served by `payments_origin`. Messages are heard while the calling
    /// component lives, and only from that origin and these fields' frames.
    pub fn new(payments_origin: &str, entry: CardEntry) -> Self {
        let origin = protocol::normalised_origin(payments_origin);
        // Without a payments origin there are no fields to load: they say so at once.
        let status = FieldStatus { failed: origin.is_empty(), ..FieldStatus::default() };
        let fields = Self {
            origin: StoredValue::new(origin),
            group: StoredValue::new(new_idempotency_key()),
            entry,
            frames: [NodeRef::new(), NodeRef::new()],
            statuses: [RwSignal::new(status), RwSignal::new(status)],
            loads: [RwSignal::new(0), RwSignal::new(0)],
            waiting: StoredValue::new(Vec::new()),
            next_id: StoredValue::new(0),
            held: StoredValue::new(None),
            submit: StoredValue::new(None),
            escape: StoredValue::new(None),
            scheme: Signal::stored(None),
        };
        let handle = window_event_listener(ev::message, move |event: MessageEvent| fields.receive(&event));
        on_cleanup(move || handle.remove());
        if entry == CardEntry::NewCard {
            // The security code's length depends on the number's brand: relay it (the fields never talk to the
            // app about each other's values), when it changes or the security code field loads.
            let brand = Memo::new(move |_| fields.statuses[0].with(|s| s.brand));
            let code_ready = Memo::new(move |_| fields.statuses[1].with(|s| s.ready));
            Effect::new(move |_| {
                if code_ready.get() {
                    fields.send(FieldKind::SecurityCode, FieldCommand::Brand { brand: brand.get() });
                }
            });
        }
        fields
    }

    /// Shows the fields in `scheme` (`light`, `dark`, or `system`), for a parent with its own colour scheme (the
    /// component gallery). Otherwise the fields follow the system's, as the app does.
    pub fn follow_scheme(mut self, scheme: Signal<Option<&'static str>>) -> Self {
        self.scheme = scheme;
        self
    }

    /// What the fields take.
    pub fn entry(self) -> CardEntry {
        self.entry
    }

    /// The fields this form shows.
    pub fn kinds(self) -> &'static [FieldKind] {
        match self.entry {
            CardEntry::NewCard => &[FieldKind::Number, FieldKind::SecurityCode],
            CardEntry::SecurityCode(_) => &[FieldKind::SecurityCode],
        }
    }

    /// What `kind` said last.
    pub fn status(self, kind: FieldKind) -> Signal<FieldStatus> {
        self.statuses[slot(kind)].into()
    }

    /// Whether every field holds a value that can be tokenized (a stored card's security code may stay empty).
    pub fn complete(self) -> bool {
        self.kinds().iter().all(|kind| {
            let state = self.statuses[slot(*kind)].with(|s| s.state);
            state == FieldState::Complete
                || (matches!(self.entry, CardEntry::SecurityCode(_)) && state == FieldState::Empty)
        })
    }

    /// The revisions of both fields now: a token made at other revisions is for another value.
    pub fn revisions(self) -> (u32, u32) {
        (self.statuses[0].with_untracked(|s| s.revision), self.statuses[1].with_untracked(|s| s.revision))
    }

    /// Called when the person presses Enter in a field.
    pub fn on_submit(self, submit: Callback<()>) {
        self.submit.set_value(Some(submit));
    }

    /// Called when the person presses Escape in a field (the pane closes, as it does on Escape elsewhere).
    pub fn on_escape(self, escape: Callback<()>) {
        self.escape.set_value(Some(escape));
    }

    /// A token for what the fields hold: the one made for these very values when it was not refused, else a new
    /// one (the number field tokenizes the card; a stored card's security code field, the code).
    pub async fn token(self) -> Result<CardToken, TokenizeFailure> {
        let revisions = self.revisions();
        let held = self.held.try_with_value(|held| {
            held.as_ref().filter(|(made_at, _)| *made_at == revisions).map(|(_, token)| token.clone())
        });
        if let Some(token) = held.flatten() {
            return Ok(token);
        }
        let kind = self.kinds()[0];
        let token = self.tokenize(kind).await?;
        self.held.try_set_value(Some((revisions, token.clone())));
        Ok(token)
    }

    /// Forgets the held token: the backend said it is spent or expired.
    pub fn forget_token(self) {
        self.held.try_set_value(None);
    }

    async fn tokenize(self, kind: FieldKind) -> Answer {
        let (sender, receiver) = oneshot::channel();
        let id = self.next_id.try_update_value(|n| {
            *n += 1;
            *n
        });
        let Some(id) = id else { return Err(TokenizeFailure::Unavailable) };
        self.waiting.try_update_value(|waiting| waiting.push(Waiting { id, kind, wake: Some(sender), answer: None }));
        // Only a ready field is asked. It always answers (its own waits and requests end in an answer within
        // seconds); a field that loads again or goes away answers for it (`unloaded`).
        let ready = self.statuses[slot(kind)].with_untracked(|s| s.ready);
        if ready && self.send(kind, FieldCommand::Tokenize { id }) {
            let _ = receiver.await;
        }
        let answered = self.waiting.try_update_value(|waiting| {
            let at = waiting.iter().position(|w| w.id == id)?;
            waiting.remove(at).answer
        });
        answered.flatten().unwrap_or(Err(TokenizeFailure::Unavailable))
    }

    fn send(self, kind: FieldKind, command: FieldCommand) -> bool {
        let target = self.frames[slot(kind)].get_untracked().and_then(|frame| frame.content_window());
        let origin = self.origin.try_get_value().unwrap_or_default();
        match (target, protocol::write_command(command)) {
            (Some(target), Some(message)) if !origin.is_empty() => target.post_message(&message, &origin).is_ok(),
            _ => false,
        }
    }

    fn receive(self, event: &MessageEvent) {
        let Some(origin) = self.origin.try_get_value() else { return };
        if !protocol::from_payments_origin(&origin, &event.origin()) {
            return;
        }
        let Some(source) = event.source() else { return };
        let from = self.kinds().iter().copied().find(|kind| {
            let window = self.frames[slot(*kind)].get_untracked().and_then(|frame| frame.content_window());
            window.is_some_and(|window| AsRef::<JsValue>::as_ref(&window) == AsRef::<JsValue>::as_ref(&source))
        });
        let (Some(kind), Some(message)) = (from, protocol::read_event(&event.data())) else { return };
        let status = self.statuses[slot(kind)];
        match message {
            FieldEvent::Ready { field, height } if field == kind => {
                self.unloaded(kind);
                status.update(|s| {
                    *s = FieldStatus {
                        ready: true,
                        height: Some(height),
                        revision: s.revision + 1,
                        ..FieldStatus::default()
                    };
                });
            }
            FieldEvent::Change { field, state, code, brand } if field == kind => status.update(|s| {
                s.state = state;
                s.issue = code;
                s.brand = brand;
                s.revision += 1;
            }),
            FieldEvent::Blur { field } if field == kind => status.update(|s| s.left = true),
            FieldEvent::Resize { field, height } if field == kind => status.update(|s| s.height = Some(height)),
            FieldEvent::Submit { field } if field == kind => {
                if let Some(submit) = self.submit.try_get_value().flatten() {
                    submit.run(());
                }
            }
            FieldEvent::Escape { field } if field == kind => {
                if let Some(escape) = self.escape.try_get_value().flatten() {
                    escape.run(());
                }
            }
            FieldEvent::Tokenized { id, token, brand, last4 } => {
                self.answer(kind, id, Ok(CardToken { token, brand, last4 }))
            }
            FieldEvent::TokenizeFailed { id, code } => self.answer(kind, id, Err(code)),
            _ => {}
        }
    }

    /// Answers request `id` that was asked of `kind` (an answer from another field is not its).
    fn answer(self, kind: FieldKind, id: u32, answer: Answer) {
        let wake = self.waiting.try_update_value(|waiting| {
            let waiting = waiting.iter_mut().find(|w| w.id == id && w.kind == kind)?;
            waiting.answer = Some(answer);
            waiting.wake.take()
        });
        if let Some(wake) = wake.flatten() {
            let _ = wake.send(());
        }
    }

    /// `kind`'s page is gone or loads again: what it held is gone, its waiting requests fail, and a token made
    /// from it is no longer held.
    fn unloaded(self, kind: FieldKind) {
        let woken = self.waiting.try_update_value(|waiting| {
            waiting.iter_mut().filter(|w| w.kind == kind).filter_map(|w| w.wake.take()).collect::<Vec<_>>()
        });
        for wake in woken.into_iter().flatten() {
            let _ = wake.send(());
        }
        self.held.try_set_value(None);
        self.statuses[slot(kind)]
            .try_update(|s| *s = FieldStatus { revision: s.revision + 1, ..FieldStatus::default() });
    }

    fn frame(self, kind: FieldKind) -> NodeRef<Iframe> {
        self.frames[slot(kind)]
    }

    /// The field page's address, with what it shows when it loads (none without a payments origin).
    fn src(self, kind: FieldKind, look: &FieldLook, required: bool) -> String {
        let origin = self.origin.get_value();
        if origin.is_empty() {
            return "about:blank".to_owned();
        }
        let parent = window().location().origin().unwrap_or_default();
        let brand = match self.entry {
            CardEntry::SecurityCode(brand) => Some(brand),
            CardEntry::NewCard => None,
        };
        let query = contract::paths::query([
            ("field", Some(kind.as_str().to_owned())),
            ("parent", Some(parent)),
            ("group", Some(self.group.get_value())),
            ("load", Some(self.loads[slot(kind)].get_untracked().to_string())),
            ("required", Some(required.to_string())),
            ("lang", look.lang.clone()),
            ("label", look.label.clone()),
            ("title", look.title.clone()),
            ("description", look.description.clone()),
            ("scheme", look.scheme.clone()),
            ("brand", brand.map(|b| b.as_str().to_owned())),
        ]);
        format!("{origin}/v1/hosted-field{query}")
    }

    /// The field's page loaded. A field page says it is ready while it loads (its script's last step, before its
    /// load event), so unless it did within the next half second or so (30 frames; without a timer, whose
    /// JavaScript glue every page would download), the page is an error page or a refusal: the field failed.
    fn frame_loaded(self, kind: FieldKind) {
        let status = self.statuses[slot(kind)];
        after_frames(READY_FRAMES, move || {
            if status.try_with_untracked(|s| !s.ready) == Some(true) {
                status.update(|s| s.failed = true);
            }
        });
    }

    /// Whether a field's page failed to load.
    pub fn failed(self) -> bool {
        self.kinds().iter().any(|kind| self.statuses[slot(*kind)].with(|s| s.failed))
    }

    /// Loads the pages that failed again.
    pub fn reload_failed(self) {
        for kind in self.kinds() {
            if self.statuses[slot(*kind)].with_untracked(|s| s.failed) {
                self.reload(*kind);
            }
        }
    }

    /// Loads `kind`'s page again (after it failed).
    fn reload(self, kind: FieldKind) {
        self.unloaded(kind);
        self.loads[slot(kind)].update(|n| *n += 1);
    }
}

/// How many frames a loaded field page has to say it is ready.
const READY_FRAMES: u32 = 30;

/// Runs `then` after `frames` animation frames.
fn after_frames(frames: u32, then: impl FnOnce() + 'static) {
    if frames == 0 {
        then();
    } else {
        request_animation_frame(move || after_frames(frames - 1, then));
    }
}
