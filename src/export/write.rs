//! Writing export and state files: atomic, and never over an existing file
//! unless asked.
//!
//! The bytes go to a temporary file in the destination's folder (same file
//! system, so the final step is atomic), are flushed to disk, and then take
//! the destination's name: by `hard_link`, which fails if the name exists
//! (so "no clobber" holds even against a file created meanwhile), or by
//! `rename` when overwriting was confirmed. A failure at any step removes the
//! temporary file and leaves what was there untouched.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Whether an existing destination may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    /// Fail with [`io::ErrorKind::AlreadyExists`] if the file exists.
    Never,
    /// Replace it (the user confirmed).
    Confirmed,
}

/// Writes `bytes` to `dest` atomically. Returns the absolute path written.
pub fn write_atomic(dest: &Path, bytes: &[u8], overwrite: Overwrite) -> io::Result<PathBuf> {
    let dest = if dest.is_absolute() {
        dest.to_path_buf()
    } else {
        std::env::current_dir()?.join(dest)
    };
    if overwrite == Overwrite::Never && fs::symlink_metadata(&dest).is_ok() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists", dest.display()),
        ));
    }
    let dir = dest.parent().unwrap_or(Path::new("."));
    let name = dest.file_name().and_then(|n| n.to_str()).unwrap_or("export");
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let tmp = dir.join(format!(
        ".{name}.rawi-tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut f: File = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        match overwrite {
            Overwrite::Never => fs::hard_link(&tmp, &dest).or_else(|e| {
                // File systems without hard links: fall back to a checked rename.
                if e.kind() == io::ErrorKind::AlreadyExists {
                    Err(e)
                } else if fs::symlink_metadata(&dest).is_ok() {
                    Err(io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!("{} exists", dest.display()),
                    ))
                } else {
                    fs::rename(&tmp, &dest)
                }
            }),
            Overwrite::Confirmed => fs::rename(&tmp, &dest),
        }
    })();
    let _ = fs::remove_file(&tmp);
    result.map(|()| dest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("rawi-write-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn writes_a_new_file_and_leaves_no_temporary() {
        let d = dir("new");
        let p = write_atomic(&d.join("out.json"), b"{}", Overwrite::Never).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"{}");
        assert_eq!(fs::read_dir(&d).unwrap().count(), 1);
    }

    #[test]
    fn an_existing_file_is_byte_identical_without_confirmation() {
        let d = dir("exists");
        let p = d.join("out.md");
        fs::write(&p, b"old contents").unwrap();
        let e = write_atomic(&p, b"new", Overwrite::Never).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"old contents");
        assert_eq!(fs::read_dir(&d).unwrap().count(), 1, "no temporary file left");
        write_atomic(&p, b"new", Overwrite::Confirmed).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_folder_reports_and_loses_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("ro");
        fs::write(d.join("keep.txt"), b"keep").unwrap();
        fs::set_permissions(&d, fs::Permissions::from_mode(0o555)).unwrap();
        let probe = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(d.join("probe"));
        if probe.is_ok() {
            // Running as root: permissions do not bind; nothing to check here.
            let _ = fs::remove_file(d.join("probe"));
        } else {
            let e = write_atomic(&d.join("out.json"), b"x", Overwrite::Never).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        }
        assert_eq!(fs::read(d.join("keep.txt")).unwrap(), b"keep");
        fs::set_permissions(&d, fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let e = write_atomic(Path::new("/no/such/rawi/dir/out.json"), b"x", Overwrite::Never).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
    }
}
