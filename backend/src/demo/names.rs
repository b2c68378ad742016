//! Name lists for the generated directory: Swedish, German, Chinese (Han characters with the pinyin used for e-mail
//! addresses) and English names, with the diacritics real directories have. Each list is whitespace-separated.

/// Swedish first names.
pub const SWEDISH_FIRST: &str = "Åsa Björn Märta Örjan Linnéa Anders Karin Lars Ingrid Sven Astrid Göran Maja Nils Elsa
    Håkan Sofia Erik Agneta Jöns Anna-Karin Per-Olof Lena Mats Therése Ylva Oskar Ebba Måns Tove Ingegärd Gunnel
    Sigbritt Åke Östen Gösta Britt-Marie Jöran Klas Hedvig Vilgot Signe Folke Märit Alva Tyra Viggo Selma Ludvig";

/// Swedish family names.
pub const SWEDISH_LAST: &str = "Öström Ängström Lindqvist Ekström Sjöberg Åberg Nyström Söderberg Johansson Andersson
    Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson Jönsson Lindström Björklund
    Hägglund Wåhlin Älmqvist Östlund Bergström Forsberg Sandström Lundgren Strömberg Hellström Löfgren Fägerskiöld
    Sjögren Öhman Wikström Dahlén Engström Holmqvist Nordström Åkesson Sundén Blomqvist Lindén Håkansson Mårtensson
    Säfström Ågren Berglöf";

/// German first names.
pub const GERMAN_FIRST: &str = "Jürgen Jörg Günter Hans-Jürgen Karl-Heinz Uwe Sabine Ursula Bärbel Dörte Käthe Lukas
    Felix Lena Leonie Matthias Stefan Claudia Sören Götz Anke Heike Maximilian Jörn Özlem Hannelore Wolfgang Gisela
    Dieter Brigitte Rüdiger Renate Björn Wiebke Henning Lothar Gudrun Ole Friederike Malte Irmgard Torsten Elke";

/// German family names.
pub const GERMAN_LAST: &str = "Weiß Müller Schröder Krüger Groß Schmidt Schneider Fischer Meyer Wagner Becker Schäfer
    Koch Bauer Richter Klein Wolf Schulz Hoffmann Köhler Jäger Böhm Strauß Vogt Günther Fuß Mößner Kühn Weißmann Dürr
    Schütz Hölzl Neumann Schwarz Zimmermann Braun Hartmann Lange Schmitt Werner Krause Meier Lehmann Schmid Schulze
    Maier Köster Löw Brückner";

/// Chinese family names, `汉字:pinyin`.
pub const CHINESE_FAMILY: &str = "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 赵:zhao 黄:huang 周:zhou 吴:wu 徐:xu
    孙:sun 胡:hu 朱:zhu 高:gao 林:lin 何:he 郭:guo 马:ma 罗:luo 梁:liang 宋:song 郑:zheng 谢:xie 韩:han 唐:tang 冯:feng
    于:yu 董:dong 萧:xiao";

/// Chinese given names, `汉字:pinyin`.
pub const CHINESE_GIVEN: &str = "伟:wei 芳:fang 娜:na 秀英:xiuying 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang
    勇:yong 艳:yan 杰:jie 娟:juan 涛:tao 明:ming 超:chao 秀兰:xiulan 霞:xia 平:ping 刚:gang 桂英:guiying 晓明:xiaoming
    婷:ting 浩:hao 雪:xue 慧:hui 鹏:peng 琳:lin 建华:jianhua 志强:zhiqiang 晨:chen 宇:yu 欣怡:xinyi 子涵:zihan
    梓轩:zixuan 雨桐:yutong 俊杰:junjie 佳怡:jiayi";

/// English first names.
pub const ENGLISH_FIRST: &str = "James Olivia William Emma Oliver Amelia Jack Isla Harry Ava Noah Mia George Sophie
    Charlotte Thomas Emily Daniel Grace Chloé Zoë Renée Seán Siobhán Noël Aoife Niamh Ciarán Oisín Benjamin Lucy
    Samuel Hannah Joseph Ella Michael Ruby Edward Florence Henry Matilda Arthur Evie Frederick Penelope";

/// English family names.
pub const ENGLISH_LAST: &str = "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans
    Walker White Roberts Green Hall Wood Jackson Clarke O'Brien Brontë Doyle McCarthy Kennedy Harris Martin Cooper
    King Lee Moore Clark Hughes Edwards Turner Baker Mitchell Phillips Campbell Anderson Scott Morgan Bell Murphy
    Young Allen Ward";

/// Departments.
pub const DEPARTMENTS: &[&str] = &[
    "Sales",
    "Marketing",
    "Finance",
    "Engineering",
    "Human Resources",
    "Legal",
    "Customer Support",
    "Operations",
    "IT",
    "Research & Development",
    "Procurement",
    "Communications",
];

/// Domains of guests (external accounts).
pub const GUEST_DOMAINS: &[&str] = &["fabrikam.com", "northwindtraders.com", "adatum.com"];

/// The entries of a list.
pub fn list(names: &'static str) -> Vec<&'static str> {
    names.split_whitespace().collect()
}

/// The `(汉字, pinyin)` entries of a Chinese list.
pub fn han_list(names: &'static str) -> Vec<(&'static str, &'static str)> {
    names.split_whitespace().filter_map(|entry| entry.split_once(':')).collect()
}
