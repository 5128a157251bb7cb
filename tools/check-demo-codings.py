#!/usr/bin/env python3
"""Check src/Monitor.Core/Demo/demo-codings.json against demo-meetings.json and print statistics.

A coding points at a document of a meeting: "minutes", or "reflection:<member>" (the closing
reflection of that member; the quote is searched in the member's `wel` text and then in the
`minder` text, never across the two). Checks:

- every coding's project/group/meeting/document exists in demo-meetings.json;
- the quote (after NFC and LF normalisation) occurs in the document; `occurrence` (default 1)
  is within the number of occurrences; quotes are 30-300 characters, one line, without Markdown
  markup characters (`*`) and without leading/trailing spaces;
- codes are midi-1..midi-29, bowen-1..bowen-8 or movisie-0..movisie-5; valence is one of
  bevorderend, belemmerend, gemengd, neutraal; coders are listed; codedOn is a date on or after
  the meeting;
- round keys exist; round codings are on the round's documents, by the round's coders, coded
  within openedOn..closedOn; consensus codings have a round and are coded on or after closedOn;
- two codings by the same coder with the same code in the same document do not overlap. The rule
  applies per layer: regular codings (round null), blind codings of a round, and the consensus
  codings of a round are separate layers (a consensus coding is the settled version of a blind
  coding of the same researcher, so it may cover the same text);
- memos that start with "Succesfactor:" or "Les:" name one of the success factors or lessons of
  seed 000 (Samen Beslissen, Arnhem) exactly, and each of them has at least 2 fragments.

Statistics: codings per project, coder, code group and valence; per round the documents, codings
per coder, consensus count and a character-level agreement (Cohen's kappa per code and pooled,
plus segment-level matching); for Arnhem the number of fragments per finding title.

Usage: python3 tools/check-demo-codings.py [codings.json] [meetings.json]
Exits 1 on any error. Standard library only.
"""

import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CODINGS = ROOT / "src" / "Monitor.Core" / "Demo" / "demo-codings.json"
DEFAULT_MEETINGS = ROOT / "src" / "Monitor.Core" / "Demo" / "demo-meetings.json"

MIN_QUOTE, MAX_QUOTE = 30, 300
VALENCES = ("bevorderend", "belemmerend", "gemengd", "neutraal")
CODE_RE = re.compile(r"^(midi|bowen|movisie)-(\d+)$")
CODE_RANGES = {"midi": (1, 29), "bowen": (1, 8), "movisie": (0, 5)}
CODING_KEYS = {"projectSlug", "group", "heldOn", "document", "quote", "occurrence", "code", "valence",
               "coder", "memo", "round", "consensus", "codedOn"}
REQUIRED_KEYS = CODING_KEYS - {"occurrence", "memo"}
ARNHEM = "samen-beslissen-arnhem"

# Success factors (12, three headings) and lessons learned (7) of seed 000, as in shared/domain.md §5.1.
FINDING_TITLES = [
    "Succesfactor: Co-creatie wetenschap en praktijk",
    "Succesfactor: Ambassadeurschap vanuit re-integratieprofessionals",
    "Succesfactor: Aanzetten eigenaarschap",
    "Succesfactor: Bevlogen projectleider",
    "Succesfactor: Frequent overleg",
    "Succesfactor: Beschikbare voorbeelden uit ander domein",
    "Succesfactor: Integreren Samen Beslissen met bestaande werkwijzen",
    "Succesfactor: Continue afstemming met Management, Communicatie, Opleidingen",
    "Succesfactor: Ontwikkeling en vormgeving van producten afgestemd op wensen praktijk en doelgroep",
    "Succesfactor: Uittesten producten met en door de praktijk",
    "Succesfactor: Training ontwikkeld en gegeven door collega's",
    "Succesfactor: Flexibiliteit – aanpassen aan wat in de praktijk nodig is op dat moment",
    "Les: Te veel ontwikkelingen en veranderingen tegelijkertijd",
    "Les: Snellere opschaling training",
    "Les: Deelname van één of meerdere leden van management in ontwikkelgroep",
    "Les: Cliënten nog meer betrekken bij het proces",
    "Les: Eenduidige visie en uitvoering",
    "Les: Prioriteren in tijd",
    "Les: Vragenlijst re-integratieprofessional integreren in bestaande werkprocessen",
]
MIN_FRAGMENTS_PER_FINDING = 2

errors = []
warnings = []


def error(where, message):
    errors.append(f"{where}: {message}")


def warn(where, message):
    warnings.append(f"{where}: {message}")


def norm(text):
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_date(value, where, field):
    if not isinstance(value, str):
        error(where, f"{field} must be a date string (yyyy-MM-dd), got {value!r}")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        error(where, f"{field} is not a valid date: {value!r}")
        return None


def find_all(text, quote):
    """Start offsets of every occurrence of quote in text (overlapping occurrences included)."""
    starts, at = [], text.find(quote)
    while at >= 0:
        starts.append(at)
        at = text.find(quote, at + 1)
    return starts


def index_documents(meetings):
    """(project, group, heldOn, document) -> list of normalised text segments."""
    docs = {}
    for group in meetings.get("groups", []):
        for meeting in group.get("meetings", []):
            base = (group["projectSlug"], group["groupName"], meeting["heldOn"])
            docs[base + ("minutes",)] = [norm(meeting.get("minutes") or "")]
            for reflection in meeting.get("reflections", []):
                segments = [norm(reflection.get("wel") or ""), norm(reflection.get("minder") or "")]
                docs[base + ("reflection:" + reflection["member"],)] = segments
    return docs


def locate(segments, quote, occurrence):
    """(segment index, start, end) of the given occurrence, and the total number of occurrences."""
    hits = [(i, s) for i, seg in enumerate(segments) for s in find_all(seg, quote)]
    if 1 <= occurrence <= len(hits):
        i, s = hits[occurrence - 1]
        return (i, s, s + len(quote)), len(hits)
    return None, len(hits)


def kappa(a, b, n):
    """Cohen's kappa for two binary codings of n units given as sets of unit ids."""
    both = len(a & b)
    only_a, only_b = len(a - b), len(b - a)
    neither = n - both - only_a - only_b
    po = (both + neither) / n
    pa, pb = len(a) / n, len(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def main():
    codings_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CODINGS
    meetings_path = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_MEETINGS
    data = json.loads(codings_path.read_text(encoding="utf-8"))
    meetings = json.loads(meetings_path.read_text(encoding="utf-8"))
    docs = index_documents(meetings)
    held_dates = {(p, g, h) for (p, g, h, _d) in docs}

    if data.get("version") != 1:
        error("file", f"version must be 1, got {data.get('version')!r}")

    # ---- coders
    coders = {}
    for i, coder in enumerate(data.get("coders", [])):
        email = coder.get("email")
        if not isinstance(email, str) or "@" not in email:
            error(f"coders[{i}]", f"invalid email {email!r}")
            continue
        if email in coders:
            error(f"coders[{i}]", f"coder {email} listed twice")
        if not isinstance(coder.get("label"), str) or not coder["label"].strip():
            error(f"coders[{i}]", "label must be a non-empty string")
        coders[email] = coder

    # ---- rounds
    rounds = {}
    for i, rnd in enumerate(data.get("rounds", [])):
        where = f"rounds[{i}] {rnd.get('key')!r}"
        key = rnd.get("key")
        if not isinstance(key, str) or not key:
            error(where, "key must be a non-empty string")
            continue
        if key in rounds:
            error(where, "round key used twice")
        opened = parse_date(rnd.get("openedOn"), where, "openedOn")
        closed = parse_date(rnd.get("closedOn"), where, "closedOn") if rnd.get("closedOn") is not None else None
        if opened and closed and closed < opened:
            error(where, "closedOn is before openedOn")
        round_coders = rnd.get("coders", [])
        if len(set(round_coders)) < 2:
            error(where, "a round needs at least two different coders")
        for email in round_coders:
            if email not in coders:
                error(where, f"coder {email!r} is not listed in coders")
        documents = set()
        for j, d in enumerate(rnd.get("documents", [])):
            dkey = (rnd.get("projectSlug"), d.get("group"), d.get("heldOn"), d.get("document"))
            if dkey not in docs:
                error(f"{where} documents[{j}]", f"no such document {dkey}")
            elif opened and date.fromisoformat(dkey[2]) > opened:
                error(f"{where} documents[{j}]", "meeting is held after the round opened")
            if dkey in documents:
                error(f"{where} documents[{j}]", "document listed twice")
            documents.add(dkey)
        if not documents:
            error(where, "a round needs at least one document")
        rounds[key] = {"project": rnd.get("projectSlug"), "opened": opened, "closed": closed,
                       "coders": set(round_coders), "documents": documents, "name": rnd.get("name")}

    # ---- codings
    located = []  # (coding, doc key, (segment, start, end))
    seen = set()
    for i, c in enumerate(data.get("codings", [])):
        where = f"codings[{i}]"
        missing = REQUIRED_KEYS - c.keys()
        if missing:
            error(where, f"missing keys {sorted(missing)}")
            continue
        unknown = c.keys() - CODING_KEYS
        if unknown:
            error(where, f"unknown keys {sorted(unknown)}")
        dkey = (c["projectSlug"], c["group"], c["heldOn"], c["document"])
        where = f"{where} {c['projectSlug']}/{c['group']} {c['heldOn']} {c['document']}"

        m = CODE_RE.match(c["code"]) if isinstance(c["code"], str) else None
        if not m:
            error(where, f"invalid code {c['code']!r}")
        else:
            lo, hi = CODE_RANGES[m.group(1)]
            if not lo <= int(m.group(2)) <= hi or m.group(2) != str(int(m.group(2))):
                error(where, f"code {c['code']!r} out of range ({m.group(1)}-{lo}..{hi})")
        if c["valence"] not in VALENCES:
            error(where, f"invalid valence {c['valence']!r}")
        if c["coder"] not in coders:
            error(where, f"coder {c['coder']!r} is not listed in coders")
        memo = c.get("memo", "")
        if not isinstance(memo, str):
            error(where, "memo must be a string")
            memo = ""
        if (memo.startswith("Succesfactor:") or memo.startswith("Les:")) and memo not in FINDING_TITLES:
            error(where, f"memo {memo!r} looks like a finding title but matches none of seed 000")
        if not isinstance(c["consensus"], bool):
            error(where, "consensus must be true or false")
        coded_on = parse_date(c["codedOn"], where, "codedOn")

        # round rules
        rkey = c["round"]
        if rkey is not None:
            rnd = rounds.get(rkey)
            if rnd is None:
                error(where, f"unknown round {rkey!r}")
            else:
                if dkey not in rnd["documents"]:
                    error(where, f"document is not part of round {rkey}")
                if c["coder"] not in rnd["coders"]:
                    error(where, f"coder {c['coder']} is not a coder of round {rkey}")
                if coded_on and rnd["opened"] and coded_on < rnd["opened"]:
                    error(where, f"codedOn {coded_on} is before the round opened ({rnd['opened']})")
                if c["consensus"] is True:
                    if rnd["closed"] is None:
                        error(where, "consensus coding in a round that is not closed")
                    elif coded_on and coded_on < rnd["closed"]:
                        error(where, f"consensus codedOn {coded_on} is before the round closed ({rnd['closed']})")
                elif coded_on and rnd["closed"] and coded_on > rnd["closed"]:
                    error(where, f"blind coding codedOn {coded_on} is after the round closed ({rnd['closed']})")
        elif c["consensus"] is True:
            error(where, "consensus coding without a round")

        # document and quote
        if (dkey[0], dkey[1], dkey[2]) not in held_dates:
            error(where, "no such meeting in demo-meetings.json")
            continue
        if dkey not in docs:
            error(where, "no such document (minutes or reflection of that member) in this meeting")
            continue
        if coded_on and coded_on < date.fromisoformat(c["heldOn"]):
            error(where, f"codedOn {coded_on} is before the meeting")
        quote = c["quote"]
        if not isinstance(quote, str):
            error(where, "quote must be a string")
            continue
        quote = norm(quote)
        if "\n" in quote:
            error(where, "quote contains a line break")
        if quote != quote.strip():
            error(where, "quote has leading or trailing whitespace")
        if not MIN_QUOTE <= len(quote) <= MAX_QUOTE:
            error(where, f"quote length {len(quote)} outside {MIN_QUOTE}..{MAX_QUOTE}: {quote!r}")
        if "*" in quote:
            error(where, f"quote contains Markdown markup: {quote!r}")
        occurrence = c.get("occurrence", 1)
        if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
            error(where, f"occurrence must be a positive integer, got {occurrence!r}")
            continue
        span, count = locate(docs[dkey], quote, occurrence)
        if count == 0:
            error(where, f"quote not found: {quote!r}")
            continue
        if span is None:
            error(where, f"occurrence {occurrence} requested but the quote occurs {count} time(s): {quote!r}")
            continue
        if count > 1 and "occurrence" not in c:
            warn(where, f"quote occurs {count} times; occurrence 1 assumed: {quote!r}")
        ident = dkey + (span, c["code"], c["coder"], rkey, c["consensus"])
        if ident in seen:
            error(where, f"duplicate coding {c['code']} by {c['coder']} on {quote!r}")
        seen.add(ident)
        located.append((c, dkey, span))

    # ---- overlap rule per (document, coder, code, layer)
    by_layer = defaultdict(list)
    for c, dkey, span in located:
        by_layer[(dkey, c["coder"], c["code"], c["round"], c["consensus"])].append((span, c["quote"]))
    for (dkey, coder, code, rkey, consensus), spans in by_layer.items():
        spans.sort()
        for (s1, q1), (s2, q2) in zip(spans, spans[1:]):
            if s1[0] == s2[0] and s2[1] < s1[2]:
                layer = "regular" if rkey is None else (f"consensus {rkey}" if consensus else f"blind {rkey}")
                error(f"{dkey[0]}/{dkey[1]} {dkey[2]} {dkey[3]}",
                      f"overlapping {code} codings by {coder} ({layer}): {q1!r} / {q2!r}")

    print_statistics(data, located, rounds, docs)

    for w in warnings:
        print(f"WARNING {w}")
    if errors:
        for e in errors:
            print(f"ERROR {e}")
        print(f"\n{len(errors)} error(s).")
        return 1
    print(f"\nOK: {len(located)} codings checked, no errors.")
    return 0


def print_statistics(data, located, rounds, docs):
    codings = [c for c, _d, _s in located]
    print(f"Codings: {len(data.get('codings', []))} in file, {len(codings)} located")

    def table(title, counter):
        print(f"\n{title}")
        for key, n in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            print(f"  {str(key):<60} {n:>4}")

    def layer(c):
        if c["round"] is None:
            return "regular"
        return "consensus" if c["consensus"] else "blind round"

    table("Per project / layer:", Counter((c["projectSlug"], layer(c)) for c in codings))
    table("Per coder:", Counter(c["coder"] for c in codings))
    table("Per code group (regular codings):",
          Counter((c["projectSlug"], c["code"].split("-")[0]) for c in codings if c["round"] is None))
    table("Per valence (regular codings):",
          Counter((c["projectSlug"], c["valence"]) for c in codings if c["round"] is None))
    regular = [c for c in codings if c["round"] is None]
    frag = {(c["projectSlug"], c["group"], c["heldOn"], c["document"], c["quote"]) for c in regular}
    per_project_docs = Counter((k[0]) for k in {(c["projectSlug"], c["group"], c["heldOn"], c["document"])
                                                for c in regular})
    print("\nRegular codings: distinct fragments and coded documents per project:")
    for project in sorted({c["projectSlug"] for c in regular}):
        n_frag = sum(1 for f in frag if f[0] == project)
        print(f"  {project:<40} fragments {n_frag:>4}  documents {per_project_docs[project]:>3}")
    top = Counter(c["code"] for c in regular)
    print("\nMost used codes (regular): " + ", ".join(f"{k} {v}" for k, v in top.most_common(12)))

    # ---- rounds
    for key, rnd in rounds.items():
        print(f"\nRound {key} ({rnd['name']}), {rnd['opened']} .. {rnd['closed']}, project {rnd['project']}")
        print(f"  documents: {len(rnd['documents'])}")
        for d in sorted(rnd["documents"]):
            print(f"    {d[1]} {d[2]} {d[3]}")
        in_round = [(c, d, s) for c, d, s in located if c["round"] == key]
        # codings by coders outside the round are reported as errors above; leave them out here
        blind = [(c, d, s) for c, d, s in in_round if not c["consensus"] and c["coder"] in rnd["coders"]]
        per_coder = Counter(c["coder"] for c, _d, _s in blind)
        for coder in sorted(rnd["coders"]):
            print(f"  blind codings by {coder}: {per_coder[coder]}")
        print(f"  consensus codings: {sum(1 for c, _d, _s in in_round if c['consensus'])}")
        coder_list = sorted(rnd["coders"])
        if len(coder_list) != 2:
            print("  (agreement is computed for exactly two coders)")
            continue
        a_email, b_email = coder_list

        # character units: every character of every segment of every round document
        unit_base, n_units = {}, 0
        for d in sorted(rnd["documents"]):
            for i, seg in enumerate(docs.get(d, [])):
                unit_base[(d, i)] = n_units
                n_units += len(seg)
        chars = defaultdict(lambda: {a_email: set(), b_email: set()})
        segs = defaultdict(lambda: {a_email: [], b_email: []})
        for c, d, (i, s, e) in blind:
            base = unit_base[(d, i)]
            chars[c["code"]][c["coder"]].update(range(base + s, base + e))
            segs[c["code"]][c["coder"]].append((d, i, s, e))
        print(f"  character-level agreement ({n_units} characters; per code used by either coder):")
        print(f"    {'code':<12}{'A chars':>8}{'B chars':>8}{'both':>7}{'Jaccard':>9}{'kappa':>8}")
        pooled = [0, 0, 0, 0]  # both, only A, only B, neither
        for code in sorted(chars, key=lambda k: (k.split("-")[0], int(k.split("-")[1]))):
            a, b = chars[code][a_email], chars[code][b_email]
            both, union = len(a & b), len(a | b)
            pooled[0] += both
            pooled[1] += len(a - b)
            pooled[2] += len(b - a)
            pooled[3] += n_units - union
            print(f"    {code:<12}{len(a):>8}{len(b):>8}{both:>7}{both / union:>9.2f}{kappa(a, b, n_units):>8.2f}")
        total = sum(pooled)
        po = (pooled[0] + pooled[3]) / total
        pa = (pooled[0] + pooled[1]) / total
        pb = (pooled[0] + pooled[2]) / total
        pe = pa * pb + (1 - pa) * (1 - pb)
        pooled_kappa = (po - pe) / (1 - pe)
        print(f"    pooled over codes: observed agreement {po:.3f}, expected {pe:.3f}, kappa {pooled_kappa:.2f}")

        # segment level: a coding matches when the other coder has the same code on overlapping text
        def matched(mine, theirs):
            return sum(1 for (d, i, s, e) in mine
                       if any(d == d2 and i == i2 and s < e2 and s2 < e for (d2, i2, s2, e2) in theirs))
        ma = sum(matched(segs[k][a_email], segs[k][b_email]) for k in segs)
        mb = sum(matched(segs[k][b_email], segs[k][a_email]) for k in segs)
        na = sum(len(segs[k][a_email]) for k in segs)
        nb = sum(len(segs[k][b_email]) for k in segs)
        exact = sum(1 for k in segs for x in segs[k][a_email] if x in segs[k][b_email])
        print(f"  segment level: {ma}/{na} codings of {a_email} and {mb}/{nb} of {b_email} matched by the "
              f"other coder (same code, overlapping text); {exact} with identical boundaries")

    # ---- Arnhem findings
    arnhem = [c for c in codings if c["projectSlug"] == ARNHEM and c["round"] is None]
    if arnhem:
        fragments = defaultdict(set)
        codings_per_title = Counter()
        for c in arnhem:
            if c.get("memo") in FINDING_TITLES:
                fragments[c["memo"]].add((c["group"], c["heldOn"], c["document"], c["quote"]))
                codings_per_title[c["memo"]] += 1
        print(f"\nSamen Beslissen Arnhem: fragments (codings) per finding title of seed 000")
        for title in FINDING_TITLES:
            n = len(fragments[title])
            print(f"  {n:>3} ({codings_per_title[title]:>2})  {title}")
            if n < MIN_FRAGMENTS_PER_FINDING:
                error("Arnhem", f"{title!r} is supported by {n} fragment(s); at least "
                                f"{MIN_FRAGMENTS_PER_FINDING} needed")
        linked = sum(codings_per_title.values())
        print(f"  codings linked to a finding: {linked} of {len(arnhem)}")


if __name__ == "__main__":
    sys.exit(main())
