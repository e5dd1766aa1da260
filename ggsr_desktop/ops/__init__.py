"""What the inspector does, as operations (Qt-free): the `Session` of an open database with its one undo history
(`session`, `undo`, `changes`), the capture of quotes through the anonymiser (`capture`), quote actions and the
review of the anonymisation (`quote_actions`, `review`), judging (`judging`), planning a case (`planning`) and the
study tree's own edits (`structure`). Every mutation returns what it changed (`Changes`). May import `models`,
`errors`, `paths`, `store`, `framework`, `anonymise` and `evidence`; imported by `exchange`, `report`, `cli`, `gui`."""
