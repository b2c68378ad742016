//! What the administrator's CSV exports say in each language: column headings and statuses (the app's words for
//! the same things, so a spreadsheet and the page agree).

use crate::lang::Lang;
use contract::subscriptions::SubscriptionStatus;

/// The exports' words in one language.
pub struct ExportWords {
    /// Headings of the purchases export: product, purchaser, purchaser's e-mail, status, licenses, assigned,
    /// purchased on, renews or expires on, price per license, purchase price, currency.
    pub purchases: [&'static str; 11],
    /// Headings of a purchase's people export: name, e-mail, department, assigned on.
    pub people: [&'static str; 4],
    /// Trial, active, expired, disabled, cancelled, deleted (the order of [`SubscriptionStatus::ALL`]).
    pub statuses: [&'static str; 6],
}

impl ExportWords {
    /// The status's word.
    pub fn status(&self, status: SubscriptionStatus) -> &'static str {
        let index = SubscriptionStatus::ALL.iter().position(|s| *s == status).unwrap_or_default();
        self.statuses[index]
    }
}

impl Lang {
    /// The exports' words in this language.
    pub fn export_words(self) -> &'static ExportWords {
        match self {
            Self::En => &EN,
            Self::Sv => &SV,
            Self::De => &DE,
            Self::ZhHans => &ZH_HANS,
        }
    }
}

static EN: ExportWords = ExportWords {
    purchases: [
        "Product",
        "Purchaser",
        "Purchaser e-mail",
        "Status",
        "Licenses",
        "Assigned",
        "Purchased on",
        "Renews or expires on",
        "Price per license",
        "Purchase price",
        "Currency",
    ],
    people: ["Name", "E-mail", "Department", "Assigned on"],
    statuses: ["Trial", "Active", "Expired", "Disabled", "Cancelled", "Deleted"],
};

static SV: ExportWords = ExportWords {
    purchases: [
        "Produkt",
        "Köpare",
        "Köparens e-postadress",
        "Status",
        "Licenser",
        "Tilldelade",
        "Köpt",
        "Förnyas eller upphör",
        "Pris per licens",
        "Inköpspris",
        "Valuta",
    ],
    people: ["Namn", "E-postadress", "Avdelning", "Tilldelad"],
    statuses: ["Utvärderingsversion", "Aktiv", "Har upphört", "Inaktiverad", "Avbruten", "Borttagen"],
};

static DE: ExportWords = ExportWords {
    purchases: [
        "Produkt",
        "Käufer",
        "E-Mail-Adresse des Käufers",
        "Status",
        "Lizenzen",
        "Zugewiesen",
        "Gekauft am",
        "Verlängerung oder Ablauf am",
        "Preis pro Lizenz",
        "Kaufpreis",
        "Währung",
    ],
    people: ["Name", "E-Mail-Adresse", "Abteilung", "Zugewiesen am"],
    statuses: ["Testversion", "Aktiv", "Abgelaufen", "Deaktiviert", "Gekündigt", "Gelöscht"],
};

static ZH_HANS: ExportWords = ExportWords {
    purchases: [
        "产品",
        "购买者",
        "购买者电子邮件",
        "状态",
        "许可证",
        "已分配",
        "购买日期",
        "续订或到期日期",
        "每个许可证的价格",
        "购买价格",
        "货币",
    ],
    people: ["姓名", "电子邮件", "部门", "分配日期"],
    statuses: ["试用", "有效", "已过期", "已禁用", "已取消", "已删除"],
};
