//! A one-slot cache of something computed from the loaded dataset (the map geometry, a
//! boundary file): it holds the value under a key for as long as that same dataset is
//! loaded, and never keeps the dataset alive (it remembers it by a weak pointer).

use crate::ui::ctx::Loaded;
use std::cell::RefCell;
use std::sync::{Arc, Weak};

/// One cached value, for one dataset and one key.
pub struct DatasetCache<K, V> {
    slot: RefCell<Option<(K, Weak<Loaded>, V)>>,
}

impl<K: PartialEq, V: Clone> DatasetCache<K, V> {
    /// An empty cache (usable in a `thread_local!` constant).
    pub const fn new() -> Self {
        DatasetCache {
            slot: RefCell::new(None),
        }
    }

    /// The value stored for `key` and this very dataset, if any.
    pub fn get(&self, key: &K, loaded: &Arc<Loaded>) -> Option<V> {
        self.slot
            .borrow()
            .as_ref()
            .filter(|(k, w, _)| k == key && std::ptr::eq(w.as_ptr(), Arc::as_ptr(loaded)))
            .map(|(_, _, v)| v.clone())
    }

    /// Stores `value` for `key` and this dataset, replacing whatever was there.
    pub fn put(&self, key: K, loaded: &Arc<Loaded>, value: V) {
        *self.slot.borrow_mut() = Some((key, Arc::downgrade(loaded), value));
    }
}

impl<K: PartialEq, V: Clone> Default for DatasetCache<K, V> {
    fn default() -> Self {
        DatasetCache::new()
    }
}
