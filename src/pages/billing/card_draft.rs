//! What a person types into a card form's own fields (expiry, name, address) and which problems to show beside
//! which field. The card number and security code are typed into the hosted fields (`crate::hosted_fields`): the
//! form never holds them, only the token they give.

use contract::billing::{Address, CardExpiry, NewPaymentMethod, PaymentMethod, PaymentMethodUpdate};
use contract::cards::check_card_details;
use contract::FieldError;
use leptos::prelude::*;
use time::Date;

/// A billing address being typed.
#[derive(Clone, Copy)]
pub struct AddressDraft {
    /// Street and number.
    pub line1: RwSignal<String>,
    /// More address, optional.
    pub line2: RwSignal<String>,
    /// City.
    pub city: RwSignal<String>,
    /// Postal code.
    pub postal_code: RwSignal<String>,
    /// State or province.
    pub region: RwSignal<String>,
    /// Country code.
    pub country: RwSignal<String>,
}

impl AddressDraft {
    /// A draft starting from `address`.
    pub fn from(address: &Address) -> Self {
        let optional = |value: &Option<String>| RwSignal::new(value.clone().unwrap_or_default());
        Self {
            line1: RwSignal::new(address.line1.clone()),
            line2: optional(&address.line2),
            city: RwSignal::new(address.city.clone()),
            postal_code: optional(&address.postal_code),
            region: optional(&address.region),
            country: RwSignal::new(address.country.clone()),
        }
    }

    /// The address as typed (blank optional parts left out).
    pub fn address(&self) -> Address {
        let optional = |value: RwSignal<String>| Some(value.get().trim().to_owned()).filter(|v| !v.is_empty());
        Address {
            line1: self.line1.get().trim().to_owned(),
            line2: optional(self.line2),
            city: self.city.get().trim().to_owned(),
            postal_code: optional(self.postal_code),
            region: optional(self.region),
            country: self.country.get(),
        }
    }
}

/// A card being typed: a new one, or a stored one being edited.
#[derive(Clone, Copy)]
pub struct CardDraft {
    /// Expiry month, `1`–`12`, or empty.
    pub month: RwSignal<String>,
    /// Expiry year, or empty.
    pub year: RwSignal<String>,
    /// Name on the card.
    pub name: RwSignal<String>,
    /// Billing address.
    pub address: AddressDraft,
    /// Whether a save was tried: then every problem shows.
    pub attempted: RwSignal<bool>,
    /// Fields left once: their problems show.
    touched: RwSignal<Vec<&'static str>>,
}

impl CardDraft {
    /// An empty draft for a new card, addressed like `address`.
    pub fn new_card(address: &Address) -> Self {
        Self::with(String::new(), String::new(), String::new(), address)
    }

    /// A draft of a stored card's editable fields.
    pub fn edit(method: &PaymentMethod) -> Self {
        let CardExpiry { month, year } = method.expiry;
        Self::with(month.to_string(), year.to_string(), method.name_on_card.clone(), &method.address)
    }

    fn with(month: String, year: String, name: String, address: &Address) -> Self {
        Self {
            month: RwSignal::new(month),
            year: RwSignal::new(year),
            name: RwSignal::new(name),
            address: AddressDraft::from(address),
            attempted: RwSignal::new(false),
            touched: RwSignal::new(Vec::new()),
        }
    }

    /// The expiry as chosen (`0` for a part not chosen, which the rules call an invalid date).
    pub fn expiry(&self) -> CardExpiry {
        CardExpiry { year: self.year.get().parse().unwrap_or(0), month: self.month.get().parse().unwrap_or(0) }
    }

    /// The problems of the expiry, name and address as typed (the contract's rules).
    pub fn problems(&self, today: Date) -> Vec<FieldError> {
        self.name.with(|name| check_card_details(self.expiry(), name, &self.address.address(), today))
    }

    /// The new card as typed, with the hosted fields' token for its number and security code.
    pub fn new_payment_method(&self, card_token: String) -> NewPaymentMethod {
        NewPaymentMethod {
            card_token,
            expiry: self.expiry(),
            name_on_card: self.name.get().trim().to_owned(),
            address: self.address.address(),
        }
    }

    /// What differs from `method`: only those fields are sent (a new security code as its token, when one is
    /// typed).
    pub fn update(&self, method: &PaymentMethod, security_code_token: Option<String>) -> PaymentMethodUpdate {
        let expiry = self.expiry();
        let name = self.name.get().trim().to_owned();
        let address = self.address.address();
        PaymentMethodUpdate {
            security_code_token,
            expiry: (expiry != method.expiry).then_some(expiry),
            name_on_card: (name != method.name_on_card).then_some(name),
            address: (address != method.address).then_some(address),
        }
    }

    /// After the stored card changed elsewhere (`before` → `now`): what the person did not change follows `now`;
    /// what they changed stays as typed.
    pub fn rebase(&self, before: &PaymentMethod, now: &PaymentMethod) {
        let follow = |typed: RwSignal<String>, old: String, new: String| {
            if typed.with_untracked(|t| t.trim() == old.trim()) {
                typed.set(new);
            }
        };
        let (b, n) = (before.expiry, now.expiry);
        if self.expiry() == b {
            self.month.set(n.month.to_string());
            self.year.set(n.year.to_string());
        }
        follow(self.name, before.name_on_card.clone(), now.name_on_card.clone());
        let (a, b) = (&before.address, &now.address);
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        let address = self.address;
        follow(address.line1, a.line1.clone(), b.line1.clone());
        follow(address.line2, text(&a.line2), text(&b.line2));
        follow(address.city, a.city.clone(), b.city.clone());
        follow(address.postal_code, text(&a.postal_code), text(&b.postal_code));
        follow(address.region, text(&a.region), text(&b.region));
        follow(address.country, a.country.clone(), b.country.clone());
    }

    /// Marks `field` as left once (nothing when the form is gone: a field is left as its pane closes, too).
    pub fn touch(&self, field: &'static str) {
        if self.touched.try_with_untracked(|t| !t.contains(&field)) == Some(true) {
            self.touched.update(|t| t.push(field));
        }
    }

    /// The problem to show for `field` (a name such as `expiry` or `address.city`): the rules' verdict once
    /// the field was left or a save tried, else the backend's (`server`) from the last save.
    pub fn shown_problem(
        &self,
        field: &'static str,
        problems: &[FieldError],
        server: &[FieldError],
    ) -> Option<contract::problem::FieldErrorCode> {
        let visible = self.attempted.get() || self.touched.with(|t| t.contains(&field));
        let find = |list: &[FieldError]| list.iter().find(|p| p.field == field).map(|p| p.code);
        find(problems).filter(|_| visible).or_else(|| find(server))
    }
}
