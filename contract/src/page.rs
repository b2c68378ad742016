//! Paged lists.

use serde::{Deserialize, Serialize};

/// One page of a longer list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema), schemars(rename = "{T}Page"))]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// How many items match in all.
    pub total: u32,
    /// The 1-based number of this page.
    pub page: u32,
    /// How many items a page holds.
    pub page_size: u32,
}

impl<T> Page<T> {
    /// Cuts one page out of a complete, already ordered list.
    pub fn slice(all: Vec<T>, page: u32, page_size: u32) -> Self {
        let page = page.max(1);
        let page_size = page_size.max(1);
        let total = all.len() as u32;
        let skip = ((page - 1) as usize).saturating_mul(page_size as usize);
        let items = all.into_iter().skip(skip).take(page_size as usize).collect();
        Self { items, total, page, page_size }
    }

    /// How many pages there are.
    pub fn page_count(&self) -> u32 {
        self.total.div_ceil(self.page_size.max(1)).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_cuts_the_requested_page() {
        let page = Page::slice((1..=25).collect::<Vec<u32>>(), 3, 10);
        assert_eq!(page.items, vec![21, 22, 23, 24, 25]);
        assert_eq!(page.total, 25);
        assert_eq!(page.page_count(), 3);
        assert!(Page::slice(vec![1, 2], 9, 10).items.is_empty());
    }

    #[test]
    fn page_round_trips() {
        let page = Page { items: vec!["a".to_owned()], total: 1, page: 1, page_size: 50 };
        let json = serde_json::to_string(&page).unwrap();
        assert_eq!(serde_json::from_str::<Page<String>>(&json).unwrap(), page);
    }
}
