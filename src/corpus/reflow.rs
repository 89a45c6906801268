//! Joining hard-wrapped lines back into paragraphs.
