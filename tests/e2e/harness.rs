//! Starting tauri-driver and the app, finding elements by `data-testid`, screenshots.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

const WAIT: Duration = Duration::from_secs(10);

/// How long one test may drive its window, from start to quit (the longest takes about 80 s
/// here). A WebDriver call that never answers once kept a CI run waiting until its 90 minutes
/// ran out; now the watchdog stops the test at this limit and says what was running.
const TEST_LIMIT: Duration = Duration::from_secs(6 * 60);

/// A running tauri-driver whose app sees the given environment.
pub struct Driver {
    child: Child,
    port: u16,
    data_dir: PathBuf,
    /// Set when the test is over: its watchdog then stands down.
    finished: Arc<(Mutex<bool>, Condvar)>,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Driver {
    pub fn start(data_dir: &Path, extra_env: &[(&str, &Path)]) -> Self {
        let port = free_port();
        let native_port = free_port();
        let mut cmd = Command::new("tauri-driver");
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native_port.to_string(),
        ])
        .env("COACHDESK_DATA_DIR", data_dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        for (key, value) in extra_env {
            cmd.env(key, value);
        }
        let child = cmd
            .spawn()
            .expect("tauri-driver is not on PATH: run the end-to-end suite with `make e2e`");
        let finished = Arc::new((Mutex::new(false), Condvar::new()));
        let watched = (Arc::clone(&finished), child.id(), data_dir.to_owned());
        // libtest names the thread after the test.
        let test = std::thread::current()
            .name()
            .unwrap_or("an end-to-end test")
            .to_owned();
        std::thread::spawn(move || {
            let (finished, driver, data_dir) = watched;
            let (done, wake) = &*finished;
            let done = done
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let (done, _) = wake
                .wait_timeout_while(done, TEST_LIMIT, |done| !*done)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if !*done {
                stop_hung_test(&test, driver, &data_dir);
            }
        });
        Self {
            child,
            port,
            data_dir: data_dir.to_owned(),
            finished,
        }
    }

    /// Starts tauri-driver on `data_dir` and opens the app's window on it.
    pub async fn open(data_dir: &Path, extra_env: &[(&str, &Path)]) -> (Self, App) {
        let driver = Self::start(data_dir, extra_env);
        let app = driver.open_app().await;
        (driver, app)
    }

    /// Opens a WebDriver session, which launches the app window.
    pub async fn open_app(&self) -> App {
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": app_binary() }
        });
        let caps = caps.as_object().unwrap().clone();
        let url = format!("http://127.0.0.1:{}", self.port);
        let mut last_error = String::new();
        // tauri-driver answers within a second as a rule; once, in a make test on a loaded
        // machine, no session had started after the ten seconds this used to wait: thirty now.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
        while tokio::time::Instant::now() < deadline {
            match ClientBuilder::native()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    let app = App { client };
                    app.wait_until_settled().await;
                    return app;
                }
                Err(e) => last_error = e.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not start a WebDriver session: {last_error}");
    }
}

/// The app each session drives: the debug build cargo made for the tests, or the build named
/// by `COACHDESK_E2E_APP` (`make bench-app` drives the release build).
fn app_binary() -> String {
    std::env::var("COACHDESK_E2E_APP")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_coachdesk").to_owned())
}

impl Drop for Driver {
    fn drop(&mut self) {
        let (done, wake) = &*self.finished;
        *done
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = true;
        wake.notify_all();
        // SIGTERM lets tauri-driver stop WebKitWebDriver too; SIGKILL would orphan it.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        // It stops at once as a rule; one that does not is killed rather than waited on for
        // ever (a make test hung there once).
        for _ in 0..100 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        stop_apps_on(&self.data_dir);
    }
}

/// Stops any CoachDesk still running on `data_dir`. WebKitWebDriver now and then ends a session
/// without ending the app; left running, it would hold the practice, and the next start on the
/// same folder would hand over to it instead of opening a window.
fn stop_apps_on(data_dir: &Path) {
    for pid in apps_on(data_dir) {
        let _ = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
        let proc = PathBuf::from(format!("/proc/{pid}"));
        for _ in 0..50 {
            if !proc.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A test still driving its window after TEST_LIMIT: says what each of its processes was
/// doing (the app's threads, where gdb is installed), names the test in `target/e2e-hung` (for
/// `.ci/e2e`, which runs such a test once more) and kills the app, WebKitWebDriver and
/// tauri-driver, so that the WebDriver call waiting on them fails and the test with it.
fn stop_hung_test(test: &str, driver: u32, data_dir: &Path) {
    eprintln!(
        "{test}: the window did not finish within {} s; what its processes were doing:",
        TEST_LIMIT.as_secs()
    );
    let apps = apps_on(data_dir);
    let mut pids: Vec<u32> = vec![driver];
    pids.extend(children_of(driver));
    pids.extend(&apps);
    let list = pids
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    if let Ok(ps) = Command::new("ps")
        .args(["-o", "pid,ppid,stat,etime,args", "-p", &list])
        .output()
    {
        eprintln!("{}", String::from_utf8_lossy(&ps.stdout));
    }
    for app in &apps {
        let pid = app.to_string();
        if let Ok(bt) = Command::new("timeout")
            .args([
                "60",
                "gdb",
                "-p",
                &pid,
                "-batch",
                "-ex",
                "thread apply all bt 15",
            ])
            .output()
        {
            eprintln!("{}", String::from_utf8_lossy(&bt.stdout));
        }
    }
    let hung = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-hung");
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(hung)
    {
        use std::io::Write;
        let _ = writeln!(file, "{test}");
    }
    for pid in pids.iter().rev() {
        let _ = Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
    }
}

/// The process ids whose parent is `parent`.
fn children_of(parent: u32) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid = entry.file_name().to_string_lossy().parse::<u32>().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // pid (comm) state ppid ...: the name may hold spaces, so read after its ')'.
            let ppid = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?;
            (ppid.parse::<u32>().ok()? == parent).then_some(pid)
        })
        .collect()
}

/// The process ids of every CoachDesk running on `data_dir`.
pub fn apps_on(data_dir: &Path) -> Vec<u32> {
    let needle = format!("COACHDESK_DATA_DIR={}", data_dir.display());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let is_app = std::fs::read_link(entry.path().join("exe"))
            .is_ok_and(|exe| exe.file_name().is_some_and(|n| n == "coachdesk"));
        let on_folder = std::fs::read(entry.path().join("environ"))
            .is_ok_and(|env| env.split(|b| *b == 0).any(|v| v == needle.as_bytes()));
        if is_app && on_folder {
            found.push(pid);
        }
    }
    found
}

/// The app window in one WebDriver session.
pub struct App {
    pub client: Client,
}

impl App {
    /// Waits for start-up to finish. A new session sometimes loads the page a second time just
    /// after the first load, which would undo the test's first clicks; a marker set on the
    /// page tells whether it is still the same page a moment later.
    async fn wait_until_settled(&self) {
        for _ in 0..5 {
            self.wait_for("app-ready").await;
            self.client
                .execute("window.__e2eMarker = true;", vec![])
                .await
                .unwrap();
            tokio::time::sleep(Duration::from_millis(800)).await;
            let same = self
                .client
                .execute("return window.__e2eMarker === true;", vec![])
                .await;
            if same.ok().and_then(|v| v.as_bool()) == Some(true) {
                return;
            }
        }
        panic!("the app page kept reloading at start-up");
    }
}

fn css(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

impl App {
    /// Waits for an element matching `selector` inside the element with this `data-testid`:
    /// a list whose entries load after it shows (the article picker's options).
    pub async fn wait_for_inside(&self, testid: &str, selector: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&format!("{} {selector}", css(testid))))
            .await
        {
            Ok(el) => el,
            Err(e) => panic!(
                "no {selector} appeared in [data-testid={testid}]: {e}\n{}",
                self.what_it_shows(testid).await
            ),
        }
    }

    /// Waits until an element with this `data-testid` is in the page.
    pub async fn wait_for(&self, testid: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&css(testid)))
            .await
        {
            Ok(el) => el,
            Err(e) => panic!(
                "no element [data-testid={testid}] appeared: {e}\n{}",
                self.what_it_shows(testid).await
            ),
        }
    }

    /// Waits until `check` holds for the text of the element, and returns that text.
    pub async fn wait_for_text(&self, testid: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        let mut last = None;
        while tokio::time::Instant::now() < deadline {
            if let Ok(el) = self.client.find(Locator::Css(&css(testid))).await {
                if let Ok(text) = el.text().await {
                    if check(&text) {
                        return text;
                    }
                    last = Some(text);
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let seen = match last {
            Some(text) => format!("last seen: {text:?}"),
            None => "it was never found".to_owned(),
        };
        panic!(
            "[data-testid={testid}] never had the expected text; {seen}\n{}",
            self.what_it_shows(testid).await
        );
    }

    /// Waits until `check` holds for the text of any element with this `data-testid`, and
    /// returns that text. For toasts: an older one may still be showing above the awaited one.
    pub async fn wait_for_any_text(&self, testid: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        let mut seen = Vec::new();
        while tokio::time::Instant::now() < deadline {
            seen = self.texts(testid).await;
            if let Some(text) = seen.iter().find(|t| check(t)) {
                return text.clone();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no [data-testid={testid}] had the expected text; last seen: {seen:?}\n{}",
            self.what_it_shows(testid).await
        );
    }

    /// Waits until the `<dialog>` with this `data-testid` is open (`open` is `true`), or
    /// closed; a dialog element stays in the page either way.
    pub async fn wait_dialog(&self, testid: &str, open: bool) {
        let dialog = self.wait_for(testid).await;
        let deadline = tokio::time::Instant::now() + WAIT;
        while tokio::time::Instant::now() < deadline {
            let now = dialog.prop("open").await.unwrap().as_deref() == Some("true");
            if now == open {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "[data-testid={testid}] did not {}",
            if open { "open" } else { "close" }
        );
    }

    /// Waits until no element has this `data-testid`.
    pub async fn wait_gone(&self, testid: &str) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while tokio::time::Instant::now() < deadline {
            if self
                .client
                .find_all(Locator::Css(&css(testid)))
                .await
                .unwrap()
                .is_empty()
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("[data-testid={testid}] is still there");
    }

    pub async fn all(&self, testid: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(&css(testid)))
            .await
            .unwrap()
    }

    /// The text content of every element with this `data-testid`, trimmed.
    /// Reads them again if the page re-renders midway (a stale element).
    pub async fn texts(&self, testid: &str) -> Vec<String> {
        'again: for _ in 0..50 {
            let mut out = Vec::new();
            for el in self.all(testid).await {
                match el.prop("textContent").await {
                    Ok(text) => out.push(text.unwrap_or_default().trim().to_owned()),
                    Err(_) => {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue 'again;
                    }
                }
            }
            return out;
        }
        panic!("[data-testid={testid}] kept changing while being read");
    }

    /// Clicks a navigation link and waits for the screen it leads to (marked by `arrives`),
    /// clicking again if a click landed while the window was still laying itself out.
    pub async fn go(&self, link: &str, arrives: &str) {
        for _ in 0..5 {
            self.click(link).await;
            let arrived = self
                .client
                .wait()
                .at_most(Duration::from_secs(2))
                .for_element(Locator::Css(&css(arrives)))
                .await;
            if arrived.is_ok() {
                return;
            }
        }
        panic!(
            "clicking [data-testid={link}] never showed [data-testid={arrives}]\n{}",
            self.what_it_shows(arrives).await
        );
    }

    pub async fn click(&self, testid: &str) {
        let el = self.wait_for(testid).await;
        self.press(&el).await;
    }

    /// Clicks through the page's own `click()`: WebKitWebDriver refuses pointer clicks
    /// ("element not interactable") once the page is zoomed (the text size setting).
    pub async fn click_zoomed(&self, testid: &str) {
        self.run_on(testid, "arguments[0].click();").await;
    }

    /// Runs `script` in the page with the element as `arguments[0]`.
    async fn run_on(&self, testid: &str, script: &str) {
        let el = self.wait_for(testid).await;
        let args = vec![serde_json::to_value(&el).unwrap()];
        self.client.execute(script, args).await.unwrap();
    }

    /// Clicks an element once the page has settled, waiting while a toast lies over it (they
    /// leave after a few seconds).
    pub async fn press(&self, el: &Element) {
        self.settle(el).await;
        for _ in 0..80 {
            match el.click().await {
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::ElementClickIntercepted =>
                {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                other => return other.unwrap(),
            }
        }
        panic!("something stayed in front of the element for 8 seconds");
    }

    /// Waits until nothing on the page is still loading (`aria-busy`) and the element has
    /// stopped moving: a client's page loads its cards one by one, and each card that grows
    /// moves those below it, so a click aimed a moment too early lands on something else.
    /// After 3 s it goes on regardless, and at once when the element has gone from the page:
    /// what the click was for then says what is wrong.
    async fn settle(&self, el: &Element) {
        let until = std::time::Instant::now() + Duration::from_secs(3);
        let mut last = None;
        while std::time::Instant::now() < until {
            let busy = self
                .client
                .execute(
                    "return document.querySelector('[aria-busy=\"true\"]') !== null;",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            let Ok(at) = el.rectangle().await else {
                return;
            };
            if !busy && last == Some(at) {
                return;
            }
            last = Some(at);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clears the input and types `text` into it, key by key, as the coach would. WebKit's
    /// driver cannot type characters outside the Basic Multilingual Plane (emoji), so text
    /// holding them is pasted instead: set as the value with an `input` event, as a paste does.
    pub async fn fill(&self, testid: &str, text: &str) {
        let el = self.wait_for(testid).await;
        el.clear().await.unwrap();
        // WebDriver's clear fires no `input` event, which the page listens for.
        self.paste(&el, "").await;
        if text.chars().any(|c| u32::from(c) > 0xFFFF) {
            self.paste(&el, text).await;
        } else if !text.is_empty() {
            el.send_keys(text).await.unwrap();
        }
    }

    /// Puts `text` into the input as a paste would.
    pub async fn paste(&self, el: &Element, text: &str) {
        self.client
            .execute(
                "const [el, text] = arguments; el.value = text;
                 el.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![
                    serde_json::to_value(el).unwrap(),
                    serde_json::Value::from(text),
                ],
            )
            .await
            .unwrap();
    }

    pub async fn value(&self, testid: &str) -> String {
        let el = self.wait_for(testid).await;
        el.prop("value").await.unwrap().unwrap_or_default()
    }

    pub async fn select(&self, testid: &str, value: &str) {
        self.wait_for(testid)
            .await
            .select_by_value(value)
            .await
            .unwrap();
    }

    /// Scrolls the element to the middle of the window, for a screenshot.
    pub async fn scroll_to(&self, testid: &str) {
        self.run_on(testid, "arguments[0].scrollIntoView({ block: 'center' });")
            .await;
    }

    /// Chooses the option of a select whose text contains `text`; returns its value.
    pub async fn select_text(&self, testid: &str, text: &str) -> String {
        let select = self.wait_for(testid).await;
        for _ in 0..100 {
            for option in select.find_all(Locator::Css("option")).await.unwrap() {
                let label = option.text().await.unwrap_or_default();
                if label.contains(text) {
                    let value = option.attr("value").await.unwrap().unwrap_or_default();
                    // As choosing from the list does; a toast may lie over the select.
                    self.client
                        .execute(
                            "const [el, value] = arguments; el.value = value;
                             el.dispatchEvent(new Event('input', { bubbles: true }));
                             el.dispatchEvent(new Event('change', { bubbles: true }));",
                            vec![
                                serde_json::to_value(&select).unwrap(),
                                serde_json::Value::from(value.as_str()),
                            ],
                        )
                        .await
                        .unwrap();
                    return value;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("[data-testid={testid}] has no option containing {text:?}");
    }

    /// What the window shows when a wait failed, for the failure's message (CI keeps only the
    /// log): the route, the awaited element's whole text (hidden parts too) and whether it is
    /// displayed, every alert, status and toast, and the start of the page's visible text. A
    /// screenshot goes to `target/e2e-screens/failed-<testid>.png`.
    async fn what_it_shows(&self, testid: &str) -> String {
        const SCRIPT: &str = r#"
            const [testid] = arguments;
            const el = document.querySelector(`[data-testid="${testid}"]`);
            const shown = (e) => e.getClientRects().length > 0
                && getComputedStyle(e).visibility !== "hidden";
            const notes = [...document.querySelectorAll(
                '[role="alert"], [role="status"], [data-testid="toast"]')]
                .map((e) => `${e.dataset.testid ?? e.getAttribute("role")}: ${e.textContent.trim()}`)
                .filter((line) => !line.endsWith(": "));
            return [
                `route: ${location.hash || "(none)"}`,
                el === null ? `[data-testid=${testid}]: not in the page`
                    : `[data-testid=${testid}] (${shown(el) ? "displayed" : "not displayed"}): `
                        + JSON.stringify(el.textContent.trim().slice(0, 600)),
                ...notes,
                "page: " + JSON.stringify(document.body.innerText.slice(0, 1500)),
            ].join("\n");
        "#;
        if let Ok(png) = self.client.screenshot().await {
            let dir = screens_dir();
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("failed-{testid}.png")), png);
        }
        match self.client.execute(SCRIPT, vec![testid.into()]).await {
            Ok(shows) => format!("The window shows:\n{}", shows.as_str().unwrap_or_default()),
            Err(e) => format!("The window could not be read: {e}"),
        }
    }

    /// Saves a screenshot of the window as `target/e2e-screens/<name>.png`.
    pub async fn screenshot(&self, name: &str) {
        // WebKit paints a moment after the DOM changes; without this the picture can show the
        // screen as it was just before.
        tokio::time::sleep(Duration::from_millis(400)).await;
        let png = self.client.screenshot().await.unwrap();
        let dir = screens_dir();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Waits for the "Saved to …" toast an export shows, then lists the files in `dir` (where
    /// the test's save dialog answers).
    pub async fn saved_into(&self, dir: &Path) -> Vec<PathBuf> {
        self.wait_for_any_text("toast", |t| t.contains("Saved to"))
            .await;
        files_in(dir)
    }

    /// Presses Ctrl and `key` together on the page, as the coach does for a shortcut.
    pub async fn press_ctrl(&self, key: char) {
        let body = self.client.find(Locator::Css("body")).await.unwrap();
        body.send_keys(&format!("\u{E009}{key}\u{E000}"))
            .await
            .unwrap();
    }

    /// Ends the session, which closes the window and quits the app.
    pub async fn quit(self) {
        self.client.close().await.unwrap();
    }
}

/// The files in `dir` by name; none if it does not exist (yet).
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

pub fn screens_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screens")
}

/// The WebDriver code for the Enter key.
pub const ENTER: &str = "\u{E007}";
