//! The subject of a cue: the phrase after an Arabic verb (role, title,
//! name), before or after an English one, a subject fronted before its verb,
//! and the name/role split of that phrase into a [`Mention`].

use super::*;

impl<'a> Finder<'a> {
    pub(super) fn ar_or_en_subject(&self, from: usize, s1: usize) -> (Mention, usize) {
        if from < s1 && self.is_arabic(from) {
            self.ar_subject(from, s1)
        } else {
            self.en_subject_after(from, s1)
        }
    }

    /// The subject phrase after an Arabic verb: role, honorific, name,
    /// up to a preposition, a complementiser or punctuation.
    pub(super) fn ar_subject(&self, from: usize, s1: usize) -> (Mention, usize) {
        let lex = lexicon();
        let stop = |j: usize| {
            let tok = self.t.toks[j];
            let f = self.t.fold(j);
            if self.title_dot(j) {
                return false;
            }
            !tok.is_word()
                || (lex.np_stops.contains(f) && !self.ali_the_name(j, from, s1))
                || self.is_complementiser(j)
                || self.is_cue_word(f)
                || !self.is_arabic(j)
        };
        let mut from = from;
        // `ولفت النظر إلى`: the idiom's object is no subject.
        if from > 0
            && from + 1 < s1
            && matches!(self.t.fold(from), "النظر" | "الانتباه" | "الانظار" | "انظار")
            && strip_conjunction(self.t.fold(from - 1))
                .unwrap_or(self.t.fold(from - 1))
                .starts_with("لفت")
        {
            from += 1;
        }
        // `بحسب ما نقلته وكالة …`, `وفقا لما ذكرته الصحيفة`: `ما` and its
        // verb stand before the subject.
        if from + 2 < s1 && matches!(self.t.fold(from), "ما" | "لما") && self.t.toks[from + 1].is_word()
        {
            from += 2;
        }
        // `بحسب ما أفاد به مدير الجمعية …`: the resumptive `به` of `ما`
        // stands between the verb and its subject.
        if from >= 2
            && from < s1
            && matches!(self.t.fold(from), "به" | "بها" | "عنه" | "عنها")
            && matches!(self.t.fold(from - 2), "ما" | "لما" | "بما" | "كما" | "حسبما")
        {
            from += 1;
        }
        // `وقال له الرئيس`, `قال لي الدكتور …`: the addressee comes first.
        if from + 1 < s1
            && matches!(self.t.fold(from), "لي" | "لنا" | "له" | "لها" | "لهم")
            && Self::is_definite(self.t.fold(from + 1))
        {
            from += 1;
        }
        // `عدد من السكان`, `بعض المسؤولين`: a part of a group speaks as a
        // group, named with the whole phrase.
        if from + 2 < s1 && lexicon().ar_quantifiers.contains(self.t.fold(from)) {
            let rest = if self.t.fold(from + 1) == "من" {
                from + 2
            } else {
                from + 1
            };
            let (_, end) = self.ar_subject(rest, s1);
            if end > rest {
                // `أحد العاملين`: one of them, unnamed.
                let one = matches!(self.t.fold(from), "احد" | "احدي");
                let mention = Mention {
                    name: Some(self.text_of(from, end)),
                    kind: Some(if one {
                        SpeakerKind::Anonymous
                    } else {
                        SpeakerKind::Group
                    }),
                    ..Mention::default()
                };
                return (mention, end);
            }
        }
        let mut end = from;
        while end < s1 && end - from < 12 && !stop(end) {
            end += 1;
        }
        if end == from {
            return (Mention::default(), from);
        }
        let mut mention = self.ar_phrase(from, end);
        let mut np_end = end;
        // The object of the verb after the name (`اتهم عضو مجلس المحافظة
        // أحمد العبيدي الحكومة المحلية بالتقصير`): the subject ends with the
        // name when an institution, a group or a word with بـ follows it.
        if mention.kind == Some(SpeakerKind::Person)
            && let Some(name) = mention.name.as_deref()
            // (Most subjects end with the name: nothing to look for then.)
            && !name.ends_with(self.ptext_get(self.t.toks[end - 1].start, self.t.toks[end - 1].end))
            && let Some(name_end) = self.name_end(from, end, name)
            && name_end < end
            && {
                let f = self.t.fold(name_end);
                has_noun(&lex.organizations, f)
                    || has_noun(&lex.groups, f)
                    || (f.starts_with('ب') && !f.starts_with("بن") && f.chars().count() > 3)
            }
        {
            end = name_end;
            np_end = name_end;
        }
        // An outlet or body with its name in marks (`صحيفة "السوداني"`,
        // `وكالة «سبوتنيك»`) before `عن`, a complementiser or a stop word.
        if mention.kind == Some(SpeakerKind::Organization)
            && end < s1
            && matches!(self.t.toks[end].punct(), Some('«' | '“' | '"'))
            && let Some(close) = (end + 2..s1.min(end + 6)).find(|&j| !self.t.toks[j].is_word())
            && matches!(self.t.toks[close].punct(), Some('»' | '”' | '"'))
            && (close + 1 >= s1 || {
                let f = self.t.fold(close + 1);
                f == "عن"
                    || self.is_complementiser(close + 1)
                    || lex.np_stops.contains(f)
                    || matches!(self.t.toks[close + 1].punct(), Some(',' | '،' | ':'))
            })
        {
            mention.name = Some(self.text_of(from, close + 1));
            np_end = close + 1;
        }
        // A role with a place or a field in it (`المتحدث باسم الدفاع المدني
        // في السودان العميد عبد الرحيم النور`, `الخبير في الموارد المائية
        // الدكتور حسن إبراهيم`): the phrase goes on over `في` when a title or
        // a given name follows before the next stop.
        if mention.name.is_none()
            && mention.kind.is_none()
            && end < s1
            && matches!(self.t.fold(end), "في" | "فى")
        {
            let mut more = end + 1;
            while more < s1 && more - end < 8 && !stop(more) {
                more += 1;
            }
            let names_someone = (end + 1..more).any(|k| {
                let f = self.t.fold(k);
                (lex.honorifics.contains(f) && k + 1 < more && self.name_like(k + 1))
                    || (self.name_like(k) && lex.first_names.contains(f))
            }) || {
                // A place, then a name the lists do not have (`منسق الشؤون
                // الإنسانية في اليمن جوليان هارنيس`): definite words, then
                // two name words that end the phrase.
                more >= end + 4
                    && (end + 1..more - 2).all(|k| Self::is_definite(self.t.fold(k)))
                    && (more - 2..more).all(|k| self.name_like(k))
            };
            if names_someone {
                let longer = self.ar_phrase(from, more);
                if longer.name.is_some() {
                    mention = longer;
                    np_end = more;
                }
            }
        }
        // `وزير الخارجية العراقي، فؤاد حسين، إن` and `محمد العبادي، مدير عام …، أن`.
        if np_end < s1 && matches!(self.t.toks[np_end].punct(), Some(',' | '،')) {
            let a = np_end + 1;
            if let Some(b) = self.closed_phrase(a, s1, 10, &stop) {
                let after = self.ar_phrase(a, b);
                if mention.name.is_none()
                    && after.kind == Some(SpeakerKind::Person)
                    && after.name.is_some()
                    && after.role.is_none()
                    && mention.kind.is_none()
                {
                    mention.name = after.name;
                    mention.kind = Some(SpeakerKind::Person);
                    np_end = b;
                } else if mention.name.is_some() && has_noun(&lex.roles, self.t.fold(a)) {
                    mention.role = Some(self.text_of(a, b));
                    np_end = b;
                }
            }
        }
        // `وقال خبير أسواق السلع لدى «ستاندرد تشارترد»، أباه أوفن، لـ…`: a
        // role with its employer, then the name between commas. The words
        // after the role were no name (none is a given name the lists know):
        // the name between the commas is.
        if has_noun(&lex.roles, self.t.fold(from))
            && !(from..np_end).any(|k| lex.first_names.contains(self.t.fold(k)))
            && let Some(c) =
                (np_end..s1.min(np_end + 10)).find(|&j| matches!(self.t.toks[j].punct(), Some(',' | '،')))
            && (np_end..c).all(|j| {
                !(self.is_complementiser(j) || self.t.toks[j].is_word() && self.is_cue_word(self.t.fold(j)))
            })
        {
            let a = c + 1;
            if let Some(b) = self.closed_phrase(a, s1, 6, &stop).filter(|&b| b > a + 1) {
                let after = self.ar_phrase(a, b);
                if after.kind == Some(SpeakerKind::Person) && after.name.is_some() && after.role.is_none() {
                    mention.name = after.name;
                    mention.kind = Some(SpeakerKind::Person);
                    mention.role = Some(self.text_of(from, c));
                    np_end = b;
                }
            }
        }
        (mention, np_end)
    }

    /// The end of the phrase of at most `max` words from `a`, up to a
    /// `stop`, when a comma, a colon, a complementiser or the sentence's end
    /// closes it (an apposition: `وزير الخارجية، فؤاد حسين، إن`); `None`
    /// when it runs on or is empty.
    fn closed_phrase(&self, a: usize, s1: usize, max: usize, stop: &dyn Fn(usize) -> bool) -> Option<usize> {
        let mut b = a;
        while b < s1 && b - a < max && !stop(b) {
            b += 1;
        }
        let closes =
            b >= s1 || matches!(self.t.toks[b].punct(), Some(',' | '،' | ':')) || self.is_complementiser(b);
        (b > a && closes).then_some(b)
    }

    /// The dot of a one-letter Arabic title before a name (`د. هيا العواد`,
    /// `م. خالد`): part of the subject phrase, not a sentence end.
    pub(super) fn title_dot(&self, j: usize) -> bool {
        self.t.toks[j].punct() == Some('.')
            && j > 0
            && j + 1 < self.t.len()
            && self.t.toks[j + 1].is_word()
            && self.is_arabic(j - 1)
            && self.is_abbreviation(j - 1)
    }

    /// `قال تعالى`, `قال الله سبحانه`, `قال رسول الله صلى الله عليه وسلم`:
    /// a citation of scripture or of the Prophet among tokens `a..b`.
    pub(super) fn cites_scripture(&self, a: usize, b: usize) -> bool {
        (a..b.min(self.t.len())).any(|k| {
            let f = self.t.fold(k);
            matches!(f, "تعالي" | "وتعالي" | "سبحانه" | "وعلا" | "وجل")
                || (f == "صلي" && k + 1 < self.t.len() && self.t.fold(k + 1) == "الله")
        })
    }

    /// One past the last token of `name` among tokens `from..end`.
    pub(super) fn name_end(&self, from: usize, end: usize, name: &str) -> Option<usize> {
        let last = name.split_whitespace().last()?;
        let n = name.split_whitespace().count();
        (from..end)
            .find(|&k| {
                let t = self.t.toks[k];
                self.ptext_get(t.start, t.end) == last
                    && k + 1 >= n
                    && self.ptext_get(self.t.toks[k + 1 - n].start, t.end) == name
            })
            .map(|k| k + 1)
    }

    pub(super) fn is_cue_word(&self, f: &str) -> bool {
        let lex = lexicon();
        let check = |w: &str| lex.ar_verbs.contains(w) || lex.ar_participles.contains(w);
        check(f) || strip_conjunction(f).is_some_and(check)
    }

    /// Original text of tokens `a..b`, dropping a `ل` glued to the first
    /// word after `وفقاً` (`لعبد الله` → `عبد الله`).
    pub(super) fn text_of(&self, a: usize, b: usize) -> String {
        let toks = &self.t.toks;
        let mut start = toks[a].start;
        if let Some(prev) = a.checked_sub(1)
            && matches!(self.t.fold(prev), "وفقا" | "وفق" | "طبقا")
            && self.t.fold(a).starts_with('ل')
        {
            start += 'ل'.len_utf8();
            let rest = self.ptext_get(start, toks[a].end);
            start += rest.len() - rest.trim_start_matches('ـ').len();
            // `لـ` before the article drops its alif (`للمسؤولين` = `لـ` +
            // `المسؤولين`): the name gets it back.
            if self.t.fold(a).starts_with("لل") && self.t.fold(a).chars().count() > 4 {
                return format!("ا{}", self.ptext_get(start, toks[b - 1].end));
            }
        }
        self.ptext_get(start, toks[b - 1].end).to_string()
    }

    pub(super) fn ptext_get(&self, a: usize, b: usize) -> &str {
        self.ptext.get(a..b).unwrap_or("")
    }

    pub(super) fn is_definite(f: &str) -> bool {
        ["ال", "لل", "بال", "وال", "فال", "كال"]
            .iter()
            .any(|p| f.starts_with(p))
            && f.chars().nth(3).is_some()
    }

    /// A word that can be part of a person's name: not a role, organisation,
    /// title, function word or definite noun.
    pub(super) fn name_like(&self, k: usize) -> bool {
        let lex = lexicon();
        let f = self.t.fold(k);
        self.t.toks[k].is_word()
            && self.is_arabic(k)
            // (`بـ«فنون الباحة»`, `م.`: a letter alone is a prefix or a title.)
            && f.chars().nth(1).is_some()
            && !Self::is_definite(f)
            && !f.chars().any(|c| c.is_ascii_digit())
            && !has_noun(&lex.roles, f)
            && !has_noun(&lex.organizations, f)
            && !has_noun(&lex.groups, f)
            && !has_noun(&lex.anonymous, f)
            && !lex.honorifics.contains(f)
            && !lex.role_modifiers.contains(f)
            && (!lex.np_stops.contains(f) || self.written_ali(k))
            && !self.is_cue_word(f)
    }

    /// True for an Arabic word that is common in news text with the article
    /// (`ar_common_words`), bare or after a conjunction: alone it names no one.
    pub(super) fn common_word(&self, k: usize) -> bool {
        let lex = lexicon();
        let f = self.t.fold(k);
        self.is_arabic(k)
            && !lex.first_names.contains(f)
            && (lex.ar_common_words.contains(f)
                || strip_conjunction(f)
                    .is_some_and(|r| lex.ar_common_words.contains(r) || lex.ar_not_subjects.contains(r)))
    }

    /// The token is written `علي` (with ي): the given name, or the
    /// preposition `على` in a text that writes ى as ي. They fold alike.
    pub(super) fn written_ali(&self, k: usize) -> bool {
        let tok = self.t.toks[k];
        self.t.fold(k) == "علي" && self.ptext_get(tok.start, tok.end) == "علي"
    }

    /// `علي` at `j` in a subject phrase starting at `from` is the name:
    /// written with ي, after a role, a title or a given name (`النائب علي
    /// حسن شمص`, `محمد علي`) or before a given name (`قال علي حسن`), not
    /// right after the verb before a noun (`شدد علي ضرورة`).
    pub(super) fn ali_the_name(&self, j: usize, from: usize, s1: usize) -> bool {
        let lex = lexicon();
        self.written_ali(j)
            && j + 1 < s1
            && self.t.toks[j + 1].is_word()
            && ((j > from && {
                let p = self.t.fold(j - 1);
                has_noun(&lex.roles, p)
                    || lex.honorifics.contains(p)
                    || Self::is_definite(p)
                    || lex.first_names.contains(p)
            }) || lex.first_names.contains(self.t.fold(j + 1)))
    }

    /// What an Arabic phrase (tokens `a..b`) says about a speaker.
    pub(super) fn ar_phrase(&self, a: usize, b: usize) -> Mention {
        let lex = lexicon();
        let f0 = self.t.fold(a);
        // No one: a lone function word (`بحسب ما`, `ذكر لي`, `علق بقوله`)
        // and the formulas that cite scripture (`قال تعالى`, `صلى الله عليه
        // وسلم`), which are citations, not a speaker's words.
        if (b == a + 1 && lex.ar_not_subjects.contains(f0)) || self.cites_scripture(a, b) {
            return Mention::default();
        }
        // `وقال سموه`, `وأكد معاليها`: an honorific pronoun stands for the
        // person as he or she does.
        if b == a + 1
            && let Some(g) = honorific_pronoun(f0)
        {
            return Mention {
                pronoun: Some(Pronoun::Person(g)),
                ..Mention::default()
            };
        }
        let named = |kind| Mention {
            name: Some(self.text_of(a, b.min(a + 6))),
            kind: Some(kind),
            ..Mention::default()
        };
        if has_noun(&lex.organizations, f0) {
            return named(SpeakerKind::Organization);
        }
        if has_noun(&lex.groups, f0) {
            return named(SpeakerKind::Group);
        }
        if has_noun(&lex.anonymous, f0) {
            return named(SpeakerKind::Anonymous);
        }
        // `المتحدث ذاته`, `المصدر نفسه`: the same one as before.
        if b > a + 1 && matches!(self.t.fold(b - 1), "ذاته" | "ذاتها" | "نفسه" | "نفسها") {
            return Mention {
                role: Some(self.text_of(a, b)),
                same: true,
                ..Mention::default()
            };
        }
        // A person named before, by their family name (`وأضاف الخطيب` after
        // `سامر الخطيب`), and not by a given name shared with others (`عبد`):
        // the name ends with the known words, and a word after it that is no
        // name, or an outlet or addressee with `ل` (`وصرّح الدحماني لهسبريس`),
        // is not part of it.
        if self.registry.is_name_word(f0) && !lex.first_names.contains(f0) && !has_noun(&lex.roles, f0) {
            let mut m = a + 1;
            while m < b && self.registry.is_name_word(self.t.fold(m)) {
                m += 1;
            }
            let ends = m >= b || !self.name_like(m) || {
                let f = self.t.fold(m);
                f.starts_with('ل') && !f.starts_with("ال") && !lex.first_names.contains(f)
            };
            if ends {
                return Mention {
                    name: Some(self.text_of(a, m)),
                    kind: Some(SpeakerKind::Person),
                    ..Mention::default()
                };
            }
        }
        // `ناثان براون وميشيل دين`: names joined by و speak as a group.
        if (a + 1..b).any(|k| {
            self.name_like(k - 1)
                && self.t.fold(k).starts_with('و')
                && self.name_like(k)
                && !has_noun(&lex.roles, self.t.fold(k))
        }) {
            return named(SpeakerKind::Group);
        }
        let first_name = (a..b).find(|&k| {
            let f = self.t.fold(k);
            self.name_like(k) && (lex.first_names.contains(f) || lex.first_names.contains(strip_article(f)))
        });
        // The name follows the last title that is followed by a name-like
        // word (`… اللواء تشارلز هوبر`; not the `الملك` of `عبد الملك`).
        // (`د. هيا العواد`: a one-letter title's dot stands between them.)
        let after_title = |k: usize| {
            if k + 1 < b && self.title_dot(k + 1) {
                k + 2
            } else {
                k + 1
            }
        };
        let honorific = (a..b).rev().find(|&k| {
            let n = after_title(k);
            (lex.honorifics.contains(self.t.fold(k)) || n == k + 2) && n < b && self.name_like(n)
        });
        let name_start = match honorific {
            Some(h) => Some(after_title(h)),
            // A given name the list does not have, before a listed one that is
            // the father's name (`وزير المالية جبريل إبراهيم`): the name
            // starts one word earlier when that word follows the role.
            None if first_name.is_some() => first_name.map(|f| {
                let earlier = f >= a + 2 && {
                    let (w, before) = (self.t.fold(f - 1), self.t.fold(f - 2));
                    self.name_like(f - 1)
                        && !w.ends_with('ي')
                        && !w.ends_with("يه")
                        && (Self::is_definite(before) || has_noun(&lex.roles, before))
                        && !has_noun(&lex.organizations, before)
                };
                // `بنيامين محمد`: a name word the list lacks opens the phrase.
                let first = f == a + 1 && {
                    let w = self.t.fold(a);
                    self.name_like(a)
                        && !self.common_word(a)
                        && !w.ends_with('ي')
                        && !lex.ar_not_subjects.contains(w)
                };
                if earlier || first { f - 1 } else { f }
            }),
            None => {
                let mut k = a;
                let mut seen_role = false;
                let mut indefinite_role = false;
                while k < b {
                    let f = self.t.fold(k);
                    if has_noun(&lex.roles, f) {
                        seen_role = true;
                        indefinite_role = !Self::is_definite(f);
                    } else if !(lex.role_modifiers.contains(f)
                        || lex.role_modifiers.contains(strip_article(f))
                        || Self::is_definite(f)
                        || (seen_role && has_noun(&lex.organizations, f))
                        // `… في اليمن جوليان هارنيس`: the place of a role.
                        || (seen_role
                            && matches!(f, "في" | "فى")
                            && k + 1 < b
                            && Self::is_definite(self.t.fold(k + 1)))
                        || (indefinite_role && f.ends_with('ي'))
                        // `وكيل وزارة المياه لشؤون الكهرباء`: a word with the
                        // preposition ل goes on with the role; no name starts so.
                        || (seen_role && f.starts_with('ل') && !f.starts_with("ال") && !lex.first_names.contains(f)))
                    {
                        break;
                    }
                    k += 1;
                }
                (k < b && self.name_like(k)).then_some(k)
            }
        };
        // A kunya is part of the name (`أم محمد`, `أبو خالد`), not a role.
        let name_start = name_start.map(|mut ns| {
            while ns > a && matches!(self.t.fold(ns - 1), "ابو" | "ابي" | "ابا" | "ام") {
                ns -= 1;
            }
            ns
        });
        if let Some(ns) = name_start {
            let mut m = ns + 1;
            // (Seven words: `جلوي بن عبدالعزيز بن مساعد آل سعود`.)
            while m < b && m - ns < 7 {
                let f = self.t.fold(m);
                let genealogy = matches!(
                    self.t.fold(m - 1),
                    "ابن" | "بن" | "ابنه" | "ابو" | "ام" | "عبد" | "ال"
                );
                // A definite role word that ends the phrase is a family name
                // (`حسين الأمين قوله`), not the start of a role (`الأمين
                // العام`).
                let family = m + 1 == b && Self::is_definite(f) && !has_noun(&lex.organizations, f);
                if !genealogy && !family && (has_noun(&lex.roles, f) || has_noun(&lex.organizations, f))
                    || (lex.np_stops.contains(f) && !self.written_ali(m))
                {
                    break;
                }
                // After بن, آل, أبو a name word follows whatever else it
                // can be (`عبدالله بن مساعد`: مساعد is also "assistant").
                let named_after = genealogy && self.t.toks[m].is_word() && self.is_arabic(m);
                if !(self.name_like(m) || Self::is_definite(f) || named_after)
                    || (f.starts_with('و') && !Self::is_definite(f))
                    // `مركز الملك سلمان للإغاثة`: no name word opens with لل.
                    || (f.starts_with("لل") && m > ns)
                {
                    break;
                }
                m += 1;
            }
            // The name that ends the phrase, after an institution named for
            // someone (`المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال
            // الإنسانية رأفت الصباغ`): a listed given name and its family name
            // closing the phrase are the speaker's, not the earlier name.
            let (ns, m) = match (m + 1..b.saturating_sub(1)).find(|&k| {
                let g = self.t.fold(k);
                self.name_like(k)
                    && lex.first_names.contains(g)
                    && b - k <= 4
                    && (k + 1..b).all(|j| self.name_like(j) || Self::is_definite(self.t.fold(j)))
                    && (k + 1..b).all(|j| {
                        let f = self.t.fold(j);
                        !has_noun(&lex.roles, f) && !has_noun(&lex.organizations, f)
                    })
            }) {
                Some(k) if m < b => (k, b),
                _ => (ns, m),
            };
            // One common word is no one's name (`وأشار مدني`, `قال يوم`):
            // what stands before it is the role, else there is no subject.
            // Unless the text named someone with it in full before: `وقال
            // كاميرون` after `ديفيد كاميرون` (`الكاميرون` is Cameroon).
            if m == ns + 1 && self.common_word(ns) {
                return match ns > a {
                    true => Mention {
                        role: Some(self.text_of(a, ns)),
                        ..Mention::default()
                    },
                    false => {
                        let lone = Mention {
                            name: Some(self.text_of(ns, m)),
                            kind: Some(SpeakerKind::Person),
                            ..Mention::default()
                        };
                        self.earlier_mention(&lone, self.pstart + self.t.toks[ns].start)
                            .unwrap_or_default()
                    }
                };
            }
            return Mention {
                name: Some(self.text_of(ns, m)),
                role: (ns > a).then(|| self.text_of(a, ns)),
                kind: Some(SpeakerKind::Person),
                ..Mention::default()
            };
        }
        // A lone family name (`الكاظمي`, `الموسى`): definite, ending in ي.
        if b == a + 1 && Self::is_definite(f0) && f0.ends_with('ي') && !has_noun(&lex.roles, f0) {
            return Mention {
                name: Some(self.text_of(a, b)),
                kind: Some(SpeakerKind::Person),
                ..Mention::default()
            };
        }
        // A definite general role, alone or with adjectives (`المسؤولة
        // الحكومية`, `المتحدث`), points back to whoever holds it or is
        // speaking.
        let same = Self::is_definite(f0)
            && has_noun(&lex.anaphoric_roles, f0)
            && (a + 1..b).all(|k| {
                let f = self.t.fold(k);
                Self::is_definite(f) && (f.ends_with('ي') || f.ends_with("يه"))
            });
        Mention {
            role: Some(self.text_of(a, b)),
            same,
            ..Mention::default()
        }
    }

    /// The subject of `كان X قد <verb>` (`وكان رئيس الوزراء قد أعلن`, with an
    /// apposition between commas), for
    /// the verb at `at`; `None` when the verb is not in that frame.
    pub(super) fn kana_subject(&self, at: usize, s0: usize) -> Option<Mention> {
        if at < s0 + 3 || !matches!(self.t.fold(at - 1), "قد" | "وقد") {
            return None;
        }
        let qad = at - 1;
        let k = (s0.max(qad.saturating_sub(16))..qad - 1).rev().find(|&k| {
            matches!(
                self.t.fold(k),
                "كان" | "كانت" | "وكان" | "وكانت" | "فكان" | "فكانت" | "كانوا" | "وكانوا"
            )
        })?;
        // Words, and commas around an apposition (`وكان معالي عبدالله بن سالم
        // الكتبي، وزير الاقتصاد، قد أكد`).
        let words_and_commas = (k + 1..qad).all(|i| {
            let t = self.t.toks[i];
            (t.is_word() && self.is_arabic(i)) || matches!(t.punct(), Some(',' | '،'))
        });
        if !words_and_commas || k + 1 >= qad {
            return None;
        }
        Some(self.ar_subject(k + 1, qad).0)
    }

    /// The noun phrase a relative pronoun at `rel` stands for: the words
    /// right before it (and its comma), back to a cue, a stop word or
    /// punctuation.
    pub(super) fn ar_antecedent(&self, rel: usize, s0: usize) -> Mention {
        let lex = lexicon();
        let mut e = rel;
        if e > s0 && matches!(self.t.toks[e - 1].punct(), Some(',' | '،')) {
            e -= 1;
        }
        let mut k = e;
        while k > s0 && e - k < 10 {
            let f = self.t.fold(k - 1);
            if !self.t.toks[k - 1].is_word()
                || !self.is_arabic(k - 1)
                || lex.np_stops.contains(f)
                || self.is_complementiser(k - 1)
                || self.is_cue_word(f)
                || lex.ar_according.contains(f)
                || strip_conjunction(f).is_some_and(|w| lex.ar_according.contains(w))
            {
                break;
            }
            k -= 1;
        }
        if k == e {
            return Mention::default();
        }
        self.ar_phrase(k, e)
    }

    /// For a cue with no subject after it (`… محكمة النقض … بعد ان قالت`):
    /// an organisation, group or source named earlier in the sentence.
    ///
    /// The sentence is read once however many cues it has: what the last
    /// call saw of it is remembered ([`Finder::fronted`]), so a paragraph
    /// that is one long sentence full of cues stays linear.
    pub(super) fn fronted_subject(&self, s0: usize, at: usize) -> Mention {
        let lex = lexicon();
        let (memo_s0, scanned, found) = self.fronted.get();
        let (from, found) = if memo_s0 == s0 && scanned <= at {
            (scanned, found)
        } else {
            (s0, None)
        };
        if let Some(k) = found {
            return self.fronted_phrase(k, at);
        }
        for k in from..at {
            let f = self.t.fold(k);
            // (`… قضية الإغاثة في اليمن …، وأبان أنه`: the object of a
            // preposition is no subject.)
            let governed = k > s0
                && matches!(
                    self.t.fold(k - 1),
                    "في" | "فى"
                        | "من"
                        | "الي"
                        | "علي"
                        | "عن"
                        | "مع"
                        | "حول"
                        | "لدي"
                        | "عبر"
                        | "بين"
                        | "مثل"
                );
            if self.t.toks[k].is_word()
                && self.is_arabic(k)
                && !governed
                && (has_noun(&lex.organizations, f)
                    || has_noun(&lex.groups, f)
                    || has_noun(&lex.anonymous, f))
            {
                self.fronted.set((s0, k + 1, Some(k)));
                return self.fronted_phrase(k, at);
            }
        }
        self.fronted.set((s0, at, None));
        Mention::default()
    }

    /// A named person that fills the words between the start of the sentence
    /// (after a connector such as `لكن`) and the verb at `at`: the subject
    /// put before its verb (`لكن الباحث في شؤون المياه ماهر الحسني يرى أن`).
    pub(super) fn subject_before(&self, s0: usize, at: usize) -> Mention {
        // `وكان مسؤول أفغاني قال`: كان opens the sentence like a connector.
        let start = if CONNECTORS.contains(&self.t.fold(s0))
            || matches!(self.t.fold(s0), "كان" | "وكان" | "كانت" | "وكانت")
        {
            s0 + 1
        } else {
            s0
        };
        if start >= at || at - start > 12 || !self.is_arabic(start) {
            return Mention::default();
        }
        let (m, end) = self.ar_subject(start, at);
        if end == at && m.kind == Some(SpeakerKind::Person) && m.name.is_some() {
            m
        } else {
            Mention::default()
        }
    }

    /// The named person after the verb that opens an Arabic sentence
    /// (`استقبل الرئيس عبد المجيد تبون …`, `وتحدثت الطبيبة سلمى إدريس …`),
    /// for a subjectless cue at `end` or after the sentence; nobody when the
    /// sentence opens with a noun or a preposition, or when a feminine cue
    /// follows a masculine verb (or the reverse).
    pub(super) fn opening_subject(&self, s0: usize, end: usize, agreement: Agreement) -> Mention {
        let lex = lexicon();
        if s0 + 2 >= end || !self.t.toks[s0].is_word() || !self.is_arabic(s0) {
            return Mention::default();
        }
        let f = self.t.fold(s0);
        let bare = strip_conjunction(f).unwrap_or(f);
        let verb_like = !Self::is_definite(bare)
            && !lex.np_stops.contains(f)
            && !lex.np_stops.contains(bare)
            && !CONNECTORS.contains(&f)
            // (A homograph that reported nothing, `وعلق X على …`, is a verb
            // like any other here.)
            && (!self.is_cue_word(f) || lex.ar_verbs.is_marked(bare))
            && !lex.ar_according.contains(bare)
            && !has_noun(&lex.roles, f)
            && !has_noun(&lex.organizations, f)
            && !lex.first_names.contains(bare);
        let feminine = bare.ends_with('ت');
        let agrees = match agreement {
            Agreement::Female => feminine,
            Agreement::Male => !feminine,
            _ => false,
        };
        if !verb_like || !agrees {
            return Mention::default();
        }
        let (m, _) = self.ar_subject(s0 + 1, end);
        if m.kind == Some(SpeakerKind::Person) && m.name.is_some() {
            m
        } else {
            Mention::default()
        }
    }

    /// The phrase of a fronted subject found at `k`, before the cue at `at`.
    pub(super) fn fronted_phrase(&self, k: usize, at: usize) -> Mention {
        let mut e = k + 1;
        while e < at && e - k < 4 && Self::is_definite(self.t.fold(e)) {
            e += 1;
        }
        self.ar_phrase(k, e)
    }

    /// The subject of an English sentence, read back from its first
    /// auxiliary or past-tense verb before `at`; nobody when there is none.
    pub(super) fn en_sentence_subject(&self, s0: usize, at: usize) -> Mention {
        let verb = (s0 + 1..at).find(|&k| {
            let f = self.t.fold(k);
            self.t.toks[k].is_word()
                && !self.capitalized(k)
                && (EN_AUX.contains(&f) || (f.len() > 4 && f.ends_with("ed")))
        });
        match verb {
            Some(k) => self.en_subject_before(k, s0).0,
            None => Mention::default(),
        }
    }

    /// The subject before an English verb (`West Mercia police said`,
    /// `her mother, Fiona, said`). Returns it and its first token.
    pub(super) fn en_subject_before(&self, at: usize, s0: usize) -> (Mention, usize) {
        let toks = &self.t.toks;
        let mut j = at;
        while j > s0 && EN_AUX.contains(&self.t.fold(j - 1)) {
            j -= 1;
        }
        // `according to the National Interagency Fire Center, which said`:
        // the relative pronoun stands for the phrase before its comma.
        if j > s0 + 1 && matches!(self.t.fold(j - 1), "who" | "which") && toks[j - 2].punct() == Some(',') {
            let e = j - 2;
            let mut a = e;
            while a > s0 && e - a < 12 && toks[a - 1].punct() != Some(',') {
                a -= 1;
            }
            if a + 1 < e && self.t.fold(a) == "according" && self.t.fold(a + 1) == "to" {
                a += 2;
            }
            while a < e && !toks[a].is_word() {
                a += 1;
            }
            if a < e {
                return (self.en_phrase(a, e), a);
            }
        }
        // `A source familiar with the matter, who asked not to be named
        // because …, said`: the relative clause between the subject and the
        // verb is skipped.
        if j > s0
            && toks[j - 1].punct() == Some(',')
            && let Some(c) = (s0.max(j.saturating_sub(28))..j - 1).rev().find(|&c| {
                toks[c].punct() == Some(',')
                    && c + 1 < j
                    && (matches!(self.t.fold(c + 1), "who" | "which")
                        || (self.t.fold(c + 1) == "and"
                            && c + 2 < j
                            && matches!(self.t.fold(c + 2), "who" | "which")))
            })
            && c > s0
        {
            j = c;
        }
        let mut k = j;
        while k > s0 && j - k < 16 {
            let t = toks[k - 1];
            if t.is_word() {
                // `and` inside a name (`Department of Health and Social
                // Care`, `Marks and Spencer said`), not between a place and
                // the subject (`Prices rose in Paris and Smith said`): the
                // word before `and` opens the sentence or continues a name.
                let in_name = self.t.fold(k - 1) == "and"
                    && k >= 2
                    && k < toks.len()
                    && self.capitalized(k - 2)
                    && self.capitalized(k)
                    && (k - 2 == s0
                        || (toks[k - 3].is_word()
                            && (self.capitalized(k - 3) || matches!(self.t.fold(k - 3), "of" | "for"))));
                if (EN_STOP_BEFORE.contains(&self.t.fold(k - 1)) && !in_name) || self.is_arabic(k - 1) {
                    break;
                }
            } else if t.punct() != Some(',') {
                // A hyphen inside a word (`vice-president`) is part of it.
                let in_word = matches!(t.punct(), Some('-' | '–'))
                    && !t.space_before
                    && k < toks.len()
                    && !toks[k].space_before
                    && k >= 2
                    && toks[k - 2].is_word();
                // The period of an abbreviation (`Assistant U.S. Attorney
                // Rachel Kim`) is part of the subject too.
                let abbreviation = t.punct() == Some('.') && k >= 2 && self.is_abbreviation(k - 2);
                if !in_word && !abbreviation {
                    break;
                }
            }
            k -= 1;
        }
        let mut a = k;
        let mut e = j;
        while a < e && !toks[a].is_word() {
            a += 1;
        }
        while e > a && !toks[e - 1].is_word() {
            e -= 1;
        }
        if a >= e {
            return (Mention::default(), at);
        }
        let m = self.en_phrase(a, e);
        // `emergency physician Javier Ortega and nurse Carmen Ruiz
        // described …`: two people named and joined by `and` speak together.
        if m.kind == Some(SpeakerKind::Person)
            && a >= s0 + 3
            && self.t.fold(a - 1) == "and"
            && self.en_name_word(a - 2)
            && self.en_name_word(a - 3)
        {
            let mut p = a - 3;
            while p > s0 && p + 4 > a && self.en_name_word(p - 1) {
                p -= 1;
            }
            let lex = lexicon();
            let given = speakers::gender_of(&self.text_of(p, a - 1), None) != Agreement::Unknown;
            let titled = p > s0 && {
                let f = self.t.fold(p - 1);
                lex.roles.contains(f) || lex.honorifics.contains(f)
            };
            if given || titled {
                return (
                    Mention {
                        name: Some(self.text_of(p, e)),
                        kind: Some(SpeakerKind::Group),
                        ..Mention::default()
                    },
                    p,
                );
            }
        }
        (m, a)
    }

    /// The subject after an English verb (`said chief inspector Jennifer
    /// Mattinson from …`).
    pub(super) fn en_subject_after(&self, from: usize, s1: usize) -> (Mention, usize) {
        let lex = lexicon();
        let mut e = from;
        while e < s1 && e - from < 8 {
            let t = self.t.toks[e];
            let f = self.t.fold(e);
            // `of`/`for` inside a name (`Office for National Statistics`).
            let inside_name = matches!(f, "of" | "for") && e > from && e + 1 < s1 && self.capitalized(e + 1);
            // `said Dr. Maria Gonzalez`, `said Jean-Pierre Dupont`: the
            // period of an abbreviation and a hyphen inside a word.
            let inside_word = e > from
                && ((t.punct() == Some('.') && self.is_abbreviation(e - 1))
                    || (matches!(t.punct(), Some('-'))
                        && !t.space_before
                        && e + 1 < s1
                        && !self.t.toks[e + 1].space_before));
            if !inside_name
                && !inside_word
                && (!t.is_word()
                    || EN_CUT.contains(&f)
                    || (lex.np_stops.contains(f) && e > from)
                    || self.is_complementiser(e))
            {
                break;
            }
            e += 1;
        }
        if e == from {
            return (Mention::default(), from);
        }
        (self.en_phrase(from, e), e)
    }

    pub(super) fn capitalized(&self, k: usize) -> bool {
        let tok = self.t.toks[k];
        tok.is_word()
            && self
                .ptext_get(tok.start, tok.end)
                .starts_with(crate::text::is_upper)
    }

    /// What an English phrase says about a speaker.
    pub(super) fn en_phrase(&self, a: usize, b: usize) -> Mention {
        let lex = lexicon();
        if b == a + 1 {
            let pronoun = en_pronoun(self.t.fold(a));
            if pronoun.is_some() {
                return Mention {
                    pronoun,
                    ..Mention::default()
                };
            }
        }
        let determiner = |f: &str| {
            matches!(
                f,
                "the" | "a" | "an" | "her" | "his" | "their" | "its" | "our" | "my" | "one" | "another"
            )
        };
        let mut name: Option<(usize, usize)> = None;
        let mut role_words: Vec<(usize, usize)> = Vec::new();
        // Segments between commas, nearest to the verb first: the name is
        // usually there (`Speaking to reporters, Smith said`, `her mother,
        // Fiona, said`).
        let mut segments = Vec::new();
        let mut seg = a;
        while seg < b {
            let mut end = seg;
            while end < b && self.t.toks[end].punct() != Some(',') {
                end += 1;
            }
            segments.push((seg, end));
            seg = end + 1;
        }
        // A pronoun right before the verb (`In an interview with BBC Radio 5
        // Live, she said:`).
        if let Some(&(seg, end)) = segments.last() {
            let words: Vec<usize> = (seg..end).filter(|&k| self.t.toks[k].is_word()).collect();
            if let [k] = words[..]
                && segments.len() > 1
            {
                // (`it` and `I` alone between commas are no subject)
                let pronoun = en_pronoun(self.t.fold(k))
                    .filter(|p| !matches!(p, Pronoun::Thing | Pronoun::Person(Agreement::Unknown)));
                if pronoun.is_some() {
                    return Mention {
                        pronoun,
                        ..Mention::default()
                    };
                }
            }
        }
        // A segment that opens with `of`/`from`/`at` qualifies the one before
        // it (`Climate scientist Anna Lindqvist, of the University of
        // Gothenburg, said`): that one is the nearest to the verb.
        let nearest = segments
            .iter()
            .rposition(|&(seg, end)| {
                (seg..end)
                    .find(|&k| self.t.toks[k].is_word())
                    .is_some_and(|k| !EN_CUT.contains(&self.t.fold(k)))
            })
            .unwrap_or(segments.len().saturating_sub(1));
        for (si, &(seg, end)) in segments.iter().enumerate().rev() {
            let cut = (seg..end)
                .find(|&k| EN_CUT.contains(&self.t.fold(k)))
                .unwrap_or(end);
            let words: Vec<usize> = (seg..cut).filter(|&k| self.t.toks[k].is_word()).collect();
            // A segment farther from the verb names the speaker only when it
            // is an apposition (`Clive Harding, the Labour MP …, said`), not
            // a clause (`Asked whether the figure still stood, the
            // spokesperson told`).
            let apposition = si == nearest
                || words.iter().all(|&k| {
                    let f = self.t.fold(k);
                    self.capitalized(k)
                        || determiner(f)
                        || lex.roles.contains(f)
                        || lex.honorifics.contains(f)
                        || EN_PARTICLES.contains(&f)
                });
            if !apposition {
                continue;
            }
            if let Some(&first) = words.iter().find(|&&k| !determiner(self.t.fold(k))) {
                let head = self.t.fold(first);
                // `European Commission President Ursula von der Leyen`,
                // `Labour Party leader Keir Starmer`: a role and a name after
                // the institution name the person who holds the role there.
                let holder_after = words
                    .iter()
                    .position(|&k| lex.organizations.contains(self.t.fold(k)))
                    .is_some_and(|p| {
                        words[p + 1..].windows(2).any(|w| {
                            lex.roles.contains(self.t.fold(w[0]))
                                && self.capitalized(w[1])
                                && !lex.roles.contains(self.t.fold(w[1]))
                                && !lex.organizations.contains(self.t.fold(w[1]))
                        })
                    });
                if !holder_after && words.iter().any(|&k| lex.organizations.contains(self.t.fold(k))) {
                    // `Office for National Statistics`, `Bank of England`.
                    let mut org_end = cut;
                    while org_end < end
                        && self.t.toks[org_end].is_word()
                        && (self.capitalized(org_end)
                            || matches!(self.t.fold(org_end), "of" | "for" | "and" | "the"))
                    {
                        org_end += 1;
                    }
                    while org_end > cut && !self.capitalized(org_end - 1) {
                        org_end -= 1;
                    }
                    // `Bank of England Governor Andrew Bailey`: a role and a
                    // name after an institution's own `of` name the person
                    // who holds the role there.
                    if let Some(r) = (cut..org_end.saturating_sub(1)).find(|&k| {
                        lex.roles.contains(self.t.fold(k))
                            && self.capitalized(k + 1)
                            && !lex.roles.contains(self.t.fold(k + 1))
                            && !lex.organizations.contains(self.t.fold(k + 1))
                    }) {
                        return Mention {
                            name: Some(self.text_of(r + 1, org_end)),
                            role: Some(self.text_of(first, r + 1)),
                            kind: Some(SpeakerKind::Person),
                            ..Mention::default()
                        };
                    }
                    return Mention {
                        name: Some(self.text_of(first, org_end)),
                        kind: Some(SpeakerKind::Organization),
                        ..Mention::default()
                    };
                }
                // The head of an English noun phrase is its last word (`the
                // Liberal Democrats`, `senior officials`); a quantifier opens it.
                let last = words.last().map_or(head, |&k| self.t.fold(k));
                let counted = EN_COUNTS.contains(&head) || head.chars().all(|c| c.is_ascii_digit());
                if lex.groups.contains(head)
                    || lex.groups.contains(last)
                    || (counted && last.ends_with('s') && words.len() > 1)
                {
                    return Mention {
                        name: Some(self.text_of(first, cut)),
                        kind: Some(SpeakerKind::Group),
                        ..Mention::default()
                    };
                }
                if lex.anonymous.contains(head) {
                    return Mention {
                        name: Some(self.text_of(first, cut)),
                        kind: Some(SpeakerKind::Anonymous),
                        ..Mention::default()
                    };
                }
                // A name is a run of capitalised words that are not titles,
                // roles, acronyms (`UK`) or possessives (`Labour's`); the
                // last run is the one next to the verb.
                let name_word = |k: usize| {
                    let f = self.t.fold(k);
                    let tok = self.t.toks[k];
                    let raw = self.ptext_get(tok.start, tok.end);
                    let acronym = raw.chars().count() > 1 && raw.chars().all(|c| c.is_ascii_uppercase());
                    let possessive = f.ends_with("'s") || f.ends_with("’s");
                    let title = determiner(f) || lex.roles.contains(f) || lex.honorifics.contains(f);
                    // the second half of a hyphenated word (`Director-General`)
                    let hyphen_tail = k >= 2
                        && matches!(self.t.toks[k - 1].punct(), Some('-' | '–'))
                        && !self.t.toks[k - 1].space_before
                        && !tok.space_before
                        && self.t.toks[k - 2].is_word();
                    self.capitalized(k)
                        && !title
                        && !acronym
                        && !possessive
                        && !hyphen_tail
                        && !EN_COUNTS.contains(&f)
                };
                // `Ruben del Campo`, `Ursula von der Leyen`: a particle
                // between name words is part of the name.
                let particle = |k: usize| k < cut && EN_PARTICLES.contains(&self.t.fold(k));
                let joins = |k: usize| {
                    particle(k)
                        && k > seg
                        && (name_word(k - 1) || particle(k - 1))
                        && k + 1 < cut
                        && (name_word(k + 1) || (particle(k + 1) && k + 2 < cut && name_word(k + 2)))
                };
                let run_start = words.iter().copied().rfind(|&k| {
                    name_word(k)
                        && (k == first
                            || k == seg
                            || !(name_word(k - 1) || joins(k - 1))
                            || !self.t.toks[k - 1].is_word())
                        // `a Republican from Ohio`: after `a`, a kind of
                        // person, not a name.
                        && !(k > seg && matches!(self.t.fold(k - 1), "a" | "an"))
                });
                // A capitalised word right before a role noun names whom the
                // person works for (`A Codelco spokesman`, `a Google
                // spokeswoman`), not the person.
                let run = run_start.map(|rs| {
                    let mut re = rs + 1;
                    while re < cut && (name_word(re) || joins(re)) && re - rs < 5 {
                        re += 1;
                    }
                    (rs, re)
                });
                let affiliation = run.is_some_and(|(_, re)| re < cut && lex.roles.contains(self.t.fold(re)));
                if name.is_none()
                    && !affiliation
                    && let Some((rs, re)) = run
                {
                    name = Some((rs, re));
                    if rs > first {
                        role_words.push((first, rs));
                    }
                } else {
                    role_words.push((first, cut));
                }
            }
        }
        let role = role_words.last().map(|&(x, y)| self.text_of(x, y));
        match name {
            Some((x, y)) => Mention {
                name: Some(self.text_of(x, y)),
                role,
                kind: Some(SpeakerKind::Person),
                pronoun: None,
                same: false,
            },
            None => Mention {
                role,
                ..Mention::default()
            },
        }
    }
}

/// The English subject pronoun `f` (folded), with the gender it shows.
fn en_pronoun(f: &str) -> Option<Pronoun> {
    match f {
        "he" => Some(Pronoun::Person(Agreement::Male)),
        "she" => Some(Pronoun::Person(Agreement::Female)),
        "i" => Some(Pronoun::Person(Agreement::Unknown)),
        "it" => Some(Pronoun::Thing),
        "they" | "we" => Some(Pronoun::Plural),
        _ => None,
    }
}

/// `سموه` "his highness", `معاليها` "her excellency", `سماحته`, `فضيلته`,
/// `فخامته`, `سعادته`, `دولته`: a pronoun of respect, with its gender.
fn honorific_pronoun(folded: &str) -> Option<Agreement> {
    const STEMS: [&str; 7] = ["سمو", "معالي", "سماحت", "فضيلت", "فخامت", "سعادت", "دولت"];
    let (stem, g) = if let Some(st) = folded.strip_suffix("ها") {
        (st, Agreement::Female)
    } else {
        (folded.strip_suffix('ه')?, Agreement::Male)
    };
    STEMS.contains(&stem).then_some(g)
}
