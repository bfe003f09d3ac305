"""Text as the rules see it: script detection and word segmentation (jieba), sentences, clauses and
balanced pieces, Chinese conventions (width, punctuation, Simplified ↔ Traditional, spacing), and
language names with the engine/model/language check. Imports ``foundation`` (and ``engines`` for
what a model can recognise).
"""
