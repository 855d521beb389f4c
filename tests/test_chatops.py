"""Slack and Teams endpoints with real HMACs computed here, /v1/ask over HTTP, and the chat formatting."""

import base64
import hashlib
import hmac
import json
import time
from datetime import date
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.routes import chatops
from api.signatures import SignatureRejected, verify_slack, verify_teams
from kb import chat
from kb.ask import ask
from tests.test_site import check_golden

SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAMS_SECRET = base64.b64encode(b"a shared secret from teams").decode()
PUBLIC = "https://kb.example.org"
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def client(real_db, tmp_path_factory):
    app = create_app(real_db, site_dir=tmp_path_factory.mktemp("no-site") / "missing")
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def configured(monkeypatch):
    monkeypatch.setenv("KB_SLACK_SIGNING_SECRET", SLACK_SECRET)
    monkeypatch.setenv("KB_TEAMS_SECRET", TEAMS_SECRET)
    monkeypatch.setenv("KB_PUBLIC_URL", PUBLIC)


def slack_headers(body: bytes, timestamp: int | None = None, secret: str = SLACK_SECRET) -> dict:
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:".encode() + body, hashlib.sha256).hexdigest()
    return {
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest}",
        "Content-Type": "application/x-www-form-urlencoded",
    }


def slack_body(text: str) -> bytes:
    return urlencode({"command": "/k8swin", "text": text, "user_id": "U1", "channel_id": "C1"}).encode()


def teams_headers(body: bytes, secret: str = TEAMS_SECRET) -> dict:
    digest = hmac.new(base64.b64decode(secret), body, hashlib.sha256).digest()
    return {"Authorization": f"HMAC {base64.b64encode(digest).decode()}", "Content-Type": "application/json"}


def teams_body(text: str) -> bytes:
    return json.dumps({"type": "message", "text": text, "from": {"name": "Ops"}}).encode()


def test_slack_answers_in_block_kit_ephemerally(client, configured, real_catalog):
    body = slack_body("hostprocess 1.22 ws2019")
    response = client.post("/v1/chatops/slack", content=body, headers=slack_headers(body))
    assert response.status_code == 200
    message = response.json()
    assert message["response_type"] == "ephemeral"
    assert message["text"] == chat.slack_escape(ask(real_catalog, "hostprocess 1.22 ws2019", date.today()).text)
    rendered = json.dumps(message["blocks"])
    assert "Status: alpha" in rendered
    assert f"{PUBLIC}/features/hostprocess-containers/" in rendered
    assert "source 1" in rendered


def test_slack_share_posts_to_the_channel(client, configured, real_catalog):
    body = slack_body("share docker on 1.25")
    message = client.post("/v1/chatops/slack", content=body, headers=slack_headers(body)).json()
    assert message["response_type"] == "in_channel"
    assert message["text"] == chat.slack_escape(ask(real_catalog, "docker on 1.25", date.today()).text)


@pytest.mark.parametrize("text", ["help", "", "  "])
def test_slack_help_lists_usage(client, configured, text):
    body = slack_body(text)
    message = client.post("/v1/chatops/slack", content=body, headers=slack_headers(body)).json()
    assert message["response_type"] == "ephemeral"
    assert "share" in message["text"] and "/k8swin" in message["text"]


def test_slack_questions_it_cannot_answer_are_explained(client, configured):
    body = slack_body("is flurbo supported on 1.22")
    message = client.post("/v1/chatops/slack", content=body, headers=slack_headers(body)).json()
    assert message["response_type"] == "ephemeral"
    assert "flurbo" in message["text"] and "Kubernetes: 1.22" in message["text"]


@pytest.fixture
def spy(monkeypatch):
    """Records whether a chat request reached the engine."""
    calls = []
    monkeypatch.setattr(chat, "slack_reply", lambda *a: calls.append(a) or {})
    monkeypatch.setattr(chat, "teams_reply", lambda *a: calls.append(a) or {})
    return calls


@pytest.mark.parametrize(
    "headers",
    [
        lambda body: slack_headers(body, secret="not-the-secret"),
        lambda body: {**slack_headers(body), "X-Slack-Signature": "v0=" + "0" * 64},
        lambda body: {"Content-Type": "application/x-www-form-urlencoded"},
        lambda body: {k: v for k, v in slack_headers(body).items() if k != "X-Slack-Signature"},
        lambda body: slack_headers(body, timestamp=int(time.time()) - 6 * 60),
        lambda body: slack_headers(body, timestamp=int(time.time()) + 6 * 60),
        lambda body: {**slack_headers(body), "X-Slack-Request-Timestamp": "yesterday"},
        lambda body: slack_headers(body + b"&text=tampered"),
    ],
    ids=["wrong-secret", "bad-signature", "missing", "no-signature", "replayed", "future", "bad-timestamp", "tampered"],
)
def test_slack_rejects_unsigned_requests_and_processes_nothing(client, configured, spy, headers):
    body = slack_body("hostprocess 1.22")
    response = client.post("/v1/chatops/slack", content=body, headers=headers(body))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "bad_signature"
    assert spy == []


@pytest.mark.parametrize(
    "path,variable", [("/v1/chatops/slack", "KB_SLACK_SIGNING_SECRET"), ("/v1/chatops/teams", "KB_TEAMS_SECRET")]
)
def test_unconfigured_endpoints_say_which_variable_to_set(client, monkeypatch, spy, path, variable):
    monkeypatch.delenv(variable, raising=False)
    response = client.post(path, content=b"text=hi")
    assert response.status_code == 503
    assert variable in response.json()["error"]["message"]
    assert spy == []


@pytest.mark.parametrize("path", ["/v1/chatops/slack", "/v1/chatops/teams"])
def test_chat_bodies_are_bounded(client, configured, spy, path):
    body = b"text=" + b"a" * (chatops.MAX_BODY + 1)
    response = client.post(path, content=body, headers=slack_headers(body) | teams_headers(body))
    assert response.status_code == 413
    assert spy == []


def test_teams_answers_a_message_without_the_mention(client, configured, real_catalog):
    body = teams_body("<at>k8swin</at>&nbsp;gmsa 1.18 containerd")
    response = client.post("/v1/chatops/teams", content=body, headers=teams_headers(body))
    assert response.status_code == 200
    message = response.json()
    assert message["type"] == "message"
    assert message["text"].startswith(ask(real_catalog, "gmsa 1.18 containerd", date.today()).text)
    assert "<at>" not in message["text"]
    assert f"{PUBLIC}/features/gmsa/" in message["text"]


def test_teams_help(client, configured):
    body = teams_body("<at>k8swin</at> help")
    message = client.post("/v1/chatops/teams", content=body, headers=teams_headers(body)).json()
    assert "share" in message["text"]


@pytest.mark.parametrize(
    "headers",
    [
        lambda body: teams_headers(body, secret=base64.b64encode(b"another secret").decode()),
        lambda body: {"Authorization": "HMAC bm90IGl0"},
        lambda body: {},
        lambda body: {"Authorization": "Bearer " + teams_headers(body)["Authorization"].split()[1]},
        lambda body: teams_headers(body + b" "),
    ],
    ids=["wrong-secret", "bad-signature", "missing", "wrong-scheme", "tampered"],
)
def test_teams_rejects_unsigned_requests_and_processes_nothing(client, configured, spy, headers):
    body = teams_body("<at>k8swin</at> hostprocess 1.22")
    response = client.post("/v1/chatops/teams", content=body, headers=headers(body))
    assert response.status_code == 401
    assert spy == []


def test_teams_secret_that_is_not_base64_is_a_configuration_error(client, monkeypatch):
    monkeypatch.setenv("KB_TEAMS_SECRET", "not base64!")
    body = teams_body("hostprocess")
    response = client.post("/v1/chatops/teams", content=body, headers={"Authorization": "HMAC x"})
    assert response.status_code == 503
    assert "KB_TEAMS_SECRET" in response.json()["error"]["message"]


def test_teams_signed_body_that_is_not_json_is_invalid(client, configured):
    body = b"not json"
    response = client.post("/v1/chatops/teams", content=body, headers=teams_headers(body))
    assert response.status_code == 422


def test_verify_slack_accepts_slacks_documented_example():
    # The example request from Slack's "Verifying requests from Slack" page.
    body = (
        b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        b"&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        b"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        b"&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    )
    signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    verify_slack(SLACK_SECRET, "1531420618", signature, body, now=1531420618 + 10)
    with pytest.raises(SignatureRejected):
        verify_slack(SLACK_SECRET, "1531420618", signature, body, now=1531420618 + 301)


def test_verify_teams_round_trip():
    body = b'{"text": "hi"}'
    verify_teams(TEAMS_SECRET, teams_headers(body)["Authorization"], body)
    with pytest.raises(SignatureRejected):
        verify_teams(TEAMS_SECRET, teams_headers(body)["Authorization"], body + b"!")


@pytest.mark.parametrize(
    "text,question,share,usage",
    [
        ("hostprocess 1.22", "hostprocess 1.22", False, False),
        ("share hostprocess 1.22", "hostprocess 1.22", True, False),
        ("hostprocess 1.22 SHARE", "hostprocess 1.22", True, False),
        ("help", "help", False, True),
        ("", "", False, True),
        ("share", "", True, True),
    ],
)
def test_parse_command(text, question, share, usage):
    assert chat.parse_command(text) == chat.ChatCommand(question=question, share=share, help=usage)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("<at>k8swin</at> gmsa 1.18", "gmsa 1.18"),
        ("<at>KB Bot</at>&nbsp;is <b>hostprocess</b> supported?", "is hostprocess supported?"),
        ("no mention", "no mention"),
    ],
)
def test_strip_mention(text, expected):
    assert chat.strip_mention(text) == expected


def test_ask_over_http(client):
    response = client.get("/v1/ask", params={"q": "will an ltsc2022 image run on a 23H2 host?"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"question", "interpretation", "answer", "supported", "text"}
    assert body["interpretation"]["kind"] == "image-compat"
    assert isinstance(body["answer"]["supported"], bool)


@pytest.mark.parametrize(
    "q,status,code",
    [
        ("is flurbo supported on 1.22", 404, "unknown_feature"),
        ("hostprocess on 1.99", 404, "unknown_version"),
        ("hello there", 422, "not_understood"),
        ("x" * 600, 422, "invalid_input"),
    ],
)
def test_ask_errors_over_http_carry_the_interpretation(client, q, status, code):
    response = client.get("/v1/ask", params={"q": q})
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    if status == 404:
        assert "understood" in error["interpretation"]


def test_ask_is_documented_with_examples(client):
    schema = client.get("/openapi.json").json()
    assert "/v1/ask" in schema["paths"]
    assert "/v1/chatops/slack" in schema["paths"] and "/v1/chatops/teams" in schema["paths"]
    assert "example" in schema["components"]["schemas"]["AskAnswer"]


GOLDEN_QUESTIONS = [
    "hostprocess 1.22",
    "hostprocess 1.23 ws2019 containerd 1.6",
    "hostprocess",
    "is ws2022 supported on 1.23",
    "docker on 1.24",
    "containerd 1.6 on 1.23",
    "will an ltsc2022 image run on a ws2019 host",
    "is windows beta in 1.10",
    "when was 1.22 released",
    "is 1.23 still maintained",
    "what build is ws2022",
    "image tags for ltsc2019",
    "what changed in 1.22",
]


def test_answer_lines_match_golden(fixture_catalog):
    lines = [f"{q}\n  {ask(fixture_catalog, q, TODAY).text}" for q in GOLDEN_QUESTIONS]
    check_golden("ask-lines.txt", "\n".join(lines) + "\n")


@pytest.mark.parametrize("question", ["hostprocess 1.23 ws2019 containerd 1.6", "is 1.23 still maintained"])
def test_chat_messages_match_golden(fixture_catalog, question):
    answer = ask(fixture_catalog, question, TODAY)
    name = question.replace(" ", "-").replace(".", "")
    messages = {"slack": chat.slack_message(answer, PUBLIC), "teams": chat.teams_message(answer, PUBLIC)}
    check_golden(f"chat-{name}.json", json.dumps(messages, indent=2) + "\n")


@pytest.mark.parametrize(
    "text,escaped", [("deprecated -> removed", "deprecated -&gt; removed"), ("a & b <c>", "a &amp; b &lt;c&gt;")]
)
def test_slack_text_is_escaped(text, escaped):
    assert chat.slack_escape(text) == escaped


def _corpus_sample() -> list[str]:
    """Every seventh question of the tuning corpus, answered and refused alike."""
    from tests.test_ask_corpus import load

    return [entry["q"] for entry in load("tuning")[::7]]


@pytest.mark.parametrize("question", _corpus_sample())
def test_slack_and_teams_answer_corpus_questions_as_ask_does(client, configured, question):
    """Signed as Slack and Teams sign them, each chat endpoint says what /v1/ask says, word for word."""
    asked = client.get("/v1/ask", params={"q": question})
    expected = asked.json()["text"] if asked.status_code == 200 else asked.json()["error"]["message"]
    body = slack_body(question)
    slack = client.post("/v1/chatops/slack", content=body, headers=slack_headers(body)).json()
    body = teams_body(f"<at>kb</at> {question}")
    teams = client.post("/v1/chatops/teams", content=body, headers=teams_headers(body)).json()
    first_slack, first_teams = slack["text"].split("\n")[0], teams["text"].split("\n\n")[0]
    if asked.status_code == 200:
        assert (first_slack, first_teams) == (chat.slack_escape(expected), expected)
    else:
        assert (first_slack, first_teams) == (chat.slack_escape(f":warning: {expected}"), f":warning: {expected}")
