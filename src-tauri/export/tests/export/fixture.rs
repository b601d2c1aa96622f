//! Hand-built comparisons for the export tests, the benchmark and the sample renders. All text is invented
//! for this project (fictional town, outlets and people); the rows follow the engine's conventions: rows in the
//! right side's reading order, removed rows where they stood on the left, a moved row at its right position.

#![allow(dead_code)]

use parallax_engine::story::story;
use parallax_engine::{
    Comparison, Facet, Mode, Row, RowKind, Segment, Sentence, Significance, Summary, Tag,
};
use parallax_export::{
    ExportHighlight, ExportRequest, ExportSide, HighlightSide, Layout, StoryExport,
};

fn seg(text: &str, tag: Tag) -> Segment {
    Segment {
        text: text.to_string(),
        tag,
    }
}
fn eq(t: &str) -> Segment {
    seg(t, Tag::Equal)
}
fn del(t: &str) -> Segment {
    seg(t, Tag::Delete)
}
fn ins(t: &str) -> Segment {
    seg(t, Tag::Insert)
}

/// Accumulates sentences and rows and keeps the summary honest.
pub struct Builder {
    pub c: Comparison,
}

impl Builder {
    pub fn new(mode: Mode) -> Self {
        Builder {
            c: Comparison {
                mode,
                left: vec![],
                right: vec![],
                rows: vec![],
                summary: Summary::default(),
            },
        }
    }

    fn left(&mut self, text: &str, paragraph: usize) -> usize {
        self.c.left.push(Sentence {
            text: text.to_string(),
            paragraph,
        });
        self.c.left.len() - 1
    }
    fn right(&mut self, text: &str, paragraph: usize) -> usize {
        self.c.right.push(Sentence {
            text: text.to_string(),
            paragraph,
        });
        self.c.right.len() - 1
    }
    fn row(
        &mut self,
        kind: RowKind,
        left: Vec<usize>,
        right: Vec<usize>,
        sig: Significance,
        facets: Vec<Facet>,
        segments: Vec<Segment>,
    ) {
        self.c.rows.push(Row {
            kind,
            left,
            right,
            significance: sig,
            facets,
            segments,
            ..Row::default()
        });
    }

    pub fn unchanged(&mut self, text: &str, lp: usize, rp: usize) {
        let l = self.left(text, lp);
        let r = self.right(text, rp);
        self.row(
            RowKind::Unchanged,
            vec![l],
            vec![r],
            Significance::None,
            vec![],
            vec![eq(text)],
        );
    }

    /// An edited row; `parts` alternate as (equal, deleted, inserted) triples of which any may be empty.
    pub fn edited(
        &mut self,
        parts: &[(&str, &str, &str)],
        lp: usize,
        rp: usize,
        sig: Significance,
        facets: Vec<Facet>,
    ) {
        let mut segs = vec![];
        let (mut lt, mut rt) = (String::new(), String::new());
        for &(e, d, i) in parts {
            if !e.is_empty() {
                segs.push(eq(e));
                lt.push_str(e);
                rt.push_str(e);
            }
            if !d.is_empty() {
                segs.push(del(d));
                lt.push_str(d);
            }
            if !i.is_empty() {
                segs.push(ins(i));
                rt.push_str(i);
            }
        }
        let l = self.left(&lt, lp);
        let r = self.right(&rt, rp);
        self.row(RowKind::Edited, vec![l], vec![r], sig, facets, segs);
    }

    pub fn added(&mut self, text: &str, rp: usize, facets: Vec<Facet>) {
        let r = self.right(text, rp);
        self.row(
            RowKind::Added,
            vec![],
            vec![r],
            Significance::Substantive,
            facets,
            vec![ins(text)],
        );
    }

    pub fn removed(&mut self, text: &str, lp: usize, facets: Vec<Facet>) {
        let l = self.left(text, lp);
        self.row(
            RowKind::Removed,
            vec![l],
            vec![],
            Significance::Substantive,
            facets,
            vec![del(text)],
        );
    }

    /// A moved sentence: `left_index` says where it stood on the left (the sentence must already exist there).
    pub fn moved(&mut self, left_index: usize, rp: usize) {
        let text = self.c.left[left_index].text.clone();
        let r = self.right(&text, rp);
        self.row(
            RowKind::Moved,
            vec![left_index],
            vec![r],
            Significance::Cosmetic,
            vec![],
            vec![eq(&text)],
        );
    }

    /// Reserve a left sentence that a later `moved` row will point to (it has no row of its own at this spot).
    pub fn left_only_for_move(&mut self, text: &str, lp: usize) -> usize {
        self.left(text, lp)
    }

    pub fn split(&mut self, left: &str, rights: &[&str], lp: usize, rp: usize) {
        let l = self.left(left, lp);
        let rs: Vec<usize> = rights.iter().map(|t| self.right(t, rp)).collect();
        let joined = rights.join(" ");
        let segs = vec![del(left), ins(&joined)];
        self.row(
            RowKind::Split,
            vec![l],
            rs,
            Significance::Cosmetic,
            vec![],
            segs,
        );
    }

    pub fn merged(&mut self, lefts: &[&str], right: &str, lp: usize, rp: usize) {
        let ls: Vec<usize> = lefts.iter().map(|t| self.left(t, lp)).collect();
        let r = self.right(right, rp);
        let segs = vec![del(&lefts.join(" ")), ins(right)];
        self.row(
            RowKind::Merged,
            ls,
            vec![r],
            Significance::Substantive,
            vec![Facet::Attribution],
            segs,
        );
    }

    /// Fill in the summary from the rows, as the engine would.
    pub fn finish(mut self) -> Comparison {
        self.c.summary = parallax_engine::summarise(&self.c.rows);
        self.c
    }
}

/// A short revision pair touching every row kind, with Polish, Greek and Cyrillic passages.
pub fn small() -> Comparison {
    use Significance::*;
    let mut b = Builder::new(Mode::Revision);
    let moved_from = b.left_only_for_move(
        "Officials first noticed the crack during a routine inspection in March.",
        0,
    );
    b.unchanged("The old ferry pier in Marlowe Bay will close for repairs, the harbour board said on Tuesday.", 0, 0);
    b.edited(
        &[
            ("Repairs are expected to cost ", "4.2", "5.8"),
            (" million crowns and to take ", "six", "nine"),
            (" months.", "", ""),
        ],
        0,
        0,
        Substantive,
        vec![Facet::Number],
    );
    b.moved(moved_from, 0);
    b.removed(
        "A spokesperson declined to say whether ferries would be rerouted.",
        1,
        vec![],
    );
    b.added(
        "Ferries will dock at the northern quay until the work is finished, the board confirmed.",
        1,
        vec![Facet::Attribution],
    );
    b.edited(
        &[
            ("Local shopkeepers ", "said", "warned"),
            (" the closure could hurt summer trade.", "", ""),
        ],
        1,
        1,
        Cosmetic,
        vec![],
    );
    b.split(
        "Harbourmaster Ewa Zielińska, who oversaw the last repair in 2009, said the pier had served the town well but that its timber piles were worn through.",
        &["Harbourmaster Ewa Zielińska oversaw the last repair in 2009.", "She said the pier had served the town well but that its timber piles were worn through."],
        2,
        2,
    );
    b.merged(
        &[
            "The board will hold a public meeting.",
            "It is planned for the town hall.",
        ],
        "The board will hold a public meeting in the town hall, a member told the Gazette.",
        2,
        2,
    );
    b.unchanged(
        "Zażółć gęślą jaźń: the Polish visitors' guide now carries a notice about the closure.",
        3,
        3,
    );
    b.edited(
        &[
            (
                "A Greek tour operator wrote: «",
                "Η προβλήτα κλείνει",
                "Η προβλήτα θα κλείσει",
            ),
            (" για επισκευές.»", "", ""),
        ],
        3,
        3,
        Substantive,
        vec![Facet::Quote],
    );
    b.unchanged("Ukrainian and Russian notices read: «Причал закрито на ремонт» and «Причал закрыт на ремонт».", 3, 3);
    b.finish()
}

/// A long pair for page-count and timing tests: `paragraphs` paragraphs of five rows each, with a change mix
/// similar to a heavily updated article.
pub fn long(paragraphs: usize) -> Comparison {
    let mut b = Builder::new(Mode::Revision);
    let words = [
        "harbour",
        "council",
        "ferry",
        "timber",
        "inspection",
        "quay",
        "tender",
        "budget",
        "season",
        "mayor",
        "engineer",
        "residents",
        "traffic",
        "weather",
        "contract",
        "schedule",
        "report",
        "survey",
        "storm",
        "crew",
    ];
    let sentence = |p: usize, i: usize, len: usize| -> String {
        let mut s = format!("Paragraph {p} sentence {i}:");
        for k in 0..len {
            s.push(' ');
            s.push_str(words[(p * 7 + i * 3 + k * 5) % words.len()]);
        }
        s.push('.');
        s
    };
    for p in 0..paragraphs {
        b.unchanged(&sentence(p, 0, 18), p, p);
        let a = sentence(p, 1, 12);
        b.edited(
            &[(
                &a,
                " It cost 3 million.",
                " It cost 4 million, officials said.",
            )],
            p,
            p,
            Significance::Substantive,
            vec![Facet::Number],
        );
        match p % 4 {
            0 => b.removed(&sentence(p, 2, 22), p, vec![]),
            1 => b.added(&sentence(p, 2, 25), p, vec![Facet::Name]),
            2 => b.split(
                &sentence(p, 2, 30),
                &[&sentence(p, 3, 14), &sentence(p, 4, 14)],
                p,
                p,
            ),
            _ => b.unchanged(&sentence(p, 2, 40), p, p),
        }
        b.unchanged(&sentence(p, 5, 26), p, p);
        b.edited(
            &[
                (&sentence(p, 6, 9), " The mayor", " Mayor Ilse Varga"),
                (" attended.", "", ""),
            ],
            p,
            p,
            Significance::Cosmetic,
            vec![],
        );
    }
    b.finish()
}

/// Twelve short rows, then one row far longer than a page (tokens w000..w899), then a closing row.
pub fn long_row() -> Comparison {
    let mut b = Builder::new(Mode::Revision);
    for p in 0..12 {
        b.unchanged(
            &format!("Opening sentence of paragraph {p} about the quay."),
            p,
            p,
        );
    }
    let long: String = (0..900)
        .map(|i| format!("w{i:03}"))
        .collect::<Vec<_>>()
        .join(" ");
    b.edited(
        &[(&long, " Old ending.", " New ending.")],
        12,
        12,
        Significance::Cosmetic,
        vec![],
    );
    b.unchanged("Closing sentence after the very long row.", 13, 13);
    b.finish()
}

pub fn side(outlet: &str, label: &str, hash: &str) -> ExportSide {
    ExportSide {
        outlet: outlet.to_string(),
        title: "Marlowe Bay ferry pier to close for repairs".to_string(),
        url: Some(format!(
            "https://{}.example/news/ferry-pier",
            outlet.to_lowercase().replace(' ', "-")
        )),
        published: Some("2026-11-24T08:15:00Z".to_string()),
        fetched: Some(
            if label.contains("older") {
                "2026-11-24T09:02:11Z"
            } else {
                "2026-11-25T17:40:03Z"
            }
            .to_string(),
        ),
        content_hash: hash.to_string(),
        version_label: label.to_string(),
    }
}

pub fn request(comparison: Comparison, layout: Layout) -> ExportRequest {
    ExportRequest {
        comparison,
        left: side(
            "Harbour Gazette",
            "version 1 of 2 (older)",
            "sha256:3f9a0c6b1e2d47f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2",
        ),
        right: side(
            "Harbour Gazette",
            "version 2 of 2 (newer)",
            "sha256:8e7d6c5b4a39281706f5e4d3c2b1a0998877665544332211ffeeddccbbaa0099",
        ),
        highlights: vec![
            ExportHighlight {
                side: HighlightSide::Left,
                quote: "Repairs are expected to cost 4.2 million crowns".to_string(),
                note: "The first figure; the board's budget paper says 5.8.".to_string(),
                state: Some("edited: 4.2 → 5.8 million crowns (highlighted in version 1)".into()),
            },
            ExportHighlight {
                side: HighlightSide::Right,
                quote: "Ferries will dock at the northern quay".to_string(),
                note: "Check with the ferry operator whether this holds for the winter timetable."
                    .to_string(),
                state: Some("intact (highlighted on this version)".into()),
            },
        ],
        layout,
        substantive_only: false,
        word_redline: false,
        title: "Marlowe Bay ferry pier: what changed between the first and second version"
            .to_string(),
    }
}

/// The fictional pier story told in Chinese, Japanese and Korean, with one changed figure in each.
pub fn cjk() -> Comparison {
    let mut b = Builder::new(Mode::Revision);
    b.unchanged("马洛湾的旧渡轮码头将关闭维修，港务局周二表示。", 0, 0);
    b.edited(
        &[
            ("维修预计耗资", "四百二十万", "五百八十万"),
            ("克朗。", "", ""),
        ],
        0,
        0,
        Significance::Substantive,
        vec![Facet::Number],
    );
    b.unchanged("地元の商店主は、閉鎖が夏の商売に影響すると話した。", 1, 1);
    b.edited(
        &[("工事は", "六か月", "九か月"), ("かかる見込みだ。", "", "")],
        1,
        1,
        Significance::Substantive,
        vec![Facet::Number],
    );
    b.unchanged(
        "페리는 공사가 끝날 때까지 북쪽 부두에 정박한다고 위원회가 확인했다.",
        2,
        2,
    );
    b.added("주민 설명회는 다음 주 시청에서 열린다.", 2, vec![]);
    b.unchanged(
        "Mixed line: the board (港务局, 港湾局, 항만청) met on Tuesday.",
        3,
        3,
    );
    b.finish()
}

/// The fictional pier story in Hebrew and Arabic (right to left), with one changed figure in each and a
/// left-to-right sentence quoting both.
pub fn rtl() -> Comparison {
    let mut b = Builder::new(Mode::Revision);
    b.unchanged(
        "המזח הישן במפרץ מרלו ייסגר לתיקונים, כך מסרה רשות הנמל.",
        0,
        0,
    );
    b.edited(
        &[
            ("התיקונים צפויים לעלות ", "4.2", "5.8"),
            (" מיליון כתר.", "", ""),
        ],
        0,
        0,
        Significance::Substantive,
        vec![Facet::Number],
    );
    b.unchanged("قال مجلس الميناء إن الرصيف القديم سيغلق للإصلاح.", 1, 1);
    b.edited(
        &[("ستستغرق الأعمال ", "ستة", "تسعة"), (" أشهر.", "", "")],
        1,
        1,
        Significance::Substantive,
        vec![Facet::Number],
    );
    b.unchanged(
        "Mixed line: the board (רשות הנמל, مجلس الميناء) met on Tuesday.",
        2,
        2,
    );
    b.finish()
}

/// Three fictional outlets' accounts of a fictional harbour fire (issue 12's story exports): the figure is
/// disputed (3,400 / 2,100 / thousands), the source of the start time too, and each account has a claim
/// another leaves out.
pub const GAZETTE: &str = "About 3,400 residents left the harbour district on Sunday. \
The fire started in a grain store at 2:40 a.m., the fire brigade said. \
Crews from three towns fought it until dawn.\n\n\
The mayor will visit the district on Monday.";
pub const WIRE: &str = "Some 2,100 residents left the harbour district on Sunday. \
The fire started in a grain store at 2:40 a.m., police said. \
A ferry service was cancelled.";
pub const BULLETIN: &str = "Thousands of residents left the harbour district on Sunday. \
Crews from three towns fought the fire until dawn. \
A ferry service was cancelled.";

pub fn story_side(outlet: &str, published: &str, hash: &str) -> ExportSide {
    ExportSide {
        outlet: outlet.into(),
        title: format!("{outlet}: harbour fire"),
        url: Some(format!(
            "https://{}.example/fire",
            outlet.to_lowercase().replace(' ', "-")
        )),
        published: Some(published.into()),
        fetched: Some("2026-05-03T12:00:00Z".into()),
        content_hash: format!("sha256:{hash}"),
        version_label: "version 1 of 1".into(),
    }
}

pub fn story_export() -> StoryExport {
    StoryExport {
        title: "Harbour fire".into(),
        accounts: vec![
            story_side("Harbour Gazette", "2026-05-03T06:00:00Z", "aa11"),
            story_side("Coast Wire", "2026-05-03T07:00:00Z", "bb22"),
            story_side("Bay Bulletin", "2026-05-03T09:00:00Z", "cc33"),
        ],
        story: story(&[
            ("Harbour Gazette", GAZETTE),
            ("Coast Wire", WIRE),
            ("Bay Bulletin", BULLETIN),
        ]),
    }
}

/// Ten accounts (the three fictional texts, repeated) under ten outlet names: the widest story table.
pub fn story_export_ten() -> StoryExport {
    let names: Vec<String> = (1..=10).map(|i| format!("Outlet {i}")).collect();
    let texts: Vec<(&str, &str)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), [GAZETTE, WIRE, BULLETIN][i % 3]))
        .collect();
    StoryExport {
        title: "Ten accounts".into(),
        accounts: names
            .iter()
            .map(|n| story_side(n, "2026-05-03T06:00:00Z", "dd44"))
            .collect(),
        story: story(&texts),
    }
}
