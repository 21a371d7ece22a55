"""Leave-one-out accuracy of the article-number clock (timeline/anchoring/outlet_ids.yaml).

    python benchmarks/outlet_ids_loo.py [--table PATH]

For every calibration point that has a neighbour on each side (every point, for a day counter
such as Reuters), hide it, predict its day from the others exactly as outlet_id_dates would,
and compare with its known day. Prints per outlet: points, span, how many could be hidden,
share of predictions within 1/3/7 days, median and worst error, and how often the interval the
module would show if the point were missing from the table (line and margin both learnt from
the other points only) contains the true day ("in-int", out of sample).

Hiding a point doubles the gap around it, so these errors overstate what the full table does
between dense points, and understate nothing: a point is only ever predicted from others.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
from dataclasses import replace
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.anchoring.outlet_ids import (  # noqa: E402
    DEFAULT_PATH,
    MIN_MARGIN_DAYS,
    Outlet,
    calibrate,
    date_number,
    load_outlets,
    loo_errors,
    typical_rate,
)


def covered(outlet: Outlet) -> tuple[int, int]:
    """(inside, tried): how often the interval built from the other points alone (their line and
    their own leave-one-out margin: nothing learnt from the hidden point) holds the hidden day."""
    inside = tried = 0
    points = outlet.points
    lo, hi = (0, len(points)) if outlet.per_day else (1, len(points) - 1)
    for i in range(lo, hi):
        rest = points[:i] + points[i + 1 :]
        if len(rest) < 2:
            continue
        rate, offset = calibrate(rest, outlet.per_day)
        reduced = replace(
            outlet,
            points=rest,
            margin_rate=rate,
            per_day_offset=offset,
            typical_rate=typical_rate(rest, outlet.per_day),
        )
        got = date_number(reduced, points[i].number)
        if got.earliest is None or got.latest is None:
            continue
        tried += 1
        inside += got.earliest <= points[i].day <= got.latest
    return inside, tried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    outlets = load_outlets(args.table)
    head = (
        f"{'outlet':<12} {'pts':>4} {'span':<23} {'hid':>4} {'<=1d':>6} {'<=3d':>6} {'<=7d':>6}"
        f" {'median':>7} {'worst':>6} {'in-int':>7}"
    )
    print(f"table: {args.table}  (margin floor {MIN_MARGIN_DAYS} days; per_day floor 1)")
    print(head)
    print("-" * len(head))
    all_errors: list[float] = []
    total_in = total_tried = 0
    for outlet in outlets:
        errors = [abs(e) for e, _ in loo_errors(outlet.points, outlet.per_day)]
        all_errors += errors
        span = f"{outlet.points[0].day}..{outlet.points[-1].day}"
        inside, tried = covered(outlet)
        total_in, total_tried = total_in + inside, total_tried + tried
        if not errors:
            print(f"{outlet.name:<12} {len(outlet.points):>4} {span:<23} {0:>4}")
            continue

        def share(limit: float, errs: list[float] = errors) -> str:
            return f"{sum(e <= limit for e in errs) / len(errs):6.0%}"

        print(
            f"{outlet.name:<12} {len(outlet.points):>4} {span:<23} {len(errors):>4} {share(1)} {share(3)}"
            f" {share(7)} {median(errors):7.1f} {max(errors):6.0f} {inside:>3}/{tried:<3}"
        )
    if all_errors:
        n = len(all_errors)
        print("-" * len(head))
        print(
            f"{'all':<12} {'':>4} {'':<23} {n:>4} {sum(e <= 1 for e in all_errors) / n:6.0%}"
            f" {sum(e <= 3 for e in all_errors) / n:6.0%} {sum(e <= 7 for e in all_errors) / n:6.0%}"
            f" {median(all_errors):7.1f} {math.ceil(max(all_errors)):6d} {total_in:>3}/{total_tried:<3}"
        )
    print(f"run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M}Z")


if __name__ == "__main__":
    main()
