"""Errors as values the caller can act on; the API and the CLI map each to a status and an exit code."""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_BAD_INPUT = 2
"""Every command's exit code for bad input: an unknown name, an unreadable version or file, a bad option."""


_KINDS_ZH = {"Windows build": "Windows 内部版本", "container runtime": "容器运行时"}
"""Kinds of version as Chinese messages name them (Kubernetes and Windows Server stay as they are)."""


class KbError(Exception):
    """Base of every error a question can raise; ``code`` is stable for scripts."""

    code = "error"

    def __init__(self, message: str, suggestions: list[str] | None = None, zh: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions or []
        self.zh = zh

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` where the error has one, else in English."""
        return self.zh if lang == "zh" and self.zh else self.message


class NotFound(KbError):
    """The question names something the data does not hold."""

    code = "not_found"


class UnknownFeature(NotFound):
    code = "unknown_feature"

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        zh_hint = f"你是否想找：{'、'.join(suggestions)}？" if suggestions else ""
        super().__init__(f"No feature is known as {name!r}.{hint}", suggestions, f"没有名为 {name!r} 的特性。{zh_hint}")
        self.name = name


class UnknownVersion(NotFound):
    """A well-formed version the data does not cover (too old, too new, or not a release)."""

    code = "unknown_version"

    def __init__(self, kind: str, text: str, known: str, suggestions: list[str]) -> None:
        zh = f"数据中没有 {_KINDS_ZH.get(kind, kind)} {text!r}（数据覆盖 {known}）。"
        super().__init__(f"{kind} {text!r} is not in the data (the data covers {known}).", suggestions, zh)
        self.text = text


class InvalidInput(KbError):
    """The question is malformed: a version that cannot be read, an empty parameter."""

    code = "invalid_input"


class InputTooLarge(InvalidInput):
    """The input is larger than the engine reads (the API answers 413)."""

    code = "too_large"


class InvalidVersion(InvalidInput):
    code = "invalid_version"

    def __init__(self, kind: str, text: str, accepted_forms: list[str], suggestions: list[str] | None = None) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        zh_hint = f"你是否想找：{'、'.join(suggestions)}？" if suggestions else ""
        super().__init__(
            f"{text!r} is not a {kind} version.{hint} Accepted forms: {', '.join(accepted_forms)}.",
            suggestions or accepted_forms,
            f"{text!r} 不是有效的 {_KINDS_ZH.get(kind, kind)} 版本。{zh_hint}可接受的写法：{'、'.join(accepted_forms)}。",
        )
        self.text = text
        self.accepted_forms = accepted_forms


class DatabaseUnreadable(Exception):
    """The built database cannot be used; the message says what is wrong, which file, and what to do."""


@dataclass(frozen=True)
class DataProblem:
    """One broken fact: which file, which entry, which field, and what is wrong."""

    file: str
    entry: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line is not None else ""
        return f"{self.file}: {self.entry}: {self.field}: {self.message}{where}"


@dataclass
class DataInvalid(Exception):
    """The curated data breaks one or more rules; nothing was written."""

    problems: list[DataProblem] = field(default_factory=list)

    def __str__(self) -> str:
        lines = "\n".join(f"  - {p}" for p in self.problems)
        return f"{len(self.problems)} problem(s) in data/:\n{lines}"


class QuestionNotAnswered(KbError):
    """A free-text question that could not be answered, with what was understood of it and what was not.

    ``not_found`` is true when the question named a feature or version the data does not hold (404),
    false when the question itself could not be read (422).
    """

    code = "not_understood"

    def __init__(
        self,
        message: str,
        suggestions: list[str],
        interpretation: dict,
        not_found: bool = False,
        code: str | None = None,
        zh: str | None = None,
        lang: str | None = None,
    ) -> None:
        super().__init__(message, suggestions, zh)
        self.interpretation = interpretation
        self.not_found = not_found
        self.lang = lang
        if code:
            self.code = code

    def message_in(self, lang: str) -> str:
        """The message in the language the question is answered in (see kb.ask.question_lang), else in ``lang``."""
        return super().message_in(self.lang or lang)
