"""Anonymisation of quotes before they reach disk (Qt-free). Work in progress for issue 3: so far the
deterministic detectors of direct identifiers (`identifiers`)."""
