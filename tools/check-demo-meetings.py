#!/usr/bin/env python3
"""Check src/Monitor.Core/Demo/demo-meetings.json against demo-projects.json.

Checks that every group and meeting exists in demo-projects.json, that role labels
(excused, absent, reflection members, action item owners) belong to the group and are
active on the meeting date, that reflections come only from members present, that doneOn
is a later meeting date of the same group, that followUp is null on the last meeting,
that the protocol (look-back first, closing question last) is followed, that minutes
stay within 1500 characters and that no text contains '<'.

Usage: python3 tools/check-demo-meetings.py [meetings.json] [projects.json]
Prints counts and exits 1 on any error. Standard library only.
"""

import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MEETINGS = ROOT / "src" / "Monitor.Core" / "Demo" / "demo-meetings.json"
DEFAULT_PROJECTS = ROOT / "src" / "Monitor.Core" / "Demo" / "demo-projects.json"

MAX_MINUTES_CHARS = 1500
MIN_MINUTES_WORDS = 80
MAX_MINUTES_WORDS = 180
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

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


def walk_strings(value, path):
    """Yield (path, string) for every string anywhere in value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_strings(item, f"{path}[{index}]")


def is_active(member, on):
    joined = member.get("joinedOn")
    left = member.get("leftOn")
    if joined and date.fromisoformat(joined) > on:
        return False
    if left and date.fromisoformat(left) < on:
        return False
    return True


def check_role(where, field, label, members, on):
    member = members.get(label)
    if member is None:
        error(where, f"{field} {label!r} is not a member of this group")
        return False
    if not is_active(member, on):
        error(where, f"{field} {label!r} is not active on {on} "
                     f"(joinedOn {member.get('joinedOn')}, leftOn {member.get('leftOn')})")
        return False
    return True


def main():
    meetings_path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_MEETINGS
    projects_path = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_PROJECTS

    raw = meetings_path.read_text(encoding="utf-8")
    doc = json.loads(raw)
    projects = json.loads(projects_path.read_text(encoding="utf-8"))

    # Index the existing projects: (slug, group name) -> group
    known_groups = {}
    for project in projects["projects"]:
        for group in project["groups"]:
            known_groups[(project["slug"], group["name"])] = group

    if doc.get("version") != 1:
        error("file", f"version must be 1, got {doc.get('version')!r}")

    for path, text in walk_strings(doc, "$"):
        if "<" in text:
            error(path, "text contains '<' (no HTML allowed)")

    counts = {"groups": 0, "meetings": 0, "reflections": 0, "minder answers": 0,
              "follow-ups": 0, "action items": 0, "action items open": 0}
    seen_groups = set()

    for gi, group in enumerate(doc.get("groups", [])):
        key = (group.get("projectSlug"), group.get("groupName"))
        gwhere = f"group {key[0]}/{key[1]}"
        if key in seen_groups:
            error(gwhere, "group listed twice")
        seen_groups.add(key)
        known = known_groups.get(key)
        if known is None:
            error(gwhere, "no such project/group in demo-projects.json")
            continue
        counts["groups"] += 1

        cadence = group.get("cadenceDays")
        if cadence is not None and (not isinstance(cadence, int) or cadence <= 0):
            error(gwhere, f"cadenceDays must be a positive integer or null, got {cadence!r}")
        if not isinstance(group.get("reflectionsAnonymous"), bool):
            error(gwhere, "reflectionsAnonymous must be true or false")

        members = {m["roleLabel"]: m for m in known["members"]}
        known_dates = {m["heldOn"] for m in known["meetings"]}
        meetings = group.get("meetings", [])
        dates = [m.get("heldOn") for m in meetings]
        if len(set(dates)) != len(dates):
            error(gwhere, "a meeting date occurs more than once")
        if dates != sorted(dates):
            error(gwhere, "meetings are not in date order")
        file_dates = set(dates)
        last_date = max(dates) if dates else None

        for meeting in meetings:
            held = meeting.get("heldOn")
            mwhere = f"{gwhere} {held}"
            if held not in known_dates:
                error(mwhere, "no meeting on this date in demo-projects.json")
                continue
            on = parse_date(held, mwhere, "heldOn")
            if on is None:
                continue
            counts["meetings"] += 1

            if not TIME_RE.match(str(meeting.get("startsAt", ""))):
                error(mwhere, f"startsAt must be HH:mm, got {meeting.get('startsAt')!r}")
            if not meeting.get("location"):
                error(mwhere, "location is empty")

            excused = meeting.get("excused", [])
            absent = meeting.get("absent", [])
            for label in excused:
                check_role(mwhere, "excused", label, members, on)
            for label in absent:
                check_role(mwhere, "absent", label, members, on)
            if set(excused) & set(absent):
                error(mwhere, "a member is both excused and absent")
            not_present = set(excused) | set(absent)
            for guest in meeting.get("guests", []):
                if not guest.get("name") or not guest.get("organisation"):
                    error(mwhere, f"guest needs name and organisation: {guest!r}")

            agenda = meeting.get("agenda", [])
            if not agenda:
                error(mwhere, "agenda is empty")
            else:
                if "terugblik" not in agenda[0].lower():
                    error(mwhere, "agenda must open with the look-back (terugblik)")
                if "wel" not in agenda[-1].lower() or "minder" not in agenda[-1].lower():
                    error(mwhere, "agenda must close with the question what worked well and what less")

            minutes = meeting.get("minutes", "")
            if len(minutes) > MAX_MINUTES_CHARS:
                error(mwhere, f"minutes are {len(minutes)} characters (max {MAX_MINUTES_CHARS})")
            words = len(minutes.split())
            if not MIN_MINUTES_WORDS <= words <= MAX_MINUTES_WORDS:
                error(mwhere, f"minutes have {words} words (expected {MIN_MINUTES_WORDS}-{MAX_MINUTES_WORDS})")
            if "terugblik" not in minutes.lower():
                error(mwhere, "minutes do not record the look-back (terugblik)")

            if not meeting.get("decisions"):
                error(mwhere, "no decisions")

            actions = meeting.get("actionItems", [])
            if not 1 <= len(actions) <= 3:
                error(mwhere, f"{len(actions)} action items (expected 1-3)")
            for action in actions:
                counts["action items"] += 1
                awhere = f"{mwhere} action {action.get('description', '')[:40]!r}"
                if not action.get("description"):
                    error(awhere, "description is empty")
                check_role(awhere, "owner", action.get("owner"), members, on)
                due = parse_date(action.get("dueOn"), awhere, "dueOn")
                if due is not None and due <= on:
                    error(awhere, f"dueOn {due} is not after the meeting")
                done = action.get("doneOn")
                if done is None:
                    counts["action items open"] += 1
                    continue
                if parse_date(done, awhere, "doneOn") is None:
                    continue
                if done not in known_dates or done not in file_dates:
                    error(awhere, f"doneOn {done} is not a meeting date of this group")
                elif done <= held:
                    error(awhere, f"doneOn {done} is not a later meeting")

            reflections = meeting.get("reflections", [])
            if not 3 <= len(reflections) <= 6:
                error(mwhere, f"{len(reflections)} reflections (expected 3-6)")
            reflected = set()
            for reflection in reflections:
                counts["reflections"] += 1
                label = reflection.get("member")
                rwhere = f"{mwhere} reflection by {label!r}"
                if label in reflected:
                    error(rwhere, "member reflects twice in one meeting")
                reflected.add(label)
                if check_role(rwhere, "member", label, members, on) and label in not_present:
                    error(rwhere, "member was not present (excused or absent)")
                wel = reflection.get("wel")
                minder = reflection.get("minder")
                if not isinstance(wel, str) or not isinstance(minder, str):
                    error(rwhere, "wel and minder must be strings (may be empty)")
                    continue
                if not wel and not minder:
                    error(rwhere, "both wel and minder are empty")
                follow_up = reflection.get("followUp")
                if minder:
                    counts["minder answers"] += 1
                if follow_up is not None:
                    counts["follow-ups"] += 1
                    if not minder:
                        error(rwhere, "followUp given without a 'minder' answer")
                    if held == last_date:
                        error(rwhere, "followUp must be null on the last meeting of the group")

    for label, value in counts.items():
        print(f"{label}: {value}")
    if counts["minder answers"]:
        print(f"follow-up rate: {counts['follow-ups'] / counts['minder answers']:.0%}")

    if errors:
        print(f"\n{len(errors)} error(s):", file=sys.stderr)
        for message in errors:
            print(f"  {message}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
