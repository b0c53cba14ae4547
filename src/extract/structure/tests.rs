//! Tests of paragraph roles: headings, furniture, credits, lists.

use super::*;

fn roles(text: &str) -> Vec<(ParagraphRole, String)> {
    parse(text, Direction::Rtl)
        .paragraphs
        .iter()
        .map(|p| (p.role, p.span.of(text).to_string()))
        .collect()
}

#[test]
fn a_huge_block_is_cut_into_paragraphs_of_bounded_size() {
    // A megabyte line of Arabic letters with no space: cut at
    // character boundaries.
    let line = "بتت".repeat(200_000);
    // A hard-wrapped block of long lines that end no sentence: cut after
    // a line break.
    let wrapped = "وقال الوزير إن الحوار مهم في ستين في المئة من الحالات و\n".repeat(20_000);
    for body in [line, wrapped] {
        let text = format!("Title\n\n{body}");
        let s = parse(&text, Direction::Rtl);
        assert!(
            s.paragraphs.len() > body.len() / MAX_PARAGRAPH,
            "{}",
            s.paragraphs.len()
        );
        let mut covered = String::new();
        for p in &s.paragraphs[1..] {
            let piece = p.span.of(&text);
            assert!(piece.len() <= MAX_PARAGRAPH && !piece.is_empty());
            assert_eq!(piece, piece.trim());
            covered.push_str(piece);
        }
        // Nothing but whitespace at the cuts is lost.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(&covered), squeeze(&body));
    }
}

#[test]
fn a_long_list_of_short_lines_is_sorted_in_one_pass() {
    // Asking "is there body text later?" of the rest of the list at
    // every line made this quadratic: over a minute in a debug build.
    let mut text = String::from("Title\n\nA first paragraph of body text, ending a sentence.\n\n");
    for i in 0..100_000 {
        text.push_str(&format!("item {i}\n"));
    }
    text.push_str("\nA paragraph of body text after the list, ending a sentence.\n\nitem\n");
    let s = parse(&text, Direction::Ltr);
    // The short line right before body text is a heading, the others
    // are body; the one after the last body text is a tag.
    let headings: Vec<_> = s
        .paragraphs
        .iter()
        .filter(|p| p.role == ParagraphRole::Heading)
        .map(|p| p.span.of(&text))
        .collect();
    assert_eq!(headings, ["item 99999"]);
    assert_eq!(s.paragraphs.len(), 1 + 1 + 100_000 + 1);
    assert_eq!(
        s.boilerplate.iter().map(|b| b.of(&text)).collect::<Vec<_>>(),
        ["item"]
    );
}

#[test]
fn a_short_line_that_reads_as_text_is_kept_a_byline_is_not() {
    // Invented, in the shape met on ../shared/snn: a byline before the
    // body, verses after the last paragraph, a film and its director,
    // and a tag line at the very end.
    let text = "عنوان القصيدة\n\nداليا أبوالعيش – عين اليوم\n\n\
                قال الشاعر في حفل الافتتاح إن القصيدة كتبت للوطن.\n\n\
                ترا الوفا بقلوبنا ما له أسباب\n\nإخراج: ديفيد لين\n\n\
                سمات الاتصالات الارباح";
    let s = parse(text, Direction::Rtl);
    let furniture: Vec<_> = s.boilerplate.iter().map(|b| b.of(text)).collect();
    assert_eq!(furniture, ["داليا أبوالعيش – عين اليوم", "سمات الاتصالات الارباح"]);
    let body: Vec<_> = roles(text)
        .into_iter()
        .filter(|(r, _)| *r == ParagraphRole::Body)
        .map(|(_, t)| t)
        .collect();
    assert!(
        body.iter().any(|t| t == "ترا الوفا بقلوبنا ما له أسباب"),
        "{body:?}"
    );
    assert!(body.iter().any(|t| t == "إخراج: ديفيد لين"), "{body:?}");
}

#[test]
fn an_enumerator_line_opens_an_item_and_the_line_before_it_is_a_heading() {
    let text = "عنوان\n\nقرر المجلس في جلسته اليوم عددا من القرارات المهمة.\n\n\
                موافقات:\n\nأولاً :\n\nالموافقة على تنظيم الهيئة العامة للإحصاء.\n\n\
                ثانياً -\n\nالموافقة على اتفاقية للتعاون في مجال النقل.";
    let s = parse(text, Direction::Rtl);
    let headings: Vec<_> = s
        .paragraphs
        .iter()
        .filter(|p| p.role == ParagraphRole::Heading)
        .map(|p| p.span.of(text))
        .collect();
    assert_eq!(headings, ["موافقات:"]);
    let body: Vec<_> = roles(text)
        .into_iter()
        .filter(|(r, _)| *r == ParagraphRole::Body)
        .map(|(_, t)| t)
        .collect();
    assert!(
        body.contains(&"أولاً :".to_string()) && body.contains(&"ثانياً -".to_string()),
        "{body:?}"
    );
}

#[test]
fn rule_lines_are_furniture_not_headings() {
    let text = "Title\n\nThe first paragraph ends here.\n\n___\n\n* * *\n\nMore text follows.";
    let s = parse(text, Direction::Ltr);
    let furniture: Vec<_> = s.boilerplate.iter().map(|b| b.of(text)).collect();
    assert_eq!(furniture, ["___", "* * *"]);
    assert!(s.paragraphs.iter().all(|p| p.role != ParagraphRole::Heading));
}

#[test]
fn font_size_widget_and_share_word_are_furniture() {
    let text = "عنوان الخبر\n\nت + ت - الحجم الطبيعي\n\nقال الوزير إن الأمر مهم.\n\nEmail";
    let s = parse(text, Direction::Rtl);
    let furniture: Vec<_> = s.boilerplate.iter().map(|b| b.of(text)).collect();
    assert_eq!(furniture, ["ت + ت - الحجم الطبيعي", "Email"]);
    assert_eq!(s.paragraphs.len(), 2);
}

#[test]
fn headings_need_body_before_and_after() {
    let text =
        "Title\n\nThe first paragraph ends here.\n\n** The road ahead\n\nMore text follows.\n\nRelated";
    let r = roles(text);
    assert_eq!(r[2], (ParagraphRole::Heading, "The road ahead".to_string()));
    assert_eq!(r.len(), 4);
    let s = parse(text, Direction::Ltr);
    assert_eq!(s.sections.len(), 2);
    assert_eq!(s.sections[0].heading, None);
    assert_eq!(s.sections[1].paragraphs, vec![3]);
}

#[test]
fn byline_and_dateline_before_body_are_furniture() {
    let text = "العنوان\n\nمحمد هجرس - القاهرة\n\nالجزيرة - الرياض:\n\nأكد تقرير حديث أن الاقتصاد ينمو.";
    let s = parse(text, Direction::Rtl);
    assert_eq!(s.boilerplate.len(), 2);
    assert_eq!(s.paragraphs.len(), 2);
}

#[test]
fn photo_credit_is_not_a_heading() {
    let text =
        "Title\n\nThe mother described it.\n\nWest Merica Police\n\nEloise Parry, 21, was taken to hospital.";
    let s = parse(text, Direction::Ltr);
    assert!(s.paragraphs.iter().all(|p| p.role != ParagraphRole::Heading));
    assert_eq!(s.boilerplate[0].of(text), "West Merica Police");
}

#[test]
fn a_credit_label_anywhere_in_a_caption_is_no_heading() {
    let text = "Title\n\nThe market opened at dawn.\n\nPhoto by Jane Doe\n\nTraders came early.\n\nA trader, aka Sam. Photo: John Roe\n\nPrices rose.\n\nتصوير: سامي الحداد\n\nAnd fell again.";
    let s = parse(text, Direction::Ltr);
    assert!(
        s.paragraphs.iter().all(|p| p.role != ParagraphRole::Heading),
        "{s:?}"
    );
    assert_eq!(s.boilerplate.len(), 3);
}

#[test]
fn a_dateline_is_no_heading() {
    let text = "Title\n\nThe council met.\n\nFeb. 21, 2019\n\nIt voted.\n\nالخميس 21 فبراير 2019م\n\nوانتهى الاجتماع.";
    let s = parse(text, Direction::Ltr);
    assert!(
        s.paragraphs.iter().all(|p| p.role != ParagraphRole::Heading),
        "{s:?}"
    );
    // A heading with a number and other words stays one.
    let text = "Title\n\nThe council met.\n\nAlmost 1.8 million potholes filled\n\nIt voted.";
    let s = parse(text, Direction::Ltr);
    assert!(s.paragraphs.iter().any(|p| p.role == ParagraphRole::Heading));
}

#[test]
fn a_longer_english_heading_or_a_question_between_body_lines_is_a_heading() {
    let text = "Title\n\nThe city fixes roads.\n\nRock salt on icy streets can cause mayhem below them\n\nWhen salt melts ice, water seeps down.\n\nSo, where do people learn how to fix these issues?\n\nMany learn at a training center.\n\nThe Ox-Bow Incident by William A. Wellman in the year 1943";
    let s = parse(text, Direction::Ltr);
    let headings: Vec<&str> = s
        .paragraphs
        .iter()
        .filter(|p| p.role == ParagraphRole::Heading)
        .map(|p| p.span.of(text))
        .collect();
    assert_eq!(
        headings,
        [
            "Rock salt on icy streets can cause mayhem below them",
            "So, where do people learn how to fix these issues?"
        ]
    );
    // The longer last line is kept as body, not set aside.
    assert!(s.boilerplate.is_empty(), "{s:?}");
}

#[test]
fn a_line_opened_by_a_reporting_verb_is_body() {
    let text = "عنوان\n\nبدأ العمل بالنظام الجديد.\n\nوقال إنه يحق للوافد نقل الكفالة في الحالات التالية\n\nأولا إذا تأخر الراتب.";
    let s = parse(text, Direction::Rtl);
    assert!(
        s.paragraphs.iter().all(|p| p.role != ParagraphRole::Heading),
        "{s:?}"
    );
    assert!(s.boilerplate.is_empty(), "{s:?}");
}

#[test]
fn hard_wrapped_block_is_one_paragraph() {
    let text = "T\n\nThis line is long enough to be a wrapped line and\ncontinues on the next line here.";
    let s = parse(text, Direction::Ltr);
    assert_eq!(s.paragraphs.len(), 2);
    assert!(s.paragraphs[1].span.of(text).contains('\n'));
}

#[test]
fn empty_and_blank_texts_have_no_paragraphs() {
    assert!(parse("", Direction::Ltr).paragraphs.is_empty());
    assert!(parse(" \n\n\t\n", Direction::Ltr).paragraphs.is_empty());
    assert_eq!(parse("Only a title", Direction::Ltr).paragraphs.len(), 1);
}
