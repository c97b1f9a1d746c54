//! One CoachDesk per data folder. Before any window exists, the app takes a lock on the data
//! folder (`files::lock_folder`). The first CoachDesk also listens on a socket in the folder;
//! a second launch that finds the lock taken asks it, through that socket, to bring its window
//! forward, and quits at once, before it has opened anything. If nobody answers (a system
//! without Unix sockets, or the first one is just closing), the second carries on to a window
//! that says the practice is already open, and touches nothing, because the lock is still held.
//!
//! This replaces `tauri-plugin-single-instance`: on Linux it asks over D-Bus and then quits a
//! process whose GTK is already running, which crashed now and then (SIGSEGV at exit).

use std::path::{Path, PathBuf};

use coachdesk_core::files::{lock_folder, FolderLock};

/// The socket's name in the data folder.
pub const SOCKET: &str = "coachdesk.sock";

/// What this launch is.
pub enum Claim {
    /// The first CoachDesk on the folder: it holds the lock (None if the folder cannot be
    /// locked at all) and should listen for later launches.
    First(Option<FolderLock>),
    /// Another CoachDesk has the folder and brought its window forward: quit.
    HandedOver,
    /// Another CoachDesk has the folder but did not answer: open, to say so.
    Taken,
}

/// Takes the data folder, or hands over to the CoachDesk that has it.
pub fn claim(data_dir: &Path) -> Claim {
    match lock_folder(data_dir) {
        Ok(Some(lock)) => Claim::First(Some(lock)),
        Ok(None) => {
            if hand_over(data_dir) {
                Claim::HandedOver
            } else {
                Claim::Taken
            }
        }
        Err(e) => {
            eprintln!("CoachDesk: could not lock the data folder: {e}");
            Claim::First(None)
        }
    }
}

fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET)
}

/// Asks the first CoachDesk to come forward; true once it says it did.
#[cfg(unix)]
fn hand_over(data_dir: &Path) -> bool {
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::net::UnixStream;
    use std::time::Duration;

    let Ok(mut stream) = UnixStream::connect(socket_path(data_dir)) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(3)));
    if stream.write_all(b"show\n").is_err() {
        return false;
    }
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer).is_ok() && answer.trim() == "shown"
}

#[cfg(not(unix))]
fn hand_over(_data_dir: &Path) -> bool {
    false
}

/// The first CoachDesk: answers later launches by running `show` (bring the window forward).
/// Runs on a thread of its own for as long as the app runs.
#[cfg(unix)]
pub fn listen(data_dir: &Path, show: impl Fn() + Send + 'static) {
    use std::io::{BufRead, BufReader, Write};
    use std::os::unix::net::UnixListener;

    let path = socket_path(data_dir);
    // A socket left by a CoachDesk that crashed: this one holds the lock, so it is stale.
    let _ = std::fs::remove_file(&path);
    let listener = match UnixListener::bind(&path) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("CoachDesk: later launches cannot reach this one ({e})");
            return;
        }
    };
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            if reader.read_line(&mut line).is_ok() && line.trim() == "show" {
                show();
                let _ = (&stream).write_all(b"shown\n");
            }
        }
    });
}

#[cfg(not(unix))]
pub fn listen(_data_dir: &Path, _show: impl Fn() + Send + 'static) {}
