//! What is not the article: generic rules for page furniture (share bars, newsletter boxes,
//! related links, ads, photo credits and captions) at the element level (class/id/tag) and at
//! the paragraph level (short stock phrases), plus the normalised text used for change
//! detection. No per-site rules; extraction itself lives in [`crate::extract`].

use sha2::{Digest, Sha256};

/// Tags whose whole subtree is never article text.
pub const FURNITURE_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "form",
    "button",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "video",
    "audio",
    "figcaption",
    "footer",
    "select",
    "input",
    "textarea",
    "dialog",
];

/// Fragments of class or id names that mark furniture.
const FURNITURE_NAMES: &[&str] = &[
    "share",
    "social",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "related",
    "recommend",
    "promo",
    "advert",
    "sponsor",
    "caption",
    "credit",
    "comments",
    "comment-",
    "paywall",
    "cookie",
    "popup",
    "modal",
    "breadcrumb",
    "outbrain",
    "taboola",
    "read-more",
    "readmore",
    "more-stories",
    "trending",
    "most-read",
    "most-popular",
    "toolbar",
    "byline-follow",
    "author-bio",
    "tags",
    "pullquote",
    "pull-quote",
    "video-embed",
    "video-player",
    "media-embed",
];

/// True when a class or id attribute value names page furniture.
pub fn is_furniture_name(class_or_id: &str) -> bool {
    class_or_id.split_whitespace().any(|token| {
        let t = token.to_ascii_lowercase();
        let t = t.as_str();
        FURNITURE_NAMES.iter().any(|n| t.contains(n))
            || matches!(t, "ad" | "ads" | "adslot" | "ad_slot")
            || t.starts_with("ad-")
            || t.starts_with("ads-")
            || t.starts_with("ad_")
            || t.ends_with("-ad")
            || t.ends_with("-ads")
            || t.ends_with("_ad")
    })
}

const SHARE_WORDS: &[&str] = &[
    "share",
    "facebook",
    "twitter",
    "x",
    "email",
    "e-mail",
    "linkedin",
    "whatsapp",
    "reddit",
    "print",
    "copy",
    "link",
    "pinterest",
    "telegram",
    "bluesky",
    "mastodon",
    "threads",
    "save",
    "comment",
    "comments",
    "this",
    "article",
    "on",
    "via",
    // The same buttons in the other languages Parallax users read most.
    "teilen",
    "artikel",
    "partager",
    "article",
    "compartir",
    "artículo",
    "condividi",
    "articolo",
    "delen",
    "del",
    "dela",
    "drucken",
    "imprimer",
    "imprimir",
    "stampa",
];

const STOCK_LINES: &[&str] = &[
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "advertentie",
    "annonse",
    "annons",
    "reklame",
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below",
    "story continues below advertisement",
    "article continues below",
    "continue reading",
    "continue reading below",
    "skip advertisement",
    "scroll to continue",
    "skip to content",
    "back to top",
];

const STOCK_PREFIXES: &[&str] = &[
    "share this",
    "share on ",
    "share:",
    "click to share",
    "follow us on",
    "follow us:",
    "sign up for",
    "sign up to",
    "subscribe to our",
    "subscribe for",
    "get our newsletter",
    "newsletter:",
    "read more:",
    "watch:",
    "video:",
    "listen:",
    "read more at",
    "related:",
    "related stories",
    "related articles",
    "see also:",
    "more on this story",
    "recommended:",
    "you may also like",
    "you might also like",
    "most read:",
    "photo:",
    "photos:",
    "photo by ",
    "photograph:",
    "photograph by ",
    "photography:",
    "image:",
    "image credit",
    "image by ",
    "picture:",
    "pictured:",
    "illustration:",
    "illustration by ",
    "credit:",
    "(photo",
    "copyright ©",
    "© ",
    "all rights reserved",
];

/// True when one paragraph of extracted text is page furniture rather than article text.
pub fn is_boilerplate_paragraph(paragraph: &str) -> bool {
    let p = collapse_whitespace(paragraph);
    if p.is_empty() {
        return true;
    }
    let lower = p.to_lowercase();
    let bare = lower.trim_end_matches(['.', ':', '!', '…']).trim();
    if STOCK_LINES.contains(&bare) {
        return true;
    }
    if matches!(bare, "comments" | "comment") || is_gallery_counter(bare) {
        return true;
    }
    if is_timestamp_line(&p) {
        return true;
    }
    let short = p.chars().count() <= 160;
    if short
        && STOCK_PREFIXES
            .iter()
            .any(|prefix| lower.starts_with(prefix))
    {
        return true;
    }
    // A credit line: short, with a copyright sign or an agency after a slash.
    if short && (lower.contains('©') || lower.contains("all rights reserved")) {
        return true;
    }
    // A row of share buttons flattened to text: "Share Facebook X Email Copy link".
    let words: Vec<&str> = bare
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|w| SHARE_WORDS.contains(w))
        && words.len() >= 2
}

/// Month names and abbreviations, lower-case (English, German, French, Spanish, Italian,
/// Dutch, Portuguese).
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

/// The other words of a date or time stamp: weekdays, clock and zone words, and the verbs of a
/// "Published ... | Updated ..." line.
const STAMP_WORDS: &[&str] = &[
    "mon",
    "monday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "today",
    "yesterday",
    "ago",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "h",
    "st",
    "nd",
    "rd",
    "th",
    "de",
    "um",
    "uhr",
    "le",
    "à",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "est",
    "edt",
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pst",
    "pdt",
    "minute",
    "minutes",
    "min",
    "mins",
    "hour",
    "hours",
    "hr",
    "hrs",
    "day",
    "days",
    "published",
    "updated",
    "posted",
    "modified",
    "last",
    "first",
    "on",
    "at",
    "by",
];

/// True for a date or time stamp line ("Published 10:48, Tue, Nov 19, 2019 | Updated 11:05",
/// "19.11.2019, 08:57", "By Ada Brook - 11/18/19 11:04 PM EST"): short, with a date or a
/// time in it, and nothing else but stamp words (and, after "by", a name of up to three
/// words). Such a line changes with every edit and is never article text.
pub fn is_timestamp_line(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 18 {
        return false;
    }
    let is_number = |t: &&str| t.chars().all(|c| c.is_ascii_digit());
    let has_clock = lower.as_bytes().windows(3).any(|w| {
        w[0].is_ascii_digit() && matches!(w[1], b':' | b'.' | b'/') && w[2].is_ascii_digit()
    });
    let has_month = tokens.iter().any(|t| MONTHS.contains(t));
    let relative = tokens
        .iter()
        .any(|t| *t == "ago" || *t == "today" || *t == "yesterday");
    let has_year_or_day = tokens.iter().any(is_number);
    if !(has_clock || (has_month && has_year_or_day) || relative) {
        return false;
    }
    let others: Vec<&&str> = tokens
        .iter()
        .filter(|t| !is_number(t) && !MONTHS.contains(t) && !STAMP_WORDS.contains(t))
        .collect();
    let by_name = tokens.contains(&"by") && others.len() <= 3;
    others.is_empty() || by_name
}

/// "3 of 12", "Image 1 of / 9": a slideshow's position, left in the text by its controls.
fn is_gallery_counter(lower: &str) -> bool {
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let numbers = tokens
        .iter()
        .filter(|t| t.chars().all(|c| c.is_ascii_digit()))
        .count();
    tokens.len() <= 5
        && numbers >= 1
        && tokens.contains(&"of")
        && tokens.iter().all(|t| {
            t.chars().all(|c| c.is_ascii_digit())
                || matches!(*t, "of" | "image" | "photo" | "picture" | "slide")
        })
}

/// Collapses runs of whitespace (including non-breaking spaces) to single spaces and trims.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text that decides whether two captures are the same version: title and paragraphs,
/// boilerplate dropped, whitespace collapsed, typographic quotes and dashes unified.
pub fn normalised_text(title: &str, paragraphs: &[String]) -> String {
    let mut out = normalise_line(title);
    for p in paragraphs.iter().filter(|p| !is_boilerplate_paragraph(p)) {
        out.push('\n');
        out.push_str(&normalise_line(p));
    }
    out
}

fn normalise_line(line: &str) -> String {
    collapse_whitespace(line)
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

/// SHA-256 (hex) of [`normalised_text`]: equal for captures that differ only in furniture.
pub fn fingerprint(title: &str, paragraphs: &[String]) -> String {
    let digest = Sha256::digest(normalised_text(title, paragraphs).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_furniture_lines_are_recognised() {
        for line in [
            "Advertisement",
            "Story continues below advertisement",
            "Share this article",
            "Share Facebook X Email Copy link",
            "Sign up for our morning briefing and never miss a story.",
            "Photo: Lena Marsh for The Harbour Courier",
            "Read more: How the ferry timetable was drawn up",
            "Watch: Drone footage of the slip at Merrow Point",
            "Anzeige",
            "Artikel teilen: Facebook Twitter E-Mail",
            "Publicité",
            "© 2026 Northfield Press. All rights reserved.",
        ] {
            assert!(is_boilerplate_paragraph(line), "{line}");
        }
    }

    #[test]
    fn date_and_time_stamps_are_furniture() {
        for line in [
            "Published 10:48, Tue, Nov 19, 2019 | Updated 11:05, Tue, Nov 19, 2019",
            "| UPDATED: 11:05, Tue, Mar 3, 2026",
            "Updated 5:27 am CST, Wednesday, March 4, 2026",
            "Last updated 2 hours ago",
            "19.03.2026, 08:57",
            "By Ada Brook - 3/18/26 11:04 PM EST",
            "Posted on 30 Juni 2026 by Admin",
            "Updated at 1:23 p.m.",
        ] {
            assert!(is_timestamp_line(line), "{line}");
            assert!(is_boilerplate_paragraph(line), "{line}");
        }
        for line in [
            "The ferry left at 10:48 on Tuesday with 40 passengers.",
            "On March 3 the council met again.",
            "By 2030 the harbour will be twice its size.",
            "2026",
        ] {
            assert!(!is_timestamp_line(line), "{line}");
        }
    }

    #[test]
    fn article_sentences_are_kept() {
        for line in [
            "The council voted 7-2 to share the cost of the new ferry with the county.",
            "Photographers waited outside the court for three hours.",
            "Sign language interpreters will be present at every meeting, the mayor said.",
            "Advertisements for the new service will run from March.",
        ] {
            assert!(!is_boilerplate_paragraph(line), "{line}");
        }
    }

    #[test]
    fn furniture_class_names() {
        assert!(is_furniture_name("article-share-bar"));
        assert!(is_furniture_name("ad-slot top"));
        assert!(is_furniture_name("newsletter-box"));
        assert!(!is_furniture_name("article-body"));
        assert!(!is_furniture_name("headline lead"));
        assert!(!is_furniture_name("shadow"));
    }

    #[test]
    fn fingerprint_ignores_furniture_and_quote_styles() {
        let a = vec![
            "He said \u{201c}no\u{201d}.".to_string(),
            "Advertisement".to_string(),
        ];
        let b = vec!["He said  \"no\".".to_string()];
        assert_eq!(fingerprint("T", &a), fingerprint("T", &b));
        assert_ne!(
            fingerprint("T", &a),
            fingerprint("T", &["He said \"yes\".".to_string()])
        );
    }
}
