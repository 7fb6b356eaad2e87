"""The converter's shape: every module imports, no import circle, no module over 400 lines."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "edition"
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = ["edition", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported_at_load(path: Path, name: str, known: set[str]) -> set[str]:
    """The package's modules this one imports when it is loaded (module level, including
    `if TYPE_CHECKING:` blocks, which a type checker follows), not inside functions."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.If):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                candidates = [target] + [f"{target}.{alias.name}" for alias in node.names]
                found.update(c for c in candidates if c in known)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names if alias.name in known)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return found - {name}


def import_graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imported_at_load(path, name, set(found)) for name, path in found.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := walk(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := walk(node)):
            return cycle
    return None


def test_every_module_imports():
    for name in modules():
        importlib.import_module(name)


def test_the_graph_sees_the_pipeline_imports():
    # the walk must find what the orchestrator really imports, or a cycle could hide
    graph = import_graph()
    assert {"edition.model", "edition.passes.reflow", "edition.write.markdown"} <= graph["edition.build"]
    assert "edition.model" in graph["edition.write.report"]
    assert "edition.citations.chinese" in graph["edition.citations.classify"]


def test_find_cycle_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_circle():
    assert find_cycle(import_graph()) is None


def test_no_module_over_the_limit():
    sizes = {path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in PACKAGE.rglob("*.py")}
    assert len(sizes) > 30  # the walk found the package
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}


def test_the_model_imports_no_pass_or_writer_when_loaded():
    # its TYPE_CHECKING imports name types only; at run time it stands alone
    tree = ast.parse((PACKAGE / "model.py").read_text(encoding="utf-8"))
    loaded = [node for node in tree.body if isinstance(node, ast.ImportFrom) and node.level]
    assert loaded == []
    assert "edition.passes.layout" in import_graph()["edition.model"]  # the graph sees the types
