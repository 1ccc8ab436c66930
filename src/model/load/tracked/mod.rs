//! Reading a typed record out of a parsed JSON value while remembering where inside the
//! record a type error happened (`provenance.kind`, `centroid[1]`), so the loader can name
//! the place, and which fields the record's type does not know (serde skips them; the loader
//! warns about them). It is the one deserializer the records are read with: tracking here
//! costs far less code than wrapping serde_json's value deserializer in a tracking layer and
//! writing each record back to find what was skipped (BENCHMARKS.md, "Where the wasm bytes go").
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
        match self.inner() {
            s if s.is_empty() => ".".to_string(),
            s => s,
        }
    }

    /// `a.b[2].c`, or an empty string for the record itself.
    fn inner(&self) -> String {
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

/// A field the record's type does not know: the place of the object holding it inside the
/// record (empty for the record itself) and its key.
pub(super) struct Unknown {
    pub(super) parent: String,
    pub(super) key: String,
}

/// What one reading noticed: the place of the first error, the fields serde skipped.
#[derive(Default)]
struct Notes {
    first_error_at: Option<String>,
    unknown: Vec<Unknown>,
}

/// Reads `T` from `value`: the record and the fields its type does not know (in document
/// order), or the first error and its place.
pub(super) fn read<'de, T: Deserialize<'de>>(
    value: &'de Value,
) -> Result<(T, Vec<Unknown>), PlacedError> {
    let notes = RefCell::new(Notes::default());
    let de = At {
        value,
        place: &Place::Record,
        notes: &notes,
    };
    let r = T::deserialize(de);
    let notes = notes.into_inner();
    match r {
        Ok(t) => Ok((t, notes.unknown)),
        Err(error) => Err(PlacedError {
            place: notes.first_error_at.unwrap_or_else(|| ".".to_string()),
            error,
        }),
    }
}

/// One value being read, with its place; the innermost place an error passes through is the
/// one kept.
struct At<'de, 'p> {
    value: &'de Value,
    place: &'p Place<'p>,
    notes: &'p RefCell<Notes>,
}

impl<'de, 'p> At<'de, 'p> {
    /// A list read item by item; items the visitor left are an error, as in serde_json.
    fn items<V: Visitor<'de>>(&self, items: &'de [Value], visitor: V) -> Result<V::Value, Error> {
        let mut seq = Items {
            items: items.iter(),
            next: 0,
            place: self.place,
            notes: self.notes,
        };
        let v = visitor.visit_seq(&mut seq)?;
        match seq.items.len() {
            0 => Ok(v),
            _ => Err(Error::invalid_length(
                items.len(),
                &"fewer elements in array",
            )),
        }
    }

    /// An object read field by field; fields the visitor left are an error, as in serde_json.
    fn fields<V: Visitor<'de>>(
        &self,
        fields: &'de Map<String, Value>,
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mut map = Fields::new(fields, self.place, self.notes);
        let v = visitor.visit_map(&mut map)?;
        match map.fields.len() {
            0 => Ok(v),
            _ => Err(Error::invalid_length(
                fields.len(),
                &"fewer elements in map",
            )),
        }
    }

    fn mark<T>(&self, r: Result<T, Error>) -> Result<T, Error> {
        if r.is_err() {
            let mut notes = self.notes.borrow_mut();
            if notes.first_error_at.is_none() {
                notes.first_error_at = Some(self.place.text());
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
            Value::Number(_) => return self.deserialize_f64(visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(_) => return self.deserialize_seq(visitor),
            Value::Object(_) => return self.deserialize_map(visitor),
        };
        self.mark(r)
    }

    // Each kind of value has its own method, so that a visitor (one per field type) only
    // brings in the code for the kind it expects: a string, a number, a list or an object.

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
        };
        self.mark(r)
    }

    /// Every number type: the visitor checks the range.
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (None, Some(i), _) => visitor.visit_i64(i),
                (None, None, Some(f)) => visitor.visit_f64(f),
                _ => Err(Error::custom("a number that cannot be read")),
            },
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
        };
        self.mark(r)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
        };
        self.mark(r)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::Null => visitor.visit_unit(),
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
        };
        self.mark(r)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::Array(items) => self.items(items, visitor),
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
        };
        self.mark(r)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::Object(fields) => self.fields(fields, visitor),
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
        };
        self.mark(r)
    }

    /// An object, or (as serde_json allows) a list of the fields in order.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let r = match self.value {
            Value::Object(fields) => self.fields(fields, visitor),
            Value::Array(items) => self.items(items, visitor),
            other => Err(Error::invalid_type(unexpected(other), &visitor)),
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

    /// serde skips the value of a field its type does not know: noted as unknown, unless it
    /// is null or false (what a record leaves out when it writes an absent option or flag).
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let absent = matches!(self.value, Value::Null | Value::Bool(false));
        if let (Place::Field(parent, key), false) = (self.place, absent) {
            self.notes.borrow_mut().unknown.push(Unknown {
                parent: parent.inner(),
                key: (*key).to_string(),
            });
        }
        visitor.visit_unit()
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    serde::forward_to_deserialize_any! { bytes byte_buf }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }
}

/// The items of a JSON array, each read at its index.
struct Items<'de, 'p> {
    items: std::slice::Iter<'de, Value>,
    next: usize,
    place: &'p Place<'p>,
    notes: &'p RefCell<Notes>,
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
            notes: self.notes,
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
    notes: &'p RefCell<Notes>,
}

impl<'de, 'p> Fields<'de, 'p> {
    fn new(
        fields: &'de Map<String, Value>,
        place: &'p Place<'p>,
        notes: &'p RefCell<Notes>,
    ) -> Self {
        Fields {
            fields: fields.iter(),
            value: None,
            place,
            notes,
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
            notes: self.notes,
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
            notes: self.at.notes,
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

#[cfg(test)]
mod tests;
