//! Human-readable renderings of a comparison: a terminal redline and a standalone HTML page.
//! The JSON form is serde's; PDF and the app's view are left to other crates.

use std::fmt::Write;

use parallax_engine::{Comparison, Row, RowKind, Significance, Tag, show_hidden};

fn marker(k: RowKind) -> &'static str {
    match k {
        RowKind::Unchanged => " ",
        RowKind::Edited => "~",
        RowKind::Moved => "↕",
        RowKind::Added => "+",
        RowKind::Removed => "-",
        RowKind::Split => "<",
        RowKind::Merged => ">",
    }
}

fn label(r: &Row) -> String {
    if r.kind == RowKind::Unchanged {
        return String::new();
    }
    let sig = match r.significance {
        Significance::None => "no text change",
        Significance::Cosmetic => "cosmetic",
        Significance::Substantive => "substantive",
    };
    let mut s = format!("{} · {}", r.kind.name(), sig);
    if !r.facets.is_empty() {
        let f: Vec<&str> = r.facets.iter().map(|f| f.name()).collect();
        let _ = write!(s, " · {}", f.join(", "));
    }
    if r.kind == RowKind::Moved
        && let Some(i) = r.left.first()
    {
        let _ = write!(s, " · from old sentence {}", i + 1);
    }
    if r.coarse {
        s.push_str(" · whole passage, not compared sentence by sentence");
    }
    s
}

fn summary_line(c: &Comparison) -> String {
    let s = &c.summary;
    let coarse = match s.coarse {
        0 => String::new(),
        n => format!(
            "\n{n} {} too large to compare sentence by sentence: shown whole, without word-level changes",
            if n == 1 { "passage" } else { "passages" }
        ),
    };
    format!(
        "{:?} mode · {} unchanged, {} edited, {} moved, {} added, {} removed, {} split, {} merged · {} substantive, {} cosmetic",
        c.mode,
        s.unchanged,
        s.edited,
        s.moved,
        s.added,
        s.removed,
        s.split,
        s.merged,
        s.substantive,
        s.cosmetic
    ) + &coarse
}

/// A redline for the terminal: one row per line, deletions `[-…-]` and insertions `{+…+}`
/// (red strike-through and green underline when `colour`).
pub fn text(c: &Comparison, colour: bool) -> String {
    let mut out = String::new();
    let (dim, red, green, reset) = if colour {
        ("\x1b[2m", "\x1b[31;9m", "\x1b[32;4m", "\x1b[0m")
    } else {
        ("", "", "", "")
    };
    let _ = writeln!(out, "{dim}{}{reset}\n", summary_line(c));
    let mut para = None;
    for r in &c.rows {
        let p = r.right.first().map(|&j| c.right[j].paragraph);
        if p.is_some() && para.is_some() && p != para {
            out.push('\n');
        }
        if p.is_some() {
            para = p;
        }
        let _ = write!(out, "{} ", marker(r.kind));
        for s in &r.segments {
            // Control characters would be obeyed by the terminal, bidi controls would reorder
            // the line: both are printed as labelled marks.
            let t = show_hidden(&s.text);
            match (s.tag, colour) {
                (Tag::Equal, _) => out.push_str(&t),
                (Tag::Delete, true) => {
                    let _ = write!(out, "{red}{t}{reset}");
                }
                (Tag::Insert, true) => {
                    let _ = write!(out, "{green}{t}{reset}");
                }
                (Tag::Delete, false) => {
                    let _ = write!(out, "[-{t}-]");
                }
                (Tag::Insert, false) => {
                    let _ = write!(out, "{{+{t}+}}");
                }
            }
        }
        let l = label(r);
        if !l.is_empty() {
            let _ = write!(out, "  {dim}({l}){reset}");
        }
        out.push('\n');
    }
    out
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in show_hidden(s).chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A standalone HTML page (inline CSS, no scripts): the redline row by row with labels.
pub fn html(c: &Comparison, old_name: &str, new_name: &str) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Parallax: {} → {}</title>\n<style>\
body{{font:17px/1.55 Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}}\
h1{{font:600 1.1rem system-ui,sans-serif}} .sum{{font:0.85rem system-ui,sans-serif;color:#555}}\
.row{{margin:.35rem 0;padding:.2rem .5rem;border-left:4px solid transparent}}\
.row.edited,.row.split,.row.merged{{border-color:#c9a400}} .row.moved{{border-color:#5b6ee1}}\
.row.added{{border-color:#1a7f37}} .row.removed{{border-color:#cf222e}}\
del{{color:#a40e26;background:#ffebe9;text-decoration:line-through}} ins{{color:#116329;background:#dafbe1;text-decoration:underline}}\
.lab{{font:0.75rem system-ui,sans-serif;color:#555;margin-left:.5rem}} .para{{height:.8rem}}\
</style></head><body>\n<h1>{} → {}</h1>\n<p class=\"sum\">{}</p>\n",
        esc(old_name),
        esc(new_name),
        esc(old_name),
        esc(new_name),
        esc(&summary_line(c))
    );
    let mut para = None;
    for r in &c.rows {
        let p = r.right.first().map(|&j| c.right[j].paragraph);
        if p.is_some() && para.is_some() && p != para {
            o.push_str("<div class=\"para\"></div>\n");
        }
        if p.is_some() {
            para = p;
        }
        let _ = write!(o, "<div class=\"row {}\">", r.kind.name());
        for s in &r.segments {
            match s.tag {
                Tag::Equal => o.push_str(&esc(&s.text)),
                Tag::Delete => {
                    let _ = write!(o, "<del>{}</del>", esc(&s.text));
                }
                Tag::Insert => {
                    let _ = write!(o, "<ins>{}</ins>", esc(&s.text));
                }
            }
        }
        let l = label(r);
        if !l.is_empty() {
            let _ = write!(o, "<span class=\"lab\">{}</span>", esc(&l));
        }
        o.push_str("</div>\n");
    }
    o.push_str("</body></html>\n");
    o
}
