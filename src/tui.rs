//! The terminal app: browse regions, read figures and check them against their source.
