"""Which feeds were given -> every change they imply, read in full before anything is written."""

from __future__ import annotations

from pathlib import Path

from kb.importers.diff import Change, compare_gates, compare_kubernetes, compare_windows
from kb.importers.endoflife import read_cycles
from kb.importers.feature_gates import read_gates
from kb.importers.feeds import citable, gate_locations
from kb.load import load_dataset

PRODUCT_PAGES = {
    "kubernetes": "https://endoflife.date/kubernetes",
    "windows-server": "https://endoflife.date/windows-server",
}
"""What a change cites when its feed cannot be cited (a local file, a mirror): the product page it describes."""


def feed_source(location: str, product: str) -> str:
    """The URL a change cites: the feed's own URL when the data may cite it, else the product page."""
    return citable(location, PRODUCT_PAGES[product])


def collect_changes(
    data_dir: Path, kubernetes: str | None = None, windows: str | None = None, gates: list[str] | None = None
) -> list[Change]:
    """Read the given feeds and compare them with ``data_dir``; raises FeedInvalid or DataInvalid."""
    dataset = load_dataset(data_dir)
    kubernetes_cycles = read_cycles(kubernetes) if kubernetes else None
    windows_cycles = read_cycles(windows) if windows else None
    gate_docs = read_gates([f for location in gates or [] for f in gate_locations(location)])
    changes: list[Change] = []
    if kubernetes_cycles is not None:
        changes += compare_kubernetes(dataset, kubernetes_cycles, feed_source(kubernetes, "kubernetes"))
    if windows_cycles is not None:
        changes += compare_windows(dataset, windows_cycles, feed_source(windows, "windows-server"))
    new_minors = [c.entry for c in changes if c.file == "kubernetes.yaml" and c.field == "release"]
    changes += compare_gates(dataset, gate_docs, new_minors)
    return changes
