"""Entities across documents: one label and spelling per name, one entity per person whatever the middle
names, and bare surnames joined to the person the corpus names most.

The step sees every stored mention, but only as aggregates: `resolve_keys` takes one row per (entity key,
canonical surface) with its mention count, as a GROUP BY over the warehouse gives them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from assets.text.entities.names import (
    LEGAL_SUFFIXES,
    NEWSPAPER_DESIGNATORS,
    ORG_DESIGNATORS,
    fold,
    same_first,
    same_middles,
)
from assets.text.entities.spans import LABEL_PRIORITY
from assets.text.records import Mention

# A mention that a rule reading its document made a place ("the island of Skerra", "lend Kyiv a large sum") counts
# this many times in the warehouse-wide vote on a name's label: the model's guesses outvote it only when they are
# far more. Only places: the clues for a kind of place are specific, while the product and organisation rules read
# weaker ones ("a resurgent Labour" takes an "a" like "a regular Switch"), and weighing them turned Amazon and NASA
# into products on the 1,000-article corpus.
RULE_LABEL_WEIGHT = 4
RULE_WEIGHED_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A bare surname shared by several people goes to the most mentioned one only when it is named at least this
# many times as often as the next: "Trump" is Donald Trump's when Melania Trump is named far less.
SALIENCE_RATIO = 1.5
_SKY_ENDING = re.compile(r"sk(?:iy|yy|yi|ij|ii)$")
# Acronyms joined to a name only another document spells out have three letters or more: two letters fit too many
# names by chance ("AI" and "Apple, Inc.", "CT" and a Tribune).
_MIN_CORPUS_ACRONYM = 3
_INITIAL_SKIPS = frozenset({"of", "and", "the", "for", "&"})

# entity_key, label, canonical, n_mentions, partial (all of them) and, optionally, the mentions whose label the text
# shows (n_from_text)
Group = tuple


def resolve_corpus(mentions: Iterable[tuple[str, Mention]]) -> dict[str, tuple[str, str, str]]:
    """Every entity_key seen in (doc_id, mention) pairs over the warehouse -> (canonical_key, label, name)."""
    counts: Counter = Counter()
    from_text: Counter = Counter()
    partial: dict[tuple[str, str, str], bool] = {}
    for _doc_id, m in mentions:
        g = (m.entity_key, m.label, m.canonical)
        counts[g] += 1
        from_text[g] += m.label_from_text
        partial[g] = partial.get(g, True) and m.partial
    return resolve_keys((*g, n, partial[g], from_text[g]) for g, n in counts.items())


def resolve_keys(groups: Iterable[Group]) -> dict[str, tuple[str, str, str]]:
    """Every entity key of the aggregated rows -> (canonical_key, label, name).

    Rows are `(entity_key, label, canonical, n_mentions, partial[, n_from_text])`, one per key and canonical
    surface, with `partial` true when every one of those mentions is a bare partial name and `n_from_text` the
    mentions whose label a rule read from the text (SQL: `count(*)`, `bool_and(partial)`, `count(*) FILTER (WHERE
    label_from_text)` grouped by key, label and canonical); columns after these are ignored."""
    key_names: dict[str, Counter] = defaultdict(Counter)
    key_partial: dict[str, bool] = {}
    key_votes: Counter = Counter()
    for key, label, canonical, n, partial, *rest in groups:
        key_names[key][canonical] += n
        key_partial[key] = key_partial.get(key, True) and bool(partial)
        shown = int(rest[0] or 0) if rest and label in RULE_WEIGHED_LABELS else 0
        key_votes[key] += n + (RULE_LABEL_WEIGHT - 1) * shown
    name_label, name_surface, name_partial, name_count = _vote_names(key_names, key_partial, key_votes)
    _names_holding_products(name_label)
    target = _person_clusters(name_label, name_count)
    target.update(_designator_variants(name_label, name_count))
    target.update(_surname_targets(name_label, name_partial, name_count, target))
    target.update(_company_short_forms(name_label, name_partial, name_count, target))
    target.update(_designator_short_forms(name_label, name_count, target))
    target.update(_national_branches(name_label, target))
    target.update(_corpus_acronyms(name_label, name_surface, name_count, target))
    result: dict[str, tuple[str, str, str]] = {}
    for key in key_names:
        norm = key.split("|", 1)[1]
        norm = target.get(norm, norm)
        label = name_label[norm]
        result[key] = (f"{label}|{norm}", label, name_surface[norm])
    return result


def _vote_names(
    key_names: dict[str, Counter], key_partial: dict[str, bool], key_votes: Counter
) -> tuple[dict, dict, dict, Counter]:
    """Per normalised name: its label, its spelling, whether it is only ever a partial person name, and its
    number of mentions.

    The same normalised name under several labels is one entity (spaCy label flip-flops): the label with the
    most votes wins (a mention a rule made a place counts RULE_LABEL_WEIGHT times), ties by LABEL_PRIORITY."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in sorted(key_names):
        by_name[key.split("|", 1)[1]].append(key)
    name_label: dict[str, str] = {}
    name_surface: dict[str, str] = {}
    name_partial: dict[str, bool] = {}
    name_count: Counter = Counter()
    for norm, keys in by_name.items():
        weight: Counter = Counter()
        surfaces: Counter = Counter()
        for k in keys:
            weight[k.split("|", 1)[0]] += key_votes[k]
            surfaces.update(key_names[k])
        name_label[norm] = max(weight, key=lambda lab: (weight[lab], -_priority(lab)))
        name_surface[norm] = max(surfaces, key=lambda s: (surfaces[s], _surface_rank(s)))
        name_count[norm] = sum(surfaces.values())
        name_partial[norm] = all(key_partial[k] for k in keys if k.startswith("PERSON|")) and any(
            k.startswith("PERSON|") for k in keys
        )
    return name_label, name_surface, name_partial, name_count


def _names_holding_products(name_label: dict[str, str]) -> None:
    """An 'organisation' of three words or more opened by an organisation's name and a one-word name the corpus
    calls a product is about that product ("Google Stadia Red Dead Redemption 2" where "Stadia" is one and "Google"
    a company; not the "World Glacier Monitoring Service"): the document-level rule, corpus-wide."""
    products = {n for n, lab in name_label.items() if lab == "PRODUCT" and " " not in n}
    for n, lab in name_label.items():
        words = n.split()
        if lab == "ORG" and len(words) > 2 and name_label.get(words[0]) == "ORG" and words[1] in products:
            name_label[n] = "PRODUCT"


def _person_clusters(name_label: dict[str, str], name_count: Counter) -> dict[str, str]:
    """{full person name: the name of its person}: names with the same last word, the same first name or one a
    short form of the other, and middle names that agree ("Donald J. Trump", "Donald Trump"; "Greg Pemberton",
    "Gregory A. Pemberton"; "Joaquin" and "Joaquín" alike) are one person, named by its most mentioned form.

    Names join in order of mentions, each the first person all of whose forms it agrees with: "George Bush"
    joins "George W. Bush" when that is the more mentioned, "George H.W. Bush" stays apart from both."""
    people = sorted(
        (n for n, lab in name_label.items() if lab == "PERSON" and len(n.split()) >= 2),
        key=lambda n: (-name_count[n], n),
    )
    clusters: dict[str, list[list[list[str]]]] = defaultdict(list)
    target: dict[str, str] = {}
    for name in people:
        toks = name.split()
        for forms in clusters[fold(toks[-1])]:
            if all(same_first(toks[0], f[0]) and same_middles(toks, f) for f in forms):
                forms.append(toks)
                target[name] = " ".join(forms[0])
                break
        else:
            clusters[fold(toks[-1])].append([toks])
    return target


def _designator_variants(name_label: dict[str, str], name_count: Counter) -> dict[str, str]:
    """{organisation name: its most mentioned form}: names the same but for a legal form ("Fenwright Appliances
    PLC", "Fenwright Appliances"), or for organisation words around a core of two words or more ("Club Sportivo
    Carrasco", "Sportivo Carrasco"), or with the same organisation words around a one-word core ("University of
    Calderbrook", "Calderbrook University"; not "Bank of England" and "Church of England": "church" is no
    organisation word)."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for n in sorted(name_label):
        if name_label[n] != "ORG" or " " not in n:
            continue
        words = [w.strip(".,") for w in n.split()]
        while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
            words = words[:-1]
        core, around = words, []
        while len(core) > 1 and (core[0] in ORG_DESIGNATORS or core[0] in ("of", "the")):
            around.append(core[0])
            core = core[1:]
        while len(core) > 1 and (core[-1] in ORG_DESIGNATORS or core[-1] in ("of", "the")):
            around.append(core[-1])
            core = core[:-1]
        key = (tuple(core),) if len(core) >= 2 else (tuple(core), frozenset(around) - {"of", "the"})
        groups[key].append(n)
    out: dict[str, str] = {}
    for names in groups.values():
        best = min(names, key=lambda n: (-name_count[n], n))
        out.update({n: best for n in names if n != best})
    return out


def _surname_targets(
    name_label: dict[str, str], name_partial: dict[str, bool], name_count: Counter, target: dict[str, str]
) -> dict[str, str]:
    """{bare partial surname: the person it names}: among the corpus's people whose last (failing that, first)
    name it is, the most mentioned one when it is named SALIENCE_RATIO times as often as the next. Also a
    surname spelled as another romanisation of a person's ("Zelenskiy"), even when the model called it an
    organisation."""
    weight: Counter = Counter()
    for n, lab in name_label.items():
        if lab == "PERSON" and len(n.split()) >= 2:
            weight[target.get(n, n)] += name_count[n]
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for person in sorted(weight):
        by_last[_transliterated(person.split()[-1])].append(person)
        by_first[person.split()[0]].append(person)
    out: dict[str, str] = {}
    for norm in sorted(name_label):
        key = _transliterated(norm)
        # a person's surname as another outlet transliterates it ("Zelenskiy" for Zelensky), whatever its label
        variant = key != norm and key in by_last and name_label[norm] in ("PERSON", "ORG")
        if " " in norm or not (variant or (name_partial[norm] and name_label[norm] == "PERSON")):
            continue
        cands = sorted(by_last.get(key) or by_first.get(norm, []), key=lambda p: (-weight[p], p))
        if _salient(cands, weight):
            out[norm] = cands[0]
    return out


def _transliterated(word: str) -> str:
    """One spelling for the Slavic surname ending outlets romanise differently: "Zelenskiy", "Zelenskyy",
    "Zelenskyi" -> "zelensky" (accents dropped too)."""
    return _SKY_ENDING.sub("sky", fold(word))


def _company_short_forms(
    name_label: dict[str, str], name_partial: dict[str, bool], name_count: Counter, target: dict[str, str]
) -> dict[str, str]:
    """{one-word name: the company it shortens}: "Boeing" is "Boeing Co.", "Corvell" is "Corvell Motors"
    (the word and company words only), "Fenwright" is "Fenwright Appliances PLC" (a legal form at the end), when
    the name is an ORG or a bare name no person in the corpus has; several such companies: the most mentioned when
    SALIENCE_RATIO times ahead."""
    companies: dict[str, list[str]] = defaultdict(list)
    for n in sorted(name_label):
        words = n.split()
        if (
            name_label[n] == "ORG"
            and len(words) >= 2
            and (
                all(w.rstrip(".") in ORG_DESIGNATORS for w in words[1:])
                or words[-1].strip(".,") in LEGAL_SUFFIXES  # "Fenwright Appliances PLC"
            )
        ):
            n = target.get(n, n)
            if n not in companies[words[0].rstrip(",")]:
                companies[words[0].rstrip(",")].append(n)
    out: dict[str, str] = {}
    for norm, cands in companies.items():
        if norm not in name_label or norm in target:
            continue
        if not (name_label[norm] == "ORG" or (name_label[norm] == "PERSON" and name_partial[norm])):
            continue
        cands = sorted(cands, key=lambda c: (-name_count[c], c))
        if _salient(cands, name_count):
            out[norm] = cands[0]
    return out


def _designator_short_forms(name_label: dict[str, str], name_count: Counter, target: dict[str, str]) -> dict:
    """{newspaper word: the paper it ends}: "the Tribune" is the Larchmont Tribune when that is the corpus's only
    Tribune, or the most mentioned one by SALIENCE_RATIO. Not other company words: "Senate" alone is no state's
    senate."""
    ends: dict[str, list[str]] = defaultdict(list)
    for n in sorted(name_label):
        words = n.split()
        if name_label[n] == "ORG" and len(words) >= 2 and words[-1] in NEWSPAPER_DESIGNATORS:
            ends[words[-1]].append(n)
    out: dict[str, str] = {}
    for norm, cands in ends.items():
        if name_label.get(norm) != "ORG" or norm in target:
            continue
        cands = sorted(cands, key=lambda c: (-name_count[c], c))
        if _salient(cands, name_count):
            out[norm] = cands[0]
    return out


def _national_branches(name_label: dict[str, str], target: dict[str, str]) -> dict[str, str]:
    """{organisation: its one national branch}: "Taliban" is the "Afghan Taliban" when the corpus qualifies it
    with one nationality (a name the corpus tags NORP) and no other; "Pakistani Taliban" beside it would be
    another group, and the bare name then stays itself."""
    branches: dict[str, list[str]] = defaultdict(list)
    for n in sorted(name_label):
        words = n.split()
        rest = " ".join(words[1:])
        if name_label[n] == "ORG" and name_label.get(words[0]) == "NORP" and name_label.get(rest) == "ORG":
            branches[rest].append(n)
    return {norm: cands[0] for norm, cands in branches.items() if len(cands) == 1 and norm not in target}


def _corpus_acronyms(
    name_label: dict[str, str], name_surface: dict[str, str], name_count: Counter, target: dict[str, str]
) -> dict[str, str]:
    """{acronym: the organisation whose initials it is}: "ECB" in an article that never spells it out is the
    "European Central Bank" another article names, when that is the corpus's only organisation with those
    initials, or the most mentioned by SALIENCE_RATIO."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for n in sorted(name_label):
        words = name_surface[n].replace("-", " ").split()
        if name_label[n] == "ORG" and len(words) >= 2 and n not in target:
            # the capitalised words' initials, or every word's but "of", "and", "the" ("Scottish National party")
            keys = {
                "".join(w[0] for w in words if w[:1].isupper()).lower(),
                "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIPS).lower(),
            }
            for k in keys:
                by_initials[k].append(n)
    out: dict[str, str] = {}
    for norm, label in name_label.items():
        surface = name_surface[norm].replace(".", "")
        if (
            label != "ORG"
            or norm in target
            or not (_MIN_CORPUS_ACRONYM <= len(surface) <= 6 and surface.isupper())
        ):
            continue
        cands = sorted(by_initials.get(surface.lower(), []), key=lambda c: (-name_count[c], c))
        if _salient(cands, name_count):
            out[norm] = cands[0]
    return out


def _salient(ranked: list[str], weight: Counter) -> bool:
    """The first of the ranked candidates is the one meant: the only one, or SALIENCE_RATIO times ahead."""
    return len(ranked) == 1 or (bool(ranked) and weight[ranked[0]] >= SALIENCE_RATIO * weight[ranked[1]])


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


def _surface_rank(s: str) -> tuple:
    # Deterministic preference among equally frequent spellings: capitalised, then lexicographic.
    return (s[:1].isupper(), tuple(-ord(c) for c in s))
