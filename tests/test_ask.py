"""Free-text questions: a broad set of phrasings per kind, each checked against the engine's own answer."""

import sys
import types
from datetime import date

import pytest
from pydantic import BaseModel

from kb import questions, render
from kb.ask import ask, interpret
from kb.compat import image_compat
from kb.errors import QuestionNotAnswered
from kb.history import is_usable, step_at
from kb.query import support
from kb.releases import kubernetes_detail, windows_detail
from kb.upgrade import plan

TODAY = date(2026, 11, 25)

# (question, kind, what the interpretation must say); entities not listed must be absent.
PHRASINGS = [
    # feature support
    (
        "is hostprocess supported on 1.22 with ws2019?",
        "feature-support",
        {"feature": "hostprocess-containers", "kubernetes": "1.22", "windows": "ltsc2019"},
    ),
    ("gmsa 1.18 containerd", "feature-support", {"feature": "gmsa", "kubernetes": "1.18", "runtime": "containerd"}),
    ("can I use hostNetwork on windows in 1.30", "feature-support", {"feature": "host-network", "kubernetes": "1.30"}),
    ("does subPath work in windows containers", "feature-support", {"feature": "subpath-mounts"}),
    (
        "gMSA on Kubernetes v1.18.3 with containerd://1.6.21",
        "feature-support",
        {"feature": "gmsa", "kubernetes": "1.18", "runtime": "containerd 1.6.21"},
    ),
    ("hugepages 1.22", "feature-support", {"feature": "hugepages", "kubernetes": "1.22"}),
    ("csi proxy 1.16", "feature-support", {"feature": "csi-proxy", "kubernetes": "1.16"}),
    (
        "readOnlyRootFilesystem on 1.30",
        "feature-support",
        {"feature": "read-only-root-filesystem", "kubernetes": "1.30"},
    ),
    ("RunAsUserName 1.17", "feature-support", {"feature": "run-as-username", "kubernetes": "1.17"}),
    ("ipv6 dual-stack in 1.20", "feature-support", {"feature": "ipv4-ipv6-dual-stack", "kubernetes": "1.20"}),
    (
        "is dual-stack supported on windows 1.23",
        "feature-support",
        {"feature": "ipv4-ipv6-dual-stack", "kubernetes": "1.23"},
    ),
    (
        "hostprocess on 1.26 with windows server 2022 and containerd 1.7",
        "feature-support",
        {"feature": "hostprocess-containers", "kubernetes": "1.26", "windows": "ltsc2022", "runtime": "containerd 1.7"},
    ),
    (
        "WindowsHostProcessContainers 1.23",
        "feature-support",
        {"feature": "hostprocess-containers", "kubernetes": "1.23"},
    ),
    (
        "can I run hostprocess pods on ws2016 in 1.27?",
        "feature-support",
        {"feature": "hostprocess-containers", "kubernetes": "1.27", "windows": "ltsc2016"},
    ),
    (
        "host process containers on v1.24.0-rc.1",
        "feature-support",
        {"feature": "hostprocess-containers", "kubernetes": "1.24"},
    ),
    (
        "Is GMSA available in K8s 1.14 on Windows Server 1809?",
        "feature-support",
        {"feature": "gmsa", "kubernetes": "1.14", "windows": "sac1809"},
    ),
    (
        "hostprocess 1.23 10.0.17763.737",
        "feature-support",
        {"feature": "hostprocess-containers", "kubernetes": "1.23", "windows": "ltsc2019"},
    ),
    (
        "hostprocess on sac1809 1.23",
        "feature-support",
        {"feature": "hostprocess-containers", "kubernetes": "1.23", "windows": "sac1809"},
    ),
    (
        "csi-proxy with docker on 1.22",
        "feature-support",
        {"feature": "csi-proxy", "kubernetes": "1.22", "runtime": "docker"},
    ),
    ("hyper-v isolation in 1.30", "feature-support", {"feature": "hyperv-isolation", "kubernetes": "1.30"}),
    ("pod os field 1.25", "feature-support", {"feature": "pod-os-field", "kubernetes": "1.25"}),
    # Windows Server support per Kubernetes release
    (
        "are Windows Server 2004 nodes supported on 1.21?",
        "windows-support",
        {"windows": "sac2004", "kubernetes": "1.21"},
    ),
    ("is ws2016 supported on 1.20", "windows-support", {"windows": "ltsc2016", "kubernetes": "1.20"}),
    ("is 1809 supported in 1.25", "windows-support", {"windows": "ltsc2019", "kubernetes": "1.25"}),
    ("windows server 2022 on kubernetes 1.23", "windows-support", {"windows": "ltsc2022", "kubernetes": "1.23"}),
    ("ltsc2025 1.32", "windows-support", {"windows": "ltsc2025", "kubernetes": "1.32"}),
    ("is 23H2 supported on 1.30?", "windows-support", {"windows": "ac23h2", "kubernetes": "1.30"}),
    (
        "does Kubernetes 1.19 support Windows Server, version 1909?",
        "windows-support",
        {"windows": "sac1909", "kubernetes": "1.19"},
    ),
    ("is ws2019 supported", "windows-support", {"windows": "ltsc2019"}),
    # Windows node support stage
    ("is windows beta in 1.10", "node-stage", {"kubernetes": "1.10", "stage": "beta"}),
    ("is windows alpha in 1.5", "node-stage", {"kubernetes": "1.5", "stage": "alpha"}),
    ("windows stage 1.12", "node-stage", {"kubernetes": "1.12"}),
    ("when did windows go beta", "node-stage", {"stage": "beta", "kubernetes": "1.9"}),
    ("when did windows become stable?", "node-stage", {"stage": "stable", "kubernetes": "1.14"}),
    ("windows in 1.16", "node-stage", {"kubernetes": "1.16"}),
    ("is windows GA in 1.14", "node-stage", {"kubernetes": "1.14", "stage": "stable"}),
    # when a feature reached a status
    ("when did hostprocess become stable", "feature-stage", {"feature": "hostprocess-containers", "stage": "stable"}),
    ("since when is gmsa stable?", "feature-stage", {"feature": "gmsa", "stage": "stable"}),
    ("when was hostNetwork removed", "feature-stage", {"feature": "host-network", "stage": "removed"}),
    (
        "which version made hostprocess beta on ws2022",
        "feature-stage",
        {"feature": "hostprocess-containers", "stage": "beta", "windows": "ltsc2022"},
    ),
    # runtime support
    ("docker on 1.25?", "runtime-support", {"runtime": "docker", "kubernetes": "1.25"}),
    ("containerd 1.6 on 1.26", "runtime-support", {"runtime": "containerd 1.6", "kubernetes": "1.26"}),
    ("is containerd supported on 1.18", "runtime-support", {"runtime": "containerd", "kubernetes": "1.18"}),
    ("cri-dockerd 1.26", "runtime-support", {"runtime": "cri-dockerd", "kubernetes": "1.26"}),
    ("docker 19.03 on 1.20", "runtime-support", {"runtime": "docker 19.3", "kubernetes": "1.20"}),
    ("containerd 1.26", "runtime-support", {"runtime": "containerd", "kubernetes": "1.26"}),
    ("can I still use dockershim in 1.23?", "runtime-support", {"runtime": "docker", "kubernetes": "1.23"}),
    ("containerd://1.7.13 on v1.29.2", "runtime-support", {"runtime": "containerd 1.7.13", "kubernetes": "1.29"}),
    ("containerd 2.0", "runtime-support", {"runtime": "containerd 2.0"}),
    (
        "is Mirantis Container Runtime supported on 1.29?",
        "runtime-support",
        {"runtime": "cri-dockerd", "kubernetes": "1.29"},
    ),
    ("docker engine in 1.23", "runtime-support", {"runtime": "docker", "kubernetes": "1.23"}),
    # image compatibility
    ("will an ltsc2022 image run on a 23H2 host?", "image-compat", {"image": "ltsc2022", "host": "ac23h2"}),
    ("can ltsc2019 run on ws2022?", "image-compat", {"image": "ltsc2019", "host": "ltsc2022"}),
    (
        "does a 1809 image run on a 2022 host with process isolation",
        "image-compat",
        {"image": "ltsc2019", "host": "ltsc2022", "isolation": "process"},
    ),
    ("can I run an image built for 2022 on a 2019 node?", "image-compat", {"image": "ltsc2022", "host": "ltsc2019"}),
    (
        "mcr.microsoft.com/windows/nanoserver:ltsc2022 on 10.0.26100.1742",
        "image-compat",
        {"image": "ltsc2022", "host": "ltsc2025"},
    ),
    (
        "on a ws2022 node, can I run servercore:ltsc2019 with hyper-v isolation?",
        "image-compat",
        {"image": "ltsc2019", "host": "ltsc2022", "isolation": "hyperv"},
    ),
    ("2019 host 2022 image", "image-compat", {"image": "ltsc2022", "host": "ltsc2019"}),
    (
        "will ltsc2019 run on ws2022 in 1.30?",
        "image-compat",
        {"image": "ltsc2019", "host": "ltsc2022", "kubernetes": "1.30"},
    ),
    # Kubernetes release facts
    ("is 1.27 still maintained", "kubernetes-release", {"kubernetes": "1.27", "subject": "end-of-life"}),
    ("when was 1.14 released", "kubernetes-release", {"kubernetes": "1.14", "subject": "release-date"}),
    ("release date of 1.30", "kubernetes-release", {"kubernetes": "1.30", "subject": "release-date"}),
    ("when is 1.30 end of life", "kubernetes-release", {"kubernetes": "1.30", "subject": "end-of-life"}),
    ("latest patch of 1.29", "kubernetes-release", {"kubernetes": "1.29", "subject": "latest-patch"}),
    ("is v1.31 still supported?", "kubernetes-release", {"kubernetes": "1.31", "subject": "end-of-life"}),
    ("1.18", "kubernetes-release", {"kubernetes": "1.18", "subject": "release"}),
    ("k8s 1.28 eol", "kubernetes-release", {"kubernetes": "1.28", "subject": "end-of-life"}),
    # Windows release facts
    ("what build is ws2022", "windows-release", {"windows": "ltsc2022", "subject": "build"}),
    ("image tags for 2025", "windows-release", {"windows": "ltsc2025", "subject": "image-tags"}),
    ("when was windows server 2022 released", "windows-release", {"windows": "ltsc2022", "subject": "release-date"}),
    ("ws2019 end of support", "windows-release", {"windows": "ltsc2019", "subject": "end-of-support"}),
    ("what is the build number of 20H2", "windows-release", {"windows": "sac20h2", "subject": "build"}),
    ("tags for ltsc2019", "windows-release", {"windows": "ltsc2019", "subject": "image-tags"}),
    (
        "is Windows Server 2016 still supported?",
        "windows-release",
        {"windows": "ltsc2016", "subject": "end-of-support"},
    ),
    ("ws2019", "windows-release", {"windows": "ltsc2019", "subject": "release"}),
    # what changed
    ("what changed in 1.24", "changes", {"kubernetes": "1.24", "subject": "changes"}),
    ("what's new in 1.26", "changes", {"kubernetes": "1.26", "subject": "changes"}),
    (
        "what changed between 1.23 and 1.27",
        "changes",
        {"kubernetes": "1.23", "kubernetes_to": "1.27", "subject": "changes"},
    ),
]

ENTITIES = ("feature", "kubernetes_to", "windows", "runtime", "host", "image", "isolation")


def _read(interpretation) -> dict:
    refs = {k: getattr(interpretation, k) for k in ("feature", "windows", "host", "image")}
    values = {k: (v.id if v is not None else None) for k, v in refs.items()}
    return values | {
        k: getattr(interpretation, k)
        for k in ("kubernetes", "kubernetes_to", "runtime", "isolation", "subject", "stage")
    }


@pytest.mark.parametrize("question,kind,expected", PHRASINGS, ids=[p[0] for p in PHRASINGS])
def test_phrasings_are_read_as_meant(real_catalog, question, kind, expected):
    answer = ask(real_catalog, question, TODAY)
    read = _read(answer.interpretation)
    assert answer.interpretation.kind == kind
    assert {k: read[k] for k in expected} == expected
    assert all(read[k] is None for k in ENTITIES if k not in expected)
    assert answer.interpretation.not_understood == []
    assert answer.text and "\n" not in answer.text


def test_there_are_enough_phrasings_of_every_kind():
    kinds = [kind for _, kind, _ in PHRASINGS]
    assert len(kinds) >= 60
    assert {k.name for k in questions.KINDS} - {"upgrade"} <= set(kinds)


def _expected(catalog, kind: str, read: dict) -> dict:
    """The engine's own answer for what the question was read as."""
    if kind in ("feature-support", "feature-stage"):
        return support(catalog, read["feature"], read["kubernetes"], read["windows"], read["runtime"]).model_dump(
            mode="json"
        )
    if kind == "image-compat":
        return image_compat(catalog, read["host"], read["image"], read["isolation"]).model_dump(mode="json")
    if kind == "kubernetes-release":
        return kubernetes_detail(catalog, read["kubernetes"], TODAY).model_dump(mode="json")
    if kind == "windows-release":
        return windows_detail(catalog, read["windows"], TODAY).model_dump(mode="json")
    raise AssertionError(kind)


@pytest.mark.parametrize(
    "question,kind",
    [
        (q, k)
        for q, k, _ in PHRASINGS
        if k in ("feature-support", "image-compat", "kubernetes-release", "windows-release")
    ],
)
def test_answers_are_the_engines_answers(real_catalog, question, kind):
    answer = ask(real_catalog, question, TODAY)
    expected = _expected(real_catalog, kind, _read(answer.interpretation))
    assert {k: answer.answer[k] for k in expected} == expected


@pytest.mark.parametrize("question", [q for q, k, _ in PHRASINGS if k == "windows-support"])
def test_windows_support_follows_os_support(real_catalog, question):
    answer = ask(real_catalog, question, TODAY)
    read = _read(answer.interpretation)
    minor = next(m for m in real_catalog.os_support if str(m) == read["kubernetes"])
    listed = read["windows"] in real_catalog.os_support[minor].windows
    assert answer.answer["supported"] is listed
    assert answer.answer["status"] == (real_catalog.kubernetes[minor].windows_stage if listed else "not-supported")


@pytest.mark.parametrize("question", [q for q, k, _ in PHRASINGS if k == "runtime-support"])
def test_runtime_support_follows_the_runtime_history(real_catalog, question):
    answer = ask(real_catalog, question, TODAY)
    minor = next(m for m in real_catalog.kubernetes if str(m) == answer.interpretation.kubernetes)
    step = step_at(real_catalog.runtimes[answer.answer["runtime_id"]].history, minor)
    assert answer.answer["status"] == (step.status if step else "not-supported")
    failing = any(r["met"] is False for r in answer.answer["requirements"])
    assert answer.answer["supported"] is (bool(step and is_usable(step.status)) and not failing)


@pytest.mark.parametrize("question", [q for q, k, _ in PHRASINGS if k == "feature-stage"])
def test_feature_stage_is_the_first_step_with_that_status(real_catalog, question):
    interpretation = ask(real_catalog, question, TODAY).interpretation
    history = real_catalog.features[interpretation.feature.id].history
    assert interpretation.kubernetes == next(s.since for s in history if s.status == interpretation.stage)


@pytest.mark.parametrize("question", [q for q, k, _ in PHRASINGS if k == "node-stage"])
def test_node_stage_is_the_release_stage(real_catalog, question):
    answer = ask(real_catalog, question, TODAY)
    minor = next(m for m in real_catalog.kubernetes if str(m) == answer.interpretation.kubernetes)
    assert answer.answer["status"] == real_catalog.kubernetes[minor].windows_stage
    assert answer.answer["supported"] is True


@pytest.mark.parametrize(
    "question", ["does subPath work in windows containers", "docker?", "is ws2019 supported", "windows nodes"]
)
def test_without_a_kubernetes_version_it_answers_for_the_newest_and_says_so(real_catalog, question):
    interpretation = ask(real_catalog, question, TODAY).interpretation
    assert interpretation.kubernetes == str(real_catalog.newest)
    assert interpretation.kubernetes_defaulted is True
    assert any(str(real_catalog.newest) in note for note in interpretation.notes)


def test_a_runtime_version_is_never_read_as_kubernetes(real_catalog):
    interpretation = interpret(real_catalog, "hostprocess containerd 1.6")
    assert interpretation.runtime == "containerd 1.6"
    assert interpretation.kubernetes == str(real_catalog.newest) and interpretation.kubernetes_defaulted


@pytest.mark.parametrize(
    "question,status,code",
    [
        ("is flurbo supported on 1.22", 404, "unknown_feature"),
        ("is flurbo supported", 404, "unknown_feature"),
        ("hostprocess on 1.99", 404, "unknown_version"),
        ("hostprocess on 2.0", 404, "unknown_version"),
        ("hostprocess on ws2030 1.25", 404, "unknown_version"),
        ("hostprocess 1.25 on 10.0.99999", 404, "unknown_version"),
        ("hostprocess 1.22 with podman", 422, "not_understood"),
        ("hello there", 422, "not_understood"),
        ("", 422, "not_understood"),
        ("   ", 422, "not_understood"),
        ("hostprocess and gmsa on 1.22", 422, "not_understood"),
        ("hostprocess 1.22 1.23", 422, "not_understood"),
        ("ws2019 ws2022 ltsc2025", 422, "not_understood"),
        ("x" * 600, 422, "too_long"),
        ("'; drop table features; --", 422, "not_understood"),
        ("ｈｏｓｔｐｒｏｃｅｓｓ １.２２", 422, "not_understood"),
        ("changes", 422, "not_understood"),
        ("when did hugepages become stable", 404, "no_such_status"),
        ("hostprocess upgrade from 1.23 to 1.27", 422, "not_understood"),
        ("docker image ltsc2019 on ws2022", 422, "not_understood"),
    ],
)
def test_it_never_guesses(real_catalog, question, status, code):
    with pytest.raises(QuestionNotAnswered) as error:
        ask(real_catalog, question, TODAY)
    assert (404 if error.value.not_found else 422, error.value.code) == (status, code)


def test_errors_carry_what_was_and_was_not_understood(real_catalog):
    with pytest.raises(QuestionNotAnswered) as error:
        ask(real_catalog, "is flurbo supported on 1.22 with ws2019", TODAY)
    partial = error.value.interpretation
    assert partial["kubernetes"] == "1.22" and partial["windows"]["id"] == "ltsc2019"
    assert partial["not_understood"] == ["flurbo"]
    assert "Kubernetes: 1.22 -> 1.22" in partial["understood"]


def test_unknown_features_come_with_suggestions(real_catalog):
    with pytest.raises(QuestionNotAnswered) as error:
        ask(real_catalog, "is hostproces supported on 1.22", TODAY)
    assert "hostprocess-containers" in error.value.suggestions


class FakePlan(BaseModel):
    from_version: str
    to_version: str
    windows: str | None
    runtime: str | None


def test_upgrade_questions_go_to_kb_upgrade_when_it_exists(real_catalog, monkeypatch):
    module = types.ModuleType("kb.upgrade")
    module.plan = lambda catalog, a, b, windows=None, runtime=None: FakePlan(
        from_version=a, to_version=b, windows=windows, runtime=runtime
    )
    monkeypatch.setitem(sys.modules, "kb.upgrade", module)
    monkeypatch.setattr(
        render, "upgrade_line", lambda plan: f"plan {plan.from_version}-{plan.to_version}", raising=False
    )
    answer = ask(real_catalog, "check upgrade 1.23 to 1.27 ws2019 containerd 1.7", TODAY)
    assert answer.interpretation.kind == "upgrade"
    assert answer.answer == {
        "from_version": "1.23",
        "to_version": "1.27",
        "windows": "ltsc2019",
        "runtime": "containerd 1.7",
    }
    assert answer.text == "plan 1.23-1.27"


def test_upgrade_questions_answer_with_the_upgrade_plan(real_catalog):
    answer = ask(real_catalog, "check upgrade 1.23 to 1.27 ws2019", TODAY)
    assert answer.interpretation.kind == "upgrade"
    assert answer.answer == plan(real_catalog, "1.23", "1.27", windows="ltsc2019").model_dump(
        mode="json", by_alias=True
    )


def test_a_new_kind_is_one_function_and_one_registration(real_catalog, monkeypatch):
    monkeypatch.setattr(questions, "KINDS", list(questions.KINDS))

    @questions.question_kind("tag-count", lambda r: len(r.windows) == 1 and r.has("tags"), {"windows"})
    def _count(ctx):
        release = ctx.reading.windows[0].release
        return questions.Answered({"count": 1}, f"{release.name}: one answer")

    questions.KINDS.insert(0, questions.KINDS.pop())
    answer = ask(real_catalog, "tags for ws2022", TODAY)
    assert (answer.interpretation.kind, answer.answer, answer.text) == (
        "tag-count",
        {"count": 1},
        "Windows Server 2022: one answer",
    )


@pytest.mark.parametrize("build", ["10.0.17763.1697", "10.0.17763.1817", "ltsc2019", "ltsc2022"])
def test_a_full_build_in_a_question_is_judged_like_the_support_query(real_catalog, build):
    """The update level in a typed build reaches the requirement check, as in /v1/support."""
    answered = ask(real_catalog, f"gmsa-containerd-network-shares on 1.30 with {build}", TODAY)
    expected = support(real_catalog, "gmsa-containerd-network-shares", "1.30", windows=build)
    assert answered.answer["supported"] is expected.supported
    assert answered.answer["requirements"] == [r.model_dump(mode="json") for r in expected.requirements]
