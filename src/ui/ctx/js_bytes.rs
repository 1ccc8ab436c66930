//! Reading bytes that live in the browser's memory (a fetched file's `Uint8Array`) as a
//! `std::io::Read`, a piece at a time: the dataset is decoded without a whole copy of its
//! text in the wasm memory, which only grows (BENCHMARKS.md, memory at 10,000 actions).

/// A reader over a browser-side byte array.
pub struct JsBytes {
    array: js_sys::Uint8Array,
    at: u32,
}

impl JsBytes {
    /// Reads `array` from its start.
    pub fn new(array: js_sys::Uint8Array) -> JsBytes {
        JsBytes { array, at: 0 }
    }
}

impl std::io::Read for JsBytes {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let len = self.array.length();
        let want = u32::try_from(buf.len()).unwrap_or(u32::MAX);
        let end = self.at.saturating_add(want).min(len);
        let n = (end - self.at) as usize;
        if n > 0 {
            self.array.subarray(self.at, end).copy_to(&mut buf[..n]);
            self.at = end;
        }
        Ok(n)
    }
}
