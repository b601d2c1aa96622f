//! Bytes → text: recognises binary formats by their signature and decodes text with the
//! byte-order mark, the declared charset (HTTP header or `<meta>`), UTF-8, or a detected
//! legacy encoding, in that order. Knows nothing of articles; extraction comes after.

use encoding_rs::{Encoding, UTF_8};

use crate::error::{IngestError, Result};

/// Text decoded from bytes, with a note when it was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used (WHATWG name, e.g. `UTF-8`, `windows-1252`).
    pub encoding: &'static str,
    /// Set when the text was not UTF-8, e.g. "decoded as windows-1252 (detected)".
    pub note: Option<String>,
}

/// Names the binary format `bytes` starts with, if it is a known one (or looks binary at all).
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"\x1f\x8b", "a gzip-compressed file"),
        (b"\x7fELF", "a program (ELF executable)"),
        (b"MZ", "a Windows program"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Microsoft Office document",
        ),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"ID3", "an MP3 audio file"),
        (b"OggS", "an Ogg audio or video file"),
        (b"fLaC", "a FLAC audio file"),
        (b"wOFF", "a web font"),
        (b"wOF2", "a web font"),
        (b"\x00\x00\x01\x00", "an icon image"),
    ];
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let head = &bytes[..bytes.len().min(200)];
        let contains = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        return Some(if contains(b"epub") {
            "an EPUB e-book"
        } else if contains(b"word/") || contains(b"[Content_Types].xml") {
            "a Word or other Office document"
        } else if contains(b"opendocument") {
            "an OpenDocument file"
        } else {
            "a ZIP archive"
        });
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" {
        return Some(match &bytes[8..12] {
            b"WEBP" => "a WebP image",
            b"WAVE" => "a WAV audio file",
            b"AVI " => "an AVI video",
            _ => "a RIFF media file",
        });
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some(match &bytes[8..12] {
            b"avif" | b"heic" | b"heix" | b"mif1" => "an AVIF/HEIC image",
            _ => "an MP4 video or audio file",
        });
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        // "MZ" alone is too weak: a text may start with those letters.
        if *what != "a Windows program" || bytes.get(2..4).is_some_and(|b| b.contains(&0)) {
            return Some(what);
        }
    }
    // UTF-16 text has NULs but announces itself with a BOM; anything else with NULs is binary.
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Some("binary data");
    }
    None
}

/// Finds a charset declared in the first bytes of an HTML document (`<meta charset>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`).
pub fn declared_html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(pos) = rest.find("<meta") {
        rest = &rest[pos + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(at) = tag.find("charset") {
            let value = tag[at + 7..].trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '/' || c.is_whitespace())
                .unwrap_or(value.len());
            if let Some(enc) = Encoding::for_label(&value.as_bytes()[..end]) {
                return Some(enc);
            }
        }
    }
    None
}

/// Reads the charset parameter of a Content-Type header value.
pub fn header_charset(content_type: &str) -> Option<&'static Encoding> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")?;
    let value = lower[at + 8..].trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
    let end = value.find([';', ' ', '"']).unwrap_or(value.len());
    Encoding::for_label(&value.as_bytes()[..end])
}

/// Decodes `bytes` as text. `declared` is a charset from the HTTP header or `<meta>`; it is
/// tried first after a BOM, then UTF-8, then a detected legacy encoding.
/// The number of invalid sequences when `bytes` are UTF-8 with a few stray bytes: fewer invalid
/// sequences than valid multi-byte characters. A legacy encoding almost never forms valid
/// multi-byte UTF-8 by accident (its accented letters are single bytes), so decoding such a file
/// as windows-1252 would turn every real accent into mojibake ("CafÃ©") to save one stray byte.
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let (mut wide, mut stray) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        stray += usize::from(!chunk.invalid().is_empty());
    }
    (stray > 0 && stray < wide).then_some(stray)
}

pub fn decode(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    if let Some(what) = sniff_binary(bytes) {
        return Err(IngestError::Binary { what });
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if !had_errors {
            let note =
                (enc != UTF_8).then(|| format!("decoded as {} (byte-order mark)", enc.name()));
            return finish(text.into_owned(), enc, note);
        }
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_8) {
        let (text, had_errors) = enc.decode_without_bom_handling(bytes);
        if !had_errors {
            let note = Some(format!("decoded as {} (declared)", enc.name()));
            return finish(text.into_owned(), enc, note);
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(text.to_owned(), UTF_8, None);
    }
    if let Some(stray) = mostly_utf8(bytes) {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let note = Some(format!(
            "decoded as UTF-8; {stray} stray byte{} that {} not UTF-8 shown as \u{FFFD}",
            if stray == 1 { "" } else { "s" },
            if stray == 1 { "is" } else { "are" }
        ));
        return finish(text, UTF_8, note);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors || enc == UTF_8 {
        return Err(IngestError::Undecodable {
            detail: "it is neither UTF-8 nor a recognisable legacy encoding".into(),
        });
    }
    let note = Some(match declared {
        Some(d) => format!(
            "decoded as {} (detected; the declared {} did not fit)",
            enc.name(),
            d.name()
        ),
        None => format!(
            "decoded as {} (detected; the file is not UTF-8)",
            enc.name()
        ),
    });
    finish(text.into_owned(), enc, note)
}

fn finish(text: String, enc: &'static Encoding, note: Option<String>) -> Result<Decoded> {
    let total = text.chars().count().max(1);
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    // Legacy decoders accept almost any byte; a text full of control characters is binary.
    if controls * 20 > total {
        return Err(IngestError::Binary {
            what: "binary data",
        });
    }
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(Decoded {
        text,
        encoding: enc.name(),
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_binary_formats() {
        assert_eq!(sniff_binary(b"\x89PNG\r\n\x1a\n\0\0"), Some("a PNG image"));
        assert_eq!(sniff_binary(b"%PDF-1.7\n"), Some("a PDF document"));
        assert_eq!(sniff_binary(b"PK\x03\x04\x14\0\0\0"), Some("a ZIP archive"));
        assert_eq!(sniff_binary(b"MZ is a fine start for text"), None);
        assert_eq!(sniff_binary(b"plain\0text"), Some("binary data"));
    }

    #[test]
    fn latin1_text_is_detected_not_rejected() {
        let bytes = b"Le caf\xe9 de la gare a rouvert ses portes apr\xe8s des travaux d'\xe9t\xe9.";
        let d = decode(bytes, None).unwrap();
        assert!(d.text.contains("café"), "{}", d.text);
        assert!(d.note.unwrap().contains("windows-1252"));
    }

    #[test]
    fn declared_charset_wins_over_guessing() {
        let html = b"<html><head><meta charset=\"iso-8859-15\"></head><body>\xa4 5</body></html>";
        let enc = declared_html_charset(html).unwrap();
        assert_eq!(enc.name(), "ISO-8859-15");
        assert!(decode(html, Some(enc)).unwrap().text.contains("€ 5"));
        assert_eq!(
            header_charset("text/html; charset=\"Shift_JIS\"")
                .unwrap()
                .name(),
            "Shift_JIS"
        );
    }

    #[test]
    fn a_stray_byte_in_utf8_is_not_read_as_windows_1252() {
        // Every accent became mojibake ("CafÃ©") because of one stray 0x80.
        let d = decode(
            b"Caf\xc3\xa9 na\xc3\xafve. The council met on Tuesday. \x80 More text.\n",
            None,
        )
        .unwrap();
        assert!(
            d.text.starts_with("Café naïve.") && d.text.contains("\u{FFFD} More"),
            "{}",
            d.text
        );
        assert_eq!(
            d.note.as_deref(),
            Some("decoded as UTF-8; 1 stray byte that is not UTF-8 shown as \u{FFFD}")
        );
        // A real windows-1252 file has no valid multi-byte sequences and is still detected.
        let latin = decode(b"Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e.", None).unwrap();
        assert!(latin.text.starts_with("Café au lait"), "{}", latin.text);
    }

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Hello".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes, None).unwrap();
        assert_eq!(d.text, "Hello");
        assert_eq!(
            d.note.as_deref(),
            Some("decoded as UTF-16LE (byte-order mark)")
        );
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert!(matches!(decode(b"  \n\t ", None), Err(IngestError::Empty)));
    }
}
