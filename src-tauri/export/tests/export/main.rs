//! Integration tests of parallax-export, one binary: PDF text and pixels (through poppler's pdftotext and
//! pdftoppm), the HTML/Markdown/JSON writers, and atomic writing.

mod claims;
mod fixture;
mod formats;
mod pdf_pixels;
mod pdf_scripts;
mod pdf_text;
mod poppler;
mod reading;
mod story;
mod write;
