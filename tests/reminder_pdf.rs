//! The take-home reminder PDF, checked the way a printer and a person would see it: the text that
//! `pdftotext` (poppler-utils) gets back, the page count `pdfinfo` reports, the embedded fonts
//! `pdffonts` lists, the font sizes in the content streams, and the layout's margins.

use std::path::Path;
use std::process::Command;

use opora::reminder::layout::{
    BODY_SIZE, HEADING_SIZE, HOTLINE_SIZE, LINE_SPACING, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X,
    PAGE_HEIGHT, PAGE_WIDTH, Role,
};
use opora::reminder::{Reminder, layout, write_pdf};

fn russian() -> Reminder {
    Reminder {
        title: "Как безопасно переводить деньги".into(),
        subtitle: Some("Памятка для Марии Ивановны, 26 ноября 2026".into()),
        steps_heading: "Что мы сделали".into(),
        steps: vec![
            "Открыли раздел «Переводы».".into(),
            "Выбрали внука Сашу из списка получателей.".into(),
            "Ввели сумму 300\u{a0}₽ и проверили имя получателя.".into(),
            "Подтвердили перевод своим ПИН-кодом и никому его не сказали.".into(),
        ],
        hotline_heading: "Телефон банка".into(),
        hotline: "8\u{a0}800\u{a0}100-00-00".into(),
        hotline_note: Some("Звонок бесплатный, круглосуточно. Номер есть на обороте карты.".into()),
        rules_heading: "Три правила против мошенников".into(),
        rules: vec![
            "Банк никогда не просит назвать код из СМС. Положите трубку.".into(),
            "«Безопасного счёта» не бывает. Не переводите деньги по просьбе звонящего.".into(),
            "Не спешите. Перезвоните в банк сами по номеру с карты.".into(),
        ],
        footer: Some("Опора — тренажёр. Настоящие деньги не тратились.".into()),
    }
}

fn english() -> Reminder {
    Reminder {
        title: "How to send money safely".into(),
        subtitle: Some("A reminder for Mary Johnson, 26 November 2026".into()),
        steps_heading: "What we did".into(),
        steps: vec![
            "Opened Transfers.".into(),
            "Chose your grandson Sasha from the list of payees.".into(),
            "Typed 300 ₽ and checked the payee's name.".into(),
        ],
        hotline_heading: "Your bank's phone number".into(),
        hotline: "8 800 100-00-00".into(),
        hotline_note: None,
        rules_heading: "Three rules against fraud".into(),
        rules: vec![
            "The bank never asks for a code from a text message. Hang up.".into(),
            "There is no such thing as a \"safe account\".".into(),
            "Do not hurry. Call the bank yourself on the number on your card.".into(),
        ],
        footer: None,
    }
}

/// 40 steps and a 300-character line without a space, as a step and as a rule.
fn long() -> Reminder {
    let mut reminder = russian();
    let long_word = "Ж".repeat(150) + &"8".repeat(150);
    reminder.steps = (1..=40)
        .map(|i| {
            format!(
                "Шаг {i}: внимательно прочитайте, что написано на экране, и нажмите крупную \
                 кнопку «Далее», когда будете готовы."
            )
        })
        .collect();
    reminder.steps[7] = long_word.clone();
    reminder.rules.push(long_word);
    reminder
}

/// Runs a poppler tool; the suite needs poppler-utils (`scripts/setup.sh test` installs it).
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} ({e}); run scripts/setup.sh test"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// Words separated by single spaces; no-break spaces count as spaces.
fn normalize(text: &str) -> String {
    text.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A field of `pdfinfo`'s report, such as «Pages» or «Page size».
fn pdfinfo(pdf: &Path, field: &str) -> String {
    let info = poppler("pdfinfo", &["-enc", "UTF-8"], pdf);
    let prefix = format!("{field}:");
    let line = info
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("pdfinfo has no {field}:\n{info}"));
    line[prefix.len()..].trim().to_string()
}

fn page_count(pdf: &Path) -> usize {
    pdfinfo(pdf, "Pages").parse().expect("a number of pages")
}

/// Every `Tf` operator's size in the file's (uncompressed) content streams.
fn font_sizes(bytes: &[u8]) -> Vec<f32> {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .filter_map(|l| l.strip_suffix(" Tf"))
        .filter_map(|l| l.split_whitespace().last()?.parse().ok())
        .collect()
}

fn check_reminder(reminder: &Reminder, file_name: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("session").join(file_name);
    write_pdf(reminder, &pdf).expect("reminder written");
    let bytes = std::fs::read(&pdf).expect("read back");
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(
        bytes.len() < 200_000,
        "fonts are subset: {} bytes",
        bytes.len()
    );

    let text = normalize(&poppler("pdftotext", &["-enc", "UTF-8", "-layout"], &pdf));
    let mut expected = vec![
        &reminder.title,
        &reminder.steps_heading,
        &reminder.hotline_heading,
        &reminder.hotline,
        &reminder.rules_heading,
    ];
    expected.extend(&reminder.steps);
    expected.extend(&reminder.rules);
    expected.extend(&reminder.subtitle);
    expected.extend(&reminder.hotline_note);
    expected.extend(&reminder.footer);
    for wanted in expected {
        assert!(
            text.contains(&normalize(wanted)),
            "{wanted:?} missing from:\n{text}"
        );
    }
    assert!(text.contains("₽"));
    let laid = layout(reminder).expect("layout");
    assert_eq!(page_count(&pdf), laid.pages.len());
    assert!(pdfinfo(&pdf, "Page size").ends_with("(A4)"));
    assert_eq!(pdfinfo(&pdf, "Title"), reminder.title);

    // Both faces are embedded subsets with a ToUnicode map («emb sub uni» = yes yes yes).
    let fonts = poppler("pdffonts", &[], &pdf);
    for name in ["OPORAR+DejaVuSans ", "OPORAB+DejaVuSans-Bold "] {
        let row = fonts
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{fonts}"));
        assert!(row.contains("CID TrueType"), "{row}");
        assert!(row.contains("yes yes yes"), "{row}");
    }

    let sizes = font_sizes(&bytes);
    assert!(sizes.iter().all(|s| *s >= 16.0), "{sizes:?}");
    for wanted in [BODY_SIZE, HEADING_SIZE, HOTLINE_SIZE] {
        assert!(sizes.contains(&wanted), "no text at {wanted} pt: {sizes:?}");
    }
}

#[test]
fn russian_reminder_reads_back_with_cyrillic_and_the_rouble_sign() {
    check_reminder(&russian(), "памятка.pdf");
}

#[test]
fn english_reminder_reads_back() {
    check_reminder(&english(), "reminder.pdf");
}

#[test]
fn sizes_spacing_and_margins_are_large_print() {
    let laid = layout(&russian()).expect("layout");
    let lines: Vec<_> = laid.pages.iter().flat_map(|p| &p.lines).collect();
    for line in &lines {
        let least = match line.role {
            Role::Title | Role::Heading => 24.0,
            Role::Hotline => 36.0,
            _ => 16.0,
        };
        assert!(line.size >= least, "{line:?}");
    }
    // Generous line spacing: each line's baseline is at least 1.4 × its size below the previous.
    for page in &laid.pages {
        for pair in page.lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if b.role != Role::ItemNumber && b.role != Role::PageNumber {
                assert!(
                    a.baseline - b.baseline >= 1.4 * b.size - 0.01,
                    "{a:?}\n{b:?}"
                );
            }
        }
    }
    const { assert!(LINE_SPACING >= 1.4) };
    // Margins of at least 20 mm.
    const { assert!(MARGIN_X >= 56.0 && MARGIN_TOP >= 56.0 && MARGIN_BOTTOM >= 56.0) };
    // Every step and rule is numbered.
    let numbers: Vec<&str> = lines
        .iter()
        .filter(|l| l.role == Role::ItemNumber)
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(numbers, ["1.", "2.", "3.", "4.", "1.", "2.", "3."]);
    // The hotline sits inside its frame.
    let frame = laid
        .pages
        .iter()
        .flat_map(|p| &p.frames)
        .next()
        .expect("hotline frame");
    let hotline = lines
        .iter()
        .find(|l| l.role == Role::Hotline)
        .expect("hotline");
    assert!(hotline.baseline > frame.y && hotline.baseline < frame.y + frame.height);
    assert!(hotline.x > frame.x && hotline.x + hotline.width < frame.x + frame.width);
}

#[test]
fn a_long_reminder_wraps_within_the_margins_and_runs_onto_more_pages() {
    let reminder = long();
    let long_word = "Ж".repeat(150) + &"8".repeat(150);
    assert_eq!(reminder.steps[7], long_word);

    let laid = layout(&reminder).expect("layout");
    assert!(laid.pages.len() >= 4, "{} pages", laid.pages.len());
    let right = PAGE_WIDTH - MARGIN_X;
    for (p, page) in laid.pages.iter().enumerate() {
        for line in &page.lines {
            assert!(line.x >= MARGIN_X - 0.01, "page {p}: {line:?}");
            assert!(
                line.x + line.width <= right + 0.01,
                "page {p} overflows: {line:?}"
            );
            if line.role != Role::PageNumber {
                assert!(
                    line.baseline - 0.3 * line.size >= MARGIN_BOTTOM,
                    "page {p}: {line:?}"
                );
                assert!(line.baseline + line.size <= PAGE_HEIGHT - MARGIN_TOP + 1.0);
            }
        }
        // A heading never ends a page.
        let last = page
            .lines
            .iter()
            .rfind(|l| l.role != Role::PageNumber)
            .expect("a line");
        assert_ne!(last.role, Role::Heading, "page {p} ends with a heading");
        let number = page
            .lines
            .iter()
            .find(|l| l.role == Role::PageNumber)
            .expect("page number");
        assert_eq!(number.text, format!("{} / {}", p + 1, laid.pages.len()));
    }
    // Words are never cut unless alone wider than the line: only the long word is split.
    let item_lines: Vec<&str> = laid
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| l.role == Role::Item)
        .map(|l| l.text.as_str())
        .collect();
    let words: Vec<&str> = item_lines.iter().flat_map(|l| l.split(' ')).collect();
    for step in &reminder.steps[..7] {
        for word in step.split(' ') {
            assert!(words.contains(&word), "{word:?} was cut");
        }
    }
    assert!(item_lines.iter().filter(|l| l.starts_with('Ж')).count() >= 2);

    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("long.pdf");
    write_pdf(&reminder, &pdf).expect("written");
    assert_eq!(page_count(&pdf), laid.pages.len());
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    // Page numbers («2 / 5») may fall inside a step that runs onto the next page.
    let is_page_number = |l: &str| {
        let parts: Vec<&str> = l.split('/').map(str::trim).collect();
        parts.len() == 2 && parts.iter().all(|p| p.parse::<usize>().is_ok())
    };
    let squeezed: String = text
        .lines()
        .filter(|l| !is_page_number(l))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect();
    for step in &reminder.steps {
        let step: String = step.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squeezed.contains(&step), "{step} missing");
    }
}

mod real_font {
    use super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        let word = proptest::string::string_regex("[а-яёА-ЯЁa-zA-Z0-9₽«».,!—-]{1,40}")
            .expect("valid regex");
        let sep = prop_oneof![Just(" "), Just("\u{a0}"), Just("  ")];
        prop::collection::vec((word, sep), 1..25)
            .prop_map(|words| words.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// With DejaVu's real widths: no line crosses a margin, and every step's letters come
        /// back in order from the item lines.
        #[test]
        fn lines_stay_inside_the_margins(
            title in text(),
            steps in prop::collection::vec(text(), 1..12),
            hotline in text(),
        ) {
            let reminder = Reminder { title, steps: steps.clone(), hotline, ..russian() };
            let laid = layout(&reminder).expect("layout");
            let mut items = String::new();
            for page in &laid.pages {
                for line in &page.lines {
                    prop_assert!(line.x >= MARGIN_X - 0.01, "{line:?}");
                    prop_assert!(line.x + line.width <= PAGE_WIDTH - MARGIN_X + 0.01, "{line:?}");
                    if line.role != Role::PageNumber {
                        prop_assert!(line.baseline - 0.3 * line.size >= MARGIN_BOTTOM, "{line:?}");
                    }
                }
                for line in page.lines.iter().filter(|l| l.role == Role::Item) {
                    items.push_str(&line.text);
                }
            }
            let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let wanted: String = steps.iter().chain(&reminder.rules).map(|s| letters(s)).collect();
            prop_assert_eq!(letters(&items), wanted);
        }
    }
}
