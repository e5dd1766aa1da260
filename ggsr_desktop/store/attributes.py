"""Per approach: the attributes of the national report that are not in the framework (`models.APPROACH_ATTRIBUTES`)
and the exclusion of an indicator from a count with its reason (spec round2 §4.3, §4.4). Texts arrive anonymised."""

from __future__ import annotations

from ggsr_desktop.errors import ValidationError
from ggsr_desktop.models import APPROACH_ATTRIBUTES
from ggsr_desktop.store.base import _required_text


def check_attribute(key: str, value: str) -> str:
    """The value as stored, or a Dutch error naming the key and what is allowed."""
    if key not in APPROACH_ATTRIBUTES:
        raise ValidationError(f"onbekend kenmerk '{key}'; bekend: {', '.join(APPROACH_ATTRIBUTES)}")
    value = " ".join(str(value).split())
    allowed = APPROACH_ATTRIBUTES[key]
    if allowed is not None and value not in allowed:
        raise ValidationError(f"kenmerk '{key}': ongeldige waarde '{value}'; toegestaan: {', '.join(allowed)}")
    return value


class AttributeRecords:
    """Store methods for approach attributes and exclusions (mixed into Store)."""

    def approach_attributes(self, approach_id: int) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self._rows(
            "SELECT key, value FROM approach_attributes WHERE approach_id = ? ORDER BY key", [approach_id])}

    def set_approach_attribute(self, approach_id: int, key: str, value: str | None) -> dict[str, str]:
        """Set (or with None / empty, remove) one attribute."""
        self.get_approach(approach_id)
        with self._write() as c:
            if value is None or not str(value).strip():
                c.execute("DELETE FROM approach_attributes WHERE approach_id = ? AND key = ?", (approach_id, key))
            else:
                c.execute("INSERT INTO approach_attributes (approach_id, key, value) VALUES (?, ?, ?) "
                          "ON CONFLICT (approach_id, key) DO UPDATE SET value = excluded.value",
                          (approach_id, key, check_attribute(key, value)))
        return self.approach_attributes(approach_id)

    def round_texts(self, study_id: int) -> dict[str, str]:
        """The free texts of a round's national report (voorwoord, inleiding, conclusies, …), by key."""
        return {r["key"]: r["value"] for r in self._rows(
            "SELECT key, value FROM round_texts WHERE study_id = ? ORDER BY key", [study_id])}

    def set_round_text(self, study_id: int, key: str, value: str) -> dict[str, str]:
        """Set one text of the national report (already anonymised); an empty one is removed."""
        self.get_study(study_id)
        key = _required_text(key, "tekstsleutel")
        with self._write() as c:
            if not (value or "").strip():
                c.execute("DELETE FROM round_texts WHERE study_id = ? AND key = ?", (study_id, key))
            else:
                c.execute("INSERT INTO round_texts (study_id, key, value) VALUES (?, ?, ?) ON CONFLICT (study_id, key) "
                          "DO UPDATE SET value = excluded.value", (study_id, key, value.strip()))
        self.wipe_traces()
        return self.round_texts(study_id)

    def exclusions(self, approach_id: int) -> dict[str, str]:
        """indicator id -> why it is left out of the counts for this approach."""
        return {r["indicator_id"]: r["reason"] for r in self._rows(
            "SELECT indicator_id, reason FROM indicator_exclusions WHERE approach_id = ? ORDER BY indicator_id",
            [approach_id])}

    def set_exclusion(self, approach_id: int, indicator_id: str, reason: str | None) -> dict[str, str]:
        """Leave an indicator out of the counts with a reason (None / empty: count it again)."""
        self.get_approach(approach_id)
        indicator_id = _required_text(indicator_id, "indicator")
        with self._write() as c:
            if reason is None or not reason.strip():
                c.execute("DELETE FROM indicator_exclusions WHERE approach_id = ? AND indicator_id = ?",
                          (approach_id, indicator_id))
            else:
                c.execute("INSERT INTO indicator_exclusions (approach_id, indicator_id, reason) VALUES (?, ?, ?) "
                          "ON CONFLICT (approach_id, indicator_id) DO UPDATE SET reason = excluded.reason",
                          (approach_id, indicator_id, reason.strip()))
        return self.exclusions(approach_id)
