//! Who is speaking: the speaker registry and the current-speaker state.
//!
//! Each cue yields a [`Mention`] (what its subject phrase says: a name, a
//! role, a kind, or nothing at all). The [`Registry`] turns mentions into
//! speaker ids, merging later short forms into the speaker first named in
//! full (`الكاظمي` into `مصطفى الكاظمي`), a role alone into the speaker who
//! holds it (`الرئيس المصري` into `عبد الفتاح السيسي`), and an unnamed role
//! into the person named with it later (`The mother` into `her mother,
//! Fiona`). People and non-people are never merged.
//!
//! It also keeps who spoke last, so that a cue with no subject (`وأكد أن`,
//! `وتابع`, `he added`) goes to the current speaker — with the verb's gender
//! and number as a filter (`وقالت` skips a man who spoke last; `وأكدا`
//! wants two speakers).

use crate::article::{Speaker, SpeakerKind};
use crate::extract::lexicon::{lexicon, strip_article};
use crate::text::{fold, with_folded};
use rustc_hash::{FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

/// Grammatical gender and number of a verb or speaker, where known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Agreement {
    /// Not known (English verbs, participles).
    #[default]
    Unknown,
    /// Masculine singular.
    Male,
    /// Feminine singular.
    Female,
    /// Dual or plural.
    Plural,
}

/// An English pronoun subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he ([`Agreement::Male`]), she ([`Agreement::Female`]), I
    /// ([`Agreement::Unknown`])
    Person(Agreement),
    /// it
    Thing,
    /// they / we
    Plural,
}

/// What a subject phrase says about its speaker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mention {
    /// The person's name, as written.
    pub name: Option<String>,
    /// The role, as written.
    pub role: Option<String>,
    /// The kind of speaker the phrase names.
    pub kind: Option<SpeakerKind>,
    /// A pronoun instead of a name.
    pub pronoun: Option<Pronoun>,
    /// The phrase points back to someone already speaking (`المتحدث ذاته`
    /// "the same speaker", `المسؤولة الحكومية` "the government official"
    /// right after a minister spoke).
    pub same: bool,
}

impl Mention {
    /// True when the phrase names nobody (a cue with no subject).
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.role.is_none() && self.pronoun.is_none()
    }
}

#[derive(Debug, Default)]
struct Entry {
    /// The folded name and aliases, compared when an alias is added.
    name_fold: String,
    alias_folds: Vec<String>,
    name_key: Key,
    role_key: Key,
    agreement: Agreement,
    /// When the speaker last spoke or was named, on [`Registry::clock`].
    seen: u64,
}

/// A person named in running text who has not spoken (yet): `the council
/// leader, Sarah Mitchell, met …`, `with the culture minister, Daniel
/// Okafor`.
#[derive(Debug)]
struct Named {
    name: String,
    key: Key,
    /// When last named, on [`Registry::clock`].
    at: u64,
    gender: Agreement,
    /// Named as the subject of a sentence: the one `she said` may mean next.
    subject: bool,
}

/// How many people named without speaking are remembered.
const NAMED: usize = 8;

/// The gender an English name or role shows (`Sarah Mitchell`, `Mrs
/// Thatcher`, `a Google spokeswoman`): its title or role words, else its
/// first word as a given name. Unknown for Arabic (the verb tells there).
pub fn gender_of(name: &str, role: Option<&str>) -> Agreement {
    if !name.is_ascii() && role.is_none_or(|r| !r.is_ascii()) {
        return Agreement::Unknown;
    }
    let of = |w: &str| {
        // Short ASCII words are lower-cased on the stack: no allocation.
        let mut buf = [0u8; 24];
        if w.is_ascii() && w.len() <= buf.len() {
            let b = &mut buf[..w.len()];
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            gender_of_folded(std::str::from_utf8(b).unwrap_or(""), None)
        } else {
            gender_of_folded(&fold(w), None)
        }
    };
    let words = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(of)
            .find(|&g| g != Agreement::Unknown)
    };
    role.and_then(words)
        .or_else(|| name.split_whitespace().next().map(of))
        .unwrap_or_default()
}

/// [`gender_of`] for a name's folded first word and the folded word before
/// the name (a title or role), without allocating.
pub fn gender_of_folded(first: &str, before: Option<&str>) -> Agreement {
    let (female, male) = (&lexicon().female, &lexicon().male);
    let of = |f: &str| {
        if female.contains(f) {
            Agreement::Female
        } else if male.contains(f) {
            Agreement::Male
        } else {
            Agreement::Unknown
        }
    };
    match before.map(of) {
        Some(g) if g != Agreement::Unknown => g,
        _ => of(first),
    }
}

/// All speakers of one article, and who spoke last.
#[derive(Debug, Default)]
pub struct Registry {
    /// Speakers in order of first appearance.
    pub speakers: Vec<Speaker>,
    entries: Vec<Entry>,
    /// Speaker ids in the order they last spoke (most recent last).
    history: Vec<usize>,
    /// The person last speaking or named (for English `he`/`she`).
    salient_person: Option<usize>,
    /// When `salient_person` was last set, on [`Registry::clock`].
    salient_at: u64,
    /// People named without speaking, oldest first (at most [`NAMED`]):
    /// one introduced as the subject of a sentence (`Linda Harper, 58,
    /// pleaded guilty …`) is the one `she said` may mean next; any of them
    /// is whom a family name alone (`Okafor said`) or a pronoun of their
    /// gender may mean.
    named: Vec<Named>,
    /// Counts mentions, to order `salient_person` and `named`.
    clock: u64,
    /// Every word of a person's name so far (folded, without the article),
    /// by its hash: no copy of the words is kept.
    name_words: FxHashSet<u64>,
}

impl Registry {
    /// The speakers found, leaving a registry for the next article that
    /// keeps only the memory of its lists: an article's registry grows its
    /// lists and its set of name words from nothing, a few times over, so
    /// the analysis recycles one registry per thread.
    pub fn take_speakers(&mut self) -> Vec<Speaker> {
        let speakers = std::mem::take(&mut self.speakers);
        let emptied = |mut v: Vec<usize>| {
            v.clear();
            v
        };
        let mut entries = std::mem::take(&mut self.entries);
        entries.clear();
        let mut named = std::mem::take(&mut self.named);
        named.clear();
        let mut name_words = std::mem::take(&mut self.name_words);
        name_words.clear();
        *self = Registry {
            entries,
            history: emptied(std::mem::take(&mut self.history)),
            named,
            name_words,
            ..Registry::default()
        };
        speakers
    }
}

fn word_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    word.hash(&mut h);
    h.finish()
}

const DETERMINERS: [&str; 9] = ["the", "a", "an", "her", "his", "their", "its", "our", "my"];

/// The words of a name or role that identify it, folded, without
/// determiners and articles, joined by single spaces (folded words never
/// hold one): one string, so building a key allocates twice, not once per
/// word. Empty when no word is left.
type Key = String;

fn key(text: &str) -> Key {
    with_folded(text, |folded| {
        let mut out = String::with_capacity(folded.len());
        for w in folded
            .split(|c: char| !crate::text::is_word_char(c))
            .filter(|w| !w.is_empty() && !DETERMINERS.contains(w))
        {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(strip_article(w));
        }
        out
    })
}

/// The words of a key.
fn words(k: &str) -> impl Iterator<Item = &str> {
    k.split(' ').filter(|w| !w.is_empty())
}

/// True when one word sequence is a prefix of the other.
fn prefix_match(a: &str, b: &str) -> bool {
    !a.is_empty() && !b.is_empty() && words(a).zip(words(b)).all(|(x, y)| x == y)
}

fn subset(small: &str, big: &str) -> bool {
    !small.is_empty() && words(small).all(|w| words(big).any(|b| b == w))
}

/// How many of the latest speakers a mention is matched against, and how
/// many recent speakers can be "the current one". A news article has a
/// handful; the bound keeps a hostile text with tens of thousands of names
/// linear (40,000 names in one article took 9.5 s without it).
const RECENT: usize = 256;

impl Registry {
    /// Ids of the latest [`RECENT`] speakers, oldest first.
    fn recent(&self) -> std::ops::Range<usize> {
        self.speakers.len().saturating_sub(RECENT)..self.speakers.len()
    }

    /// The speaker a cue's subject phrase refers to, registering it if new.
    /// `None` when the phrase names nobody and nobody has spoken yet.
    pub fn resolve(&mut self, m: &Mention, agreement: Agreement) -> Option<usize> {
        if let Some(p) = m.pronoun {
            return match p {
                Pronoun::Person(g) => self.pronoun_person(g),
                Pronoun::Thing => self.last(|s| s.kind == SpeakerKind::Organization),
                Pronoun::Plural => {
                    self.last(|s| matches!(s.kind, SpeakerKind::Group | SpeakerKind::Organization))
                }
            }
            .or_else(|| self.current());
        }
        if m.is_empty() {
            return self.current_for(agreement);
        }
        if m.same
            && let Some(id) = self.same_as_before(m, agreement)
        {
            if let Some(role) = &m.role {
                self.add_alias(id, role);
            }
            return Some(id);
        }
        let kind = m.kind.unwrap_or(SpeakerKind::Person);
        let role_key = m.role.as_deref().map(key).unwrap_or_default();
        let id = if kind == SpeakerKind::Person && m.name.is_some() {
            self.person(
                m.name.as_deref().unwrap_or(""),
                m.role.as_deref(),
                role_key,
                agreement,
            )
        } else if let Some(name) = &m.name {
            self.other(name, m.role.as_deref(), kind, agreement)
        } else {
            self.role_only(m.role.as_deref().unwrap_or(""), role_key, kind, agreement)
        };
        Some(id)
    }

    /// Whom `he`, `she` or `I` means: someone named as a sentence's subject
    /// after the last speaker (`Harper, wearing an orange jumpsuit,
    /// apologized … "I betrayed …," she said`), else the person last
    /// speaking or named — unless that one is of the other gender (`she
    /// said` right after Javier Ortega spoke): then the latest person of the
    /// pronoun's gender, speaking or named.
    fn pronoun_person(&mut self, g: Agreement) -> Option<usize> {
        let salient_at = self.salient_at;
        let fits = |have: Agreement| g == Agreement::Unknown || have == Agreement::Unknown || have == g;
        if let Some(pos) = self
            .named
            .iter()
            .rposition(|n| n.subject && n.at > salient_at && fits(n.gender))
        {
            return Some(self.register_named(pos));
        }
        let salient = self
            .salient_person
            .or_else(|| self.last(|s| s.kind == SpeakerKind::Person));
        if let Some(s) = salient
            && (g == Agreement::Unknown || fits(self.entries[s].agreement))
        {
            return Some(s);
        }
        let person = |i: usize| self.speakers[i].kind == SpeakerKind::Person;
        let speaking = self
            .history
            .iter()
            .rev()
            .copied()
            .find(|&i| person(i) && self.entries[i].agreement == g)
            // Else one whose gender nothing showed, rather than the one of
            // the other gender.
            .or_else(|| {
                self.history
                    .iter()
                    .rev()
                    .copied()
                    .find(|&i| person(i) && self.entries[i].agreement == Agreement::Unknown)
            });
        let named = self.named.iter().rposition(|n| n.gender == g);
        match (speaking, named) {
            (Some(i), Some(n)) if self.named[n].at > self.entries[i].seen => Some(self.register_named(n)),
            (Some(i), _) => Some(i),
            (None, Some(n)) => Some(self.register_named(n)),
            (None, None) => salient,
        }
    }

    /// Registers the named person at `pos` of [`Registry::named`] as a speaker.
    fn register_named(&mut self, pos: usize) -> usize {
        let n = self.named.remove(pos);
        self.person(&n.name, None, Key::new(), n.gender)
    }

    /// True when a speaker holds this role already (`الرئيس المصري` after
    /// `الرئيس المصري عبد الفتاح السيسي`), as [`Registry::resolve`] finds it.
    pub fn has_holder(&self, role: &str) -> bool {
        let role_key = key(role);
        !role_key.is_empty()
            && self.recent().any(|i| {
                let r = &self.entries[i].role_key;
                !r.is_empty() && prefix_match(r, &role_key)
            })
    }

    /// True when the folded word (with or without its article) is one of
    /// the words of a person named so far (`الخطيب` after `سامر الخطيب`).
    pub fn is_name_word(&self, folded: &str) -> bool {
        !self.name_words.is_empty() && self.name_words.contains(&word_hash(strip_article(folded)))
    }

    fn learn_name(&mut self, id: usize) {
        if self.speakers[id].kind == SpeakerKind::Person {
            self.name_words
                .extend(words(&self.entries[id].name_key).map(word_hash));
        }
    }

    /// Records that `id` spoke: it becomes the current speaker.
    pub fn spoke(&mut self, id: usize) {
        self.history.retain(|&h| h != id);
        self.history.push(id);
        if self.history.len() > 2 * RECENT {
            // Only the last speakers can be the current one.
            self.history.drain(..RECENT);
        }
        if self.speakers[id].kind == SpeakerKind::Person || self.one_unnamed_person(id) {
            self.make_salient(id);
        } else {
            self.clock += 1;
            self.entries[id].seen = self.clock;
        }
    }

    /// Notes the gender a pronoun showed for speaker `id`, when not known.
    pub fn learn_gender(&mut self, id: usize, g: Agreement) {
        let e = &mut self.entries[id];
        if e.agreement == Agreement::Unknown
            && (self.speakers[id].kind == SpeakerKind::Person || self.one_unnamed_person(id))
        {
            self.entries[id].agreement = g;
        }
    }

    /// An unnamed English speaker who is one person (`A farmer in
    /// Andalusia, who asked not to be named, said`), whom `he said` after
    /// them means; not `two brokers` or `sources`.
    fn one_unnamed_person(&self, id: usize) -> bool {
        let s = &self.speakers[id];
        let e = &self.entries[id];
        s.kind == SpeakerKind::Anonymous
            && s.name.is_ascii()
            && e.agreement != Agreement::Plural
            && words(&e.name_key)
                .last()
                .is_some_and(|w| !w.ends_with('s') || w.ends_with("ss"))
    }

    fn make_salient(&mut self, id: usize) {
        self.clock += 1;
        self.salient_person = Some(id);
        self.salient_at = self.clock;
        self.entries[id].seen = self.clock;
    }

    /// Notes a person's name in running text: as the subject of a sentence
    /// (`Linda Harper, 58, pleaded guilty …`, `the council leader, Sarah
    /// Mitchell, met …`), a known person becomes the one `she` means next;
    /// an unknown one is remembered, with the gender its name or `role`
    /// shows (`gender`), as someone who may speak next.
    pub fn introduced(&mut self, name: &str, gender: Agreement, subject: bool) {
        let k = key(name);
        // Only a name with a word of a known person's name can be one (a
        // hash probe per word instead of a scan of the speakers).
        let maybe_known = words(&k).any(|w| self.name_words.contains(&word_hash(w)));
        if maybe_known
            && let Some(id) = self.recent().rev().find(|&i| {
                self.speakers[i].kind == SpeakerKind::Person
                    && (subset(&k, &self.entries[i].name_key) || subset(&self.entries[i].name_key, &k))
            })
        {
            self.make_salient(id);
            return;
        }
        self.clock += 1;
        let at = self.clock;
        if let Some(n) = self.named.iter_mut().find(|n| n.key == k) {
            n.at = at;
            n.subject |= subject;
            return;
        }
        if self.named.len() == NAMED {
            self.named.remove(0);
        }
        self.named.push(Named {
            name: name.to_string(),
            gender,
            key: k,
            at,
            subject,
        });
    }

    /// The speaker who spoke last.
    pub fn current(&self) -> Option<usize> {
        self.history.last().copied()
    }

    /// Notes that a word of the text names a known person (`Fiona Parry
    /// issued a plea …`), making them the one `she` refers to next.
    pub fn mentioned(&mut self, folded_word: &str) {
        if folded_word.chars().count() < 3 {
            return;
        }
        if let Some(id) = self.recent().rev().find(|&i| {
            self.speakers[i].kind == SpeakerKind::Person
                && words(&self.entries[i].name_key).any(|w| w == folded_word)
        }) {
            self.make_salient(id);
        } else if let Some(n) = self
            .named
            .iter_mut()
            .rev()
            .find(|n| n.key.contains(folded_word) && words(&n.key).any(|w| w == folded_word))
        {
            self.clock += 1;
            n.at = self.clock;
        }
    }

    fn last(&self, pred: impl Fn(&Speaker) -> bool) -> Option<usize> {
        self.history
            .iter()
            .rev()
            .copied()
            .find(|&i| pred(&self.speakers[i]))
    }

    /// Who a phrase pointing back (`المتحدث ذاته`, `المسؤولة الحكومية`)
    /// means: the latest speaker whose role or name has its head word, else
    /// the latest person speaking whose gender fits.
    fn same_as_before(&self, m: &Mention, agreement: Agreement) -> Option<usize> {
        let role = m.role.as_deref().map(key)?;
        let head = words(&role).next()?;
        let has_head = |k: &str| words(k).any(|w| w == head);
        if let Some(id) = self
            .history
            .iter()
            .rev()
            .copied()
            .find(|&i| has_head(&self.entries[i].role_key) || has_head(&self.entries[i].name_key))
        {
            return Some(id);
        }
        self.history
            .iter()
            .rev()
            .copied()
            .find(|&i| self.speakers[i].kind == SpeakerKind::Person && self.fits(i, agreement))
    }

    /// True when speaker `i` can be the subject of a verb with this
    /// gender and number.
    fn fits(&self, i: usize, agreement: Agreement) -> bool {
        let a = self.entries[i].agreement;
        let kind = self.speakers[i].kind;
        match agreement {
            Agreement::Unknown => true,
            Agreement::Plural => a == Agreement::Plural || kind == SpeakerKind::Group,
            Agreement::Female => a != Agreement::Male && a != Agreement::Plural,
            Agreement::Male => a != Agreement::Female && a != Agreement::Plural,
        }
    }

    /// The most recent speaker whose gender and number fit the verb.
    fn current_for(&self, agreement: Agreement) -> Option<usize> {
        self.history
            .iter()
            .rev()
            .copied()
            .find(|&i| self.fits(i, agreement))
            .or_else(|| self.current())
    }

    fn push(&mut self, speaker: Speaker, mut entry: Entry) -> usize {
        entry.name_fold = fold(&speaker.name);
        entry.alias_folds = speaker.aliases.iter().map(|a| fold(a)).collect();
        self.speakers.push(speaker);
        self.entries.push(entry);
        let id = self.speakers.len() - 1;
        self.learn_name(id);
        id
    }

    /// Adds another form the article uses for speaker `id`.
    pub fn add_alias(&mut self, id: usize, alias: &str) {
        let e = &mut self.entries[id];
        let new = with_folded(alias, |folded| {
            (folded != e.name_fold && !e.alias_folds.iter().any(|a| a == folded)).then(|| folded.to_string())
        });
        if let Some(folded) = new {
            self.speakers[id].aliases.push(alias.to_string());
            e.alias_folds.push(folded);
        }
    }

    /// Gives speaker `id` the name `name`; returns the old one.
    fn rename(&mut self, id: usize, name: &str) -> String {
        self.entries[id].name_fold = fold(name);
        std::mem::replace(&mut self.speakers[id].name, name.to_string())
    }

    fn person(&mut self, name: &str, role: Option<&str>, role_key: Key, agreement: Agreement) -> usize {
        let name_key = key(name);
        // A family name alone of someone named in full before without
        // speaking (`Okafor said` after `the culture minister, Daniel
        // Okafor`): that person, under the full name.
        let mut full = None;
        if words(&name_key).nth(1).is_none()
            && let Some(pos) = self
                .named
                .iter()
                .rposition(|n| words(&n.key).nth(1).is_some() && subset(&name_key, &n.key))
            && !self.recent().any(|i| {
                self.speakers[i].kind == SpeakerKind::Person && subset(&name_key, &self.entries[i].name_key)
            })
        {
            full = Some(self.named.remove(pos).name);
        }
        if let Some(full) = full {
            let id = self.person(&full, role, role_key, agreement);
            self.add_alias(id, name);
            return id;
        }
        self.named.retain(|n| n.key != name_key);
        let people = |s: &Speaker| s.kind == SpeakerKind::Person;
        // The same person, or a short form of a person named before.
        if let Some(id) = self.recent().find(|&i| {
            people(&self.speakers[i])
                && (self.entries[i].name_key == name_key || subset(&name_key, &self.entries[i].name_key))
        }) {
            self.add_alias(id, name);
            self.fill_role(id, role, role_key);
            return id;
        }
        // A longer form of a person first named shortly (`Fiona` → `Fiona Parry`).
        if let Some(id) = self
            .recent()
            .find(|&i| people(&self.speakers[i]) && subset(&self.entries[i].name_key, &name_key))
        {
            let old = self.rename(id, name);
            self.add_alias(id, &old);
            self.entries[id].name_key = name_key;
            if self.entries[id].agreement == Agreement::Unknown {
                self.entries[id].agreement = match agreement {
                    Agreement::Unknown => gender_of(name, role),
                    a => a,
                };
            }
            self.learn_name(id);
            self.fill_role(id, role, role_key);
            return id;
        }
        // An unnamed speaker known by this role until now (`The mother`).
        if !role_key.is_empty()
            && let Some(id) = self.recent().find(|&i| {
                self.speakers[i].kind == SpeakerKind::Anonymous && self.entries[i].role_key == role_key
            })
        {
            let old = self.rename(id, name);
            self.speakers[id].kind = SpeakerKind::Person;
            self.add_alias(id, &old);
            self.entries[id].name_key = name_key;
            self.learn_name(id);
            return id;
        }
        self.push(
            Speaker {
                name: name.to_string(),
                aliases: vec![],
                role: role.map(str::to_string),
                kind: SpeakerKind::Person,
            },
            Entry {
                name_key,
                role_key,
                agreement: match agreement {
                    Agreement::Unknown => gender_of(name, role),
                    a => a,
                },
                ..Entry::default()
            },
        )
    }

    fn fill_role(&mut self, id: usize, role: Option<&str>, role_key: Key) {
        if self.speakers[id].role.is_none()
            && let Some(r) = role
        {
            self.speakers[id].role = Some(r.to_string());
            self.entries[id].role_key = role_key;
        }
    }

    fn other(&mut self, name: &str, role: Option<&str>, kind: SpeakerKind, agreement: Agreement) -> usize {
        let name_key = key(name);
        let head = words(&name_key).next().unwrap_or("");
        if let Some(id) = self.recent().find(|&i| {
            self.speakers[i].kind == kind
                && (self.entries[i].name_key == name_key
                    || (kind == SpeakerKind::Organization
                        && words(&self.entries[i].name_key).next() == Some(head))
                    || (kind != SpeakerKind::Person && prefix_match(&self.entries[i].role_key, &name_key))
                    || (kind == SpeakerKind::Group && subset(&name_key, &self.entries[i].name_key)))
        }) {
            self.add_alias(id, name);
            return id;
        }
        let role_key = role.map(key).unwrap_or_else(|| name_key.clone());
        self.push(
            Speaker {
                name: name.to_string(),
                aliases: vec![],
                role: role.map(str::to_string),
                kind,
            },
            Entry {
                name_key,
                role_key,
                agreement,
                ..Entry::default()
            },
        )
    }

    fn role_only(&mut self, role: &str, role_key: Key, kind: SpeakerKind, agreement: Agreement) -> usize {
        // A role held by someone already speaking: `الرئيس المصري` after
        // `الرئيس المصري عبد الفتاح السيسي`, `الباحثان` after `… الباحثان بالمركز`.
        if !role_key.is_empty()
            && let Some(id) = self.recent().rev().find(|&i| {
                let r = &self.entries[i].role_key;
                !r.is_empty() && prefix_match(r, &role_key)
            })
        {
            self.add_alias(id, role);
            return id;
        }
        let kind = if kind == SpeakerKind::Person {
            SpeakerKind::Anonymous
        } else {
            kind
        };
        self.push(
            Speaker {
                name: role.to_string(),
                aliases: vec![],
                role: Some(role.to_string()),
                kind,
            },
            Entry {
                name_key: role_key.clone(),
                role_key,
                agreement,
                ..Entry::default()
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, role: Option<&str>) -> Mention {
        Mention {
            name: Some(name.into()),
            role: role.map(Into::into),
            kind: Some(SpeakerKind::Person),
            pronoun: None,
            same: false,
        }
    }

    #[test]
    fn a_short_form_matches_only_the_latest_speakers() {
        let mut r = Registry::default();
        let first = r
            .resolve(&person("Fiona Parry", None), Agreement::Unknown)
            .unwrap();
        assert_eq!(r.resolve(&person("Parry", None), Agreement::Unknown), Some(first));
        for i in 0..RECENT {
            r.resolve(&person(&format!("Person{i} Name{i}"), None), Agreement::Unknown);
        }
        // Named more than RECENT speakers ago: a new speaker.
        let again = r.resolve(&person("Parry", None), Agreement::Unknown).unwrap();
        assert_ne!(again, first);
        assert_eq!(r.speakers.len(), RECENT + 2);
    }

    #[test]
    fn short_form_is_an_alias() {
        let mut r = Registry::default();
        let a = r
            .resolve(
                &person("مصطفى الكاظمي", Some("رئيس الوزراء العراقي")),
                Agreement::Male,
            )
            .unwrap();
        let b = r.resolve(&person("الكاظمي", None), Agreement::Male).unwrap();
        assert_eq!(a, b);
        assert_eq!(r.speakers[a].aliases, ["الكاظمي"]);
    }

    #[test]
    fn role_alone_finds_its_holder() {
        let mut r = Registry::default();
        let a = r
            .resolve(
                &person("عبد الفتاح السيسي", Some("الرئيس المصري")),
                Agreement::Male,
            )
            .unwrap();
        let role = Mention {
            role: Some("الرئيس المصري".into()),
            ..Mention::default()
        };
        assert_eq!(r.resolve(&role, Agreement::Male), Some(a));
    }

    #[test]
    fn unnamed_role_is_named_later() {
        let mut r = Registry::default();
        let role = Mention {
            role: Some("The mother".into()),
            ..Mention::default()
        };
        let a = r.resolve(&role, Agreement::Unknown).unwrap();
        assert_eq!(r.speakers[a].kind, SpeakerKind::Anonymous);
        let b = r
            .resolve(&person("Fiona", Some("her mother")), Agreement::Unknown)
            .unwrap();
        assert_eq!(a, b);
        assert_eq!(r.speakers[a].kind, SpeakerKind::Person);
        assert_eq!(r.speakers[a].name, "Fiona");
    }

    #[test]
    fn subjectless_feminine_verb_skips_a_man() {
        let mut r = Registry::default();
        let w = r.resolve(&person("هدى", None), Agreement::Female).unwrap();
        r.spoke(w);
        let m = r.resolve(&person("أحمد", None), Agreement::Male).unwrap();
        r.spoke(m);
        assert_eq!(r.resolve(&Mention::default(), Agreement::Female), Some(w));
        assert_eq!(r.resolve(&Mention::default(), Agreement::Male), Some(m));
    }

    #[test]
    fn organisations_are_never_people() {
        let mut r = Registry::default();
        let org = Mention {
            name: Some("وزارة الخارجية".into()),
            kind: Some(SpeakerKind::Organization),
            ..Mention::default()
        };
        let o = r.resolve(&org, Agreement::Female).unwrap();
        let p = r
            .resolve(&person("فؤاد حسين", Some("وزير الخارجية")), Agreement::Male)
            .unwrap();
        assert_ne!(o, p);
    }

    #[test]
    fn gender_from_title_role_or_given_name() {
        assert_eq!(gender_of("Sarah Mitchell", None), Agreement::Female);
        assert_eq!(gender_of("Hughes", Some("Mr")), Agreement::Male);
        assert_eq!(
            gender_of("Jordan Smith", Some("a Google spokeswoman")),
            Agreement::Female
        );
        assert_eq!(gender_of("Alex Morgan", None), Agreement::Unknown);
        assert_eq!(gender_of("مصطفى الكاظمي", None), Agreement::Unknown);
    }

    #[test]
    fn she_skips_the_man_speaking_for_the_woman_named_before() {
        let mut r = Registry::default();
        r.introduced("Carmen Ruiz", gender_of("Carmen Ruiz", Some("nurse")), false);
        let m = r
            .resolve(&person("Javier Ortega", None), Agreement::Unknown)
            .unwrap();
        r.spoke(m);
        let she = Mention {
            pronoun: Some(Pronoun::Person(Agreement::Female)),
            ..Mention::default()
        };
        let w = r.resolve(&she, Agreement::Unknown).unwrap();
        assert_eq!(r.speakers[w].name, "Carmen Ruiz");
        let he = Mention {
            pronoun: Some(Pronoun::Person(Agreement::Male)),
            ..Mention::default()
        };
        r.spoke(w);
        assert_eq!(r.resolve(&he, Agreement::Unknown), Some(m));
    }
}
