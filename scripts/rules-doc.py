#!/usr/bin/env python3
"""Regenerates docs/rules.md from rules/ (the source of truth):  python3 scripts/rules-doc.py

For each rule id: its logic (the conditions as written), clause, population, parameters with the files that set
them, its test file and the code that reads the id — the one place a newcomer or an auditor starts from."""
import glob
import json
import os
import re

root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))


def rel(path):
    return os.path.relpath(path, root).replace(os.sep, "/")


# Which files set each parameter (national and regional values, region profiles).
parameter_files = {}
for path in sorted(glob.glob(os.path.join(root, "rules", "parameters", "**", "*.yaml"), recursive=True)) + sorted(
        glob.glob(os.path.join(root, "rules", "profiles", "*.yaml"))):
    if os.path.basename(path) == "definitions.yaml":
        continue
    section = False
    for line in open(path, encoding="utf-8"):
        if re.match(r"^(values|parameters):\s*$", line):
            section = True
            continue
        if section and re.match(r"^\S", line):
            section = False
        match = re.match(r"^  ([A-Za-z]\w*):\s*$", line)
        if section and match:
            parameter_files.setdefault(match.group(1), []).append(rel(path))

# Code that names a rule id (a string literal in src/).
sources = []
for path in sorted(glob.glob(os.path.join(root, "src", "**", "*.cs"), recursive=True)):
    sources.append((rel(path), open(path, encoding="utf-8").read()))


def readers(rule_id):
    return [path for path, text in sources if f'"{rule_id}"' in text]


def node_lines(node, depth):
    props = node.get("Properties") or {}
    label = props.get("labelZh") or node.get("RuleName", "")
    pad = "  " * depth
    if node.get("Rules"):
        yield f"{pad}- {label} ({node.get('Operator', 'And')}):"
        for child in node["Rules"]:
            yield from node_lines(child, depth + 1)
    else:
        yield f"{pad}- {label}: `{node.get('Expression', '')}`"


rules = []
for path in sorted(glob.glob(os.path.join(root, "rules", "workflows", "*.json"))):
    document = json.load(open(path, encoding="utf-8"))
    for workflow in document if isinstance(document, list) else [document]:
        for rule in workflow["Rules"]:
            rules.append((rel(path), workflow["WorkflowName"], rule))

out = [
    "# Rule index",
    "",
    "Generated from `rules/` by `scripts/rules-doc.py` (the workflow JSON is the source of truth; each rule's `interpretation` sits beside it there).",
    "Rule ids are exactly those of `../shared/domain/rules-catalog.md` (catalogue version 2). For each id: its logic, clause, population,",
    "parameters with the files that set them, its test cases and the code that reads the id. Where a clause was ambiguous, the reading a",
    "county auditor can defend is given with its clause.",
    "",
    "Populations (catalogue v2): **L** = category lifted (一般脱贫户); **L+** = lifted, or monitored with monitoringType unstable",
    "(脱贫户, 脱贫人口); **M** = monitored, any type (监测对象); **M-open** = M without a county_announcement (未消除风险的监测对象);",
    "**all** = every record. A rule whose format 1.1 field is absent reports the household *not evaluable* (counted per rule in the summary), never a finding.",
    "",
    "| id | severity | population | profiles | clause | test cases |",
    "|---|---|---|---|---|---|",
]
for file, workflow, rule in rules:
    p = rule["Properties"]
    rule_id = rule["RuleName"]
    test = f"rules/tests/{rule_id}.yaml"
    test_cell = f"`{test}`" if os.path.exists(os.path.join(root, test)) else "—"
    profiles = ", ".join(p.get("profiles") or []) or "all"
    out.append(f"| [{rule_id}](#{rule_id.lower()}) | {p['severity']} | {p.get('population', '')} | {profiles} | {p['source']} | {test_cell} |")

for file, workflow, rule in rules:
    p = rule["Properties"]
    rule_id = rule["RuleName"]
    out += ["", f"## {rule_id}", "", f"**{p['titleZh']}** / {p['titleEn']}", ""]
    line = f"- severity `{p['severity']}`, scope `{p['scope']}`, in force from {p['effectiveFrom']}"
    if p.get("effectiveTo"):
        line += f" to {p['effectiveTo']}"
    out.append(line)
    out.append(f"- profiles: {', '.join(p.get('profiles') or []) or 'every profile'}")
    out.append(f"- clause (source): {p['source']}")
    out.append(f"- population: {p.get('population', '')}")
    if p.get("measureCategory"):
        out.append(f"- risk category (PROC-MEASURE-MISMATCH): `{p['measureCategory']}`")
    if p.get("mode"):
        out.append(f"- mode: `{p['mode']}`")
    if p.get("parameters"):
        out.append("- parameters:")
        for name in p["parameters"]:
            files = ", ".join(f"`{f}`" for f in parameter_files.get(name, [])) or "—"
            out.append(f"  - `{name}`: {files}")
    else:
        out.append("- parameters: —")
    out.append(f"- definition: `{file}` (workflow `{workflow}`)")
    test = f"rules/tests/{rule_id}.yaml"
    out.append(f"- test cases: `{test}`" if os.path.exists(os.path.join(root, test)) else "- test cases: —")
    code = readers(rule_id)
    out.append("- code reading the id: " + (", ".join(f"`{c}`" for c in code) if code else "—"))
    out.append(f"- logic ({rule.get('Operator', 'And')}):")
    for child in rule.get("Rules") or []:
        out += list(node_lines(child, 1))
    if p.get("interpretation"):
        out.append(f"- **interpretation**: {p['interpretation']}")

# The case commands' own checks (rules/case-checks.yaml): flat "- id / source / titleZh / description" entries.
checks = []
for line in open(os.path.join(root, "rules", "case-checks.yaml"), encoding="utf-8"):
    match = re.match(r'^\s*(?:- )?(id|source|titleZh|description):\s*(.*)$', line.rstrip("\n"))
    if not match:
        continue
    key, value = match.group(1), match.group(2).strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    if key == "id":
        checks.append({})
    checks[-1][key] = value

out += ["", "## Case checks (rules/case-checks.yaml)", "",
        "The checks the case commands apply when recording, beside the PROC-* rules above that they also refuse by (their",
        "clause and title are the rule's own). A refusal reads `ID（clause）：reason`, the clause with seed file names shortened to",
        "their number (`docs/cases.md`). Code naming the ids: " + ", ".join(f"`{c}`" for c in readers("CASE-OPEN")) + ".", "",
        "| id | clause (source) | title | refused |", "|---|---|---|---|"]
for check in checks:
    out.append(f"| {check['id']} | {check['source']} | {check['titleZh']} | {check.get('description', '')} |")

target = os.path.join(root, "docs", "rules.md")
with open(target + ".tmp", "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
os.replace(target + ".tmp", target)
