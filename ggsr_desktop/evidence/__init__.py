"""What the evidence says (Qt-free, read-only): the matrix of quotes per indicator × case × source (`matrix`), the
drafted findings (`findings`), a case's coverage (`coverage`) and finding indicators by typed letters
(`indicator_search`). Reads the store, never writes it. May import `models`, `errors`, `store` and `framework`."""
