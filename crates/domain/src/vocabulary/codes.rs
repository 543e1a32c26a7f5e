//! Every vocabulary list other than languages.

pub use super::language::Language;
use super::vocabulary;

vocabulary! {
    /// Home cooking a carer can prepare.
    Cuisine, "cuisine" {
        Cantonese => "cantonese", "Cantonese";
        NorthChinese => "north_chinese", "Northern Chinese";
        Vietnamese => "vietnamese", "Vietnamese";
        Filipino => "filipino", "Filipino";
        Punjabi => "punjabi", "Punjabi";
        Gujarati => "gujarati", "Gujarati";
        Bengali => "bengali", "Bengali and Sylheti";
        Pakistani => "pakistani", "Pakistani";
        SouthIndian => "south_indian", "South Indian";
        SriLankan => "sri_lankan", "Sri Lankan";
        Somali => "somali", "Somali";
        EastAfrican => "east_african", "East African";
        WestAfrican => "west_african", "West African";
        Caribbean => "caribbean", "Caribbean";
        MiddleEastern => "middle_eastern", "Middle Eastern";
        Persian => "persian", "Persian and Afghan";
        Kurdish => "kurdish", "Kurdish";
        Turkish => "turkish", "Turkish";
        GreekCypriot => "greek_cypriot", "Greek Cypriot";
        Polish => "polish", "Polish";
        EasternEuropean => "eastern_european", "Eastern European";
        Jewish => "jewish", "Jewish home cooking";
        Irish => "irish", "Irish";
        British => "british", "British";
    }
}

vocabulary! {
    /// A dietary law a carer will keep when preparing food.
    DietaryLaw, "diet" {
        Halal => "halal", "Halal";
        Kosher => "kosher", "Kosher";
        Vegetarian => "vegetarian", "Vegetarian";
        Vegan => "vegan", "Vegan";
        Jain => "jain", "Jain (no root vegetables)";
        NoPork => "no_pork", "No pork";
        NoBeef => "no_beef", "No beef";
    }
}

vocabulary! {
    /// A medical or texture diet a carer can cook for. Distinct from dietary laws (what a faith
    /// or conscience forbids): these are what a body needs.
    MedicalDiet, "medical_diet" {
        Diabetic => "diabetic", "Diabetic (low sugar)";
        Soft => "soft", "Soft, easy to chew";
        Pureed => "pureed", "Puréed";
        ThickenedFluids => "thickened_fluids", "Thickened fluids";
        GlutenFree => "gluten_free", "Gluten-free (coeliac)";
        LowSalt => "low_salt", "Low salt";
        LowFat => "low_fat", "Low fat";
        DairyFree => "dairy_free", "Dairy-free";
        NutFree => "nut_free", "Nut-free";
        Renal => "renal", "Renal (kidney) diet";
    }
}

vocabulary! {
    /// How a provider delivers its service. Carers (PAs) work in person.
    DeliveryMode, "delivery_mode" {
        InPerson => "in_person", "In person";
        Phone => "phone", "By phone";
        Online => "online", "Online (video or chat)";
    }
}

vocabulary! {
    /// Census 2021 religion categories, self-declared and optional.
    Faith, "faith" {
        Buddhist => "buddhist", "Buddhist";
        Christian => "christian", "Christian";
        Hindu => "hindu", "Hindu";
        Jewish => "jewish", "Jewish";
        Muslim => "muslim", "Muslim";
        Sikh => "sikh", "Sikh";
        Other => "other", "Other religion";
        None => "none", "No religion";
    }
}

vocabulary! {
    /// A faith practice a carer understands and supports.
    FaithPractice, "faith_practice" {
        PrayerTimes => "prayer_times", "Respects prayer times";
        Fasting => "fasting", "Supports fasting";
        SameGenderPersonalCare => "same_gender_personal_care", "Same-gender personal care";
        ModestDress => "modest_dress", "Modest dress";
        RitualWashing => "ritual_washing", "Ritual washing";
        ReligiousFestivals => "religious_festivals", "Religious festivals";
        AccompanyToWorship => "accompany_to_worship", "Accompanies to worship";
    }
}

vocabulary! {
    /// A task a carer or provider does.
    Service, "service" {
        PersonalCare => "personal_care", "Personal care";
        MealPreparation => "meal_preparation", "Meal preparation";
        Domestic => "domestic", "Domestic help";
        Shopping => "shopping", "Shopping";
        Companionship => "companionship", "Companionship";
        MedicationPrompting => "medication_prompting", "Medication prompting";
        AccompanyAppointments => "accompany_appointments", "Accompanying to appointments";
        NightSupport => "night_support", "Night support";
        LiveIn => "live_in", "Live-in care";
        Respite => "respite", "Respite";
        DayActivities => "day_activities", "Day activities";
        LuncheonClub => "luncheon_club", "Luncheon club";
        Befriending => "befriending", "Befriending";
        Advocacy => "advocacy", "Advocacy";
        Interpreting => "interpreting", "Interpreting";
        PeerSupport => "peer_support", "Peer support";
        SupportPlanning => "support_planning", "Support planning";
        DirectPaymentSupport => "direct_payment_support", "Direct-payment support";
    }
}

vocabulary! {
    /// Experience a carer has.
    Experience, "experience" {
        Dementia => "dementia", "Dementia";
        MentalHealth => "mental_health", "Mental health";
        PhysicalDisability => "physical_disability", "Physical disability";
        VisualImpairment => "visual_impairment", "Visual impairment";
        HearingImpairment => "hearing_impairment", "Hearing impairment";
        LearningDisability => "learning_disability", "Learning disability";
        Autism => "autism", "Autism";
        Stroke => "stroke", "Stroke";
        EndOfLife => "end_of_life", "End of life care";
    }
}

vocabulary! {
    /// A pre-employment or compliance check, each with an expiry date.
    CheckKind, "check" {
        DbsEnhanced => "dbs_enhanced", "Enhanced DBS check";
        RightToWork => "right_to_work", "Right to work";
        PublicLiabilityInsurance => "public_liability_insurance", "Public liability insurance";
        FirstAid => "first_aid", "First aid";
        FoodHygiene => "food_hygiene", "Food hygiene";
        ManualHandling => "manual_handling", "Manual handling";
        CqcRegistered => "cqc_registered", "CQC registered";
    }
}

vocabulary! {
    /// Communities a provider focuses on ("focused but not excluding").
    Community, "community" {
        Chinese => "chinese", "Chinese";
        Vietnamese => "vietnamese", "Vietnamese";
        Bangladeshi => "bangladeshi", "Bangladeshi";
        Pakistani => "pakistani", "Pakistani";
        Indian => "indian", "Indian";
        Gujarati => "gujarati", "Gujarati";
        Punjabi => "punjabi", "Punjabi";
        Tamil => "tamil", "Tamil";
        Somali => "somali", "Somali";
        EastAfrican => "east_african", "East African";
        WestAfrican => "west_african", "West African";
        Caribbean => "caribbean", "Caribbean";
        Arab => "arab", "Arab";
        Kurdish => "kurdish", "Kurdish";
        Turkish => "turkish", "Turkish and Turkish Cypriot";
        Iranian => "iranian", "Iranian";
        Afghan => "afghan", "Afghan";
        Polish => "polish", "Polish";
        EasternEuropean => "eastern_european", "Eastern European";
        Roma => "roma", "Roma";
        GypsyIrishTraveller => "gypsy_irish_traveller", "Gypsy and Irish Traveller";
        Irish => "irish", "Irish";
        Jewish => "jewish", "Jewish";
        Filipino => "filipino", "Filipino";
        Deaf => "deaf", "Deaf (BSL users)";
    }
}

vocabulary! {
    /// What kind of organisation a provider is.
    ProviderKind, "provider_kind" {
        MicroProvider => "micro_provider", "Community micro-provider";
        Charity => "charity", "Charity or community group";
        HomeCareAgency => "home_care_agency", "CQC-registered home-care agency";
        DayService => "day_service", "Day service";
        LuncheonClub => "luncheon_club", "Luncheon club";
        SharedLives => "shared_lives", "Shared Lives scheme";
        Advocacy => "advocacy", "Advocacy service";
    }
}

vocabulary! {
    /// A carer's gender, and the gender a person asks for in personal care.
    Gender, "gender" {
        Female => "female", "Female";
        Male => "male", "Male";
        NonBinary => "non_binary", "Non-binary";
    }
}

vocabulary! {
    /// How a carer gets to people.
    TravelMode, "travel_mode" {
        Walk => "walk", "On foot";
        PublicTransport => "public_transport", "Public transport";
        Car => "car", "Car";
    }
}

vocabulary! {
    /// Whether the person employs the PA or buys from a self-employed PA.
    EmploymentStatus, "employment_status" {
        EmployedByPerson => "employed_by_person", "Employed by the person";
        SelfEmployed => "self_employed", "Self-employed";
    }
}

vocabulary! {
    /// Day of the week, Monday first.
    Weekday, "weekday" {
        Mon => "mon", "Monday";
        Tue => "tue", "Tuesday";
        Wed => "wed", "Wednesday";
        Thu => "thu", "Thursday";
        Fri => "fri", "Friday";
        Sat => "sat", "Saturday";
        Sun => "sun", "Sunday";
    }
}

vocabulary! {
    /// Self-declared ethnic group: the 19 detailed groups of Census 2021 TS021 and "prefer not
    /// to say". Special-category data, recorded only with the PA's `ethnicity_consent`, never
    /// shown per person outside the holding agency (docs/market.md).
    Ethnicity, "ethnicity" {
        AsianBangladeshi => "asian_bangladeshi", "Asian: Bangladeshi";
        AsianChinese => "asian_chinese", "Asian: Chinese";
        AsianIndian => "asian_indian", "Asian: Indian";
        AsianPakistani => "asian_pakistani", "Asian: Pakistani";
        AsianOther => "asian_other", "Asian: Other Asian";
        BlackAfrican => "black_african", "Black: African";
        BlackCaribbean => "black_caribbean", "Black: Caribbean";
        BlackOther => "black_other", "Black: Other Black";
        MixedWhiteAsian => "mixed_white_asian", "Mixed: White and Asian";
        MixedWhiteBlackAfrican => "mixed_white_black_african", "Mixed: White and Black African";
        MixedWhiteBlackCaribbean => "mixed_white_black_caribbean", "Mixed: White and Black Caribbean";
        MixedOther => "mixed_other", "Mixed: Other Mixed or Multiple ethnic groups";
        WhiteBritish => "white_british", "White: English, Welsh, Scottish, Northern Irish or British";
        WhiteIrish => "white_irish", "White: Irish";
        WhiteGypsyTraveller => "white_gypsy_traveller", "White: Gypsy or Irish Traveller";
        WhiteRoma => "white_roma", "White: Roma";
        WhiteOther => "white_other", "White: Other White";
        OtherArab => "other_arab", "Other ethnic group: Arab";
        OtherAny => "other_any", "Other ethnic group: Any other ethnic group";
        PreferNotToSay => "prefer_not_to_say", "Prefer not to say";
    }
}
