//! The `batch` progress line on stderr: records, rate and (when the input size is known) a bar
//! and ETA. Drawn only when stderr is a terminal; counting records is left to the caller.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    enabled: bool,
    started: Instant,
    last: Option<Instant>,
    /// Input size in bytes, when the input is a regular file.
    total_bytes: Option<u64>,
}

impl Progress {
    pub fn new(total_bytes: Option<u64>) -> Progress {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            started: Instant::now(),
            last: None,
            total_bytes,
        }
    }

    /// Redraws at most five times a second: `records` written so far, `bytes` of input behind them.
    pub fn tick(&mut self, records: u64, bytes: u64) {
        if !self.enabled
            || self
                .last
                .is_some_and(|t| t.elapsed() < Duration::from_millis(200))
        {
            return;
        }
        self.last = Some(Instant::now());
        let line = self.line(records, bytes, self.started.elapsed());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{line}\x1b[K");
        let _ = err.flush();
    }

    /// Draws the final state and ends the line.
    pub fn finish(&mut self, records: u64, bytes: u64) {
        if self.enabled {
            let line = self.line(records, bytes, self.started.elapsed());
            eprintln!("\r{line}\x1b[K");
        }
    }

    fn line(&self, records: u64, bytes: u64, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64().max(1e-3);
        let rate = records as f64 / secs;
        let head = format!(
            "{} records · {}/s",
            thousands(records),
            thousands(rate as u64)
        );
        match self.total_bytes {
            Some(total) if total > 0 => {
                let share = (bytes as f64 / total as f64).clamp(0.0, 1.0);
                let filled = (share * 24.0).round() as usize;
                let eta = if share > 0.0 {
                    clock(secs * (1.0 - share) / share)
                } else {
                    "?".into()
                };
                format!(
                    "[{}{}] {:>3.0}% · {head} · ETA {eta}",
                    "#".repeat(filled),
                    ".".repeat(24 - filled),
                    share * 100.0
                )
            }
            _ => format!("{head} · {} elapsed", clock(secs)),
        }
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn clock(secs: f64) -> String {
    let s = secs.round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_shows_rate_share_and_eta() {
        let p = Progress {
            enabled: false,
            started: Instant::now(),
            last: None,
            total_bytes: Some(1000),
        };
        let l = p.line(12_000, 250, Duration::from_secs(10));
        assert!(l.contains("12,000 records"), "{l}");
        assert!(l.contains("1,200/s"), "{l}");
        assert!(l.contains(" 25%"), "{l}");
        assert!(l.contains("ETA 0:30"), "{l}"); // a quarter took 10 s: three quarters take 30 s
        let stdin = Progress {
            total_bytes: None,
            ..p
        };
        assert!(
            stdin
                .line(5, 0, Duration::from_secs(3725))
                .contains("1:02:05 elapsed")
        );
    }
}
