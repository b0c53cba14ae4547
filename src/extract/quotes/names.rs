//! Names in running text: people named without speaking (`Linda Harper,
//! 58, pleaded guilty …`), the name words a family name alone points back
//! to, and the runs of capitalised words that English names are.

use super::*;

impl<'a> Finder<'a> {
    /// An Arabic family name alone, or a role alone, that nobody speaking has
    /// had (`وأضاف فوزي`, `وأكد وزير المالية`, `وقال السيد`), completed from
    /// where the text named the person before without a cue (`عقد الدكتور
    /// حسام الدين فوزي، وزير المالية، مؤتمراً …`, `والمهندس طارق السيد`):
    /// the mention with the full name, or `None`. `before` is the byte
    /// offset of the cue in the article.
    pub(super) fn earlier_mention(&self, m: &Mention, before: usize) -> Option<Mention> {
        let arabic = |t: &str| {
            t.chars()
                .next()
                .is_some_and(|c| ('\u{0600}'..='\u{06ff}').contains(&c))
        };
        let lex = lexicon();
        let family = match (&m.name, &m.role, m.kind) {
            (Some(name), None, Some(SpeakerKind::Person))
                if !name.contains(' ')
                    && arabic(name)
                    && !self.registry.is_name_word(&crate::text::fold(name)) =>
            {
                true
            }
            (None, Some(role), None) if !m.same && arabic(role) => {
                let f = crate::text::fold(role.split(' ').next().unwrap_or(""));
                if !role.contains(' ')
                    && !self.registry.is_name_word(&f)
                    && !has_noun(&lex.roles, &f)
                    && (Self::is_definite(&f) || lex.honorifics.contains(&f))
                {
                    // `وأوضح البنا`, `وقال السيد`: a family name read as a role.
                    true
                } else if (has_noun(&lex.roles, &f) || lex.honorifics.contains(&f))
                    && !self.registry.has_holder(role)
                {
                    // A role that nobody speaking holds.
                    false
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        let phrase = m.name.as_deref().or(m.role.as_deref())?;
        let left = self
            .lookback_left
            .get()
            .unwrap_or_else(|| self.article.len().max(1 << 13));
        let before = before.min(self.article.len());
        let mut lo = before.saturating_sub(LOOKBACK.min(left));
        while !self.article.is_char_boundary(lo) {
            lo += 1;
        }
        self.lookback_left.set(Some(left.saturating_sub(before - lo)));
        let hay = self.article.get(lo..before)?;
        let mut end = hay.len();
        for _ in 0..3 {
            let pos = hay.get(..end)?.rfind(phrase)?;
            end = pos;
            let after = pos + phrase.len();
            let bounded = hay[..pos]
                .chars()
                .next_back()
                .is_none_or(|c| !crate::text::is_word_char(c))
                && hay[after..]
                    .chars()
                    .next()
                    .is_none_or(|c| !crate::text::is_word_char(c));
            if !bounded {
                continue;
            }
            // `طارق السيد`, `حسام الدين فوزي`: the given names before.
            if family && let Some(given) = self.name_before(&hay[..pos], false) {
                return Some(Mention {
                    name: Some(format!("{given} {phrase}")),
                    kind: Some(SpeakerKind::Person),
                    ..Mention::default()
                });
            }
            if family {
                continue;
            }
            // `حسام الدين فوزي، وزير المالية`, `وزير الصحة السوداني عادل الشفيع`.
            let name = match hay[..pos].trim_end().strip_suffix(['،', ',']) {
                Some(rest) => self.name_before(rest, true),
                None => self.name_after(&hay[after..]),
            };
            if let Some(name) = name {
                return Some(Mention {
                    name: Some(name),
                    role: Some(phrase.to_string()),
                    kind: Some(SpeakerKind::Person),
                    ..Mention::default()
                });
            }
        }
        None
    }

    /// What an Arabic word read from raw text is in a name.
    pub(super) fn name_word(word: &str) -> NameWord {
        let lex = lexicon();
        let f = crate::text::fold(word);
        let bare = strip_conjunction(&f).unwrap_or(&f);
        if !word.chars().all(|c| ('\u{0600}'..='\u{06ff}').contains(&c)) || f.is_empty() {
            NameWord::Stop
        } else if lex.first_names.contains(&f) {
            NameWord::Given
        } else if lex.honorifics.contains(&f) || lex.honorifics.contains(bare) || has_noun(&lex.roles, &f) {
            NameWord::Title
        } else if lex.np_stops.contains(&f)
            || lex.role_modifiers.contains(&f)
            || has_noun(&lex.organizations, &f)
            || has_noun(&lex.groups, &f)
            || has_noun(&lex.anonymous, &f)
            || lex.ar_verbs.contains(&f)
            || lex.ar_verbs.contains(bare)
            || lex.ar_participles.contains(&f)
            || CONNECTORS.contains(&f.as_str())
            || f.starts_with('و')
        {
            NameWord::Stop
        } else if Self::is_definite(&f) {
            NameWord::Definite
        } else {
            NameWord::Plain
        }
    }

    /// The given names that end `text` (right before a family name or a
    /// comma): from a listed given name, or from after a title, over at
    /// most three words. With `whole`, the last word is the family name
    /// too (`حسام الدين فوزي،`), and two words are needed.
    pub(super) fn name_before(&self, text: &str, whole: bool) -> Option<String> {
        let mut rest = text;
        // Where the furthest listed given name, and the furthest name word, start.
        let mut given_at = None;
        let mut first_at = None;
        let mut titled = false;
        for _ in 0..3 {
            let t = rest.trim_end_matches(' ');
            if t.len() == rest.len() && first_at.is_some() {
                break;
            }
            let w0 = t
                .char_indices()
                .rev()
                .find(|&(_, c)| !crate::text::is_word_char(c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let word = &t[w0..];
            if word.is_empty() {
                break;
            }
            let kind = match Self::name_word(word) {
                // The family name before the comma may be a title word
                // (`طارق السيد، رئيس …`).
                NameWord::Title if whole && first_at.is_none() => NameWord::Plain,
                k => k,
            };
            match kind {
                NameWord::Given => {
                    given_at = Some(w0);
                    first_at = Some(w0);
                }
                NameWord::Plain | NameWord::Definite => first_at = Some(w0),
                NameWord::Title => {
                    titled = true;
                    break;
                }
                NameWord::Stop => break,
            }
            rest = &t[..w0];
        }
        let s = given_at.or(if titled { first_at } else { None })?;
        let name = text.get(s..)?.trim();
        (!name.is_empty() && (!whole || name.contains(' '))).then(|| name.to_string())
    }

    /// The name right after a role in raw text (`وزير الصحة السوداني عادل
    /// الشفيع`): over the role's adjectives, two or three name words from a
    /// listed given name.
    pub(super) fn name_after(&self, text: &str) -> Option<String> {
        let mut words = text
            .split(' ')
            .take(6)
            .map(|w| (w, w.chars().all(crate::text::is_word_char)));
        let mut out: Vec<&str> = Vec::new();
        let mut skipped = 0;
        for (w, clean) in words.by_ref() {
            if w.is_empty() && out.is_empty() && skipped == 0 {
                continue;
            }
            let kind = Self::name_word(w.trim_end_matches(|c: char| !crate::text::is_word_char(c)));
            match kind {
                NameWord::Definite if out.is_empty() && skipped < 2 => skipped += 1,
                NameWord::Given if out.is_empty() => out.push(w),
                NameWord::Given | NameWord::Plain | NameWord::Definite if !out.is_empty() => out.push(w),
                _ => break,
            }
            if !clean || out.len() == 3 {
                break;
            }
        }
        let name = out.join(" ");
        let name = name.trim_end_matches(|c: char| !crate::text::is_word_char(c));
        (out.len() >= 2).then(|| name.to_string())
    }

    /// English names in running text make their person the one `she` means;
    /// a name inside a quotation is someone the speaker talks about, not the
    /// one `he said` after it refers to.
    ///
    /// Other names of people (a given name the lists know, or a role word
    /// before them) are remembered too: the first of a sentence, before its
    /// first cue and quotation and followed by a verb or a comma, is its
    /// subject (`In Sheffield, …, the council leader, Sarah Mitchell, met
    /// …`); any is whom a family name alone or a pronoun of their gender
    /// may mean later.
    pub(super) fn note_mentions(
        &mut self,
        from: usize,
        to: usize,
        inside: &[bool],
        sentences: &Sentences,
        cues: &[Cue],
        qspans: &[QSpan],
    ) {
        let mut named_until = 0;
        // The sentence whose first name was seen.
        let mut named_in = usize::MAX;
        // Only capitalised words can be names: they are listed apart.
        let first = self.t.uppers.partition_point(|&u| (u as usize) < from);
        for k in first..self.t.uppers.len() {
            let i = self.t.uppers[k] as usize;
            if i >= to {
                break;
            }
            if self.t.is_capitalized(i) && self.t.toks[i].is_word() && inside.get(i) != Some(&true) {
                let s0 = sentences.start(i);
                if s0 == i
                    && let Some((name, end)) = self.sentence_name(i)
                {
                    // The whole name counts once (`Fiona Parry` is Fiona,
                    // not also the Parry of another newcomer).
                    let gender = speakers::gender_of(&name, None);
                    self.registry.introduced(&name, gender, true);
                    named_until = end;
                } else if i >= named_until
                    && let Some((end, verb_after)) = self.name_run(i)
                {
                    let first_of_sentence = named_in != s0;
                    named_in = s0;
                    let before = (i > 0 && self.t.toks[i - 1].is_word()).then(|| self.t.fold(i - 1));
                    let lex = lexicon();
                    let titled = i > 0 && {
                        let f = self.t.fold(i - 1);
                        lex.roles.contains(f) || lex.honorifics.contains(f)
                    };
                    // Cues and quotations are in text order.
                    let c = cues.partition_point(|c| c.at < s0);
                    let q = qspans.partition_point(|q| q.open < s0);
                    let subject = verb_after
                        && first_of_sentence
                        && cues.get(c).is_none_or(|c| c.at > i)
                        && qspans.get(q).is_none_or(|q| q.open > i);
                    // Folded words: no allocation for the many runs that are
                    // places and institutions.
                    let gender = speakers::gender_of_folded(self.t.fold(i), before);
                    if subject || titled || gender != Agreement::Unknown {
                        self.registry.introduced(&self.text_of(i, end), gender, subject);
                        named_until = end;
                    }
                }
                if i >= named_until {
                    self.registry.mentioned(self.t.fold(i));
                }
            }
        }
    }

    /// The name of a person that opens an English sentence at `i`, after
    /// titles (`Gov. Ellen Marsh declared …`, `Linda Harper, 58, pleaded
    /// …`): two or three name words followed by a comma or a lower-case
    /// word.
    pub(super) fn sentence_name(&self, i: usize) -> Option<(String, usize)> {
        let lex = lexicon();
        let n = self.t.len();
        let mut k = i;
        while k < n
            && k - i < 4
            && (self.t.toks[k].punct() == Some('.')
                || (self.t.toks[k].is_word() && {
                    let f = self.t.fold(k);
                    lex.honorifics.contains(f) || lex.roles.contains(f)
                }))
        {
            k += 1;
        }
        let rs = k;
        while k < n && k - rs < 3 && self.en_name_word(k) {
            k += 1;
        }
        // A comma or a verb follows; not a noun the words qualify (`West
        // Mercia police said`, `Codelco Chairman …`).
        let after_ok = k >= n || matches!(self.t.toks[k].punct(), Some(',')) || self.verb_after_name(k);
        (k - rs >= 2 && after_ok).then(|| (self.text_of(rs, k), k))
    }

    /// True when the word at `k` can be the verb after an English name: a
    /// lower-case word that is not a noun the name qualifies (`West Mercia
    /// police said`, `Codelco Chairman …`).
    pub(super) fn verb_after_name(&self, k: usize) -> bool {
        let lex = lexicon();
        self.t.toks[k].is_word() && !self.capitalized(k) && !self.is_arabic(k) && {
            let f = self.t.fold(k);
            !lex.organizations.contains(f)
                && !lex.groups.contains(f)
                && !lex.roles.contains(f)
                && !lex.anonymous.contains(f)
        }
    }

    /// A run of two or three name words starting at `i` (not inside a longer
    /// run): where it ends, and whether a verb or a comma follows it.
    pub(super) fn name_run(&self, i: usize) -> Option<(usize, bool)> {
        let n = self.t.len();
        // Cheap tests first: most capitalised words stand alone.
        if i + 1 >= n
            || !self.t.is_capitalized(i + 1)
            || (i > 0 && self.t.is_capitalized(i - 1) && self.en_name_word(i - 1))
            || !self.en_name_word(i)
        {
            return None;
        }
        let mut k = i + 1;
        while k < n && k - i < 3 && self.t.is_capitalized(k) && self.en_name_word(k) {
            k += 1;
        }
        if k - i < 2 || (k < n && self.t.is_capitalized(k) && self.en_name_word(k)) {
            return None;
        }
        let verb_after = k < n
            && (matches!(self.t.toks[k].punct(), Some(','))
                || (self.verb_after_name(k) && !EN_CUT.contains(&self.t.fold(k))));
        Some((k, verb_after))
    }

    /// An English word that can be part of a person's name: capitalised,
    /// not a title, role, institution, group, acronym or possessive.
    pub(super) fn en_name_word(&self, k: usize) -> bool {
        // The same few tokens are asked about in turn as a run is read: a
        // small cache per paragraph saves the lexicon lookups.
        let slot = k % 4;
        let mut memo = self.name_word_memo.get();
        if memo[slot].0 == k + 1 {
            return memo[slot].1;
        }
        let v = self.en_name_word_uncached(k);
        memo[slot] = (k + 1, v);
        self.name_word_memo.set(memo);
        v
    }

    pub(super) fn en_name_word_uncached(&self, k: usize) -> bool {
        let lex = lexicon();
        let tok = self.t.toks[k];
        if !tok.is_word() || self.is_arabic(k) || !self.capitalized(k) {
            return false;
        }
        let f = self.t.fold(k);
        let raw = self.ptext_get(tok.start, tok.end);
        let acronym = raw.chars().count() > 1 && raw.chars().all(|c| c.is_ascii_uppercase());
        !acronym
            && !f.ends_with("'s")
            && !f.ends_with("’s")
            && !matches!(
                f,
                "the" | "a" | "an" | "in" | "on" | "at" | "as" | "for" | "after" | "when" | "but" | "and"
            )
            && !lex.roles.contains(f)
            && !lex.honorifics.contains(f)
            && !lex.organizations.contains(f)
            && !lex.groups.contains(f)
            && !lex.anonymous.contains(f)
            && !lex.en_adverbials.contains(f)
            && !EN_COUNTS.contains(&f)
    }
}
