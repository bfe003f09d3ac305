"""What follows the transcript: translation and polish through the GLM chat API, bilingual
subtitles, and one file's deliverables (translated and bilingual files, burned-in video) planned
before work. Imports every stage below it, never ``app``.
"""
