-- Attached lab files and the logo move inside the database, so her whole practice is one file
-- that is backed up, checked and restored as one. Files an older CoachDesk left beside the
-- database are read in at start by legacy_files::move_inside (Rust, not SQL: it reads disk).

ALTER TABLE lab_files ADD COLUMN content BLOB;

ALTER TABLE practice ADD COLUMN logo BLOB;

-- A second place every backup is copied to (a USB stick, a synced folder); '' for none.
ALTER TABLE practice ADD COLUMN backup_copy_folder TEXT NOT NULL DEFAULT '';
