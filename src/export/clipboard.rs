//! The clipboard through the terminal: OSC 52.
//!
//! `ESC ] 52 ; c ; <base64 of UTF-8> BEL` asks the terminal to put text on
//! the system clipboard. It works over SSH and inside tmux (with
//! `set-clipboard on`), needs no display server, and can be tested on a
//! `Vec<u8>`. The text is sanitized first — the payload is base64, so it
//! cannot break out of the sequence, but what lands on the clipboard must not
//! carry the article's escape sequences either.

use std::io::{self, Write};

use crate::sanitize::{Hidden, for_terminal};

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4).
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that copies `text` (sanitized) to the clipboard.
pub fn osc52(text: &str) -> String {
    let clean = for_terminal(text, Hidden::Drop);
    format!("\x1b]52;c;{}\x07", base64(clean.as_bytes()))
}

/// Writes the OSC 52 sequence for `text` to `out` and flushes.
pub fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_known_vectors() {
        for (i, o) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(i.as_bytes()), o);
        }
    }

    #[test]
    fn osc52_is_exact_and_its_payload_carries_no_escape() {
        assert_eq!(osc52("60"), "\x1b]52;c;NjA=\x07");
        // «الكاظمي» in UTF-8, base64.
        assert_eq!(
            osc52("قال"),
            format!("\x1b]52;c;{}\x07", base64("قال".as_bytes()))
        );
        let evil = "a\x1b]0;pwned\x07b\u{9b}2Jc\u{202e}d";
        let seq = osc52(evil);
        assert!(seq.starts_with("\x1b]52;c;") && seq.ends_with('\x07'));
        assert_eq!(seq.matches('\x1b').count(), 1, "only the sequence's own ESC");
        assert_eq!(seq.matches('\x07').count(), 1, "only the sequence's own BEL");
        let payload = &seq["\x1b]52;c;".len()..seq.len() - 1];
        assert!(payload.bytes().all(|b| ALPHABET.contains(&b) || b == b'='));
        assert_eq!(payload, base64("abcd".as_bytes()));
    }

    #[test]
    fn copy_writes_the_sequence() {
        let mut buf = Vec::new();
        copy(&mut buf, "نص").unwrap();
        assert_eq!(buf, osc52("نص").into_bytes());
    }
}
