//! `parallax batch --jsonl IN|-`: compares a corpus of version pairs on all cores, streaming.
//! One reader thread, N comparing workers and this thread writing results in input order; a gate
//! bounds the records in flight (queued, being compared or waiting for their turn), so memory
//! does not grow with the corpus. Per-record parsing and rendering live in `record`.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::sync::{Arc, Condvar, Mutex};

use parallax_engine::CompareOptions;
use serde::Deserialize;

use crate::error::CliError;
use crate::input::ModeArg;
use crate::progress::Progress;
use crate::record::{Done, Fields, Outcome, process};

/// A record longer than this is reported as an error without being held in memory.
pub const MAX_RECORD_BYTES: usize = 32 << 20;
/// At most this many bytes of input records are in flight at once (at least one record always is).
const MAX_FLIGHT_BYTES: usize = 64 << 20;
/// Records handed to a worker in one message, and results handed back in one: a message and a
/// wake-up per record made futex calls most of `batch`'s system time (issue 17). A chunk takes
/// only records the reader holds already, so a slow stream is never kept waiting for a full one.
const CHUNK_RECORDS: usize = 8;

/// Results of one chunk: sequence number, input bytes and outcome of each record.
type Results = Vec<(u64, usize, Outcome)>;

#[derive(clap::Args, Debug)]
pub struct BatchArgs {
    /// JSONL input, `-` for stdin: {"id", "old", "new"} or {"id", "old_sentences", "new_sentences"} per line.
    #[arg(long, value_name = "IN")]
    pub jsonl: PathBuf,
    /// Worker threads comparing records (default: every core).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Write results here instead of stdout (refuses to overwrite an existing file unless --resume).
    #[arg(long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Continue an interrupted run: skip records whose id is already in OUT, append the rest.
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// Alignment regime; `auto` picks one per record from how much text is shared.
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,
    /// Detail per record: `summary` counts, `rows` adds the changed rows, `full` is compare's JSON.
    #[arg(long, value_enum, default_value_t = Fields::Summary)]
    pub fields: Fields,
}

/// One input record on its way to a worker.
struct Job {
    seq: u64,
    line: usize,
    bytes: Vec<u8>,
    too_long: bool,
}

/// Bounds the records in flight: the reader waits here; the writer releases a record once written.
#[derive(Default)]
struct Gate {
    state: Mutex<Flight>,
    freed: Condvar,
}

#[derive(Default)]
struct Flight {
    records: usize,
    bytes: usize,
    stop: bool,
}

impl Flight {
    /// `bytes` more must wait: the run goes on and something is in flight already.
    fn full(&self, bytes: usize, max_records: usize) -> bool {
        !self.stop
            && self.records > 0
            && (self.records >= max_records || self.bytes + bytes > MAX_FLIGHT_BYTES)
    }
}

impl Gate {
    /// Waits until `bytes` more fit (or nothing is in flight); false once the run is stopping.
    fn enter(&self, bytes: usize, max_records: usize) -> bool {
        let mut f = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while f.full(bytes, max_records) {
            f = self.freed.wait(f).unwrap_or_else(|e| e.into_inner());
        }
        f.records += 1;
        f.bytes += bytes;
        !f.stop
    }

    /// [`enter`](Gate::enter) without waiting: None when `bytes` do not fit now.
    fn try_enter(&self, bytes: usize, max_records: usize) -> Option<bool> {
        let mut f = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if f.full(bytes, max_records) {
            return None;
        }
        f.records += 1;
        f.bytes += bytes;
        Some(!f.stop)
    }

    /// Releases `records` written records of `bytes` input bytes in all.
    fn leave(&self, records: usize, bytes: usize) {
        if records == 0 {
            return;
        }
        let mut f = self.state.lock().unwrap_or_else(|e| e.into_inner());
        f.records -= records;
        f.bytes -= bytes;
        self.freed.notify_all();
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).stop = true;
        self.freed.notify_all();
    }
}

pub fn run(args: &BatchArgs) -> Result<(), CliError> {
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let stdin = args.jsonl.as_os_str() == "-";
    let (input, total_bytes): (Box<dyn Read + Send>, Option<u64>) = if stdin {
        (Box::new(std::io::stdin()), None)
    } else {
        let f = crate::input::open_text(&args.jsonl)?;
        let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
        (Box::new(f), size)
    };
    let (done, out): (Done, Box<dyn Write>) = match &args.output {
        Some(path) => {
            let (done, file) = open_output(path, args.resume)?;
            (done, Box::new(file))
        }
        None => (Done::default(), Box::new(std::io::stdout().lock())),
    };
    let options = CompareOptions {
        mode: args.mode.choice(),
        ..CompareOptions::default()
    };
    let out_name = args.output.as_deref().unwrap_or(Path::new("stdout"));
    let tally = pipeline(
        Pipeline {
            input: BufReader::with_capacity(1 << 18, input),
            in_path: &args.jsonl,
            out,
            out_path: out_name,
            threads,
            fields: args.fields,
            options: &options,
            done: &done,
        },
        Progress::new(total_bytes),
    )?;
    if tally.failed > 0 {
        return Err(CliError::RecordsFailed {
            failed: tally.failed,
            total: tally.written,
        });
    }
    Ok(())
}

struct Pipeline<'a, R, W> {
    input: R,
    in_path: &'a Path,
    out: W,
    out_path: &'a Path,
    threads: usize,
    fields: Fields,
    options: &'a CompareOptions,
    done: &'a Done,
}

/// How a run went: result lines written (errors included), of which errors; skipped records.
#[derive(Debug, Default, PartialEq, Eq)]
struct Tally {
    written: u64,
    failed: u64,
    skipped: u64,
}

fn pipeline<R: Buffered + Send, W: Write>(
    p: Pipeline<'_, R, W>,
    mut progress: Progress,
) -> Result<Tally, CliError> {
    let max_records = p.threads * 16;
    let gate = Gate::default();
    let read_bytes = AtomicU64::new(0);
    let (job_tx, job_rx) = sync_channel::<Vec<Job>>(max_records);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (res_tx, res_rx) = channel::<Results>();
    let (fields, options, done) = (p.fields, p.options, p.done);
    std::thread::scope(|s| {
        let reader =
            s.spawn(|| read_jobs(p.input, p.in_path, job_tx, &gate, max_records, &read_bytes));
        for _ in 0..p.threads {
            let (rx, tx) = (Arc::clone(&job_rx), res_tx.clone());
            s.spawn(move || {
                loop {
                    let chunk = match rx.lock().unwrap_or_else(|e| e.into_inner()).recv() {
                        Ok(c) => c,
                        Err(_) => return,
                    };
                    let results = chunk
                        .into_iter()
                        .map(|job| {
                            let outcome = if job.too_long {
                                too_long(job.line)
                            } else {
                                // An engine bug on one record must not stop the corpus (nor lose its line).
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    process(job.line, &job.bytes, fields, options, done)
                                }))
                                .unwrap_or_else(|_| crashed(job.line, &job.bytes))
                            };
                            (job.seq, job.bytes.len(), outcome)
                        })
                        .collect();
                    if tx.send(results).is_err() {
                        return;
                    }
                }
            });
        }
        drop(res_tx);
        let written = write_in_order(p.out, p.out_path, res_rx, &gate, |t| {
            progress.tick(t.written + t.skipped, read_bytes.load(Ordering::Relaxed));
        });
        if written.is_err() {
            gate.stop();
        }
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(CliError::Output("the input reader stopped".into())));
        let tally = written?;
        read?;
        progress.finish(
            tally.written + tally.skipped,
            read_bytes.load(Ordering::Relaxed),
        );
        Ok(tally)
    })
}

fn crashed(line: usize, bytes: &[u8]) -> Outcome {
    #[derive(Deserialize)]
    struct Id {
        id: Option<serde_json::Value>,
    }
    let id = serde_json::from_slice::<Id>(bytes).ok().and_then(|r| r.id);
    let e = serde_json::json!({
        "id": id,
        "line": line,
        "error": "the engine failed on this record (a bug in Parallax: please report it with the record)",
    });
    Outcome::Failed(e.to_string())
}

fn too_long(line: usize) -> Outcome {
    let e = serde_json::json!({
        "id": null,
        "line": line,
        "error": format!(
            "line {line} is longer than {} MiB; split the record or shorten its texts",
            MAX_RECORD_BYTES >> 20
        ),
    });
    Outcome::Failed(e.to_string())
}

/// Reads records (non-blank lines) and hands them to the workers in order, in chunks of the
/// records already read in, waiting at the gate (with nothing held back: the records in flight
/// must all be on their way for the writer to free any).
fn read_jobs<R: Buffered>(
    mut input: R,
    path: &Path,
    jobs: SyncSender<Vec<Job>>,
    gate: &Gate,
    max_records: usize,
    read_bytes: &AtomicU64,
) -> Result<(), CliError> {
    let mut seq = 0;
    let mut line = 0;
    let mut chunk = Vec::with_capacity(CHUNK_RECORDS);
    // False once the workers are gone or the run is stopping.
    let send = |chunk: &mut Vec<Job>| chunk.is_empty() || jobs.send(std::mem::take(chunk)).is_ok();
    loop {
        let mut bytes = Vec::new();
        let Some((used, too_long)) = read_line_capped(&mut input, &mut bytes, MAX_RECORD_BYTES)
            .map_err(|e| CliError::read(path, e))?
        else {
            send(&mut chunk);
            return Ok(());
        };
        line += 1;
        read_bytes.fetch_add(used as u64, Ordering::Relaxed);
        if !too_long && bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let entered = match gate.try_enter(bytes.len(), max_records) {
            Some(open) => open,
            None => send(&mut chunk) && gate.enter(bytes.len(), max_records),
        };
        if !entered {
            return Ok(());
        }
        chunk.push(Job {
            seq,
            line,
            bytes,
            too_long,
        });
        seq += 1;
        if (chunk.len() >= CHUNK_RECORDS || input.buffered() == 0) && !send(&mut chunk) {
            return Ok(());
        }
    }
}

/// Input that tells how much it holds already, read without waiting.
pub(crate) trait Buffered: BufRead {
    fn buffered(&self) -> usize;
}

impl<R: Read> Buffered for BufReader<R> {
    fn buffered(&self) -> usize {
        self.buffer().len()
    }
}

impl Buffered for &[u8] {
    fn buffered(&self) -> usize {
        self.len()
    }
}

/// Reads one line (without its `\n`) into `buf`, keeping at most `cap` bytes: a longer line is
/// consumed but not kept (`too_long`). `None` at the end of the input; else the bytes consumed.
fn read_line_capped<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    cap: usize,
) -> std::io::Result<Option<(usize, bool)>> {
    buf.clear();
    let (mut used, mut too_long) = (0, false);
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((used > 0).then_some((used, too_long)));
        }
        let (chunk, step, end) = match memchr::memchr(b'\n', avail) {
            Some(i) => (&avail[..i], i + 1, true),
            None => (avail, avail.len(), false),
        };
        if !too_long {
            if buf.len() + chunk.len() > cap {
                too_long = true;
                *buf = Vec::new();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        r.consume(step);
        used += step;
        if end {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Some((used, too_long)));
        }
    }
}

/// Writes results in input order as they arrive, holding early ones until their turn.
fn write_in_order<W: Write>(
    out: W,
    path: &Path,
    results: Receiver<Results>,
    gate: &Gate,
    mut tick: impl FnMut(&Tally),
) -> Result<Tally, CliError> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let fail = |e: std::io::Error| CliError::Output(format!("{}: {e}", path.display()));
    let mut waiting: BTreeMap<u64, (usize, Outcome)> = BTreeMap::new();
    let mut next = 0;
    let mut tally = Tally::default();
    for chunk in results {
        waiting.extend(chunk.into_iter().map(|(seq, bytes, o)| (seq, (bytes, o))));
        let mut freed = (0, 0);
        while let Some((bytes, outcome)) = waiting.remove(&next) {
            match outcome {
                Outcome::Done(s) | Outcome::Failed(s) if s.is_empty() => {
                    unreachable!("empty result line")
                }
                Outcome::Done(s) => {
                    out.write_all(s.as_bytes())
                        .and_then(|_| out.write_all(b"\n"))
                        .map_err(fail)?;
                    tally.written += 1;
                }
                Outcome::Failed(s) => {
                    out.write_all(s.as_bytes())
                        .and_then(|_| out.write_all(b"\n"))
                        .map_err(fail)?;
                    tally.written += 1;
                    tally.failed += 1;
                }
                Outcome::Skipped => tally.skipped += 1,
            }
            freed = (freed.0 + 1, freed.1 + bytes);
            next += 1;
            tick(&tally);
        }
        gate.leave(freed.0, freed.1);
    }
    out.flush().map_err(fail)?;
    Ok(tally)
}

#[derive(Deserialize)]
struct Written {
    id: Option<serde_json::Value>,
    line: Option<usize>,
}

/// Opens OUT: new (refusing to overwrite), or with `resume` the earlier run's file, cut back to
/// its last complete line (a run killed mid-write leaves half a line) and read for its ids.
fn open_output(path: &Path, resume: bool) -> Result<(Done, File), CliError> {
    let out_err = |e: std::io::Error| CliError::Output(format!("{}: {e}", path.display()));
    if !resume {
        let file = OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                CliError::Output(format!(
                    "{} already exists; add --resume to continue that run, or remove the file or name another",
                    path.display()
                ))
            } else {
                out_err(e)
            }
        })?;
        return Ok((Done::default(), file));
    }
    let mut done = Done::default();
    let mut file = match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
    {
        Ok(f) => f,
        Err(e) => return Err(out_err(e)),
    };
    let mut reader = BufReader::with_capacity(1 << 16, &mut file);
    let (mut complete, mut n) = (0u64, 0usize);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let got = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| CliError::read(path, e))?;
        if got == 0 || buf.last() != Some(&b'\n') {
            break; // end, or the half line an interrupted run left
        }
        n += 1;
        complete += got as u64;
        let w: Written = serde_json::from_slice(&buf).map_err(|e| CliError::BadRecord {
            path: path.to_path_buf(),
            line: n,
            reason: format!("{e}; --resume continues the output of an earlier `parallax batch` run, and this is not one"),
        })?;
        match (w.id, w.line) {
            (Some(id), _) if !id.is_null() => {
                done.ids.insert(id.to_string());
            }
            (_, Some(line)) => {
                done.lines.insert(line);
            }
            _ => {}
        }
    }
    drop(reader);
    file.set_len(complete).map_err(out_err)?;
    use std::io::Seek;
    file.seek(std::io::SeekFrom::End(0)).map_err(out_err)?;
    Ok((done, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_consumed_but_not_kept() {
        let mut input: &[u8] = b"short\nxxxxxxxxxxxxxxxxxxxx\r\nlast";
        let mut buf = Vec::new();
        assert_eq!(
            read_line_capped(&mut input, &mut buf, 10).unwrap(),
            Some((6, false))
        );
        assert_eq!(buf, b"short");
        assert_eq!(
            read_line_capped(&mut input, &mut buf, 10).unwrap(),
            Some((22, true))
        );
        assert!(buf.is_empty());
        assert_eq!(
            read_line_capped(&mut input, &mut buf, 10).unwrap(),
            Some((4, false))
        );
        assert_eq!(buf, b"last");
        assert_eq!(read_line_capped(&mut input, &mut buf, 10).unwrap(), None);
    }

    fn batch(input: &str, threads: usize) -> (String, Tally) {
        let mut out = Vec::new();
        let tally = pipeline(
            Pipeline {
                input: input.as_bytes(),
                in_path: Path::new("in.jsonl"),
                out: &mut out,
                out_path: Path::new("out.jsonl"),
                threads,
                fields: Fields::Summary,
                options: &CompareOptions::default(),
                done: &Done::default(),
            },
            Progress::new(None),
        )
        .unwrap();
        (String::from_utf8(out).unwrap(), tally)
    }

    #[test]
    fn results_keep_input_order_on_many_threads_and_blank_lines_are_not_records() {
        let mut input = String::new();
        for i in 0..200 {
            // Uneven sizes, so workers finish out of order.
            let old = "The council met again. ".repeat(1 + (i * 37) % 50);
            input.push_str(&serde_json::json!({"id": i, "old": old, "new": format!("{old}It voted {i} times.")}).to_string());
            input.push_str(if i % 50 == 0 { "\n\n" } else { "\n" });
        }
        let (one, t1) = batch(&input, 1);
        let (four, t4) = batch(&input, 4);
        assert_eq!(one, four);
        assert_eq!(
            t1,
            Tally {
                written: 200,
                failed: 0,
                skipped: 0
            }
        );
        assert_eq!(t4, t1);
        let ids: Vec<u64> = one
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        assert_eq!(ids, (0..200).collect::<Vec<_>>());
    }
}
