//! Loose text: runs of words and inline elements that sit directly in a container beside its
//! blocks (`<section>Intro text<br><h2>…</h2>More text<ul>…</ul></section>`). A browser shows
//! them as paragraphs; the extractor, which reads block elements, would drop them. Each run is
//! wrapped in its own `<p>` so it is read like any other paragraph. Deciding what is article text
//! is left to the extractor.

use dom_query::{Document, NodeRef};

/// Elements that flow inside a line of text (HTML's phrasing content, as it is used in pages).
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "label", "mark", "output", "q", "s", "samp", "small", "span", "strike",
    "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

fn is_inline(node: &NodeRef) -> bool {
    if node.is_text() || node.is_comment() {
        return true;
    }
    node.node_name()
        .is_some_and(|n| INLINE.contains(&&*n.to_ascii_lowercase()))
        && !node
            .descendants_it()
            .any(|d| d.is_element() && !is_inline_element(&d))
}

fn is_inline_element(node: &NodeRef) -> bool {
    node.node_name()
        .is_some_and(|n| INLINE.contains(&&*n.to_ascii_lowercase()))
}

fn has_words(node: &NodeRef) -> bool {
    node.is_text() && node.text().chars().any(char::is_alphanumeric)
}

/// Wraps every run of loose text that shares a container with block elements in a `<p>`.
pub fn wrap_loose_text(doc: &Document) {
    let containers: Vec<NodeRef> = doc
        .select("*")
        .nodes()
        .iter()
        .filter(|n| {
            let children = n.children();
            children.iter().any(has_words)
                && children.iter().any(|c| c.is_element() && !is_inline(c))
        })
        .cloned()
        .collect();
    for container in containers {
        let mut run: Vec<NodeRef> = Vec::new();
        for child in container.children() {
            if is_inline(&child) {
                run.push(child);
            } else {
                wrap(doc, &mut run);
            }
        }
        wrap(doc, &mut run);
    }
}

fn wrap(doc: &Document, run: &mut Vec<NodeRef>) {
    if run
        .iter()
        .any(|n| n.text().chars().any(char::is_alphanumeric))
        && let Some(first) = run.first()
    {
        let p = doc.tree.new_element("p");
        first.insert_before(&p);
        for node in run.iter() {
            p.append_child(node);
        }
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(html: &str) -> Vec<String> {
        let doc = Document::fragment(html);
        wrap_loose_text(&doc);
        doc.select("p")
            .nodes()
            .iter()
            .map(|p| crate::boilerplate::collapse_whitespace(&p.text()))
            .collect()
    }

    #[test]
    fn text_beside_blocks_becomes_paragraphs() {
        let html = "<section>The pier <a href=\"/p\">reopens</a> on Friday.<h2>Tickets</h2>\
            Ferries leave <b>hourly</b>.<ul><li>Adults 4 crowns</li></ul> \n </section>";
        assert_eq!(
            paragraphs(html),
            ["The pier reopens on Friday.", "Ferries leave hourly."]
        );
    }

    #[test]
    fn blocks_of_inline_text_alone_are_left_as_they_are() {
        // A paragraph is already a paragraph; a div of only inline text is one block already.
        let html = "<div><p>One <i>two</i> three.</p></div><div>Only words <em>here</em>.</div>";
        let doc = Document::fragment(html);
        wrap_loose_text(&doc);
        assert_eq!(doc.select("p").length(), 1);
        assert_eq!(doc.select("div").length(), 2);
    }
}
