//! Small wrappers over poppler-utils (pdftotext, pdftoppm, pdfinfo) for reading back the PDFs we write.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Pdf {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn save(bytes: &[u8]) -> Pdf {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    Pdf { _dir: dir, path }
}

fn run(cmd: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is needed for these tests (poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

pub fn pages(pdf: &Path) -> usize {
    let info = String::from_utf8(run("pdfinfo", &[pdf.to_str().unwrap()])).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo reports pages")
}

/// Text of pages `first..=last` (1-based), optionally cropped to a region in points (x, y, w, h).
pub fn text(pdf: &Path, first: usize, last: usize, crop: Option<(u32, u32, u32, u32)>) -> String {
    let (f, l) = (first.to_string(), last.to_string());
    let mut args = vec!["-enc", "UTF-8", "-f", &f, "-l", &l];
    let c;
    if let Some((x, y, w, h)) = crop {
        c = [x.to_string(), y.to_string(), w.to_string(), h.to_string()];
        args.extend(["-x", &c[0], "-y", &c[1], "-W", &c[2], "-H", &c[3]]);
    }
    let p = pdf.to_str().unwrap();
    args.extend([p, "-"]);
    String::from_utf8(run("pdftotext", &args)).unwrap()
}

/// pdftotext's output for one page, in the given mode (`-layout`, `-bbox`).
fn page_text(pdf: &Path, page: usize, mode: &str) -> String {
    let p = page.to_string();
    let args = [
        mode,
        "-enc",
        "UTF-8",
        "-f",
        &p,
        "-l",
        &p,
        pdf.to_str().unwrap(),
        "-",
    ];
    String::from_utf8(run("pdftotext", &args)).unwrap()
}

pub fn layout_text(pdf: &Path, page: usize) -> String {
    page_text(pdf, page, "-layout")
}

/// Text of the left or right half of every body page (2..=last), concatenated in page order.
pub fn column(pdf: &Path, right: bool) -> String {
    let n = pages(pdf);
    let x = if right { 298 } else { 0 };
    (2..=n)
        .map(|p| text(pdf, p, p, Some((x, 45, 297, 750))))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Collapse all whitespace runs to one space so wrapped lines compare equal to the source sentences.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A page rendered to RGB pixels.
pub struct Raster {
    pub width: usize,
    pub height: usize,
    pub rgb: Vec<u8>,
}

impl Raster {
    /// Pixels within `tol` of `c` in every channel.
    pub fn count(&self, c: (u8, u8, u8), tol: u8) -> usize {
        self.rgb
            .chunks_exact(3)
            .filter(|p| {
                p[0].abs_diff(c.0) <= tol && p[1].abs_diff(c.1) <= tol && p[2].abs_diff(c.2) <= tol
            })
            .count()
    }
}

/// Render one page with pdftoppm (PPM output, parsed here) at `dpi`.
pub fn raster(pdf: &Path, page: usize, dpi: u32) -> Raster {
    let p = page.to_string();
    let r = dpi.to_string();
    let out = run(
        "pdftoppm",
        &["-r", &r, "-f", &p, "-l", &p, pdf.to_str().unwrap()],
    );
    // Binary PPM: "P6\n<w> <h>\n<max>\n" then RGB bytes.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while out[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !out[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8(out[start..i].to_vec()).unwrap());
    }
    assert_eq!(fields[0], "P6");
    let (width, height): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let rgb = out[i + 1..].to_vec();
    assert_eq!(rgb.len(), width * height * 3);
    Raster { width, height, rgb }
}

/// The 1-based page whose text contains `needle` (whitespace-insensitive).
pub fn page_with(pdf: &Path, needle: &str) -> usize {
    let n = pages(pdf);
    (1..=n)
        .find(|&p| squash(&text(pdf, p, p, None)).contains(needle))
        .unwrap_or_else(|| panic!("no page contains {needle:?}"))
}

/// A word as pdftotext -bbox places it on a page (points from the top-left corner).
pub struct Word {
    pub text: String,
    pub x: f32,
    pub y: f32,
}

/// Every word of one page with its position.
pub fn words(pdf: &Path, page: usize) -> Vec<Word> {
    let html = page_text(pdf, page, "-bbox");
    let attr = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..start + tag[start..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    html.lines()
        .filter_map(|l| l.trim().strip_prefix("<word "))
        .map(|l| {
            let (tag, rest) = l.split_once('>').unwrap();
            let text = rest.strip_suffix("</word>").unwrap().to_string();
            Word {
                text,
                x: attr(tag, "xMin"),
                y: attr(tag, "yMin"),
            }
        })
        .collect()
}
