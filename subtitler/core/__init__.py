"""Qt-free core: media, speech detection, engines, timing, rules, document, formats, jobs."""
