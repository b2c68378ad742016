//! Runtime configuration, read from `/config.json` before the app mounts, so one build serves every deployment.

use leptos::prelude::*;
use serde::de::{Deserializer, Error, Unexpected};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The contents of `public/config.json`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Config {
    /// Base URL of the API, without `/api/v1` (empty: the app's own origin).
    #[serde(default)]
    pub api_base_url: String,
    /// Which cloud instance this deployment serves.
    pub cloud_instance: CloudInstance,
    /// Where to sign in; `{redirect}` is replaced by the encoded path to come back to. Without it, a signed-out
    /// person is told the portal is not set up for signing in.
    #[serde(default)]
    pub sign_in_url: Option<String>,
    /// Where to go after signing out, for a deployment whose sign-in ends elsewhere too (single sign-on: the
    /// identity provider's sign-out). Without it, the app's own signed-out page says the person is signed out.
    #[serde(default)]
    pub sign_out_url: Option<String>,
    /// The payments origin whose hosted fields take card numbers and security codes (`https://pay.example.com`).
    #[serde(default)]
    pub payments_origin: String,
    /// Help links per cloud instance.
    pub instances: BTreeMap<CloudInstance, HelpLinks>,
    /// Whether the designers' tools are on in a release build: the component gallery (`/gallery`) and the
    /// pseudo-locale. Debug builds always have them.
    #[serde(default)]
    pub design_tools: bool,
}

/// A cloud instance, each with its own admin center and help links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CloudInstance {
    /// Microsoft's worldwide cloud.
    Worldwide,
    /// The Germany cloud.
    Germany,
    /// The China cloud operated by 21Vianet.
    Vianet,
}

// Read by name with one match (a derived visitor matches every name three times: text, bytes and index).
impl<'de> Deserialize<'de> for CloudInstance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = Cow::<'de, str>::deserialize(deserializer)?;
        match &*name {
            "worldwide" => Ok(Self::Worldwide),
            "germany" => Ok(Self::Germany),
            "vianet" | "21vianet" => Ok(Self::Vianet),
            other => Err(D::Error::invalid_value(Unexpected::Str(other), &"worldwide, germany or 21vianet")),
        }
    }
}

/// Help and documentation links of one cloud instance.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct HelpLinks {
    /// The admin center's *Your products* page.
    pub products_url: String,
    /// The admin center's *Licenses* page.
    pub licenses_url: String,
    /// Frequently asked questions about self-service purchases.
    pub faq_url: String,
    /// How to contact support.
    pub support_url: String,
}

impl Config {
    /// The help links of the configured instance.
    pub fn help_links(&self) -> Option<&HelpLinks> {
        self.instances.get(&self.cloud_instance)
    }

    /// Whether the component gallery and the pseudo-locale are available.
    pub fn design_tools(&self) -> bool {
        cfg!(debug_assertions) || self.design_tools
    }

    /// The sign-in URL that comes back to `return_to` (a path with its query string), when one is configured.
    pub fn sign_in_href(&self, return_to: &str) -> Option<String> {
        let url = self.sign_in_url.as_deref().filter(|url| !url.trim().is_empty())?;
        Some(url.replace("{redirect}", &contract::paths::encode(return_to)))
    }
}

/// Makes the configuration available below.
pub fn provide_config(config: Config) {
    provide_context(config);
}

/// The configuration provided by [`provide_config`].
pub fn use_config() -> Config {
    expect_context::<Config>()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The development configuration (`trunk serve`).
    const DEVELOPMENT: &str = include_str!("../../public/config.json");
    /// The configuration `cargo xtask dist` puts into `dist/`.
    const DEPLOYED: &str = include_str!("../../deploy/config.json");

    fn parse(json: &str) -> serde_json::Result<Config> {
        serde_json::from_str(json)
    }

    #[test]
    fn the_development_config_parses_and_has_links_for_every_instance() {
        let config = parse(DEVELOPMENT).expect("public/config.json parses");
        assert_eq!(config.cloud_instance, CloudInstance::Worldwide);
        for instance in [CloudInstance::Worldwide, CloudInstance::Germany, CloudInstance::Vianet] {
            let links = config.instances.get(&instance).expect("links for every instance");
            assert!(links.faq_url.starts_with("https://"));
        }
    }

    #[test]
    fn sign_in_href_carries_the_page_to_return_to() {
        let config = parse(DEVELOPMENT).unwrap();
        assert_eq!(
            config.sign_in_href("/products?channel=self_service").as_deref(),
            Some("/dev/sign-in?redirect=%2Fproducts%3Fchannel%3Dself_service")
        );
    }

    #[test]
    fn the_deployed_config_has_no_development_sign_in_and_parses() {
        let config = parse(DEPLOYED).expect("deploy/config.json parses");
        assert!(!DEPLOYED.contains("/dev/"), "no development route in {DEPLOYED}");
        assert_eq!(config.sign_in_href("/products"), None);
        assert!(!config.design_tools);
        assert!(config.help_links().is_some());
    }

    #[test]
    fn a_blank_sign_in_url_is_no_sign_in_url() {
        let json = DEVELOPMENT.replace("/dev/sign-in?redirect={redirect}", " ");
        assert_eq!(parse(&json).unwrap().sign_in_href("/products"), None);
    }

    #[test]
    fn the_21vianet_name_is_accepted() {
        let json = DEVELOPMENT.replace("\"cloud_instance\": \"worldwide\"", "\"cloud_instance\": \"21vianet\"");
        assert_eq!(parse(&json).unwrap().cloud_instance, CloudInstance::Vianet);
    }
}
