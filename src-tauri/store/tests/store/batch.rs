//! `Library::batch`: many imports in one transaction (the bulk path of `gen-library`) must leave
//! the same library as one import at a time, and a failure must lose nothing that was there.

use parallax_store::{AddOutcome, Error, Library};

use crate::common::{article, temp_library, text};

#[test]
fn a_batch_commits_everything_and_is_seen_by_other_connections() {
    let (dir, mut lib) = temp_library();
    let added = lib
        .batch(|lib| {
            let mut ids = Vec::new();
            for i in 0..20 {
                let url = format!("https://courier.example/{i}");
                let a = lib.add_article(
                    &article("The Courier", Some(&url)),
                    &text(
                        &format!("Gate {i}"),
                        &[&format!("Flood gate number {i} opened.")],
                        100 + i,
                    ),
                )?;
                ids.push(a.article_id);
            }
            Ok::<_, Error>(ids)
        })
        .unwrap();
    assert_eq!(added.len(), 20);
    // A second connection sees the committed batch, FTS included: the batch really committed.
    let other = Library::open_in_dir(dir.path()).unwrap();
    assert_eq!(other.list_articles().unwrap().len(), 20);
    assert_eq!(other.search("gate", 50).unwrap().len(), 20);
}

#[test]
fn a_failing_change_inside_a_batch_undoes_only_itself() {
    let (_dir, mut lib) = temp_library();
    lib.batch(|lib| {
        lib.add_article(
            &article("The Courier", Some("https://courier.example/a")),
            &text("Kept", &["This text is kept."], 100),
        )?;
        // A version with no text is refused; the batch carries on without it.
        let refused = lib.add_article(
            &article("The Courier", Some("https://courier.example/b")),
            &text("Empty", &["   "], 101),
        );
        assert!(refused.is_err());
        // Putting a missing article in a story fails inside its own savepoint; the dedupe of
        // the first article still works inside the batch.
        let story = lib.create_story("Gates", 100)?;
        assert!(lib.add_to_story(story, 9_999, 100).is_err());
        let again = lib.add_article(
            &article("The Courier", Some("https://courier.example/a")),
            &text("Kept", &["This text is kept."], 100),
        )?;
        assert_eq!(again.outcome, AddOutcome::Duplicate);
        Ok::<_, Error>(())
    })
    .unwrap();
    assert_eq!(lib.list_articles().unwrap().len(), 1);
    assert_eq!(lib.list_stories().unwrap()[0].articles.len(), 0);
}

#[test]
fn a_failed_batch_leaves_the_library_as_it_was() {
    let (_dir, mut lib) = temp_library();
    lib.add_article(
        &article("The Courier", Some("https://courier.example/before")),
        &text("Before", &["Imported before the batch."], 50),
    )
    .unwrap();
    let result = lib.batch(|lib| {
        lib.add_article(
            &article("The Courier", Some("https://courier.example/inside")),
            &text("Inside", &["Imported inside the failed batch."], 60),
        )?;
        Err::<(), _>(Error::InvalidInput("stop".into()))
    });
    assert!(result.is_err());
    let titles: Vec<String> = lib
        .list_articles()
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(titles, vec!["Before".to_string()]);
    assert!(lib.search("failed", 10).unwrap().is_empty());
    // The library is usable again after the rollback, and batches do not nest.
    let nested = lib.batch(|lib| lib.batch(|_| Ok::<_, Error>(())));
    assert!(matches!(nested, Err(Error::InvalidInput(_))));
    lib.add_article(
        &article("The Courier", Some("https://courier.example/after")),
        &text("After", &["Imported after."], 70),
    )
    .unwrap();
    assert_eq!(lib.list_articles().unwrap().len(), 2);
}
