//! Facts about the bundled seed article that a reader checked by reading it.

use rawi::{Article, Document, ParagraphRole, SpeakerKind, analyze};

const SEED: &str = include_str!("../seeds/000_9237d8f2f57de89b.txt");

fn seed() -> Article {
    analyze(Document::from_text("seed", SEED))
}

fn speaker_of<'a>(a: &'a Article, quote_start: &str) -> &'a str {
    let q = a
        .quotes
        .iter()
        .find(|q| a.slice(q.span).starts_with(quote_start))
        .unwrap_or_else(|| panic!("no quote starts with {quote_start}"));
    &a.speakers[q.speaker.expect("attributed")].name
}

#[test]
fn title_language_and_direction() {
    let a = seed();
    assert_eq!(a.title(), "%60 من قوات التحالف الدولي تغادر العراق");
    assert_eq!(a.lang, "ar");
    assert_eq!(a.direction, rawi::Direction::Rtl);
}

#[test]
fn site_furniture_is_set_aside_not_lost() {
    let a = seed();
    let furniture: Vec<&str> = a.boilerplate.iter().map(|s| a.slice(*s)).collect();
    assert_eq!(furniture, ["ت + ت - الحجم الطبيعي", "Email"]);
    assert!(
        a.paragraphs
            .iter()
            .all(|p| !a.slice(p.span).contains("الحجم الطبيعي"))
    );
}

#[test]
fn sections_are_the_three_subheadings_after_the_lead() {
    let a = seed();
    let headings: Vec<Option<&str>> = a.sections.iter().map(|s| a.heading(s)).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("حماية الدولة"),
            Some("محاور عدة"),
            Some("عملية عسكرية")
        ]
    );
    assert_eq!(a.sections[0].paragraphs.len(), 5);
    for s in &a.sections {
        for &p in &s.paragraphs {
            assert_eq!(a.paragraphs[p].role, ParagraphRole::Body);
        }
    }
}

#[test]
fn four_named_speakers_with_their_roles() {
    let a = seed();
    let people: Vec<(&str, Option<&str>)> = a
        .speakers
        .iter()
        .filter(|s| s.kind == SpeakerKind::Person)
        .map(|s| (s.name.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        people,
        [
            ("مصطفى الكاظمي", Some("رئيس الوزراء العراقي")),
            ("فؤاد حسين", Some("وزير الخارجية العراقي")),
            ("بدر الزيادي", Some("عضو اللجنة")),
            (
                "يحيى رسول",
                Some("الناطق باسم القائد العام للقوات المسلحة العراقية")
            ),
        ]
    );
    let kadhimi = a.speakers.iter().find(|s| s.name == "مصطفى الكاظمي").unwrap();
    assert_eq!(kadhimi.aliases, ["الكاظمي"]);
}

#[test]
fn subjectless_cues_go_to_the_current_speaker() {
    let a = seed();
    assert_eq!(speaker_of(&a, "التطور الكبير في قدرات"), "مصطفى الكاظمي"); // وأكد أن
    assert_eq!(speaker_of(&a, "هذا الأمر مكّن العراق"), "مصطفى الكاظمي"); // وتابع أن
    assert_eq!(speaker_of(&a, "لدينا المهام الأساسية"), "مصطفى الكاظمي"); // وأكد أن, after a heading
    assert_eq!(speaker_of(&a, "علاقات بلاده الإقليمية"), "مصطفى الكاظمي"); // ،مشيرا إلى أن
    assert_eq!(speaker_of(&a, "الحكومة العراقية لديها"), "بدر الزيادي"); // مشيراً إلى أن
}

#[test]
fn analysts_are_a_group_and_biden_is_not_a_speaker() {
    let a = seed();
    let analysts = a
        .speakers
        .iter()
        .find(|s| s.name == "محللون")
        .expect("محللون speak");
    assert_eq!(analysts.kind, SpeakerKind::Group);
    assert!(
        a.speakers
            .iter()
            .all(|s| !s.name.contains("بايدن") && !s.name.contains("ترامب"))
    );
}

#[test]
fn unclosed_quote_of_yahya_rasool_ends_at_the_paragraph_end() {
    let a = seed();
    let q = a
        .quotes
        .iter()
        .find(|q| a.slice(q.span).starts_with("العملية التي بدأت"))
        .unwrap();
    assert!(q.direct);
    assert_eq!(a.speakers[q.speaker.unwrap()].name, "يحيى رسول");
    assert_eq!(q.span.end, a.paragraphs[q.paragraph].span.end);
    assert!(a.slice(q.span).ends_with("سيلجؤون لها."));
}

#[test]
fn direct_quote_of_badr_al_ziyadi_is_inside_the_marks() {
    let a = seed();
    let q = a
        .quotes
        .iter()
        .find(|q| a.slice(q.span).starts_with("الجولة الجديدة"))
        .unwrap();
    assert!(q.direct);
    assert!(a.slice(q.span).ends_with("وأمنية"));
    assert_eq!(a.speakers[q.speaker.unwrap()].name, "بدر الزيادي");
}

#[test]
fn every_span_is_inside_the_text_on_char_boundaries() {
    let a = seed();
    let spans = a
        .quotes
        .iter()
        .map(|q| q.span)
        .chain(a.numbers.iter().map(|n| n.span))
        .chain(a.paragraphs.iter().map(|p| p.span));
    for s in spans {
        assert!(s.start < s.end && s.end <= a.text.len());
        assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
    }
}
