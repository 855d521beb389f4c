"""Answers in Chinese: the localized catalog, the message table, and every front (API, CLI, chat) in both languages."""

import json
from datetime import date

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.main import create_app
from kb import chat, cli, i18n
from kb.ask import ask
from kb.i18n import MESSAGES, has_chinese
from kb.localize import in_language
from kb.query import support

TODAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def client(real_db, tmp_path_factory):
    with TestClient(create_app(real_db, site_dir=tmp_path_factory.mktemp("no-site") / "missing")) as test_client:
        yield test_client


def test_every_sentence_the_engine_writes_has_both_languages():
    assert all(set(texts) == {"en", "zh"} and all(texts.values()) for texts in MESSAGES.values())


def test_a_chinese_sentence_keeps_the_facts_of_its_english():
    for key, texts in MESSAGES.items():
        fields = {f for f in __import__("string").Formatter().parse(texts["en"]) if f[1]}
        assert {f[1] for f in fields} == {f[1] for f in __import__("string").Formatter().parse(texts["zh"]) if f[1]}, (
            key
        )


def test_the_localized_catalog_has_the_same_facts_and_chinese_texts(real_catalog):
    zh = in_language(real_catalog, "zh")
    assert zh.lang == "zh" and in_language(real_catalog, "en") is real_catalog
    for key, feature in real_catalog.features.items():
        translated = zh.features[key]
        assert [(s.since, s.status, s.partial) for s in translated.history] == [
            (s.since, s.status, s.partial) for s in feature.history
        ]
        assert has_chinese(translated.summary), key
        if feature.instead:
            assert has_chinese(translated.instead.text) and translated.instead.features == feature.instead.features


def test_a_support_answer_in_chinese_is_the_english_answer_in_other_words(real_catalog):
    english = support(real_catalog, "hostprocess", "1.26", "ws2016", "containerd://1.7.13")
    chinese = support(in_language(real_catalog, "zh"), "hostprocess", "1.26", "ws2016", "containerd://1.7.13")
    same = ("status", "supported", "since", "ga", "first_usable", "enabled_by_default", "sources")
    assert {k: getattr(chinese, k) for k in same} == {k: getattr(english, k) for k in same}
    assert [r.met for r in chinese.requirements] == [r.met for r in english.requirements]
    assert all(has_chinese(n) for n in chinese.notes)


@pytest.mark.parametrize("headers,params", [({"Accept-Language": "zh-CN,zh;q=0.9"}, {}), ({}, {"lang": "zh"})])
def test_the_api_answers_in_chinese_when_asked(client, headers, params):
    query = {"feature": "hostprocess", "kubernetes": "1.22", **params}
    body = client.get("/v1/support", params=query, headers=headers).json()
    english = client.get("/v1/support", params={"feature": "hostprocess", "kubernetes": "1.22"}).json()
    assert set(body) == set(english) and body["status"] == english["status"] == "alpha"
    assert has_chinese(body["feature"]["name"]) or body["feature"]["name"] == english["feature"]["name"]
    assert all(has_chinese(n) for n in body["notes"])
    text = client.get("/v1/support", params={**query, "format": "text"}, headers=headers).text
    assert has_chinese(text) and "1.22" in text


def test_api_errors_are_in_chinese_when_asked(client):
    response = client.get("/v1/support", params={"feature": "flurbo", "kubernetes": "1.22", "lang": "zh"})
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_feature"
    assert "没有名为 'flurbo' 的特性" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    "question,kind",
    [
        ("ws2019 节点上 1.24 还能用 dockershim 吗", "runtime-support"),
        ("hostprocess 在 1.23 是 beta 吗", "feature-support"),
        ("1.26 支持主机进程容器吗", "feature-support"),
        ("Kubernetes 1.30 什么时候停止支持？", "kubernetes-release"),
        ("1.33 支持哪些 Windows Server 版本？", "windows-releases"),
    ],
)
def test_a_question_in_chinese_is_answered_in_chinese(real_catalog, question, kind):
    answer = ask(real_catalog, question, TODAY)
    assert answer.interpretation.kind == kind
    assert has_chinese(answer.text)


def test_an_english_question_is_answered_in_chinese_when_chinese_is_asked_for(real_catalog):
    english = ask(real_catalog, "is hostprocess supported on 1.22", TODAY)
    chinese = ask(real_catalog, "is hostprocess supported on 1.22", TODAY, "zh")
    assert (chinese.supported, chinese.answer.status) == (english.supported, english.answer.status)
    assert has_chinese(chinese.text) and not has_chinese(english.text)


def test_a_chinese_question_is_refused_in_chinese(client):
    response = client.get("/v1/ask", params={"q": "flurbo 在 1.22 上支持吗"})
    assert response.status_code == 404
    assert has_chinese(response.json()["error"]["message"])


@pytest.mark.parametrize(
    "args,env",
    [
        (["--lang", "zh", "support", "hostprocess", "-k", "1.22"], {}),
        (["support", "hostprocess", "-k", "1.22"], {"LANG": "zh_CN.UTF-8"}),
    ],
)
def test_the_cli_answers_in_chinese_by_option_or_locale(real_db, monkeypatch, args, env):
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(
        cli.app,
        [*args[:-2], "--db", str(real_db), *args[-2:]] if args[0] != "--lang" else [*args, "--db", str(real_db)],
    )
    assert result.exit_code == 0, result.output
    assert has_chinese(result.output)


@pytest.mark.parametrize(
    "header,lang",
    [("zh-CN,zh;q=0.9,en;q=0.8", "zh"), ("en-US,en;q=0.9", "en"), ("fr-FR", None), (None, None), ("zh-TW", "zh")],
)
def test_accept_language_picks_the_first_language_spoken(header, lang):
    assert i18n.from_accept_language(header) == lang


def test_a_chinese_question_is_refused_in_chinese_by_the_cli(real_db, monkeypatch):
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = CliRunner().invoke(cli.app, ["ask", "flurbo 在 1.22 上支持吗", "--db", str(real_db)])
    assert result.exit_code == 2
    assert has_chinese(result.output)


@pytest.mark.parametrize("reply", [chat.slack_reply, chat.teams_reply])
def test_the_chat_answers_a_chinese_question_in_chinese(real_catalog, reply):
    text = json.dumps(reply(real_catalog, "1.22 支持 hostprocess 吗", TODAY, "https://kb.example"), ensure_ascii=False)
    assert "状态：Alpha" in text and "来源 1" in text and "固定链接" in text
    assert "https://kb.example/zh/features/hostprocess-containers/" in text
    assert "Status:" not in text and "permalink" not in text


@pytest.mark.parametrize("reply", [chat.slack_reply, chat.teams_reply])
def test_the_chat_refuses_a_chinese_question_in_chinese(real_catalog, reply):
    text = json.dumps(reply(real_catalog, "flurbo 在 1.22 上支持吗", TODAY, "https://kb.example"), ensure_ascii=False)
    assert "没有" in text and "No feature" not in text


@pytest.mark.parametrize("reply", [chat.slack_reply, chat.teams_reply])
def test_the_chat_answers_an_english_question_in_english(real_catalog, reply):
    text = json.dumps(reply(real_catalog, "is hostprocess supported on 1.22", TODAY, "https://kb.example"))
    assert "Status: alpha" in text and "permalink" in text
    assert "https://kb.example/features/hostprocess-containers/" in text


@pytest.mark.parametrize(
    "question,word",
    [
        ("is subpath supported for a single file on windows 1.30", "inferred"),
        ("windows 1.30 上 subPath 挂载单个文件支持吗", "推断"),
    ],
)
def test_the_chat_status_says_when_a_fact_is_inferred(real_catalog, question, word):
    answer = ask(real_catalog, question, TODAY)
    assert answer.answer.confidence == "inferred"
    assert word in chat.status_line(answer)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_the_engines_chinese_sentences_space_latin_words(key):
    """Filled with Latin names (docker, 1.24), a Chinese sentence keeps a space between them and Chinese."""
    fields = {f[1] for f in __import__("string").Formatter().parse(MESSAGES[key]["zh"]) if f[1]}
    text = i18n.say("zh", key, **dict.fromkeys(fields, "docker 1.24"))
    assert i18n.spaced(text) == text
