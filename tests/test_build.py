import sqlite3
from datetime import UTC, datetime

import pytest
import sqlite_utils

from kb.build import build, content_hash, write_database
from kb.catalog import open_readonly
from kb.errors import DatabaseUnreadable
from kb.load import load_dataset
from tests.conftest import FIXTURE_DATA


def test_two_builds_of_the_same_data_have_the_same_content_hash(tmp_path):
    first = build(FIXTURE_DATA, tmp_path / "a.db")
    second = build(FIXTURE_DATA, tmp_path / "b.db")
    assert first == second
    meta = dict(sqlite_utils.Database(tmp_path / "a.db").execute("select key, value from meta").fetchall())
    assert meta["content_hash"] == first


def test_a_change_in_the_data_changes_the_hash(fixture_data, edit_yaml, tmp_path):
    before = content_hash(load_dataset(fixture_data))
    edit_yaml(fixture_data / "features" / "host-network.yaml", lambda d: d.update(summary="Changed."))
    assert content_hash(load_dataset(fixture_data)) != before


def test_build_time_is_recorded(tmp_path):
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    write_database(load_dataset(FIXTURE_DATA), tmp_path / "kb.db", built_at=when)
    meta = dict(sqlite_utils.Database(tmp_path / "kb.db").execute("select key, value from meta").fetchall())
    assert meta["built"] == "2026-01-02T03:04:05+00:00"


def test_tables_have_keys_and_foreign_keys(fixture_db):
    db = sqlite_utils.Database(fixture_db)
    assert db["features"].pks == ["id"]
    assert db["feature_history"].pks == ["feature_id", "since"]
    targets = {fk.other_table for fk in db["feature_history"].foreign_keys}
    assert targets == {"features", "kubernetes_releases"}
    assert {fk.other_table for fk in db["os_support"].foreign_keys} == {"kubernetes_releases", "windows_releases"}


def test_support_table_covers_every_feature_at_every_minor(fixture_db):
    db = sqlite_utils.Database(fixture_db)
    assert db["support"].count == db["features"].count * db["kubernetes_releases"].count
    rows = {r["kubernetes"]: r for r in db["support"].rows_where("feature_id = ?", ["hostprocess-containers"])}
    assert rows["1.21"]["status"] == "not-supported" and rows["1.21"]["recorded"] == 0
    assert rows["1.22"]["status"] == "alpha" and rows["1.22"]["enabled_by_default"] == 0
    assert rows["1.24"]["status"] == "beta" and rows["1.24"]["since"] == "1.23"


def test_full_text_search_finds_aliases(fixture_db):
    db = sqlite_utils.Database(fixture_db)
    hits = [row["id"] for row in db["features"].search("hostnetwork")]
    assert hits == ["host-network"]


def test_the_database_opens_read_only(fixture_db):
    connection = open_readonly(fixture_db)
    with pytest.raises(sqlite3.OperationalError):
        connection.execute("delete from features")


def test_opening_a_missing_database_is_an_error_not_a_new_file(tmp_path):
    with pytest.raises(DatabaseUnreadable, match="no database at"):
        open_readonly(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
