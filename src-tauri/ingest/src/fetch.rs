//! The HTTP client: reqwest on tokio with rustls, a total timeout, a redirect limit, a size
//! limit enforced while the body streams, conditional requests (ETag / Last-Modified), and
//! errors mapped to one-line messages. What to do with the bytes is left to the callers
//! ([`Fetcher::fetch_article`] here, the feed poller in [`crate::poller`]).

use std::time::Duration;

use crate::article::{Capture, Origin, capture_html, capture_text};
use crate::decode::{declared_html_charset, decode, header_charset, sniff_binary};
use crate::error::{IngestError, Result, format_duration, format_size};

/// Limits and identity of the client.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The whole request, body included.
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_redirects: usize,
    /// The most bytes read from one response (after decompression).
    pub max_bytes: u64,
    pub user_agent: String,
    /// The longest [`Fetcher::fetch_article`] spends finding the article in a fetched page
    /// before giving up on it (extraction is bounded, but a slow machine should not hold a
    /// feed poll either).
    pub analyse_timeout: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(20),
            connect_timeout: Duration::from_secs(10),
            max_redirects: 5,
            max_bytes: 20 * 1024 * 1024,
            analyse_timeout: Duration::from_secs(10),
            user_agent: format!(
                "Parallax/{} (news reader; +desktop)",
                env!("CARGO_PKG_VERSION")
            ),
        }
    }
}

/// Validators from an earlier response, sent back so an unchanged resource costs a 304.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A response body read within the limits.
#[derive(Debug, Clone)]
pub struct Page {
    /// The URL after redirects.
    pub url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
    pub validators: Validators,
}

/// What a (conditional) GET gave.
#[derive(Debug, Clone)]
pub enum Fetched {
    /// 304: the resource did not change since the validators were issued.
    NotModified,
    Page(Page),
}

/// An HTTP client with Parallax's limits. Cheap to clone (the connection pool is shared).
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    options: FetchOptions,
}

/// Checks that `input` is an absolute http(s) URL with a host.
pub fn parse_url(input: &str) -> Result<url::Url> {
    let trimmed = input.trim();
    let invalid = |reason: &str| IngestError::InvalidUrl {
        input: trimmed.to_string(),
        reason: reason.to_string(),
    };
    let url = url::Url::parse(trimmed).map_err(|e| invalid(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid(&format!(
            "{}: addresses are not web pages",
            url.scheme()
        )));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(invalid("it has no host name"));
    }
    Ok(url)
}

/// A redirect that puts a user name or password into the address (`http://user:secret@…`) when
/// the one before had none: following it would send credentials the user never gave.
#[derive(Debug)]
struct CredentialsAdded;

impl std::fmt::Display for CredentialsAdded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(CREDENTIALS_ADDED)
    }
}

impl std::error::Error for CredentialsAdded {}

const CREDENTIALS_ADDED: &str = "it redirected to an address with a user name or password in it, \
    which Parallax does not follow; open the page in a browser and save it as a file instead";

fn has_credentials(url: &url::Url) -> bool {
    !url.username().is_empty() || url.password().is_some()
}

/// At most `max` redirects, none that adds credentials to the address.
fn redirect_policy(max: usize) -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(move |attempt| {
        let before = attempt.previous().last().is_some_and(has_credentials);
        if attempt.previous().len() > max {
            attempt.error(TooManyRedirects)
        } else if has_credentials(attempt.url()) && !before {
            attempt.error(CredentialsAdded)
        } else {
            attempt.follow()
        }
    })
}

#[derive(Debug)]
struct TooManyRedirects;

impl std::fmt::Display for TooManyRedirects {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("too many redirects")
    }
}

impl std::error::Error for TooManyRedirects {}

/// `url` without its user name and password, so neither is stored or printed.
pub fn without_credentials(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if has_credentials(&u) => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        _ => url.to_string(),
    }
}

impl Fetcher {
    pub fn new(options: FetchOptions) -> Result<Fetcher> {
        let client = reqwest::Client::builder()
            .timeout(options.timeout)
            .connect_timeout(options.connect_timeout)
            .redirect(redirect_policy(options.max_redirects))
            .user_agent(options.user_agent.clone())
            .build()
            .map_err(|e| IngestError::Network {
                url: String::new(),
                reason: e.to_string(),
            })?;
        Ok(Fetcher { client, options })
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// GETs `url`, sending `validators` as If-None-Match / If-Modified-Since. Any status
    /// other than 2xx or 304 is an error; the body is cut off with an error past `max_bytes`.
    pub async fn get(&self, url: &str, validators: &Validators) -> Result<Fetched> {
        let parsed = parse_url(url)?;
        let mut request = self.client.get(parsed.clone());
        if let Some(etag) = &validators.etag {
            request = request.header(reqwest::header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &validators.last_modified {
            request = request.header(reqwest::header::IF_MODIFIED_SINCE, lm);
        }
        let mut response = request.send().await.map_err(|e| self.map_error(url, &e))?;
        let status = response.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(IngestError::HttpStatus {
                status: status.to_string(),
                url: url.to_string(),
            });
        }
        let header = |name: reqwest::header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let new_validators = Validators {
            etag: header(reqwest::header::ETAG),
            last_modified: header(reqwest::header::LAST_MODIFIED),
        };
        let too_large = || IngestError::ResponseTooLarge {
            url: url.to_string(),
            limit: format_size(self.options.max_bytes),
        };
        if response
            .content_length()
            .is_some_and(|n| n > self.options.max_bytes)
        {
            return Err(too_large());
        }
        let final_url = without_credentials(response.url().as_str());
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.map_error(url, &e))?
        {
            if (bytes.len() + chunk.len()) as u64 > self.options.max_bytes {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(Fetched::Page(Page {
            url: final_url,
            content_type,
            bytes,
            validators: new_validators,
        }))
    }

    /// Fetches an article page and extracts it. `origin` is `Url` for a user's import and
    /// `Feed` for the poller; `now` is the capture time.
    pub async fn fetch_article(&self, url: &str, origin: Origin, now: i64) -> Result<Capture> {
        self.fetch_article_with(url, origin, now, false).await
    }

    /// [`Fetcher::fetch_article`]; with `anyway`, a page with no article is stored as its
    /// visible text (see [`crate::capture_html_anyway`]).
    pub async fn fetch_article_with(
        &self,
        url: &str,
        origin: Origin,
        now: i64,
        anyway: bool,
    ) -> Result<Capture> {
        let page = match self.get(url, &Validators::default()).await? {
            Fetched::Page(page) => page,
            Fetched::NotModified => {
                return Err(IngestError::HttpStatus {
                    status: "304 Not Modified".into(),
                    url: url.into(),
                });
            }
        };
        // Extraction is CPU work: off the async threads, and abandoned past its budget so a
        // feed poll moves on (the abandoned work finishes in the background and is dropped).
        let requested = url.to_string();
        let work = tokio::task::spawn_blocking(move || {
            page_to_capture_with(&page, &requested, origin, now, anyway)
        });
        // The deadline is looked at first: work that is done only once its budget is over is
        // past it (so a zero budget always gives up, however fast the page is read).
        let deadline = tokio::time::sleep(self.options.analyse_timeout);
        tokio::select! {
            biased;
            () = deadline => Err(IngestError::TooSlow {
                url: url.to_string(),
                limit: format_duration(self.options.analyse_timeout),
            }),
            done = work => match done {
                Ok(result) => result,
                Err(join) => Err(IngestError::Network {
                    url: url.to_string(),
                    reason: format!("reading the page failed: {join}"),
                }),
            },
        }
    }

    fn map_error(&self, url: &str, e: &reqwest::Error) -> IngestError {
        let url = url.to_string();
        let chain = error_chain(e);
        let lower = chain.to_lowercase();
        if e.is_timeout() {
            IngestError::Timeout {
                url,
                limit: format_duration(self.options.timeout),
            }
        } else if e.is_redirect() && chain.contains(CREDENTIALS_ADDED) {
            IngestError::Network {
                url,
                reason: CREDENTIALS_ADDED.to_string(),
            }
        } else if e.is_redirect() {
            IngestError::TooManyRedirects {
                url,
                limit: self.options.max_redirects,
            }
        } else if lower.contains("certificate")
            || lower.contains("tls")
            || lower.contains("handshake")
            || lower.contains("corrupt message")
        {
            IngestError::Tls {
                url,
                reason: last_cause(e),
            }
        } else if e.is_connect() {
            let reason = if lower.contains("connection refused") {
                "the connection was refused".to_string()
            } else if lower.contains("dns") || lower.contains("resolve") || lower.contains("lookup")
            {
                "the host name could not be found".to_string()
            } else {
                last_cause(e)
            };
            IngestError::Connect { url, reason }
        } else {
            IngestError::Network {
                url,
                reason: last_cause(e),
            }
        }
    }
}

/// Turns a fetched page into a capture: HTML through extraction, plain text as text, anything
/// else refused with what it is.
pub fn page_to_capture(page: &Page, requested: &str, origin: Origin, now: i64) -> Result<Capture> {
    page_to_capture_with(page, requested, origin, now, false)
}

/// [`page_to_capture`]; with `anyway`, an HTML page with no article becomes its visible text.
pub fn page_to_capture_with(
    page: &Page,
    requested: &str,
    origin: Origin,
    now: i64,
    anyway: bool,
) -> Result<Capture> {
    let mime = page
        .content_type
        .as_deref()
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if let Some(what) = sniff_binary(&page.bytes) {
        return Err(IngestError::NotAPage {
            url: requested.to_string(),
            content_type: what.to_string(),
        });
    }
    let is_html = mime.is_empty() || mime == "text/html" || mime == "application/xhtml+xml";
    if !is_html && mime != "text/plain" {
        return Err(IngestError::NotAPage {
            url: requested.to_string(),
            content_type: mime,
        });
    }
    let declared = page
        .content_type
        .as_deref()
        .and_then(header_charset)
        .or_else(|| {
            if is_html {
                declared_html_charset(&page.bytes)
            } else {
                None
            }
        });
    let decoded = decode(&page.bytes, declared)?;
    let mut capture = if is_html && anyway {
        crate::capture_html_anyway(&decoded.text, Some(&page.url), origin, requested, now)?
    } else if is_html {
        capture_html(&decoded.text, Some(&page.url), origin, requested, now)?
    } else {
        let fallback = crate::outlet::domain_of(&page.url).unwrap_or_else(|| page.url.clone());
        let mut c = capture_text(&decoded.text, &fallback, origin, requested, now)
            .ok_or(IngestError::Empty)?;
        c.url = Some(page.url.clone());
        c.outlet = crate::outlet::outlet_for(Some(&page.url), None).unwrap_or(c.outlet);
        c
    };
    capture.notes.extend(decoded.note);
    // A canonical link or the address typed may carry credentials too.
    capture.url = capture.url.as_deref().map(without_credentials);
    capture.source_ref = without_credentials(&capture.source_ref);
    Ok(capture)
}

fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// The innermost cause, which is usually the readable one ("connection reset by peer").
fn last_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        last = s.to_string();
        source = s.source();
    }
    last
}
