//! The multilingual tokenizer behind the `name` and `text` fields.
//!
//! 1. Words are found with Unicode word boundaries (UAX #29, the `unicode-segmentation` crate), so
//!    a Bengali, Gurmukhi, Devanagari or Gujarati word keeps its vowel signs and viramas (tantivy's
//!    `SimpleTokenizer` cuts a word at every combining mark, since marks are not alphanumeric).
//! 2. Runs of Han, Hiragana, Katakana and Hangul characters (UAX #29 gives one "word" per
//!    ideograph) are joined back into runs and emitted as overlapping character bigrams. At index
//!    time every character is also emitted as a unigram, so a one-character query still finds it;
//!    the query analyzer leaves the unigrams out of runs of two or more characters, so `廣東話`
//!    must match `廣東` and `東話`, not any text holding `話`.
//! 3. Arabic-script words (Urdu, Arabic, Persian, Pashto, Sorani) are kept whole; harakat and
//!    tatweel are dropped, and Arabic yeh and kaf are folded to their Persian/Urdu forms, so the
//!    same word typed on different keyboards matches. Zero-width joiners are dropped everywhere.
//! 4. The analyzer then drops over-long tokens and applies tantivy's `LowerCaser` and
//!    `AsciiFoldingFilter` (`Español` -> `espanol`, `Kurmancî` -> `kurmanci`).

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use unicode_segmentation::UnicodeSegmentation;

/// The name the index-time analyzer is registered under (and stored in the schema).
pub const TOKENIZER_NAME: &str = "carematch_multilingual";
/// The name of the query-time analyzer: the same, without unigrams inside CJK runs.
pub const QUERY_TOKENIZER_NAME: &str = "carematch_multilingual_query";

/// Tokens longer than this many bytes are dropped (a stray URL or base64 blob, not a word).
const MAX_TOKEN_BYTES: usize = 120;

/// Whether runs of CJK characters also yield each character alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CjkUnigrams {
    /// Index time: bigrams and every unigram.
    Always,
    /// Query time: bigrams only, unless the run is a single character.
    OnlyForSingleCharacters,
}

/// The index-time analyzer: [`MultilingualTokenizer`], long-token removal, lower-casing and
/// ASCII folding.
pub fn index_analyzer() -> TextAnalyzer {
    analyzer(CjkUnigrams::Always)
}

/// The query-time analyzer (see [`CjkUnigrams::OnlyForSingleCharacters`]).
pub fn query_analyzer() -> TextAnalyzer {
    analyzer(CjkUnigrams::OnlyForSingleCharacters)
}

fn analyzer(unigrams: CjkUnigrams) -> TextAnalyzer {
    TextAnalyzer::builder(MultilingualTokenizer::new(unigrams))
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The terms `analyzer` makes of `text`, in order: for tests, debugging and the query builder.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut terms = Vec::new();
    while let Some(token) = stream.next() {
        terms.push(token.text.clone());
    }
    terms
}

/// Splits text into words by Unicode word boundaries, and CJK runs into bigrams (see the module
/// docs). Lower-casing and folding are left to the filters of the analyzer.
#[derive(Debug, Clone)]
pub struct MultilingualTokenizer {
    unigrams: CjkUnigrams,
    /// Reused between texts: the tokens of the current text, produced up front.
    buffer: Vec<Token>,
    current: Token,
}

impl MultilingualTokenizer {
    pub fn new(unigrams: CjkUnigrams) -> Self {
        Self {
            unigrams,
            buffer: Vec::new(),
            current: Token::default(),
        }
    }
}

/// The tokens of one text, handed out one by one.
pub struct MultilingualTokenStream<'a> {
    pending: std::vec::Drain<'a, Token>,
    current: &'a mut Token,
}

impl Tokenizer for MultilingualTokenizer {
    type TokenStream<'a> = MultilingualTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MultilingualTokenStream<'a> {
        self.buffer.clear();
        self.current.reset();
        segment(text, self.unigrams, &mut self.buffer);
        MultilingualTokenStream {
            pending: self.buffer.drain(..),
            current: &mut self.current,
        }
    }
}

impl TokenStream for MultilingualTokenStream<'_> {
    fn advance(&mut self) -> bool {
        match self.pending.next() {
            Some(token) => {
                *self.current = token;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        self.current
    }
}

/// Appends the tokens of `text` to `out`.
fn segment(text: &str, unigrams: CjkUnigrams, out: &mut Vec<Token>) {
    let mut run = CjkRun::default();
    for (start, word) in text.unicode_word_indices() {
        // A UAX #29 word may mix CJK and other characters (`2층`, `ABC漢`): split it into
        // script runs first.
        let mut piece_start = start;
        let mut piece_is_cjk = None;
        for (offset, c) in word.char_indices() {
            let at = start + offset;
            let cjk = is_cjk(c);
            if piece_is_cjk.is_some_and(|was| was != cjk) {
                emit_piece(
                    text,
                    piece_start,
                    at,
                    piece_is_cjk == Some(true),
                    &mut run,
                    unigrams,
                    out,
                );
                piece_start = at;
            }
            piece_is_cjk = Some(cjk);
        }
        emit_piece(
            text,
            piece_start,
            start + word.len(),
            piece_is_cjk == Some(true),
            &mut run,
            unigrams,
            out,
        );
    }
    run.flush(unigrams, out);
}

fn emit_piece(
    text: &str,
    from: usize,
    to: usize,
    cjk: bool,
    run: &mut CjkRun,
    unigrams: CjkUnigrams,
    out: &mut Vec<Token>,
) {
    if from >= to {
        return;
    }
    if cjk {
        if run.end != from {
            run.flush(unigrams, out);
        }
        run.chars
            .extend(text[from..to].char_indices().map(|(i, c)| (from + i, c)));
        run.end = to;
    } else {
        run.flush(unigrams, out);
        let normalized = normalize_word(&text[from..to]);
        if !normalized.is_empty() {
            push(out, from, to, normalized);
        }
    }
}

/// Consecutive CJK characters not yet emitted, with their byte offsets.
#[derive(Default)]
struct CjkRun {
    chars: Vec<(usize, char)>,
    /// Byte offset just past the run, to tell whether the next CJK piece continues it.
    end: usize,
}

impl CjkRun {
    fn flush(&mut self, unigrams: CjkUnigrams, out: &mut Vec<Token>) {
        let single = self.chars.len() == 1;
        let with_unigrams = single || unigrams == CjkUnigrams::Always;
        for (i, &(from, c)) in self.chars.iter().enumerate() {
            let to = from + c.len_utf8();
            if with_unigrams {
                push(out, from, to, c.to_string());
            }
            if let Some(&(next_from, next)) = self.chars.get(i + 1) {
                let mut bigram = String::with_capacity(c.len_utf8() + next.len_utf8());
                bigram.push(c);
                bigram.push(next);
                push(out, from, next_from + next.len_utf8(), bigram);
            }
        }
        self.chars.clear();
    }
}

fn push(out: &mut Vec<Token>, from: usize, to: usize, text: String) {
    let position = out.len();
    out.push(Token {
        offset_from: from,
        offset_to: to,
        position,
        text,
        position_length: 1,
    });
}

/// Drops zero-width joiners and, in Arabic script, harakat and tatweel; folds Arabic yeh and kaf
/// to the forms Urdu and Persian use.
fn normalize_word(word: &str) -> String {
    word.chars()
        .filter(|&c| {
            !matches!(
                c,
                '\u{200B}'..='\u{200D}'
                    | '\u{FEFF}'
                    | '\u{0640}'
                    | '\u{064B}'..='\u{065F}'
                    | '\u{0670}'
            )
        })
        .map(|c| match c {
            '\u{064A}' | '\u{0649}' => '\u{06CC}', // ي ى -> ی
            '\u{0643}' => '\u{06A9}',              // ك -> ک
            other => other,
        })
        .collect()
}

/// Han (with the iteration and zero marks), Hiragana, Katakana (with half-width forms and the
/// prolonged sound mark) and Hangul.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'     // Hangul Jamo
        | '\u{3005}' | '\u{3007}'   // 々 〇
        | '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{3130}'..='\u{318F}'   // Hangul compatibility Jamo
        | '\u{31F0}'..='\u{31FF}'   // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}'   // Hangul Jamo extended A
        | '\u{AC00}'..='\u{D7FF}'   // Hangul syllables, Jamo extended B
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'   // half-width Katakana
        | '\u{FFA0}'..='\u{FFDC}'   // half-width Hangul
        | '\u{20000}'..='\u{3134F}' // CJK extensions B..G
    )
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::SimpleTokenizer;

    use super::*;

    fn index_terms(text: &str) -> Vec<String> {
        terms(&mut index_analyzer(), text)
    }

    fn query_terms(text: &str) -> Vec<String> {
        terms(&mut query_analyzer(), text)
    }

    #[test]
    fn indic_words_keep_their_vowel_signs_unlike_simple_tokenizer() {
        for word in ["ਪੰਜਾਬੀ", "ગુજરાતી", "বাংলা"] {
            assert_eq!(index_terms(word), [word], "{word}");
        }
        // Viramas and nuktas are combining marks that are not alphabetic: SimpleTokenizer cuts
        // words there (`হিন্দী` -> `হিন`, `দী`), which makes them unsearchable.
        for word in ["বাংলায়", "রান্না", "ਹਰਪ੍ਰੀਤ", "ਸ਼ਬਦ", "हिन्दी", "સ્વાગત", "தமிழ்"]
        {
            assert_eq!(index_terms(word), [word], "{word}");
            let mut simple = TextAnalyzer::from(SimpleTokenizer::default());
            let split = terms(&mut simple, word);
            assert_ne!(
                split,
                [word],
                "SimpleTokenizer keeps {word} whole after all"
            );
        }
        assert_eq!(
            index_terms("আমি বাংলায় কথা বলি।"),
            ["আমি", "বাংলায়", "কথা", "বলি"]
        );
    }

    #[test]
    fn cjk_runs_become_bigrams_and_unigrams() {
        assert_eq!(index_terms("廣東話"), ["廣", "廣東", "東", "東話", "話"]);
        assert_eq!(query_terms("廣東話"), ["廣東", "東話"]);
        assert_eq!(query_terms("菜"), ["菜"]);
        assert_eq!(
            query_terms("我會煮廣東菜"),
            ["我會", "會煮", "煮廣", "廣東", "東菜"]
        );
        // Punctuation and spaces end a run.
        assert_eq!(query_terms("粵語、客家話"), ["粵語", "客家", "家話"]);
        assert_eq!(query_terms("한국어 요리"), ["한국", "국어", "요리"]);
        assert_eq!(query_terms("カタカナ"), ["カタ", "タカ", "カナ"]);
    }

    #[test]
    fn mixed_scripts_split_into_runs() {
        assert_eq!(
            query_terms("Mei 會講廣東話 and Hakka"),
            ["mei", "會講", "講廣", "廣東", "東話", "and", "hakka"]
        );
    }

    #[test]
    fn arabic_script_words_stay_whole_and_are_normalized() {
        assert_eq!(
            index_terms("میں اردو بولتی ہوں"),
            ["میں", "اردو", "بولتی", "ہوں"]
        );
        // Harakat and tatweel dropped; Arabic yeh and kaf folded.
        assert_eq!(index_terms("عَرَبـــي"), index_terms("عربی"));
        assert_eq!(index_terms("كتاب"), index_terms("کتاب"));
        // A zero-width non-joiner inside a Persian word does not split or change it.
        assert_eq!(index_terms("می\u{200C}خواهم"), ["میخواهم"]);
    }

    #[test]
    fn latin_is_lower_cased_and_ascii_folded() {
        assert_eq!(
            index_terms("Español, Kurmancî; Yorùbá — PERSONAL_CARE"),
            ["espanol", "kurmanci", "yoruba", "personal_care"]
        );
        assert_eq!(index_terms("Same-gender care"), ["same", "gender", "care"]);
    }

    #[test]
    fn over_long_tokens_are_dropped_and_odd_input_is_safe() {
        let long = "x".repeat(500);
        assert_eq!(index_terms(&format!("a {long} b")), ["a", "b"]);
        for odd in [
            "",
            "   ",
            "!!!",
            "\u{0301}\u{0301}",
            "\0\u{FEFF}",
            "🙂🙂",
            "a\u{200D}",
        ] {
            let _ = index_terms(odd);
            let _ = query_terms(odd);
        }
    }

    #[test]
    fn positions_and_offsets_are_consistent() {
        let text = "Mei 廣東 ok";
        let mut analyzer = index_analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut previous = None;
        while let Some(token) = stream.next() {
            assert!(text.get(token.offset_from..token.offset_to).is_some());
            if let Some(previous) = previous {
                assert!(token.position > previous);
            }
            previous = Some(token.position);
        }
    }
}
