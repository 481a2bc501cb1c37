"""The text engine: plain Python that turns Chinese text into annotated tokens.

Nothing below this package imports Django or any app (a test enforces it), so the
engine can be tested without a database and reused from commands and workers.
Heavy libraries (jieba, pypinyin, OpenCC, CC-CEDICT) are imported by the modules
that need them, never here, so importing ``corpus.text`` stays cheap for the web
process that only renders stored annotation.
"""
