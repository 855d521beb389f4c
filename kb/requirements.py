"""What a step asks of a node (a Windows release or update, a runtime and its version), and whether a node has it."""

from __future__ import annotations

from kb.catalog import Catalog
from kb.i18n import say
from kb.models import Requirement, WindowsRelease
from kb.versions import RuntimeSpec, build_number, build_revision, parse_version_tuple


def requirement_text(catalog: Catalog, requirement: Requirement) -> str:
    """How a requirement reads: its own text, or one made from its parts."""
    lang = catalog.lang
    if requirement.text:
        return requirement.text
    if requirement.windows_build:
        update = f" ({requirement.windows_update})" if requirement.windows_update else ""
        name = catalog.windows[requirement.windows].name
        return say(lang, "windows-update-or-newer", name=name, build=requirement.windows_build, update=update)
    if requirement.windows:
        return say(lang, "windows-or-newer", name=catalog.windows[requirement.windows].name)
    name = (
        catalog.runtimes[requirement.runtime].name if requirement.runtime in catalog.runtimes else requirement.runtime
    )
    if requirement.runtime_version:
        return say(lang, "or-newer", name=name, version=requirement.runtime_version)
    return f"{name}"


def requirement_met(
    catalog: Catalog,
    requirement: Requirement,
    windows: WindowsRelease | None,
    runtime: RuntimeSpec | None,
    windows_revision: int | None = None,
) -> bool | None:
    """True or False when the question says enough to tell, None otherwise.

    ``windows_revision`` is the node's update level within ``windows`` (1817 of 10.0.17763.1817),
    when the question gives one: without it, a requirement for an update of the node's own release
    is unknown, never assumed met.
    """
    if requirement.only_with_runtime and runtime is not None and runtime.name != requirement.only_with_runtime:
        return True  # does not apply to this node: see applies()
    results: list[bool | None] = []
    if requirement.windows:
        needed = build_number(catalog.windows[requirement.windows].build)
        if windows is None:
            results.append(None)
        elif build_number(windows.build) != needed or not requirement.windows_build:
            results.append(build_number(windows.build) >= needed)
        else:
            needed_revision = build_revision(requirement.windows_build)
            results.append(None if windows_revision is None else windows_revision >= (needed_revision or 0))
    if requirement.runtime:
        if runtime is None:
            results.append(None)
        elif runtime.name != requirement.runtime:
            results.append(False)
        elif requirement.runtime_version:
            needed_version = parse_version_tuple(requirement.runtime_version)
            results.append(None if runtime.version is None else at_least(runtime.version, needed_version))
        else:
            results.append(True)
    if not results:
        return None
    if False in results:
        return None if requirement.only_with_runtime and runtime is None else False
    return None if None in results else True


def applies(requirement: Requirement, runtime: RuntimeSpec | None) -> bool:
    """Does the requirement concern a node with this runtime? Always, unless it is only for another runtime."""
    return not (requirement.only_with_runtime and runtime is not None and runtime.name != requirement.only_with_runtime)


def at_least(have: tuple[int, ...], need: tuple[int, ...]) -> bool:
    """Version ``have`` >= ``need``, missing parts read as 0: (1, 7) >= (1, 6, 0)."""
    width = max(len(have), len(need))
    return have + (0,) * (width - len(have)) >= need + (0,) * (width - len(need))
