//! Place mentions in text: divisions by name or short name, parks by pattern, the nation.
