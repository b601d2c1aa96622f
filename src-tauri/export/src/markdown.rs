//! The Markdown export: provenance, summary, then the rows with `~~removed~~` / `**added**` marks and bracketed
//! labels; claim atoms as `⟦differs⟧` (white square brackets, the box of the PDF) and `_one side only_` (italic);
//! side by side becomes a two-column table. Rendering the Markdown is left to the reader's viewer.

use crate::request::{ExportRequest, ExportSide, HighlightSide, Layout};
use crate::view::{self, Mark, RowView, Span};

/// Render the request as CommonMark (with the strikethrough and table extensions GitHub also reads).
pub fn to_markdown(req: &ExportRequest) -> String {
    let rows = view::rows(req);
    let mut md = String::new();
    md.push_str(&format!("# {}\n\n", escape(&req.title)));
    md.push_str(&format!("{}\n\n", view::subtitle(req, rows.len())));
    md.push_str("## Where the texts come from\n\n");
    side(&mut md, "Left", &req.left);
    side(&mut md, "Right", &req.right);
    md.push_str("## Summary of changes\n\n| change | rows |\n| --- | ---: |\n");
    for (name, n) in view::summary_items(req) {
        md.push_str(&format!("| {name} | {n} |\n"));
    }
    md.push_str(
        "\nLegend: ~~struck~~ = only in the left version, **bold** = only in the right version; \
         [EDITED], [ADDED], [REMOVED], [MOVED ↑/↓], [SPLIT], [MERGED] label changed rows \
         (↓: the sentence stood earlier in the left version); ⟦boxed⟧ = a claim the two sides give differently \
         (named in words beside the row), _italic_ = a claim only this side makes. Between two accounts the \
         words themselves are marked only when the export asks for the full word redline.\n\n## Comparison\n\n",
    );
    match req.layout {
        Layout::SideBySide => {
            md.push_str(&format!(
                "| Left: {} | Right: {} |\n| --- | --- |\n",
                cell(&escape(&req.left.outlet)),
                cell(&escape(&req.right.outlet))
            ));
            for row in &rows {
                let l = if row.left.is_empty() {
                    String::new()
                } else {
                    labelled(row, &row.left, row.right.is_empty())
                };
                let r = if row.right.is_empty() {
                    String::new()
                } else {
                    labelled(row, &row.right, true)
                };
                md.push_str(&format!("| {} | {} |\n", cell(&l), cell(&r)));
            }
        }
        Layout::Inline => {
            let mut para = Vec::new();
            for row in &rows {
                if row.new_paragraph && !para.is_empty() {
                    md.push_str(&para.join(" "));
                    md.push_str("\n\n");
                    para.clear();
                }
                para.push(labelled(row, &row.inline, true));
            }
            if !para.is_empty() {
                md.push_str(&para.join(" "));
                md.push('\n');
            }
        }
    }
    if !req.highlights.is_empty() {
        md.push_str("\n## Appendix: highlights and notes\n\n");
        for (i, h) in req.highlights.iter().enumerate() {
            let s = match h.side {
                HighlightSide::Left => format!("Left ({})", req.left.outlet),
                HighlightSide::Right => format!("Right ({})", req.right.outlet),
            };
            md.push_str(&format!(
                "{}. {}:\n\n   > {}\n",
                i + 1,
                escape(&s),
                escape(&h.quote)
            ));
            if let Some(state) = &h.state {
                md.push_str(&format!("\n   On the right version: {}\n", escape(state)));
            }
            if !h.note.is_empty() {
                md.push_str(&format!("\n   Note: {}\n", escape(&h.note)));
            }
            md.push('\n');
        }
    }
    md
}

fn side(md: &mut String, which: &str, s: &ExportSide) {
    let label = if s.version_label.is_empty() {
        String::new()
    } else {
        format!(" ({})", s.version_label)
    };
    md.push_str(&format!("**{which}{}**\n\n", escape(&label)));
    let none = "not recorded";
    for (k, v) in [
        ("Outlet", s.outlet.as_str()),
        ("Title", s.title.as_str()),
        ("URL", s.url.as_deref().unwrap_or("none (imported text)")),
        ("Published", s.published.as_deref().unwrap_or(none)),
        ("Fetched", s.fetched.as_deref().unwrap_or(none)),
    ] {
        md.push_str(&format!("- {k}: {}\n", escape(v)));
    }
    md.push_str(&format!(
        "- Content hash: `{}`\n\n",
        s.content_hash.replace('`', "")
    ));
}

fn labelled(row: &RowView, spans: &[Span], with_detail: bool) -> String {
    let mut out = String::new();
    if let Some(l) = &row.label {
        out.push_str(&format!("\\[{l}\\] "));
        if with_detail && !row.detail.is_empty() {
            out.push_str(&format!("_({})_ ", escape(&row.detail)));
        }
    }
    // Consecutive spans of one atom (its words may carry different word marks) share one claim mark.
    for group in spans.chunk_by(|a, b| a.claim == b.claim) {
        let inner: String = group.iter().map(marked).collect();
        let delim = match group[0].claim {
            None => {
                out.push_str(&inner);
                continue;
            }
            Some(c) if c.differs => ("⟦", "⟧"),
            Some(_) => ("_", "_"),
        };
        // Keep spaces outside the delimiters, as CommonMark needs for emphasis.
        let core = inner.trim();
        let lead = &inner[..inner.len() - inner.trim_start().len()];
        let trail = &inner[inner.trim_end().len()..];
        out.push_str(&format!("{lead}{}{core}{}{trail}", delim.0, delim.1));
    }
    out.trim_end().to_string()
}

/// Wrap a span in its mark, keeping surrounding spaces outside the delimiters (CommonMark needs that).
fn marked(s: &Span) -> String {
    let delim = match s.mark {
        Mark::Plain => return escape(&s.text),
        Mark::Removed => "~~",
        Mark::Added => "**",
    };
    let core = s.text.trim();
    if core.is_empty() {
        return s.text.clone();
    }
    let lead = &s.text[..s.text.len() - s.text.trim_start().len()];
    let trail = &s.text[s.text.trim_end().len()..];
    format!("{lead}{delim}{}{delim}{trail}", escape(core))
}

/// Escape characters Markdown would read as syntax.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in parallax_engine::show_hidden(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn cell(text: &str) -> String {
    text.replace('\n', " ")
}
