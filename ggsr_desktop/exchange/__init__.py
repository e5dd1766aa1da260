"""Data in and out of a database other than the report (Qt-free): import of JSON files and their checks
(`importer`, `import_checks`), the dump of a database (`dump`), the anonymisation audit of everything stored
(`audit`), the built-in demo study (`demo`) and synthetic studies for the benchmark (`synthetic`). Writes only
through `ops` (capture) and `store`; imported by `cli`, `gui` and `bench`."""
