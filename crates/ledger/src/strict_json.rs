//! JSON with every key at most once per object. `serde_json` keeps the last of two equal keys
//! in a map without a word, so a document could show a reader one value and hand the program
//! another (a bundle payload whose first `"outcome"` is not the one that was committed). Every
//! document that reaches Grondslag from outside is checked with [`no_duplicate_keys`] first.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// Fails with a Dutch message (naming the key and where it is) when an object in `json` holds
/// the same key twice. Syntax errors are left to the real parser, which reports them better.
pub fn no_duplicate_keys(json: &[u8]) -> Result<(), String> {
    let mut de = serde_json::Deserializer::from_slice(json);
    match Walk::deserialize(&mut de) {
        Err(e) if e.is_data() => Err(e.to_string().replace(" at line ", " (regel ").replace(" column ", ", kolom ") + ")"),
        _ => Ok(()),
    }
}

/// Walks any JSON value, refusing repeated keys.
struct Walk;

impl<'de> Deserialize<'de> for Walk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WalkVisitor)
    }
}

struct WalkVisitor;

impl<'de> Visitor<'de> for WalkVisitor {
    type Value = Walk;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Walk, E> {
        Ok(Walk)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Walk, E> {
        Ok(Walk)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Walk, A::Error> {
        while seq.next_element::<Walk>()?.is_some() {}
        Ok(Walk)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Walk, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format!("de sleutel ‘{key}’ komt twee keer voor in hetzelfde object")));
            }
            map.next_value::<Walk>()?;
            seen.insert(key);
        }
        Ok(Walk)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_is_refused_at_any_depth_and_named() {
        for doc in [r#"{"a":1,"a":2}"#, r#"{"x":[{"b":true},{"c":{"d":1,"d":1}}]}"#, r#"[{"e":null,"f":0,"e":null}]"#] {
            let err = no_duplicate_keys(doc.as_bytes()).err();
            assert!(err.as_deref().is_some_and(|e| e.contains("twee keer") && e.contains("regel 1")), "{doc}: {err:?}");
        }
        assert!(no_duplicate_keys(br#"{"a":1,"a":2}"#).is_err_and(|e| e.contains("‘a’")));
    }

    #[test]
    fn equal_keys_in_different_objects_and_escaped_spellings_are_handled() {
        assert_eq!(no_duplicate_keys(br#"{"a":{"a":1},"b":[{"a":1},{"a":2}]}"#), Ok(()));
        // "\u0061" is "a": the same key, however it is written.
        assert!(no_duplicate_keys(br#"{"a":1,"\u0061":2}"#).is_err());
    }

    #[test]
    fn syntax_errors_are_left_to_the_parser() {
        assert_eq!(no_duplicate_keys(b"{\"a\":"), Ok(()));
        assert_eq!(no_duplicate_keys(b"not json"), Ok(()));
    }
}
