//! Reading a typed record out of a parsed JSON value while remembering where inside the
//! record a type error happened (`provenance.kind`, `centroid[1]`), so the loader can name
//! the place. It is the one deserializer the records are read with: tracking the place here
//! costs far less code than wrapping serde_json's value deserializer in a tracking layer
//! (BENCHMARKS.md, "Where the wasm bytes go").
//!
//! The errors are serde_json's, worded as serde_json words them when it reads from a value
//! ("invalid type: string \"x\", expected u32", "fewer elements in array"), so `serde_words`
//! turns them into plain words.

use serde::de::{
    value::BorrowedStrDeserializer, DeserializeSeed, Deserializer, EnumAccess, Error as _,
    IntoDeserializer, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};
use serde::Deserialize;
use serde_json::{Error, Map, Value};
use std::cell::RefCell;

/// Where a value sits inside the record being read: a chain from the value up to the record.
#[derive(Clone, Copy)]
enum Place<'p> {
    Record,
    Item(&'p Place<'p>, usize),
    Field(&'p Place<'p>, &'p str),
}

impl Place<'_> {
    /// `a.b[2].c`, or `.` for the record itself.
    fn text(&self) -> String {
        let mut parts = Vec::new();
        let mut at = self;
        loop {
            match at {
                Place::Record => break,
                Place::Item(up, i) => {
                    parts.push(format!("[{i}]"));
                    at = up;
                }
                Place::Field(up, key) => {
                    parts.push((*key).to_string());
                    at = up;
                }
            }
        }
        if parts.is_empty() {
            return ".".to_string();
        }
        let mut out = String::new();
        for (n, part) in parts.iter().rev().enumerate() {
            if n > 0 && !part.starts_with('[') {
                out.push('.');
            }
            out.push_str(part);
        }
        out
    }
}

/// A type error and the place inside the record where it happened (`.` for the record).
pub(super) struct PlacedError {
    pub(super) place: String,
    pub(super) error: Error,
}

/// Reads `T` from `value`, naming the place of the first error.
pub(super) fn read<'de, T: Deserialize<'de>>(value: &'de Value) -> Result<T, PlacedError> {
    let first_error_at = RefCell::new(None);
    let de = At {
        value,
        place: &Place::Record,
        first_error_at: &first_error_at,
    };
    T::deserialize(de).map_err(|error| PlacedError {
        place: first_error_at
            .into_inner()
            .unwrap_or_else(|| ".".to_string()),
        error,
    })
}

/// One value being read, with its place; the innermost place an error passes through is the
/// one kept.
struct At<'de, 'p> {
    value: &'de Value,
    place: &'p Place<'p>,
    first_error_at: &'p RefCell<Option<String>>,
}

impl<'p> At<'_, 'p> {
    fn mark<T>(&self, r: Result<T, Error>) -> Result<T, Error> {
        if r.is_err() {
            let mut slot = self.first_error_at.borrow_mut();
            if slot.is_none() {
                *slot = Some(self.place.text());
            }
        }
        r
    }
}

/// What serde calls a JSON value in its error messages.
fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> Deserializer<'de> for At<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, Some(f)) => visitor.visit_f64(f),
                _ => Err(Error::custom("a number that cannot be read")),
            },
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => {
                let mut seq = Items {
                    items: items.iter(),
                    next: 0,
                    place: self.place,
                    first_error_at: self.first_error_at,
                };
                visitor.visit_seq(&mut seq).and_then(|v| {
                    let left = seq.items.len();
                    if left == 0 {
                        Ok(v)
                    } else {
                        Err(Error::invalid_length(
                            items.len(),
                            &"fewer elements in array",
                        ))
                    }
                })
            }
            Value::Object(fields) => {
                let mut map = Fields::new(fields, self.place, self.first_error_at);
                visitor.visit_map(&mut map).and_then(|v| {
                    if map.fields.len() == 0 {
                        Ok(v)
                    } else {
                        Err(Error::invalid_length(
                            fields.len(),
                            &"fewer elements in map",
                        ))
                    }
                })
            }
        };
        self.mark(r)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => self.mark(visitor.visit_none()),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::String(s) => visitor.visit_enum(Variant {
                name: s,
                value: None,
                at: &self,
            }),
            Value::Object(o) => {
                let mut entries = o.iter();
                match (entries.next(), entries.next()) {
                    (Some((name, value)), None) => visitor.visit_enum(Variant {
                        name,
                        value: Some(value),
                        at: &self,
                    }),
                    _ => Err(Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            other => Err(Error::invalid_type(unexpected(other), &"string or map")),
        };
        self.mark(r)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

/// The items of a JSON array, each read at its index.
struct Items<'de, 'p> {
    items: std::slice::Iter<'de, Value>,
    next: usize,
    place: &'p Place<'p>,
    first_error_at: &'p RefCell<Option<String>>,
}

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.items.next() else {
            return Ok(None);
        };
        let place = Place::Item(self.place, self.next);
        self.next += 1;
        seed.deserialize(At {
            value,
            place: &place,
            first_error_at: self.first_error_at,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The fields of a JSON object, each value read at its key.
struct Fields<'de, 'p> {
    fields: serde_json::map::Iter<'de>,
    value: Option<(&'de str, &'de Value)>,
    place: &'p Place<'p>,
    first_error_at: &'p RefCell<Option<String>>,
}

impl<'de, 'p> Fields<'de, 'p> {
    fn new(
        fields: &'de Map<String, Value>,
        place: &'p Place<'p>,
        first_error_at: &'p RefCell<Option<String>>,
    ) -> Self {
        Fields {
            fields: fields.iter(),
            value: None,
            place,
            first_error_at,
        }
    }
}

impl<'de> MapAccess<'de> for Fields<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.fields.next() else {
            return Ok(None);
        };
        self.value = Some((key, value));
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.value.take() else {
            return Err(Error::custom("value is missing"));
        };
        let place = Place::Field(self.place, key);
        seed.deserialize(At {
            value,
            place: &place,
            first_error_at: self.first_error_at,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

/// An enum written as its variant's name (`"ongoing"`) or as `{"name": value}`.
struct Variant<'de, 'a, 'p> {
    name: &'de str,
    value: Option<&'de Value>,
    at: &'a At<'de, 'p>,
}

impl<'de, 'a, 'p> EnumAccess<'de> for Variant<'de, 'a, 'p> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let v = seed.deserialize(self.name.into_deserializer())?;
        Ok((v, self))
    }
}

impl<'de> Variant<'de, '_, '_> {
    /// The variant's value, read at the variant's place.
    fn inner<T>(
        &self,
        value: &'de Value,
        read: impl FnOnce(At<'de, '_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let place = Place::Field(self.at.place, self.name);
        read(At {
            value,
            place: &place,
            first_error_at: self.at.first_error_at,
        })
    }
}

impl<'de> VariantAccess<'de> for Variant<'de, '_, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            None | Some(Value::Null) => Ok(()),
            Some(other) => Err(Error::invalid_type(unexpected(other), &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.value {
            Some(v) => self.inner(v, |at| seed.deserialize(at)),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Some(v @ Value::Array(_)) => self.inner(v, |at| at.deserialize_any(visitor)),
            Some(other) => Err(Error::invalid_type(unexpected(other), &"tuple variant")),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Some(v @ Value::Object(_)) => self.inner(v, |at| at.deserialize_any(visitor)),
            Some(other) => Err(Error::invalid_type(unexpected(other), &"struct variant")),
            None => Err(Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}
