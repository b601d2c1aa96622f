//! Integration tests of parallax-ingest: extraction fixtures, files, the HTTP client and the
//! feed poller against a local server started by the tests (loopback only).

mod extraction;
mod feeds;
mod fetch;
mod files;
mod highlights;
mod hostile;
mod library;
mod same_event;
mod server;
mod story_view;
mod substantive;
