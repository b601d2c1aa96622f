//! Writes sample exports of the test fixtures into a folder (default: the current one), for looking at.
//! `cargo run -p parallax-export --example sample -- /work/export-samples`

#[path = "../tests/export/fixture.rs"]
mod fixture;

use parallax_export::{Layout, to_html, to_markdown, to_pdf, write_atomically};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    for (name, comparison) in [
        ("small", fixture::small()),
        ("long", fixture::long(40)),
        ("long-row", fixture::long_row()),
        ("cjk", fixture::cjk()),
    ] {
        for (lname, layout) in [
            ("side-by-side", Layout::SideBySide),
            ("inline", Layout::Inline),
        ] {
            let req = fixture::request(comparison.clone(), layout);
            write_atomically(&dir.join(format!("{name}-{lname}.pdf")), &to_pdf(&req)?)?;
            write_atomically(
                &dir.join(format!("{name}-{lname}.html")),
                to_html(&req).as_bytes(),
            )?;
            write_atomically(
                &dir.join(format!("{name}-{lname}.md")),
                to_markdown(&req).as_bytes(),
            )?;
        }
    }
    let story = fixture::story_export();
    write_atomically(&dir.join("story.pdf"), &parallax_export::story_pdf(&story)?)?;
    write_atomically(
        &dir.join("story.md"),
        parallax_export::story_markdown(&story).as_bytes(),
    )?;
    Ok(())
}
