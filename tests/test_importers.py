"""kb import: feeds parsed in both shapes, diffs found, --write round-trips, bad input changes nothing."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kb.cli import app
from kb.importers import FeedInvalid
from kb.importers.diff import Change, compare_windows, recorded_disagreement, windows_key
from kb.importers.endoflife import read_cycles
from kb.importers.feature_gates import read_gates
from kb.importers.plan import collect_changes, feed_source
from kb.importers.write import apply_changes
from kb.load import load_dataset
from kb.models import Disagreement
from kb.provenance import source_problem

FEEDS = Path(__file__).parent / "fixtures" / "import"
KUBERNETES = str(FEEDS / "kubernetes.json")
KUBERNETES_V1 = str(FEEDS / "kubernetes-v1.json")
WINDOWS = str(FEEDS / "windows-server.json")
GATES = str(FEEDS / "feature-gates")
BAD = FEEDS / "bad"

runner = CliRunner()


def writable(changes: list[Change]) -> list[tuple[str, str, str]]:
    return [(c.file, c.entry, c.field) for c in changes if c.writable]


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*.yaml"))}


def test_both_endoflife_shapes_read_the_same_cycles():
    assert read_cycles(KUBERNETES) == read_cycles(KUBERNETES_V1)


def test_cycle_fields_map_to_our_dates():
    cycle = next(c for c in read_cycles(KUBERNETES) if c.name == "1.25")
    assert (cycle.released, cycle.support_end, cycle.eol) == (date(2022, 8, 23), date(2023, 8, 28), date(2023, 10, 28))
    assert (cycle.latest, cycle.latest_date) == ("1.25.16", date(2023, 11, 15))


def test_boolean_dates_mean_no_date():
    old = next(c for c in read_cycles(KUBERNETES) if c.name == "1.4")
    assert old.support_end is None and old.eol is None


def test_gate_stages_are_read():
    gate = read_gates([str(FEEDS / "feature-gates" / "WindowsHostProcessContainers.md")])[
        "WindowsHostProcessContainers"
    ]
    assert [(s.stage, s.default, s.from_version) for s in gate.stages] == [
        ("alpha", False, "1.22"),
        ("beta", True, "1.23"),
        ("stable", True, "1.26"),
    ]
    # a removed gate: its stages are listed on the kubernetes.io page of removed gates
    assert gate.source == "https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates-removed/"


def test_a_gate_in_use_cites_the_feature_gates_page(tmp_path):
    text = (FEEDS / "feature-gates" / "WindowsHostProcessContainers.md").read_text()
    current = tmp_path / "WindowsHostProcessContainers.md"
    current.write_text(text.replace("removed: true\n", ""))
    gate = read_gates([str(current)])["WindowsHostProcessContainers"]
    assert gate.source == "https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/"


SHA = "99538990b1490f94a3125bd9aed6f39b91a55743"


@pytest.mark.parametrize(
    "location,cited",
    [
        ("https://endoflife.date/api/kubernetes.json", "https://endoflife.date/api/kubernetes.json"),
        ("tests/fixtures/import/kubernetes.json", "https://endoflife.date/kubernetes"),
        ("http://127.0.0.1:8000/kubernetes.json", "https://endoflife.date/kubernetes"),
        (
            f"https://github.com/endoflife-date/release-data/blob/{SHA}/releases/kubernetes.json",
            f"https://github.com/endoflife-date/release-data/blob/{SHA}/releases/kubernetes.json",
        ),
        (
            "https://github.com/endoflife-date/release-data/blob/main/releases/kubernetes.json",
            "https://endoflife.date/kubernetes",
        ),
    ],
)
def test_a_change_cites_its_feed_only_when_the_data_may_cite_it(location, cited):
    assert feed_source(location, "kubernetes") == cited


def test_imported_gate_steps_are_sources_the_build_accepts(fixture_data):
    apply_changes(fixture_data, collect_changes(fixture_data, KUBERNETES, gates=[GATES]))
    steps = [s for f in load_dataset(fixture_data).features for s in f.history if s.confidence_note]
    assert steps and all(source_problem(src.url) is None for step in steps for src in step.sources)


@pytest.mark.parametrize(
    "cycle,key", [("23h2-ac", "ac23h2"), ("1809-sac", "sac1809"), ("2022", "2022"), ("2012-r2", "2012-r2")]
)
def test_windows_cycle_names_become_our_keys(cycle, key):
    assert windows_key(cycle) == key


def test_diff_finds_new_releases_dates_and_gate_stages(fixture_data):
    changes = collect_changes(fixture_data, KUBERNETES, WINDOWS, [GATES])
    found = writable(changes)
    assert ("kubernetes.yaml", "1.25", "release") in found
    assert ("kubernetes.yaml", "1.26", "release") in found
    assert ("kubernetes.yaml", "1.24", "latest_patch") in found
    assert ("features/hostprocess-containers.yaml", "hostprocess-containers", "history 1.26") in found
    assert not any(c.entry == "1.4" for c in changes), "minors before Windows support are ignored"
    reviews = {(c.file, c.entry) for c in changes if c.kind == "review"}
    assert ("windows.yaml", "2025") in reviews, "a newer Windows release is reported, not written"
    assert not any(c.entry == "2012-r2" for c in changes), "releases older than the data are ignored"


def test_gates_no_feature_names_are_ignored(fixture_data):
    changes = collect_changes(fixture_data, gates=[GATES])
    assert not any("ContainerCheckpoint" in c.new for c in changes)


def test_write_round_trips(fixture_data):
    before = collect_changes(fixture_data, KUBERNETES, WINDOWS, [GATES])
    apply_changes(fixture_data, before)
    dataset = load_dataset(fixture_data)
    assert {"1.25", "1.26"} <= {r.version for r in dataset.kubernetes}
    feature = next(f for f in dataset.features if f.id == "hostprocess-containers")
    assert (feature.history[-1].since, feature.history[-1].status) == ("1.26", "stable")
    assert feature.history[-1].confidence == "inferred"
    after = collect_changes(fixture_data, KUBERNETES, WINDOWS, [GATES])
    assert writable(after) == []
    assert {c for c in after if c.kind == "review"} <= {c for c in before if c.kind == "review"} | {
        c for c in after if c.file == "os-support.yaml"
    }


def test_write_keeps_curated_prose_and_comments(fixture_data):
    path = fixture_data / "features" / "hostprocess-containers.yaml"
    path.write_text("# curated by hand\n" + path.read_text())
    apply_changes(fixture_data, collect_changes(fixture_data, KUBERNETES, gates=[GATES]))
    text = path.read_text()
    assert text.startswith("# curated by hand\n")
    assert "summary: Containers that run directly on the Windows host, for node agents." in text
    assert "note: Alpha behind a gate." in text


def test_recorded_disagreement_is_kept(fixture_data, edit_yaml):
    def disagree(releases):
        for release in releases:
            if release["version"] == "1.24":
                release["disagreements"] = [
                    {
                        "about": "latest patch",
                        "other_value": "1.24.17 (endoflife.date)",
                        "chosen": "test",
                        "sources": ["https://endoflife.date/kubernetes"],
                    }
                ]

    edit_yaml(fixture_data / "kubernetes.yaml", disagree)
    changes = collect_changes(fixture_data, KUBERNETES)
    kept = [c for c in changes if c.entry == "1.24" and c.field == "latest_patch"]
    assert [c.kind for c in kept] == ["known"]
    apply_changes(fixture_data, changes)
    assert next(r for r in load_dataset(fixture_data).kubernetes if r.version == "1.24").latest_patch is None


def test_changed_windows_date_is_written(fixture_data, edit_yaml):
    def shift(releases):
        next(r for r in releases if r["id"] == "ltsc2022")["mainstream_end"] = date(2026, 10, 12)

    edit_yaml(fixture_data / "windows.yaml", shift)
    changes = compare_windows(load_dataset(fixture_data), read_cycles(WINDOWS), "https://endoflife.date/windows-server")
    assert [(c.entry, c.field, c.old, c.new) for c in changes if c.writable] == [
        ("ltsc2022", "mainstream_end", "2026-10-12", "2026-10-13")
    ]
    apply_changes(fixture_data, changes)
    release = next(r for r in load_dataset(fixture_data).windows if r.id == "ltsc2022")
    assert release.mainstream_end == date(2026, 10, 13)
    assert "https://endoflife.date/windows-server" in [s.url for s in release.sources]


@pytest.mark.parametrize(
    "option,name,message",
    [
        ("--kubernetes", "malformed.json", "malformed JSON"),
        ("--kubernetes", "unknown-field.json", "colour"),
        ("--kubernetes", "wrong-shape.json", "expected a list"),
        ("--windows", "unknown-field.json", "colour"),
        ("--gates", "no-front-matter.md", "no YAML front matter"),
        ("--gates", "broken-yaml.md", "not valid YAML"),
        ("--gates", "unknown-key.md", "graduated"),
        ("--gates", "unquoted-version.md", "quoted Kubernetes minor"),
        ("--kubernetes", "missing.json", "cannot read"),
    ],
)
def test_bad_input_is_exit_2_and_changes_nothing(fixture_data, option, name, message):
    before = snapshot(fixture_data)
    result = runner.invoke(app, ["import", "--data", str(fixture_data), option, str(BAD / name), "--write"])
    assert result.exit_code == 2
    assert message in result.output
    assert snapshot(fixture_data) == before


def test_bad_gate_next_to_good_feed_writes_nothing(fixture_data):
    before = snapshot(fixture_data)
    with pytest.raises(FeedInvalid):
        collect_changes(fixture_data, KUBERNETES, gates=[str(BAD / "unknown-key.md")])
    assert snapshot(fixture_data) == before


def test_cli_reports_then_writes(fixture_data):
    args = ["import", "--data", str(fixture_data), "-k", KUBERNETES, "-g", GATES]
    report = runner.invoke(app, args)
    assert report.exit_code == 1
    assert "+ 1.25  release:" in report.output
    assert "history 1.26" in report.output
    written = runner.invoke(app, [*args, "--write"])
    assert written.exit_code == 0, written.output
    assert "wrote" in written.output
    again = runner.invoke(app, args)
    assert "0 to write" in again.output


def test_cli_needs_a_feed(fixture_data):
    assert runner.invoke(app, ["import", "--data", str(fixture_data)]).exit_code == 2


def test_write_that_breaks_data_restores_every_file(fixture_data):
    before = snapshot(fixture_data)
    broken = Change(
        "kubernetes.yaml", "1.24", "end_of_life", "changed", None, "1999-01-01", "https://x.test/", date(1999, 1, 1)
    )
    fine = Change("kubernetes.yaml", "1.24", "latest_patch", "changed", None, "1.24.17", "https://x.test/", "1.24.17")
    with pytest.raises(Exception, match="before"):
        apply_changes(fixture_data, [fine, broken])
    assert snapshot(fixture_data) == before


def test_real_data_copy_round_trips(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data)
    changes = collect_changes(data, KUBERNETES, WINDOWS, [GATES])
    assert not any(c.file == "kubernetes.yaml" and c.field == "release" for c in changes)
    apply_changes(data, changes)
    assert writable(collect_changes(data, KUBERNETES, WINDOWS, [GATES])) == []


def test_upstream_spelling_variants_are_read():
    gate = read_gates([str(FEEDS / "variants" / "SpellingVariants.md")])["SpellingVariants"]
    assert [(s.stage, s.locked) for s in gate.stages] == [("beta", False), ("stable", True)]


def test_gate_default_that_differs_from_a_step_is_for_review(fixture_data, edit_yaml):
    def default_on(feature):
        feature["history"][0]["enabled_by_default"] = True

    edit_yaml(fixture_data / "features" / "hostprocess-containers.yaml", default_on)
    changes = collect_changes(fixture_data, gates=[GATES])
    review = [c for c in changes if c.kind == "review" and c.field == "history 1.22"]
    assert len(review) == 1 and "default on" in review[0].old and "default off" in review[0].new


@pytest.mark.parametrize(
    "other_value,feed_value,known",
    [
        ("1.24.17 (endoflife.date)", "1.24.17", True),
        ("1.24.17 (endoflife.date)", "1.24.1", False),
        ("2029-10-09 and 2034-10-10 (Microsoft table)", "2034-10-10", True),
        ("2029-10-09 and 2034-10-10 (Microsoft table)", "2034-10-1", False),
    ],
)
def test_known_disagreement_matches_whole_values(other_value, feed_value, known):

    disagreement = Disagreement(about="x", other_value=other_value, chosen="y", sources=["https://example.org/"])
    assert recorded_disagreement([disagreement], feed_value) is known


@pytest.fixture
def feed_server():
    """Serve tests/fixtures/import over HTTP on a free local port for the test's duration."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(FEEDS))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feeds_are_read_from_urls(fixture_data, feed_server):
    kubernetes_url = f"{feed_server}/kubernetes.json"
    gate_url = f"{feed_server}/feature-gates/WindowsHostProcessContainers.md"
    changes = collect_changes(fixture_data, kubernetes_url, gates=[gate_url])
    assert read_cycles(kubernetes_url) == read_cycles(KUBERNETES)
    # A local server is no publisher: the changes cite the official pages those feeds describe.
    assert {c.source for c in changes if c.file == "kubernetes.yaml"} == {"https://endoflife.date/kubernetes"}
    assert {c.source for c in changes if c.file.startswith("features/")} == {
        "https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates-removed/"
    }


def test_unreachable_url_is_a_feed_error(feed_server):
    with pytest.raises(FeedInvalid, match="cannot read"):
        read_cycles(f"{feed_server}/no-such-feed.json")
