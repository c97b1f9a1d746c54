//! Comfort through the window: the text size at 200 % from Settings, kept after a restart
//! (the lock screen would have it too: it is applied before anything shows), and Ctrl + −,
//! Ctrl + 0 from the keyboard.

use crate::harness::{App, Driver};
use crate::journeys::{after_first_run, create_client};

/// The window's width in CSS pixels: 1280 at 100 %, half that at 200 %.
async fn css_width(app: &App) -> f64 {
    app.client
        .execute("return window.innerWidth;", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap()
}

async fn wait_width(app: &App, around: f64) {
    for _ in 0..50 {
        if (css_width(app).await - around).abs() < 40.0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "the window is {} CSS pixels wide, expected about {around}",
        css_width(app).await
    );
}

#[tokio::test]
async fn the_text_size_grows_everything_is_kept_and_follows_the_keyboard() {
    let (data, driver, app) = after_first_run(&[]).await;
    create_client(&app, "Renée Côté", "renee@example.com", &["AIP"]).await;
    wait_width(&app, 1280.0).await;
    app.go("nav-settings", "comfort").await;
    app.scroll_to("text-size-200").await;
    app.screenshot("93-settings-comfort").await;
    app.click("text-size-200").await;
    wait_width(&app, 640.0).await;
    app.screenshot("94-settings-200").await;
    app.quit().await;
    drop(driver);
    let kept = std::fs::read_to_string(data.path().join("comfort.json")).unwrap();
    assert!(kept.contains("200"), "{kept}");

    // Started again: 200 % from the first screen on.
    let (_driver, app) = Driver::open(data.path(), &[]).await;
    wait_width(&app, 640.0).await;
    app.wait_for("sidebar-practice-name").await;
    app.screenshot("95-dashboard-200").await;
    // (Clicks go through the page: WebKitWebDriver refuses pointer clicks on a zoomed page.)
    app.click_zoomed("nav-clients").await;
    app.wait_for("client-row").await;
    app.screenshot("96-clients-200").await;
    app.click_zoomed("client-row").await;
    app.wait_for_text("client-heading", |t| t.contains("Renée Côté"))
        .await;
    app.screenshot("97-client-200").await;

    // Ctrl + − one size down, Ctrl + 0 back to normal (typed in the client search box: the
    // shortcut works wherever she is).
    app.click_zoomed("nav-clients").await;
    let search = app.wait_for("client-search").await;
    search.send_keys("\u{E009}-\u{E000}").await.unwrap();
    wait_width(&app, 1280.0 / 1.75).await;
    search.send_keys("\u{E009}0\u{E000}").await.unwrap();
    wait_width(&app, 1280.0).await;
    assert_eq!(
        app.value("client-search").await,
        "",
        "the keys typed nothing"
    );
    let kept = std::fs::read_to_string(data.path().join("comfort.json")).unwrap();
    assert!(kept.contains("100"), "{kept}");
    app.quit().await;
}
