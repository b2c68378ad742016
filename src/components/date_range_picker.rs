use crate::date_range::{DateRange, RangeProblems};
use crate::i18n::*;
use crate::labels::range_problem;
use contract::date::to_iso;
use leptos::prelude::*;
use time::Date;
use wasm_bindgen::JsCast;

/// *Past 3 months* / *Past 6 months* / *Specify a date range*: choosing a period applies it at once; a typed range
/// applies with **Apply** once both dates are right. What was typed stays, with each date's problem beside it.
#[component]
pub fn DateRangePicker(
    /// The range in effect (from the URL).
    #[prop(into)]
    range: Signal<DateRange>,
    /// Today, where the person is.
    today: Date,
    /// Called with the range to apply.
    on_change: Callback<DateRange>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The dates shown: what the person typed since the last Apply, else the range in effect.
    let (typed_from, typed_to) = (RwSignal::new(None::<String>), RwSignal::new(None::<String>));
    let in_effect = move |range: &DateRange| match range {
        DateRange::Custom { from, to } => (from.clone(), to.clone()),
        other => other.dates(today).map(|(from, to)| (to_iso(from), to_iso(to))).unwrap_or_default(),
    };
    let from = Signal::derive(move || typed_from.get().unwrap_or_else(|| range.with(in_effect).0));
    let to = Signal::derive(move || typed_to.get().unwrap_or_else(|| range.with(in_effect).1));
    // A typed range from the URL is checked at once; otherwise from the first Apply.
    let attempted = RwSignal::new(range.with_untracked(|r| matches!(r, DateRange::Custom { .. })));
    let custom = move || DateRange::Custom { from: from.get(), to: to.get() };
    let problems = Memo::new(move |_| {
        if attempted.get() {
            custom().dates(today).err().unwrap_or_default()
        } else {
            RangeProblems::default()
        }
    });
    let choice = move || match range.get() {
        DateRange::Past3Months => "3m",
        DateRange::Past6Months => "6m",
        DateRange::Custom { .. } => "custom",
    };
    let on_select = move |event: leptos::ev::Event| match event_target_value(&event).as_str() {
        "6m" => on_change.run(DateRange::Past6Months),
        "custom" => {
            // Start from the dates shown now, so nothing changes until the person edits them.
            let (start, end) = range.with_untracked(in_effect);
            typed_from.set(None);
            typed_to.set(None);
            attempted.set(false);
            on_change.run(DateRange::Custom { from: start, to: end });
        }
        _ => on_change.run(DateRange::Past3Months),
    };
    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        attempted.set(true);
        if problems.get_untracked() != RangeProblems::default() {
            // Take the person to the first date to fix, once its message is shown.
            request_animation_frame(|| {
                let field = document().query_selector(".date-range [aria-invalid=\"true\"]").ok().flatten();
                if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = field.focus();
                }
            });
        } else {
            let chosen = custom();
            typed_from.set(None);
            typed_to.set(None);
            on_change.run(chosen);
        }
    };
    let max = to_iso(today);
    let date_field = move |id: &'static str,
                           value: Signal<String>,
                           typed: RwSignal<Option<String>>,
                           problem: Signal<Option<String>>| {
        let label = move || {
            if id == "range-from" {
                t_string!(i18n, invoices.from_label).to_string()
            } else {
                t_string!(i18n, invoices.to_label).to_string()
            }
        };
        let error_id = format!("{id}-error");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input
                    type="date"
                    id=id
                    max=max.clone()
                    prop:value=move || value.get()
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby=error_id.clone()
                    on:input=move |event| typed.set(Some(event_target_value(&event)))
                />
                <p id=error_id class="field-error">{problem}</p>
            </div>
        }
    };
    let from_problem = Signal::derive(move || problems.get().from.map(|code| range_problem(i18n, code, true)));
    let to_problem = Signal::derive(move || problems.get().to.map(|code| range_problem(i18n, code, false)));
    view! {
        <div class="date-range">
            <div class="field">
                <label for="range-choice">{t!(i18n, invoices.range_label)}</label>
                <select id="range-choice" on:change=on_select prop:value=choice>
                    <option value="3m" selected=move || choice() == "3m">{t!(i18n, invoices.past_3_months)}</option>
                    <option value="6m" selected=move || choice() == "6m">{t!(i18n, invoices.past_6_months)}</option>
                    <option value="custom" selected=move || choice() == "custom">{t!(i18n, invoices.specify_range)}</option>
                </select>
            </div>
            <Show when=move || choice() == "custom">
                <form class="date-range-fields" novalidate on:submit=apply>
                    {date_field("range-from", from, typed_from, from_problem)}
                    {date_field("range-to", to, typed_to, to_problem)}
                    <button type="submit" class="button">{t!(i18n, invoices.apply)}</button>
                </form>
            </Show>
        </div>
    }
}
