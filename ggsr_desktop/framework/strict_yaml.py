"""A strict YAML reader for the app's data files.

PyYAML follows YAML 1.1, which silently turns `NO`/`yes`/`on` into booleans and accepts duplicate keys.
This loader only knows `true`/`false` as booleans, rejects duplicate keys, and records the line of every
mapping key and sequence item so that validation errors can name the line (1-based).
"""

from __future__ import annotations

import re

import yaml


class LocatedDict(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A sequence that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # C parser when available
    """SafeLoader with YAML 1.2 booleans, duplicate-key rejection and line numbers."""


# Drop YAML 1.1's yes/no/on/off booleans; keep only true/false.
StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: StrictLoader, node: yaml.MappingNode) -> LocatedDict:
    loader.flatten_mapping(node)
    result = LocatedDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise DuplicateKeyError(
                "bij het lezen van een mapping",
                node.start_mark,
                f"dubbele sleutel '{key}' (eerder op regel {result.key_lines[key]})",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: StrictLoader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


StrictLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
StrictLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load(text: str):
    """Parse YAML text strictly. Raises yaml.YAMLError (with a problem_mark) on any problem."""
    return yaml.load(text, Loader=StrictLoader)


def load_located(text: str, path, error):
    """`load`, with a YAML error raised as `error(path, line, None, message)` (Dutch)."""
    try:
        return load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise error(path, line, None, f"ongeldige YAML: {problem}") from None

