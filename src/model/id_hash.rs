//! Maps keyed by record ids (hazards, areas, option values), hashed with a small, fast
//! multiplicative hash instead of the standard library's SipHash. The filters look such ids
//! up for every action on every filter change (about 200,000 lookups at 10,000 actions), where
//! SipHash's protection against crafted collisions buys nothing: the keys are the dataset's
//! own ids, and a dataset can only slow down the page of whoever opens it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The hash state: each word is mixed in by rotate, xor and one multiplication.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

/// An odd constant with well-spread bits (2^64 divided by the golden ratio, made odd).
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(MIX);
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // Fold the well-mixed high half down: the table picks buckets with the low bits.
        self.0 ^ (self.0 >> 32)
    }
}

/// Builds [`IdHasher`]s.
pub type IdBuild = BuildHasherDefault<IdHasher>;

/// A map from ids to `V`.
pub type IdMap<V> = HashMap<String, V, IdBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    fn hash(s: &str) -> u64 {
        IdBuild::default().hash_one(s)
    }

    #[test]
    fn similar_ids_hash_apart_and_maps_work() {
        let ids: Vec<String> = (0..2000)
            .map(|i| format!("31.71.{:02}.{:04}", i % 50, i))
            .collect();
        let mut hashes: Vec<u64> = ids.iter().map(|s| hash(s)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(
            hashes.len(),
            ids.len(),
            "no two of 2,000 area-like ids collide"
        );
        // Prefixes and lengths matter (the tail of a short id is padded, not ignored).
        assert_ne!(hash("flood"), hash("flood\0"));
        assert_ne!(hash("a"), hash("aa"));
        let m: IdMap<usize> = ids.iter().cloned().zip(0..).collect();
        assert!(ids.iter().enumerate().all(|(i, s)| m.get(s) == Some(&i)));
        // Low bits spread: 2,000 ids fill most of 256 buckets.
        let mut buckets = [false; 256];
        for s in &ids {
            buckets[(hash(s) & 255) as usize] = true;
        }
        assert!(buckets.iter().filter(|b| **b).count() > 240);
    }
}
