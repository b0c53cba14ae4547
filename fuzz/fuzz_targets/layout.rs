//! Any text at any width: rows never wider than the width, no control or
//! bidi control in a cell, logical offsets on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (u8, &[u8])| {
    let (width, data) = input;
    let text = String::from_utf8_lossy(data);
    for line in rawi::layout::layout_paragraph(&text, u16::from(width), None) {
        let w: u32 = line.cells.iter().map(|c| u32::from(c.width)).sum::<u32>() + u32::from(line.indent);
        assert!(w <= u32::from(width).max(1) || width == 0);
        for cell in &line.cells {
            assert!(text.is_char_boundary(cell.logical));
            assert!(rawi::sanitize::is_terminal_safe(&cell.text) && !cell.text.contains(['\n', '\t']));
        }
    }
});
