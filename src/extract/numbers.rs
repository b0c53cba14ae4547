//! Numbers in the text and what they mean (to be written).

use crate::article::NumberMention;

/// Appends the numbers found in `text` (one paragraph, starting at byte
/// `base` of the article text) to `out`, in text order.
pub fn find_numbers(text: &str, base: usize, paragraph: usize, out: &mut Vec<NumberMention>) {
    let _ = (text, base, paragraph, out);
}
