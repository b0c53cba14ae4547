//! Punctuation passes: quotation marks paired into quotations (a mark
//! that never closes ends at the paragraph end) and the sentence ends
//! outside them.

use super::*;

impl<'a> Finder<'a> {
    /// Pairs the quotation marks into `spans` (top-level quotations) and
    /// marks in `inside` the tokens they enclose; `stack` is working space.
    pub(super) fn pair_quotes(
        &self,
        spans: &mut Vec<QSpan>,
        inside: &mut Vec<bool>,
        stack: &mut Vec<(usize, char)>,
    ) {
        let toks = &self.t.toks;
        let n = toks.len();
        spans.clear();
        stack.clear();
        let open_ctx = |i: usize| {
            i == 0
                || toks[i].space_before
                || matches!(
                    toks[i - 1].punct(),
                    Some(':' | '(' | '[' | '-' | '–' | '—' | '،' | ',')
                )
        };
        let close_ctx = |i: usize| {
            i + 1 >= n
                || toks[i + 1].space_before
                || matches!(
                    toks[i + 1].punct(),
                    Some(
                        '.' | ','
                            | '،'
                            | ':'
                            | ';'
                            | '!'
                            | '?'
                            | '؟'
                            | ')'
                            | ']'
                            | '…'
                            | '»'
                            | '”'
                            | '"'
                            | '-'
                    )
                )
        };
        let family = |c: char| match c {
            '«' | '»' | '‹' | '›' => 0,
            '“' | '”' | '„' | '"' => 1,
            _ => 2,
        };
        for &i in &self.t.puncts {
            let i = i as usize;
            let Some(c) = toks[i].punct() else { continue };
            let top_family = stack.last().map(|&(_, c)| family(c));
            let role = match c {
                '«' | '‹' => Some(true),
                '»' | '›' => Some(false),
                '“' | '„' => {
                    let opens = !(top_family == Some(1) && !open_ctx(i) && close_ctx(i));
                    // `لأن “المشاركين … الأعضاء. وقال X إن … “أول اتفاق”`:
                    // an opening mark while one is open means the first
                    // was never closed; it ends at its last sentence end.
                    if opens
                        && top_family == Some(1)
                        && stack.len() == 1
                        && let (o, _) = stack[0]
                        && let Some(j) = (o + 1..i)
                            .rev()
                            .find(|&j| matches!(toks[j].punct(), Some('.' | '!' | '?' | '؟')))
                    {
                        spans.push(QSpan {
                            open: o,
                            inner_end: j + 1,
                            end: j + 1,
                            used: false,
                        });
                        stack.clear();
                        stack.push((i, c));
                        continue;
                    }
                    Some(opens)
                }
                '”' => Some(top_family != Some(1) && open_ctx(i) && !close_ctx(i)),
                '"' => {
                    if top_family == Some(1) {
                        if open_ctx(i) && !close_ctx(i) && stack.len() == 1 {
                            // Reopened: close the first at its last sentence end.
                            let (o, _) = stack[0];
                            if let Some(j) = (o + 1..i)
                                .rev()
                                .find(|&j| matches!(toks[j].punct(), Some('.' | '!' | '?' | '؟')))
                            {
                                spans.push(QSpan {
                                    open: o,
                                    inner_end: j + 1,
                                    end: j + 1,
                                    used: false,
                                });
                                stack.clear();
                                stack.push((i, c));
                                continue;
                            }
                        }
                        Some(false)
                    } else {
                        Some(open_ctx(i) || !close_ctx(i))
                    }
                }
                '‘' => open_ctx(i).then_some(true),
                '’' | '\'' => {
                    if top_family == Some(2) {
                        Some(false)
                    } else if c == '\'' && open_ctx(i) && !close_ctx(i) {
                        Some(true)
                    } else {
                        None
                    }
                }
                _ => None,
            };
            match role {
                Some(true) => stack.push((i, c)),
                Some(false) => {
                    if let Some(pos) = stack.iter().rposition(|&(_, o)| family(o) == family(c)) {
                        if pos == 0 {
                            spans.push(QSpan {
                                open: stack[0].0,
                                inner_end: i,
                                end: i + 1,
                                used: false,
                            });
                        }
                        stack.truncate(pos);
                    }
                }
                None => {}
            }
        }
        if let Some(&(o, _)) = stack.first() {
            spans.push(QSpan {
                open: o,
                inner_end: n,
                end: n,
                used: false,
            });
        }
        inside.clear();
        inside.resize(n, false);
        for q in spans.iter() {
            for x in &mut inside[q.open + 1..q.inner_end] {
                *x = true;
            }
        }
    }

    /// The tokens that end sentences ([`Sentences`]), from `inside` and
    /// `qspans`.
    pub(super) fn sentences(&self, scratch: &mut Scratch) {
        let Scratch {
            inside,
            qspans,
            sentences,
            ..
        } = scratch;
        let toks = &self.t.toks;
        let n = toks.len();
        let ends = &mut sentences.ends;
        ends.clear();
        sentences.n = n;
        for &i in &self.t.puncts {
            let i = i as usize;
            if inside[i] {
                continue;
            }
            if let Some(c) = toks[i].punct()
                && matches!(c, '.' | '!' | '?' | '؟' | '…')
                && !(c == '.' && i > 0 && self.is_abbreviation(i - 1))
            {
                ends.push(i);
            }
        }
        // An implicitly closed quotation ends its sentence; so does one
        // whose words end a sentence when a new quotation or a capitalised
        // word follows (`remains "well capitalised." "Priya made a hard
        // call," he says.`).
        let mut more = false;
        for (qi, q) in qspans.iter().enumerate() {
            if q.end == q.inner_end && q.inner_end < n && q.inner_end > 0 {
                ends.push(q.inner_end - 1);
                more = true;
            } else if q.end > q.inner_end
                && q.end < n
                && q.inner_end > q.open + 1
                && matches!(toks[q.inner_end - 1].punct(), Some('.' | '!' | '?'))
                // Top-level quotations are in text order: the next one is
                // the only one that can open right here.
                && (qspans.get(qi + 1).is_some_and(|o| o.open == q.end)
                    || (toks[q.end].is_word() && !self.is_arabic(q.end) && self.t.is_capitalized(q.end)))
            {
                ends.push(q.end - 1);
                more = true;
            }
        }
        if more {
            ends.sort_unstable();
            ends.dedup();
        }
    }

    pub(super) fn is_abbreviation(&self, i: usize) -> bool {
        let tok = self.t.toks[i];
        if !tok.is_word() || tok.space_before && i + 1 >= self.t.len() {
            return false;
        }
        matches!(
            self.t.fold(i),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "st"
                | "gen"
                | "gov"
                | "sen"
                | "rep"
                | "rev"
                | "capt"
                | "maj"
                | "supt"
                | "insp"
                | "det"
                | "cmdr"
                | "adm"
                | "col"
                | "lt"
                | "sgt"
                | "jr"
                | "sr"
                | "no"
                | "vs"
                | "u.s"
                | "د"
        ) || {
            // `J.`, and the one-letter Arabic titles `د.` (doctor), `م.`
            // (engineer), `أ.` (professor): no Arabic word is one letter long.
            let mut cs = self.t.fold(i).chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_ascii_alphabetic() || ('\u{0621}'..='\u{064A}').contains(&c))
        }
    }
}
