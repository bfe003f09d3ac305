"""Qt-free core, one package per pipeline stage; imports point one way, from a stage to the stages
below it (tests/test_import_graph.py holds the table):

foundation → media → speech → text → engines → document → timing → delivery → app

``foundation`` (errors, progress, files, secrets) is used by all; ``media`` decodes the file;
``speech`` finds where people speak and cuts chunks; ``text`` knows scripts, widths, Chinese
conventions and languages; ``engines`` recognise the chunks; ``document`` is the subtitle model
with its undo and files; ``timing`` turns engine output into timed cues and fixes them by the reading rules and the
picture; ``delivery`` translates, writes bilingual files and burns in; ``app`` runs a job end to end
and holds the services every front (CLI, GUI) calls.
"""
