"""One request to Zhipu's chat completions API (docs/glm-chat-api.md) over the GLM client's HTTP
pieces: same key, base URL, error table and typed outcomes as GLM-ASR (glm_client.py).

:func:`send_chat` returns a :class:`ChatAnswer` (content, finish_reason, usage) or raises what
:func:`glm_client.post_json` raises: :class:`RetryableError` (429, 5xx, dropped connections),
``ChunkError`` (refused; ``blocked`` for content safety), ``AuthError`` / ``BillingError`` (stop).
Judging the answer (its finish_reason and content) is the caller's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

import httpx

from ..foundation.errors import Reason
from .glm_client import post_json
from .glm_pool import RetryableError
from .glm_settings import CHAT_MODELS as CHAT_MODELS  # re-exported: the chat API's names
from .glm_settings import DEFAULT_CHAT_MODEL as DEFAULT_CHAT_MODEL
from .glm_settings import GlmSettings


@dataclass(frozen=True)
class ChatAnswer:
    content: str
    finish_reason: str  # stop | length | sensitive | tool_calls | network_error | ""
    prompt_tokens: int = 0
    completion_tokens: int = 0


def chat_payload(model: str, system: str, user: str, *, max_tokens: int, temperature: float = 0.3,
                 json_mode: bool = True, request_id: Optional[str] = None) -> dict[str, Any]:
    """A non-streaming request with thinking off (faster, cheaper) and, by default, a JSON answer."""
    payload: dict[str, Any] = {
        "model": model,
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        "stream": False,
        "thinking": {"type": "disabled"},
        "temperature": temperature,
        "max_tokens": int(max_tokens),
    }
    if json_mode:
        payload["response_format"] = {"type": "json_object"}
    if request_id:
        payload["request_id"] = request_id
    return payload


def _int(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def parse_chat_answer(data: dict[str, Any]) -> ChatAnswer:
    """The first choice of an answer (``finish_reason`` ``network_error``: the service lost its
    own connection to the model; the caller counts its tokens and sends again). No usable choice
    at all: RetryableError."""
    raw_usage = data.get("usage")
    usage: dict[str, Any] = raw_usage if isinstance(raw_usage, dict) else {}
    choices = data.get("choices")
    first: dict[str, Any] = choices[0] if isinstance(choices, list) and choices and isinstance(choices[0], dict) else {}
    message = first.get("message")
    if not isinstance(message, dict):
        raise RetryableError(Reason("chat.no_message"))
    reason = str(first.get("finish_reason") or "")
    content = message.get("content")
    return ChatAnswer(content if isinstance(content, str) else "", reason,
                      _int(usage.get("prompt_tokens")), _int(usage.get("completion_tokens")))


async def send_chat(client: httpx.AsyncClient, settings: GlmSettings, payload: dict[str, Any]) -> ChatAnswer:
    return parse_chat_answer(await post_json(client, settings, settings.chat_endpoint, payload))
