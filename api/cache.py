"""Finished answers kept as bytes: a bounded LRU, since the data never changes while the process runs."""

from __future__ import annotations

from collections import OrderedDict

CacheKey = tuple[str, bytes, str, str]
"""(path, raw query string, representation, language): everything an answer's bytes depend on within one day."""


class Cached:
    """A finished response: status, headers, body, and its ETag (None where it has none)."""

    __slots__ = ("body", "etag", "headers", "status")

    def __init__(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes, etag: bytes | None) -> None:
        self.status, self.headers, self.body, self.etag = status, headers, body, etag


KEPT_STATUSES = frozenset({200, 301, 308, 404, 422})
"""What a /v1 route answers the same way every time: an answer, an alias's redirect, a refusal."""


class AnswerCache:
    """Least recently used answers, bounded by count and by body bytes; only :data:`KEPT_STATUSES` are kept
    (never a server error, a partial answer or a 413)."""

    def __init__(self, entries: int, size: int) -> None:
        self.entries, self.size = entries, size
        self.answers: OrderedDict[CacheKey, Cached] = OrderedDict()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self.answers)

    def get(self, key: CacheKey) -> Cached | None:
        found = self.answers.get(key)
        if found is not None:
            self.answers.move_to_end(key)
        return found

    def put(self, key: CacheKey, answer: Cached) -> None:
        if answer.status not in KEPT_STATUSES or len(answer.body) > self.size // 16 or self.entries == 0:
            return
        self.answers[key] = answer
        self.bytes += len(answer.body)
        while len(self.answers) > self.entries or self.bytes > self.size:
            _, dropped = self.answers.popitem(last=False)
            self.bytes -= len(dropped.body)

    def clear(self) -> None:
        self.answers.clear()
        self.bytes = 0
