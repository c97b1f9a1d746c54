//! Where the handout fonts are on the coach's computer, and `coachdesk --check-fonts`.

use std::path::PathBuf;

use coachdesk_core::pdf;

/// The folders the handout fonts are read from: those installed with CoachDesk (its resources'
/// `fonts` folder: every font on macOS and Windows, the emoji font in the .deb), then on Linux
/// the folders of the Debian font packages the .deb depends on (fonts-noto-core, fonts-lato,
/// fonts-droid-fallback: the very files core/fonts holds).
fn folders(info: &tauri::PackageInfo) -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if let Ok(resources) = tauri::utils::platform::resource_dir(info, &tauri::Env::default()) {
        folders.push(resources.join("fonts"));
    }
    #[cfg(target_os = "linux")]
    folders.extend(
        ["noto", "lato", "droid"].map(|f| PathBuf::from("/usr/share/fonts/truetype").join(f)),
    );
    folders
}

/// Tells core where the fonts are; before any handout is made.
pub fn find(info: &tauri::PackageInfo) {
    pdf::use_fonts_from(folders(info));
}

/// `coachdesk --check-fonts`: where each font file was found, and a handout made with all of
/// them. True when every one is there and the handout was made (the packaging test runs it on
/// the installed package).
pub fn check() -> bool {
    let mut all_found = true;
    for (file, found) in pdf::font_files() {
        match found {
            Some(path) => println!("{file}: {}", path.display()),
            None => {
                all_found = false;
                println!("{file}: not found");
            }
        }
    }
    match pdf::check_fonts() {
        Ok(rendered) => {
            println!("A handout with every font: {} bytes", rendered.bytes.len());
            all_found
        }
        Err(e) => {
            println!("A handout with every font could not be made: {e}");
            false
        }
    }
}
