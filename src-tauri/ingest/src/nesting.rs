//! Bounds untrusted HTML before any parser sees it: tags nested deeper than [`MAX_DEPTH`] are
//! dropped (their text stays, inside the deepest kept element) and a page with more than
//! [`MAX_ELEMENTS`] start tags is refused. html5ever's tree builder and readability both do work
//! per element in proportion to its depth, so 20,000 nested `<div>`s (221 KB) took minutes;
//! after this pass the cost is linear in the page. What the page says is left to `extract`.
//!
//! This is a tag scanner, not a parser: it follows the stack of open elements closely enough to
//! count depth (void elements, elements whose end tag is optional, raw-text elements, comments,
//! quoted attribute values) and copies everything it keeps byte for byte.
//!
//! [`bound_markdown`] does the same for Markdown before pulldown-cmark sees it: a line that opens
//! more than [`MAX_DEPTH`] containers (`> `, `- `, `1. `) keeps the first ones and its text.

use std::borrow::Cow;
use std::collections::HashMap;

/// The most nested elements kept (not counting elements whose end tag is optional, such as list
/// items and table cells, which the parser closes by itself: with them the tree is at most a
/// few times deeper). Chromium's parser stops nesting at 512 (`kMaximumHTMLParserDOMTreeDepth`);
/// half of that leaves room for those items, and real articles stay far below either.
pub const MAX_DEPTH: usize = 256;

/// Pages with more start tags than this are refused as too large to analyse (the same bound
/// readability applies after parsing, applied before it so that refusing is fast).
pub const MAX_ELEMENTS: usize = 200_000;

/// The page has more than [`MAX_ELEMENTS`] start tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyElements;

/// Elements that never hold content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be left out and that cannot nest in themselves without an
/// element in between that this pass counts; the parser closes them implicitly, so they add
/// no depth here.
const NEUTRAL: &[&str] = &[
    "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "rb", "rt", "rtc", "rp",
];

/// Elements whose content is text up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// `html` with nesting bounded (borrowed unchanged when nothing was dropped).
pub fn bound(html: &str) -> Result<Cow<'_, str>, TooManyElements> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    // Bytes before `copied` are in `out` (when it exists) or unchanged.
    let mut copied = 0;
    let mut stack: Vec<String> = Vec::new();
    let mut open: HashMap<String, usize> = HashMap::new();
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut elements = 0usize;
    let mut i = 0;
    while let Some(k) = memchr(b'<', &b[i..]) {
        let lt = i + k;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if rest.first().is_some_and(|&c| c == b'!' || c == b'?') {
            i = memchr(b'>', rest).map_or(b.len(), |e| lt + 1 + e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_at = lt + 1 + usize::from(closing);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let name_end = b[name_at..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
            .map_or(b.len(), |e| name_at + e);
        let name = html[name_at..name_end].to_ascii_lowercase();
        let (end, self_closing) = tag_end(b, name_end);
        let keep = if closing {
            close(&name, &mut stack, &mut open, &mut dropped)
        } else {
            elements += 1;
            if elements > MAX_ELEMENTS {
                return Err(TooManyElements);
            }
            start(&name, self_closing, &mut stack, &mut open, &mut dropped)
        };
        if !keep {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = end;
        }
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            i = raw_text_end(b, end, &name);
        } else if !closing && name == "plaintext" {
            break;
        }
    }
    Ok(match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    })
}

/// Whether a start tag is kept; records it on the stack when it opens an element.
fn start(
    name: &str,
    self_closing: bool,
    stack: &mut Vec<String>,
    open: &mut HashMap<String, usize>,
    dropped: &mut HashMap<String, usize>,
) -> bool {
    // Raw-text elements hold no elements, so they add no depth beyond their own; dropping one
    // would turn its text (a script's `'<div>'`) into markup.
    if VOID.contains(&name) || NEUTRAL.contains(&name) || RAW_TEXT.contains(&name) {
        return true;
    }
    // `<x/>` opens an element in HTML, but closes at once inside SVG and MathML.
    if self_closing && (open.contains_key("svg") || open.contains_key("math")) {
        return true;
    }
    if stack.len() >= MAX_DEPTH {
        *dropped.entry(name.to_string()).or_default() += 1;
        return false;
    }
    stack.push(name.to_string());
    *open.entry(name.to_string()).or_default() += 1;
    true
}

/// Whether an end tag is kept: one matching a dropped start tag goes with it; one matching an
/// open element closes it and everything opened after it, as the parser does.
fn close(
    name: &str,
    stack: &mut Vec<String>,
    open: &mut HashMap<String, usize>,
    dropped: &mut HashMap<String, usize>,
) -> bool {
    if let Some(n) = dropped.get_mut(name).filter(|n| **n > 0) {
        *n -= 1;
        return false;
    }
    if open.get(name).is_some_and(|&n| n > 0) {
        while let Some(top) = stack.pop() {
            if let Some(n) = open.get_mut(&top) {
                *n -= 1;
            }
            if top == name {
                break;
            }
        }
    }
    true
}

/// End of a tag whose name ends at `from` (just past its `>`), and whether it ends in `/>`.
/// Quoted attribute values may hold `>`.
fn tag_end(b: &[u8], from: usize) -> (usize, bool) {
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'>' => return (i + 1, i > from && b[i - 1] == b'/'),
            b'=' => {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if let Some(&q) = b.get(i).filter(|&&q| q == b'"' || q == b'\'') {
                    i = memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e + 1);
                }
            }
            _ => i += 1,
        }
    }
    (b.len(), false)
}

/// Where the text of a raw-text element that starts at `from` ends (at its end tag).
fn raw_text_end(b: &[u8], from: usize, name: &str) -> usize {
    let mut i = from;
    while let Some(k) = memchr(b'<', &b[i..]) {
        let at = i + k;
        let tail = &b[at + 1..];
        if tail.first() == Some(&b'/')
            && tail.len() > name.len()
            && tail[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        {
            return at;
        }
        i = at + 1;
    }
    b.len()
}

/// `md` with no line opening more than [`MAX_DEPTH`] block containers (borrowed unchanged when
/// none does). pulldown-cmark re-checks every open container on each line and keeps a tree as
/// deep as the markers, so one line of 20,000 `- ` took minutes; the markers past the bound are
/// dropped and the line's text joins the deepest kept container. Nesting by indentation needs
/// two more bytes per level on every line, so the import limit already keeps it shallow.
pub fn bound_markdown(md: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    for line in md.split_inclusive('\n') {
        let (keep, skip) = container_markers(line.as_bytes());
        if skip > keep {
            let o = out.get_or_insert_with(|| String::with_capacity(md.len()));
            o.push_str(&md[copied..at + keep]);
            copied = at + skip;
        }
        at += line.len();
    }
    match out {
        Some(mut o) => {
            o.push_str(&md[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(md),
    }
}

/// Where the container markers at the start of a Markdown line stop being kept (after the
/// [`MAX_DEPTH`]th) and where they end: equal when the line has no more than that.
fn container_markers(line: &[u8]) -> (usize, usize) {
    let (mut i, mut depth, mut keep) = (0, 0, 0);
    loop {
        let mut j = i;
        while j < line.len() && matches!(line[j], b' ' | b'\t') {
            j += 1;
        }
        let spaced = |k: usize| line.get(k).is_none_or(|c| c.is_ascii_whitespace());
        let end = match line.get(j) {
            Some(b'>') => j + 1,
            Some(b'-' | b'+' | b'*') if spaced(j + 1) => j + 1,
            Some(c) if c.is_ascii_digit() => {
                let digits = line[j..].iter().take_while(|c| c.is_ascii_digit()).count();
                let k = j + digits;
                if digits > 9 || !matches!(line.get(k), Some(b'.' | b')')) || !spaced(k + 1) {
                    break;
                }
                k + 1
            }
            _ => break,
        };
        depth += 1;
        i = end;
        if depth == MAX_DEPTH {
            keep = i;
        }
    }
    if depth > MAX_DEPTH { (keep, i) } else { (i, i) }
}

fn memchr(c: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&x| x == c)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_unchanged() {
        let page = "<html><head><title>A < B</title><script>if (a<b) x='</div>'</script></head>\
            <body><!-- <div> --><div class=\"a>b\"><p>One<p>Two<br/><img src=x></div>\
            <ul><li>a<li>b</ul><svg><path/><path/></svg></body></html>";
        assert!(matches!(bound(page), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn deep_nesting_is_cut_at_the_bound_and_keeps_the_text() {
        let n = 20_000;
        let page = format!(
            "<html><body>{}<p>Deep words here.</p>{}<p>After.</p></body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let out = bound(&page).unwrap();
        // The kept tags balance: as many `<div>` as `</div>`, at most MAX_DEPTH of them.
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("<p>Deep words here.</p>") && out.contains("<p>After.</p>"));
        // A script past the bound keeps its tags: its text must not become markup.
        let script = format!("{}<script>'<div>'</script>", "<div>".repeat(MAX_DEPTH + 5));
        assert!(
            bound(&script)
                .unwrap()
                .ends_with("<script>'<div>'</script>")
        );
    }

    #[test]
    fn unclosed_nesting_of_any_element_is_bounded() {
        for tag in [
            "<div>",
            "<span>",
            "<b>",
            "<blockquote>",
            "<ul>",
            "<div/>",
            "<a x='>'>",
        ] {
            let page = format!("{}<p>Text.</p>", tag.repeat(5_000));
            let out = bound(&page).unwrap();
            // The parsed depth is checked in the integration tests (tests/ingest/hostile.rs).
            assert_eq!(out.matches(tag).count(), MAX_DEPTH, "{tag}");
            assert!(out.ends_with("<p>Text.</p>"), "{tag}");
        }
    }

    #[test]
    fn a_stray_close_tag_heals_the_count() {
        // Implicitly closed elements leave entries that the ancestor's end tag clears, so a long
        // page of sloppy lists never reaches the bound.
        let item = "<ul><li><div>x<li><span>y</ul>";
        let page = item.repeat(10_000);
        assert!(matches!(bound(&page), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn markdown_containers_past_the_bound_are_dropped_and_the_text_kept() {
        for marker in ["- ", "> ", "1. ", "* ", "> - "] {
            let md = format!(
                "# Title\n\n{}Deep words here.\nNext line.\n",
                marker.repeat(20_000)
            );
            let out = bound_markdown(&md);
            let line = out.lines().nth(2).unwrap();
            let (keep, end) = container_markers(line.as_bytes());
            assert_eq!(keep, end, "{marker}: still past the bound");
            assert!(line.ends_with("Deep words here."), "{marker}");
            assert!(out.ends_with("\nNext line.\n") && out.starts_with("# Title\n\n"));
        }
        let md = format!("{}Text.\n", "- ".repeat(MAX_DEPTH + 3));
        assert_eq!(
            bound_markdown(&md),
            format!("{}Text.\n", "- ".repeat(MAX_DEPTH))
        );
    }

    #[test]
    fn ordinary_markdown_passes_unchanged() {
        let md =
            "# T\n\n> quote\n> - item\n>   1. sub\n\n- a\n  - b\n\n-3 degrees\n2024. A year.\n";
        assert!(matches!(bound_markdown(md), Cow::Borrowed(_)));
        let shallow = format!("{}x\n", "- ".repeat(MAX_DEPTH));
        assert!(matches!(bound_markdown(&shallow), Cow::Borrowed(_)));
    }

    #[test]
    fn too_many_elements_are_refused_before_parsing() {
        let page = "<span>x</span>".repeat(MAX_ELEMENTS + 1);
        assert_eq!(bound(&page), Err(TooManyElements));
    }
}
