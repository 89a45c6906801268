//! The division table (province, city, county with coordinates) and the names regions go by.
