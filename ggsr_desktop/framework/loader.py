"""Assessment frameworks (toetsingskaders) as data: loading, validation and lookup.

A framework file is YAML (format described in docs/framework-format.md). Every problem is reported as a
FrameworkError naming the file, the line and the field. The built-in frameworks live in
`interview_templates/`; an inspector may add files to the `frameworks/` folder next to the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ggsr_desktop import paths
from ggsr_desktop.errors import FrameworkError
from ggsr_desktop.framework import cache as framework_cache
from ggsr_desktop.framework.reader import Reader, describe
from ggsr_desktop.models import POLICY_SOURCES, SOURCES

if TYPE_CHECKING:  # the YAML reader is imported when a file is actually parsed (start-up reads the cache)
    pass

FORMAT_VERSION = 1
LEVEL_ROLES = {
    "casus": SOURCES,  # the case-level roles
    "beleid": POLICY_SOURCES,  # municipality, network partners, documents
}
LEVEL_NAMES = {"casus": "casusniveau", "beleid": "beleidsniveau"}
# At case level every indicator needs at least one source to gather evidence from.
LEVELS_REQUIRING_QUESTIONS = {"casus"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")


@dataclass(frozen=True)
class Indicator:
    id: str
    text: str
    criterion_id: str
    theme_id: str
    questions: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Criterion:
    id: str
    text: str
    theme_id: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Theme:
    id: str
    name: str
    description: str
    criteria: tuple[Criterion, ...]

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for c in self.criteria for i in c.indicators)


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    level: str
    description: str
    themes: tuple[Theme, ...]
    source: str
    builtin: bool
    id_line: int = field(default=1, compare=False)

    @property
    def criteria(self) -> tuple[Criterion, ...]:
        return tuple(c for t in self.themes for c in t.criteria)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for t in self.themes for i in t.indicators)

    @property
    def roles(self) -> tuple[str, ...]:
        return LEVEL_ROLES[self.level]

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    def has_indicator(self, indicator_id: str) -> bool:
        return any(ind.id == indicator_id for ind in self.indicators)

    @property
    def fingerprint(self) -> str:
        """SHA-256 over the ids and texts of its themes, criteria and indicators (not its questions): two databases
        may exchange judgements only when this is equal."""
        import hashlib
        import json

        shape = [[t.id, t.name, t.description, [[c.id, c.text, [[i.id, i.text] for i in c.indicators]]
                                                for c in t.criteria]] for t in self.themes]
        return hashlib.sha256(json.dumps([self.id, shape], ensure_ascii=False).encode("utf-8")).hexdigest()

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "level": self.level,
            "description": self.description,
            "source": self.source,
            "builtin": self.builtin,
            "themes": [
                {
                    "id": t.id,
                    "name": t.name,
                    "description": t.description,
                    "criteria": [
                        {
                            "id": c.id,
                            "text": c.text,
                            "indicators": [
                                {"id": i.id, "text": i.text, "questions": {r: list(q) for r, q in i.questions.items()}}
                                for i in c.indicators
                            ],
                        }
                        for c in t.criteria
                    ],
                }
                for t in self.themes
            ],
        }


class _Reader(Reader):
    """Validates one parsed file, raising FrameworkError with file, line and field."""

    error = FrameworkError

    def __init__(self, path: Path):
        super().__init__(path)
        self.seen_ids: dict[str, int] = {}

    def identifier(self, m, field_name) -> str:
        value = self.text(m, "id", field_name)
        line = m.line_of("id")
        if not ID_PATTERN.match(value):
            self.fail(line, field_name, f"ongeldige id '{value}': gebruik kleine letters, cijfers, '-' en '.'")
        if value in self.seen_ids:
            self.fail(line, field_name, f"dubbele id '{value}' (al gebruikt op regel {self.seen_ids[value]})")
        self.seen_ids[value] = line
        return value


_describe = describe


def parse_framework(text: str, path: Path, builtin: bool = False) -> Framework:
    """Parse and validate framework YAML text; `path` is used in error messages."""

    from ggsr_desktop.framework import strict_yaml

    data = strict_yaml.load_located(text, path, FrameworkError)
    r = _Reader(path)
    if data is None:
        r.fail(1, None, "bestand is leeg")
    top = r.mapping(data, 1, None)
    r.check_keys(top, {"format", "id", "name", "level", "description", "themes"},
                 {"format", "id", "name", "level", "themes"}, "")
    if top["format"] != FORMAT_VERSION or isinstance(top["format"], bool):
        r.fail(top.line_of("format"), "format", f"onbekende formaatversie {top['format']!r}; verwacht {FORMAT_VERSION}")
    fw_id = r.identifier(top, "id")
    name = r.text(top, "name", "name")
    level = r.text(top, "level", "level")
    if level not in LEVEL_ROLES:
        r.fail(top.line_of("level"), "level", f"onbekend niveau '{level}'; toegestaan: {', '.join(LEVEL_ROLES)}")
    description = r.text(top, "description", "description") if "description" in top else ""
    themes = []
    raw_themes = r.sequence(top, "themes", "themes")
    for ti, raw_theme in enumerate(raw_themes):
        tf = f"themes[{ti}]"
        tm = r.mapping(raw_theme, raw_themes.line_of(ti), tf)
        r.check_keys(tm, {"id", "name", "description", "criteria"}, {"id", "name", "criteria"}, tf)
        theme_id = r.identifier(tm, f"{tf}.id")
        criteria = []
        raw_criteria = r.sequence(tm, "criteria", f"{tf}.criteria")
        for ci, raw_crit in enumerate(raw_criteria):
            cf = f"{tf}.criteria[{ci}]"
            cm = r.mapping(raw_crit, raw_criteria.line_of(ci), cf)
            r.check_keys(cm, {"id", "text", "indicators"}, {"id", "text", "indicators"}, cf)
            crit_id = r.identifier(cm, f"{cf}.id")
            indicators = []
            raw_inds = r.sequence(cm, "indicators", f"{cf}.indicators")
            for ii, raw_ind in enumerate(raw_inds):
                inf = f"{cf}.indicators[{ii}]"
                im = r.mapping(raw_ind, raw_inds.line_of(ii), inf)
                r.check_keys(im, {"id", "text", "questions"}, {"id", "text"}, inf)
                ind_id = r.identifier(im, f"{inf}.id")
                questions = _questions(r, im, inf, level)
                if level in LEVELS_REQUIRING_QUESTIONS and not questions:
                    r.fail(im.line, f"{inf}.questions",
                           f"indicator '{ind_id}' heeft geen enkele bron: geef minstens één rol met een vraag")
                indicators.append(Indicator(ind_id, r.text(im, "text", f"{inf}.text"), crit_id, theme_id, questions))
            criteria.append(Criterion(crit_id, r.text(cm, "text", f"{cf}.text"), theme_id, tuple(indicators)))
        theme_desc = r.text(tm, "description", f"{tf}.description") if "description" in tm else ""
        themes.append(Theme(theme_id, r.text(tm, "name", f"{tf}.name"), theme_desc, tuple(criteria)))
    return Framework(fw_id, name, level, description, tuple(themes), str(path), builtin, top.line_of("id"))


def _questions(r: _Reader, im, field_prefix: str, level: str) -> dict[str, tuple[str, ...]]:
    if "questions" not in im:
        return {}
    qf = f"{field_prefix}.questions"
    qm = r.mapping(im["questions"], im.line_of("questions"), qf)
    allowed = LEVEL_ROLES[level]
    result = {}
    for role in qm:
        if role not in allowed:
            r.fail(qm.line_of(role), f"{qf}.{role}",
                   f"onbekende rol '{role}'; toegestaan op {LEVEL_NAMES[level]}: {', '.join(allowed)}")
        items = r.sequence(qm, role, f"{qf}.{role}")
        texts = []
        for qi, q in enumerate(items):
            if not isinstance(q, str) or not q.strip():
                problem = ("vraag is leeg" if isinstance(q, str) or q is None
                           else f"moet tekst zijn, gevonden: {_describe(q)}")
                r.fail(items.line_of(qi), f"{qf}.{role}[{qi}]", problem)
            texts.append(q.strip())
        result[role] = tuple(texts)
    return result


def load_framework(path: Path, builtin: bool = False) -> Framework:
    """A framework file, read from the cache when the file is unchanged since it was last parsed."""
    path = Path(path)
    cached = framework_cache.get(path, builtin)
    if cached is not None:
        return framework_from_dict(cached)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FrameworkError(path, None, None, f"bestand is geen UTF-8-tekst ({exc.reason})") from None
    except OSError as exc:
        raise FrameworkError(path, None, None, f"kan bestand niet lezen: {exc.strerror}") from None
    framework = parse_framework(text, path, builtin)
    framework_cache.put(path, builtin, {**framework.to_dict(), "id_line": framework.id_line})
    return framework


def framework_from_dict(data: dict) -> Framework:
    """The reverse of `Framework.to_dict` (with `id_line`), for the cache."""
    themes = []
    for t in data["themes"]:
        criteria = []
        for c in t["criteria"]:
            indicators = tuple(Indicator(i["id"], i["text"], c["id"], t["id"],
                                         {r: tuple(q) for r, q in i["questions"].items()}) for i in c["indicators"])
            criteria.append(Criterion(c["id"], c["text"], t["id"], indicators))
        themes.append(Theme(t["id"], t["name"], t["description"], tuple(criteria)))
    return Framework(data["id"], data["name"], data["level"], data["description"], tuple(themes), data["source"],
                     data["builtin"], data.get("id_line", 1))


@dataclass
class FrameworkCatalog:
    """All frameworks available to the app, plus the problems found while loading user files."""

    frameworks: list[Framework]
    errors: list[FrameworkError]

    def get(self, framework_id: str) -> Framework:
        for fw in self.frameworks:
            if fw.id == framework_id:
                return fw
        raise KeyError(framework_id)

    def ids(self) -> list[str]:
        return [fw.id for fw in self.frameworks]


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file())


def load_catalog(user_dir: Path | None = None) -> FrameworkCatalog:
    """Load the built-in frameworks (errors there are fatal) and any user frameworks (errors collected)."""
    frameworks = [load_framework(p, builtin=True) for p in _yaml_files(paths.builtin_frameworks_dir())]
    errors: list[FrameworkError] = []
    if user_dir is not None:
        for p in _yaml_files(Path(user_dir)):
            try:
                fw = load_framework(p)
            except FrameworkError as exc:
                errors.append(exc)
                continue
            clash = next((f for f in frameworks if f.id == fw.id), None)
            if clash is not None:
                errors.append(FrameworkError(p, fw.id_line, "id", f"id '{fw.id}' is al in gebruik door {clash.source}"))
                continue
            frameworks.append(fw)
    return FrameworkCatalog(frameworks, errors)
