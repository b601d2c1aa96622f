//! `parallax align`: sentence alignment of pre-split records (the eval-data JSONL format).
//! Reading and alignment only; scoring is left to the eval scripts.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use parallax_engine::{Group, Mode, align_with};
use serde::{Deserialize, Serialize};

use crate::error::CliError;
use crate::input::{MAX_INPUT_BYTES, ModeArg};

#[derive(clap::Args, Debug)]
pub struct AlignArgs {
    /// JSONL file with one record per line: {"id", "a_sentences": [...], "b_sentences": [...]}.
    #[arg(long)]
    pub jsonl: PathBuf,
    /// Alignment regime; `auto` picks one per record from how much text is shared.
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,
}

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    a_sentences: Vec<String>,
    b_sentences: Vec<String>,
}

#[derive(Serialize)]
struct Prediction<'a> {
    id: &'a serde_json::Value,
    mode: Mode,
    pred_groups: Vec<Group>,
}

pub fn run(args: &AlignArgs) -> Result<(), CliError> {
    let mut lines = Lines::new(&args.jsonl)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    while let Some((n, line)) = lines.next_line()? {
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record = serde_json::from_str(line).map_err(|e| CliError::BadRecord {
            path: args.jsonl.clone(),
            line: n,
            reason: e.to_string(),
        })?;
        let (mode, pred_groups) = align_with(&rec.a_sentences, &rec.b_sentences, args.mode.fixed());
        let pred = Prediction {
            id: &rec.id,
            mode,
            pred_groups,
        };
        serde_json::to_writer(&mut out, &pred).map_err(|e| CliError::Output(e.to_string()))?;
        writeln!(out).map_err(|e| CliError::Output(e.to_string()))?;
        // One line per record as it is done, so a reader of the pipe sees progress.
        out.flush().map_err(|e| CliError::Output(e.to_string()))?;
    }
    out.flush().map_err(|e| CliError::Output(e.to_string()))
}

/// The records of a JSONL file, one line at a time, each at most [`MAX_INPUT_BYTES`] long (a
/// file of any length streams; one endless line does not fill memory).
struct Lines<'a> {
    path: &'a Path,
    reader: BufReader<std::fs::File>,
    buf: Vec<u8>,
    /// Line number of the last line read (1-based) and the file offset after it.
    number: usize,
    offset: u64,
}

impl<'a> Lines<'a> {
    fn new(path: &'a Path) -> Result<Lines<'a>, CliError> {
        Ok(Lines {
            path,
            reader: BufReader::new(crate::input::open_text(path)?),
            buf: Vec::new(),
            number: 0,
            offset: 0,
        })
    }

    /// The next line (its number and text, without the line break), or `None` at the end.
    fn next_line(&mut self) -> Result<Option<(usize, &str)>, CliError> {
        self.buf.clear();
        let got = (&mut self.reader)
            .take(MAX_INPUT_BYTES + 1)
            .read_until(b'\n', &mut self.buf)
            .map_err(|e| CliError::read(self.path, e))?;
        if got == 0 {
            return Ok(None);
        }
        self.number += 1;
        let start = self.offset;
        self.offset += got as u64;
        if self.buf.len() as u64 > MAX_INPUT_BYTES {
            return Err(CliError::BadRecord {
                path: self.path.to_path_buf(),
                line: self.number,
                reason: format!(
                    "it is longer than {}, the most one record may hold",
                    crate::input::format_size(MAX_INPUT_BYTES)
                ),
            });
        }
        let line = std::str::from_utf8(&self.buf)
            .map_err(|e| crate::input::not_utf8(self.path, &self.buf, e, start))?;
        // A byte-order mark is not part of the record (editors add one to the first line).
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        Ok(Some((self.number, line.trim_end_matches(['\n', '\r']))))
    }
}
