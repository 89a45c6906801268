#!/usr/bin/env bash
# gaoxin's whole `build` against cpca's `transform` (place recognition only), side by side on the
# same text: the seeds repeated N times (default 100, about 12 MB).
#
#   benches/vs_cpca.sh [N]
#
# gaoxin is timed as a whole process (start-up, reading, extraction, assembly, validation and
# writing the JSON) with its default thread count (RAYON_NUM_THREADS sets it); cpca is timed on
# its `transform` call alone, over every non-empty line of the same files, after it has loaded
# its tables. The two alternate three times and the fastest run of each counts. cpca is
# installed into a virtualenv on first use (CPCA_VENV, default /tmp/gaoxin-cpca-venv).
# Not run by CI or `cargo test`.
set -euo pipefail

n="${1:-100}"
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${CPCA_VENV:-/tmp/gaoxin-cpca-venv}"

if ! "$venv/bin/python" -c 'import cpca' 2>/dev/null; then
    echo "installing cpca into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet cpca
fi

cargo build --release --quiet --manifest-path "$root/Cargo.toml"

"$venv/bin/python" - "$root" "$root/target/release/gaoxin" "$n" <<'PY'
import glob, os, shutil, subprocess, sys, tempfile, time

root, binary, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
work = tempfile.mkdtemp()
try:
    src = os.path.join(work, "in")
    os.mkdir(src)
    for i in range(n):
        for f in sorted(glob.glob(root + "/seeds/*.txt")):
            shutil.copy(f, os.path.join(src, f"{i:03}_{os.path.basename(f)}"))
    files = sorted(glob.glob(src + "/*.txt"))
    size = sum(os.path.getsize(f) for f in files)

    def gaoxin():
        start = time.perf_counter()
        subprocess.run([binary, "build", src, "-o", os.path.join(work, "dataset.json")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start

    import cpca
    cpca.transform(["成都市高新区"])  # load its tables before timing
    lines = []
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines.extend(l.strip() for l in f if l.strip())

    def transform():
        start = time.perf_counter()
        cpca.transform(lines)
        return time.perf_counter() - start

    # Alternating, so that both sides see the same load.
    g, c = [], []
    for _ in range(3):
        g.append(gaoxin())
        c.append(transform())
    g, c = min(g), min(c)
    threads = os.environ.get("RAYON_NUM_THREADS", "default")
    print(f"input            {len(files)} files, {size / 1e6:.1f} MB (seeds x{n})")
    print(f"gaoxin build     {g:.3f} s (whole process, {threads} threads)")
    print(f"cpca transform   {c:.3f} s ({len(lines)} lines, tables loaded)")
    print(f"ratio            {c / g:.1f}x")
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine          {os.cpu_count()} cores, load average {load}")
finally:
    shutil.rmtree(work)
PY
