"""The committed .pyi stubs name exactly what the module has."""

import ast
from pathlib import Path

import newsparse

STUB = Path(newsparse.__file__).with_name("__init__.pyi")
# Members every class has, or that Python or PyO3 add; the stubs leave them out.
IGNORED = {
    "__class__",
    "__doc__",
    "__module__",
    "__new__",
    "__init__",
    "__repr__",
    "__eq__",
    "__ne__",
    "__hash__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__getattribute__",
    "__setattr__",
    "__delattr__",
    "__dir__",
    "__format__",
    "__init_subclass__",
    "__reduce_ex__",
    "__sizeof__",
    "__str__",
    "__subclasshook__",
    "__getstate__",
    "__weakref__",
    "__dict__",
    "__text_signature__",
    "__getnewargs__",
    "__reduce__",
}


def stub_tree():
    return ast.parse(STUB.read_text(encoding="utf-8"))


def stub_names():
    names = set()
    for node in stub_tree().body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    return names


def test_stub_exists_with_py_typed():
    assert STUB.is_file()
    assert STUB.with_name("py.typed").is_file()


def test_module_names_match():
    assert stub_names() == set(newsparse.__all__)


def test_class_members_match():
    for node in stub_tree().body:
        if not isinstance(node, ast.ClassDef) or node.name == "NewsparseError":
            continue
        cls = getattr(newsparse, node.name)
        stubbed = {n.name for n in node.body if isinstance(n, ast.FunctionDef)} - IGNORED
        actual = {name for name in dir(cls) if name not in IGNORED}
        assert stubbed == actual, node.name


def test_docstrings_come_from_rust():
    assert "GIL released" in newsparse.Extractor.parse_many.__doc__
    assert newsparse.Document.__doc__.startswith("Everything newsparse found")
    assert "default extractor" in newsparse.parse.__doc__
