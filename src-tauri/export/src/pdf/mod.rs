//! The PDF writer: lays the comparison out on A4 pages (cover, body in either layout, appendix, header and
//! footer) and paints them with krilla. What the rows say is decided in `crate::view`.

mod bidi;
mod body;
mod cover;
mod page;
mod reading;
mod render;
mod story;
mod text;

pub use body::{ADDED_BG, REMOVED_BG};
pub use reading::reading_pdf;
pub use story::{DISPUTED_BG, story_pdf};

use crate::error::Result;
use crate::request::{ExportRequest, Layout};

/// Render the request as a PDF document.
pub fn to_pdf(req: &ExportRequest) -> Result<Vec<u8>> {
    let rows = crate::view::rows(req);
    let mut doc = page::Doc::new();
    cover::cover(&mut doc, req, rows.len());
    // Bookmarks: each part starts on a fresh page.
    let mut outline = vec![("Provenance, summary and legend".to_string(), 0)];
    outline.push(("Comparison".to_string(), doc.pages.len()));
    match req.layout {
        Layout::SideBySide => {
            let head = |which: &str, s: &crate::request::ExportSide| {
                if s.version_label.is_empty() {
                    format!("{which} · {}", s.outlet)
                } else {
                    format!("{which} · {} · {}", s.outlet, s.version_label)
                }
            };
            body::side_by_side(
                &mut doc,
                &rows,
                &head("LEFT", &req.left),
                &head("RIGHT", &req.right),
            );
        }
        Layout::Inline => body::inline(&mut doc, &rows),
    }
    if !req.highlights.is_empty() {
        outline.push((
            "Appendix: highlights and notes".to_string(),
            doc.pages.len(),
        ));
    }
    cover::appendix(&mut doc, req);
    cover::header_footer(&mut doc, req);
    render::render(&doc.pages, &req.title, &outline)
}
