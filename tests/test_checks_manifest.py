"""Manifest check: every finding kind, by version, from the fixture dataset's field paths."""

import json
import re

import pytest

from kb.checks.documents import (
    JSON_FAST_PATH_CHARS,
    MAX_DOCUMENTS,
    MAX_INPUT_BYTES,
    MAX_YAML_VALUES,
    read_documents,
    read_json_value,
)
from kb.checks.images import NodeHost
from kb.checks.manifest import check_manifests
from kb.errors import InputTooLarge, InvalidInput, UnknownVersion
from tests.conftest import MANIFESTS


def check(catalog, name, kubernetes="1.29", **options):
    path = MANIFESTS / name
    return check_manifests(catalog, read_documents(path.read_text(), name), kubernetes, **options)


def codes(report):
    return sorted((f.code, f.path) for f in report.findings)


def test_deployment_findings_point_at_paths_and_lines(checks_catalog):
    report = check(checks_catalog, "deployment-iis.yaml")
    assert codes(report) == [
        ("field-ignored", "spec.template.spec.containers[0].resources.limits.hugepages-2Mi"),
        ("field-ignored", "spec.template.spec.dnsPolicy"),
        ("field-ignored", "spec.template.spec.volumes[0].emptyDir.medium"),
        ("field-rejected", "spec.template.spec.containers[0].securityContext.runAsGroup"),
        ("field-rejected", "spec.template.spec.securityContext.runAsUser"),
    ]
    run_as_user = next(f for f in report.findings if f.path.endswith("securityContext.runAsUser"))
    assert run_as_user.severity == "error"
    assert run_as_user.line == 21
    assert run_as_user.document.kind == "Deployment" and run_as_user.document.name == "iis"
    assert run_as_user.feature.id == "run-as-user-run-as-group"
    assert run_as_user.action == "Use securityContext.windowsOptions.runAsUserName instead."
    assert run_as_user.sources
    assert not report.ok
    assert report.findings[0].severity == "error"  # errors first


@pytest.mark.parametrize(
    "kubernetes,severity,code",
    [
        ("1.23", "warning", "field-unsupported"),  # Pod OS field alpha, off by default: nothing enforces it
        ("1.24", "error", "field-rejected"),  # beta, on by default
        ("1.34", "error", "field-rejected"),
    ],
)
def test_rejection_follows_the_pod_os_field_history(checks_catalog, kubernetes, severity, code):
    report = check(checks_catalog, "pod-runasuser.yaml", kubernetes)
    found = {(f.severity, f.code) for f in report.findings if f.path == "spec.securityContext.runAsUser"}
    assert found == {(severity, code)}


def test_without_os_name_a_rejected_field_is_still_an_error_and_the_missing_field_is_flagged(checks_catalog):
    report = check(checks_catalog, "statefulset-selector-only.yaml")
    assert [(f.severity, f.code, f.path) for f in report.findings] == [
        ("error", "field-rejected", "spec.template.spec.containers[0].securityContext.privileged"),
        ("warning", "os-name-missing", "spec.template.spec"),
    ]
    assert not report.ok


@pytest.mark.parametrize(
    "kubernetes,rejected",
    [
        ("1.23", ("warning", "field-unsupported")),  # nothing in Kubernetes refuses them yet
        ("1.24", ("error", "field-rejected")),
        ("1.34", ("error", "field-rejected")),
    ],
)
def test_fields_that_fail_a_windows_pod_are_errors_and_ignored_ones_warnings_without_os_name(
    checks_catalog, kubernetes, rejected
):
    report = check(checks_catalog, "deployment-linux-fields-no-os-name.yaml", kubernetes)
    severity = {f.path.removeprefix("spec.template.spec."): (f.severity, f.code) for f in report.findings}
    assert severity["securityContext.runAsUser"] == rejected
    assert severity["containers[0].securityContext.privileged"] == rejected
    assert severity["hostNetwork"] == ("warning", "field-ignored")
    assert severity["dnsPolicy"] == ("warning", "field-ignored")
    assert report.ok == (rejected[0] != "error")


def test_a_rejected_field_without_os_name_says_why_it_is_an_error(checks_catalog):
    report = check(checks_catalog, "deployment-linux-fields-no-os-name.yaml", "1.29")
    privileged = next(f for f in report.findings if f.path.endswith("securityContext.privileged"))
    assert "spec.os.name" in privileged.message and "API server" in privileged.message
    assert "rejects this field for Windows pods on Kubernetes" not in privileged.message  # no spec.os.name here
    assert privileged.action == "Use a HostProcess container for node-level work."


@pytest.mark.parametrize(
    "kubernetes,expected",
    [
        ("1.25", ("warning", "field-ignored")),  # not supported
        ("1.26", ("warning", "field-gated")),  # alpha, off by default
        ("1.33", ("warning", "field-ignored")),  # removed again
    ],
)
def test_host_network_by_version_and_gate(checks_catalog, kubernetes, expected):
    report = check(checks_catalog, "list-mixed.json", kubernetes)
    found = [(f.severity, f.code) for f in report.findings if f.path == "items[0].spec.template.spec.hostNetwork"]
    assert found == [expected]


@pytest.mark.parametrize("kubernetes,found", [("1.28", ["field-unavailable"]), ("1.29", [])])
def test_supported_field_before_its_feature_is_available(checks_catalog, kubernetes, found):
    report = check(checks_catalog, "pod-sidecar.yaml", kubernetes)
    assert [f.code for f in report.findings] == found
    if found:
        assert report.findings[0].action == "Needs Kubernetes 1.29 or newer."


def test_jobs_and_cronjobs_use_their_pod_template_paths(checks_catalog):
    report = check(checks_catalog, "jobs.yaml")
    assert codes(report) == [
        ("field-different", "spec.template.spec.containers[0].terminationMessagePath"),
        ("field-different", "spec.template.spec.containers[0].volumeDevices"),
        ("field-ignored", "spec.jobTemplate.spec.template.spec.initContainers[0].resources.limits.hugepages-2Mi"),
        ("field-ignored", "spec.jobTemplate.spec.template.spec.initContainers[0].resources.requests.hugepages-2Mi"),
        ("field-ignored", "spec.jobTemplate.spec.template.spec.volumes[0].emptyDir.medium"),
        ("field-ignored", "spec.template.spec.dnsPolicy"),
    ]
    severity = {f.path.rsplit(".", 1)[-1]: f.severity for f in report.findings if f.code == "field-different"}
    assert severity == {"terminationMessagePath": "info", "volumeDevices": "warning"}  # usable with limits vs not
    assert {f.document.kind for f in report.findings} == {"Job", "CronJob"}
    assert {f.document.index for f in report.findings} == {0, 1}


def test_hostprocess_pods_must_be_all_hostprocess_and_use_the_host_network(checks_catalog):
    report = check(checks_catalog, "daemonset-hostprocess.yaml")
    assert codes(report) == [
        ("hostprocess-mixed", "spec.template.spec.containers[1].securityContext.windowsOptions.hostProcess"),
        ("hostprocess-needs-host-network", "spec.template.spec.hostNetwork"),
    ]
    assert all(f.severity == "error" for f in report.findings)


def test_a_correct_hostprocess_pod_may_use_the_host_network(checks_catalog):
    assert check(checks_catalog, "daemonset-hostprocess-ok.yaml").findings == []


def test_os_conflict_is_an_error(checks_catalog):
    assert codes(check(checks_catalog, "pod-os-conflict.yaml")) == [("os-conflict", "spec.os.name")]


def test_linux_pods_are_skipped_unless_forced(checks_catalog):
    report = check(checks_catalog, "linux-only.yaml")
    assert report.findings == [] and not report.workloads[0].windows
    forced = check(checks_catalog, "linux-only.yaml", force_os="windows")
    assert forced.workloads[0].targeted_by == "--os windows"
    assert {(f.severity, f.code) for f in forced.findings} == {
        ("error", "field-rejected"),
        ("warning", "os-name-missing"),
    }


def test_lists_skip_objects_without_pod_templates(checks_catalog):
    report = check(checks_catalog, "list-mixed.json")
    assert [(w.document.kind, w.windows) for w in report.workloads] == [("ReplicaSet", True), ("Pod", False)]
    assert report.skipped == ["list-mixed.json document 0: ConfigMap holds no pod template"]


def hosts(catalog, *ids):
    return [NodeHost(f"node-{i}", catalog.windows[i]) for i in ids]


@pytest.mark.parametrize(
    "name,windows,expected",
    [
        ("pod-runasuser.yaml", ["ltsc2019"], []),
        ("pod-runasuser.yaml", ["ltsc2022"], [("error", "image-incompatible")]),  # 2019 image on a 2022 host
        ("pod-runasuser.yaml", ["ltsc2019", "ltsc2022"], [("warning", "image-incompatible-some-nodes")]),
        ("pod-runasuser.yaml", ["ltsc2025"], [("error", "image-incompatible")]),
        ("daemonset-hostprocess-ok.yaml", ["ltsc2022"], [("info", "image-os-unknown")]),
        ("pod-runasuser.yaml", ["ac23h2"], [("error", "image-incompatible")]),  # no record: builds differ
        ("statefulset-selector-only.yaml", ["ltsc2022"], [("error", "no-matching-nodes")]),  # pinned to 17763
        ("statefulset-selector-only.yaml", ["ltsc2019", "ltsc2022"], []),
    ],
)
def test_images_against_node_builds(checks_catalog, name, windows, expected):
    report = check(checks_catalog, name, hosts=hosts(checks_catalog, *windows))
    image_codes = {
        "image-incompatible",
        "image-incompatible-some-nodes",
        "image-os-unknown",
        "image-compat-unknown",
        "no-matching-nodes",
    }
    assert [(f.severity, f.code) for f in report.findings if f.code in image_codes] == expected


@pytest.mark.parametrize(
    "name,message",
    [
        ("bad-not-yaml.yaml", "not valid JSON or YAML"),
        ("bad-no-workloads.yaml", "No workload in the input (found ConfigMap, Service)"),
        ("bad-no-kind.yaml", "not a Kubernetes object"),
        ("bad-no-pod-spec.yaml", "no pod spec at spec.template.spec"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(checks_catalog, name, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        check(checks_catalog, name)


@pytest.mark.parametrize("text", ["", "   \n", "---\n---\n"])
def test_empty_input_is_refused(text):
    with pytest.raises(InvalidInput, match=r"empty|no documents"):
        read_documents(text)


def test_huge_input_is_refused_before_parsing():
    with pytest.raises(InputTooLarge):
        read_documents("a: b\n" * (MAX_INPUT_BYTES // 5 + 1))


def test_unknown_kubernetes_version_is_not_guessed(checks_catalog):
    with pytest.raises(UnknownVersion):
        check(checks_catalog, "pod-runasuser.yaml", "1.99")


def test_only_windows_can_be_forced(checks_catalog):
    with pytest.raises(InvalidInput):
        check(checks_catalog, "pod-runasuser.yaml", force_os="linux")


def test_alias_bombs_are_refused():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    with pytest.raises(InputTooLarge, match="YAML aliases"):
        read_documents("\n".join(levels) + "\n")


def test_shared_aliases_within_limits_are_read():
    text = "base: &base {cpu: 1}\nkind: Pod\nspec: {containers: [{resources: {limits: *base}}, {resources: {limits: *base}}]}\n"
    assert read_documents(text)[0].content["spec"]["containers"][1]["resources"]["limits"] == {"cpu": 1}


def test_large_json_is_read_without_line_numbers_and_small_with():
    small = read_documents(json.dumps({"kind": "Pod", "spec": {"containers": []}}))
    large = read_documents(json.dumps({"kind": "List", "items": [{"kind": "Pod", "spec": {"x": "y" * 100}}] * 3000}))
    assert small[0].line == 1 and large[0].line is None
    assert len(large[0].content["items"]) == 3000


@pytest.mark.parametrize("kubernetes,found", [("1.29", []), ("1.30", ["field-rejected"])])
def test_fields_are_judged_only_from_the_minor_that_added_them(checks_catalog, kubernetes, found):
    assert [f.code for f in check(checks_catalog, "pod-apparmor.yaml", kubernetes).findings] == found


@pytest.mark.parametrize(
    "kubernetes,kept",
    [
        ("1.29", ("dns-limitations", "field-ignored")),  # both warnings: the first feature's
        ("1.33", ("dns-limitations", "field-ignored")),
    ],
)
def test_a_field_two_features_name_is_reported_once(checks_catalog, kubernetes, kept):
    report = check(checks_catalog, "jobs.yaml", kubernetes)
    found = [(f.feature.id, f.code) for f in report.findings if f.path == "spec.template.spec.dnsPolicy"]
    assert found == [kept]


@pytest.mark.parametrize("text", ["a: &a [*a]", "a: &a {x: *a}", "kind: Pod\nspec: &s {containers: [*s]}\n"])
def test_a_self_referring_alias_is_refused_at_once(within_two_seconds, text):
    with pytest.raises(InvalidInput, match="refers to the value that holds it"):
        read_documents(text)


def test_yaml_beyond_the_value_bound_is_refused_before_it_is_built():
    text = "".join(f"k{i}: 1\n" for i in range(MAX_YAML_VALUES // 2 + 1))
    with pytest.raises(InputTooLarge, match=f"more than {MAX_YAML_VALUES} YAML values"):
        read_documents(text)


def test_json_beyond_the_yaml_value_bound_is_read_as_json():
    text = json.dumps({"kind": "List", "items": [0] * MAX_YAML_VALUES}, separators=(",", ":"))
    assert len(text) < JSON_FAST_PATH_CHARS and len(read_documents(text)[0].content["items"]) == MAX_YAML_VALUES


@pytest.mark.parametrize(
    "read",
    [lambda n: read_documents("---\n".join(["kind: Pod\n"] * n)), lambda n: read_json_value([{"kind": "Pod"}] * n)],
)
def test_more_documents_than_the_bound_are_refused(read):
    with pytest.raises(InputTooLarge, match=f"more than {MAX_DOCUMENTS} documents"):
        read(MAX_DOCUMENTS + 1)


def test_objects_in_a_list_need_a_kind(checks_catalog):
    documents = read_documents(json.dumps({"kind": "List", "items": [{"kind": "ConfigMap"}, 5]}))
    with pytest.raises(InvalidInput, match=r"items\[1\] is not a Kubernetes object"):
        check_manifests(checks_catalog, documents)


def test_more_workloads_than_the_bound_are_refused(checks_catalog):
    from kb.checks.workloads import MAX_WORKLOADS

    pods = [{"kind": "Pod", "spec": {"containers": []}}] * (MAX_WORKLOADS + 1)
    with pytest.raises(InputTooLarge, match=f"more than {MAX_WORKLOADS} workloads"):
        check_manifests(checks_catalog, read_json_value({"kind": "List", "items": pods}))


def test_a_pod_whose_fields_take_too_long_to_match_is_refused(checks_catalog):
    pod = {"kind": "Pod", "spec": {"os": {"name": "windows"}, "containers": [{"name": "c"}] * 100_000}}
    with pytest.raises(InputTooLarge, match="more containers, volumes and ports than one check reads"):
        check_manifests(checks_catalog, read_json_value([pod]))
