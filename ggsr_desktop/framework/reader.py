"""Validating a parsed strict-YAML file (frameworks, figure definitions) with Dutch errors naming file, line and
field. No YAML import here: the parsed values carry their lines (`strict_yaml.LocatedDict`/`LocatedList`)."""

from __future__ import annotations


def describe(value) -> str:
    """A value as a Dutch error message names it."""
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return f"ja/nee-waarde {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"getal {value}"
    if isinstance(value, dict):
        return "een mapping"
    if isinstance(value, list):
        return "een lijst"
    return repr(value)


class Reader:
    """Validates one parsed file, raising `error(path, line, field, problem)`; `squash` collapses the whitespace
    inside texts (else they are only stripped)."""

    error: type[Exception] = ValueError
    squash = False

    def __init__(self, path):
        self.path = path

    def fail(self, line, field_name, problem):
        raise self.error(self.path, line, field_name, problem)

    def mapping(self, value, line, field_name) -> dict:
        if not isinstance(value, dict):
            self.fail(line, field_name, f"verwacht een mapping (sleutel: waarde), gevonden: {describe(value)}")
        return value

    def check_keys(self, m, allowed: set[str], required: set[str], field_name: str):
        for key in m:
            if key not in allowed:
                self.fail(m.line_of(key), f"{field_name}.{key}" if field_name else str(key),
                          f"onbekend veld; toegestaan: {', '.join(sorted(allowed))}")
        for key in sorted(required):
            if key not in m:
                self.fail(m.line, f"{field_name}.{key}" if field_name else key, "ontbreekt")

    def text(self, m, key, field_name) -> str:
        value = m[key]
        line = m.line_of(key)
        if not isinstance(value, str):
            hint = " (zet de waarde tussen aanhalingstekens)" if isinstance(value, (bool, int, float)) else ""
            self.fail(line, field_name, f"moet tekst zijn, gevonden: {describe(value)}{hint}")
        value = " ".join(value.split()) if self.squash else value.strip()
        if not value:
            self.fail(line, field_name, "is leeg")
        return value

    def sequence(self, m, key, field_name) -> list:
        value = m[key]
        if not isinstance(value, list):
            self.fail(m.line_of(key), field_name, f"verwacht een lijst, gevonden: {describe(value)}")
        if not value:
            self.fail(m.line_of(key), field_name, "lijst is leeg")
        return value
