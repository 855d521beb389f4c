"""Chat front ends: a command's text -> a Slack Block Kit or Microsoft Teams message, from ``kb.ask``.

Pure functions: the HTTP edge (``api/routes/chatops.py``) verifies the request and passes the text.
Errors become ordinary chat messages with what was understood and suggestions, because a chat
user reads them as replies, not as failures.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from kb.ask import EXAMPLES, ask, question_lang
from kb.asked import AskAnswer
from kb.catalog import Catalog
from kb.errors import KbError, QuestionNotAnswered
from kb.i18n import say, status_word
from kb.site_paths import LANGUAGE_ROOTS

COMMAND = "/k8swin"
MAX_SOURCES = 2
SLACK_TEXT = 3000  # Block Kit limit for a section text
_MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class ChatCommand:
    """What a chat message asks: a question, whether to post it to the channel, or the usage."""

    question: str
    share: bool
    help: bool


def parse_command(text: str) -> ChatCommand:
    """'hostprocess 1.22 share' -> question 'hostprocess 1.22', shared; '' or 'help' -> usage."""
    words = text.split()
    share = any(w.lower() == "share" for w in words)
    question = " ".join(w for w in words if w.lower() != "share")
    return ChatCommand(question=question, share=share, help=question.lower() in ("", "help", "?", "usage"))


def strip_mention(text: str) -> str:
    """Teams text without the '<at>bot</at>' mention and HTML: '<at>kb</at>&nbsp;gmsa 1.18' -> 'gmsa 1.18'."""
    return " ".join(html.unescape(_TAG.sub(" ", _MENTION.sub(" ", text))).split())


def permalink(answer: AskAnswer, public_url: str) -> str:
    """The docs page of the feature or release asked about, else the API's answer to the same question."""
    base = public_url.rstrip("/")
    site = f"{base}/{LANGUAGE_ROOTS[question_lang(answer.question)]}".rstrip("/")  # the Chinese site for Chinese
    feature = answer.interpretation.feature
    if feature is not None:
        return f"{site}/features/{feature.id}/"
    page = getattr(answer.answer, "page", None)
    if page:
        return f"{site}{page}"
    return f"{base}/v1/ask?q={quote(answer.question)}"


def status_line(answer: AskAnswer) -> str | None:
    """'Status: alpha · supported', in the question's language, where the answer has a status or a yes/no, else None."""
    lang, parts = question_lang(answer.question), []
    status = getattr(answer.answer, "status", None)
    if status:
        parts.append(say(lang, "chat-status", status=status_word(status, lang)))
    if answer.supported is not None:
        has_support = isinstance(getattr(answer.answer, "supported", None), bool)
        word = (
            ("chat-supported" if answer.supported else "chat-not-supported")
            if has_support
            else ("chat-yes" if answer.supported else "chat-no")
        )
        parts.append(say(lang, word))
    if getattr(answer.answer, "confidence", None) == "inferred":
        parts.append(say(lang, "chat-inferred"))
    return " · ".join(parts) or None


def _sources(answer: AskAnswer) -> list[str]:
    return list(getattr(answer.answer, "sources", None) or [])[:MAX_SOURCES]


def _notes(answer: AskAnswer) -> list[str]:
    return answer.interpretation.notes


def usage() -> list[str]:
    """Lines of usage, shared by Slack and Teams."""
    return [
        f"Ask about Windows nodes on Kubernetes, e.g. `{COMMAND} {EXAMPLES[0]}`.",
        "Features (`hostprocess 1.22 ws2019`), Windows Server and runtime support (`docker on 1.25`),",
        "image compatibility (`ltsc2022 image on 23H2 host`), releases (`is 1.27 still maintained`, `build of ws2022`).",
        "Answers are only visible to you; add `share` to post one to the channel.",
    ]


def _error_lines(error: KbError, question: str) -> list[str]:
    lang = question_lang(question)
    lines = [f":warning: {error.message_in(lang)}"]
    if isinstance(error, QuestionNotAnswered) and error.interpretation.get("understood"):
        lines.append(say(lang, "chat-understood", items="; ".join(error.interpretation["understood"])))
    if error.suggestions:
        lines.append(say(lang, "chat-try", examples=", ".join(f"`{s}`" for s in error.suggestions[:5])))
    return lines


def slack_reply(catalog: Catalog, text: str, today: date, public_url: str) -> dict[str, Any]:
    """The Block Kit reply to a slash command's text; ephemeral unless the text says ``share``."""
    command = parse_command(text)
    if command.help:
        return _slack_text(usage(), shared=False)
    try:
        answer = ask(catalog, command.question, today)
    except KbError as error:
        return _slack_text(_error_lines(error, command.question), shared=False)
    return slack_message(answer, public_url, command.share)


def slack_escape(text: str) -> str:
    """Slack mrkdwn reads &, < and > as markup: 'deprecated -> removed' is sent as 'deprecated -&gt; removed'."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_message(answer: AskAnswer, public_url: str, shared: bool = False) -> dict[str, Any]:
    """An answer as Block Kit: the answer line, the status, the first sources, a permalink."""
    line = slack_escape(answer.text)[:SLACK_TEXT]
    blocks: list[dict[str, Any]] = [{"type": "section", "text": {"type": "mrkdwn", "text": line}}]
    context = [slack_escape(note) for note in [status_line(answer), *_notes(answer)] if note]
    if context:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note} for note in context]})
    lang = question_lang(answer.question)
    links = [f"<{url}|{say(lang, 'chat-source', n=i)}>" for i, url in enumerate(_sources(answer), 1)]
    links.append(f"<{permalink(answer, public_url)}|{say(lang, 'chat-permalink')}>")
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": " · ".join(links)}]})
    return {"response_type": "in_channel" if shared else "ephemeral", "text": line, "blocks": blocks}


def _slack_text(lines: list[str], shared: bool) -> dict[str, Any]:
    text = "\n".join(slack_escape(line) for line in lines)
    return {
        "response_type": "in_channel" if shared else "ephemeral",
        "text": text,
        "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text[:SLACK_TEXT]}}],
    }


def teams_reply(catalog: Catalog, text: str, today: date, public_url: str) -> dict[str, Any]:
    """The Teams message answering an outgoing webhook's text (mention stripped)."""
    command = parse_command(strip_mention(text))
    if command.help:
        return _teams_text(usage())
    try:
        answer = ask(catalog, command.question, today)
    except KbError as error:
        return _teams_text(_error_lines(error, command.question))
    return teams_message(answer, public_url)


def teams_message(answer: AskAnswer, public_url: str) -> dict[str, Any]:
    """An answer as a Teams message: the line, the status, the first sources and a permalink."""
    lines = [answer.text]
    lines += [line for line in [status_line(answer), *_notes(answer)] if line]
    lang = question_lang(answer.question)
    links = [f"[{say(lang, 'chat-source', n=i)}]({url})" for i, url in enumerate(_sources(answer), 1)]
    links.append(f"[{say(lang, 'chat-permalink')}]({permalink(answer, public_url)})")
    lines.append(" · ".join(links))
    return _teams_text(lines)


def _teams_text(lines: list[str]) -> dict[str, Any]:
    return {"type": "message", "text": "\n\n".join(lines)}
