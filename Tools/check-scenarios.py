#!/usr/bin/env python3
"""Run scenario cases through a grip binary, without rebuilding Grip.

For questionnaire authors: after editing a YAML file in Questionnaires/, check the
scenario cases against it with an already built binary (the directory given with
--questionnaires replaces the bundled files with the same id):

    Tools/check-scenarios.py Tests/GripScoringTests/Scenarios/ai-act.yaml \
        --grip .build/debug/grip --questionnaires Questionnaires

Without --questionnaires the binary's bundled (built-in) files are used, which shows
whether a new case fails on the old content. `swift test` (ScenarioTests) remains the
authority; this script mirrors its checks on levels, warnings and classifications.

Classification expectations: `category_id` (decided), `none` (decided, no category),
or `possibly:category_id` (not yet decided; the strongest category still possible).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import yaml


def plain(value):
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def classification_key(entry):
    status = entry.get("status")
    possible = entry.get("possible", [])
    undecided = status == "undecided" if status else bool(possible)
    if undecided:
        return "possibly:" + possible[0]["id"]
    category = entry.get("category")
    return category["id"] if category else "none"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenarios")
    parser.add_argument("--grip", default=".build/debug/grip")
    parser.add_argument("--questionnaires", action="append", default=[])
    parser.add_argument("--case", help="only cases whose name contains this text")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    with open(args.scenarios, encoding="utf-8") as handle:
        root = yaml.safe_load(handle)
    questionnaire = root["questionnaire"]
    failed = passed = 0
    env = dict(os.environ, GRIP_HOME=tempfile.mkdtemp(prefix="grip-scenarios-"))
    for case in root["cases"]:
        if args.case and args.case not in case["name"]:
            continue
        answers = {key: plain(value) for key, value in (case.get("answers") or {}).items()}
        document = {"questionnaire": questionnaire, "subject": {"system": "scenario"}, "answers": answers}
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False, encoding="utf-8") as handle:
            yaml.safe_dump(document, handle, allow_unicode=True)
            path = handle.name
        command = [args.grip, "score", questionnaire, "--answers", path, "--json"]
        for directory in args.questionnaires:
            command += ["--questionnaires", directory]
        run = subprocess.run(command, capture_output=True, text=True, env=env)
        os.unlink(path)
        problems = []
        if run.returncode != 0:
            problems.append("grip score failed: " + (run.stderr.strip() or run.stdout.strip())[:2000])
        else:
            outcome = json.loads(run.stdout)
            outcome = outcome.get("outcome", outcome)
            levels = {a["id"]: a["level"] for a in outcome.get("assessments", [])}
            expected = case.get("levels", {})
            if set(expected) != set(levels):
                problems.append(f"levels must name every assessment: missing {sorted(set(levels) - set(expected))}, extra {sorted(set(expected) - set(levels))}")
            for key, level in expected.items():
                if key in levels and levels[key] != level:
                    problems.append(f"{key}: expected {level}, got {levels[key]}")
            warnings = {w["id"] for w in outcome.get("warnings", [])}
            if warnings != set(case.get("warnings") or []):
                problems.append(f"warnings: expected {sorted(case.get('warnings') or [])}, got {sorted(warnings)}")
            found = {c["id"]: classification_key(c) for c in outcome.get("classifications", [])}
            for key, category in (case.get("classifications") or {}).items():
                if found.get(key) != category:
                    problems.append(f"classification {key}: expected {category}, got {found.get(key)}")
        if problems:
            failed += 1
            print(f"FAIL {case['name']}")
            for problem in problems:
                print(f"     {problem}")
        else:
            passed += 1
            if args.verbose:
                print(f"ok   {case['name']}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
