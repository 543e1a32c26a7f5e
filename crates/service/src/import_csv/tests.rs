use super::*;

const TEMPLATE: &str = include_str!("../../../../docs/import-template.csv");

#[test]
fn the_template_parses() {
    let rows = parse_carers(TEMPLATE.as_bytes()).expect("template parses");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].line, 2);
    assert_eq!(rows[0].details.languages[0].code, Language::Yue);
}

#[test]
fn every_bad_cell_is_reported_with_its_line_and_column() {
    let mut lines: Vec<&str> = TEMPLATE.lines().collect();
    let good = lines[1].to_owned();
    let bad_language = good.replacen("yue:native", "xx:native", 1);
    let bad_slot = good.replacen("mon 09:00-13:00", "mon 13:00-09:00", 1);
    lines.push(&bad_language);
    lines.push(&bad_slot);
    let file = lines.join("\n");
    let errors = parse_carers(file.as_bytes()).expect_err("bad rows");
    let places: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
    assert!(places.contains(&(4, "languages")), "{errors:?}");
    assert!(places.contains(&(5, "availability")), "{errors:?}");
    // The external_ref of the good first row is repeated on lines 4 and 5.
    assert!(places.contains(&(4, "external_ref")), "{errors:?}");
}

#[test]
fn rates_are_pounds() {
    assert_eq!(parse_pounds("13.50").map(RatePence::pence), Ok(1350));
    assert_eq!(parse_pounds("£14").map(RatePence::pence), Ok(1400));
    assert_eq!(parse_pounds("12.5").map(RatePence::pence), Ok(1250));
    assert!(parse_pounds("-3").is_err());
    assert!(parse_pounds("12.345").is_err());
}

/// The template's header and its two rows.
fn template() -> (String, String, String) {
    let mut lines = TEMPLATE.lines().map(str::to_owned);
    let mut next = || lines.next().expect("a template line");
    (next(), next(), next())
}

/// The problems of a file, as (line, column) pairs.
fn places(errors: &[RowError]) -> Vec<(u64, &str)> {
    errors.iter().map(|e| (e.line, e.column.as_str())).collect()
}

const BIO: &str =
    "\"I cook Cantonese home food and have cared for my grandmother, who had dementia.\"";

#[test]
fn faith_consent_is_yes_no_or_blank_and_off_unless_given() {
    let (header, first, second) = template();
    let rows = parse_carers(format!("{header}\n{first}\n{second}\n").as_bytes())
        .expect("the template imports");
    let consents: Vec<bool> = rows
        .iter()
        .map(|r| r.details.faith_public_consent)
        .collect();
    assert_eq!(consents, [false, true]);
    let bad = second.replacen(",muslim,yes,", ",muslim,maybe,", 1);
    let errors =
        parse_carers(format!("{header}\n{first}\n{bad}\n").as_bytes()).expect_err("not yes or no");
    assert_eq!(places(&errors), [(3, "faith_public_consent")], "{errors:?}");
    let blank = second.replacen(",muslim,yes,", ",muslim,,", 1);
    let rows = parse_carers(format!("{header}\n{blank}\n").as_bytes()).expect("blank");
    assert!(!rows[0].details.faith_public_consent);
}

#[test]
fn capacity_diets_and_lgbt_inclusion_are_read_with_their_defaults() {
    let (header, first, second) = template();
    let rows = parse_carers(format!("{header}\n{first}\n{second}\n").as_bytes())
        .expect("the template imports");
    let first = &rows[0].details;
    assert_eq!(
        first.medical_diets,
        [MedicalDiet::Diabetic, MedicalDiet::Soft]
    );
    assert!(first.lgbt_inclusive && first.accepting_new_clients);
    assert_eq!(
        first.accepting_confirmed_on,
        NaiveDate::from_ymd_opt(2026, 11, 1)
    );
    let second_row = &rows[1].details;
    assert!(!second_row.lgbt_inclusive && !second_row.accepting_new_clients);
    assert!(second_row.medical_diets.is_empty());
    // Blank capacity: taking new clients, never confirmed.
    let blank = second.replacen(",20,no,2026-10-20,", ",20,,,", 1);
    let rows = parse_carers(format!("{header}\n{blank}\n").as_bytes()).expect("blank");
    assert!(rows[0].details.accepting_new_clients);
    assert_eq!(rows[0].details.accepting_confirmed_on, None);
    let bad = second
        .replacen(",20,no,2026-10-20,", ",20,full,2026-13-01,", 1)
        .replacen(",halal,,", ",halal,mushy,", 1);
    let errors = parse_carers(format!("{header}\n{bad}\n").as_bytes()).expect_err("bad");
    assert_eq!(
        places(&errors),
        [
            (2, "medical_diets"),
            (2, "accepting_new_clients"),
            (2, "accepting_confirmed_on")
        ],
        "{errors:?}"
    );
}

#[test]
fn an_unclosed_quote_at_the_end_cannot_swallow_the_rows_after_it() {
    let (header, first, second) = template();
    let unclosed = first.replace(BIO, BIO.trim_end_matches('"'));
    let file = format!("{header}\n{unclosed}\n{second}\n");
    let errors = parse_carers(file.as_bytes()).expect_err("swallowed row");
    assert_eq!(places(&errors), [(2, "bio")], "{errors:?}");
    assert!(errors[0].reason.contains("closing quote"), "{errors:?}");
}

#[test]
fn a_multi_line_bio_is_kept_but_a_row_swallowed_up_to_its_quoted_bio_is_refused() {
    let (header, first, second) = template();
    let bio = "\"I cook Cantonese home food.\nI cared for my grandmother, who had dementia,\r\n\
                   for six years; - and I drive, 8 km, yes.\"";
    let file = format!("{header}\n{}\n{second}\n", first.replace(BIO, bio));
    let rows = parse_carers(file.as_bytes()).expect("a multi-line bio");
    assert_eq!(rows.len(), 2);
    assert!(rows[0].details.bio.contains("food.\nI cared"));
    assert_eq!(
        rows[0].details.contact.email.as_deref(),
        Some("mei@example.org")
    );
    assert_eq!(
        rows[1].line, 5,
        "the second row starts after the bio's three lines"
    );

    // The open quote closes at the next row's quoted bio: the cell count comes out right,
    // and only the shape of the swallowed line gives it away.
    let unclosed = first.replace(BIO, BIO.trim_end_matches('"'));
    let quoted = second.replacen(",2026-10-20,,", ",2026-10-20,\"I drive.\",", 1);
    let third = first.replace("PA-0001", "PA-0003");
    let file = format!("{header}\n{unclosed}\n{quoted}\n{third}\n");
    let errors = parse_carers(file.as_bytes()).expect_err("swallowed row");
    assert_eq!(places(&errors), [(2, "bio")], "{errors:?}");
    assert!(errors[0].reason.contains("(line 3)"), "{errors:?}");
}

#[test]
fn a_line_break_outside_bio_is_an_unclosed_quote() {
    let (header, first, second) = template();
    let broken = first.replacen(",Lam,", ",\"Lam\nJr\",", 1);
    let file = format!("{header}\n{broken}\n{second}\n");
    let errors = parse_carers(file.as_bytes()).expect_err("line break in a name");
    assert_eq!(places(&errors), [(2, "family_name")], "{errors:?}");
}

#[test]
fn rows_need_exactly_the_header_s_cells() {
    let (header, first, second) = template();
    let short = first.rsplit_once(',').expect("a comma").0.to_owned();
    let long = format!("{second},extra");
    let file = format!("{header}\n{short}\n{long}\n");
    let errors = parse_carers(file.as_bytes()).expect_err("bad cell counts");
    assert_eq!(places(&errors), [(2, ""), (3, "")], "{errors:?}");
    assert!(
        errors[0]
            .reason
            .starts_with("30 values but the header has 31")
    );
    assert!(errors[1].reason.starts_with("32 values"));
}

#[test]
fn formula_triggers_are_refused_except_where_they_are_text() {
    let (header, first, second) = template();
    let allowed = first
        .replace("0116 496 0123", "+44 116 496 0123")
        .replace(BIO, "\"- I cook; @home; + I drive\"");
    let rows = parse_carers(format!("{header}\n{allowed}\n").as_bytes()).expect("allowed");
    assert_eq!(
        rows[0].details.contact.phone.as_deref(),
        Some("+44 116 496 0123")
    );
    assert_eq!(rows[0].details.bio, "- I cook; @home; + I drive");

    let formulas = second
        .replacen("Abdul", "=cmd|' /C calc'!A0", 1)
        .replacen(",Rahman,", ",\"\tRahman\",", 1)
        .replacen("£14", "-14", 1)
        .replacen("PA-0002", "@SUM(1+1)", 1)
        .replacen("07700 900123", "=1+1", 1);
    let errors = parse_carers(format!("{header}\n{formulas}\n").as_bytes()).expect_err("formulas");
    assert_eq!(
        places(&errors),
        [
            (2, "external_ref"),
            (2, "given_name"),
            (2, "family_name"),
            (2, "hourly_rate"),
            (2, "phone")
        ],
        "{errors:?}"
    );
    assert!(
        errors.iter().all(|e| e.reason.contains("formula")),
        "{errors:?}"
    );
}

#[test]
fn nul_and_bad_utf8_are_named_by_cell() {
    let (header, first, second) = template();
    let nul = first.replacen("Mei", "Mei\0", 1);
    let mut file = format!("{header}\n{nul}\n").into_bytes();
    let bad = second.replacen("Abdul", "Abd\u{fffd}ul", 1);
    file.extend(bad.replace('\u{fffd}', "\u{1}").as_bytes());
    // Put a lone continuation byte (invalid UTF-8) where the marker is.
    let at = file.iter().position(|b| *b == 1).expect("marker");
    file[at] = 0x80;
    let errors = parse_carers(&file).expect_err("NUL and bad UTF-8");
    assert_eq!(
        places(&errors),
        [(2, "given_name"), (3, "given_name")],
        "{errors:?}"
    );
    assert!(errors[0].reason.contains("NUL"));
    assert!(errors[1].reason.contains("UTF-8"));
}

#[test]
fn every_kind_of_problem_is_reported_in_one_pass() {
    let (header, first, second) = template();
    let rows = [
        first.replacen("yue:native", "xx:native", 1),
        second.replacen("Abdul", "=Abdul", 1),
        "PA-0009,Too,Few".to_owned(),
        second
            .replacen("PA-0002", "PA-0010", 1)
            .replacen("Abdul", "Ab\0dul", 1),
        first
            .replacen(",Lam,", ",\"Lam\nJr\",", 1)
            .replacen("PA-0001", "PA-0011", 1),
        second.replacen("PA-0002", "PA-0012", 1),
    ];
    let file = format!("{header}\n{}\n", rows.join("\n"));
    let errors = parse_carers(file.as_bytes()).expect_err("many problems");
    assert_eq!(
        places(&errors),
        [
            (2, "languages"),
            (3, "given_name"),
            (4, ""),
            (5, "given_name"),
            (6, "family_name")
        ],
        "{errors:?}"
    );
}

#[test]
fn header_problems_are_reported_on_line_one() {
    let errors = parse_carers(b"given_name,nickname\nMei,M").expect_err("bad header");
    assert!(errors.iter().all(|e| e.line == 1));
    assert!(errors.iter().any(|e| e.column == "nickname"));
    assert!(errors.iter().any(|e| e.column == "languages"));
}

#[test]
fn a_cell_our_exports_neutralised_reads_as_written_and_is_then_checked() {
    let (header, first, _) = template();
    let phone = first.replacen("0116 496 0123", "'+44 116 496 0123", 1);
    let file = format!("{header}\n{phone}\n");
    let rows = parse_carers(file.as_bytes()).expect("a neutralised phone number");
    assert_eq!(
        rows[0].details.contact.phone.as_deref(),
        Some("+44 116 496 0123")
    );
    // The prefix does not let a formula into a column that refuses one.
    let name = first.replacen("Mei", "'=cmd()", 1);
    let file = format!("{header}\n{name}\n");
    let errors = parse_carers(file.as_bytes()).expect_err("a formula in a name");
    assert_eq!(places(&errors), [(2, "given_name")], "{errors:?}");
    // A `'` before anything else is part of the text.
    let name = first.replacen("Mei", "'Mei", 1);
    let file = format!("{header}\n{name}\n");
    let rows = parse_carers(file.as_bytes()).expect("a quote in a name");
    assert_eq!(rows[0].details.given_name, "'Mei");
}

/// The template with two more columns at the end: `ethnicity` and `ethnicity_consent`.
fn with_ethnicity(first: (&str, &str), second: (&str, &str)) -> String {
    let (header, a, b) = template();
    format!(
        "{header},ethnicity,ethnicity_consent\n{a},{},{}\n{b},{},{}\n",
        first.0, first.1, second.0, second.1
    )
}

#[test]
fn ethnicity_is_optional_and_recorded_only_with_consent() {
    // The template has no ethnicity columns: nobody has one.
    let rows = parse_carers(TEMPLATE.as_bytes()).expect("template");
    assert!(rows.iter().all(|r| r.details.ethnicity.is_none()));
    let rows = parse_carers(with_ethnicity(("asian_chinese", "yes"), ("", "")).as_bytes())
        .expect("consented and blank");
    assert_eq!(rows[0].details.ethnicity, Some(Ethnicity::AsianChinese));
    assert!(rows[0].details.ethnicity_consent);
    assert_eq!(rows[1].details.ethnicity, None);
    assert!(!rows[1].details.ethnicity_consent);
    // A group without consent, and an unknown group: both rows refused.
    let errors =
        parse_carers(with_ethnicity(("black_african", "no"), ("martian", "yes")).as_bytes())
            .expect_err("refused");
    assert_eq!(
        places(&errors),
        [(2, "ethnicity"), (3, "ethnicity")],
        "{errors:?}"
    );
}
