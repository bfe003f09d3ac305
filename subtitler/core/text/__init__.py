"""Text as the rules see it: script detection, width and joining (``script``, the one home every
stage measures with), word segmentation (jieba), sentences, clauses and balanced pieces, Chinese
conventions (punctuation, Simplified ↔ Traditional, spacing), and language names. Imports only
``foundation``; the engines and every later stage use it.
"""
