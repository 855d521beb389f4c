"""Request signatures: a timestamp of any size is a refusal, never a crash."""

import time

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.signatures import SignatureRejected, verify_slack

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"


@pytest.mark.parametrize("timestamp", ["9" * 400, "-" + "9" * 400, "1" + "0" * 308, "99999999999999999999"])
def test_a_huge_slack_timestamp_is_rejected(timestamp):
    with pytest.raises(SignatureRejected, match="more than 5 minutes"):
        verify_slack(SECRET, timestamp, "v0=00", b"text=hi", now=time.time())


def test_a_huge_slack_timestamp_over_http_is_401(real_db, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_SLACK_SIGNING_SECRET", SECRET)
    headers = {"X-Slack-Request-Timestamp": "9" * 400, "X-Slack-Signature": "v0=00"}
    with TestClient(create_app(real_db, site_dir=tmp_path / "no-site")) as client:
        response = client.post("/v1/chatops/slack", content=b"text=hi", headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "bad_signature"
