use crate::extract::speakers::Agreement;
use crate::{Document, SpeakerKind, analyze};

#[test]
fn the_cue_filter_lets_through_every_cue_with_and_without_its_conjunction() {
    let lex = super::lexicon();
    let filter = super::ar_cue_filter();
    for w in [&lex.ar_participles, &lex.ar_verbs, &lex.ar_according]
        .into_iter()
        .flat_map(super::WordSet::words)
    {
        for form in [w.to_string(), format!("و{w}"), format!("ف{w}")] {
            assert!(filter.may_contain(&form), "{form}");
        }
    }
    // And it filters: most words of a real paragraph are dismissed.
    let text = "وقال رئيس الوزراء العراقي مصطفى الكاظمي في كلمة خلال زيارته مقر قيادة العمليات المشتركة في بغداد إن القوات الأمنية ستواصل ملاحقة فلول التنظيم";
    let through = text
        .split(' ')
        .filter(|w| filter.may_contain(&crate::text::fold(w)))
        .count();
    assert!(through <= 3, "{through} words let through");
}

/// (speaker name, speaker kind, cue, quote text, direct) for an article
/// made of a title and these paragraphs.
/// (speaker name, speaker kind) of each quote found by [`quotes`].
fn speakers_of(
    q: &[(String, Option<SpeakerKind>, String, String, bool)],
) -> Vec<(&str, Option<SpeakerKind>)> {
    q.iter().map(|x| (x.0.as_str(), x.1)).collect()
}

/// (speaker name, cue, quote text) of each quote found by [`quotes`].
fn speaker_cue_text(q: &[(String, Option<SpeakerKind>, String, String, bool)]) -> Vec<(&str, &str, &str)> {
    q.iter()
        .map(|x| (x.0.as_str(), x.2.as_str(), x.3.as_str()))
        .collect()
}

/// (speaker name, quote text) of each quote found by [`quotes`].
fn speaker_text(q: &[(String, Option<SpeakerKind>, String, String, bool)]) -> Vec<(&str, &str)> {
    q.iter().map(|x| (x.0.as_str(), x.3.as_str())).collect()
}

fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<SpeakerKind>, String, String, bool)> {
    let text = format!("Title\n\n{}", paragraphs.join("\n\n"));
    let a = analyze(Document::from_text("t", text));
    a.quotes
        .iter()
        .map(|q| {
            let s = q.speaker.map(|i| &a.speakers[i]);
            (
                s.map(|s| s.name.clone()).unwrap_or_default(),
                s.map(|s| s.kind),
                q.cue.map(|c| a.slice(c).to_string()).unwrap_or_default(),
                a.slice(q.span).to_string(),
                q.direct,
            )
        })
        .collect()
}

#[test]
fn cues_after_their_words_in_one_sentence_each_report_their_own_words() {
    let q = quotes(&[
        "Prices rose sharply in May, according to officials, and wages fell in June, according to the unions.",
    ]);
    assert_eq!(q[0].3, "Prices rose sharply in May");
    assert!(q[1].3.ends_with("and wages fell in June"), "{q:?}");
    // Thousands of them: each reports only what came after the one
    // before, so the quotes stay as long as the text, not its square.
    let long = "according to officials, ".repeat(3000);
    let a = analyze(Document::from_text("t", format!("Title\n\n{long}")));
    let reported: usize = a.quotes.iter().map(|q| q.span.end - q.span.start).sum();
    assert!(a.quotes.len() > 1000, "{}", a.quotes.len());
    assert!(
        reported <= long.len(),
        "{reported} bytes reported from {}",
        long.len()
    );
}

#[test]
fn a_paragraph_of_thousands_of_speakers_is_read_in_linear_time() {
    // 40,000 of these in one paragraph took 9.5 s: each cue looked ahead
    // through all later cues, through all quotations, and through all
    // speakers. Each quote still goes to its own speaker.
    let para: Vec<String> = (0..5000)
        .map(|i| format!("\"Yes, {i}\" said John{i} Smith{i}."))
        .collect();
    let a = analyze(Document::from_text("t", format!("Title\n\n{}", para.join(" "))));
    assert_eq!(a.quotes.len(), 5000);
    for (i, q) in a.quotes.iter().enumerate() {
        assert_eq!(a.slice(q.span), format!("Yes, {i}"));
        assert_eq!(a.speakers[q.speaker.unwrap()].name, format!("John{i} Smith{i}"));
    }
}

#[test]
fn a_sentence_of_many_subjectless_cues_is_read_once() {
    // Each cue looked for a subject from the start of the sentence: a
    // long sentence full of them took seconds. The subject found is
    // the same.
    let q = quotes(&["وقالت الوزارة في بيان إن الأمر مهم، وأضافت أن الوضع هادئ، بعد أن قالت إن الهدوء عاد."]);
    assert!(q.iter().all(|x| x.0 == "الوزارة"), "{q:?}");
    let long = "وقال إن الأمر ".repeat(20_000);
    let a = analyze(Document::from_text("t", format!("Title\n\n{long}")));
    assert!(a.quotes.len() >= 10_000, "{}", a.quotes.len());
}

#[test]
fn a_paragraph_of_many_asides_and_quotations_is_read_once() {
    // Each cue looked ahead over every later cue for the next one that
    // starts a statement, and asides do not: thousands of them took
    // time in the square of their number. So did each quotation
    // looking for the one opening after it.
    let long = "وقال الوزير، وفقاً لبيان وزعه مكتبه، أن الأمر مهم. ".repeat(10_000);
    let a = analyze(Document::from_text("t", format!("Title\n\n{long}")));
    assert_eq!(a.quotes.len(), 10_000);
    let marks = "\"We are ready.\" ".repeat(20_000);
    let a = analyze(Document::from_text("t", format!("Title\n\nShe said: {marks}")));
    assert!(!a.quotes.is_empty());
}

#[test]
fn the_article_after_according_to_keeps_its_alif() {
    let q = quotes(&["وتراجعت الأسعار في أيار، وفقاً للمسؤولين في الوزارة."]);
    assert_eq!(q[0].0, "المسؤولين", "{q:?}");
    let q = quotes(&["وارتفعت الأسعار في أيار، وفقاً لعبد الله الموسى."]);
    assert_eq!(q[0].0, "عبد الله الموسى", "{q:?}");
}

#[test]
fn honorific_starts_the_name() {
    let q = quotes(&[
        "وقال دبلوماسي عسكري رفيع بالسفارة الأمريكية بالقاهرة اللواء تشارلز هوبر: إن \"طائرات F16- توفر قدرة ذات قيمة.",
    ]);
    assert_eq!(q[0].0, "تشارلز هوبر");
    assert!(q[0].4);
    assert!(q[0].3.starts_with("طائرات F16- توفر"));
}

#[test]
fn reopened_straight_quote_after_a_cue() {
    let q = quotes(&[
        "وقال اللواء تشارلز هوبر: إن \"طائرات F16- توفر قدرة ذات قيمة بين البلدين. وتابع :\"فالمتطرفون يهددون الأمن الإقليمي\".",
    ]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q[0].3.ends_with("بين البلدين."));
    assert_eq!(
        (q[1].0.as_str(), q[1].2.as_str(), q[1].3.as_str()),
        ("تشارلز هوبر", "وتابع", "فالمتطرفون يهددون الأمن الإقليمي")
    );
}

#[test]
fn role_then_comma_then_name() {
    let q = quotes(&[
        "وقال وزير الخارجية العراقي، فؤاد حسين، إن الحوار الاستراتيجي مع واشنطن يحظى باهتمام الحكومة.",
    ]);
    assert_eq!(q[0].0, "فؤاد حسين");
    assert!(q[0].3.starts_with("الحوار الاستراتيجي"));
}

#[test]
fn according_to_cue_with_the_words_before_it() {
    let q = quotes(&[
        "ويلقى التعليم الجامعي دعماً متزايداً وفقاً لعبد الله الموسى، رئيس الجامعة الإلكترونية السعودية، مؤكداً أن التعليم الإلكتروني ينمو الآن.",
    ]);
    assert_eq!(q[0].0, "عبد الله الموسى");
    assert!(q[0].3.starts_with("ويلقى التعليم"), "{q:?}");
    assert_eq!(q[1].0, "عبد الله الموسى");
    assert_eq!(q[1].2, "مؤكداً");
    assert!(q[1].3.starts_with("التعليم الإلكتروني ينمو"));
}

#[test]
fn institutions_and_joint_speakers_are_not_people() {
    let q = quotes(&[
        "قالت السفارة الأمريكية بالقاهرة: إن الولايات المتحدة ستسلم ثماني طائرات.",
        "وأوضح ناثان براون وميشيل دين الباحثان بالمركز، في تقريرهما، أن المراجعات الداخلية أثبتت فشل النظام.",
        "وأضاف الباحثان، أن جماعة الإخوان تلخص فكرة الثورة.",
    ]);
    assert_eq!(q[0].1, Some(SpeakerKind::Organization));
    assert_eq!(q[1].1, Some(SpeakerKind::Group));
    assert!(q[1].3.starts_with("المراجعات الداخلية"));
    assert_eq!(q[2].0, q[1].0, "الباحثان is the same pair");
}

#[test]
fn feminine_subjectless_verb_needs_a_fronted_subject() {
    let q = quotes(&[
        "وأفاد محمد ابن القاضي حسن فريد وكالة فرانس برس عبر الهاتف ان \"والدي أجل القضية لأنه مريض\".",
        "لكن محكمة النقض ألغت الحكم في يناير الفائت، بعد ان قالت إن الحكم \"يخلو من أدلة\".",
    ]);
    assert_eq!(q[0].0, "محمد ابن القاضي حسن فريد");
    assert_eq!(q[1].1, Some(SpeakerKind::Organization), "{q:?}");
}

#[test]
fn homographs_and_adverbs_are_not_cues() {
    // بين "between", مجدداً "again", يتوقع "is expected" without أن.
    let q = quotes(&[
        "حكمت المحكمة عليهم بالسجن بين سبع وعشر سنوات بتهمة الانتماء إلى \"الإخوان المسلمين\".",
        "وقضت بمحاكمة الصحافيين مجددا، في قاعة دراسية.",
        "يتوقع ارتفاع عائدات هذا القطاع من 443 مليون دولار.",
    ]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn relayed_words_belong_to_the_source_after_an() {
    let q = quotes(&["ونقلت وكالة الأنباء الرسمية عن وزير الداخلية محمد العلي قوله إن الوضع الأمني مستقر."]);
    assert_eq!(q[0].0, "محمد العلي", "{q:?}");
    assert_eq!(q[0].3, "الوضع الأمني مستقر.");
}

#[test]
fn outlet_in_marks_between_subject_and_complementiser() {
    let q =
        quotes(&["وقال المتحدث باسم الوزارة أحمد حافظ لـ«الشرق الأوسط» إن «الاجتماع سيعقد غداً في القاهرة»."]);
    assert_eq!(q[0].0, "أحمد حافظ");
    assert_eq!(q[0].3, "الاجتماع سيعقد غداً في القاهرة");
    assert!(q[0].4);
}

#[test]
fn english_time_before_that_and_names_near_the_verb() {
    let q = quotes(&[
        "Speaking to reporters, John Smith said on Tuesday that the talks would resume.",
        "Mr Brown told the BBC: “We are ready.”",
    ]);
    assert_eq!(
        (q[0].0.as_str(), q[0].3.as_str()),
        ("John Smith", "the talks would resume.")
    );
    assert_eq!(
        (q[1].0.as_str(), q[1].3.as_str(), q[1].4),
        ("Brown", "We are ready.", true)
    );
}

#[test]
fn names_after_organisations_and_compound_names() {
    let q = quotes(&[
        "وقالت المتحدثة باسم برنامج الأغذية العالمي عبير عطيفة، إن البرنامج يحتاج إلى 1.9 مليار دولار.",
        "«لن نسمح بتكرار المأساة»، قال رئيس الوزراء اليمني معين عبد الملك خلال لقائه السفراء.",
    ]);
    assert_eq!(q[0].0, "عبير عطيفة");
    assert_eq!(
        (q[1].0.as_str(), q[1].3.as_str(), q[1].4),
        ("معين عبد الملك", "لن نسمح بتكرار المأساة", true)
    );
}

#[test]
fn english_roles_acronyms_possessives_and_institutions() {
    let q = quotes(&[
        "Inflation fell to 4.6% in October, according to the Office for National Statistics.",
        "Paul Dales, chief UK economist at Capital Economics, said the figures were \"a big step\".",
        "Labour's shadow chancellor Rachel Reeves said that prices were still rising.",
        "The Bank of England said in a statement that it would keep rates at 5.25% for now.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("Office for National Statistics", Some(SpeakerKind::Organization)),
            ("Paul Dales", Some(SpeakerKind::Person)),
            ("Rachel Reeves", Some(SpeakerKind::Person)),
            ("Bank of England", Some(SpeakerKind::Organization)),
        ]
    );
    assert!(q[0].3.starts_with("Inflation fell"));
    assert_eq!(q[3].3, "it would keep rates at 5.25% for now.");
}

#[test]
fn titles_in_quotation_marks_are_not_speech() {
    let q = quotes(&[
        "وبحسب تقرير شركة الأبحاث البريطانية «اكسفورد بزنس جروب» ففي العام الماضي أجازت المملكة خطة خمسية.",
    ]);
    assert!(q.iter().all(|x| x.1 == Some(SpeakerKind::Organization)), "{q:?}");
    assert!(q.iter().all(|x| !x.4));
}

#[test]
fn a_role_with_its_employer_then_the_name_between_commas() {
    let q = quotes(&["وقالت محللة أسواق الطاقة لدى «بنك الخليج»، سلمى الراشد، لـ«الصحيفة»: «الطلب يتراجع»."]);
    let who = speakers_of(&q);
    assert_eq!(who, [("سلمى الراشد", Some(SpeakerKind::Person))], "{q:?}");
}

#[test]
fn a_survey_or_an_analysis_speaks_as_a_document() {
    let q = quotes(&[
        "وقال تحليل اقتصادي صدر أمس، إن التراجع شمل جميع مكونات المؤشر.",
        "وتوقع المسح أن يبلغ متوسط سعر البرميل 60 دولارا.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(who.len(), 2, "{q:?}");
    assert!(who[0].0.starts_with("تحليل اقتصادي"), "{q:?}");
    assert_eq!(who[1].0, "المسح");
    assert!(
        who.iter().all(|w| w.1 == Some(SpeakerKind::Organization)),
        "{q:?}"
    );
}

#[test]
fn documents_branches_and_titled_officials() {
    let q = quotes(&[
        "وتنطلق الدورة الاستدراكية يوم 3 يوليوز المقبل، على أن تُعلن نتائجها في 15 من الشهر نفسه، حسب بلاغ للوزارة.",
        "وبحسب بيانات دائرة الإحصاءات العامة، بلغ معدل التضخم في الأشهر العشرة الأولى من العام 1.8 بالمئة.",
        "Deschutes County Sheriff Ray Delgado told reporters at a briefing that deputies had gone door to door.",
        "Gov. Ellen Marsh said in a statement that crews would get every resource they need.",
        "More than 40 large wildfires are currently burning across the West, according to the National Interagency Fire Center.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("بلاغ للوزارة", Some(SpeakerKind::Organization)),
            ("بيانات دائرة الإحصاءات العامة", Some(SpeakerKind::Organization)),
            ("Ray Delgado", Some(SpeakerKind::Person)),
            ("Ellen Marsh", Some(SpeakerKind::Person)),
            (
                "National Interagency Fire Center",
                Some(SpeakerKind::Organization)
            ),
        ],
        "{q:?}"
    );
    assert_eq!(q[3].3, "crews would get every resource they need.");
}

#[test]
fn a_role_with_a_place_in_it_goes_on_to_the_name() {
    let q = quotes(&[
        "قال المتحدث باسم الدفاع المدني في السودان العميد عبد الرحيم النور، الثلاثاء، إن حصيلة ضحايا السيول ارتفعت إلى 34 قتيلاً.",
        "وقالت مديرة فرع الهلال الأحمر السوداني في الولاية سلمى عثمان إن نحو خمسة آلاف أسرة فقدت مأواها.",
        "وقال الخبير في الموارد المائية الدكتور حسن إبراهيم لـ\"سكاي نيوز عربية\" إن معدلات الأمطار تجاوزت المتوسط.",
        "وقال الوزير في كلمة ألقاها أمام البرلمان إن الموازنة ستقر قريباً.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        who,
        ["عبد الرحيم النور", "سلمى عثمان", "حسن إبراهيم", "الوزير"],
        "{q:?}"
    );
    assert!(q[0].3.starts_with("حصيلة ضحايا"), "{q:?}");
    assert!(q[2].3.starts_with("معدلات الأمطار"), "{q:?}");
}

#[test]
fn a_family_name_said_before_is_that_person() {
    let q = quotes(&[
        "قال وزير المالية سامر الخطيب، في مؤتمر صحفي، إن الموازنة تقدّر الإيرادات بنحو 10.2 مليار دينار.",
        "وأضاف الخطيب أن عجز الموازنة سيتراجع إلى 2.9 بالمئة.",
        "في المقابل، اعتبر عبد الإله الدحماني، الكاتب العام للجامعة الوطنية للتعليم، أن \"الأرقام المعلنة لا تعكس تحسناً\".",
        "وصرّح الدحماني لهسبريس بأن \"الوزارة مطالبة بنشر نتائج الدراسات الدولية\".",
        "وقال عبد الله الموسى إن التعليم الإلكتروني ينمو.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        who,
        [
            "سامر الخطيب",
            "سامر الخطيب",
            "عبد الإله الدحماني",
            "عبد الإله الدحماني",
            "عبد الله الموسى"
        ],
        "{q:?}"
    );
}

#[test]
fn the_same_speaker_and_a_general_role_point_back() {
    let q = quotes(&[
        "وقالت الوزيرة نادية بنعلي، خلال ندوة صحافية بالرباط، إن عدد الناجحين بلغ 298 ألفاً.",
        "وأضافت المسؤولة الحكومية أن الإناث حققن نسبة نجاح بلغت 72 في المائة.",
        "وقال عبد الإله الدحماني إن \"الأرقام المعلنة لا تعكس بالضرورة تحسناً\".",
        "وحسب المتحدث ذاته، فإن النقابة ستعقد ندوة وطنية أواخر الشهر الجاري.",
        "وقال المتحدث باسم الوزارة إن النتائج ستنشر غداً.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("نادية بنعلي", Some(SpeakerKind::Person)),
            ("نادية بنعلي", Some(SpeakerKind::Person)),
            ("عبد الإله الدحماني", Some(SpeakerKind::Person)),
            ("عبد الإله الدحماني", Some(SpeakerKind::Person)),
            ("المتحدث باسم الوزارة", Some(SpeakerKind::Anonymous)),
        ],
        "{q:?}"
    );
    assert!(q[3].3.contains("النقابة ستعقد"), "{q:?}");
}

#[test]
fn a_relative_pronoun_before_a_cue_stands_for_the_phrase_before_it() {
    let q = quotes(&[
        "ومن المقرر أن يُحال مشروع القانون إلى مجلس النواب مطلع الشهر المقبل، بحسب رئيس اللجنة المالية النيابية نمر السليحات، الذي أكد أن اللجنة ستعقد جلسات مكثفة لمناقشته.",
        "More than 40 large wildfires are currently burning across the West, according to the National Interagency Fire Center, which said Tuesday that nearly 2.6 million acres have burned.",
    ]);
    let who: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        who,
        [
            ("نمر السليحات", "بحسب"),
            ("نمر السليحات", "أكد"),
            ("National Interagency Fire Center", "according"),
            ("National Interagency Fire Center", "said"),
        ],
        "{q:?}"
    );
    assert!(q[1].3.starts_with("اللجنة ستعقد"), "{q:?}");
    assert!(q[3].3.starts_with("nearly 2.6 million"), "{q:?}");
}

#[test]
fn kana_subject_qad_verb_has_its_subject_before_the_verb() {
    let q = quotes(&[
        "وكانت السلطات قد أعلنت حالة الطوارئ في الولاية لمدة ثلاثة أشهر في 10 أغسطس الجاري.",
        "وكان رئيس الوزراء قد أعلن الأسبوع الماضي أن الحكومة ستطلق ثلاث حزم تحفيزية.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("السلطات", Some(SpeakerKind::Organization)),
            ("رئيس الوزراء", Some(SpeakerKind::Anonymous)),
        ],
        "{q:?}"
    );
    assert!(q[0].3.starts_with("حالة الطوارئ"), "{q:?}");
    assert!(q[1].3.starts_with("الحكومة ستطلق"), "{q:?}");
}

#[test]
fn an_aside_between_the_subject_and_the_complementiser() {
    let q = quotes(&[
        "وأضافت ديالو، وفقاً لبيان وزعه مكتبها، أن خبراء الاتحاد سيعدّون ورقة فنية تتضمن ثلاثة سيناريوهات.",
        "وقالت فاطمة الزهراء العلوي، وهي أم لتلميذ حصل على البكالوريا بميزة \"حسن جداً\"، إن \"الفرحة لا توصف\".",
        "من جانبه، قال مصدر محلي في محلية البحيرة، طلب عدم الكشف عن هويته، إن السلطات لم تستجب للتحذيرات.",
    ]);
    let got: Vec<(&str, &str, bool)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str(), x.4)).collect();
    assert_eq!(
        got,
        [
            (
                "ديالو",
                "خبراء الاتحاد سيعدّون ورقة فنية تتضمن ثلاثة سيناريوهات.",
                false
            ),
            ("فاطمة الزهراء العلوي", "الفرحة لا توصف", true),
            ("مصدر محلي", "السلطات لم تستجب للتحذيرات.", false),
        ],
        "{q:?}"
    );
}

#[test]
fn an_outlet_named_in_marks_is_part_of_the_subject() {
    let q = quotes(&[
        "ونقلت صحيفة \"السوداني\" عن وزير الري ياسر عباس قوله إن منسوب المياه ارتفع أكثر من مترين.",
        "وقالت وكالة «سبوتنيك» إن الاجتماع سيعقد غداً.",
    ]);
    let got: Vec<(&str, &str, bool)> = q.iter().map(|x| (x.0.as_str(), x.3.as_str(), x.4)).collect();
    assert_eq!(
        got,
        [
            ("ياسر عباس", "منسوب المياه ارتفع أكثر من مترين.", false),
            ("وكالة «سبوتنيك»", "الاجتماع سيعقد غداً.", false),
        ],
        "{q:?}"
    );
}

#[test]
fn an_unlisted_given_name_before_a_listed_fathers_name() {
    let q = quotes(&[
        "وقال وزير المالية السوداني جبريل إبراهيم إن الحكومة ستدفع الرواتب.",
        "وقال مدير شركة أرامكو خالد الناصر إن الإنتاج سيرتفع.",
        "وقالت المتحدثة باسم برنامج الأغذية العالمي عبير عطيفة، إن البرنامج يحتاج إلى 1.9 مليار دولار.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["جبريل إبراهيم", "خالد الناصر", "عبير عطيفة"], "{q:?}");
}

#[test]
fn a_quoted_sentence_ends_the_sentence_before_a_new_quotation() {
    let q = quotes(&[
        "In a blog post, chief executive Priya Natarajan wrote that the company had grown too fast.",
        "Rick Alvarez, a partner at Northwind who sits on Lumora's board, says the company remains \"well capitalised.\" \"Priya made a hard call, but the right one,\" he says. \"We are still very much behind this team.\"",
    ]);
    let got: Vec<(&str, &str, &str)> = speaker_cue_text(&q);
    assert_eq!(
        got[1..],
        [
            (
                "Rick Alvarez",
                "says",
                "the company remains \"well capitalised.\""
            ),
            (
                "Rick Alvarez",
                "says",
                "Priya made a hard call, but the right one"
            ),
            ("Rick Alvarez", "", "We are still very much behind this team."),
        ],
        "{q:?}"
    );
}

#[test]
fn english_subjects_with_hyphens_and_and_in_names() {
    let q = quotes(&[
        "Dr Sunil Mehta, vice-president of the Royal College of Emergency Medicine, said 40,000 patients had waited more than 12 hours.",
        "A Department of Health and Social Care spokesperson said: \"We are investing £1.8bn to deliver an extra 40,000 appointments a week.\"",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("Sunil Mehta", Some(SpeakerKind::Person)),
            (
                "Department of Health and Social Care",
                Some(SpeakerKind::Organization)
            ),
        ],
        "{q:?}"
    );
}

#[test]
fn a_capitalised_word_before_a_role_is_an_employer_not_a_name() {
    let q = quotes(&[
        "A Codelco spokesman said the company was reviewing its production targets for 2025.",
        "Mining Minister Carolina Fuentes said on Tuesday that the government was \"fully confident\" in Codelco's management.",
        "\"Codelco has faced tough years before, and it has always come back stronger,\" she said.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("Codelco spokesman", Some(SpeakerKind::Anonymous)),
            ("Carolina Fuentes", Some(SpeakerKind::Person)),
            ("Carolina Fuentes", Some(SpeakerKind::Person)),
        ],
        "{q:?}"
    );
}

#[test]
fn an_english_verb_joined_by_but_reports_again_for_the_same_subject() {
    let q = quotes(&[
        "Health Secretary Daniel Hughes said the figures were \"a step in the right direction\" but warned there was \"a mountain still to climb\".",
    ]);
    let got: Vec<(&str, &str, &str)> = speaker_cue_text(&q);
    assert_eq!(
        got,
        [
            (
                "Daniel Hughes",
                "said",
                "the figures were \"a step in the right direction\""
            ),
            (
                "Daniel Hughes",
                "warned",
                "there was \"a mountain still to climb\"."
            ),
        ],
        "{q:?}"
    );
}

#[test]
fn declared_reports_only_with_that_a_colon_or_a_quotation() {
    let q = quotes(&[
        "Gov. Ellen Marsh declared a state of emergency on Monday night, freeing up state resources to help local crews.",
        "Gov. Ellen Marsh declared that the fire was the worst in a decade.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [("Ellen Marsh", "the fire was the worst in a decade.")],
        "{q:?}"
    );
}

#[test]
fn english_attribution_after_the_words() {
    let q = quotes(&[
        "SANTIAGO, May 30 (Reuters) - Chile's copper production fell 4.2% in April from a year earlier, the national statistics agency INE said on Thursday, as Codelco grappled with delays.",
        "The plan will cost $2 billion over five years, Finance Minister John Smith said on Tuesday.",
        "Prices will keep rising through the summer, Maria Lopez, a metals analyst at BMI, said.",
        "Deputies went door to door overnight, Sheriff Ray Delgado told reporters.",
        "Peter Wong Ka Ho, the minister, said on Tuesday.",
        "Speaking to reporters in Santiago, Brown said the plan was dead.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [
            (
                "national statistics agency INE",
                "Chile's copper production fell 4.2% in April from a year earlier"
            ),
            ("John Smith", "The plan will cost $2 billion over five years"),
            ("Maria Lopez", "Prices will keep rising through the summer"),
            ("Ray Delgado", "Deputies went door to door overnight"),
            ("Brown", "the plan was dead."),
        ],
        "{q:?}"
    );
}

#[test]
fn english_sources_with_asides_and_leading_according_to() {
    let q = quotes(&[
        "According to an internal memo seen by The Information, sales of Lumora's enterprise product fell short of targets.",
        "A source familiar with the matter, who asked not to be named because the discussions were private, said the board had discussed selling a stake.",
        "One employee who was laid off, and who asked not to be named for fear of jeopardizing their severance, says the announcement came in a 10-minute video call.",
    ]);
    let got: Vec<(&str, Option<SpeakerKind>, &str)> =
        q.iter().map(|x| (x.0.as_str(), x.1, x.3.as_str())).collect();
    assert_eq!(
        got,
        [
            (
                "internal memo seen",
                Some(SpeakerKind::Organization),
                "sales of Lumora's enterprise product fell short of targets."
            ),
            (
                "source familiar",
                Some(SpeakerKind::Anonymous),
                "the board had discussed selling a stake."
            ),
            (
                "employee",
                Some(SpeakerKind::Anonymous),
                "the announcement came in a 10-minute video call."
            ),
        ],
        "{q:?}"
    );
}

#[test]
fn prosecutors_parties_and_county_officials() {
    let q = quotes(&[
        "Prosecutors said Harper made more than 300 unauthorized transfers from county accounts between 2016 and 2022.",
        "Conservative spokesperson Kevin Ashworth was critical, while the Liberal Democrats said it showed ministers had \"run out of ideas\".",
        "County Supervisor Tom Wheeler said the board had since hired an outside firm to review every account.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("Prosecutors", Some(SpeakerKind::Group)),
            ("Liberal Democrats", Some(SpeakerKind::Group)),
            ("Tom Wheeler", Some(SpeakerKind::Person)),
        ],
        "{q:?}"
    );
}

#[test]
fn an_abbreviation_inside_the_title_before_the_name() {
    let q = quotes(&[
        "\"This was not a single lapse in judgment. It was a calculated scheme that went on for years,\" Assistant U.S. Attorney Rachel Kim wrote in a sentencing memo.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [(
            "Rachel Kim",
            "This was not a single lapse in judgment. It was a calculated scheme that went on for years"
        )],
        "{q:?}"
    );
}

#[test]
fn which_segment_of_an_english_subject_names_the_speaker() {
    let q = quotes(&[
        "Clive Harding, the Labour MP who chairs the housing select committee, said the omission was \"deeply disappointing\".",
        "Asked whether the 90,000 figure still stood, the prime minister's official spokesperson told reporters: \"I'm not going to get ahead of future announcements.\"",
        "The housing minister, Angela Moore, insisted the strategy was \"a serious, long-term plan\". In an interview with BBC Radio 5 Live, she said: \"We inherited a broken system.\"",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("Clive Harding", Some(SpeakerKind::Person)),
            (
                "prime minister's official spokesperson",
                Some(SpeakerKind::Anonymous)
            ),
            ("Angela Moore", Some(SpeakerKind::Person)),
            ("Angela Moore", Some(SpeakerKind::Person)),
        ],
        "{q:?}"
    );
}

#[test]
fn the_name_ali_is_not_the_preposition_ala() {
    let q = quotes(&[
        "في المقابل، اعتبر النائب علي حسن شمص أن الدعوة إلى الحوار «هي المخرج الوحيد من الأزمة».",
        "وقال محمد علي إن الاتفاق سيوقع قريباً.",
        "وشدد الوزير على أن المفاوضات مستمرة.",
    ]);
    let who: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        who,
        [
            ("علي حسن شمص", "الدعوة إلى الحوار «هي المخرج الوحيد من الأزمة»."),
            ("محمد علي", "الاتفاق سيوقع قريباً."),
            ("الوزير", "المفاوضات مستمرة."),
        ],
        "{q:?}"
    );
}

#[test]
fn participles_of_calling_report_what_they_call_for() {
    let q = quotes(&[
        "ونقلت الوكالة الوطنية للإعلام عن رئيس المجلس حسين الأمين قوله إن «الجلسة ستُعقد الشهر المقبل»، داعياً النواب إلى «تحمّل مسؤولياتهم الوطنية».",
        "وأكد الوزير أن الاتفاق نهائي، مجدداً في الوقت ذاته رفضه لأي تدخل.",
    ]);
    let got: Vec<(&str, &str, &str)> = speaker_cue_text(&q);
    assert_eq!(
        got,
        [
            ("حسين الأمين", "ونقلت", "الجلسة ستُعقد الشهر المقبل"),
            ("حسين الأمين", "داعياً", "النواب إلى «تحمّل مسؤولياتهم الوطنية»."),
            (
                "الوزير",
                "وأكد",
                "الاتفاق نهائي، مجدداً في الوقت ذاته رفضه لأي تدخل."
            ),
        ],
        "{q:?}"
    );
}

#[test]
fn kana_subject_with_an_apposition() {
    let q = quotes(&[
        "وكان معالي عبدالله بن سالم الكتبي، وزير الاقتصاد، قد أكد في وقت سابق أن الدولة تستهدف جذب 40 مليون نزيل فندقي بحلول عام 2031.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [(
            "عبدالله بن سالم الكتبي",
            "الدولة تستهدف جذب 40 مليون نزيل فندقي بحلول عام 2031."
        )],
        "{q:?}"
    );
}

#[test]
fn an_english_participle_first_in_its_sentence_has_the_sentence_subject() {
    let q = quotes(&[
        "\"It was a calculated scheme,\" Assistant U.S. Attorney Rachel Kim wrote in a sentencing memo.",
        "Harper's attorney, Daniel Ortega, had asked for a sentence of three years, arguing that his client had struggled with a gambling addiction.",
        "Knight said crews were focusing on protecting homes, adding that two firefighters had been treated.",
    ]);
    let who: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        who,
        [
            ("Rachel Kim", "wrote"),
            ("Daniel Ortega", "arguing"),
            ("Knight", "said"),
            ("Knight", "adding")
        ],
        "{q:?}"
    );
}

#[test]
fn she_said_after_a_newcomer_named_as_the_subject() {
    let q = quotes(&[
        "Linda Harper, 58, pleaded guilty in March to wire fraud and money laundering.",
        "\"She is deeply ashamed,\" her attorney, Daniel Ortega, told reporters outside the courthouse.",
        "Harper, wearing an orange jumpsuit, apologized to county residents before the sentence was read. \"I betrayed the people who elected me,\" she said, her voice breaking.",
        "West Mercia police said the tablets were believed to contain DNP.",
        "\"We are working with partner agencies,\" she said.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        who,
        [
            "Daniel Ortega",
            "Linda Harper",
            "West Mercia police",
            "Linda Harper"
        ],
        "{q:?}"
    );
    // A known person named in full is not a newcomer, and the family
    // name she shares with one is not a mention of that one.
    let q = quotes(&[
        "Eloise Parry, 21, was taken to Royal Shrewsbury hospital on 12 April.",
        "\"The drug was in her system,\" her mother, Fiona, said in a statement yesterday.",
        "Fiona Parry issued a plea for people to stay away from pills containing the chemical.",
        "\"She just never really understood how dangerous the tablets were,\" she said.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    // (her plea is reported too, and names her in full)
    assert_eq!(who, ["Fiona Parry", "Fiona Parry", "Fiona Parry"], "{q:?}");
}

#[test]
fn statistics_are_a_source_and_accusing_is_reporting() {
    let q = quotes(&[
        "سجلت الوزارة 312 إصابة مؤكدة بمرض الكوليرا في سبع محافظات، بحسب إحصائية رسمية صدرت اليوم الأربعاء.",
        "في المقابل، اتهم النائب أحمد العبيدي، عضو مجلس المحافظة، الحكومة المحلية بالتقصير.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("إحصائية رسمية صدرت", Some(SpeakerKind::Organization)),
            ("أحمد العبيدي", Some(SpeakerKind::Person)),
        ],
        "{q:?}"
    );
}

#[test]
fn it_turned_out_reports_nobody() {
    let q = quotes(&[
        "وبيّن الربيعي أن فرق الرقابة فحصت أكثر من 4 آلاف عينة، وتبين أن 18 بالمئة منها غير صالحة للاستهلاك، داعياً المواطنين إلى غلي المياه.",
    ]);
    let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(got, [("الربيعي", "وبيّن"), ("الربيعي", "داعياً")], "{q:?}");
}

#[test]
fn the_object_after_the_name_is_not_the_subject() {
    let q = quotes(&[
        "في المقابل، اتهم عضو مجلس محافظة كركوك أحمد العبيدي الحكومة المحلية بالتقصير، قائلاً إن \"شبكات الصرف الصحي لم تُصلح منذ عشرين عاماً\".",
    ]);
    let got: Vec<(&str, &str, &str)> = speaker_cue_text(&q);
    assert_eq!(
        got,
        [
            ("أحمد العبيدي", "اتهم", "الحكومة المحلية بالتقصير"),
            ("أحمد العبيدي", "قائلاً", "شبكات الصرف الصحي لم تُصلح منذ عشرين عاماً"),
        ],
        "{q:?}"
    );
}

#[test]
fn an_abbreviated_title_after_the_verb() {
    let q = quotes(&[
        "\"Measles is one of the most contagious diseases we know of,\" said Dr. Maria Gonzalez, an epidemiologist at the University of Texas Health Science Center in Houston.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["Maria Gonzalez"], "{q:?}");
}

#[test]
fn english_fronted_quotes_pronouns_and_continuations() {
    let q = quotes(&[
        "The mother of a woman who took pills has described how her daughter was “literally burning up” before her death.",
        "“The drug was in her system, there was no anti-dote,” her mother, Fiona, said in a statement yesterday.",
        "“As Eloise deteriorated, the staff did all they could.",
        "She added: “They never stood a chance of saving her.”",
        "“We are undoubtedly concerned over the origin of these pills,” said chief inspector Jennifer Mattinson from the West Mercia police.",
        "The Food Standards Agency warned people to stay away from slimming products.",
        "“We advise the public not to take any tablets,” it said in a statement.",
        "Fiona Parry issued a plea for people to stay away from pills.",
        "“She just never really understood how dangerous the tablets were,” she said. “Most of us don’t believe it.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        who,
        // (her plea is reported too, and names her in full)
        [
            "Fiona Parry",
            "Fiona Parry",
            "Fiona Parry",
            "Fiona Parry",
            "Jennifer Mattinson",
            "Food Standards Agency",
            "Food Standards Agency",
            "Fiona Parry",
            "Fiona Parry",
            "Fiona Parry"
        ],
        "{q:?}"
    );
    assert!(q[0].3.starts_with("how her daughter was") && !q[0].4);
    assert!(q[1].3.starts_with("The drug was") && q[1].4);
    assert_eq!(q[2].2, "", "a continued quotation has no cue");
    assert!(q[7].3.starts_with("for people to stay away") && !q[7].4);
    assert!(q[9].3.starts_with("Most of us"));
}

#[test]
fn a_time_after_the_name_ends_the_subject() {
    let q = quotes(&[
        "وقال وزير الخارجية فؤاد حسين عقب لقائه نظيره الأمريكي إن الحوار الاستراتيجي سيستأنف الشهر المقبل.",
        "وأكد رئيس الوزراء مصطفى الكاظمي إثر الاجتماع أن الانسحاب سيكتمل بنهاية العام.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["فؤاد حسين", "مصطفى الكاظمي"], "{q:?}");
}

#[test]
fn a_role_with_a_place_then_an_unlisted_name() {
    let q = quotes(&[
        "وقال منسق الشؤون الإنسانية للأمم المتحدة في اليمن جوليان هارنيس، في بيان، إن أكثر من 17 مليون يمني يعانون انعدام الأمن الغذائي.",
        "وأضاف هارنيس أن التمويل لم يتجاوز 20 في المئة.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["جوليان هارنيس", "جوليان هارنيس"], "{q:?}");
}

#[test]
fn a_later_verb_of_a_sentence_continues_its_speaker() {
    let q = quotes(&[
        "ونفى يوسف عزت، المستشار السياسي لقائد قوات الدعم السريع، هذه الاتهامات، وقال في تصريحات لقناة الجزيرة إن قواته تلتزم بالقانون الدولي.",
        "وقالت الدكتورة نادية بنعلي، أستاذة الاقتصاد بجامعة القاهرة، إن القرار \"خطوة إيجابية\"، لكنها حذرت من أن \"الأسعار لا تزال مرتفعة\".",
    ]);
    let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("يوسف عزت", "ونفى"),
            ("يوسف عزت", "وقال"),
            ("نادية بنعلي", "وقالت"),
            ("نادية بنعلي", "حذرت"),
        ],
        "{q:?}"
    );
    assert_eq!(q[3].3, "الأسعار لا تزال مرتفعة");
}

#[test]
fn an_affiliation_between_commas_after_the_name() {
    let q = quotes(&[
        "Climate scientist Friederike Otto, of Imperial College London, said the heatwave would have been almost impossible without climate change.",
        "\"It is a clear signal,\" she told reporters.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["Friederike Otto", "Friederike Otto"], "{q:?}");
    assert_eq!(
        q[0].3,
        "the heatwave would have been almost impossible without climate change."
    );
}

#[test]
fn she_said_after_a_man_spoke_means_the_woman_named_with_him() {
    let q = quotes(&[
        "Detective Inspector Mark Evans and his colleague, Sergeant Helen Price, were first at the scene.",
        "\"It was the worst thing I have seen in 20 years,\" Evans said.",
        "\"We did everything we could for them,\" she said.",
        "\"Nobody should have to see that,\" he added.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["Mark Evans", "Helen Price", "Mark Evans"], "{q:?}");
}

#[test]
fn a_person_named_without_speaking_is_found_by_family_name_and_pronoun() {
    let q = quotes(&[
        "Isobel Hart, the chief executive of the Library Campaign, said the figures were \"a quiet catastrophe\".",
        "In Leeds, where two libraries closed last year, the council leader, Judith Blake, met residents on Friday with the housing minister, Tom Reeves.",
        "\"We will not let residents down,\" she said afterwards.",
        "Reeves said the government would publish its plan in the spring.",
        "He added: \"Housing is our first priority.\"",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        who,
        ["Isobel Hart", "Judith Blake", "Tom Reeves", "Tom Reeves"],
        "{q:?}"
    );
}

#[test]
fn people_named_by_what_they_do_in_the_plural_are_a_group() {
    let q = quotes(&[
        "Volunteers who now run the Walkley library said they were proud of what they had achieved.",
        "Farmers in the region said the harvest could be halved this year.",
    ]);
    let kinds: Vec<_> = q.iter().map(|x| x.1).collect();
    assert_eq!(
        kinds,
        [Some(SpeakerKind::Group), Some(SpeakerKind::Group)],
        "{q:?}"
    );
}

#[test]
fn accusing_as_a_participle_reports_its_object() {
    let q =
        quotes(&["ونفى المتحدث باسم الحركة هذه الاتهامات، متهماً الجيش بعرقلة وصول المساعدات إلى المدنيين."]);
    let got: Vec<(&str, &str)> = q.iter().map(|x| (x.2.as_str(), x.3.as_str())).collect();
    assert_eq!(
        got,
        [
            ("ونفى", "هذه الاتهامات"),
            ("متهماً", "الجيش بعرقلة وصول المساعدات إلى المدنيين."),
        ],
        "{q:?}"
    );
    assert_eq!(q[1].0, q[0].0);
}

#[test]
fn a_promise_joined_to_a_statement_reports_what_is_promised() {
    let q = quotes(&[
        "The housing minister, Tom Reeves, said the plan would be published in the spring and promised £1bn for new council homes.",
    ]);
    let got: Vec<(&str, &str, &str)> = speaker_cue_text(&q);
    assert_eq!(
        got,
        [
            ("Tom Reeves", "said", "the plan would be published in the spring"),
            ("Tom Reeves", "promised", "£1bn for new council homes."),
        ],
        "{q:?}"
    );
}

#[test]
fn a_subjectless_cue_after_a_sentence_that_named_its_subject() {
    let q = quotes(&[
        "وقالت مصادر طبية إن مستشفى الولادة توقف عن العمل.",
        "وشكت الممرضة هدى عثمان، التي تعمل في المستشفى، من نقص حاد في الأدوية. وقالت: \"لم يبق لدينا ما يكفي لأكثر من يومين\".",
        "استقبل الرئيس عبد المجيد تبون أمس وزير الخارجية الإيطالي، وأكد أن العلاقات بين البلدين متميزة.",
        "والتقت المبعوثة الأممية هانا تيتيه رئيس المجلس الرئاسي. وقال إن الحوار مستمر.",
    ]);
    // The speaker of the last quote of each cue.
    let of = |cue: &str| q.iter().rfind(|x| x.2 == cue).map(|x| x.0.as_str());
    assert_eq!(of("وقالت"), Some("هدى عثمان"), "{q:?}");
    assert_eq!(of("وأكد"), Some("عبد المجيد تبون"), "{q:?}");
    // A masculine verb does not go on with a woman named before.
    assert_ne!(of("وقال"), Some("هانا تيتيه"), "{q:?}");
}

#[test]
fn counted_people_are_a_group_and_a_place_after_near_is_no_name() {
    let q = quotes(&[
        "Two brokers told Reuters that premiums had fallen.",
        "A farmer near Seville, who asked not to be named, said his olive harvest could be halved.",
    ]);
    let got: Vec<(&str, Option<SpeakerKind>)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert_eq!(
        got,
        [
            ("Two brokers", Some(SpeakerKind::Group)),
            ("farmer", Some(SpeakerKind::Anonymous))
        ],
        "{q:?}"
    );
}

#[test]
fn he_said_after_an_unnamed_person_means_that_person() {
    let q = quotes(&[
        "Climate scientist Friederike Otto said every heatwave was now made hotter by climate change.",
        "A farmer near Seville, who asked not to be named, said his olive harvest could be halved.",
        "\"The trees are simply shutting down,\" he said.",
        "Two brokers told Reuters that premiums had fallen.",
        "\"It is the first good news in months,\" she said.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who[2], who[1], "{q:?}");
    assert_eq!(q[2].1, Some(SpeakerKind::Anonymous), "{q:?}");
    assert_eq!(who[4], "Friederike Otto", "{q:?}");
}

#[test]
fn a_family_name_or_role_alone_is_the_person_named_before_without_a_cue() {
    let q = quotes(&[
        "افتتح الدكتور خالد غنيم، وزير الصحة، المؤتمر الدولي للسكان أمس بحضور عدد من الوزراء.",
        "وأكد وزير الصحة أن معدل النمو السكاني تراجع إلى 1.4 في المئة.",
        "وأضاف غنيم أن الوزارة ستطلق حملة جديدة الشهر المقبل.",
        "وشارك في المؤتمر المهندس طارق السيد، رئيس هيئة الدواء، ووزير التخطيط السابق عادل البنا.",
        "وقال السيد إن الهيئة سجلت 50 دواء جديداً هذا العام.",
        "وأوضح البنا أن الزيادة السكانية تلتهم ثمار النمو.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        who,
        ["خالد غنيم", "خالد غنيم", "طارق السيد", "عادل البنا"],
        "{q:?}"
    );
    let a = analyze(Document::from_text(
        "t",
        "Title\n\nافتتح الدكتور خالد غنيم، وزير الصحة، المؤتمر أمس.\n\nوأكد وزير الصحة أن النمو تراجع.\n\nوأضاف غنيم أن الوزارة ستطلق حملة."
            .to_string(),
    ));
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].aliases, ["وزير الصحة", "غنيم"]);
}

#[test]
fn a_present_tense_verb_after_a_fronted_quotation() {
    let q = quotes(&[
        "وقال الوزير إن المفاوضات مستمرة.",
        "«لن نقبل بأن يُفرض علينا رئيس لا يمثل إرادة اللبنانيين»، يقول النائب جورج عدوان.",
        "يتوقع ارتفاع عائدات هذا القطاع من 443 مليون دولار.",
    ]);
    let got: Vec<(&str, &str)> = q.iter().map(|x| (x.0.as_str(), x.2.as_str())).collect();
    assert_eq!(got, [("الوزير", "وقال"), ("جورج عدوان", "يقول")], "{q:?}");
    // `مصلحة` (an authority) is an institution, not a name.
    let q = quotes(&["«المستثمر لم يعد ينتظر أسابيع في الميناء»، يقول رئيس مصلحة الجمارك."]);
    assert_eq!(q[0].1, Some(SpeakerKind::Anonymous), "{q:?}");
}

#[test]
fn two_people_joined_by_and_speak_together() {
    let q = quotes(&[
        "At the Hospital del Mar in Barcelona, emergency physician Javier Ortega and nurse Carmen Ruiz described wards filling up with elderly patients.",
        "\"Some arrive so confused that they cannot tell us their own name,\" she said.",
    ]);
    let got: Vec<(&str, Option<SpeakerKind>)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert_eq!(
        got,
        [
            ("Javier Ortega and nurse Carmen Ruiz", Some(SpeakerKind::Group)),
            ("Carmen Ruiz", Some(SpeakerKind::Person)),
        ],
        "{q:?}"
    );
}

#[test]
fn feminine_forms_of_verbs_ending_in_a_vowel() {
    assert_eq!(super::agreement("روت"), Agreement::Female);
    assert_eq!(super::agreement("دعت"), Agreement::Female);
    assert_eq!(super::agreement("نفت"), Agreement::Female);
    assert_eq!(super::agreement("روي"), Agreement::Male);
    let q = quotes(&[
        "وقالت المتحدثة باسم الوكالة جولييت حداد إن المدارس تحولت إلى ملاجئ.",
        "وفي غزة، روت المعلمة سهى الأغا، وهي نازحة في دير البلح، كيف تحولت خيمتها إلى صف دراسي.",
        "وقال الوزير إن الوزارة تعمل مع المنظمات الدولية.",
        "وتابعت: \"الأطفال يريدون أن يتعلموا، لكنهم جائعون\".",
    ]);
    assert_eq!(q[3].0, "سهى الأغا", "{q:?}");
}

#[test]
fn how_ends_the_subject_and_opens_the_words() {
    let q = quotes(&["وفي غزة، روت المعلمة سهى الأغا كيف تحولت خيمتها إلى صف دراسي."]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(got, [("سهى الأغا", "كيف تحولت خيمتها إلى صف دراسي.")], "{q:?}");
}

#[test]
fn industry_groups_are_a_group() {
    let q = quotes(&[
        "Industry groups have warned that broad restrictions could cost American firms billions of dollars.",
    ]);
    assert_eq!(q[0].1, Some(SpeakerKind::Group), "{q:?}");
}

#[test]
fn a_that_inside_the_reported_words_does_not_start_them() {
    let q = quotes(&[
        "Kim said her clients had documents showing that engineers flagged erosion at the dam in 2018.",
        "Gov. Ellen Marsh said on Tuesday in Lansing that the state had spent $30 million on repairs.",
    ]);
    let got: Vec<&str> = q.iter().map(|x| x.3.as_str()).collect();
    assert_eq!(
        got,
        [
            "her clients had documents showing that engineers flagged erosion at the dam in 2018.",
            "the state had spent $30 million on repairs."
        ],
        "{q:?}"
    );
}

#[test]
fn said_joined_to_a_verb_that_is_no_cue_has_the_sentence_subject() {
    let q = quotes(&[
        "Commerce Secretary Laura Bennett declined to discuss specific measures but said in an interview that the administration would use every tool.",
        "Rep. Mark Foster, a Republican from Ohio who chairs the House select committee on China, welcomed the move but said it came too late.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [
            ("Laura Bennett", "the administration would use every tool."),
            ("Mark Foster", "it came too late."),
        ],
        "{q:?}"
    );
}

#[test]
fn stressing_the_need_for_something_reports_it() {
    let q = quotes(&[
        "واعتبر الخبير مارك زيادة أن الخطة خطوة في الاتجاه الصحيح، لكنه شدد على ضرورة «إنشاء الهيئة الناظمة فوراً».",
        "وأكد على أهمية التعاون بين الوزارات.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [
            ("مارك زيادة", "الخطة خطوة في الاتجاه الصحيح"),
            // (As the shared gold has it: `وشدد على [حرص المملكة …]`.)
            ("مارك زيادة", "ضرورة «إنشاء الهيئة الناظمة فوراً»."),
            ("مارك زيادة", "أهمية التعاون بين الوزارات."),
        ],
        "{q:?}"
    );
}

#[test]
fn the_noun_after_the_verbs_preposition_opens_the_words_before_a_later_an() {
    let q = quotes(&[
        "وقال المحلل سامر القاضي إن الأسعار سترتفع.",
        "وشدد على ضرورة أن تتحرك الحكومة قبل نهاية العام، مشيراً إلى أهمية أن يشارك القطاع الخاص.",
        "وأشار إلى أن الطلب تراجع.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [
            ("سامر القاضي", "الأسعار سترتفع."),
            ("سامر القاضي", "ضرورة أن تتحرك الحكومة قبل نهاية العام"),
            ("سامر القاضي", "أهمية أن يشارك القطاع الخاص."),
            ("سامر القاضي", "الطلب تراجع."),
        ],
        "{q:?}"
    );
}

#[test]
fn a_named_subject_before_a_present_tense_verb() {
    let q = quotes(&[
        "وقال المتحدث باسم وزارة الموارد المائية خالد شمال إن الخزين المائي انخفض.",
        "لكن الباحث في شؤون المياه ماهر الحسني يرى أن المشكلة \"لا تتعلق بدول الجوار وحدها\"، موضحاً أن أساليب الري التقليدية تهدر المياه.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["خالد شمال", "ماهر الحسني", "ماهر الحسني"], "{q:?}");
}

#[test]
fn speaking_of_something_reports_what_follows_an() {
    let q = quotes(&[
        "وتحدثت الممرضة هدى عثمان، العاملة في المستشفى، عن نقص حاد في الأدوية والوقود.",
        "وتحدث المزارع عباس كاظم عن خسارته محصول الحنطة للعام الثالث.",
        "وتحدث الوزير إلى الصحفيين في المطار.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [
            ("هدى عثمان", "نقص حاد في الأدوية والوقود."),
            ("عباس كاظم", "خسارته محصول الحنطة للعام الثالث."),
        ],
        "{q:?}"
    );
}

#[test]
fn a_particle_inside_a_name() {
    let q = quotes(&[
        "\"This is not a normal summer episode,\" AEMET spokesman Ruben del Campo told AFP.",
        "Ursula von der Leyen, the commission's president, said the bloc would respond.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(who, ["Ruben del Campo", "Ursula von der Leyen"], "{q:?}");
}

#[test]
fn a_role_and_a_name_after_an_institution_are_its_holder() {
    let q = quotes(&[
        "European Commission President Ursula von der Leyen said the bloc would respond.",
        "Labour Party leader Keir Starmer said rates would stay high.",
        "The Office for National Statistics said inflation fell.",
    ]);
    let got: Vec<(&str, Option<SpeakerKind>)> = q.iter().map(|x| (x.0.as_str(), x.1)).collect();
    assert_eq!(
        got,
        [
            ("Ursula von der Leyen", Some(SpeakerKind::Person)),
            ("Keir Starmer", Some(SpeakerKind::Person)),
            ("Office for National Statistics", Some(SpeakerKind::Organization)),
        ],
        "{q:?}"
    );
}

#[test]
fn english_saying_reports_what_follows_it_without_that() {
    let q = quotes(&[
        "The interior minister, Karen Holt, visited the flooded town on Monday, saying the army would stay as long as needed.",
        "Residents were warned to stay indoors, adding to the strain on shops.",
    ]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "Karen Holt");
    assert_eq!(q[0].2, "saying");
    assert_eq!(q[0].3, "the army would stay as long as needed.");
    assert!(!q[0].4, "reported, not direct");
}

#[test]
fn an_english_passive_reporting_verb_is_no_cue() {
    let q = quotes(&[
        "Residents were warned to stay indoors, and shoppers were repeatedly told that stocks would last.",
        "It was said that the dam would hold.",
    ]);
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn english_words_before_an_inverted_said_belong_to_the_subject_after_it() {
    let q = quotes(&[
        "The port will reopen on Thursday, said Omar Haddad, a spokesman for the authority.",
        "Exports fell for a third month, said the officials, who asked not to be named.",
        "His sister, Maya Haddad, said the road had been closed since dawn.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        vec![
            ("Omar Haddad", "The port will reopen on Thursday"),
            ("officials", "Exports fell for a third month"),
            ("Maya Haddad", "the road had been closed since dawn."),
        ]
    );
}

#[test]
fn a_role_and_a_name_after_an_institutions_of_name_are_a_person() {
    let a = analyze(Document::from_text(
        "t",
        "Title\n\nReserve Bank of Australia Governor Michele Bullock said rates would stay on hold.\n\nThe Bank of Canada said it was watching prices.",
    ));
    let people: Vec<(&str, Option<&str>, SpeakerKind)> = a
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_deref(), s.kind))
        .collect();
    assert_eq!(
        people,
        vec![
            (
                "Michele Bullock",
                Some("Reserve Bank of Australia Governor"),
                SpeakerKind::Person
            ),
            ("Bank of Canada", None, SpeakerKind::Organization),
        ]
    );
}

#[test]
fn an_english_subject_stops_at_the_and_after_a_place_and_keeps_a_hyphenated_role() {
    let a = analyze(Document::from_text(
        "t",
        "Title\n\nShares fell in Tokyo and Kenji Mori said the slide would pass.\n\nUnited Nations Under-Secretary-General Rosa Alvarez said aid was blocked.",
    ));
    let people: Vec<(&str, Option<&str>)> = a
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        people,
        vec![
            ("Kenji Mori", None),
            ("Rosa Alvarez", Some("United Nations Under-Secretary-General")),
        ]
    );
}

#[test]
fn an_english_plea_appeal_or_warning_reports_what_it_asks_for() {
    let q = quotes(&[
        "Coastguard chief Maria Lopez issued a warning that the tide would turn by noon.",
        "The charity's director, Sam Okoye, renewed his call for donors to give blankets.",
        "The council made a decision to close the road.",
    ]);
    let got: Vec<(&str, &str, &str)> = speaker_cue_text(&q);
    assert_eq!(
        got,
        vec![
            ("Maria Lopez", "issued", "the tide would turn by noon."),
            ("Sam Okoye", "renewed", "for donors to give blankets."),
        ]
    );
}

#[test]
fn a_one_letter_title_and_its_dot_stand_before_the_name() {
    let q = quotes(&[
        "وقالت وكيلة الوزارة للتعليم د. هيا العواد إن المشهد رائع.",
        "وحذر م. سامي الحداد من تأخر المشروع، مؤكدا أن العمل مستمر.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(who[0], ("هيا العواد", Some(SpeakerKind::Person)), "{q:?}");
    assert!(who[1..].iter().all(|w| w.0 == "سامي الحداد"), "{q:?}");
}

#[test]
fn what_a_source_reported_is_said_by_the_subject_after_ma() {
    let q = quotes(&["وبدأ العمل، بحسب ما أفاد به مدير الجمعية خالد المطيري، في الموعد."]);
    let who = speakers_of(&q);
    assert_eq!(who, [("خالد المطيري", Some(SpeakerKind::Person))], "{q:?}");
}

#[test]
fn a_lone_function_word_or_addressee_is_no_speaker() {
    // `قال لي` "he told me": the addressee; `ذكر ما` "mentioned what".
    let q = quotes(&["وقال له الوزير إن الخطة جاهزة.", "وذكر لي أن الطريق مغلق."]);
    for (name, ..) in &q {
        assert!(!matches!(name.as_str(), "له" | "لي" | "ما"), "{q:?}");
    }
    assert_eq!(q[0].0, "الوزير", "{q:?}");
}

#[test]
fn a_part_of_a_group_speaks_as_the_group() {
    let q = quotes(&[
        "وأكد عدد من سكان الحي أن المياه انقطعت.",
        "وقال بعض المسؤولين إن الطريق سيفتح.",
    ]);
    let who = speakers_of(&q);
    assert_eq!(
        who,
        [
            ("عدد من سكان الحي", Some(SpeakerKind::Group)),
            ("بعض المسؤولين", Some(SpeakerKind::Group))
        ],
        "{q:?}"
    );
}

#[test]
fn an_honorific_pronoun_stands_for_the_person_speaking() {
    let q = quotes(&[
        "وقال أمير المنطقة الأمير فيصل بن خالد إن المشروع يخدم الأهالي.",
        "وأكد سموه أن العمل سينتهي قريبا.",
        "وقالت الوزيرة سارة الأحمد إن الخطة جاهزة، وأكدت معاليها أن التمويل متوفر.",
    ]);
    let who: Vec<&str> = q.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(
        who,
        ["فيصل بن خالد", "فيصل بن خالد", "سارة الأحمد", "سارة الأحمد"],
        "{q:?}"
    );
}

#[test]
fn a_citation_of_scripture_is_no_speakers_words() {
    let q = quotes(&[
        "وقال الشيخ أحمد الزهراني إن الصبر واجب.",
        "قال تعالى: «وبشر الصابرين».",
        "وقال رسول الله صلى الله عليه وسلم: «الدين النصيحة».",
    ]);
    assert!(
        q.iter().all(|x| !matches!(x.0.as_str(), "تعالى" | "صلى الله")),
        "{q:?}"
    );
    // Only the sheikh's `قال` reports words: neither of the citations does.
    assert_eq!(q.iter().filter(|x| x.2.ends_with("قال")).count(), 1, "{q:?}");
    assert_eq!(q[0].0, "أحمد الزهراني", "{q:?}");
}

#[test]
fn an_unlisted_role_or_an_honorific_of_office_is_no_name() {
    let q = quotes(&[
        "وأكد وكيل وزارة المياه لشؤون الكهرباء أن الطلب ارتفع.",
        "وأكد سماحة مفتي عام المملكة أن الوحدة واجبة.",
    ]);
    for (name, kind, ..) in &q {
        assert_ne!(*kind, Some(SpeakerKind::Person), "{q:?}");
        assert!(
            !matches!(name.as_str(), "وكيل" | "سماحة" | "لشؤون الكهرباء"),
            "{q:?}"
        );
    }
    assert_eq!(q.len(), 2, "{q:?}");
}

/// Words the corpus shows are no one's name alone never become a person:
/// a time (`يوم`), a count before a noun spelled like a cue (`طالب`), a
/// state speaking as its government, a kunya, one unnamed member of a group.
#[test]
fn common_words_counts_states_and_kunyas_after_a_cue_are_read_for_what_they_are() {
    let q = quotes(&["قال البيت الأبيض يوم الجمعة إن المحادثات ستستأنف الأسبوع المقبل."]);
    assert!(q.iter().all(|x| x.0 != "يوم"), "{q:?}");
    assert_eq!(q.len(), 1, "{q:?}");

    let q = quotes(&["وحرم أكثر من 300 ألف طالب وطالبة من امتحانات الشهادة العامة هذا العام."]);
    assert!(q.is_empty(), "{q:?}");

    let q = quotes(&["وأعلنت مصر أن المعبر سيفتح أمام المسافرين يومي الأحد والاثنين."]);
    assert_eq!(speakers_of(&q), [("مصر", Some(SpeakerKind::Organization))]);

    let q = quotes(&["أكدت أم محمد أن الزوار يقبلون على شراء المنتجات الشعبية في المهرجان."]);
    assert_eq!(speakers_of(&q), [("أم محمد", Some(SpeakerKind::Person))]);

    let q = quotes(&["وقال أحد العاملين في المؤسسة إن الرواتب تأخرت ثلاثة أشهر."]);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, Some(SpeakerKind::Anonymous), "{q:?}");

    let q = quotes(&["وأشارت تقارير إلى أن المفاوضات وصلت إلى طريق مسدود."]);
    assert_eq!(speakers_of(&q), [("تقارير", Some(SpeakerKind::Organization))]);

    let q = quotes(&["وكان مسؤول أفغاني قال في وقت سابق إن الملا توفي قبل عامين."]);
    assert!(q.iter().all(|x| x.0 != "وكان"), "{q:?}");
}

/// A reporting verb or participle with its own preposition and no أن
/// reports what follows the preposition; an object before it is skipped.
#[test]
fn a_cue_with_its_own_preposition_reports_what_follows_it() {
    let q = quotes(&[
        "وقال وزير النقل سامي الخطيب إن العمل بدأ.",
        "وأشار إلى تأخر وصول المعدات بسبب الأحوال الجوية.",
        "ودعا الخطيب المقاولين إلى تسريع إصدار التراخيص.",
        "وطالب الخطيب الجهات المعنية بتوفير الدعم اللازم للمشروع، محذراً من التأخر في التنفيذ.",
    ]);
    let got = speaker_text(&q);
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(got.iter().all(|(s, _)| *s == "سامي الخطيب"), "{got:?}");
    assert!(got[1].1.starts_with("تأخر وصول المعدات"), "{got:?}");
    assert!(got[2].1.starts_with("تسريع إصدار"), "{got:?}");
    assert!(got[3].1.starts_with("بتوفير الدعم"), "{got:?}");
    assert!(got[4].1.starts_with("التأخر في التنفيذ"), "{got:?}");
}

/// The person who closes a subject phrase speaks, not the one an
/// institution in it is named for.
#[test]
fn the_name_that_closes_the_subject_speaks_not_the_one_an_institution_is_named_for() {
    let q = quotes(&[
        "وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ، أن الفعاليات تنطلق اليوم.",
    ]);
    assert_eq!(speakers_of(&q), [("رأفت الصباغ", Some(SpeakerKind::Person))]);
}

/// A curly quotation mark opened while another is still open closes the
/// first at its last sentence end, so the cue between them is found.
#[test]
fn a_curly_mark_reopened_closes_the_unclosed_one_at_its_last_sentence_end() {
    let q = quotes(&[
        "وقالت المنظمة الدولية، إن الدول ستستفيد لأن “المشاركين سيلغون الرسوم على الواردات. وقال المدير العام للمنظمة، روبرتو أزيفيدو، إن هذا “أول اتفاق جمركي كبير منذ 18 عاما”.",
    ]);
    let got = speakers_of(&q);
    assert!(
        got.contains(&("روبرتو أزيفيدو", Some(SpeakerKind::Person))),
        "{q:?}"
    );
}

/// A name goes on after بن whatever else its next word can be; a cue's
/// spelling after a preposition is a noun; the object of لفت النظر is no
/// subject.
#[test]
fn genealogy_prepositions_and_idioms_do_not_make_false_speakers() {
    let q = quotes(&["وقال الأمير عبدالله بن مساعد في تصريح صحفي إن الاجتماع كان مثمرا."]);
    assert_eq!(speakers_of(&q), [("عبدالله بن مساعد", Some(SpeakerKind::Person))]);

    let q = quotes(&["وعبّر ولي العهد عن أبلغ التهاني وأطيب التمنيات بموفور الصحة للرئيس."]);
    assert!(q.iter().all(|x| !x.0.contains("التمنيات")), "{q:?}");

    let q = quotes(&[
        "وقال رئيس الهيئة سامي الخطيب إن العمل بدأ.",
        "ولفت النظر إلى أن الهيئة سعت إلى إقامة علاقات شراكة.",
    ]);
    assert_eq!(
        speakers_of(&q),
        [
            ("سامي الخطيب", Some(SpeakerKind::Person)),
            ("سامي الخطيب", Some(SpeakerKind::Person))
        ]
    );
}

/// A state after a preposition is a place, not the subject a subjectless
/// cue goes back to.
#[test]
fn a_place_after_a_preposition_is_not_a_fronted_subject() {
    let q = quotes(&[
        "وقال المتحدث سامي الخطيب إن القوافل انطلقت.",
        "كما أشاد الخطيب بالدعم الذي ظل يوجه إلى الإغاثة في اليمن، وأبان أن المركز سيوزع 100 ألف سلة.",
    ]);
    assert!(q.iter().all(|x| x.0 == "سامي الخطيب"), "{q:?}");
    assert_eq!(q.len(), 2, "{q:?}");
}

#[test]
fn a_family_name_that_is_also_a_common_word_is_the_person_named_before() {
    // `الكاميرون` is Cameroon: alone, `كاميرون` is no one's name, unless the
    // text named someone with it before. A homograph verb that opens the
    // sentence and reports nothing (`علق … على`) leaves its subject to the
    // cue after it.
    let q = quotes(&[
        "وجهت لرئيس الوزراء البريطاني ديفيد كاميرون انتقادات شديدة.",
        "وقالت النائبة سارة الحربي إن التصريحات مؤسفة.",
        "وعلق كاميرون خلال زيارة له إلى فيتنام على أزمة المهاجرين، وقال إن بريطانيا لن تصبح ملاذا.",
        "وقال كاميرون أمس إنه سيجري ترحيل مزيد من المهاجرين.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(
        got,
        [
            ("سارة الحربي", "التصريحات مؤسفة."),
            ("ديفيد كاميرون", "بريطانيا لن تصبح ملاذا."),
            ("ديفيد كاميرون", "سيجري ترحيل مزيد من المهاجرين."),
        ],
        "{q:?}"
    );
}

#[test]
fn a_cue_spelling_after_a_preposition_is_a_noun() {
    // `عن أبلغ التهاني` "the deepest congratulations", `في وصف` "in
    // describing": no finite verb follows a preposition.
    let q = quotes(&[
        "وبعث الوزير خالد الراشد برقية عبر فيها عن أبلغ التهاني وأطيب التمنيات لفخامته، ولحكومة وشعب البلد الصديق المزيد من التقدم.",
        "وتحدث الكاتب في وصف المدينة القديمة عن أسواقها.",
        "وقال خالد الراشد إن العلاقات متينة.",
    ]);
    let got: Vec<(&str, &str)> = speaker_text(&q);
    assert_eq!(got, [("خالد الراشد", "العلاقات متينة.")], "{q:?}");
}
