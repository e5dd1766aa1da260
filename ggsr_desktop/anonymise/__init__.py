"""Anonymisation of every typed or imported text before it reaches disk (Qt-free): the anonymiser and its
detectors (`anonymiser`, `identifiers`, `lexicon`), the case registers of known persons (`register`), the strict
fallback (`strict`), the one rule of what may be stored or exported (`policy`, `categories`) and the measurements
(`scoring`, `evaluation`). Imports only `models`, `errors` and `paths`; imported by `store` and everything above."""
