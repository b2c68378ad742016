//! Integration tests of the reference backend: one binary, one module per concern.

mod common;

mod admin;
mod allowed_actions;
mod assign;
mod assignments;
mod auth;
mod billing;
mod dev;
mod directory;
mod faults;
mod fixture;
mod hosted_fields;
mod invoices;
mod licenses;
mod lifecycle;
mod ownership;
mod payment_methods;
mod perf;
mod rejections;
mod server;
mod static_files;
mod subscriptions;
