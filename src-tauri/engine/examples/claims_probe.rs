use std::io::BufRead;
fn main() {
    let lines: Vec<String> = std::io::stdin()
        .lock()
        .lines()
        .map(|l| l.unwrap())
        .collect();
    if std::env::var("ATOMS").is_ok() {
        for l in &lines {
            for a in parallax_engine::claim_atoms(l) {
                println!(
                    "{:?} {:?} key={:?} slot={:?}",
                    a.facet, a.text, a.key, a.slot
                );
            }
        }
        return;
    }
    for p in lines.chunks(2) {
        for c in parallax_engine::compare_claims(&p[0], &p[1]) {
            if std::env::var("ALL").is_ok() || c.status == parallax_engine::ClaimStatus::Differs {
                println!("  {:?} differs: {:?} -> {:?}", c.facet, c.left, c.right);
            }
        }
        println!("--");
    }
}
#[allow(dead_code)]
fn _unused() {}
