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
    // Names on disk hold no control or bidi-control character, whatever was
    // typed or pasted at the prompt.
    if let Some(c) = dest
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.chars().find(|&c| crate::sanitize::is_unsafe_in_file_name(c)))
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "the file name holds the invisible or control character U+{:04X}",
                c as u32
            ),
        ));
    }
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
    fn a_name_with_a_bidi_control_is_refused_and_nothing_is_written() {
        let d = dir("bidi");
        let e = write_atomic(&d.join("sel\u{202E}nosj.md"), b"{}", Overwrite::Never).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("U+202E"), "{e}");
        assert_eq!(fs::read_dir(&d).unwrap().count(), 0);
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

    fn names(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// `chattr +i` on a folder for the life of the value: no file can be
    /// created in it, not even by root (who ignores permission bits).
    #[cfg(unix)]
    struct Immutable(PathBuf);

    #[cfg(unix)]
    impl Immutable {
        fn set(d: &Path) -> Option<Self> {
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(d)
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            ok.then(|| Self(d.to_path_buf()))
        }
    }

    #[cfg(unix)]
    impl Drop for Immutable {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_folder_reports_and_loses_nothing() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("ro");
        fs::write(d.join("keep.txt"), b"keep").unwrap();
        fs::set_permissions(&d, fs::Permissions::from_mode(0o555)).unwrap();
        let probe = d.join("probe");
        let root = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&probe)
            .is_ok();
        // As root permission bits do not bind; an immutable folder does
        // (where the file system has the attribute and chattr is there).
        let immutable = if root {
            let _ = fs::remove_file(&probe);
            match Immutable::set(&d) {
                Some(i) => Some(i),
                None => {
                    eprintln!(
                        "skipped: running as root and `chattr +i` failed on {}",
                        d.display()
                    );
                    fs::set_permissions(&d, fs::Permissions::from_mode(0o755)).unwrap();
                    return;
                }
            }
        } else {
            None
        };
        let e = write_atomic(&d.join("out.json"), b"x", Overwrite::Never).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied, "{e}");
        let e = write_atomic(&d.join("keep.txt"), b"x", Overwrite::Confirmed).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied, "{e}");
        assert_eq!(fs::read(d.join("keep.txt")).unwrap(), b"keep");
        assert_eq!(names(&d), ["keep.txt"]);
        drop(immutable);
        fs::set_permissions(&d, fs::Permissions::from_mode(0o755)).unwrap();
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn a_file_where_the_folder_should_be_is_reported_and_kept() {
        let d = dir("notdir");
        let f = d.join("file");
        fs::write(&f, b"a file").unwrap();
        let e = write_atomic(&f.join("out.json"), b"x", Overwrite::Never).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotADirectory, "{e}");
        assert_eq!(fs::read(&f).unwrap(), b"a file");
        assert_eq!(names(&d), ["file"]);
        let _ = fs::remove_dir_all(&d);
    }

    /// The last step fails (after the temporary file was written in full):
    /// the temporary goes, the destination stays as it was.
    #[test]
    fn a_failed_rename_removes_the_temporary() {
        let d = dir("isdir");
        let dest = d.join("out.json");
        fs::create_dir(&dest).unwrap();
        fs::write(dest.join("inside.txt"), b"inside").unwrap();
        let e = write_atomic(&dest, b"new", Overwrite::Confirmed).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory, "{e}");
        assert_eq!(names(&d), ["out.json"], "no temporary file left");
        assert_eq!(fs::read(dest.join("inside.txt")).unwrap(), b"inside");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let e = write_atomic(Path::new("/no/such/rawi/dir/out.json"), b"x", Overwrite::Never).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
    }
}
