//! The `parallax` command line (being built).
fn main() {
    eprintln!("parallax: no command yet");
    std::process::exit(2);
}
