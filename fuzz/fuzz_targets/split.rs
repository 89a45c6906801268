//! Any page: splitting into articles never panics, and every article has text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Decoding turns arbitrary bytes into the text the splitter really sees (newlines
    // normalized); bytes it rejects are fed to the splitter lossily so they still get exercised.
    let text = gaoxin::corpus::decode::decode(data)
        .unwrap_or_else(|_| String::from_utf8_lossy(data).replace('\r', "\n"));
    for a in gaoxin::corpus::split_articles(&text) {
        assert!(!a.text.trim().is_empty() || !a.title.is_empty(), "{a:?}");
    }
});
