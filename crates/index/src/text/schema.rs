//! The schema (built in one function, versioned by [`SCHEMA_VERSION`]) and the documents made of
//! carers and providers.
//!
//! Only what public search needs goes in: the public display name (`Mei L.`, never the family
//! name), the bio or description, vocabulary codes and labels, the agency, the consent flag. No
//! postcode, location, contact, gender, faith or checks: the index is a cache on disk and must not
//! hold more personal data than the public listing shows. Nothing but `key` and `id` is stored.

use carematch_domain::vocabulary::{Code, Language};
use carematch_domain::{Carer, Provider};
use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};

use super::DocKind;
use super::tokenizer::TOKENIZER_NAME;

/// Bump on any change to the schema (`build_schema`), the tokenizer or what goes into a
/// document: an index on disk with another version is wiped and rebuilt from the database.
pub const SCHEMA_VERSION: u32 = 2;

/// The fields of the schema, by handle.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    /// `carer:123` / `provider:45`: the term an upsert deletes by. Stored, raw.
    pub key: Field,
    /// Facet `/kind/carer` or `/kind/provider`.
    pub kind: Field,
    /// The record id: fast and stored.
    pub id: Field,
    /// Kind and id in one number ([`tag`]): fast, so that a search limited to a set of records
    /// (those within a radius) reads one column to find their documents.
    pub tag: Field,
    /// The vouching or managing agency, 0 for none: indexed (filters) and fast.
    pub agency: Field,
    /// Public: [`Carer::is_public`] / [`Provider::is_public`]; indexed and fast.
    pub public: Field,
    /// The public display name, tokenized.
    pub name: Field,
    /// Bio or description and every vocabulary code, label, autonym and alias, tokenized.
    pub text: Field,
    /// Facets `/language/yue`, `/service/personal_care`, `/cuisine/..`, `/diet/..`,
    /// `/faith_practice/..`, `/community/..`.
    pub facet: Field,
}

/// The schema, in one place.
pub(crate) fn build_schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let tokenized = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER_NAME)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        key: builder.add_text_field("key", STRING | STORED),
        kind: builder.add_facet_field("kind", FacetOptions::default()),
        id: builder.add_i64_field("id", FAST | STORED),
        tag: builder.add_u64_field(TAG_FIELD, FAST),
        agency: builder.add_i64_field("agency", INDEXED | FAST),
        public: builder.add_bool_field("public", INDEXED | FAST),
        name: builder.add_text_field("name", tokenized.clone()),
        text: builder.add_text_field("text", tokenized),
        facet: builder.add_facet_field("facet", FacetOptions::default()),
    };
    (builder.build(), fields)
}

/// The name of the [`Fields::tag`] column.
pub(crate) const TAG_FIELD: &str = "tag";

/// Kind and id in one number: `id * 2`, plus 1 for providers. Ids are positive (database keys),
/// so tags are dense from 2 up and a bitset over them stays small.
pub(crate) fn tag(kind: DocKind, id: i64) -> u64 {
    let kind_bit = match kind {
        DocKind::Carer => 0,
        DocKind::Provider => 1,
    };
    id.unsigned_abs() * 2 + kind_bit
}

/// The upsert key of a record.
pub(crate) fn key(kind: DocKind, id: i64) -> String {
    format!("{}:{id}", kind.code())
}

/// Collects the searchable vocabulary text and the facets of one record.
struct Vocabulary<'a> {
    fields: &'a Fields,
    doc: &'a mut TantivyDocument,
    text: String,
}

impl Vocabulary<'_> {
    /// Adds a code: its facet (when `facet` is set) and its code, English label and autonym to
    /// the text.
    fn add<T: Code>(&mut self, code: T, facet: bool) {
        if facet {
            self.doc.add_facet(
                self.fields.facet,
                tantivy::schema::Facet::from_path([T::KIND, code.code()]),
            );
        }
        self.words(code.code());
        self.words(code.label_en());
        if let Some(autonym) = code.autonym() {
            self.words(autonym);
        }
    }

    fn add_language(&mut self, language: Language) {
        self.add(language, true);
        for alias in language.aliases() {
            self.words(alias);
        }
    }

    fn words(&mut self, words: &str) {
        // A separator the tokenizer splits on in every script, so labels never run together
        // (two Han labels side by side would otherwise form a bigram across them).
        self.text.push_str(words);
        self.text.push_str(" | ");
    }

    fn finish(self) {
        self.doc.add_text(self.fields.text, self.text);
    }
}

pub(crate) fn carer_document(fields: &Fields, carer: &Carer) -> TantivyDocument {
    let details = &carer.details;
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.key, key(DocKind::Carer, carer.id.0));
    doc.add_facet(fields.kind, DocKind::Carer.facet());
    doc.add_i64(fields.id, carer.id.0);
    doc.add_u64(fields.tag, tag(DocKind::Carer, carer.id.0));
    doc.add_i64(fields.agency, carer.agency_id.0);
    doc.add_bool(fields.public, carer.is_public());
    doc.add_text(fields.name, details.display_name());
    if !details.bio.trim().is_empty() {
        doc.add_text(fields.text, &details.bio);
    }
    let mut vocabulary = Vocabulary {
        fields,
        doc: &mut doc,
        text: String::new(),
    };
    for skill in &details.languages {
        vocabulary.add_language(skill.code);
    }
    for &cuisine in &details.cuisines {
        vocabulary.add(cuisine, true);
    }
    for &diet in &details.dietary_laws {
        vocabulary.add(diet, true);
    }
    for &practice in &details.faith_practices {
        vocabulary.add(practice, true);
    }
    for &service in &details.services {
        vocabulary.add(service, true);
    }
    for &experience in &details.experience {
        vocabulary.add(experience, false);
    }
    vocabulary.finish();
    doc
}

pub(crate) fn provider_document(fields: &Fields, provider: &Provider) -> TantivyDocument {
    let details = &provider.details;
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.key, key(DocKind::Provider, provider.id.0));
    doc.add_facet(fields.kind, DocKind::Provider.facet());
    doc.add_i64(fields.id, provider.id.0);
    doc.add_u64(fields.tag, tag(DocKind::Provider, provider.id.0));
    doc.add_i64(
        fields.agency,
        provider.agency_id.map_or(0, |agency| agency.0),
    );
    doc.add_bool(fields.public, provider.is_public());
    doc.add_text(fields.name, &details.name);
    if !details.description.trim().is_empty() {
        doc.add_text(fields.text, &details.description);
    }
    let mut vocabulary = Vocabulary {
        fields,
        doc: &mut doc,
        text: String::new(),
    };
    vocabulary.add(details.kind, false);
    for &community in &details.communities {
        vocabulary.add(community, true);
    }
    for &language in &details.staff_languages {
        vocabulary.add_language(language);
    }
    for &cuisine in &details.cuisines {
        vocabulary.add(cuisine, true);
    }
    for &diet in &details.dietary_laws {
        vocabulary.add(diet, true);
    }
    for &practice in &details.faith_practices {
        vocabulary.add(practice, true);
    }
    for &service in &details.services {
        vocabulary.add(service, true);
    }
    for &experience in &details.experience {
        vocabulary.add(experience, false);
    }
    vocabulary.finish();
    doc
}
