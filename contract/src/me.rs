//! `GET /api/v1/me`: who is signed in.

use crate::wire::wire_names;
use crate::{OrganizationId, PersonId};
use serde::{Deserialize, Serialize};

/// The signed-in person and what they may do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Me {
    /// The person's directory id.
    pub id: PersonId,
    /// Name to show.
    pub display_name: String,
    /// Sign-in e-mail address.
    pub email: String,
    /// Preferred locale (BCP 47, e.g. `sv`), used when the person has not chosen one in the app.
    pub locale: String,
    /// What the person is allowed to see.
    pub role: Role,
    /// The organization (tenant) the person belongs to.
    pub organization: Organization,
    /// Token to send in the `X-CSRF-Token` header of every state-changing request.
    pub csrf_token: String,
}

/// The person's role in the portal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Bought subscriptions with their own card; manages only those.
    Purchaser,
    /// Administrator: read-only view of every self-service purchase in the organization.
    Admin,
}

/// An organization (tenant).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Organization {
    /// Tenant id.
    pub id: OrganizationId,
    /// Name to show.
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn me_round_trips() {
        let me = Me {
            id: "p1".into(),
            display_name: "Åsa Öström".into(),
            email: "asa@contoso.se".into(),
            locale: "sv".into(),
            role: Role::Purchaser,
            organization: Organization { id: "org".into(), name: "Contoso AB".into() },
            csrf_token: "t".into(),
        };
        let json = serde_json::to_string(&me).unwrap();
        assert!(json.contains(r#""role":"purchaser""#));
        assert_eq!(serde_json::from_str::<Me>(&json).unwrap(), me);
    }
}

wire_names!(Role { Purchaser => "purchaser", Admin => "admin" });
