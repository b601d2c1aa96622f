//! Paragraph cleanup for storage and the normalised content hash that dedupes versions.
//! Matching-level normalisation (quote styles, boilerplate, sentences) is the engine's and
//! ingest's job; this only decides "is this the same text?" for the store.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// Characters that carry no text and that copy/paste and CMSs add or drop at will.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The most characters a stored title (or byline, or outlet name) keeps; a longer one is cut at
/// a word and ends in "…". Pages can put anything in `<title>`, and every view, list and export
/// shows the title whole.
pub const MAX_TITLE_CHARS: usize = 300;

/// C0 and C1 control characters other than tab and line feed. They carry no text, and stored
/// raw they would reach a terminal (ESC starts an escape sequence that can retitle the window
/// or clear the screen) or an export.
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` without [stray control characters](is_stray_control).
pub fn strip_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(is_stray_control) {
        text.chars().filter(|&c| !is_stray_control(c)).collect()
    } else {
        text.into()
    }
}

/// A one-line label (title, byline, outlet name) for storage: control characters dropped, line
/// breaks and runs of spaces folded to one space, trimmed, and cut to [`MAX_TITLE_CHARS`].
pub fn clean_label(text: &str) -> String {
    let folded = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    cap_chars(&folded, MAX_TITLE_CHARS)
}

/// `text` cut to at most `max` characters, at the last space when there is one in the second
/// half, with "…" marking the cut.
pub fn cap_chars(text: &str, max: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max.saturating_sub(1)) else {
        return text.to_string();
    };
    if text[cut..].chars().count() <= 1 {
        return text.to_string();
    }
    let head = &text[..cut];
    let at_word = head
        .rfind(' ')
        .filter(|&k| head[..k].chars().count() >= max / 2)
        .map_or(head, |k| &head[..k]);
    format!("{}…", at_word.trim_end())
}

/// Prepares paragraphs for storage: drops stray control characters, trims each one, drops
/// empty ones, and folds any blank line inside a paragraph to a single line break, so that
/// joining with `"\n\n"` (the stored body) splits back into exactly the same paragraphs.
/// Spacing inside a line is kept as written: a double space is part of the text a revision may fix.
pub fn clean_paragraphs<S: AsRef<str>>(paragraphs: &[S]) -> Vec<String> {
    paragraphs
        .iter()
        .map(|p| fold_blank_lines(strip_controls(p.as_ref()).trim()))
        .filter(|p| !p.is_empty())
        .collect()
}

fn fold_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line.trim_end());
        if lines.peek().is_some() {
            out.push('\n');
        }
    }
    // `lines` gives "" for blank lines: collapse the runs of '\n' they leave.
    let mut folded = String::with_capacity(out.len());
    let mut prev_newline = false;
    for c in out.chars() {
        if c == '\n' {
            if !prev_newline {
                folded.push(c);
            }
            prev_newline = true;
        } else {
            prev_newline = false;
            folded.push(c);
        }
    }
    folded
}

/// Joins cleaned paragraphs into the stored body form.
pub(crate) fn join_body(paragraphs: &[String]) -> String {
    paragraphs.join("\n\n")
}

/// Splits a stored body back into its paragraphs.
pub(crate) fn split_body(body: &str) -> Vec<String> {
    if body.is_empty() {
        return Vec::new();
    }
    body.split("\n\n").map(str::to_owned).collect()
}

/// One text in the form that decides identity: Unicode NFC, invisible characters removed,
/// every run of whitespace (including line breaks) folded to one space, trimmed.
pub fn normalise_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfc().filter(|c| !is_invisible(*c)) {
        if c.is_whitespace() {
            pending_space = true;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// The content hash of a version: SHA-256 (lowercase hex) over the normalised title and the
/// normalised non-empty paragraphs. Two texts that differ only in whitespace, Unicode
/// composition or invisible characters get the same hash; a changed headline, word, number
/// or paragraph break gets a new one. Byline and times are not part of the text.
pub fn content_hash<S: AsRef<str>>(title: &str, paragraphs: &[S]) -> String {
    let mut hasher = Sha256::new();
    // A version tag and unit separators keep ("ab", "c") and ("a", "bc") apart and let the
    // scheme change later without colliding with old hashes.
    hasher.update(b"parallax-text-v1\x1f");
    hasher.update(normalise_text(title).as_bytes());
    for p in paragraphs {
        let p = normalise_text(p.as_ref());
        if !p.is_empty() {
            hasher.update(b"\x1e");
            hasher.update(p.as_bytes());
        }
    }
    let digest = hasher.finalize();
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_composition_do_not_change_the_hash() {
        // Re-fetching the same article often yields different spacing or a decomposed "é";
        // storing those as new versions would flood the history with false edits.
        let a = content_hash("Café vote", &["The  council voted.", "Next\nparagraph."]);
        let b = content_hash(
            "Cafe\u{301} vote",
            &[" The council voted. ", "", "Next paragraph.\u{200B}"],
        );
        assert_eq!(a, b);
    }

    #[test]
    fn real_edits_change_the_hash() {
        // A changed number, headline or paragraph split is exactly what the history must keep.
        let base = content_hash("Vote", &["12 people."]);
        assert_ne!(base, content_hash("Vote", &["14 people."]));
        assert_ne!(base, content_hash("Vote!", &["12 people."]));
        assert_ne!(content_hash("T", &["a b"]), content_hash("T", &["a", "b"]));
    }

    #[test]
    fn control_characters_never_reach_stored_text() {
        // An ESC from a page's `&#27;` would be printed raw by `list` and `search`: a window
        // title change, a cleared screen. Tabs and line breaks are text and stay.
        assert_eq!(
            clean_paragraphs(&["A\u{1b}]0;pwned\u{7}\u{1b}[2J b\u{85}c\td\r\ne\u{7f}"]),
            vec!["A]0;pwned[2J bc\td\ne".to_string()]
        );
        assert_eq!(
            clean_label(" Town\u{1b}[31m\nhall \u{9b}vote "),
            "Town [31m hall vote"
        );
    }

    #[test]
    fn long_labels_are_cut_at_a_word() {
        let long = "Title word ".repeat(2_000);
        let cut = clean_label(&long);
        assert!(
            cut.chars().count() <= MAX_TITLE_CHARS,
            "{}",
            cut.chars().count()
        );
        assert!(cut.ends_with("word…") || cut.ends_with("Title…"), "{cut}");
        let one_word = "x".repeat(1_000);
        assert_eq!(cap_chars(&one_word, 10), format!("{}…", "x".repeat(9)));
        assert_eq!(cap_chars("exactly ten", 11), "exactly ten");
        assert_eq!(cap_chars("", 5), "");
    }

    #[test]
    fn paragraphs_round_trip_through_the_body() {
        // The reader and the compare view rebuild paragraphs from the stored body; a blank
        // line inside a paragraph would otherwise split it in two.
        let cleaned = clean_paragraphs(&["  One\n\n\ntwo  ", "", "Three  spaced"]);
        assert_eq!(
            cleaned,
            vec!["One\ntwo".to_string(), "Three  spaced".to_string()]
        );
        assert_eq!(split_body(&join_body(&cleaned)), cleaned);
    }
}
