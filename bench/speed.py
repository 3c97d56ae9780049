"""Throughput of Dossier's stages on a folder of articles: prints numbers, asserts nothing.

usage: python bench/speed.py [INBOX_OR_FOLDER]   (default data/sample)
"""

import contextlib
import sys
import time
from pathlib import Path

from assets.text import decode
from assets.text.cleaning import clean_text, repeated_lines
from assets.text.extraction import extract_documents, load_model


def main(folder: str = "data/sample") -> None:
    files = [p for p in sorted(Path(folder).rglob("*")) if p.is_file() and not p.name.startswith(".")]
    t0 = time.perf_counter()
    texts = []
    for path in files:
        with contextlib.suppress(decode.Rejected):
            texts.append(decode.decode_file(path.name, path.read_bytes()).text)
    t1 = time.perf_counter()
    repeated = repeated_lines(texts)
    bodies = [clean_text(t, repeated).body for t in texts]
    t2 = time.perf_counter()
    nlp = load_model()
    t3 = time.perf_counter()
    found = list(extract_documents(((str(i), b) for i, b in enumerate(bodies)), nlp))
    t4 = time.perf_counter()
    chars = sum(len(t) for t in texts)
    claims = sum(len(x.claims) for _, x in found)
    print(f"files {len(files)}  documents {len(texts)}  raw chars {chars}")
    print(f"decode   {t1 - t0:7.3f} s  {len(texts) / max(t1 - t0, 1e-9):8.1f} docs/s")
    print(f"clean    {t2 - t1:7.3f} s  {len(texts) / max(t2 - t1, 1e-9):8.1f} docs/s")
    print(f"load spaCy model {t3 - t2:7.3f} s")
    print(f"extract  {t4 - t3:7.3f} s  {len(texts) / max(t4 - t3, 1e-9):8.1f} docs/s  ({claims} claims)")


if __name__ == "__main__":
    main(*sys.argv[1:])
