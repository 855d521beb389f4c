"""Free-text questions: how they are read, which kind answers, that the answer is the structured route's own, and
every way the reader refuses rather than guesses. The phrasing corpus (test_ask_corpus.py) measures the rest."""

from datetime import date

import pytest

from kb import structured
from kb.ask import ask, interpret, yes_no
from kb.compat import image_compat
from kb.diff import diff
from kb.errors import QuestionNotAnswered
from kb.kinds import CUE_ATOMS, KINDS
from kb.query import support
from kb.reading import read
from kb.render import any_line
from kb.upgrade import plan

TODAY = date(2026, 12, 3)

# The questions of the issue that asked for this reader, each with what a right answer says.
ISSUE_TABLE = [
    (
        "our prod cluster is on 1.27 - do cpu limits actually get enforced for windows containers?",
        {"kind": "feature-support", "feature": "cpu-limits", "kubernetes": "1.27", "supported": True},
    ),
    (
        "quick one: can a windows pod mount a configmap as a single file with subPath on 1.29?",
        {"kind": "feature-support", "feature": "subpath-mounts", "kubernetes": "1.29", "supported": False},
    ),
    (
        "does the kubelet on windows support swap in 1.30?",
        {"kind": "feature-support", "feature": "node-swap", "kubernetes": "1.30", "supported": False},
    ),
    (
        "we want to roll out windows server 2022 nodes on kubernetes 1.24, is that combination supported?",
        {"kind": "windows-support", "windows": "ltsc2022", "kubernetes": "1.24", "supported": True},
    ),
    (
        "when does kubernetes 1.30 go out of support?",
        {"kind": "kubernetes-release", "kubernetes": "1.30", "subject": "end-of-life"},
    ),
    (
        "which windows server versions can i use for worker nodes on 1.33?",
        {"kind": "windows-releases", "kubernetes": "1.33"},
    ),
    ("what container runtimes work for windows nodes in 1.31?", {"kind": "runtimes", "kubernetes": "1.31"}),
    (
        "is the WindowsHostNetwork feature gate still around in 1.34?",
        {"kind": "feature-gate", "feature": "host-network", "kubernetes": "1.34"},
    ),
    (
        "hey, does sessionAffinity work for windows services these days?",
        {"kind": "feature-support", "feature": "session-affinity", "kubernetes": "1.36", "defaulted": True},
    ),
    (
        "Can I set spec.securityContext.fsGroup on a windows pod in 1.28?",
        {
            "kind": "feature-support",
            "feature": "pod-security-context-linux-fields",
            "kubernetes": "1.28",
            "supported": False,
        },
    ),
    (
        "my nodes run 10.0.17763.5696 - will a mcr.microsoft.com/windows/nanoserver:ltsc2022 image start there "
        "with process isolation?",
        {"kind": "image-compat", "host": "ltsc2019", "image": "ltsc2022", "isolation": "process", "supported": False},
    ),
    (
        "is dual stack supported for windows nodes in k8s v1.25.3?",
        {"kind": "feature-support", "feature": "ipv4-ipv6-dual-stack", "kubernetes": "1.25"},
    ),
]


def _seen(answer) -> dict:
    read_ = answer.interpretation
    return {
        "kind": read_.kind,
        "feature": read_.feature.id if read_.feature else None,
        "kubernetes": read_.kubernetes,
        "defaulted": read_.kubernetes_defaulted,
        "windows": read_.windows.id if read_.windows else None,
        "host": read_.host.id if read_.host else None,
        "image": read_.image.id if read_.image else None,
        "isolation": read_.isolation,
        "subject": read_.subject,
        "supported": answer.supported,
    }


@pytest.mark.parametrize("question,expected", ISSUE_TABLE, ids=[q[:40] for q, _ in ISSUE_TABLE])
def test_the_issues_questions_are_answered_rightly(real_catalog, question, expected):
    seen = _seen(ask(real_catalog, question, TODAY))
    assert {k: seen[k] for k in expected} == expected


def test_the_end_of_life_question_answers_the_date_not_a_feature(real_catalog):
    answer = ask(real_catalog, "when does kubernetes 1.30 go out of support?", TODAY)
    release = real_catalog.kubernetes[next(m for m in real_catalog.minors if str(m) == "1.30")]
    assert answer.answer.value == release.end_of_life.isoformat()
    assert answer.answer.page == "/kubernetes/1.30/"


@pytest.mark.parametrize(
    "question,route",
    [
        ("is hostprocess supported on 1.22 with ws2019?", lambda c: support(c, "hostprocess", "1.22", "ws2019")),
        ("gmsa 1.18 containerd", lambda c: support(c, "gmsa", "1.18", None, "containerd")),
        ("docker on 1.25?", lambda c: structured.runtime(c, "1.25", "docker")),
        ("which runtimes can windows nodes use on 1.31", lambda c: structured.runtimes(c, "1.31")),
        ("are 23H2 nodes supported on 1.30", lambda c: structured.windows_release_on(c, "1.30", "23H2")),
        ("windows server versions for nodes on 1.33", lambda c: structured.windows_on(c, "1.33")),
        ("will an ltsc2022 image run on a 23H2 host?", lambda c: image_compat(c, "ac23h2", "ltsc2022")),
        ("when was 1.14 released", lambda c: structured.kubernetes_fact_of(c, "1.14", "release-date", TODAY)),
        ("what build is ws2022", lambda c: structured.windows_fact_of(c, "ltsc2022", "build", TODAY)),
        ("is WindowsHostNetwork still around in 1.34", lambda c: structured.gate(c, "WindowsHostNetwork", "1.34")),
        ("when did hostprocess go GA", lambda c: structured.stage(c, "hostprocess", "stable")),
        (
            "minimum containerd version for hostprocess on 1.26",
            lambda c: structured.runtime_needed(c, "hostprocess", "1.26", "containerd"),
        ),
        ("what changed for windows between 1.23 and 1.27", lambda c: diff(c, "1.23", "1.27")),
        ("upgrade 1.23 to 1.27 on ws2019", lambda c: plan(c, "1.23", "1.27", windows="ws2019")),
        (
            "was windows beta in 1.10",
            lambda c: structured.node_stage_of(c, "1.10").model_copy(update={"asked_stage": "beta", "matches": True}),
        ),
    ],
)
def test_each_kind_answers_exactly_as_its_structured_route(real_catalog, question, route):
    answer = ask(real_catalog, question, TODAY)
    expected = route(real_catalog)
    assert answer.answer == expected
    assert answer.text.startswith(any_line(expected))


def test_every_kind_is_reachable(real_catalog):
    questions = [q for q, _ in ISSUE_TABLE] + [
        "gmsa 1.18",
        "is the gate for hostprocess on by default in 1.24",
        "when did gmsa go GA",
        "minimum containerd for hostprocess on 1.26",
        "docker on 1.23",
        "image tags of ws2019",
        "what changed in 1.24",
        "upgrade 1.23 to 1.27",
        "is windows beta in 1.10",
    ]
    kinds = {ask(real_catalog, q, TODAY).interpretation.kind for q in questions}
    assert kinds == {kind.name for kind in KINDS}


@pytest.mark.parametrize(
    "question",
    ["does subPath work in windows containers", "docker?", "is ws2019 supported", "windows server versions for nodes?"],
)
def test_without_a_version_it_answers_for_the_newest_released_minor_and_says_so(real_catalog, question):
    answer = ask(real_catalog, question, TODAY)
    assert real_catalog.newest_released != real_catalog.newest, "the data holds a provisional minor"
    assert answer.interpretation.kubernetes == str(real_catalog.newest_released)
    assert answer.interpretation.kubernetes_defaulted is True
    assert f"answered for {real_catalog.newest_released}, the newest released minor" in answer.text


def test_a_provisional_minor_is_answered_and_said_to_be_provisional(real_catalog):
    answer = ask(real_catalog, f"hostprocess on {real_catalog.newest}", TODAY)
    assert answer.interpretation.kubernetes == str(real_catalog.newest)
    assert "provisional" in answer.text


def test_a_provisional_release_says_so_once(real_catalog):
    answer = ask(real_catalog, f"when was {real_catalog.newest} released", TODAY)
    assert answer.text.lower().count("provisional") == 1


@pytest.mark.parametrize(
    "question,feature,variant",
    [
        (
            "quick one: can a windows pod mount a configmap as a single file with subPath on 1.29?",
            "subpath-mounts",
            "single-file",
        ),
        ("gmsa pod can't open a restricted smb share on 1.23 with containerd", "gmsa-containerd-network-shares", None),
        (
            "is sessionAffinityConfig timeoutSeconds honoured on windows 1.30",
            "session-affinity",
            "custom-timeout",
        ),
        (
            "is sessionAffinityConfig.clientIP.timeoutSeconds honoured on windows 1.30",
            "session-affinity",
            "custom-timeout",
        ),
    ],
)
def test_a_case_of_a_feature_is_one_subject_with_its_own_answer(real_catalog, question, feature, variant):
    answer = ask(real_catalog, question, TODAY)
    assert answer.interpretation.feature.id == feature
    assert (answer.answer.variant.id if answer.answer.variant else None) == variant


def test_after_a_runtime_is_named_which_runtimes_asks_for_the_list(real_catalog):
    answer = ask(
        real_catalog, "after dockershim was removed in 1.24, which runtimes are left for windows nodes?", TODAY
    )
    assert answer.interpretation.kind == "runtimes"
    assert ask(real_catalog, "is the docker runtime supported on 1.25", TODAY).interpretation.kind == "runtime-support"


@pytest.mark.parametrize(
    "question,status,code",
    [
        ("is flurbo supported on 1.22", 404, "unknown_feature"),
        ("is flurbo supported", 404, "unknown_feature"),
        ("hostprocess on 1.99", 404, "unknown_version"),
        ("hostprocess on 2.0", 404, "unknown_version"),
        ("hostprocess on ws2030 1.25", 404, "unknown_version"),
        ("hostprocess 1.25 on 10.0.99999", 404, "unknown_version"),
        ("is the WindowsFlurboGate on by default in 1.30", 404, "unknown_feature"),
        ("spec.containers[*].flurbo on windows 1.30", 404, "unknown_feature"),
        ("kep 9999 on windows 1.30", 404, "unknown_feature"),
        ("will a servercore:ltsc2030 image run on ws2025", 404, "unknown_version"),
        ("startup probes on windows containers, 1.26?", 404, "unknown_feature"),
        ("can we use the flurbo container runtime on 1.28", 404, "unknown_feature"),
        ("hello there", 422, "not_understood"),
        ("", 422, "not_understood"),
        ("   ", 422, "not_understood"),
        ("hostprocess and gmsa on 1.22", 422, "several_features"),
        ("kube-proxy ipvs or kernelspace on windows 1.29?", 422, "several_features"),
        ("hostprocess 1.22 1.23 1.24", 422, "several_versions"),
        ("kep 5100 on 1.30", 422, "ambiguous_feature"),
        ("x" * 600, 422, "too_long"),
        ("'; drop table features; --", 422, "not_understood"),
        ("changes", 422, "not_understood"),
        ("when was dockershim deprecated", 422, "not_understood"),
        ("selinux on rhel 9 nodes with 1.30?", 422, "not_understood"),
        ("ubuntu 节点 1.30 支持 selinux 吗", 422, "not_understood"),
    ],
)
def test_it_never_guesses(real_catalog, question, status, code):
    with pytest.raises(QuestionNotAnswered) as error:
        ask(real_catalog, question, TODAY)
    assert (404 if error.value.not_found else 422, error.value.code) == (status, code)


@pytest.mark.parametrize(
    "question",
    [
        "hostprocess on 1.99",
        "is hostproces supported on 1.40",
        "hostprocess and gmsa on 1.22",
        "hostprocess 1.22 1.23 on ws2019",
    ],
)
def test_every_suggestion_is_answered_when_asked(real_catalog, question):
    with pytest.raises(QuestionNotAnswered) as error:
        ask(real_catalog, question, TODAY)
    assert error.value.suggestions
    for suggestion in error.value.suggestions:
        assert ask(real_catalog, suggestion, TODAY).text


def test_errors_carry_what_was_and_was_not_understood(real_catalog):
    with pytest.raises(QuestionNotAnswered) as error:
        ask(real_catalog, "is flurbo supported on 1.22 with ws2019", TODAY)
    partial = error.value.interpretation
    assert partial["kubernetes"] == "1.22" and partial["windows"]["id"] == "ltsc2019"
    assert "flurbo" in partial["not_understood"]


@pytest.mark.parametrize(
    "question,feature",
    [
        ("hostproces pods on 1.22", "hostprocess-containers"),
        ("host process containers on 1.26", "hostprocess-containers"),
        ("HostProcess 1.26", "hostprocess-containers"),
        ("WindowsHostProcessContainers 1.23", "hostprocess-containers"),
        ("spec.securityContext.windowsOptions.hostProcess on 1.26", "hostprocess-containers"),
        ("kep 1981 on 1.26", "hostprocess-containers"),
        ("dualstack 1.23", "ipv4-ipv6-dual-stack"),
        ("ipv6-only on 1.30", "ipv6-single-stack"),
        ("hostUsers on windows 1.30", "user-namespaces"),
        ("gMSA access to network file shares with containerd on 1.25", "gmsa-containerd-network-shares"),
    ],
)
def test_features_are_found_however_they_are_written(real_catalog, question, feature):
    assert interpret(real_catalog, question).feature.id == feature


@pytest.mark.parametrize(
    "question,not_a_feature",
    [
        ("ltsc2022 image on a ws2025 host using hyper-v isolation", "user-namespaces"),
        ("internalTrafficPolicy: Local on windows 1.30", "external-traffic-policy-local"),
        ("hey, does sessionAffinity work for windows services these days?", "kubelet-as-windows-service"),
        ("nodes have containerd 1.5.13, control plane is going to 1.26", "control-plane-linux-only"),
        ("which windows server versions can i use for worker nodes on 1.33?", "windows-node-support"),
    ],
)
def test_ordinary_words_never_name_a_feature(real_catalog, question, not_a_feature):
    reading = read(real_catalog, question, CUE_ATOMS)
    assert not_a_feature not in {m.feature for m in reading.features.matches}


@pytest.mark.parametrize(
    "question,host,image",
    [
        (
            "node is 10.0.17763.5696, image is mcr.microsoft.com/windows/servercore:ltsc2019 - compatible?",
            "ltsc2019",
            "ltsc2019",
        ),
        ("2025 host (10.0.26100.4061) with image servercore:ltsc2025 - good?", "ltsc2025", "ltsc2025"),
        ("can I run an image built for 2022 on a 2019 node?", "ltsc2019", "ltsc2022"),
    ],
)
def test_one_release_named_twice_is_one_node_unless_it_is_also_the_image(real_catalog, question, host, image):
    interpretation = ask(real_catalog, question, TODAY).interpretation
    assert (interpretation.kind, interpretation.host.id, interpretation.image.id) == ("image-compat", host, image)


@pytest.mark.parametrize(
    "question,windows",
    [("w2k22 nodes on 1.30", "ltsc2022"), ("2k19 nodes on 1.30", "ltsc2019"), ("ws22 on 1.30", "ltsc2022")],
)
def test_short_windows_names_are_read(real_catalog, question, windows):
    assert interpret(real_catalog, question).windows.id == windows


def test_a_runtime_named_twice_is_one_runtime_and_its_version_is_kept(real_catalog):
    interpretation = interpret(real_catalog, "nodes have containerd 1.5.13 and 1.26 - will that containerd work?")
    assert interpretation.runtime == "containerd 1.5.13"


@pytest.mark.parametrize(
    "question,supported",
    [
        ("is 1.27 still maintained", False),
        ("when is 1.31 end of life", None),
        ("docker on 1.25?", False),
        ("docker on 1.22?", True),
    ],
)
def test_yes_no_is_set_only_for_yes_no_questions(real_catalog, question, supported):
    answer = ask(real_catalog, question, TODAY)
    assert answer.supported is supported is yes_no(answer.answer)
