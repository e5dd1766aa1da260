"""The assessment frameworks (toetsingskaders) as data: the loader and its checks (`loader`), the strict YAML
reader that names file, line and field (`strict_yaml`), and the parsed-framework cache that keeps start-up fast
(`cache`). Imports only `models`, `errors` and `paths`; everything above it may import it."""

from ggsr_desktop.framework.loader import (
    FORMAT_VERSION,
    LEVEL_NAMES,
    LEVEL_ROLES,
    Criterion,
    Framework,
    FrameworkCatalog,
    Indicator,
    Theme,
    framework_from_dict,
    load_catalog,
    load_framework,
    parse_framework,
)

__all__ = ["FORMAT_VERSION", "LEVEL_NAMES", "LEVEL_ROLES", "Criterion", "Framework", "FrameworkCatalog", "Indicator",
           "Theme", "framework_from_dict", "load_catalog", "load_framework", "parse_framework"]
