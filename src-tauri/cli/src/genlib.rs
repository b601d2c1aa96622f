//! `parallax gen-library`, `parallax bench-library` and `parallax backup`: a benchmark library
//! of fictional news (outlets, events told by several outlets, revisions, stories), the timings
//! of the queries the app runs on it, and a consistent copy of a library in use. Text comes from
//! `fiction.rs`; storage and queries are parallax-store's and parallax-ingest's.

use std::path::PathBuf;
use std::time::Instant;

use parallax_ingest::{
    DEFAULT_THRESHOLD, check_pending_substantive, check_substantive, index_article,
};
use parallax_store::{Library, LibraryQuery, LibrarySort, NewArticle, NewVersion, SourceKind};

use crate::fiction::{Dice, Event, account, outlets, revise};
use crate::library::{DataDir, LibraryError};

#[derive(clap::Args, Debug)]
pub struct GenArgs {
    /// How many articles to write.
    #[arg(long, default_value_t = 10_000)]
    pub articles: usize,
    /// How many outlets tell the events.
    #[arg(long, default_value_t = 12)]
    pub outlets: usize,
    #[arg(long, default_value_t = 11)]
    pub seed: u64,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(clap::Args, Debug)]
pub struct BenchLibraryArgs {
    /// Searches to time (spread over rare names and common words).
    #[arg(long, default_value_t = 200)]
    pub searches: usize,
    /// Imports to time the same-event suggestion update on (written, then moved to the trash).
    #[arg(long, default_value_t = 50)]
    pub imports: usize,
    #[command(flatten)]
    pub data: DataDir,
}

#[derive(clap::Args, Debug)]
pub struct BackupArgs {
    /// The file to write (must not exist yet).
    pub out: PathBuf,
    #[command(flatten)]
    pub data: DataDir,
}

/// A day in seconds; the library spans `articles / 300` days, about what five busy feeds bring.
const DAY: i64 = 86_400;
const START: i64 = 1_767_225_600; // 2026-01-01

/// Articles written per transaction by the generator.
const BATCH: usize = 500;
/// Hits on one page of the app's search results (`SEARCH_PAGE` in the library view's state).
const SEARCH_PAGE: usize = 25;

pub fn backup(args: &BackupArgs) -> Result<(), LibraryError> {
    let lib = args.data.open()?;
    let bytes = lib.backup_to(&args.out)?;
    println!(
        "backed up the library to {} ({:.1} MB)",
        args.out.display(),
        bytes as f64 / 1e6
    );
    Ok(())
}

fn store(
    lib: &mut Library,
    outlet: &(String, String),
    url: &str,
    title: &str,
    paragraphs: Vec<String>,
    at: i64,
) -> Result<i64, LibraryError> {
    let article = NewArticle {
        outlet_name: outlet.0.clone(),
        outlet_domain: Some(outlet.1.clone()),
        url: Some(url.to_owned()),
    };
    let version = NewVersion {
        title: title.to_owned(),
        byline: None,
        published: Some(at),
        fetched: at + 300,
        paragraphs,
        html: None,
        source_kind: SourceKind::Feed,
        source_ref: Some(url.to_owned()),
    };
    Ok(lib.add_article(&article, &version)?.article_id)
}

pub fn generate(args: &GenArgs) -> Result<(), LibraryError> {
    let mut lib = args.data.open()?;
    let outlets = outlets(args.outlets.max(2));
    let mut d = Dice::new(args.seed);
    let days = (args.articles as i64 / 300).max(1);
    let started = Instant::now();
    let (mut written, mut versions, mut stories, mut event_no) = (0usize, 0usize, 0usize, 0usize);
    // Articles are written BATCH at a time in one transaction (one commit and one full-text
    // segment per batch), each still through the import and suggestion paths an import takes.
    while written < args.articles {
        let until = (written + BATCH).min(args.articles);
        lib.batch(|lib| {
            while written < until {
                let at = START + (d.below((days * DAY) as usize) as i64);
                let event = Event::new(&mut d, at);
                event_no += 1;
                let tellers = d.between(1, 4).min(args.articles - written);
                let first = d.below(outlets.len());
                let mut ids = Vec::new();
                for k in 0..tellers {
                    let outlet = &outlets[(first + k * 5) % outlets.len()];
                    let when = at + d.below(2 * DAY as usize) as i64;
                    let (title, paragraphs) = account(&mut d, &event);
                    let url = format!("https://{}/{event_no}-{k}", outlet.1);
                    let id = store(lib, outlet, &url, &title, paragraphs.clone(), when)?;
                    ids.push(id);
                    written += 1;
                    // One article in six is revised, one to four times, over the following days.
                    if d.chance(1.0 / 6.0) {
                        for round in 1..=d.between(1, 4) {
                            let version = NewVersion {
                                title: title.clone(),
                                byline: None,
                                published: Some(when),
                                fetched: when + round as i64 * 7200,
                                paragraphs: revise(&mut d, &event, &paragraphs, round),
                                html: None,
                                source_kind: SourceKind::Feed,
                                source_ref: Some(url.clone()),
                            };
                            lib.add_version(id, &version)?;
                            versions += 1;
                        }
                        check_substantive(lib, id)?;
                    }
                    // As an import does, once the article holds its text (after its revisions, to write faster).
                    index_article(lib, id, DEFAULT_THRESHOLD)?;
                }
                if ids.len() > 1 && d.chance(0.1) {
                    let story =
                        lib.create_story(&format!("{} {}", event.place, event.thing), at)?;
                    for id in &ids {
                        lib.add_to_story(story, *id, at)?;
                    }
                    stories += 1;
                }
                if written % 5000 < tellers {
                    eprintln!(
                        "  {written} articles ({:.0} s)",
                        started.elapsed().as_secs_f64()
                    );
                }
            }
            Ok::<_, LibraryError>(())
        })?;
    }
    println!(
        "wrote {written} articles ({versions} later versions, {event_no} events, {stories} stories, {} outlets) in {:.1} s",
        outlets.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn report(name: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    println!(
        "{name}: n={} p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or(f64::NAN)
    );
}

pub fn bench(args: &BenchLibraryArgs) -> Result<(), LibraryError> {
    let mut lib = args.data.open()?;
    // A library from before the filter existed compares its revised articles once, here.
    let t = Instant::now();
    let mut checked = 0;
    loop {
        let n = check_pending_substantive(&mut lib, 200)?;
        if n == 0 {
            break;
        }
        checked += n;
    }
    if checked > 0 {
        println!(
            "compared {checked} revised articles for substantive changes ({:.1} ms each)",
            ms(t) / checked as f64
        );
    }
    let time_page = |lib: &Library, q: &LibraryQuery| {
        let t = Instant::now();
        let p = lib.library_page(q)?;
        Ok::<_, LibraryError>((ms(t), p.total))
    };
    let base = LibraryQuery {
        limit: 100,
        loose_only: true,
        ..Default::default()
    };
    let outlet = lib.list_outlets()?.first().map(|o| o.id);
    let total = time_page(&lib, &base)?.1;
    println!("library: {total} articles outside stories");
    let cases = [
        ("first page, newest", base.clone()),
        (
            "first page, by outlet",
            LibraryQuery {
                sort: LibrarySort::Outlet,
                ..base.clone()
            },
        ),
        (
            "first page, most revised",
            LibraryQuery {
                sort: LibrarySort::MostRevised,
                ..base.clone()
            },
        ),
        (
            "first page, one outlet",
            LibraryQuery {
                outlet_id: outlet,
                ..base.clone()
            },
        ),
        (
            "first page, revised only",
            LibraryQuery {
                revised_only: true,
                ..base.clone()
            },
        ),
        (
            "first page, substantive changes only",
            LibraryQuery {
                substantive_only: true,
                ..base.clone()
            },
        ),
        (
            "page at the end, newest",
            LibraryQuery {
                offset: (total - 100).max(0),
                ..base.clone()
            },
        ),
        (
            "page at the end, by outlet",
            LibraryQuery {
                sort: LibrarySort::Outlet,
                offset: (total - 100).max(0),
                ..base.clone()
            },
        ),
    ];
    for (name, q) in &cases {
        let times: Vec<f64> = (0..20)
            .map(|_| time_page(&lib, q).map(|r| r.0))
            .collect::<Result<_, _>>()?;
        report(&format!("library page ({name})"), times);
    }
    // Scrolling down page by page: the page at the end after the last row of the one before.
    let before_end = lib.library_page(&LibraryQuery {
        offset: (total - 200).max(0),
        ..base.clone()
    })?;
    let keyset = LibraryQuery {
        offset: (total - 100).max(0),
        after: before_end.articles.last().map(|a| a.id),
        ..base.clone()
    };
    let times: Vec<f64> = (0..20)
        .map(|_| time_page(&lib, &keyset).map(|r| r.0))
        .collect::<Result<_, _>>()?;
    report(
        "library page (page at the end, newest, after the page before)",
        times,
    );
    // What the first screen reads besides the stories' rows: the list counted to 1,000 rows.
    let times: Vec<f64> = (0..20)
        .map(|_| {
            let t = Instant::now();
            lib.library_page_counted_to(&base, 1_000)?;
            Ok::<_, LibraryError>(ms(t))
        })
        .collect::<Result<_, _>>()?;
    report("first page, newest, counted to 1,000 (first screen)", times);
    let t = Instant::now();
    lib.list_outlets()?;
    lib.story_heads(500)?;
    println!("outlets and story heads: {:.2} ms", ms(t));

    // Searches: a rare invented name (a few hits) and a common word (most of the library).
    let mut d = Dice::new(99);
    let mut times = Vec::new();
    let mut page_times = Vec::new();
    for i in 0..args.searches {
        let q = if i % 2 == 0 {
            Event::new(&mut d, 0).place
        } else {
            d.pick(&[
                "bridge",
                "council",
                "residents",
                "engineers",
                "flood gate",
                "households",
            ])
            .to_owned()
        };
        let t = Instant::now();
        std::hint::black_box(lib.search(&q, 100)?);
        times.push(ms(t));
        let t = Instant::now();
        std::hint::black_box(lib.search_page(&q, 0, SEARCH_PAGE)?);
        page_times.push(ms(t));
    }
    report("search (100 hits)", times);
    report(
        &format!("search (app: first page of {SEARCH_PAGE} hits)"),
        page_times,
    );

    // Suggestion update per import: new accounts of fresh events, trashed afterwards.
    let outlets = outlets(12);
    let mut times = Vec::new();
    let mut made = Vec::new();
    for i in 0..args.imports {
        let event = Event::new(&mut d, START + (i as i64 % 300) * DAY);
        let (title, paragraphs) = account(&mut d, &event);
        let outlet = &outlets[i % outlets.len()];
        let article = NewArticle {
            outlet_name: outlet.0.clone(),
            outlet_domain: Some(outlet.1.clone()),
            url: Some(format!("https://{}/bench-{i}-{}", outlet.1, d.next())),
        };
        let version = NewVersion {
            title,
            byline: None,
            published: Some(event.at),
            fetched: event.at,
            paragraphs,
            html: None,
            source_kind: SourceKind::Feed,
            source_ref: None,
        };
        let added = lib.add_article(&article, &version)?;
        let t = Instant::now();
        index_article(&mut lib, added.article_id, DEFAULT_THRESHOLD)?;
        times.push(ms(t));
        made.push(added.article_id);
    }
    report("same-event suggestion update per import", times);
    for id in made {
        lib.delete_article(id)?;
    }
    Ok(())
}
