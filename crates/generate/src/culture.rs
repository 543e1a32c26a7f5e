//! What goes together in each background: names, languages, food, faith and practices. Long
//! because it is data: one table per community, kept side by side so they can be compared.

use carematch_domain::LanguageSkill;
use carematch_domain::vocabulary::{
    Community, Cuisine, DietaryLaw, Faith, FaithPractice, Gender, Language, Proficiency,
};

use crate::areas::Background;
use crate::rng::Rng;

/// The fixed traits of a background, shared by carers and providers.
pub(crate) struct Traits {
    /// As in "Leicester Gujarati Day Centre"; empty for general (British) organisations.
    pub adjective: &'static str,
    /// Words organisations of this community often take as names.
    pub nicknames: &'static [&'static str],
    pub communities: &'static [Community],
    /// Languages an organisation's staff speak besides English.
    pub languages: &'static [Language],
    pub cuisines: &'static [Cuisine],
    pub diets: &'static [DietaryLaw],
    pub practices: &'static [FaithPractice],
    pub female: &'static [&'static str],
    pub male: &'static [&'static str],
    pub family_female: &'static [&'static str],
    pub family_male: &'static [&'static str],
}

use Cuisine as C;
use DietaryLaw as D;
use FaithPractice as P;
use Language as L;

const BANGLADESHI_FAMILY: &[&str] = &[
    "Ahmed",
    "Rahman",
    "Islam",
    "Hussain",
    "Chowdhury",
    "Ali",
    "Hoque",
    "Uddin",
    "Miah",
    "Khan",
    "Karim",
    "Begum",
];
const GUJARATI_FAMILY: &[&str] = &[
    "Patel", "Shah", "Mistry", "Parmar", "Solanki", "Chauhan", "Lad", "Joshi", "Thakkar", "Desai",
    "Gohil", "Vaghela", "Mehta", "Modi", "Pandya",
];
const SIKH_FAMILY: &[&str] = &[
    "Sandhu", "Gill", "Dhillon", "Sidhu", "Johal", "Bains", "Grewal", "Sahota", "Atwal",
    "Dhaliwal", "Bhamra", "Virdee", "Kang",
];
const PAKISTANI_FAMILY: &[&str] = &[
    "Khan", "Hussain", "Akhtar", "Iqbal", "Mahmood", "Rashid", "Aslam", "Butt", "Malik", "Qureshi",
    "Shah", "Raza", "Ahmed", "Mirza", "Saleem",
];
const SOMALI_FAMILY: &[&str] = &[
    "Hassan", "Ali", "Mohamed", "Farah", "Warsame", "Abdi", "Nur", "Omar", "Jama", "Osman",
    "Ahmed", "Egal", "Aden", "Hersi", "Mohamud", "Yusuf", "Duale",
];
const CARIBBEAN_FAMILY: &[&str] = &[
    "Campbell", "Williams", "Brown", "Francis", "Grant", "Henry", "Reid", "Morgan", "Bailey",
    "Thomas", "Clarke", "Edwards", "Gordon", "Johnson", "Mitchell", "Powell", "Richards",
    "Samuels", "McKenzie",
];
const BRITISH_FAMILY: &[&str] = &[
    "Smith", "Jones", "Taylor", "Brown", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
    "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
    "Clarke", "Hughes", "Turner", "Harrison", "Atkinson", "Hill", "Shaw", "Bennett", "Kelly",
    "Murphy", "Cooper", "Ward", "Price", "Lawson",
];
const HK_FAMILY: &[&str] = &[
    "Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Lam", "Yeung", "Ho", "Tang", "Leung", "Chow",
    "Tsang", "Man", "Kwok", "Fung", "Yip", "Tse",
];
const MAINLAND_FAMILY: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun",
    "Lin", "Zhu", "Guo",
];
const TAMIL_FAMILY: &[&str] = &[
    "Sivakumar",
    "Rajaratnam",
    "Thavarajah",
    "Nadarajah",
    "Kandiah",
    "Selvarajah",
    "Ponnambalam",
    "Jeyakumar",
    "Arulanantham",
    "Sivapalan",
];
const KURDISH_FAMILY: &[&str] = &[
    "Ahmed", "Mahmoud", "Karim", "Rashid", "Aziz", "Hama", "Omer", "Qadir", "Salih", "Mustafa",
];
const YORUBA_FAMILY: &[&str] = &[
    "Adeyemi", "Adebayo", "Olawale", "Ogunleye", "Afolabi", "Oyelaran", "Adewale", "Bakare", "Ojo",
    "Akinola",
];
const IGBO_FAMILY: &[&str] = &[
    "Okafor",
    "Okonkwo",
    "Eze",
    "Nwosu",
    "Obi",
    "Chukwu",
    "Nwachukwu",
    "Okeke",
    "Onyeka",
];
const GHANAIAN_FAMILY: &[&str] = &[
    "Mensah", "Boateng", "Owusu", "Asante", "Osei", "Agyeman", "Appiah", "Darko", "Amoah",
];
const ROMANIAN_FAMILY: &[&str] = &[
    "Popescu",
    "Ionescu",
    "Popa",
    "Dumitru",
    "Stan",
    "Stoica",
    "Gheorghe",
    "Munteanu",
    "Constantin",
];
const JEWISH_FAMILY: &[&str] = &[
    "Cohen", "Levy", "Goldberg", "Shapiro", "Rosen", "Friedman", "Klein", "Bloom", "Jacobs",
    "Green", "Marks", "Franklin",
];

static BRITISH: Traits = Traits {
    adjective: "",
    nicknames: &[
        "Oakwood",
        "Riverside",
        "Hillside",
        "Meadowbank",
        "Northfield",
        "Greenway",
        "Kingsway",
        "Brookside",
        "Millfield",
        "Parkside",
    ],
    communities: &[],
    languages: &[],
    cuisines: &[C::British],
    diets: &[],
    practices: &[],
    female: &[
        "Sarah", "Emma", "Claire", "Joanne", "Lisa", "Karen", "Michelle", "Rachel", "Amy", "Laura",
        "Helen", "Julie", "Donna", "Gemma", "Kelly", "Susan", "Jade", "Chloe", "Hannah", "Nicola",
        "Tracey", "Lorraine", "Stacey", "Jennifer", "Kirsty",
    ],
    male: &[
        "David", "Paul", "Mark", "James", "Andrew", "Steven", "Daniel", "Michael", "Craig", "Gary",
        "Lee", "Ryan", "Tom", "Chris", "Neil", "Stuart",
    ],
    family_female: BRITISH_FAMILY,
    family_male: BRITISH_FAMILY,
};

static HONG_KONG_CHINESE: Traits = Traits {
    adjective: "Chinese",
    nicknames: &[
        "Wah Sum", "Hing Lok", "Sun Fook", "Lok Yan", "Man On", "Kin Wah", "Tung Sin",
    ],
    communities: &[Community::Chinese],
    languages: &[L::Yue, L::Cmn],
    cuisines: &[C::Cantonese],
    diets: &[],
    practices: &[P::ReligiousFestivals],
    female: &[
        "Mei Ling", "Siu Wai", "Wai Man", "Suk Yee", "Lai Ming", "Yuk Lan", "Ka Yan", "Hoi Yan",
        "Wing Yee", "Man Yee", "Mandy", "Winnie", "Cindy", "Shirley", "Pui Kei", "So Fong",
    ],
    male: &[
        "Kwok Wai",
        "Chi Keung",
        "Ka Ho",
        "Wing Hong",
        "Tak Ming",
        "Kenneth",
        "Kin Chung",
        "Raymond",
    ],
    family_female: HK_FAMILY,
    family_male: HK_FAMILY,
};

static MAINLAND_CHINESE: Traits = Traits {
    adjective: "Chinese",
    nicknames: &["Huaxia", "Tongxin", "Xin Hua", "Jia Yuan", "Ming Ren"],
    communities: &[Community::Chinese],
    languages: &[L::Cmn],
    cuisines: &[C::NorthChinese],
    diets: &[],
    practices: &[P::ReligiousFestivals],
    female: &[
        "Xiaoling", "Li Na", "Yan", "Jing", "Hui", "Fang", "Ying", "Min", "Xiaoyan", "Lili", "Qian",
    ],
    male: &["Wei", "Jun", "Hao", "Lei", "Qiang", "Tao", "Jian"],
    family_female: MAINLAND_FAMILY,
    family_male: MAINLAND_FAMILY,
};

static BANGLADESHI: Traits = Traits {
    adjective: "Bangladeshi",
    nicknames: &[
        "Shapla",
        "Jamuna",
        "Sonar Bangla",
        "Surma",
        "Padma",
        "Meghna",
        "Kushiara",
    ],
    communities: &[Community::Bangladeshi],
    languages: &[L::Syl, L::Ben],
    cuisines: &[C::Bengali],
    diets: &[D::Halal],
    practices: &[
        P::PrayerTimes,
        P::Fasting,
        P::SameGenderPersonalCare,
        P::ModestDress,
        P::RitualWashing,
    ],
    female: &[
        "Rahima", "Shirin", "Nasima", "Rokeya", "Fatema", "Jahanara", "Sultana", "Taslima",
        "Shahana", "Rumana", "Nazma", "Halima", "Salma", "Momina", "Shanaz", "Rehana",
    ],
    male: &[
        "Abdul", "Mohammed", "Shahid", "Anwar", "Jamal", "Rafiq", "Kamrul", "Abul", "Shamsul",
        "Mizanur",
    ],
    family_female: BANGLADESHI_FAMILY,
    family_male: BANGLADESHI_FAMILY,
};

static GUJARATI: Traits = Traits {
    adjective: "Gujarati",
    nicknames: &[
        "Shree Sanatan",
        "Navrang",
        "Sneh",
        "Milan",
        "Sahyog",
        "Seva",
        "Anand",
    ],
    communities: &[Community::Gujarati, Community::Indian],
    languages: &[L::Guj, L::Hin],
    cuisines: &[C::Gujarati],
    diets: &[D::Vegetarian, D::NoBeef],
    practices: &[
        P::ReligiousFestivals,
        P::Fasting,
        P::AccompanyToWorship,
        P::SameGenderPersonalCare,
    ],
    female: &[
        "Hansa", "Kokila", "Bhavna", "Nita", "Priti", "Jayshree", "Rekha", "Manisha", "Dipika",
        "Hetal", "Falguni", "Kinjal", "Pooja", "Sarla", "Usha", "Varsha",
    ],
    male: &[
        "Ramesh", "Jayesh", "Dilip", "Kirit", "Nilesh", "Hitesh", "Pravin", "Bharat", "Mahesh",
    ],
    family_female: GUJARATI_FAMILY,
    family_male: GUJARATI_FAMILY,
};

static PUNJABI_SIKH: Traits = Traits {
    adjective: "Punjabi",
    nicknames: &["Sangat", "Virsa", "Sahara", "Seva", "Guru Nanak", "Ekta"],
    communities: &[Community::Punjabi, Community::Indian],
    languages: &[L::Pan, L::Hin],
    cuisines: &[C::Punjabi],
    diets: &[D::Vegetarian, D::NoBeef],
    practices: &[P::AccompanyToWorship, P::ReligiousFestivals],
    female: &[
        "Harjit",
        "Gurpreet",
        "Manjit",
        "Kulwant",
        "Balbir",
        "Jaspreet",
        "Rajinder",
        "Amandeep",
        "Simran",
        "Navdeep",
        "Sukhwinder",
        "Paramjit",
    ],
    male: &[
        "Gurdev",
        "Jasbir",
        "Sukhdev",
        "Harpal",
        "Kuldip",
        "Baljinder",
        "Parminder",
        "Daljit",
    ],
    family_female: SIKH_FAMILY,
    family_male: SIKH_FAMILY,
};

static PAKISTANI: Traits = Traits {
    adjective: "Pakistani",
    nicknames: &[
        "Al-Noor",
        "Apna Ghar",
        "Roshni",
        "Sahara",
        "Mehfil",
        "Ittehad",
    ],
    communities: &[Community::Pakistani],
    languages: &[L::Urd, L::Pan],
    cuisines: &[C::Pakistani],
    diets: &[D::Halal],
    practices: &[
        P::PrayerTimes,
        P::Fasting,
        P::SameGenderPersonalCare,
        P::ModestDress,
        P::RitualWashing,
    ],
    female: &[
        "Nasreen", "Shazia", "Rubina", "Farzana", "Samina", "Parveen", "Aisha", "Saima", "Bushra",
        "Nazia", "Amina", "Khalida", "Rukhsana", "Tahira",
    ],
    male: &[
        "Imran", "Tariq", "Asif", "Khalid", "Zahid", "Naveed", "Shahid", "Arif", "Javed",
    ],
    family_female: PAKISTANI_FAMILY,
    family_male: PAKISTANI_FAMILY,
};

static SOMALI: Traits = Traits {
    adjective: "Somali",
    nicknames: &["Hiiraan", "Midnimo", "Kaah", "Hooyo", "Iftiin", "Nabad"],
    communities: &[Community::Somali, Community::EastAfrican],
    languages: &[L::Som, L::Ara],
    cuisines: &[C::Somali, C::EastAfrican],
    diets: &[D::Halal],
    practices: &[
        P::PrayerTimes,
        P::Fasting,
        P::SameGenderPersonalCare,
        P::ModestDress,
        P::RitualWashing,
    ],
    female: &[
        "Hodan", "Faduma", "Amina", "Hibo", "Sahra", "Ubah", "Ifrah", "Khadra", "Nimco", "Ayaan",
        "Hawa", "Deeqa", "Sagal", "Ladan", "Maryan", "Sucaad",
    ],
    male: &[
        "Abdi",
        "Mohamed",
        "Abdirahman",
        "Yusuf",
        "Hassan",
        "Ahmed",
        "Omar",
        "Abdullahi",
    ],
    family_female: SOMALI_FAMILY,
    family_male: SOMALI_FAMILY,
};

static CARIBBEAN: Traits = Traits {
    adjective: "Caribbean",
    nicknames: &[
        "Windrush", "Carib", "Sankofa", "Harambee", "Unity", "Maroon",
    ],
    communities: &[Community::Caribbean],
    languages: &[],
    cuisines: &[C::Caribbean],
    diets: &[],
    practices: &[P::AccompanyToWorship, P::ReligiousFestivals],
    female: &[
        "Marcia",
        "Beverley",
        "Janet",
        "Yvonne",
        "Sharon",
        "Paulette",
        "Claudette",
        "Denise",
        "Angela",
        "Patricia",
        "Sonia",
        "Hyacinth",
        "Jacqueline",
    ],
    male: &[
        "Delroy", "Winston", "Errol", "Clive", "Leroy", "Carlton", "Everton", "Lloyd",
    ],
    family_female: CARIBBEAN_FAMILY,
    family_male: CARIBBEAN_FAMILY,
};

static POLISH: Traits = Traits {
    adjective: "Polish",
    nicknames: &["Polonia", "Razem", "Orzeł", "Wisła", "Przystań", "Sąsiedzi"],
    communities: &[Community::Polish, Community::EasternEuropean],
    languages: &[L::Pol],
    cuisines: &[C::Polish, C::EasternEuropean],
    diets: &[],
    practices: &[P::AccompanyToWorship, P::ReligiousFestivals],
    female: &[
        "Agnieszka",
        "Katarzyna",
        "Magdalena",
        "Anna",
        "Joanna",
        "Małgorzata",
        "Ewa",
        "Monika",
        "Dorota",
        "Beata",
        "Justyna",
        "Aleksandra",
    ],
    male: &[
        "Piotr",
        "Tomasz",
        "Paweł",
        "Krzysztof",
        "Łukasz",
        "Marek",
        "Michał",
        "Jan",
    ],
    family_female: &[
        "Nowak",
        "Wójcik",
        "Kowalczyk",
        "Woźniak",
        "Mazur",
        "Kowalska",
        "Lewandowska",
        "Zielińska",
        "Szymańska",
        "Dąbrowska",
        "Kamińska",
    ],
    family_male: &[
        "Nowak",
        "Wójcik",
        "Kowalczyk",
        "Woźniak",
        "Mazur",
        "Kowalski",
        "Lewandowski",
        "Zieliński",
        "Szymański",
        "Dąbrowski",
        "Kamiński",
    ],
};

static TAMIL: Traits = Traits {
    adjective: "Tamil",
    nicknames: &[
        "Thamil Elders",
        "Ilangai",
        "Anbu",
        "Nalamudan",
        "Kalaimagal",
    ],
    communities: &[Community::Tamil],
    languages: &[L::Tam],
    cuisines: &[C::SriLankan, C::SouthIndian],
    diets: &[D::Vegetarian, D::NoBeef],
    practices: &[P::ReligiousFestivals, P::AccompanyToWorship, P::Fasting],
    female: &[
        "Kalaivani",
        "Tharshini",
        "Sivagami",
        "Vasanthi",
        "Nirmala",
        "Mathivathani",
        "Kala",
        "Shanthi",
        "Ranjini",
        "Kowsalya",
    ],
    male: &[
        "Sivakumar",
        "Rajan",
        "Kumaran",
        "Suresh",
        "Tharmalingam",
        "Ganesh",
    ],
    family_female: TAMIL_FAMILY,
    family_male: TAMIL_FAMILY,
};

static LITHUANIAN: Traits = Traits {
    adjective: "Lithuanian",
    nicknames: &["Gintaras", "Bendruomenė", "Vilnelė", "Saulutė"],
    communities: &[Community::EasternEuropean],
    languages: &[L::Lit, L::Rus],
    cuisines: &[C::EasternEuropean],
    diets: &[],
    practices: &[P::ReligiousFestivals],
    female: &[
        "Rasa", "Jurgita", "Vilma", "Asta", "Inga", "Kristina", "Lina", "Ieva", "Aušra",
    ],
    male: &["Tomas", "Mindaugas", "Darius", "Andrius", "Paulius"],
    family_female: &[
        "Kazlauskienė",
        "Petrauskienė",
        "Jankauskienė",
        "Žukauskaitė",
        "Stankevičienė",
        "Vasiliauskienė",
    ],
    family_male: &[
        "Kazlauskas",
        "Petrauskas",
        "Jankauskas",
        "Žukauskas",
        "Stankevičius",
        "Vasiliauskas",
    ],
};

static KURDISH: Traits = Traits {
    adjective: "Kurdish",
    nicknames: &["Newroz", "Kurdistan", "Zagros", "Hevi", "Roj"],
    communities: &[Community::Kurdish],
    languages: &[L::Ckb, L::Kmr],
    cuisines: &[C::Kurdish, C::MiddleEastern],
    diets: &[D::Halal],
    practices: &[P::PrayerTimes, P::Fasting, P::SameGenderPersonalCare],
    female: &[
        "Shilan", "Rezan", "Nasrin", "Berivan", "Dilan", "Hana", "Zhila", "Avin", "Shno",
    ],
    male: &["Karwan", "Rebwar", "Aram", "Shwan", "Dilshad", "Hemin"],
    family_female: KURDISH_FAMILY,
    family_male: KURDISH_FAMILY,
};

static YORUBA: Traits = Traits {
    adjective: "Nigerian",
    nicknames: &["Ireti", "Ayo", "Ife", "Oore-ofe"],
    communities: &[Community::WestAfrican],
    languages: &[L::Yor],
    cuisines: &[C::WestAfrican],
    diets: &[],
    practices: &[P::AccompanyToWorship, P::ReligiousFestivals],
    female: &[
        "Adebola",
        "Folake",
        "Funmilayo",
        "Yetunde",
        "Bukola",
        "Titilayo",
        "Abimbola",
        "Blessing",
        "Grace",
    ],
    male: &["Oluwaseun", "Tunde", "Femi", "Segun", "Kayode"],
    family_female: YORUBA_FAMILY,
    family_male: YORUBA_FAMILY,
};

static IGBO: Traits = Traits {
    adjective: "Nigerian",
    nicknames: &["Ndidi", "Ifeoma", "Umunna", "Obioma"],
    communities: &[Community::WestAfrican],
    languages: &[L::Ibo],
    cuisines: &[C::WestAfrican],
    diets: &[],
    practices: &[P::AccompanyToWorship, P::ReligiousFestivals],
    female: &[
        "Ngozi", "Chioma", "Adaeze", "Nkechi", "Ifeoma", "Chinwe", "Amaka", "Comfort",
    ],
    male: &["Emeka", "Chinedu", "Obinna", "Ikenna", "Uche"],
    family_female: IGBO_FAMILY,
    family_male: IGBO_FAMILY,
};

static GHANAIAN: Traits = Traits {
    adjective: "Ghanaian",
    nicknames: &["Akwaaba", "Sankofa", "Nkabom", "Adom"],
    communities: &[Community::WestAfrican],
    languages: &[L::Twi],
    cuisines: &[C::WestAfrican],
    diets: &[],
    practices: &[P::AccompanyToWorship, P::ReligiousFestivals],
    female: &[
        "Abena", "Akosua", "Ama", "Efua", "Adwoa", "Yaa", "Afia", "Esi", "Gifty",
    ],
    male: &["Kwame", "Kofi", "Kwabena", "Yaw", "Kwaku"],
    family_female: GHANAIAN_FAMILY,
    family_male: GHANAIAN_FAMILY,
};

static ROMANIAN: Traits = Traits {
    adjective: "Romanian",
    nicknames: &["Dor", "Acasă", "Speranța", "Lumina"],
    communities: &[Community::EasternEuropean],
    languages: &[L::Ron],
    cuisines: &[C::EasternEuropean],
    diets: &[],
    practices: &[P::ReligiousFestivals, P::Fasting],
    female: &[
        "Elena",
        "Ioana",
        "Maria",
        "Andreea",
        "Mihaela",
        "Gabriela",
        "Florentina",
        "Cristina",
    ],
    male: &["Ionuț", "Andrei", "Mihai", "Florin", "Marius"],
    family_female: ROMANIAN_FAMILY,
    family_male: ROMANIAN_FAMILY,
};

static JEWISH: Traits = Traits {
    adjective: "Jewish",
    nicknames: &["Chesed", "Shalom", "Kehillah", "Tikvah"],
    communities: &[Community::Jewish],
    languages: &[L::Heb, L::Yid],
    cuisines: &[C::Jewish],
    diets: &[D::Kosher],
    practices: &[
        P::ReligiousFestivals,
        P::AccompanyToWorship,
        P::Fasting,
        P::SameGenderPersonalCare,
    ],
    female: &[
        "Rachel", "Miriam", "Esther", "Deborah", "Naomi", "Ruth", "Leah", "Shira", "Chana",
    ],
    male: &["David", "Daniel", "Jonathan", "Benjamin", "Yossi", "Moshe"],
    family_female: JEWISH_FAMILY,
    family_male: JEWISH_FAMILY,
};

pub(crate) fn traits(background: Background) -> &'static Traits {
    match background {
        Background::British => &BRITISH,
        Background::HongKongChinese => &HONG_KONG_CHINESE,
        Background::MainlandChinese => &MAINLAND_CHINESE,
        Background::Bangladeshi => &BANGLADESHI,
        Background::Gujarati => &GUJARATI,
        Background::PunjabiSikh => &PUNJABI_SIKH,
        Background::Pakistani => &PAKISTANI,
        Background::Somali => &SOMALI,
        Background::Caribbean => &CARIBBEAN,
        Background::Polish => &POLISH,
        Background::Tamil => &TAMIL,
        Background::Lithuanian => &LITHUANIAN,
        Background::Kurdish => &KURDISH,
        Background::Yoruba => &YORUBA,
        Background::Igbo => &IGBO,
        Background::Ghanaian => &GHANAIAN,
        Background::Romanian => &ROMANIAN,
        Background::Jewish => &JEWISH,
    }
}

/// A plausible given and family name.
pub(crate) fn name(rng: &mut Rng, background: Background, gender: Gender) -> (String, String) {
    let t = traits(background);
    let female = match gender {
        Gender::Female => true,
        Gender::Male => false,
        Gender::NonBinary => rng.chance(0.5),
    };
    let (given, family) = if female {
        (rng.pick(t.female), rng.pick(t.family_female))
    } else {
        (rng.pick(t.male), rng.pick(t.family_male))
    };
    // Sikh naming: Kaur and Singh are often used as the family name.
    let family = match (background, female) {
        (Background::PunjabiSikh, true) if rng.chance(0.3) => "Kaur",
        (Background::PunjabiSikh, false) if rng.chance(0.3) => "Singh",
        (Background::Bangladeshi, true) if rng.chance(0.25) => "Begum",
        (Background::Bangladeshi, false) if family == "Begum" => "Miah",
        _ => family,
    };
    (given.to_owned(), family.to_owned())
}

/// A carer's languages, food, faith and practices, drawn so that they go together.
#[derive(Debug, Default)]
pub(crate) struct Culture {
    pub languages: Vec<LanguageSkill>,
    pub cuisines: Vec<Cuisine>,
    pub dietary_laws: Vec<DietaryLaw>,
    pub faith: Option<Faith>,
    pub faith_practices: Vec<FaithPractice>,
    /// A sentence in the carer's own language and script, for the bio.
    pub own_words: Option<&'static str>,
}

impl Culture {
    fn speak(&mut self, rng: &mut Rng, code: Language, proficiency: Proficiency) {
        if self.languages.iter().any(|l| l.code == code) {
            return;
        }
        let literate = match proficiency {
            Proficiency::Native => rng.chance(0.85),
            Proficiency::Fluent => rng.chance(0.7),
            Proficiency::Conversational => rng.chance(0.3),
            Proficiency::Basic => false,
        };
        // Sylheti is mostly spoken; people write in Bengali script.
        let literate = literate && code != L::Syl;
        self.languages.push(LanguageSkill {
            code,
            proficiency,
            reads: literate,
            writes: literate && rng.chance(0.9),
        });
    }

    fn cook(&mut self, cuisine: Cuisine) {
        if !self.cuisines.contains(&cuisine) {
            self.cuisines.push(cuisine);
        }
    }

    fn keep(&mut self, diet: DietaryLaw) {
        if !self.dietary_laws.contains(&diet) {
            self.dietary_laws.push(diet);
        }
    }

    fn support(&mut self, practice: FaithPractice) {
        if !self.faith_practices.contains(&practice) {
            self.faith_practices.push(practice);
        }
    }

    fn maybe_support(&mut self, rng: &mut Rng, practice: FaithPractice, p: f64) {
        if rng.chance(p) {
            self.support(practice);
        }
    }

    fn muslim_practices(&mut self, rng: &mut Rng, strength: f64) {
        self.maybe_support(rng, P::PrayerTimes, 0.8 * strength);
        self.maybe_support(rng, P::Fasting, 0.7 * strength);
        self.maybe_support(rng, P::SameGenderPersonalCare, 0.55 * strength);
        self.maybe_support(rng, P::ModestDress, 0.5 * strength);
        self.maybe_support(rng, P::RitualWashing, 0.4 * strength);
        self.maybe_support(rng, P::ReligiousFestivals, 0.5);
        self.maybe_support(rng, P::AccompanyToWorship, 0.15);
    }
}

fn migrant_english(rng: &mut Rng) -> Proficiency {
    let r = rng.unit();
    if r < 0.18 {
        Proficiency::Native
    } else if r < 0.7 {
        Proficiency::Fluent
    } else {
        Proficiency::Conversational
    }
}

fn level(rng: &mut Rng, fluent_share: f64) -> Proficiency {
    if rng.chance(fluent_share) {
        Proficiency::Fluent
    } else if rng.chance(0.75) {
        Proficiency::Conversational
    } else {
        Proficiency::Basic
    }
}

fn faith(rng: &mut Rng, shares: &[(Faith, u32)]) -> Option<Faith> {
    // About one in ten prefer not to say.
    if rng.chance(0.1) {
        None
    } else {
        Some(rng.weighted(shares))
    }
}

/// Draws a carer's culture from their background and gender.
pub(crate) fn culture(rng: &mut Rng, background: Background, gender: Gender) -> Culture {
    let mut c = Culture::default();
    let female = gender == Gender::Female;
    match background {
        Background::British => {
            c.speak(rng, L::Eng, Proficiency::Native);
            if rng.chance(0.05) {
                let other = rng.pick(&[L::Fra, L::Spa, L::Cym, L::Ita]);
                let lvl = level(rng, 0.2);
                c.speak(rng, other, lvl);
            }
            if rng.chance(0.92) {
                c.cook(C::British);
            }
            if rng.chance(0.05) {
                c.cook(C::Irish);
            }
            if rng.chance(0.06) {
                c.cook(rng.pick(&[C::Caribbean, C::Punjabi, C::Polish, C::MiddleEastern]));
            }
            if rng.chance(0.08) {
                c.keep(D::Vegetarian);
                if rng.chance(0.3) {
                    c.keep(D::Vegan);
                }
            }
            if rng.chance(0.12) {
                c.keep(D::Halal);
                c.keep(D::NoPork);
            }
            c.faith = faith(
                rng,
                &[(Faith::Christian, 45), (Faith::None, 50), (Faith::Other, 2)],
            );
            c.maybe_support(rng, P::ReligiousFestivals, 0.2);
            c.maybe_support(rng, P::AccompanyToWorship, 0.15);
            c.maybe_support(rng, P::SameGenderPersonalCare, 0.1);
        }
        Background::HongKongChinese => {
            let hakka_first = rng.chance(0.08);
            c.speak(rng, L::Yue, Proficiency::Native);
            if hakka_first {
                c.speak(rng, L::Hak, Proficiency::Native);
            } else if rng.chance(0.06) {
                let lvl = level(rng, 0.6);
                c.speak(rng, L::Hak, lvl);
            }
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            if rng.chance(0.4) {
                let lvl = level(rng, 0.5);
                c.speak(rng, L::Cmn, lvl);
            }
            c.cook(C::Cantonese);
            if rng.chance(0.15) {
                c.cook(C::NorthChinese);
            }
            if rng.chance(0.2) {
                c.cook(C::British);
            }
            c.faith = faith(
                rng,
                &[
                    (Faith::None, 45),
                    (Faith::Christian, 30),
                    (Faith::Buddhist, 22),
                    (Faith::Other, 3),
                ],
            );
            if c.faith == Some(Faith::Buddhist) && rng.chance(0.3) {
                c.keep(D::Vegetarian);
            }
            c.maybe_support(rng, P::ReligiousFestivals, 0.5);
            if c.faith == Some(Faith::Christian) {
                c.maybe_support(rng, P::AccompanyToWorship, 0.4);
            }
            c.own_words = Some(if hakka_first {
                "我識講客家話同廣東話，會煮廣東菜。"
            } else {
                rng.pick(&[
                    "我會煮廣東菜。",
                    "我講廣東話，會煮家常廣東菜。",
                    "我會講廣東話。",
                ])
            });
        }
        Background::MainlandChinese => {
            c.speak(rng, L::Cmn, Proficiency::Native);
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            if rng.chance(0.12) {
                let lvl = level(rng, 0.3);
                c.speak(rng, L::Yue, lvl);
            }
            c.cook(C::NorthChinese);
            if rng.chance(0.25) {
                c.cook(C::Cantonese);
            }
            c.faith = faith(
                rng,
                &[
                    (Faith::None, 65),
                    (Faith::Buddhist, 15),
                    (Faith::Christian, 15),
                    (Faith::Other, 5),
                ],
            );
            c.maybe_support(rng, P::ReligiousFestivals, 0.4);
            c.own_words = Some(rng.pick(&["我会说普通话，会做家常菜。", "我会做北方家常菜。"]));
        }
        Background::Bangladeshi => {
            let sylheti = rng.chance(0.85);
            if sylheti {
                c.speak(rng, L::Syl, Proficiency::Native);
                let ben = if rng.chance(0.7) {
                    Proficiency::Fluent
                } else {
                    Proficiency::Native
                };
                if rng.chance(0.95) {
                    c.speak(rng, L::Ben, ben);
                }
            } else {
                c.speak(rng, L::Ben, Proficiency::Native);
            }
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            if rng.chance(0.15) {
                let lvl = level(rng, 0.3);
                c.speak(rng, L::Urd, lvl);
            }
            c.cook(C::Bengali);
            if rng.chance(0.15) {
                c.cook(C::British);
            }
            c.keep(D::Halal);
            c.keep(D::NoPork);
            c.faith = faith(
                rng,
                &[(Faith::Muslim, 95), (Faith::None, 3), (Faith::Hindu, 2)],
            );
            let strength = if c.faith == Some(Faith::Muslim) {
                1.0
            } else {
                0.3
            };
            c.muslim_practices(rng, strength);
            c.own_words = Some(if sylheti {
                rng.pick(&["আমি সিলেটি আর বাংলা বলি।", "আমি বাংলায় কথা বলি।"])
            } else {
                rng.pick(&["আমি বাংলায় কথা বলি।", "আমি বাঙালি রান্না করতে পারি।"])
            });
        }
        Background::Gujarati => {
            c.speak(rng, L::Guj, Proficiency::Native);
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            if rng.chance(0.5) {
                let lvl = level(rng, 0.4);
                c.speak(rng, L::Hin, lvl);
            }
            if rng.chance(0.1) {
                let lvl = level(rng, 0.3);
                c.speak(rng, L::Swa, lvl);
            }
            c.cook(C::Gujarati);
            if rng.chance(0.15) {
                c.cook(C::Punjabi);
            }
            if rng.chance(0.15) {
                c.cook(C::British);
            }
            let jain = rng.chance(0.08);
            c.faith = if jain {
                Some(Faith::Other)
            } else {
                faith(
                    rng,
                    &[(Faith::Hindu, 86), (Faith::Muslim, 10), (Faith::None, 4)],
                )
            };
            match c.faith {
                Some(Faith::Muslim) => {
                    c.keep(D::Halal);
                    c.keep(D::NoPork);
                    c.muslim_practices(rng, 0.8);
                }
                _ => {
                    if jain || rng.chance(0.8) {
                        c.keep(D::Vegetarian);
                    }
                    if jain {
                        c.keep(D::Jain);
                    }
                    c.keep(D::NoBeef);
                    c.maybe_support(rng, P::ReligiousFestivals, 0.65);
                    c.maybe_support(rng, P::Fasting, 0.35);
                    c.maybe_support(rng, P::AccompanyToWorship, 0.35);
                    c.maybe_support(rng, P::SameGenderPersonalCare, 0.2);
                }
            }
            c.own_words = Some(if c.dietary_laws.contains(&D::Vegetarian) {
                rng.pick(&["હું ગુજરાતી બોલું છું.", "હું શાકાહારી રસોઈ બનાવું છું."])
            } else {
                "હું ગુજરાતી બોલું છું."
            });
        }
        Background::PunjabiSikh => {
            c.speak(rng, L::Pan, Proficiency::Native);
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            if rng.chance(0.3) {
                let lvl = level(rng, 0.4);
                c.speak(rng, L::Hin, lvl);
            }
            if rng.chance(0.1) {
                c.speak(rng, L::Urd, Proficiency::Basic);
            }
            c.cook(C::Punjabi);
            if rng.chance(0.15) {
                c.cook(C::British);
            }
            c.faith = faith(
                rng,
                &[(Faith::Sikh, 92), (Faith::Hindu, 5), (Faith::None, 3)],
            );
            if rng.chance(0.7) {
                c.keep(D::NoBeef);
            }
            if rng.chance(0.35) {
                c.keep(D::Vegetarian);
            }
            c.maybe_support(rng, P::AccompanyToWorship, 0.5);
            c.maybe_support(rng, P::ReligiousFestivals, 0.55);
            c.maybe_support(rng, P::SameGenderPersonalCare, 0.25);
            c.own_words = Some(if female {
                "ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦੀ ਹਾਂ।"
            } else {
                "ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦਾ ਹਾਂ।"
            });
        }
        Background::Pakistani => {
            let urdu = if rng.chance(0.6) {
                Proficiency::Native
            } else {
                Proficiency::Fluent
            };
            c.speak(rng, L::Urd, urdu);
            if rng.chance(0.6) {
                c.speak(rng, L::Pan, Proficiency::Native);
            }
            if rng.chance(0.05) {
                c.speak(rng, L::Pus, Proficiency::Native);
            }
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            c.cook(C::Pakistani);
            if rng.chance(0.3) {
                c.cook(C::Punjabi);
            }
            if rng.chance(0.1) {
                c.cook(C::British);
            }
            c.keep(D::Halal);
            c.keep(D::NoPork);
            c.faith = faith(rng, &[(Faith::Muslim, 97), (Faith::None, 3)]);
            c.muslim_practices(rng, 1.0);
            c.own_words = Some(if female {
                "میں اردو بولتی ہوں۔"
            } else {
                "میں اردو بولتا ہوں۔"
            });
        }
        Background::Somali => {
            c.speak(rng, L::Som, Proficiency::Native);
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            if rng.chance(0.4) {
                let lvl = level(rng, 0.3);
                c.speak(rng, L::Ara, lvl);
            }
            c.cook(C::Somali);
            if rng.chance(0.5) {
                c.cook(C::EastAfrican);
            }
            if rng.chance(0.1) {
                c.cook(C::MiddleEastern);
            }
            c.keep(D::Halal);
            c.keep(D::NoPork);
            c.faith = faith(rng, &[(Faith::Muslim, 99), (Faith::None, 1)]);
            c.maybe_support(rng, P::ModestDress, 0.9);
            c.maybe_support(rng, P::SameGenderPersonalCare, 0.9);
            c.muslim_practices(rng, 1.0);
            c.own_words = Some("Waxaan ku hadlaa af-Soomaali.");
        }
        Background::Caribbean => {
            c.speak(rng, L::Eng, Proficiency::Native);
            c.cook(C::Caribbean);
            if rng.chance(0.5) {
                c.cook(C::British);
            }
            c.faith = faith(
                rng,
                &[(Faith::Christian, 72), (Faith::None, 20), (Faith::Other, 8)],
            );
            if rng.chance(0.1) {
                c.keep(D::NoPork);
            }
            if rng.chance(0.06) {
                c.keep(D::Vegetarian);
            }
            if c.faith == Some(Faith::Christian) {
                c.maybe_support(rng, P::AccompanyToWorship, 0.5);
            }
            c.maybe_support(rng, P::ReligiousFestivals, 0.2);
        }
        Background::Polish => {
            c.speak(rng, L::Pol, Proficiency::Native);
            let english = if rng.chance(0.55) {
                Proficiency::Fluent
            } else {
                Proficiency::Conversational
            };
            c.speak(rng, L::Eng, english);
            if rng.chance(0.1) {
                c.speak(rng, L::Rus, Proficiency::Basic);
            }
            c.cook(C::Polish);
            if rng.chance(0.4) {
                c.cook(C::EasternEuropean);
            }
            if rng.chance(0.2) {
                c.cook(C::British);
            }
            c.faith = faith(rng, &[(Faith::Christian, 72), (Faith::None, 28)]);
            if c.faith == Some(Faith::Christian) {
                c.maybe_support(rng, P::AccompanyToWorship, 0.35);
            }
            c.maybe_support(rng, P::ReligiousFestivals, 0.3);
            c.own_words = Some("Mówię po polsku i gotuję polskie domowe jedzenie.");
        }
        Background::Tamil => {
            c.speak(rng, L::Tam, Proficiency::Native);
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            c.cook(C::SriLankan);
            if rng.chance(0.5) {
                c.cook(C::SouthIndian);
            }
            c.faith = faith(
                rng,
                &[(Faith::Hindu, 70), (Faith::Christian, 25), (Faith::None, 5)],
            );
            if c.faith == Some(Faith::Hindu) {
                c.keep(D::NoBeef);
                if rng.chance(0.35) {
                    c.keep(D::Vegetarian);
                }
                c.maybe_support(rng, P::Fasting, 0.3);
            }
            c.maybe_support(rng, P::ReligiousFestivals, 0.6);
            c.maybe_support(rng, P::AccompanyToWorship, 0.4);
            c.own_words = Some("எனக்கு தமிழ் தெரியும்.");
        }
        Background::Lithuanian => {
            c.speak(rng, L::Lit, Proficiency::Native);
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            if rng.chance(0.5) {
                let lvl = level(rng, 0.5);
                c.speak(rng, L::Rus, lvl);
            }
            c.cook(C::EasternEuropean);
            if rng.chance(0.2) {
                c.cook(C::British);
            }
            c.faith = faith(rng, &[(Faith::Christian, 62), (Faith::None, 38)]);
            c.maybe_support(rng, P::ReligiousFestivals, 0.3);
            c.own_words = Some("Kalbu lietuviškai ir rusiškai.");
        }
        Background::Kurdish => {
            let sorani = rng.chance(0.6);
            if sorani {
                c.speak(rng, L::Ckb, Proficiency::Native);
                if rng.chance(0.3) {
                    let lvl = level(rng, 0.4);
                    c.speak(rng, L::Fas, lvl);
                }
            } else {
                c.speak(rng, L::Kmr, Proficiency::Native);
                if rng.chance(0.5) {
                    let lvl = level(rng, 0.6);
                    c.speak(rng, L::Tur, lvl);
                }
            }
            if rng.chance(0.4) {
                let lvl = level(rng, 0.4);
                c.speak(rng, L::Ara, lvl);
            }
            let english = migrant_english(rng);
            c.speak(rng, L::Eng, english);
            c.cook(C::Kurdish);
            if rng.chance(0.6) {
                c.cook(C::MiddleEastern);
            }
            if !sorani && rng.chance(0.3) {
                c.cook(C::Turkish);
            }
            c.faith = faith(
                rng,
                &[(Faith::Muslim, 85), (Faith::None, 10), (Faith::Other, 5)],
            );
            if c.faith == Some(Faith::Muslim) {
                c.keep(D::Halal);
                c.keep(D::NoPork);
                c.muslim_practices(rng, 0.7);
            }
            if sorani {
                c.own_words = Some("من بە کوردی قسە دەکەم.");
            }
        }
        Background::Yoruba | Background::Igbo | Background::Ghanaian => {
            let own = match background {
                Background::Yoruba => L::Yor,
                Background::Igbo => L::Ibo,
                _ => L::Twi,
            };
            c.speak(rng, own, Proficiency::Native);
            let english = if rng.chance(0.6) {
                Proficiency::Native
            } else {
                Proficiency::Fluent
            };
            c.speak(rng, L::Eng, english);
            c.cook(C::WestAfrican);
            if rng.chance(0.2) {
                c.cook(C::British);
            }
            let muslim_share = if background == Background::Yoruba {
                25
            } else {
                5
            };
            c.faith = faith(
                rng,
                &[
                    (Faith::Christian, 90 - muslim_share),
                    (Faith::Muslim, muslim_share),
                    (Faith::None, 5),
                ],
            );
            if c.faith == Some(Faith::Muslim) {
                c.keep(D::Halal);
                c.keep(D::NoPork);
                c.muslim_practices(rng, 0.7);
            } else if c.faith == Some(Faith::Christian) {
                c.maybe_support(rng, P::AccompanyToWorship, 0.55);
            }
            c.maybe_support(rng, P::ReligiousFestivals, 0.25);
        }
        Background::Romanian => {
            c.speak(rng, L::Ron, Proficiency::Native);
            let english = if rng.chance(0.5) {
                Proficiency::Fluent
            } else {
                Proficiency::Conversational
            };
            c.speak(rng, L::Eng, english);
            if rng.chance(0.15) {
                let lvl = level(rng, 0.4);
                let other = rng.pick(&[L::Ita, L::Spa, L::Fra]);
                c.speak(rng, other, lvl);
            }
            c.cook(C::EasternEuropean);
            c.faith = faith(rng, &[(Faith::Christian, 88), (Faith::None, 12)]);
            c.maybe_support(rng, P::ReligiousFestivals, 0.4);
            c.maybe_support(rng, P::Fasting, 0.2);
            c.own_words = Some("Vorbesc românește și gătesc mâncare de casă.");
        }
        Background::Jewish => {
            c.speak(rng, L::Eng, Proficiency::Native);
            if rng.chance(0.4) {
                let lvl = level(rng, 0.3);
                c.speak(rng, L::Heb, lvl);
            }
            if rng.chance(0.08) {
                c.speak(rng, L::Yid, Proficiency::Conversational);
            }
            c.cook(C::Jewish);
            if rng.chance(0.6) {
                c.cook(C::British);
            }
            c.faith = faith(rng, &[(Faith::Jewish, 88), (Faith::None, 12)]);
            if c.faith == Some(Faith::Jewish) {
                if rng.chance(0.75) {
                    c.keep(D::Kosher);
                }
                c.maybe_support(rng, P::ReligiousFestivals, 0.8);
                c.maybe_support(rng, P::AccompanyToWorship, 0.4);
                c.maybe_support(rng, P::Fasting, 0.35);
                c.maybe_support(rng, P::SameGenderPersonalCare, 0.3);
            }
        }
    }
    // A few carers of every background sign.
    if rng.chance(0.015) {
        let lvl = if rng.chance(0.5) {
            Proficiency::Fluent
        } else {
            Proficiency::Conversational
        };
        c.speak(rng, L::Bfi, lvl);
    }
    c
}
