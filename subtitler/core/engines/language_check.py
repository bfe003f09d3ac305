"""The check that the chosen engine and model can recognise the chosen language, made before a
job starts: ``check_engine_language(engine, model, language)`` is the one place that decides; the
CLI calls it before the first file, the app when a job is queued."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..text.languages import GLM_LANGUAGES, LANGUAGES, language_name, normalise_language
from .local import model_is_multilingual, model_label


# -- the engine / model / language check --------------------------------------------------------
@dataclass(frozen=True)
class LanguageProblem:
    """Why the chosen engine cannot recognise the chosen language. ``kind``: ``english-only`` (a
    local model that knows English only), ``not-on-glm`` (GLM-ASR does not know the language) or
    ``unknown-language``. ``message``: one line for the command line, naming the flags that fix it;
    the app builds its own words from the fields."""

    kind: str
    language: str
    engine: str
    model: str
    message: str

    def __str__(self) -> str:
        return self.message


def check_engine_language(engine: str, model: Optional[str], language: Optional[str], *,
                          has_key: bool = False) -> Optional[LanguageProblem]:
    """None when ``engine`` (``local``, ``glm``, or ``auto`` with ``has_key`` telling whether an API
    key is configured) with ``model`` (local engine: None = the offline tiny.en pack, a name or a
    folder) can recognise ``language`` (a code, ``auto`` or empty); else the problem. Nothing is
    downloaded or loaded: a model folder's vocabulary is read; a model name is judged by its
    name (``*.en`` and ``distil-*`` are English only); a name or folder that cannot be judged
    passes (the engine itself checks again when it loads the model)."""
    code = normalise_language(language)
    if engine == "auto":
        engine = "glm" if has_key else "local"
    if code == "auto":
        return None
    name = language_name(code).split(" (")[0]  # "Chinese", not "Chinese (Simplified)", in one line
    if code not in LANGUAGES:
        return LanguageProblem("unknown-language", code, engine, model or "",
                               f"unknown language '{language}'; use a code such as zh, en or ja, or auto.")
    if engine == "glm":
        if code in GLM_LANGUAGES:
            return None
        return LanguageProblem(
            "not-on-glm", code, engine, model or "",
            f"GLM-ASR recognises Chinese and English only; for {name} ({code}) use the local engine with a "
            "multilingual model: --engine local --model small (or --model FOLDER).")
    if code == "en":
        return None
    if model_is_multilingual(model) is False:
        return LanguageProblem(
            "english-only", code, engine, model or "",
            f"the model {model_label(model)} understands English only; for {name} ({code}) use GLM-ASR "
            "(--engine glm, key in ZHIPUAI_API_KEY) or a multilingual model (--model small, or --model FOLDER).")
    return None
