//! Any file: decoding, splitting, extraction and assembly never panic, and every figure's span
//! and sentence point at its raw text inside its article.
#![no_main]

use gaoxin::extract::gazetteer::Gazetteer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let gaz = Gazetteer::bundled();
    let Ok(file) = gaoxin::pipeline::extract_file(gaz, "x.txt", data) else {
        return;
    };
    let ds = gaoxin::pipeline::assemble(&[file], gaz);
    for f in &ds.figures {
        let article = ds
            .articles
            .iter()
            .find(|a| a.id == f.article)
            .expect("figure's article exists");
        let chars: Vec<char> = article.text.chars().collect();
        let [s, e] = f.span;
        assert!(s < e && e <= chars.len(), "{f:?}");
        let at: String = chars[s..e].iter().collect();
        assert_eq!(at, f.raw, "{f:?}");
        let [ss, se] = f.sentence;
        assert!(ss <= s && e <= se && se <= chars.len(), "{f:?}");
        assert!(f.value.is_finite(), "{f:?}");
    }
    if let Err(e) = gaoxin::dataset::validate(&ds, std::path::Path::new("x.json")) {
        panic!("assembled dataset is invalid: {e}");
    }
});
