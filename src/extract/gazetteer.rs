//! The division table (province, city, county with coordinates) and the names regions go by.
use crate::dataset::RegionKind;
/// A division.
pub struct Division {
    /// Code.
    pub code: u32,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: RegionKind,
    /// Parent.
    pub parent: Option<u32>,
    /// Lon.
    pub lon: f64,
    /// Lat.
    pub lat: f64,
    /// Aliases.
    pub aliases: Vec<String>,
}
/// Gazetteer.
pub struct Gazetteer;
static G: Gazetteer = Gazetteer;
impl Gazetteer {
    /// Bundled.
    pub fn bundled() -> &'static Gazetteer {
        &G
    }
    /// Get.
    pub fn get(&self, _code: u32) -> Option<&Division> {
        None
    }
}
