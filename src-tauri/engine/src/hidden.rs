//! Invisible characters that change what a reader sees or hide text: bidirectional controls
//! (U+202E makes "40" display as "04") and characters that render as nothing (tag characters,
//! invisible operators, word joiners). Renderers show each as a labelled mark via
//! [`show_hidden`] (so do stray control characters, which a terminal or document would
//! interpret); a change in the bidi controls of a row is substantive. Zero-width
//! (non-)joiners, zero-width spaces and soft hyphens are ordinary in some scripts and left alone.

use std::borrow::Cow;

/// Short label and full name of a character shown as a mark, or `None` for ordinary text.
pub fn hidden_name(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\u{202A}' => ("LRE", "left-to-right embedding"),
        '\u{202B}' => ("RLE", "right-to-left embedding"),
        '\u{202C}' => ("PDF", "pop directional formatting"),
        '\u{202D}' => ("LRO", "left-to-right override"),
        '\u{202E}' => ("RLO", "right-to-left override"),
        '\u{2066}' => ("LRI", "left-to-right isolate"),
        '\u{2067}' => ("RLI", "right-to-left isolate"),
        '\u{2068}' => ("FSI", "first strong isolate"),
        '\u{2069}' => ("PDI", "pop directional isolate"),
        '\u{200E}' => ("LRM", "left-to-right mark"),
        '\u{200F}' => ("RLM", "right-to-left mark"),
        '\u{061C}' => ("ALM", "Arabic letter mark"),
        '\u{2060}' => ("WJ", "word joiner"),
        '\u{FEFF}' => ("ZWNBSP", "zero-width no-break space"),
        '\u{180E}' => ("MVS", "Mongolian vowel separator"),
        '\u{2061}'..='\u{2064}' => ("INV", "invisible operator"),
        '\u{E0000}'..='\u{E007F}' => ("TAG", "tag character"),
        _ => return None,
    })
}

/// Bidirectional controls: they reorder what follows them on screen.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// C0 and C1 control characters other than tab and line feed: never text, and raw in a
/// terminal or a document they start escape sequences.
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with each [hidden character](hidden_name) replaced by its label in single angle
/// quotation marks, e.g. `‹RLO›`, and each [stray control](is_stray_control) by its code point,
/// e.g. `‹U+001B›` (borrowed unchanged when there is none). With the controls replaced, nothing
/// is reordered or interpreted on screen: the reader sees the characters in stored order.
pub fn show_hidden(text: &str) -> Cow<'_, str> {
    let marked = |c: char| is_stray_control(c) || hidden_name(c).is_some();
    if !text.chars().any(marked) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if let Some((short, _)) = hidden_name(c) {
            out.push('‹');
            out.push_str(short);
            out.push('›');
        } else if is_stray_control(c) {
            out.push_str(&format!("‹U+{:04X}›", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether the bidi controls of two texts differ, which changes how the text displays even
/// when every visible character is the same.
pub(crate) fn bidi_changed(old: &str, new: &str) -> bool {
    // Every bidi control is outside ASCII: two ASCII texts have none to compare, and checking
    // that costs a fraction of decoding both (issue 17).
    if old.is_ascii() && new.is_ascii() {
        return false;
    }
    old.chars()
        .filter(|&c| is_bidi_control(c))
        .ne(new.chars().filter(|&c| is_bidi_control(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_labelled_marks_and_plain_text_is_untouched() {
        assert_eq!(
            show_hidden("approved \u{202E}40\u{202C} homes"),
            "approved ‹RLO›40‹PDF› homes"
        );
        assert_eq!(show_hidden("tag\u{E0041}s"), "tag‹TAG›s");
        assert_eq!(
            show_hidden("a\u{1b}[2J\u{85}b\tc\n"),
            "a‹U+001B›[2J‹U+0085›b\tc\n"
        );
        assert!(matches!(show_hidden("Café 40 homes"), Cow::Borrowed(_)));
        // Joiners and soft hyphens belong to ordinary writing (Persian, emoji, German).
        assert!(matches!(
            show_hidden("می\u{200C}خواهم 👩\u{200D}👧 Bürger\u{00AD}meister"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_change_in_bidi_controls_is_detected() {
        assert!(bidi_changed("40 homes", "\u{202E}40\u{202C} homes"));
        assert!(!bidi_changed(
            "\u{202E}40\u{202C}",
            "\u{202E}40\u{202C} homes"
        ));
        assert!(!bidi_changed("40\u{200B} homes", "40 homes"));
    }
}
