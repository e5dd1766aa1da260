"""GGSR Desktop: case-level inspections of care for families with low social self-reliance."""

__version__ = "0.1.0"
