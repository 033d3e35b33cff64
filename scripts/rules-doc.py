#!/usr/bin/env python3
"""Regenerates docs/rules.md from rules/workflows/*.json (the source of truth):  python3 scripts/rules-doc.py"""
import glob
import json
import os

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
out = [
    "# Rule catalogue as implemented",
    "",
    "Generated from `rules/workflows/*.json` by `scripts/rules-doc.py` (the JSON is the source of truth; each rule's `interpretation` sits beside it there).",
    "Rule ids are exactly those of `../shared/domain/rules-catalog.md`. Where a clause was ambiguous, the reading a county auditor can defend is given with its clause.",
]


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


for path in sorted(glob.glob(os.path.join(root, "rules", "workflows", "*.json"))):
    document = json.load(open(path, encoding="utf-8"))
    for workflow in document if isinstance(document, list) else [document]:
        out += ["", f"## Workflow `{workflow['WorkflowName']}` (rules/workflows/{os.path.basename(path)})"]
        for rule in workflow["Rules"]:
            p = rule["Properties"]
            out += ["", f"### {rule['RuleName']} — {p['titleZh']} / {p['titleEn']}"]
            line = f"- severity `{p['severity']}`, scope `{p['scope']}`, in force from {p['effectiveFrom']}"
            if p.get("effectiveTo"):
                line += f" to {p['effectiveTo']}"
            if p.get("profiles"):
                line += ", profiles " + ", ".join(p["profiles"])
            out.append(line)
            out.append(f"- source: {p['source']}")
            if p.get("parameters"):
                out.append("- parameters: " + ", ".join(f"`{name}`" for name in p["parameters"]))
            out.append(f"- conditions ({rule.get('Operator', 'And')}):")
            for child in rule.get("Rules") or []:
                out += list(node_lines(child, 1))
            if p.get("interpretation"):
                out.append(f"- **interpretation**: {p['interpretation']}")

with open(os.path.join(root, "docs", "rules.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")
