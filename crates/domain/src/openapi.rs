//! Hand-made pieces of the OpenAPI schemas, where the derive would not describe what is
//! serialised.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use utoipa::openapi::schema::{
    AllOfBuilder, Array, ArrayBuilder, KnownFormat, Object, ObjectBuilder, OneOfBuilder, Schema,
    SchemaFormat, Type,
};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{PartialSchema, ToSchema};

use crate::{
    AgencyId, Carer, CarerDetails, CarerId, GeoPoint, Provider, ProviderDetails, ProviderId,
};

/// A stored record as one closed object: the properties of its `details` (the create/update body,
/// itself closed with `additionalProperties: false`) and the stored fields beside them.
///
/// The derive renders a `#[serde(flatten)]`ed struct as `allOf: [details, stored fields]`, which
/// no record can satisfy: `details` forbids every property it does not list, and the stored
/// fields (`id`, `version`, ...) are such properties.
fn closed_record(details: RefOr<Schema>, stored: Object, description: &str) -> RefOr<Schema> {
    let RefOr::T(Schema::Object(mut record)) = details else {
        // Not an inline object (never so for a derived struct): keep the derive's shape.
        return AllOfBuilder::new()
            .item(details)
            .item(stored)
            .description(Some(description))
            .into();
    };
    record.properties.extend(stored.properties);
    record.required.extend(stored.required);
    record.description = Some(description.to_owned());
    record.example = None;
    RefOr::T(Schema::Object(record))
}

/// A `$ref` to a named component schema.
fn reference(name: &str) -> RefOr<Schema> {
    RefOr::Ref(Ref::from_schema_name(name))
}

/// A `$ref` with its own description.
fn described_reference(name: &str, description: &str) -> RefOr<Schema> {
    let mut reference = Ref::from_schema_name(name);
    reference.description = description.to_owned();
    RefOr::Ref(reference)
}

/// A list of codes, each at most once (`uniqueItems`).
pub(crate) fn unique_codes<T: ToSchema>() -> Array {
    ArrayBuilder::new()
        .items(reference(&T::name()))
        .unique_items(true)
        .build()
}

/// A list of at least one code, each at most once.
pub(crate) fn some_unique_codes<T: ToSchema>() -> Array {
    ArrayBuilder::new()
        .items(reference(&T::name()))
        .unique_items(true)
        .min_items(Some(1))
        .build()
}

/// Deserialises `T` from a JSON object only. A derived `Deserialize` of a struct also takes a
/// JSON array of the field values in order (`"contact": [null, null]`), which the schema (an
/// object) does not allow; fields and types that use this take objects alone in human-readable
/// formats (binary ones read a struct as they wrote it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapOnly<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for MapOnly<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Visit<T> {
            type Value = T;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(MapAccessDeserializer::new(map))
            }
        }
        // Compact binary formats (postcard, for the index snapshot) have no objects: there a
        // struct is its fields in order, as it was written.
        if !deserializer.is_human_readable() {
            return T::deserialize(deserializer).map(MapOnly);
        }
        deserializer
            .deserialize_map(Visit(PhantomData))
            .map(MapOnly)
    }
}

/// An RFC 3339 timestamp.
fn date_time() -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::DateTime)))
}

/// The fields a stored record has beside its details, every one always sent.
fn stored_fields(
    id: &str,
    agency_id: impl Into<RefOr<Schema>>,
    location: RefOr<Schema>,
    version_description: Option<&str>,
) -> Object {
    let version = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(1))
        .description(version_description);
    ObjectBuilder::new()
        .property("id", reference(id))
        .required("id")
        .property("agency_id", agency_id)
        .required("agency_id")
        .property("location", location)
        .required("location")
        .property("version", version)
        .required("version")
        .property("created_at", date_time())
        .required("created_at")
        .property("updated_at", date_time())
        .required("updated_at")
        .build()
}

/// Registers `T`'s schema and those it refers to.
fn register<T: ToSchema>(schemas: &mut Vec<(String, RefOr<Schema>)>) {
    schemas.push((T::name().into(), <T as PartialSchema>::schema()));
    <T as ToSchema>::schemas(schemas);
}

impl PartialSchema for Carer {
    fn schema() -> RefOr<Schema> {
        let location = described_reference(
            &GeoPoint::name(),
            "The base point, resolved from the postcode through the gazetteer. Never public.",
        );
        let stored = stored_fields(
            &CarerId::name(),
            reference(&AgencyId::name()),
            location,
            Some("Incremented on every update; send it back in `If-Match` to avoid lost updates."),
        );
        closed_record(
            <CarerDetails as PartialSchema>::schema(),
            stored,
            "A stored carer.",
        )
    }
}

impl ToSchema for Carer {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        <CarerDetails as ToSchema>::schemas(schemas);
        register::<CarerId>(schemas);
        register::<AgencyId>(schemas);
        register::<GeoPoint>(schemas);
    }
}

impl PartialSchema for Provider {
    fn schema() -> RefOr<Schema> {
        let agency_id = OneOfBuilder::new()
            .item(reference(&AgencyId::name()))
            .item(ObjectBuilder::new().schema_type(Type::Null))
            .description(Some(
                "The agency or admin account that manages the record, if any.",
            ));
        let stored = stored_fields(
            &ProviderId::name(),
            agency_id,
            reference(&GeoPoint::name()),
            None,
        );
        closed_record(
            <ProviderDetails as PartialSchema>::schema(),
            stored,
            "A stored provider.",
        )
    }
}

impl ToSchema for Provider {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        <ProviderDetails as ToSchema>::schemas(schemas);
        register::<ProviderId>(schemas);
        register::<AgencyId>(schemas);
        register::<GeoPoint>(schemas);
    }
}
