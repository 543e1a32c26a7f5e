use super::*;

fn assert_serde_matches_code<
    T: Code + serde::Serialize + serde::de::DeserializeOwned + utoipa::PartialSchema,
>() {
    for member in T::all() {
        let json = serde_json::to_string(member).expect("serialises");
        assert_eq!(json, format!("\"{}\"", member.code()), "{member:?}");
        let back: T = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, *member);
        assert_eq!(T::parse(member.code()), Ok(*member));
        assert!(!member.label_en().is_empty());
    }
    let schema = serde_json::to_value(T::schema()).expect("schema");
    let documented: Vec<&str> = schema["enum"]
        .as_array()
        .expect("an enum schema")
        .iter()
        .filter_map(serde_json::Value::as_str)
        .collect();
    let codes: Vec<&str> = T::all().iter().map(|m| m.code()).collect();
    assert_eq!(documented, codes, "OpenAPI enum of {}", T::KIND);
    let mut codes = codes;
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), T::all().len(), "duplicate code in {}", T::KIND);
}

#[test]
fn serde_uses_the_code_for_every_list() {
    assert_serde_matches_code::<Language>();
    assert_serde_matches_code::<Cuisine>();
    assert_serde_matches_code::<DietaryLaw>();
    assert_serde_matches_code::<Faith>();
    assert_serde_matches_code::<Ethnicity>();
    assert_serde_matches_code::<FaithPractice>();
    assert_serde_matches_code::<Service>();
    assert_serde_matches_code::<Experience>();
    assert_serde_matches_code::<CheckKind>();
    assert_serde_matches_code::<Community>();
    assert_serde_matches_code::<ProviderKind>();
    assert_serde_matches_code::<Gender>();
    assert_serde_matches_code::<TravelMode>();
    assert_serde_matches_code::<EmploymentStatus>();
    assert_serde_matches_code::<Weekday>();
    assert_serde_matches_code::<MedicalDiet>();
    assert_serde_matches_code::<DeliveryMode>();
}

#[test]
fn punjabi_varieties_and_pahari_confirm_dialect_but_never_match_silently() {
    use LanguageRelation::{ConfirmDialect, Unrelated};
    assert_eq!(Language::Pnb.relation_to(Language::Pan), ConfirmDialect);
    assert_eq!(Language::Pan.relation_to(Language::Pnb), ConfirmDialect);
    assert_eq!(Language::Phr.relation_to(Language::Pnb), ConfirmDialect);
    assert_eq!(Language::Phr.relation_to(Language::Urd), Unrelated);
    assert_eq!(Language::Pnb.relation_to(Language::Phr), Unrelated);
    assert_eq!(Language::parse("phr"), Ok(Language::Phr));
    assert!(Language::Phr.aliases().contains(&"Mirpuri"));
}

#[test]
fn every_language_has_its_own_name() {
    for language in Language::ALL {
        assert!(language.autonym().is_some(), "{language:?}");
    }
    assert_eq!(Language::Yue.autonym(), Some("廣東話"));
    assert_eq!(Language::Pan.autonym(), Some("ਪੰਜਾਬੀ"));
    assert_eq!(Language::Som.autonym(), Some("Soomaali"));
    assert_eq!(Cuisine::Cantonese.autonym(), None);
}

#[test]
fn unknown_code_names_the_list() {
    let err = Language::parse("klingon").expect_err("not a language");
    assert_eq!(err.to_string(), "`klingon` is not a known language code");
    assert!(
        "Halal".parse::<DietaryLaw>().is_err(),
        "codes are case sensitive"
    );
}

#[test]
fn macrolanguage_never_counts_as_the_specific_language() {
    assert_eq!(
        Language::Yue.relation_to(Language::Yue),
        LanguageRelation::Same
    );
    assert_eq!(
        Language::Yue.relation_to(Language::Zho),
        LanguageRelation::ConfirmDialect
    );
    assert_eq!(
        Language::Hak.relation_to(Language::Zho),
        LanguageRelation::ConfirmDialect
    );
    assert_eq!(
        Language::Syl.relation_to(Language::Ben),
        LanguageRelation::ConfirmDialect
    );
    // A specific language does not satisfy a different member of the same macrolanguage.
    assert_eq!(
        Language::Yue.relation_to(Language::Cmn),
        LanguageRelation::Unrelated
    );
    // Someone who asked for "Chinese, dialect not stated" is not matched by a macrolanguage rule.
    assert_eq!(
        Language::Zho.relation_to(Language::Yue),
        LanguageRelation::Unrelated
    );
}

#[test]
fn code_set_is_a_bitset() {
    let needed: CodeSet<Service> = [Service::PersonalCare, Service::MealPreparation]
        .into_iter()
        .collect();
    let offered: CodeSet<Service> = [
        Service::PersonalCare,
        Service::MealPreparation,
        Service::Shopping,
    ]
    .into_iter()
    .collect();
    assert!(offered.contains_all(needed));
    assert!(!needed.contains_all(offered));
    assert_eq!(
        offered.difference(needed).iter().collect::<Vec<_>>(),
        vec![Service::Shopping]
    );
    assert_eq!(offered.len(), 3);
    assert_eq!(
        format!("{needed:?}"),
        r#"{"personal_care", "meal_preparation"}"#
    );
}
