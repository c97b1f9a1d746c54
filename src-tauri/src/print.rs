//! Printing a PDF CoachDesk made. On Linux the operating system's print dialog (GTK's) opens
//! over the window; she picks the printer, copies and pages, and the PDF file itself is sent to
//! that printer through CUPS (`lp`), so what prints is exactly the exported PDF. Elsewhere the
//! PDF opens in the system viewer, which prints it.
//!
//! Debug builds honour one test seam, like the save dialog's: when `COACHDESK_TEST_PRINTER` is
//! set, the dialog is answered with that printer (one copy, all pages). Release builds never
//! read it.

use std::path::{Path, PathBuf};

use coachdesk_core::db::Db;
use coachdesk_core::documents::{self, Printable};
use tauri::{AppHandle, Manager, Runtime};

use crate::error::{CommandResult, ErrorCode, IpcError};
use crate::state::AppState;

/// What she chose in the print dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Choice {
    printer: String,
    copies: u32,
    /// CUPS page ranges ("1-2,4"); None for all pages.
    pages: Option<String>,
}

fn failed(code: ErrorCode, message: impl Into<String>) -> IpcError {
    IpcError {
        code,
        message: message.into(),
        fields: Vec::new(),
    }
}

fn no_printer() -> IpcError {
    failed(
        ErrorCode::NoPrinter,
        "No printer is set up on this computer. Export the PDF instead, or add a printer in \
         your system's settings and try again.",
    )
}

/// Writes a document CoachDesk prints to a private file and prints it through the print
/// dialog; false if she cancels.
pub fn print_document<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    db: &Db,
    doc: &Printable,
) -> CommandResult<bool> {
    let path = spool_path(state)?;
    documents::save(db, doc, &path)?;
    print_pdf(app, &path, &doc.title)
}

/// A private file in the data folder for the PDF being printed (removed with the viewer
/// copies, at quit and at the next start). Its name is plain ASCII without spaces: the print
/// queue shows the document's title instead, and a CUPS seen here stopped on a file name with
/// spaces.
fn spool_path(state: &AppState) -> CommandResult<PathBuf> {
    let folder = coachdesk_core::files::opened_folder(state.data_dir()).join("print");
    std::fs::create_dir_all(&folder)
        .map_err(|e| failed(ErrorCode::Io, format!("Could not prepare the print: {e}")))?;
    let mut n = 1;
    loop {
        let path = folder.join(format!("document-{n}.pdf"));
        if !path.exists() {
            return Ok(path);
        }
        n += 1;
    }
}

/// Prints the PDF at `path` (titled `title` in the print queue); false if she cancelled.
fn print_pdf<R: Runtime>(app: &AppHandle<R>, path: &Path, title: &str) -> CommandResult<bool> {
    #[cfg(debug_assertions)]
    if let Some(printer) = std::env::var_os("COACHDESK_TEST_PRINTER") {
        let choice = Choice {
            printer: printer.to_string_lossy().into_owned(),
            copies: 1,
            pages: None,
        };
        return send(path, title, &choice).map(|()| true);
    }
    if cfg!(target_os = "linux") {
        if !any_printer() {
            return Err(no_printer());
        }
        match ask(app)? {
            Some(choice) => send(path, title, &choice).map(|()| true),
            None => Ok(false),
        }
    } else {
        tauri_plugin_opener::open_path(path, None::<&str>)
            .map_err(|e| failed(ErrorCode::Io, format!("The PDF could not be opened: {e}")))?;
        Ok(true)
    }
}

/// True when CUPS knows at least one printer.
fn any_printer() -> bool {
    std::process::Command::new("lpstat")
        .arg("-e")
        .output()
        .is_ok_and(|out| out.status.success() && !out.stdout.trim_ascii().is_empty())
}

/// Sends the PDF to the printer she chose.
fn send(path: &Path, title: &str, choice: &Choice) -> CommandResult<()> {
    let mut lp = std::process::Command::new("lp");
    lp.arg("-d")
        .arg(&choice.printer)
        .arg("-n")
        .arg(choice.copies.max(1).to_string())
        .arg("-t")
        .arg(title);
    if let Some(pages) = &choice.pages {
        lp.arg("-P").arg(pages);
    }
    let out = lp.arg("--").arg(path).output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            no_printer()
        } else {
            failed(
                ErrorCode::Io,
                format!("The document could not be printed: {e}"),
            )
        }
    })?;
    if out.status.success() {
        Ok(())
    } else {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        // No such printer, no default one, or no CUPS running: nothing to print on.
        let none = [
            "does not exist",
            "No default destination",
            "not running",
            "not responding",
            "Unable to connect",
        ];
        if none.iter().any(|n| why.contains(n)) {
            return Err(no_printer());
        }
        Err(failed(
            ErrorCode::Io,
            format!("The printer did not take the document: {why}"),
        ))
    }
}

/// Opens GTK's print dialog over the window, on the main thread, and returns her choice (None
/// if she cancelled). The dialog only asks; the PDF is sent by `send`.
#[cfg(target_os = "linux")]
fn ask<R: Runtime>(app: &AppHandle<R>) -> CommandResult<Option<Choice>> {
    let window = app
        .get_webview_window("main")
        .ok_or_else(|| failed(ErrorCode::Internal, "The window is not open."))?;
    let (tx, rx) = std::sync::mpsc::channel();
    app.run_on_main_thread(move || {
        let _ = tx.send(gtk_dialog(window.gtk_window().ok().as_ref()));
    })
    .map_err(|e| {
        failed(
            ErrorCode::Internal,
            format!("The print dialog could not open: {e}"),
        )
    })?;
    rx.recv()
        .map_err(|e| failed(ErrorCode::Internal, format!("The print dialog closed: {e}")))
}

#[cfg(not(target_os = "linux"))]
fn ask<R: Runtime>(_app: &AppHandle<R>) -> CommandResult<Option<Choice>> {
    Ok(None)
}

/// GTK's own print dialog (GtkPrintUnixDialog, through GtkPrintOperation). When she presses
/// Print, GTK starts the operation ("begin-print"); that is where her settings are read and
/// the operation stopped, so GTK itself draws nothing.
#[cfg(target_os = "linux")]
fn gtk_dialog(parent: Option<&gtk::ApplicationWindow>) -> Option<Choice> {
    use gtk::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    let op = gtk::PrintOperation::new();
    op.set_n_pages(1);
    op.set_embed_page_setup(false);
    let chosen: Rc<RefCell<Option<Choice>>> = Rc::new(RefCell::new(None));
    let keep = Rc::clone(&chosen);
    op.connect_begin_print(move |op, _| {
        if let Some(settings) = op.print_settings() {
            let pages = match settings.print_pages() {
                gtk::PrintPages::Ranges => Some(
                    settings
                        .page_ranges()
                        .iter()
                        .map(|r| format!("{}-{}", r.start() + 1, r.end() + 1))
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                _ => None,
            };
            *keep.borrow_mut() = settings.printer().map(|printer| Choice {
                printer: printer.to_string(),
                copies: u32::try_from(settings.n_copies()).unwrap_or(1),
                pages,
            });
        }
        op.cancel();
    });
    let _ = op.run(gtk::PrintOperationAction::PrintDialog, parent);
    chosen.take()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A printer CUPS does not know is told in her words, with "Export instead".
    #[test]
    fn a_printer_that_does_not_exist_is_told_as_no_printer() {
        let dir = std::env::temp_dir().join("coachdesk-print-test.pdf");
        std::fs::write(&dir, b"%PDF-1.4\n").unwrap();
        let choice = Choice {
            printer: "No-Such-Printer-CoachDesk".into(),
            copies: 1,
            pages: None,
        };
        // Without CUPS at all (no `lp`), the same words.
        let err = send(&dir, "test", &choice).unwrap_err();
        assert_eq!(err.code, ErrorCode::NoPrinter, "{}", err.message);
        assert!(err.message.contains("Export the PDF instead"));
        let _ = std::fs::remove_file(dir);
    }
}
