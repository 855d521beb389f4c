"""Reading what operators paste: JSON or YAML, one or many documents, within a size limit.

Each document keeps its composed YAML node so a finding can point at the line it is about
(GitHub annotations, editors). JSON is read by the YAML loader too: it is a subset of YAML
for everything ``kubectl`` prints, and one reader keeps the line numbers in one place.

PyYAML is imported when input is first read, not with the module: the API server imports this module
for its routes, and its cold start should not pay for a parser only the check endpoints use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from kb.errors import InputTooLarge, InvalidInput
from kb.yaml_lines import line_of

if TYPE_CHECKING:
    import yaml

MAX_INPUT_BYTES = 8 * 1024 * 1024
"""The largest input read: 8 MiB holds `kubectl get nodes -o json` for several hundred nodes."""

MAX_DOCUMENTS = 2000
"""The most documents one input may hold."""

JSON_FAST_PATH_CHARS = 256 * 1024
"""Above this size JSON is read by the json module: much faster, but without line numbers."""

MAX_EXPANDED_NODES = 2_000_000
"""The most values a document may hold once YAML aliases are expanded (stops alias bombs)."""

MAX_YAML_VALUES = 50_000
"""The most values (scalars, lists and mappings) YAML input may hold: about 150 nodes of
`kubectl get nodes -o yaml`, or 25,000 lines of manifests. Reading YAML costs about 10 us a value,
so this keeps reading one input under half a second; JSON is read far faster and is bounded by size
(and by the checks' own bounds on nodes and workloads)."""


@dataclass(frozen=True)
class Document:
    """One parsed document: its position in the input, its content, and the node to find lines with."""

    index: int
    content: Any
    node: yaml.Node | None
    source: str

    @property
    def line(self) -> int | None:
        """1-based line where the document starts, when known."""
        return self.node.start_mark.line + 1 if self.node is not None else None

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        """1-based line of the value at ``path`` (keys and list indexes), or the nearest parent's line."""
        return line_of(self.node, path) if self.node is not None else None


def expanded_size(node: yaml.Node, source: str = "<input>") -> int:
    """How many values ``node`` holds with every alias expanded, counted once per shared node.

    InvalidInput when a node holds itself (``a: &a [*a]``): expanding it would never end.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()  # on the path from the root: met again, a node is its own descendant
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        current, children_done = stack.pop()
        key = id(current)
        if key in sizes:
            continue
        children = _children(current)
        if children_done or not children:
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            open_nodes.discard(key)
            continue
        if key in open_nodes:
            raise InvalidInput(
                f"{source}: line {current.start_mark.line + 1}: a YAML alias refers to the value that holds it, "
                "so the value never ends; remove the alias."
            )
        open_nodes.add(key)
        stack.append((current, True))
        stack += [(c, False) for c in children if id(c) not in sizes]
    return sizes[id(node)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    # A node's ``id`` names its kind ("scalar", "sequence", "mapping"): no need to import PyYAML here.
    if node.id == "mapping":
        return [part for pair in node.value for part in pair]
    if node.id == "sequence":
        return list(node.value)
    return []


def check_size(text: str | bytes, source: str) -> None:
    """Refuse input over :data:`MAX_INPUT_BYTES`."""
    if len(text.encode() if isinstance(text, str) else text) > MAX_INPUT_BYTES:
        raise InputTooLarge(
            f"{source}: the input is larger than the {MAX_INPUT_BYTES // (1024 * 1024)} MiB this check reads; "
            "split it or select fewer objects."
        )


def read_documents(text: str | bytes, source: str = "<input>") -> list[Document]:
    """Every non-empty document in ``text`` (JSON or YAML, ``---``-separated); InvalidInput when unreadable."""
    check_size(text, source)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidInput(f"{source}: not UTF-8 text ({exc.reason} at byte {exc.start}).") from exc
    if not text.strip():
        raise InvalidInput(f"{source}: the input is empty; expected JSON or YAML.")
    looks_json = text.lstrip()[:1] in ("{", "[")
    if looks_json and len(text) > JSON_FAST_PATH_CHARS:
        fast = _read_json(text, source)
        if fast is not None:
            return fast
    import yaml

    try:
        _count_yaml_values(yaml, text, source)
    except InputTooLarge:
        fast = _read_json(text, source) if looks_json else None
        if fast is None:
            raise
        return fast
    except yaml.YAMLError as exc:
        raise InvalidInput(f"{source}: not valid JSON or YAML: {_first_line(exc)}") from exc
    return _read_yaml(yaml, text, source)


def _count_yaml_values(yaml: Any, text: str, source: str) -> None:
    """Refuse YAML with more than :data:`MAX_YAML_VALUES` values, counted from the parser's events: far
    cheaper than building the nodes, and it stops at the bound."""
    values = 0
    node_events = (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent, yaml.AliasEvent)
    parser = _loader(yaml, text)
    try:
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, node_events):
                values += 1
                if values > MAX_YAML_VALUES:
                    raise InputTooLarge(
                        f"{source}: more than {MAX_YAML_VALUES} YAML values; split the input, or send JSON "
                        "(kubectl get -o json), which is read up to the size limit."
                    )
    finally:
        parser.dispose()


def _loader(yaml: Any, text: str) -> Any:
    # libyaml's loader when PyYAML has it: tens of times faster on a large node list, same results.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)


def _read_yaml(yaml: Any, text: str, source: str) -> list[Document]:
    documents = []
    aliases = "&" in text  # no anchor, no alias: nothing to expand
    loader = _loader(yaml, text)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is not None and aliases and expanded_size(node, source) > MAX_EXPANDED_NODES:
                raise InputTooLarge(
                    f"{source}: document {len(documents)} expands to more than {MAX_EXPANDED_NODES} values "
                    "through YAML aliases; expand them or split the document."
                )
            content = loader.construct_document(node)
            if content is None:
                continue
            if len(documents) >= MAX_DOCUMENTS:
                raise _too_many_documents(source)
            documents.append(Document(len(documents), content, node, source))
    except yaml.YAMLError as exc:
        raise InvalidInput(f"{source}: not valid JSON or YAML: {_first_line(exc)}") from exc
    except RecursionError as exc:
        raise InvalidInput(f"{source}: the document is nested too deeply to read.") from exc
    finally:
        loader.dispose()
    if not documents:
        raise InvalidInput(f"{source}: no documents found; expected JSON or YAML.")
    return documents


def _too_many_documents(source: str) -> InputTooLarge:
    return InputTooLarge(f"{source}: more than {MAX_DOCUMENTS} documents; split the input.")


def _read_json(text: str, source: str) -> list[Document] | None:
    """JSON input as documents, or None to let the YAML reader explain what is wrong.

    orjson refuses what cannot be answered back (a lone surrogate, NaN), and reads far faster than json.
    """
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    return [Document(0, value, None, source)] if value is not None else None


def read_json_value(value: Any, source: str = "<request>") -> list[Document]:
    """Documents from an already-parsed JSON value (an API request body, bounded by its size): a list
    is many documents, each of which must be something (null is no object to check)."""
    items = value if isinstance(value, list) else [value]
    if len(items) > MAX_DOCUMENTS:
        raise _too_many_documents(source)
    return [Document(i, item, None, source) for i, item in enumerate(items)]


def _first_line(error: yaml.YAMLError) -> str:
    text = str(error).strip().splitlines()
    mark = getattr(error, "problem_mark", None)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    problem = getattr(error, "problem", None) or (text[0] if text else "unreadable")
    return f"{problem}{where}"


def kind_of(document: Document) -> str | None:
    """The document's ``kind``, when it is a mapping that has one."""
    content = document.content
    return content.get("kind") if isinstance(content, dict) and isinstance(content.get("kind"), str) else None
