//! Any string: `parse_number` returns a finite value or nothing, and never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Some(v) = gaoxin::extract::numbers::parse_number(&s) {
        // A non-finite value would be written as JSON `null` and break the dataset.
        assert!(v.is_finite(), "{s:?} parsed to {v}");
    }
});
