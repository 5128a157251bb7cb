#!/usr/bin/env python3
"""Check src/Monitor.Core/Demo/demo-findings.json against the other demo files and print a summary.

A finding is a success factor, lesson learned or piece of advice of a demo project, with evidence
in the demo data. Checks:

- the file has version 1 and a list of findings with exactly the documented keys;
- every projectSlug exists in demo-projects.json;
- counts per project and kind: samen-beslissen-arnhem 12 succesfactor (in the 3 headings of seed
  000) and 7 les; keuzehulp-werkzaak 9 succesfactor, 7 les and 3 advies. Titles are the seed
  titles (shared/domain.md §5.1 and §5.2), unique per project, in seed order; per project the
  findings are contiguous, ordered succesfactor, les, advies, and within a kind a heading is not
  interrupted by another heading;
- the explanation has 2-5 sentences; no real person names (role names only);
- determinants are distinct MIDI numbers 1-29, bowen distinct area numbers 1-8, phase a Movisie
  phase 0-5 or null;
- status is concept, besproken or vastgesteld; concept has session null, the others a session with
  date, participants and a one-sentence changes. The session date falls after the last coded
  meeting of the project (and after every meeting and coding date of the finding's evidence) and
  on or before the project end date;
- every finding has at least 2 evidence items, at least 1 of type coding, no duplicates; each item
  resolves:
    coding:     group, heldOn, document and quote match exactly one coding of the same project
                with round null or consensus true;
    reflection: the meeting exists and has a reflection by that member;
    meeting:    the meeting exists;
    activity:   the title is a plan activity of the same project;
- Arnhem: a coding whose memo names a success factor or lesson ("Succesfactor: <title>",
  "Les: <title>") may only be evidence for that finding.

Summary: findings per project, kind and status; headings; evidence per type; for Arnhem the
memo-named codings that are not used (for instance because their quote is coded twice).

Usage: python3 tools/check-demo-findings.py [findings.json]
Exits 1 on any error. Standard library only.
"""

import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "Monitor.Core" / "Demo"
DEFAULT_FINDINGS = DEMO / "demo-findings.json"

ARNHEM = "samen-beslissen-arnhem"
KEUZEHULP = "keuzehulp-werkzaak"
KINDS = ("succesfactor", "les", "advies")
STATUSES = ("concept", "besproken", "vastgesteld")
FINDING_KEYS = {"projectSlug", "kind", "heading", "title", "explanation", "determinants", "bowen", "phase",
                "status", "session", "evidence"}
SESSION_KEYS = {"date", "participants", "changes"}
EVIDENCE_KEYS = {
    "coding": {"type", "group", "heldOn", "document", "quote"},
    "reflection": {"type", "group", "heldOn", "member"},
    "meeting": {"type", "group", "heldOn"},
    "activity": {"type", "title"},
}
MIN_EVIDENCE = 2
MIN_SENTENCES, MAX_SENTENCES = 2, 5

# Seed 000 (Samen Beslissen, Arnhem): (kind, heading, title) in seed order, shared/domain.md §5.1.
ARNHEM_HEADINGS = ("Ontwikkelgroep", "Ontwikkeling producten Samen Beslissen", "Toepassing producten Samen Beslissen")
ARNHEM_EXPECTED = [
    ("succesfactor", ARNHEM_HEADINGS[0], "Co-creatie wetenschap en praktijk"),
    ("succesfactor", ARNHEM_HEADINGS[0], "Ambassadeurschap vanuit re-integratieprofessionals"),
    ("succesfactor", ARNHEM_HEADINGS[0], "Aanzetten eigenaarschap"),
    ("succesfactor", ARNHEM_HEADINGS[0], "Bevlogen projectleider"),
    ("succesfactor", ARNHEM_HEADINGS[0], "Frequent overleg"),
    ("succesfactor", ARNHEM_HEADINGS[1], "Beschikbare voorbeelden uit ander domein"),
    ("succesfactor", ARNHEM_HEADINGS[1], "Integreren Samen Beslissen met bestaande werkwijzen"),
    ("succesfactor", ARNHEM_HEADINGS[1], "Continue afstemming met Management, Communicatie, Opleidingen"),
    ("succesfactor", ARNHEM_HEADINGS[2],
     "Ontwikkeling en vormgeving van producten afgestemd op wensen praktijk en doelgroep"),
    ("succesfactor", ARNHEM_HEADINGS[2], "Uittesten producten met en door de praktijk"),
    ("succesfactor", ARNHEM_HEADINGS[2], "Training ontwikkeld en gegeven door collega's"),
    ("succesfactor", ARNHEM_HEADINGS[2],
     "Flexibiliteit – aanpassen aan wat in de praktijk nodig is op dat moment"),
    ("les", None, "Te veel ontwikkelingen en veranderingen tegelijkertijd"),
    ("les", None, "Snellere opschaling training"),
    ("les", None, "Deelname van één of meerdere leden van management in ontwikkelgroep"),
    ("les", None, "Cliënten nog meer betrekken bij het proces"),
    ("les", None, "Eenduidige visie en uitvoering"),
    ("les", None, "Prioriteren in tijd"),
    ("les", None, "Vragenlijst re-integratieprofessional integreren in bestaande werkprocessen"),
]

# Seed 003 (Keuzehulp, Werkzaak Rivierenland): (kind, heading, title) in seed order, shared/domain.md §5.2.
# Headings are free themes for this project (None = not prescribed).
KEUZEHULP_EXPECTED = [
    ("succesfactor", None,
     "Projectstructuur die de betrokkenheid van alle geledingen van de organisatie borgde"),
    ("succesfactor", None,
     "Een bottom-up aanpak met een actieve rol voor de professionals en cliënten(raad) – in een sfeer van "
     "wederzijds ontmoeten en leren"),
    ("succesfactor", None,
     "Goede voorbereiding en een systematische verslaglegging van overleggen en werksessies is het halve werk"),
    ("succesfactor", None,
     "Theoretische modellen en uitwerking in begrijpelijke kenmerken vormen de ruggengraat van de keuzehulp"),
    ("succesfactor", None,
     "Inventariseren en systematisch beschrijven van instrumenten is een intensieve klus maar loont de moeite"),
    ("succesfactor", None,
     "Kenmerken (filters) vormen verbindende schakel tussen stap 1 'Intake' en stap 2 'Plan van Aanpak' van "
     "methodisch werken"),
    ("succesfactor", None,
     "Uitzetten van een vragenlijst onder alle professionals t.b.v. het ophalen van informatie over o.a. gebruik "
     "van en ervaringen met instrumenten heeft verschillende voordelen"),
    ("succesfactor", None, "Bouwen van een Excel bestand als format voor de keuzehulp geschikt als eerste stap"),
    ("succesfactor", None,
     "Testen van de keuzehulp op kleine schaal bij collega-professionals en cliënten bracht waardevolle inzichten"),
    ("les", None, "En toen kwam corona…"),
    ("les", None, "Alleen ga je sneller, samen kom je verder"),
    ("les", None, "Meer methodisch werken is het doel, de keuzehulp 'slechts' een hulpmiddel"),
    ("les", None, "Het betrekken van cliënten bij het ontwikkelproject vereist inspanning"),
    ("les", None, "Opbrengsten uitvraag leveranciers van instrumenten viel tegen"),
    ("les", None, "Tijdig aansluiting zoeken bij bestaand ICT instrumentarium"),
    ("les", None, "Zet een aparte Beheergroep op de keuzehulp"),
    ("advies", None,
     "Ontwikkeling van een keuzehulp in de context van methodisch werken: het kost tijd en vraagt aandacht"),
    ("advies", None,
     "Systematische aanlevering van informatie van leveranciers van instrumenten moet ingeregeld worden"),
    ("advies", None,
     "Van het één komt het ander: het inzetten van keuzehulp vereist kennis en vaardigheden op gebied van "
     "Samen Beslissen"),
]
EXPECTED = {ARNHEM: ARNHEM_EXPECTED, KEUZEHULP: KEUZEHULP_EXPECTED}

# Real names that occur in the seeds; the demo uses role names only.
REAL_NAMES = ["Nancy", "Willems", "Joyce", "Wassen", "Rik", "Bijl", "Joke", "van der Wal", "Jaap", "Kersten",
              "Wilma", "Astrid", "Hazelzet", "Otten", "Vooijs", "Kesteren"]
NAME_RE = re.compile(r"\b(" + "|".join(re.escape(n) for n in REAL_NAMES) + r")\b")
# A sentence ends with . ! ? or … followed by whitespace and a capital letter (or the end of the text).
SENTENCE_END_RE = re.compile(r"[.!?…]+(?=\s+[A-ZÀ-ÝĲ'\"(‘“]|\s*$)")

errors = []


def error(where, message):
    errors.append(f"{where}: {message}")


def parse_date(value, where, field):
    if not isinstance(value, str):
        error(where, f"{field} must be a date string (yyyy-MM-dd), got {value!r}")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        error(where, f"{field} is not a valid date: {value!r}")
        return None


def sentences(text):
    return len(SENTENCE_END_RE.findall(text.strip()))


def non_empty(value):
    return isinstance(value, str) and value.strip() != "" and value == value.strip()


def check_numbers(values, low, high, where, field):
    if not isinstance(values, list):
        error(where, f"{field} must be a list")
        return
    for v in values:
        if not isinstance(v, int) or isinstance(v, bool) or not low <= v <= high:
            error(where, f"{field} contains {v!r}; expected integers {low}-{high}")
    if len(set(v for v in values if isinstance(v, int))) != len(values):
        error(where, f"{field} contains duplicates")


def load(name):
    return json.loads((DEMO / name).read_text(encoding="utf-8"))


def main():
    findings_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FINDINGS
    data = json.loads(findings_path.read_text(encoding="utf-8"))
    projects = {p["slug"]: p for p in load("demo-projects.json")["projects"]}
    meetings = load("demo-meetings.json")
    codings = load("demo-codings.json")["codings"]
    plans = load("demo-plans.json")["plans"]

    meeting_members = {}
    for group in meetings["groups"]:
        for m in group["meetings"]:
            meeting_members[(group["projectSlug"], group["groupName"], m["heldOn"])] = \
                {r["member"] for r in m.get("reflections", [])}
    activities = defaultdict(set)
    for plan in plans:
        for a in plan.get("activities", []):
            activities[plan["slug"]].add(a["title"])
    eligible = defaultdict(list)
    last_coded_meeting = {}
    for c in codings:
        key = (c["projectSlug"], c["group"], c["heldOn"], c["document"], c["quote"])
        if c.get("round") is None or c.get("consensus"):
            eligible[key].append(c)
            last_coded_meeting[c["projectSlug"]] = max(last_coded_meeting.get(c["projectSlug"], ""), c["heldOn"])
    round_only = {(c["projectSlug"], c["group"], c["heldOn"], c["document"], c["quote"]) for c in codings} \
        - set(eligible)

    if data.get("version") != 1:
        error("file", f"version must be 1, got {data.get('version')!r}")
    findings = data.get("findings")
    if not isinstance(findings, list):
        error("file", "findings must be a list")
        findings = []

    per_project = defaultdict(list)
    evidence_types = Counter()
    used_codings = defaultdict(set)  # key -> finding titles
    order = []

    for i, f in enumerate(findings):
        where = f"findings[{i}] {f.get('title')!r}"
        keys = set(f)
        if keys != FINDING_KEYS:
            missing, extra = FINDING_KEYS - keys, keys - FINDING_KEYS
            error(where, f"keys differ: missing {sorted(missing)}, unexpected {sorted(extra)}")
        slug = f.get("projectSlug")
        project = projects.get(slug)
        if project is None:
            error(where, f"unknown projectSlug {slug!r}")
        order.append(slug)
        per_project[slug].append(f)
        if f.get("kind") not in KINDS:
            error(where, f"kind must be one of {KINDS}, got {f.get('kind')!r}")
        for field in ("heading", "title", "explanation"):
            if not non_empty(f.get(field)):
                error(where, f"{field} must be a non-empty string without leading/trailing spaces")
        explanation = f.get("explanation") or ""
        n = sentences(explanation)
        if not MIN_SENTENCES <= n <= MAX_SENTENCES:
            error(where, f"explanation has {n} sentences; expected {MIN_SENTENCES}-{MAX_SENTENCES}")
        check_numbers(f.get("determinants"), 1, 29, where, "determinants")
        check_numbers(f.get("bowen"), 1, 8, where, "bowen")
        phase = f.get("phase")
        if phase is not None and (not isinstance(phase, int) or isinstance(phase, bool) or not 0 <= phase <= 5):
            error(where, f"phase must be 0-5 or null, got {phase!r}")

        texts = [f.get("heading") or "", f.get("title") or "", explanation]

        # ---- evidence
        evidence = f.get("evidence")
        if not isinstance(evidence, list):
            error(where, "evidence must be a list")
            evidence = []
        if len(evidence) < MIN_EVIDENCE:
            error(where, f"{len(evidence)} evidence items; at least {MIN_EVIDENCE} required")
        if not any(isinstance(e, dict) and e.get("type") == "coding" for e in evidence):
            error(where, "no evidence of type coding")
        seen = set()
        latest_evidence = ""
        for j, e in enumerate(evidence):
            ew = f"{where} evidence[{j}]"
            if not isinstance(e, dict):
                error(ew, "must be an object")
                continue
            etype = e.get("type")
            if etype not in EVIDENCE_KEYS:
                error(ew, f"type must be one of {sorted(EVIDENCE_KEYS)}, got {etype!r}")
                continue
            evidence_types[etype] += 1
            if set(e) != EVIDENCE_KEYS[etype]:
                error(ew, f"keys for {etype} must be {sorted(EVIDENCE_KEYS[etype])}, got {sorted(e)}")
                continue
            frozen = json.dumps(e, sort_keys=True, ensure_ascii=False)
            if frozen in seen:
                error(ew, "duplicate evidence item")
            seen.add(frozen)
            if etype == "activity":
                if e["title"] not in activities.get(slug, set()):
                    error(ew, f"no plan activity {e['title']!r} in project {slug}")
                continue
            mkey = (slug, e["group"], e["heldOn"])
            if mkey not in meeting_members:
                error(ew, f"no meeting of group {e['group']!r} on {e['heldOn']} in project {slug}")
                continue
            latest_evidence = max(latest_evidence, e["heldOn"])
            if etype == "reflection":
                if e["member"] not in meeting_members[mkey]:
                    error(ew, f"meeting has no reflection by {e['member']!r}")
            elif etype == "coding":
                ckey = mkey + (e["document"], e["quote"])
                hits = eligible.get(ckey, [])
                if len(hits) == 1:
                    coding = hits[0]
                    used_codings[ckey].add(f.get("title"))
                    latest_evidence = max(latest_evidence, coding.get("codedOn") or "")
                    memo = coding.get("memo") or ""
                    if slug == ARNHEM:
                        for prefix in ("Succesfactor: ", "Les: "):
                            if memo.startswith(prefix) and memo[len(prefix):] != f.get("title"):
                                error(ew, f"coding memo names another finding: {memo!r}")
                elif len(hits) > 1:
                    codes = ", ".join(c["code"] for c in hits)
                    error(ew, f"quote is ambiguous: {len(hits)} codings ({codes}) in {e['document']}")
                elif ckey in round_only:
                    error(ew, "quote only matches blind round codings (round set, consensus false)")
                else:
                    error(ew, f"no coding with this quote in {e['document']} of {e['group']} {e['heldOn']}")

        # ---- status and session
        status, session = f.get("status"), f.get("session")
        if status not in STATUSES:
            error(where, f"status must be one of {STATUSES}, got {status!r}")
        elif status == "concept":
            if session is not None:
                error(where, "a concept finding has session null")
        elif not isinstance(session, dict):
            error(where, f"a {status} finding needs a session (date, participants, changes)")
        else:
            if set(session) != SESSION_KEYS:
                error(where, f"session keys must be {sorted(SESSION_KEYS)}, got {sorted(session)}")
            held = parse_date(session.get("date"), where, "session.date")
            for field in ("participants", "changes"):
                if not non_empty(session.get(field)):
                    error(where, f"session.{field} must be a non-empty string")
                else:
                    texts.append(session[field])
            if non_empty(session.get("changes")) and sentences(session["changes"]) != 1:
                error(where, "session.changes must be one sentence")
            if held and project:
                last = last_coded_meeting.get(slug)
                if last and held.isoformat() <= last:
                    error(where, f"session {held} is not after the last coded meeting of the project ({last})")
                if latest_evidence and held.isoformat() <= latest_evidence:
                    error(where, f"session {held} is not after its evidence ({latest_evidence})")
                if held > date.fromisoformat(project["endDate"]):
                    error(where, f"session {held} is after the project end date {project['endDate']}")
                if held < date.fromisoformat(project["startDate"]):
                    error(where, f"session {held} is before the project start date {project['startDate']}")

        for text in texts:
            for match in NAME_RE.finditer(text):
                error(where, f"real name {match.group(0)!r}; use role names only")

    # ---- order and counts per project
    seen_projects = []
    for slug in order:
        if not seen_projects or seen_projects[-1] != slug:
            if slug in seen_projects:
                error("order", f"findings of {slug} are not contiguous")
            seen_projects.append(slug)
    for slug, expected in EXPECTED.items():
        items = per_project.get(slug, [])
        titles = [f.get("title") for f in items]
        dupes = [t for t, n in Counter(titles).items() if n > 1]
        if dupes:
            error(slug, f"titles used more than once: {dupes}")
        want_counts = Counter(kind for kind, _h, _t in expected)
        got_counts = Counter(f.get("kind") for f in items)
        for kind in KINDS:
            if got_counts[kind] != want_counts[kind]:
                error(slug, f"{got_counts[kind]} findings of kind {kind}; expected {want_counts[kind]}")
        want = [(k, t) for k, _h, t in expected]
        got = [(f.get("kind"), f.get("title")) for f in items]
        if got != want:
            missing = [t for k, t in want if (k, t) not in got]
            unknown = [t for k, t in got if (k, t) not in want]
            if missing or unknown:
                error(slug, f"titles differ from the seed: missing {missing}, unknown {unknown}")
            else:
                error(slug, "findings are not in seed order (succesfactor, les, advies; seed order within a kind)")
        for (kind, heading, title), f in zip(expected, items):
            if heading is not None and f.get("title") == title and f.get("heading") != heading:
                error(slug, f"{title!r} belongs under heading {heading!r}, not {f.get('heading')!r}")
        for kind in KINDS:
            headings = [f.get("heading") for f in items if f.get("kind") == kind]
            runs = [h for n, h in enumerate(headings) if n == 0 or headings[n - 1] != h]
            if len(runs) != len(set(runs)):
                error(slug, f"{kind}: a heading is interrupted by another heading ({runs})")
    arnhem_sf_headings = {f.get("heading") for f in per_project.get(ARNHEM, []) if f.get("kind") == "succesfactor"}
    if per_project.get(ARNHEM) and arnhem_sf_headings != set(ARNHEM_HEADINGS):
        error(ARNHEM, f"success factor headings must be {ARNHEM_HEADINGS}, got {sorted(arnhem_sf_headings)}")
    for slug in per_project:
        if slug not in EXPECTED and slug in projects:
            error(slug, "no expected findings defined for this project")

    # ---- Arnhem memo coverage (information)
    unused = []
    for key, hits in eligible.items():
        if key[0] != ARNHEM or key in used_codings:
            continue
        memos = sorted({c.get("memo") or "" for c in hits if (c.get("memo") or "").startswith(("Succesfactor: ", "Les: "))})
        if memos:
            unused.append((key, len(hits), memos))

    # ---- summary
    print(f"Findings: {len(findings)}")
    for slug in per_project:
        items = per_project[slug]
        print(f"  {slug}: {len(items)}")
        for kind in KINDS:
            of_kind = [f for f in items if f.get("kind") == kind]
            if not of_kind:
                continue
            statuses = Counter(f.get("status") for f in of_kind)
            status_text = ", ".join(f"{s} {statuses[s]}" for s in STATUSES if statuses[s])
            print(f"    {kind}: {len(of_kind)} ({status_text})")
            headings = Counter(f.get("heading") for f in of_kind)
            for heading, count in headings.items():
                print(f"      {heading}: {count}")
        sessions = Counter((f["session"]["date"]) for f in items if isinstance(f.get("session"), dict))
        print(f"    sessions: " + ", ".join(f"{d} ({n})" for d, n in sorted(sessions.items())))
        ev = [len(f.get("evidence") or []) for f in items]
        if ev:
            print(f"    evidence per finding: min {min(ev)}, max {max(ev)}, mean {sum(ev) / len(ev):.1f}")
    print("Evidence per type: " + ", ".join(f"{t} {evidence_types[t]}" for t in EVIDENCE_KEYS))
    print(f"Distinct codings used as evidence: {len(used_codings)}")
    if unused:
        print(f"Arnhem memo-named codings not used as evidence: {len(unused)}")
        for (slug, group, held, doc, quote), n, memos in sorted(unused):
            reason = f"quote coded {n} times" if n > 1 else "not referenced"
            print(f"  {held} {doc} [{reason}] {'; '.join(memos)}: {quote[:60]}")

    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for e in errors:
            print(f"  {e}", file=sys.stderr)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
