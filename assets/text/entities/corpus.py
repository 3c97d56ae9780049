"""Entities across documents: one label and spelling per name; bare surnames joined to the full name."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from assets.text.entities.spans import LABEL_PRIORITY
from assets.text.records import Mention


def resolve_corpus(mentions: Iterable[tuple[str, Mention]]) -> dict[str, tuple[str, str, str]]:
    """Every entity_key seen in (doc_id, mention) pairs over the warehouse -> (canonical_key, label, name)."""
    key_names: dict[str, Counter] = defaultdict(Counter)
    key_partial: dict[str, bool] = {}
    for _doc_id, m in mentions:
        key_names[m.entity_key][m.canonical] += 1
        key_partial[m.entity_key] = key_partial.get(m.entity_key, True) and m.partial
    name_label, name_surface, name_partial = _vote_names(key_names, key_partial)
    target = _surname_targets(name_label, name_partial)
    result: dict[str, tuple[str, str, str]] = {}
    for key in key_names:
        norm = target[key.split("|", 1)[1]]
        label = name_label[norm]
        result[key] = (f"{label}|{norm}", label, name_surface[norm])
    return result


def _vote_names(
    key_names: dict[str, Counter], key_partial: dict[str, bool]
) -> tuple[dict[str, str], dict[str, str], dict[str, bool]]:
    """Per normalised name: its label, its spelling and whether it is only ever a partial person name.

    The same normalised name under several labels is one entity (spaCy label flip-flops): the label with the
    most mentions wins, ties by LABEL_PRIORITY."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in sorted(key_names):
        by_name[key.split("|", 1)[1]].append(key)
    name_label: dict[str, str] = {}
    name_surface: dict[str, str] = {}
    name_partial: dict[str, bool] = {}
    for norm, keys in by_name.items():
        weight = Counter()
        surfaces = Counter()
        for k in keys:
            weight[k.split("|", 1)[0]] += sum(key_names[k].values())
            surfaces.update(key_names[k])
        name_label[norm] = max(weight, key=lambda lab: (weight[lab], -_priority(lab)))
        name_surface[norm] = max(surfaces, key=lambda s: (surfaces[s], _surface_rank(s)))
        name_partial[norm] = all(key_partial[k] for k in keys if k.startswith("PERSON|")) and any(
            k.startswith("PERSON|") for k in keys
        )
    return name_label, name_surface, name_partial


def _surname_targets(name_label: dict[str, str], name_partial: dict[str, bool]) -> dict[str, str]:
    """{name: the name it resolves to}: a bare partial surname goes to the corpus's unique full person name
    ending (or, failing that, starting) with it; every other name to itself."""
    full_people = sorted(n for n, lab in name_label.items() if lab == "PERSON" and len(n.split()) >= 2)
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in full_people:
        by_last[n.split()[-1]].append(n)
        by_first[n.split()[0]].append(n)
    target: dict[str, str] = {n: n for n in name_label}
    for norm in name_label:
        if len(norm.split()) != 1 or not name_partial[norm]:
            continue
        if name_label[norm] != "PERSON":
            continue
        cands = by_last.get(norm, [])
        if not cands:
            cands = by_first.get(norm, [])
        if len(cands) == 1:
            target[norm] = cands[0]
    return target


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


def _surface_rank(s: str) -> tuple:
    # Deterministic preference among equally frequent spellings: capitalised, then lexicographic.
    return (s[:1].isupper(), tuple(-ord(c) for c in s))
