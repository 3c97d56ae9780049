"""Near-duplicate bodies: word shingles, MinHash signatures cut into LSH bands, and exact overlap of candidates.

Two documents are copies when their cleaned bodies share most of their word 5-shingles: the same story with other
boilerplate, a trimmed last paragraph or a sentence added. MinHash (datasketch) estimates Jaccard similarity from a
fixed-size signature; cutting the signature into bands and hashing each band gives buckets that near-duplicates
share with high probability, so candidates are found by equality joins on (band, bucket) and the cost grows with
the corpus, not with its square. Candidates are then confirmed on the exact shingle sets.
"""

from __future__ import annotations

import hashlib
import re
import struct

import numpy as np

SHINGLE = 5  # words per shingle: long enough that unrelated articles rarely share one
PERMUTATIONS = 128
BANDS, ROWS = 32, 4  # 32 bands of 4: pairs with Jaccard >= ~0.45 share a bucket with probability > 0.9
SEED = 1
MIN_SHINGLES = 20  # bodies shorter than this (a caption, an empty page) are never called copies
SIMILARITY = 0.5  # Jaccard at or above which two bodies are the same text
CONTAINMENT = 0.8  # ... or the share of the shorter body's shingles found in the longer (a trimmed copy)

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(body: str) -> set[str]:
    """Lower-cased word 5-grams of a body (the whole body when it is shorter than that)."""
    words = [w.lower() for w in _WORD.findall(body)]
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def bands(shingle_set: set[str]) -> list[int]:
    """One 64-bit bucket per band of the body's MinHash signature (empty for a body too short to compare)."""
    if len(shingle_set) < MIN_SHINGLES:
        return []
    # imported here: datasketch pulls in scipy, which a run that hashes nothing never needs
    from datasketch import MinHash

    mh = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    values = mh.hashvalues
    out = []
    for b in range(BANDS):
        chunk = struct.pack(f"<{ROWS}Q", *(int(v) for v in values[b * ROWS : (b + 1) * ROWS]))
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little"))
    return out


def signature(shingle_set: set[str]) -> np.ndarray:
    """A shingle set as sorted unique 64-bit hashes, compared at array speed (a wire story carried by a hundred
    outlets is some 5,000 pairs). Python's string hash is salted per process, which is fine for comparing within
    one; two distinct shingles colliding among a few thousand has odds of about 1e-13."""
    return np.unique(np.fromiter((hash(s) for s in shingle_set), dtype=np.int64, count=len(shingle_set)))


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard similarity, containment of the smaller in the larger) of two signatures."""
    if not a.size or not b.size:
        return 0.0, 0.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common), common / min(a.size, b.size)


def is_copy(similarity: float, containment: float, smaller: int) -> bool:
    """The verdict on a candidate pair: most text shared, and enough text to tell."""
    return smaller >= MIN_SHINGLES and (similarity >= SIMILARITY or containment >= CONTAINMENT)
