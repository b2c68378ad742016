use crate::components::{ExternalLink, PageHeader};
use crate::i18n::*;
use crate::state::config::{use_config, CloudInstance};
use leptos::prelude::*;

/// *Help*: the FAQ, support and admin-center links of the configured cloud instance.
#[component]
pub fn HelpPage() -> impl IntoView {
    let i18n = use_i18n();
    let config = use_config();
    let instance = config.cloud_instance;
    let instance_name = move || match instance {
        CloudInstance::Worldwide => t_string!(i18n, instances.worldwide).to_string(),
        CloudInstance::Germany => t_string!(i18n, instances.germany).to_string(),
        CloudInstance::Vianet => t_string!(i18n, instances.vianet).to_string(),
    };
    let links = config.help_links().cloned();
    view! {
        <PageHeader
            title=Signal::derive(move || t_string!(i18n, help.title).to_string())
            intro=Signal::derive(move || Some(t_string!(i18n, help.intro).to_string()))
        />
        <p>{move || t_string!(i18n, help.instance, name = instance_name()).to_string()}</p>
        {links.map(|links| view! {
            <ul class="link-list">
                <li><ExternalLink href=links.faq_url label=Signal::derive(move || t_string!(i18n, help.faq).to_string()) /></li>
                <li><ExternalLink href=links.support_url label=Signal::derive(move || t_string!(i18n, help.support).to_string()) /></li>
                <li><ExternalLink href=links.products_url label=Signal::derive(move || t_string!(i18n, help.docs_products).to_string()) /></li>
                <li><ExternalLink href=links.licenses_url label=Signal::derive(move || t_string!(i18n, help.docs_licenses).to_string()) /></li>
            </ul>
        })}
    }
}
