//! parallax-export (being built).
