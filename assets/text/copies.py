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


def words(body: str) -> list[str]:
    """A body's words, lower-cased: what shingles and signatures are made of."""
    return [w.lower() for w in _WORD.findall(body)]


def shingles(body: str) -> set[str]:
    """Lower-cased word 5-grams of a body (the whole body when it is shorter than that)."""
    return shingles_of(words(body))


def shingles_of(text: list[str]) -> set[str]:
    """The 5-grams of a body's words (see `words`)."""
    if len(text) < SHINGLE:
        return {" ".join(text)} if text else set()
    return {" ".join(text[i : i + SHINGLE]) for i in range(len(text) - SHINGLE + 1)}


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


def signature(body: str) -> np.ndarray:
    """The body's shingle set (as `shingles` makes it) as sorted unique 64-bit hashes (see `signatures`)."""
    return signatures([words(body)])[0]


def signatures(texts: list[list[str]]) -> list[np.ndarray]:
    """Each body's shingle set, from its words (see `words`), as sorted unique 64-bit hashes, compared at array speed (a wire story carried by a
    hundred outlets is some 5,000 pairs).

    Each word is hashed once and a shingle's hash is a polynomial of its words' hashes, over all the bodies' words
    at once in numpy: joining and hashing every 5-word string one body at a time cost most of an added day's copy
    check on a 10,000-article warehouse (#10). Words are hashed with BLAKE2b, not Python's per-process salted hash,
    so signatures stored by one run compare with those of the next; two distinct shingles colliding among a few
    thousand has odds of about 1e-13."""
    if not texts:
        return []
    sizes = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    vocabulary = {
        w: _word_hash(w) for w in {w for t in texts for w in t}
    }  # news repeats its words: hash each once
    word = np.fromiter(
        map(vocabulary.__getitem__, (w for t in texts for w in t)), dtype=np.uint64, count=int(sizes.sum())
    )
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    n = max(word.size - SHINGLE + 1, 0)
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(SHINGLE):  # uint64 arithmetic wraps: a polynomial modulo 2**64 with an odd multiplier
        acc = acc * _MULTIPLIER + word[k : k + n]
    acc ^= acc >> np.uint64(31)  # fold the high bits down so polynomials equal in their low bits do not clash
    # the windows that lie inside one body, and whose body they are
    counts = np.maximum(sizes - SHINGLE + 1, 0)
    owner = np.repeat(np.arange(len(texts)), counts)
    at = np.repeat(starts, counts) + (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
    values = acc[at].view(np.int64)
    order = np.lexsort((values, owner))
    values, owner = values[order], owner[order]
    first = np.r_[True, (values[1:] != values[:-1]) | (owner[1:] != owner[:-1])] if values.size else values
    values, owner = values[first], owner[first]
    out = np.split(values, np.searchsorted(owner, np.arange(1, len(texts))))
    for i in np.flatnonzero((sizes > 0) & (sizes < SHINGLE)).tolist():  # a body shorter than a shingle: one
        out[i] = np.array([_word_hash(" ".join(texts[i]))], dtype=np.uint64).view(np.int64)
    return out


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(Jaccard similarity, containment of the smaller in the larger) of two signatures."""
    if not a.size or not b.size:
        return 0.0, 0.0
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common), common / min(a.size, b.size)


def is_copy(similarity: float, containment: float, smaller: int) -> bool:
    """The verdict on a candidate pair: most text shared, and enough text to tell."""
    return smaller >= MIN_SHINGLES and (similarity >= SIMILARITY or containment >= CONTAINMENT)
