fn main() {
    let gaz = gaoxin::extract::gazetteer::Gazetteer::bundled();
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).unwrap();
        let text = gaoxin::corpus::decode::decode(&bytes).unwrap();
        for a in gaoxin::corpus::split_articles(&text) {
            let ms = gaoxin::extract::places::find_mentions(gaz, &a.text);
            let names: Vec<String> = ms.iter().map(|m| format!("{}→{:?}", m.surface, m.place)).collect();
            println!("## {}\n{}", a.title, names.join(" "));
        }
    }
}
