//! Outlet naming: a display name and a domain from a URL (strip `www.`, `m.`, `amp.`, take the
//! registrable name, title-case it). The page's own `og:site_name` wins when there is one;
//! that choice is the caller's (see [`crate::article`]).

/// An outlet as ingest sees it: what to call it and the domain it was found on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct OutletRef {
    pub name: String,
    pub domain: Option<String>,
}

/// Subdomains that say nothing about the outlet.
const NOISE_LABELS: &[&str] = &[
    "www", "www2", "m", "mobile", "amp", "edition", "beta", "news", "en", "eu", "us", "uk",
];
/// Second-level labels of country-code suffixes such as `co.uk` or `com.au`.
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "gv",
];

/// The host of `url` without noise labels (`www.`, `m.`, ...), lower-cased.
pub fn domain_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed
        .host_str()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let mut labels: Vec<&str> = host.split('.').collect();
    while labels.len() > 2 && NOISE_LABELS.contains(&labels[0]) {
        labels.remove(0);
    }
    Some(labels.join("."))
}

/// A display name guessed from a domain: `www.the-harbour-courier.co.uk` → "The Harbour Courier".
pub fn display_name(domain: &str) -> String {
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    if labels.is_empty() {
        return domain.to_string();
    }
    if labels.iter().all(|l| l.chars().all(|c| c.is_ascii_digit())) || labels.len() == 1 {
        return domain.to_string(); // an IP address or `localhost`: nothing better to say
    }
    // Drop the public suffix: the last label, and a second-level one before a country code.
    let mut end = labels.len() - 1;
    if end >= 2 && labels[end].len() == 2 && SECOND_LEVEL.contains(&labels[end - 1]) {
        end -= 1;
    }
    let name = labels[end - 1];
    name.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The outlet of an article at `url`, preferring the site's own name when given.
pub fn outlet_for(url: Option<&str>, site_name: Option<&str>) -> Option<OutletRef> {
    let domain = url.and_then(domain_of);
    let name = site_name
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| domain.as_deref().map(display_name))?;
    Some(OutletRef { name, domain })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_domains() {
        assert_eq!(
            domain_of("https://www.the-harbour-courier.co.uk/a/b").as_deref(),
            Some("the-harbour-courier.co.uk")
        );
        assert_eq!(
            display_name("the-harbour-courier.co.uk"),
            "The Harbour Courier"
        );
        assert_eq!(display_name("northfield.example"), "Northfield");
        assert_eq!(display_name("news.valleytimes.com"), "Valleytimes");
        assert_eq!(
            domain_of("http://m.valleytimes.com/x").as_deref(),
            Some("valleytimes.com")
        );
        assert_eq!(display_name("127.0.0.1"), "127.0.0.1");
    }

    #[test]
    fn site_name_wins() {
        let o = outlet_for(Some("https://www.vt.com/x"), Some("Valley Times")).unwrap();
        assert_eq!(
            o,
            OutletRef {
                name: "Valley Times".into(),
                domain: Some("vt.com".into())
            }
        );
    }
}
