//! Issue #4's journey: import a plain-text article, correct its title in the preview, compose
//! a handout for a client (two sections, a personal intro, three next steps), export it, and
//! check the PDF with poppler and qpdf.

use std::path::Path;
use std::process::Command;

use crate::harness::{Driver, ENTER};
use crate::journeys::{after_first_run, create_client, first_run};

/// An article in the shape of the coach's blog posts, in our own words.
const ARTICLE: &str = "Helping women with MS feel like themselves again, one meal at a time.

MSMonday: Leaky Gut, What Comes First?

It’s the question I hear on almost every consult call: “Did my gut start this, or did MS?” Let’s look at what we know — and what we can do about it.

What the gut lining does

Your gut lining is a single layer of cells. It decides what gets into your body and what stays out, and it renews itself every few days when it is well fed.

Foods that help it heal

Bone broth, cooked greens and oily fish give the lining what it needs to repair. Crème fraîche is off the menu during elimination, but coconut yoghurt isn’t.

Where stress fits in

Stress changes how tightly the cells hold together, so the calm parts of your day matter as much as your plate.

If this sounds like you, book a Free Consult Call and we’ll talk it through.
";

fn tool(program: &str, args: &[&str], pdf: &Path) -> String {
    let mut cmd = Command::new(program);
    cmd.args(args).arg(pdf);
    if program == "pdftotext" {
        cmd.arg("-"); // to standard output
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{program} is not installed ({e}): run `make e2e`"));
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Exports the client summary from her page (the save dialog answered into `saves`) and
/// returns the PDF saved.
async fn export_summary(app: &crate::harness::App, saves: &Path) -> std::path::PathBuf {
    app.click("client-summary-export").await;
    app.wait_for_any_text("toast", |t| t.contains("Client summary"))
        .await;
    std::fs::read_dir(saves)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("Client summary"))
        .expect("the summary PDF was saved")
}

/// The checks of issue #4 item 2, on an exported handout.
pub fn check_pdf(pdf: &Path, expected_in_order: &[&str]) {
    let text = tool("pdftotext", &["-layout"], pdf).replace('\u{c}', "\n");
    let mut at = 0;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for phrase in expected_in_order {
        let found = flat[at..].find(phrase).unwrap_or_else(|| {
            panic!("{phrase:?} is missing or out of order in the PDF text:\n{flat}")
        });
        at += found + phrase.len();
    }
    let fonts = tool("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts in the PDF");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID: emb and sub are the 4th- and 3rd-to-last
        // columns counted from "object ID" (two columns).
        let n = cols.len();
        assert_eq!(cols[n - 5], "yes", "font not embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "font not subset: {row}");
    }
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "qpdf --check failed: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let info = tool("pdfinfo", &[], pdf);
    assert!(info.contains("Title:"), "{info}");
    assert!(
        info.lines()
            .any(|l| l.starts_with("Author:") && l.len() > "Author:".len() + 2),
        "{info}"
    );
    assert!(
        info.contains("612 x 792 pts") || info.contains("595.28 x 841.89 pts"),
        "{info}"
    );
    let pages = crate::harness::screens_dir().join("pdf");
    std::fs::create_dir_all(&pages).unwrap();
    let prefix = pages.join(pdf.file_stem().unwrap().to_string_lossy().replace(' ', "_"));
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
}

#[tokio::test]
async fn import_an_article_compose_a_handout_and_export_a_checked_pdf() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let saves = tempfile::tempdir().unwrap();
    let article = files.path().join("leaky-gut.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let (_driver, app) = Driver::open(
        data.path(),
        &[
            ("COACHDESK_TEST_OPEN_FILES", &article),
            ("COACHDESK_TEST_SAVE_DIR", saves.path()),
        ],
    )
    .await;
    first_run(&app).await;
    create_client(&app, "Renée Côté", "renee@example.com", &[]).await;

    // Import, and correct the title in the preview.
    app.go("nav-articles", "articles-import-files").await;
    app.click("articles-import-files").await;
    app.wait_for("import-draft").await;
    assert_eq!(
        app.value("draft-title-0").await,
        "Leaky Gut, What Comes First?"
    );
    assert_eq!(app.value("draft-series-0").await, "MSMonday");
    app.fill("draft-title-0", "Leaky Gut: Which Comes First?")
        .await;
    app.screenshot("30-import-preview").await;
    app.click("import-commit").await;
    app.wait_for_text("article-row", |t| {
        t.contains("Leaky Gut: Which Comes First?")
    })
    .await;
    app.screenshot("31-library").await;

    // Compose a handout for Renée: intro, two sections, three next steps.
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.click("client-new-handout").await;
    app.fill("handout-title", "Your gut-healing start").await;
    app.fill(
        "block-intro-text",
        "Renée, it was lovely to talk today. Here’s what we covered — “small steps”, café mornings without the croissant.",
    )
    .await;
    app.click("add-article-section").await;
    // The articles load after the picker shows.
    let option = app
        .wait_for_inside("pick-article", "option:nth-child(2)")
        .await;
    let article_id = option.attr("value").await.unwrap().unwrap();
    app.select("pick-article", &article_id).await;
    app.click("pick-section-1").await;
    app.click("pick-section-2").await;
    app.click("pick-confirm").await;
    let steps = [
        "Add one cup of bone broth a day",
        "Walk for ten minutes after lunch",
        "Write down how you slept each morning",
    ];
    app.click("add-next-steps").await;
    app.wait_for("next-step-input").await;
    let first = app.all("next-step-input").await;
    first[0].clear().await.unwrap();
    first[0]
        .send_keys(&format!("{}{ENTER}", steps[0]))
        .await
        .unwrap();
    app.all("next-step-input").await[1]
        .send_keys(&format!("{}{ENTER}", steps[1]))
        .await
        .unwrap();
    app.all("next-step-input").await[2]
        .send_keys(steps[2])
        .await
        .unwrap();
    app.wait_for_text("handout-preview", |t| {
        t.contains("Walk for ten minutes")
            && t.contains("Foods that help it heal")
            && t.contains("Renée")
    })
    .await;
    app.screenshot("32-composer").await;

    app.click("handout-export").await;
    let pdfs = app.saved_into(saves.path()).await;
    assert_eq!(pdfs.len(), 1, "{pdfs:?}");
    let name = pdfs[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("Your gut-healing start – Renée Côté – "),
        "{name}"
    );
    check_pdf(
        &pdfs[0],
        &[
            "Your gut-healing start",
            "Prepared for Renée Côté",
            "Renée, it was lovely to talk today. Here’s what we covered — “small steps”, café mornings",
            "What the gut lining does",
            "Foods that help it heal",
            "Crème fraîche is off the menu",
            "coconut yoghurt isn’t.",
            steps[0],
            steps[1],
            steps[2],
        ],
    );

    // The same handout for several clients at once, into a folder, with progress.
    app.click("handout-bulk").await;
    app.click("bulk-select-all").await;
    app.screenshot("34-bulk-export").await;
    app.click("bulk-start").await;
    app.wait_for_text("bulk-result", |t| t.contains("Saved 1 handout"))
        .await;
    app.screenshot("35-bulk-done").await;
    app.click("bulk-done").await;
    assert_eq!(std::fs::read_dir(saves.path()).unwrap().count(), 2);

    // The handout is on her record and can be exported again.
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.wait_for_text("client-handouts", |t| t.contains("Your gut-healing start"))
        .await;
    app.wait_for_text("timeline", |t| {
        t.contains("Handout given: Your gut-healing start")
    })
    .await;
    app.screenshot("33-client-handouts").await;

    // Her printable summary (profile and consult history).
    let summary = export_summary(&app, saves.path()).await;
    check_pdf(
        &summary,
        &[
            "Client summary: Renée Côté",
            "Profile",
            "Email: renee@example.com",
            "Consult history",
        ],
    );
    app.quit().await;
}

/// The composer keeps her draft when she looks something up and comes back (and starts over
/// when she asks); the protocol editor asks before leaving unsaved changes.
#[tokio::test]
async fn the_composer_keeps_her_draft_and_the_protocol_editor_asks_before_leaving() {
    let (_data, _driver, app) = after_first_run(&[]).await;
    create_client(&app, "Renée Côté", "", &[]).await;

    app.click("client-new-handout").await;
    app.fill("handout-title", "Draft for Zoë 🌿").await;
    let intro = "Half-written intro — “small steps” 🌿";
    app.fill("block-intro-text", intro).await;
    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    app.click("client-new-handout").await;
    app.wait_for_any_text("toast", |t| t.contains("as you left it"))
        .await;
    assert_eq!(app.value("handout-title").await, "Draft for Zoë 🌿");
    assert_eq!(app.value("block-intro-text").await, intro);
    app.screenshot("36-composer-draft-kept").await;
    app.click("handout-start-over").await;
    assert_eq!(app.value("handout-title").await, "");
    assert_eq!(app.value("block-intro-text").await, "");

    app.go("nav-protocols", "protocol-row").await;
    app.press(&app.all("protocol-row").await[0]).await;
    app.wait_for("protocol-name").await;
    app.fill("protocol-name", "My own AIP").await;
    app.wait_for_text("protocol-dirty", |t| t.contains("Unsaved"))
        .await;
    app.click("nav-dashboard").await;
    app.wait_dialog("leave-dialog", true).await;
    app.screenshot("52-protocol-leave-asks").await;
    app.click("leave-stay").await;
    app.wait_dialog("leave-dialog", false).await;
    assert_eq!(app.value("protocol-name").await, "My own AIP");
    app.click("nav-dashboard").await;
    app.click("leave-discard").await;
    app.wait_for("dashboard").await;
    app.quit().await;
}

/// Issue #13: a 2 MB photo chosen as her logo in Settings shows there, and what she prints
/// with it stays small: her client's summary carries the photo once, at print size.
#[tokio::test]
async fn a_large_photo_chosen_as_her_logo_prints_small() {
    let data = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let saves = tempfile::tempdir().unwrap();
    let db = crate::journeys::new_practice(data.path());
    coachdesk_core::clients::create(
        &db,
        &coachdesk_core::clients::ClientInput::named("Renée Côté"),
    )
    .unwrap();
    drop(db);
    let photo = files.path().join("portrait of me.png");
    crate::logo::write_large_photo(&photo);

    let (_driver, app) = Driver::open(
        data.path(),
        &[
            ("COACHDESK_TEST_OPEN_FILE", photo.as_path()),
            ("COACHDESK_TEST_SAVE_DIR", saves.path()),
        ],
    )
    .await;
    app.go("nav-settings", "settings-pick-logo").await;
    app.click("settings-pick-logo").await;
    app.wait_for_any_text("toast", |t| t.contains("Logo updated"))
        .await;
    app.scroll_to("logo-preview").await;
    app.screenshot("119-settings-photo-logo").await;

    app.go("nav-clients", "client-row").await;
    app.press(&app.all("client-row").await[0]).await;
    let summary = export_summary(&app, saves.path()).await;
    check_pdf(&summary, &["Client summary: Renée Côté", "Profile"]);
    crate::logo::assert_small_with_one_photo(&summary);
    app.quit().await;
}
