//! Shared fixtures: small articles and a temp-dir library.

use parallax_store::{Library, NewArticle, NewVersion, SourceKind};

pub fn article(outlet: &str, url: Option<&str>) -> NewArticle {
    NewArticle {
        outlet_name: outlet.into(),
        outlet_domain: Some(format!(
            "{}.example",
            outlet.to_lowercase().replace(' ', "")
        )),
        url: url.map(Into::into),
    }
}

pub fn text(title: &str, paragraphs: &[&str], fetched: i64) -> NewVersion {
    NewVersion {
        title: title.into(),
        byline: Some("By A. Reporter".into()),
        published: Some(fetched - 600),
        fetched,
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        html: None,
        source_kind: SourceKind::Url,
        source_ref: None,
    }
}

pub fn temp_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().expect("temp dir");
    let lib = Library::open_in_dir(dir.path()).expect("open a fresh library");
    (dir, lib)
}
