//! "View original page": the raw page kept with a version, made safe to show inside the app.
//! Scripts, styles, forms, frames, media and images go (so nothing runs and nothing is loaded
//! from the network); links stay as text with their address, for the shell to open outside.
//! The result is meant for a sandboxed `<iframe srcdoc>` with scripts off.

use std::collections::HashSet;

use parallax_store::Library;

use crate::error::Result;
use crate::library::store_error;

/// The kept page of `version_id`, sanitised; `None` when the version kept no page (pasted
/// text, Markdown, or stored before pages were kept).
pub fn original_page(lib: &Library, version_id: i64) -> Result<Option<String>> {
    Ok(lib
        .raw_page(version_id)
        .map_err(store_error)?
        .map(|p| sanitise_page(&p.html)))
}

/// The whole page as inert HTML: text structure, tables and links only, no attributes but
/// `href` (absolute http(s) only), no images or anything else that loads or runs.
pub fn sanitise_page(html: &str) -> String {
    let tags: HashSet<&str> = [
        "a",
        "abbr",
        "article",
        "aside",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "li",
        "main",
        "mark",
        "nav",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "section",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .clean_content_tags(
            ["script", "style", "template", "noscript"]
                .into_iter()
                .collect(),
        )
        .tag_attributes(Default::default())
        .generic_attributes(HashSet::new())
        .add_tag_attributes("a", ["href"])
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::Deny)
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_runs_and_nothing_loads() {
        let page = r#"<html><head><script>alert(1)</script><style>body{background:url(https://t.example/p.gif)}</style>
            <link rel="stylesheet" href="https://cdn.example/s.css"></head>
            <body onload="steal()"><h1 style="color:red">Ferry returns</h1>
            <img src="https://t.example/pixel.gif"><iframe src="https://ads.example/"></iframe>
            <p>The ferry <a href="https://harbour.example/timetable" onclick="x()">sails</a> again.</p>
            <a href="javascript:alert(2)">bad</a><form action="/x"><input name="q"></form></body></html>"#;
        let safe = sanitise_page(page);
        for banned in [
            "<script",
            "alert(1)",
            "<style",
            "background",
            "<link",
            "onload",
            "style=",
            "<img",
            "pixel.gif",
            "<iframe",
            "onclick",
            "javascript:",
            "<form",
            "<input",
        ] {
            assert!(!safe.contains(banned), "{banned} in {safe}");
        }
        assert!(safe.contains("<h1>Ferry returns</h1>"), "{safe}");
        assert!(
            safe.contains("href=\"https://harbour.example/timetable\""),
            "{safe}"
        );
    }

    #[test]
    fn the_kept_page_of_an_imported_file() {
        let mut lib = Library::open_in_memory().unwrap();
        let page = "<html><body><article><h1>Ferry returns</h1><p>The ferry to Merrow Point sails again from Monday, eight months after the slipway collapsed, the harbour board said.</p><p>Crews rebuilt the slip with steel piles and the first sailing is fully booked already.</p><script>x()</script></article></body></html>";
        let v = crate::import_bytes(&mut lib, "ferry.html", page.as_bytes(), 1)
            .unwrap()
            .version_id;
        let shown = original_page(&lib, v).unwrap().unwrap();
        assert!(
            shown.contains("Merrow Point") && !shown.contains("<script"),
            "{shown}"
        );
        let pasted = crate::import_paste(&mut lib, "Note", "Me", "Just text.", 2).unwrap();
        assert_eq!(original_page(&lib, pasted.version_id).unwrap(), None);
    }
}
