//! Writing export and state files: atomic, and never over an existing file
//! unless asked.
//!
//! The bytes go to a temporary file in the destination's folder (same file
//! system, so the final step is atomic), are flushed to disk, and then take
//! the destination's name: by `hard_link`, which fails if the name exists
//! (so "no clobber" holds even against a file created meanwhile), or by
//! `rename` when overwriting was confirmed. A failure at any step removes the
//! temporary file and leaves what was there untouched.
//!
//! A writer killed before it could clean up (`kill -9` during the write or
//! the fsync, a power cut) leaves its temporary behind. Temporaries are
//! named `.NAME.rawi-tmp-<pid>-<n>` so that their owner is known: each write
//! first removes, in its folder, those of processes that are gone (see
//! [`remove_stale_temporaries`]).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// What sits between the destination's name and the owner in the name of a
/// temporary file: `.NAME.rawi-tmp-<pid>-<n>`.
const TEMPORARY_MARK: &str = ".rawi-tmp-";

/// How long a dead process's temporary is left alone: a file still being
/// written or synced by a process this one cannot see (another PID
/// namespace, another machine on a network file system) is never that old.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// The pid in `name` if it is the name of one of rawi's temporary files,
/// `.NAME.rawi-tmp-<pid>-<n>` with a non-empty `NAME` and decimal `pid`
/// and `n`.
pub fn temporary_owner(name: &str) -> Option<u32> {
    let (target, owner) = name.strip_prefix('.')?.rsplit_once(TEMPORARY_MARK)?;
    let (pid, n) = owner.split_once('-')?;
    let decimal = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if target.is_empty() || !decimal(pid) || !decimal(n) {
        return None;
    }
    pid.parse().ok().filter(|&p| p > 0)
}

/// Whether process `pid` exists (a zombie counts), by `/proc/<pid>`; none
/// when that cannot be told (no `/proc`).
fn process_exists(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    fs::symlink_metadata(proc.join("self")).ok()?;
    match fs::symlink_metadata(proc.join(pid.to_string())) {
        Ok(_) => Some(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(false),
        Err(_) => None,
    }
}

/// Removes from `dir` the temporary files left by rawi processes that died
/// before they could remove them, and returns how many went. Only a
/// regular file named like a temporary ([`temporary_owner`]), owned by this
/// user, unchanged for [`STALE_AFTER`], whose process no longer exists is
/// removed: never a live process's file (this one's included), never
/// anything else. Where processes cannot be seen (no `/proc`), nothing is.
/// Errors are ignored: this is tidying, the write goes on regardless.
pub fn remove_stale_temporaries(dir: &Path) -> usize {
    let Ok(me) = fs::metadata("/proc/self") else {
        return 0;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temporary_owner) else {
            continue;
        };
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if meta.is_file()
            && same_owner(&meta, &me)
            && old
            && process_exists(pid) == Some(false)
            && fs::remove_file(&path).is_ok()
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(unix)]
fn same_owner(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.uid() == b.uid()
}

#[cfg(not(unix))]
fn same_owner(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

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
    remove_stale_temporaries(dir);
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

    /// A pid that was a process and is no more: a child that ran and was
    /// reaped.
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!Path::new(&format!("/proc/{pid}")).exists(), "{pid} is gone");
        pid
    }

    /// Makes `p` look an hour old, as a temporary left by a crash is.
    fn backdate(p: &Path) {
        let f = OpenOptions::new().write(true).open(p).unwrap();
        let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        f.set_modified(then).unwrap();
    }

    /// Issue 13, defect 11: `kill -9` during the write or the fsync left the
    /// temporary for ever. The next write to the folder removes those of
    /// dead processes, and nothing else.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_write_removes_the_temporaries_of_dead_processes_only() {
        let d = dir("stale");
        let dead = dead_pid();
        let me = std::process::id();
        let stale = [
            format!(".out.json.rawi-tmp-{dead}-0"),
            format!(".other.md.rawi-tmp-{dead}-17"),
        ];
        let kept = [
            // This process is alive: a write of another thread of it.
            format!(".out.json.rawi-tmp-{me}-99"),
            // Not named like a temporary of rawi.
            format!("out.json.rawi-tmp-{dead}-0"),
            format!(".out.json.rawi-tmp-{dead}-x"),
            format!(".out.json.rawi-tmp-{dead}"),
            format!(".rawi-tmp-{dead}-0"),
            format!(".out.json.rawi-tmp-{dead}-0.bak"),
            "notes.txt".to_string(),
        ];
        for n in stale.iter().chain(&kept) {
            fs::write(d.join(n), b"partial").unwrap();
            backdate(&d.join(n));
        }
        // A dead process's temporary written a moment ago: it may belong to
        // a writer this process cannot see; it is left for a later write.
        let fresh = format!(".recent.json.rawi-tmp-{dead}-3");
        fs::write(d.join(&fresh), b"partial").unwrap();
        // A folder named like a temporary is not a temporary.
        let folder = format!(".dir.rawi-tmp-{dead}-4");
        fs::create_dir(d.join(&folder)).unwrap();

        let p = write_atomic(&d.join("out.json"), b"{}", Overwrite::Never).unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"{}", "the export is done");
        let mut want: Vec<String> = kept.to_vec();
        want.extend([fresh, folder, "out.json".to_string()]);
        want.sort();
        assert_eq!(names(&d), want, "only the dead processes' temporaries went");
        assert_eq!(
            fs::read(d.join(&kept[0])).unwrap(),
            b"partial",
            "the live process's temporary is untouched"
        );
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn temporary_names_give_their_owner() {
        assert_eq!(temporary_owner(".a.json.rawi-tmp-123-0"), Some(123));
        assert_eq!(temporary_owner(".x.rawi-tmp-5.rawi-tmp-7-1"), Some(7));
        for not in [
            "a.json.rawi-tmp-123-0",
            ".rawi-tmp-123-0",
            ".a.rawi-tmp-123-",
            ".a.rawi-tmp--0",
            ".a.rawi-tmp-0-0",
            ".a.rawi-tmp-12a-0",
            ".a.rawi-tmp-123-0-1",
            ".a.rawi-tmp-99999999999-0",
            ".a.json",
        ] {
            assert_eq!(temporary_owner(not), None, "{not}");
        }
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let e = write_atomic(Path::new("/no/such/rawi/dir/out.json"), b"x", Overwrite::Never).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
    }
}
