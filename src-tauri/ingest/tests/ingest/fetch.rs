//! URL import against the local test server: extraction, charset from the header, redirects,
//! and every network failure the issue lists with its exact message.

use std::time::Duration;

use parallax_ingest::{FetchOptions, Fetched, Fetcher, Origin, Validators};

use crate::server::{Response, TestServer};

pub fn page(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/pages")
            .join(name),
    )
    .unwrap()
}

fn fetcher(timeout_ms: u64) -> Fetcher {
    Fetcher::new(FetchOptions {
        timeout: Duration::from_millis(timeout_ms),
        connect_timeout: Duration::from_millis(timeout_ms),
        max_bytes: 64 * 1024,
        ..FetchOptions::default()
    })
    .unwrap()
}

#[tokio::test]
async fn a_page_is_fetched_and_extracted() {
    let server = TestServer::start(|r| match r.path.as_str() {
        "/old" => Response::new(301, "text/plain", "").header("Location", "/ferry"),
        _ => Response::html(page("harbour-courier-ferry.html")),
    });
    let c = fetcher(5000)
        .fetch_article(&server.url("/old"), Origin::Url, 42)
        .await
        .unwrap();
    assert_eq!(
        c.title,
        "Night ferry to Kessel Island returns after two-year pause"
    );
    assert_eq!(c.outlet.name, "The Harbour Courier");
    // The canonical link wins over the address it was fetched from.
    assert_eq!(
        c.url.as_deref(),
        Some("https://www.harbourcourier.example/news/2026/03/night-ferry-returns")
    );
    assert_eq!(c.paragraphs.len(), 6);
    assert_eq!(c.fetched, 42);
    assert_eq!(server.hits("/ferry"), 1);
}

#[tokio::test]
async fn charset_comes_from_the_header_when_the_page_has_none() {
    let mut body =
        b"<html><head><title>Fee row</title></head><body><article><h1>Fee row</h1>".to_vec();
    for _ in 0..4 {
        body.extend_from_slice(b"<p>Owners of the caf\xe9s on Rue Verte say the terrace fee will cost each of them a month\x92s rent, and they want it halved.</p>");
    }
    body.extend_from_slice(b"</article></body></html>");
    let server = TestServer::start(move |_| {
        Response::new(200, "text/html; charset=windows-1252", body.clone())
    });
    let c = fetcher(5000)
        .fetch_article(&server.url("/cafe"), Origin::Url, 0)
        .await
        .unwrap();
    assert!(
        c.paragraphs[0].starts_with("Owners of the cafés on Rue Verte"),
        "{:?}",
        c.paragraphs
    );
    assert!(c.paragraphs[0].contains("month’s rent"));
    assert_eq!(
        c.notes,
        vec!["decoded as windows-1252 (declared)".to_string()]
    );
    assert_eq!(c.outlet.name, "127.0.0.1");
}

#[tokio::test]
async fn conditional_get_gets_304() {
    let server = TestServer::start(|r| {
        if r.header("If-None-Match") == Some("\"v1\"") {
            Response::new(304, "text/html", "")
        } else {
            Response::html("<p>x</p>").header("ETag", "\"v1\"")
        }
    });
    let f = fetcher(5000);
    let Fetched::Page(first) = f
        .get(&server.url("/a"), &Validators::default())
        .await
        .unwrap()
    else {
        panic!()
    };
    assert_eq!(first.validators.etag.as_deref(), Some("\"v1\""));
    let second = f.get(&server.url("/a"), &first.validators).await.unwrap();
    assert!(matches!(second, Fetched::NotModified));
}

/// Every network failure, with the exact message the user sees (mirrored in BAD_INPUT.md).
#[tokio::test]
async fn network_failures_have_clear_messages() {
    let server = TestServer::start(|r| match r.path.as_str() {
        "/missing" => Response::status(404),
        "/broken" => Response::status(500),
        "/slow" => Response::html("<p>late</p>").delayed(Duration::from_millis(1500)),
        "/loop" => Response::new(302, "text/plain", "").header("Location", "/loop"),
        "/huge" => Response::html(vec![b'a'; 100 * 1024]),
        "/image" => Response::new(200, "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        "/pdf" => Response::new(200, "application/pdf", b"%PDF-1.7\n".to_vec()),
        "/front" => Response::html(page("section-front.html")),
        _ => Response::status(404),
    });
    // Generous limits for everything but the timeout case, so a busy CI machine cannot flake.
    let f = fetcher(10_000);
    let msg = |path: &str| {
        let f = if path == "/slow" {
            fetcher(700)
        } else {
            f.clone()
        };
        let url = server.url(path);
        async move {
            f.fetch_article(&url, Origin::Url, 0)
                .await
                .unwrap_err()
                .to_string()
        }
    };
    let base = server.url("");
    assert_eq!(
        msg("/missing").await,
        format!(
            "The server answered 404 Not Found for {base}/missing; check the address or try again later."
        )
    );
    assert_eq!(
        msg("/broken").await,
        format!(
            "The server answered 500 Internal Server Error for {base}/broken; check the address or try again later."
        )
    );
    assert_eq!(
        msg("/slow").await,
        format!(
            "{base}/slow did not answer within 0.7 s; check your connection or try again later."
        )
    );
    assert_eq!(
        msg("/loop").await,
        format!("{base}/loop redirected more than 5 times; the address may be broken.")
    );
    assert_eq!(
        msg("/huge").await,
        format!("The page at {base}/huge is larger than 64 KB; Parallax stops reading there.")
    );
    assert_eq!(
        msg("/image").await,
        format!("{base}/image is not a web page (the server sent a PNG image).")
    );
    assert_eq!(
        msg("/pdf").await,
        format!("{base}/pdf is not a web page (the server sent a PDF document).")
    );
    assert_eq!(
        msg("/front").await,
        "No article text was found in this page (it looks like a list of links, such as a home or section page); open the article's own page or paste its text, or import it anyway to keep the text the page shows."
    );

    // A port nobody listens on: bind, note the port, close.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let refused = format!("http://127.0.0.1:{port}/a");
    assert_eq!(
        f.fetch_article(&refused, Origin::Url, 0)
            .await
            .unwrap_err()
            .to_string(),
        format!(
            "Could not connect to {refused} (the connection was refused); check the address and your connection."
        )
    );
    // TLS to a server that speaks plain HTTP: the handshake fails.
    let tls = server.url("/missing").replace("http://", "https://");
    let e = f.fetch_article(&tls, Origin::Url, 0).await.unwrap_err();
    assert_eq!(e.code(), "tls", "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("The secure connection to {tls} failed (")),
        "{e}"
    );
    for (input, reason) in [
        (
            "ftp://files.example/a.txt",
            "ftp: addresses are not web pages",
        ),
        ("not a url", "relative URL without a base"),
    ] {
        assert_eq!(
            f.fetch_article(input, Origin::Url, 0)
                .await
                .unwrap_err()
                .to_string(),
            format!(
                "\"{input}\" is not a web address Parallax can fetch ({reason}); give a full http:// or https:// URL."
            )
        );
    }
}

/// Issue 15 (F14): a redirect that adds a user name and password is refused, and credentials
/// the user typed are never stored with the article.
#[tokio::test]
async fn credentials_in_redirects_are_refused_and_never_stored() {
    let mut body =
        b"<html><head><title>Pier vote</title></head><body><article><h1>Pier vote</h1>".to_vec();
    for _ in 0..4 {
        body.extend_from_slice(b"<p>The harbour council voted on Tuesday to rebuild the ferry pier before the summer season.</p>");
    }
    body.extend_from_slice(b"</article></body></html>");
    let article = TestServer::start(move |_| Response::html(body.clone()));
    let with_credentials = article
        .url("/article")
        .replace("http://", "http://user:secret@");
    let target = with_credentials.clone();
    let redirect = TestServer::start(move |r| match r.path.as_str() {
        "/plain" => Response::new(302, "text/plain", "")
            .header("Location", &target.replace("user:secret@", "")),
        _ => Response::new(302, "text/plain", "").header("Location", &target),
    });
    let f = fetcher(5000);
    let err = f
        .fetch_article(&redirect.url("/redir-userinfo"), Origin::Url, 0)
        .await
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "The request to {} failed (it redirected to an address with a user name or password in it, which Parallax does not follow; open the page in a browser and save it as a file instead).",
            redirect.url("/redir-userinfo")
        )
    );
    assert_eq!(article.hits("/article"), 0, "the redirect was not followed");
    // An ordinary redirect still works, and an address typed with credentials is used but not kept.
    let c = f
        .fetch_article(&redirect.url("/plain"), Origin::Url, 0)
        .await
        .unwrap();
    assert_eq!(c.url.as_deref(), Some(article.url("/article").as_str()));
    let c = f
        .fetch_article(&with_credentials, Origin::Url, 0)
        .await
        .unwrap();
    for stored in [c.url.as_deref().unwrap_or(""), c.source_ref.as_str()] {
        assert!(
            !stored.contains("secret") && !stored.contains("user@"),
            "{stored}"
        );
    }
    assert_eq!(c.title, "Pier vote");
}
