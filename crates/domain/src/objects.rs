//! Structs read from JSON objects only.
//!
//! A derived `Deserialize` of a struct also accepts a sequence of its field values in order, so
//! `"languages": [["yue", "native"]]` would read as `{"code": "yue", "proficiency": "native"}`
//! although every schema we publish says object. [`objects_only!`](crate::objects_only) gives a
//! type the derive's own reader (kept as an inherent function by `#[serde(remote = "Self")]`)
//! behind [`ObjectsOnly`], which refuses sequences in human-readable formats (JSON, query
//! strings). Compact binary formats (postcard, for the index snapshot) have no objects: there a
//! struct is its fields in order, as it was written, and nothing changes.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Unexpected, Visitor};

/// Wraps a deserializer so that a struct (or an internally tagged enum) read through it takes a
/// map and nothing else. Every other request is passed on untouched.
#[derive(Debug)]
pub struct ObjectsOnly<D>(pub D);

/// A visitor that takes only maps, passing them to the visitor it wraps.
struct MapsOnly<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for MapsOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(map)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(de::Error::invalid_type(Unexpected::Seq, &self))
    }
}

/// Passes a request on to the wrapped deserializer unchanged.
macro_rules! forward {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method($($arg,)* visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectsOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        // Internally tagged enums (`ServiceArea`) read their content through `deserialize_any`.
        if self.0.is_human_readable() {
            self.0.deserialize_any(MapsOnly(visitor))
        } else {
            self.0.deserialize_any(visitor)
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if self.0.is_human_readable() {
            self.0.deserialize_struct(name, fields, MapsOnly(visitor))
        } else {
            self.0.deserialize_struct(name, fields, visitor)
        }
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward! {
        deserialize_bool(), deserialize_i8(), deserialize_i16(), deserialize_i32(),
        deserialize_i64(), deserialize_i128(), deserialize_u8(), deserialize_u16(),
        deserialize_u32(), deserialize_u64(), deserialize_u128(), deserialize_f32(),
        deserialize_f64(), deserialize_char(), deserialize_str(), deserialize_string(),
        deserialize_bytes(), deserialize_byte_buf(), deserialize_option(), deserialize_unit(),
        deserialize_unit_struct(name: &'static str),
        deserialize_newtype_struct(name: &'static str),
        deserialize_seq(), deserialize_tuple(len: usize),
        deserialize_tuple_struct(name: &'static str, len: usize),
        deserialize_map(),
        deserialize_enum(name: &'static str, variants: &'static [&'static str]),
        deserialize_identifier(), deserialize_ignored_any(),
    }
}

/// Implements `Deserialize` (objects only in human-readable formats, see the module
/// documentation) and `Serialize` for types that derive both with `#[serde(remote = "Self")]`.
///
/// ```ignore
/// #[derive(Serialize, Deserialize)]
/// #[serde(remote = "Self", deny_unknown_fields)]
/// pub struct LanguageSkill { .. }
/// carematch_domain::objects_only!(LanguageSkill);
/// ```
#[macro_export]
macro_rules! objects_only {
    ($($name:ident $(<$($param:ident),+>)?),+ $(,)?) => {$(
        impl<'de $($(, $param: $crate::objects::serde::Deserialize<'de>)+)?>
            $crate::objects::serde::Deserialize<'de> for $name $(<$($param),+>)?
        {
            fn deserialize<D: $crate::objects::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                // The derive's reader (an inherent function under `remote = "Self"`).
                Self::deserialize($crate::objects::ObjectsOnly(deserializer))
            }
        }

        impl $(<$($param: $crate::objects::serde::Serialize),+>)?
            $crate::objects::serde::Serialize for $name $(<$($param),+>)?
        {
            fn serialize<S: $crate::objects::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                // The derive's writer, unchanged.
                Self::serialize(self, serializer)
            }
        }
    )+};
}

#[doc(hidden)]
pub use serde;

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(remote = "Self", deny_unknown_fields)]
    struct Pair {
        code: String,
        #[serde(default)]
        level: u8,
    }
    crate::objects_only!(Pair);

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(remote = "Self", tag = "type", rename_all = "snake_case")]
    enum Shape {
        Radius { km: f64 },
    }
    crate::objects_only!(Shape);

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(remote = "Self")]
    struct Wrapper<T> {
        inner: T,
    }
    crate::objects_only!(Wrapper<T>);

    #[test]
    fn objects_read_and_write_as_before() {
        let pair: Pair = serde_json::from_str(r#"{"code":"yue","level":3}"#).expect("object");
        assert_eq!(
            pair,
            Pair {
                code: "yue".into(),
                level: 3
            }
        );
        assert_eq!(
            serde_json::to_string(&pair).expect("json"),
            r#"{"code":"yue","level":3}"#
        );
        let shape: Shape = serde_json::from_str(r#"{"type":"radius","km":2.5}"#).expect("object");
        assert_eq!(shape, Shape::Radius { km: 2.5 });
        let wrapped: Wrapper<Pair> =
            serde_json::from_str(r#"{"inner":{"code":"x"}}"#).expect("object");
        assert_eq!(wrapped.inner.code, "x");
    }

    #[test]
    fn sequences_are_refused_in_json() {
        for bad in [r#"["yue", 3]"#, r#"[]"#] {
            let error = serde_json::from_str::<Pair>(bad)
                .expect_err(bad)
                .to_string();
            assert!(
                error.starts_with("invalid type: sequence, expected a JSON object"),
                "{error}"
            );
        }
        assert!(serde_json::from_str::<Shape>(r#"["radius", 2.5]"#).is_err());
        assert!(serde_json::from_str::<Wrapper<Pair>>(r#"{"inner":["x", 1]}"#).is_err());
        assert!(serde_json::from_value::<Pair>(serde_json::json!(["yue", 3])).is_err());
        // Unknown fields are still refused by the derive itself.
        assert!(serde_json::from_str::<Pair>(r#"{"code":"x","nope":1}"#).is_err());
    }
}
