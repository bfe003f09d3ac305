"""Languages the engines recognise, shown by name (English / 简体中文), their codes and aliases.

Whether a chosen engine and model can recognise a language is decided by
:func:`subtitler.core.engines.language_check.check_engine_language`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

# code, English name, Chinese name. Whisper's 100 languages (faster-whisper's codes); the ones the
# app offers first come first.
_TABLE = (
    ("auto", "Detect automatically", "自动检测"),
    ("zh", "Chinese (Simplified)", "中文（简体）"),
    ("en", "English", "英语"),
    ("yue", "Cantonese", "粤语"),
    ("ja", "Japanese", "日语"),
    ("ko", "Korean", "韩语"),
    ("fr", "French", "法语"),
    ("de", "German", "德语"),
    ("es", "Spanish", "西班牙语"),
    ("it", "Italian", "意大利语"),
    ("pt", "Portuguese", "葡萄牙语"),
    ("ru", "Russian", "俄语"),
    ("ar", "Arabic", "阿拉伯语"),
    ("hi", "Hindi", "印地语"),
    ("vi", "Vietnamese", "越南语"),
    ("th", "Thai", "泰语"),
    ("id", "Indonesian", "印度尼西亚语"),
    ("ms", "Malay", "马来语"),
    ("tr", "Turkish", "土耳其语"),
    ("nl", "Dutch", "荷兰语"),
    ("pl", "Polish", "波兰语"),
    ("uk", "Ukrainian", "乌克兰语"),
    ("sv", "Swedish", "瑞典语"),
    ("af", "Afrikaans", "南非荷兰语"),
    ("am", "Amharic", "阿姆哈拉语"),
    ("as", "Assamese", "阿萨姆语"),
    ("az", "Azerbaijani", "阿塞拜疆语"),
    ("ba", "Bashkir", "巴什基尔语"),
    ("be", "Belarusian", "白俄罗斯语"),
    ("bg", "Bulgarian", "保加利亚语"),
    ("bn", "Bengali", "孟加拉语"),
    ("bo", "Tibetan", "藏语"),
    ("br", "Breton", "布列塔尼语"),
    ("bs", "Bosnian", "波斯尼亚语"),
    ("ca", "Catalan", "加泰罗尼亚语"),
    ("cs", "Czech", "捷克语"),
    ("cy", "Welsh", "威尔士语"),
    ("da", "Danish", "丹麦语"),
    ("el", "Greek", "希腊语"),
    ("et", "Estonian", "爱沙尼亚语"),
    ("eu", "Basque", "巴斯克语"),
    ("fa", "Persian", "波斯语"),
    ("fi", "Finnish", "芬兰语"),
    ("fo", "Faroese", "法罗语"),
    ("gl", "Galician", "加利西亚语"),
    ("gu", "Gujarati", "古吉拉特语"),
    ("ha", "Hausa", "豪萨语"),
    ("haw", "Hawaiian", "夏威夷语"),
    ("he", "Hebrew", "希伯来语"),
    ("hr", "Croatian", "克罗地亚语"),
    ("ht", "Haitian Creole", "海地克里奥尔语"),
    ("hu", "Hungarian", "匈牙利语"),
    ("hy", "Armenian", "亚美尼亚语"),
    ("is", "Icelandic", "冰岛语"),
    ("jw", "Javanese", "爪哇语"),
    ("ka", "Georgian", "格鲁吉亚语"),
    ("kk", "Kazakh", "哈萨克语"),
    ("km", "Khmer", "高棉语"),
    ("kn", "Kannada", "卡纳达语"),
    ("la", "Latin", "拉丁语"),
    ("lb", "Luxembourgish", "卢森堡语"),
    ("ln", "Lingala", "林加拉语"),
    ("lo", "Lao", "老挝语"),
    ("lt", "Lithuanian", "立陶宛语"),
    ("lv", "Latvian", "拉脱维亚语"),
    ("mg", "Malagasy", "马达加斯加语"),
    ("mi", "Maori", "毛利语"),
    ("mk", "Macedonian", "马其顿语"),
    ("ml", "Malayalam", "马拉雅拉姆语"),
    ("mn", "Mongolian", "蒙古语"),
    ("mr", "Marathi", "马拉地语"),
    ("mt", "Maltese", "马耳他语"),
    ("my", "Burmese", "缅甸语"),
    ("ne", "Nepali", "尼泊尔语"),
    ("nn", "Norwegian Nynorsk", "新挪威语"),
    ("no", "Norwegian", "挪威语"),
    ("oc", "Occitan", "奥克语"),
    ("pa", "Punjabi", "旁遮普语"),
    ("ps", "Pashto", "普什图语"),
    ("ro", "Romanian", "罗马尼亚语"),
    ("sa", "Sanskrit", "梵语"),
    ("sd", "Sindhi", "信德语"),
    ("si", "Sinhala", "僧伽罗语"),
    ("sk", "Slovak", "斯洛伐克语"),
    ("sl", "Slovenian", "斯洛文尼亚语"),
    ("sn", "Shona", "绍纳语"),
    ("so", "Somali", "索马里语"),
    ("sq", "Albanian", "阿尔巴尼亚语"),
    ("sr", "Serbian", "塞尔维亚语"),
    ("su", "Sundanese", "巽他语"),
    ("sw", "Swahili", "斯瓦希里语"),
    ("ta", "Tamil", "泰米尔语"),
    ("te", "Telugu", "泰卢固语"),
    ("tg", "Tajik", "塔吉克语"),
    ("tk", "Turkmen", "土库曼语"),
    ("tl", "Tagalog", "他加禄语"),
    ("tt", "Tatar", "鞑靼语"),
    ("ur", "Urdu", "乌尔都语"),
    ("uz", "Uzbek", "乌兹别克语"),
    ("yi", "Yiddish", "意第绪语"),
    ("yo", "Yoruba", "约鲁巴语"),
)


@dataclass(frozen=True)
class Language:
    code: str
    en: str
    zh: str


LANGUAGES: dict[str, Language] = {code: Language(code, en, zh) for code, en, zh in _TABLE}
WHISPER_LANGUAGES = frozenset(LANGUAGES) - {"auto"}  # a multilingual faster-whisper model
GLM_LANGUAGES = frozenset({"zh", "en", "yue"})  # GLM-ASR: Chinese (with its dialects) and English
_ALIASES = {"cn": "zh", "chinese": "zh", "mandarin": "zh", "中文": "zh", "汉语": "zh", "普通话": "zh",
            "english": "en", "cantonese": "yue", "粤语": "yue", "jv": "jw", "iw": "he", "nb": "no"}


def normalise_language(value: Optional[str]) -> str:
    """A table code for what a user typed: ``zh-CN`` / ``zh_Hans`` / ``Chinese`` / ``中文（简体）``
    → ``zh``; empty → ``auto``; anything unknown comes back lower-cased, as typed."""
    v = (value or "").strip()
    if not v:
        return "auto"
    low = v.lower()
    if low in LANGUAGES:
        return low
    for lang in LANGUAGES.values():
        if low in (lang.en.lower(), lang.zh):
            return lang.code
    if low in _ALIASES:
        return _ALIASES[low]
    base = low.replace("_", "-").split("-")[0]
    if base in ("zh", "cmn"):
        return "yue" if low.endswith("-yue") else "zh"  # zh-TW, zh-HK: Chinese (Cantonese is "yue")
    return base if base in LANGUAGES else _ALIASES.get(base, low)


def language_name(code: str, ui_lang: str = "en") -> str:
    """The language's name in the UI language ("zh…" → Chinese names, else English):
    ``language_name("zh", "zh_CN")`` → ``中文（简体）``; an unknown code comes back as given."""
    lang = LANGUAGES.get(normalise_language(code))
    if lang is None:
        return code
    return lang.zh if (ui_lang or "").lower().startswith("zh") else lang.en


def language_choices(ui_lang: str = "en") -> list[tuple[str, str]]:
    """(code, name) pairs for a language menu, automatic detection first."""
    return [(code, language_name(code, ui_lang)) for code in LANGUAGES]
