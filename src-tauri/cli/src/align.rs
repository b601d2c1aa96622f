//! `parallax align`: sentence alignment of pre-split records (the eval-data JSONL format).
//! Reading and alignment only; scoring is left to the eval scripts.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use parallax_engine::{Group, Mode, align_with};
use serde::{Deserialize, Serialize};

use crate::error::CliError;
use crate::input::ModeArg;

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
    let file = crate::input::open_text(&args.jsonl)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| CliError::read(&args.jsonl, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Record = serde_json::from_str(&line).map_err(|e| CliError::BadRecord {
            path: args.jsonl.clone(),
            line: n + 1,
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
    }
    out.flush().map_err(|e| CliError::Output(e.to_string()))
}
