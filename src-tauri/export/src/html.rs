//! The HTML export: one standalone file (inline CSS, no scripts, no external resources) with the same marks as
//! the PDF: `<del>` struck on red, `<ins>` underlined on green, text labels for moved/split/merged rows, and claim
//! atoms as `<span class="claim differs">` (boxed, bold) or `<span class="claim one-side">` (dotted underline).

use crate::request::{ExportRequest, ExportSide, HighlightSide, Layout};
use crate::view::{self, Mark, RowView, Span};

const CSS: &str = "body{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;\
color:#191919;line-height:1.45}h1{font-size:1.6rem;margin-bottom:.2rem}.sub{color:#646464;margin-top:0}\
h2{font-size:1.1rem;border-bottom:1px solid #d7d7d7;padding-bottom:.2rem;margin-top:1.6rem}\
.prov{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}.prov dt{font-size:.7rem;font-weight:bold;color:#646464;\
text-transform:uppercase}.prov dd{margin:0 0 .4rem 0;overflow-wrap:anywhere}code{font-size:.85em}\
del{text-decoration:line-through;background:rgb(255,204,204);color:#7d1414}\
ins{text-decoration:underline;background:rgb(196,238,196);color:#0f551e}\
.chip{font-size:.65rem;font-weight:bold;padding:0 .25rem;border-radius:2px;background:#e2e2e2;color:#2d2d2d;\
white-space:nowrap}.chip.moved{background:#d6e0fa;color:#1e3282}.chip.split,.chip.merged{background:#fae4c4;color:#734100}\
.detail{font-size:.75rem;color:#646464}table.sbs{border-collapse:collapse;width:100%}\
table.sbs td,table.sbs th{vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #d7d7d7;width:50%;text-align:left}\
table.sbs td+td,table.sbs th+th{border-left:1px solid #d7d7d7}tr.para td{padding-top:.8rem}\
table.sum td{padding:0 1rem 0 0}blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #d7d7d7}\
mark{background:rgb(255,240,160)}\
.claim.differs{border:1.5px solid #7a4a00;border-radius:3px;padding:0 .1em;font-weight:bold}\
.claim.one-side{border-bottom:1.5px dotted #3c3c3c}@media print{body{max-width:none}}";

/// Render the request as a standalone HTML document.
pub fn to_html(req: &ExportRequest) -> String {
    let rows = view::rows(req);
    let mut h = String::with_capacity(4096 + req.comparison.rows.len() * 300);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"generator\" content=\"Parallax\">\n");
    h.push_str(&format!(
        "<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(&req.title)
    ));
    h.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"sub\">{}</p>\n",
        esc(&req.title),
        esc(&view::subtitle(req, rows.len()))
    ));
    h.push_str("<h2>Where the texts come from</h2>\n<div class=\"prov\">\n");
    side(&mut h, "Left", &req.left);
    side(&mut h, "Right", &req.right);
    h.push_str("</div>\n<h2>Summary of changes</h2>\n<table class=\"sum\">\n");
    for (name, n) in view::summary_items(req) {
        h.push_str(&format!("<tr><td>{}</td><td>{n}</td></tr>\n", esc(&name)));
    }
    h.push_str("</table>\n<h2>Legend</h2>\n<p><del>removed words</del> only in the left version · \
        <ins>added words</ins> only in the right version · <span class=\"chip\">EDITED</span> reworded · \
        <span class=\"chip\">ADDED</span> / <span class=\"chip\">REMOVED</span> whole sentence · \
        <span class=\"chip moved\">MOVED&nbsp;↓</span> stood earlier in the left version (↑: later) · \
        <span class=\"chip split\">SPLIT</span> one sentence became several · \
        <span class=\"chip merged\">MERGED</span> several became one · \
        <span class=\"claim differs\">3,400</span> a claim the two sides give differently, named in words beside \
        the row · <span class=\"claim one-side\">county officials</span> a claim only this side makes. Between two \
        accounts the words themselves are marked only when the export asks for the full word redline.</p>\n<h2>Comparison</h2>\n");
    match req.layout {
        Layout::SideBySide => {
            h.push_str(&format!(
                "<table class=\"sbs\">\n<thead><tr><th>Left · {}</th><th>Right · {}</th></tr></thead>\n<tbody>\n",
                esc(&req.left.outlet),
                esc(&req.right.outlet)
            ));
            for row in &rows {
                let cls = if row.new_paragraph {
                    " class=\"para\""
                } else {
                    ""
                };
                h.push_str(&format!(
                    "<tr{cls}><td>{}</td><td>{}</td></tr>\n",
                    labelled(row, &row.left, row.right.is_empty()),
                    labelled(row, &row.right, true)
                ));
            }
            h.push_str("</tbody>\n</table>\n");
        }
        Layout::Inline => {
            h.push_str("<p>");
            for (i, row) in rows.iter().enumerate() {
                if row.new_paragraph && i > 0 {
                    h.push_str("</p>\n<p>");
                }
                h.push_str(&labelled(row, &row.inline, true));
                h.push(' ');
            }
            h.push_str("</p>\n");
        }
    }
    if !req.highlights.is_empty() {
        h.push_str("<h2>Appendix: highlights and notes</h2>\n<ol>\n");
        for hl in &req.highlights {
            let s = match hl.side {
                HighlightSide::Left => format!("Left · {}", req.left.outlet),
                HighlightSide::Right => format!("Right · {}", req.right.outlet),
            };
            h.push_str(&format!(
                "<li><span class=\"chip\">{}</span><blockquote><mark>{}</mark></blockquote>",
                esc(&s),
                esc(&hl.quote)
            ));
            if let Some(state) = &hl.state {
                h.push_str(&format!(
                    "<p><strong>On the right version:</strong> {}</p>",
                    esc(state)
                ));
            }
            if !hl.note.is_empty() {
                h.push_str(&format!("<p><strong>Note:</strong> {}</p>", esc(&hl.note)));
            }
            h.push_str("</li>\n");
        }
        h.push_str("</ol>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

fn side(h: &mut String, which: &str, s: &ExportSide) {
    let label = if s.version_label.is_empty() {
        String::new()
    } else {
        format!(" · {}", s.version_label)
    };
    h.push_str(&format!(
        "<section><h3>{}</h3>\n<dl>\n",
        esc(&format!("{which}{label}"))
    ));
    let url = match &s.url {
        Some(u) => format!("<a href=\"{}\">{}</a>", esc(u), esc(u)),
        None => "none (imported text)".to_string(),
    };
    let none = "not recorded".to_string();
    for (k, v) in [
        ("Outlet", esc(&s.outlet)),
        ("Title", esc(&s.title)),
        ("URL", url),
        (
            "Published",
            s.published
                .as_deref()
                .map(esc)
                .unwrap_or_else(|| none.clone()),
        ),
        (
            "Fetched",
            s.fetched
                .as_deref()
                .map(esc)
                .unwrap_or_else(|| none.clone()),
        ),
        (
            "Content hash",
            format!("<code>{}</code>", esc(&s.content_hash)),
        ),
    ] {
        h.push_str(&format!("<dt>{k}</dt><dd>{v}</dd>\n"));
    }
    h.push_str("</dl></section>\n");
}

fn labelled(row: &RowView, spans: &[Span], with_detail: bool) -> String {
    let mut out = String::new();
    if spans.is_empty() {
        return out;
    }
    if let Some(l) = &row.label {
        let class = row.kind.name();
        out.push_str(&format!(
            "<span class=\"chip {class}\">{}</span> ",
            esc(l).replace(' ', "&nbsp;")
        ));
        if with_detail && !row.detail.is_empty() {
            out.push_str(&format!(
                "<span class=\"detail\">{}</span> ",
                esc(&row.detail)
            ));
        }
    }
    // Consecutive spans of one atom (its words may carry different word marks) share one claim box.
    for group in spans.chunk_by(|a, b| a.claim == b.claim) {
        let inner: String = group.iter().map(word_marked).collect();
        match group[0].claim {
            None => out.push_str(&inner),
            Some(c) => {
                let (class, what) = if c.differs {
                    ("differs", "differs between the sides")
                } else {
                    ("one-side", "on this side only")
                };
                let noun = crate::view::facet_noun(c.facet);
                out.push_str(&format!(
                    "<span class=\"claim {class}\" data-facet=\"{}\" title=\"{noun} {what}\">{inner}</span>",
                    c.facet.name()
                ));
            }
        }
    }
    out
}

fn word_marked(s: &Span) -> String {
    match s.mark {
        Mark::Plain => esc(&s.text),
        Mark::Removed => format!("<del>{}</del>", esc(&s.text)),
        Mark::Added => format!("<ins>{}</ins>", esc(&s.text)),
    }
}

/// Escape text for HTML element content and double-quoted attributes.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in parallax_engine::show_hidden(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
