"""Redrawn diagrams: the curated Mermaid flowcharts rendered as HTML org charts.

The diagram data stays in Mermaid (readable, and usable elsewhere), but the edition draws
it with HTML and CSS: no script to fetch (Material would load Mermaid from a CDN), the
labels stay text that search, OpenCC and print all see.  Only the subset the figure data
uses is read: `id["label"]` nodes, `a --> b` edges and `a --- b` associations.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

NODE = re.compile(r'^\s*(\w+)\["(.*)"\]\s*$')
EDGE = re.compile(r"^\s*(\w+)\s*(-->|---)\s*(\w+)\s*$")


@dataclass
class Diagram:
    labels: dict[str, str] = field(default_factory=dict)
    children: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # (child, associated)

    @property
    def roots(self) -> list[str]:
        inner = {child for kids in self.children.values() for child, _ in kids}
        return [node for node in self.labels if node not in inner]


def parse_flowchart(text: str) -> Diagram:
    diagram = Diagram()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.strip().startswith(("flowchart", "%%")):
            continue
        if match := NODE.match(line):
            diagram.labels[match.group(1)] = match.group(2)
        elif match := EDGE.match(line):
            parent, kind, child = match.groups()
            diagram.children.setdefault(parent, []).append((child, kind == "---"))
        else:
            raise ValueError(f"diagram line {number}: expected a node or an edge, found {line!r}")
    # an association hangs the box that has no place of its own under the one that has
    placed = {child for kids in diagram.children.values() for child, _ in kids}
    for parent, kids in list(diagram.children.items()):
        for child, associated in list(kids):
            if associated and parent not in placed and child in placed:
                kids.remove((child, associated))
                diagram.children.setdefault(child, []).append((parent, True))
    return diagram


def label_html(label: str) -> str:
    return "<br>".join(html.escape(part) for part in label.split("<br>"))


def render_node(diagram: Diagram, node: str, associated: bool = False) -> str:
    css = ' class="associated"' if associated else ""
    kids = diagram.children.get(node, [])
    inner = "".join(render_node(diagram, child, assoc) for child, assoc in kids)
    sub = f"<ul>{inner}</ul>" if inner else ""
    return f'<li{css}><span class="box">{label_html(diagram.labels[node])}</span>{sub}</li>'


def render_org_chart(text: str) -> str:
    diagram = parse_flowchart(text)
    trees = "".join(render_node(diagram, root) for root in diagram.roots)
    return f'<div class="org-chart"><ul>{trees}</ul></div>'
