"""CPU seconds clean_text takes on generated pathological inputs (the cleaner must stay linear in its input).

usage: python bench/clean_speed.py [--scale F] [--only NAME ...]

Inputs (sizes at scale 1): 200,000 tiny lines (~1 MB), one 1.3 MB paragraph without a line break, 50,000
copies of one line, 100,000 lines with a hard boundary (a "Related stories" header) every other line, a
realistic page repeated to ~1 MB, and 25,000 sentence lines in one block (all kept: the body is joined). Each is also run at half size: linear code takes about twice as long
at full size (the printed ratio), quadratic code four times.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assets.text.cleaning import clean_text  # noqa: E402

PAGE = (
    "The Example Courier\nHome | News | Sport\nCouncil approves new bridge\nBy Ann Lee | 3 May 2024\n\n"
    "The council approved a new footbridge over the river on Tuesday, ending a debate that lasted years.\n\n"
    "Work is due to start in the spring and the bridge should open to walkers and cyclists next autumn.\n\n"
    "Related stories\nShare this article\n© 2024 The Example Courier. All rights reserved.\n\n"
)


def inputs(scale: float) -> dict[str, str]:
    """The pathological inputs at a scale (1.0 = the sizes in the module docstring)."""
    n = int(200_000 * scale)
    return {
        "tiny_lines": "".join(f"w{i % 1000}\n" for i in range(n)),
        "one_paragraph": ("The council met again today and talked at length about the bridge. " * 20_000)[
            : int(1_300_000 * scale)
        ],
        "repeated_lines": "Share this article on your favourite network today\n" * int(50_000 * scale),
        "boundaries": "".join(
            f"Related stories\nA line of text number {i} about the weather.\n"
            for i in range(int(50_000 * scale))
        ),
        "pages": PAGE * int(2_500 * scale),
        "kept_lines": "Council news today\n"
        + "".join(
            f"Line {i} of the council report says the plan was approved by members on Monday.\n"
            for i in range(int(25_000 * scale))
        ),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--only", nargs="*", default=None)
    args = ap.parse_args(argv)
    half, full = inputs(args.scale / 2), inputs(args.scale)
    for name, text in full.items():
        if args.only and name not in args.only:
            continue
        t0 = time.process_time()
        clean_text(half[name])
        t_half = time.process_time() - t0
        t0 = time.process_time()
        c = clean_text(text)
        t_full = time.process_time() - t0
        print(
            f"{name:15s} {len(text) / 1e6:5.2f} MB  {t_full:7.2f} s  (half size {t_half:6.2f} s, "
            f"ratio {t_full / max(t_half, 1e-9):4.1f})  body {len(c.body):>9,} chars, {len(c.removed):>7,} removals"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
