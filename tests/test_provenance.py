"""Which sources the data may cite: official publishers, and GitHub files pinned to a commit."""

import pytest

from kb.provenance import source_problem

SHA = "99538990b1490f94a3125bd9aed6f39b91a55743"


@pytest.mark.parametrize(
    "url",
    [
        "https://kubernetes.io/docs/concepts/windows/intro/",
        "https://kubernetes.io/blog/2022/02/17/dockershim-faq/",
        "https://v1-22.docs.kubernetes.io/docs/setup/production-environment/windows/",
        "https://cluster-api.sigs.k8s.io/",
        "https://learn.microsoft.com/en-us/virtualization/windowscontainers/deploy-containers/version-compatibility",
        "https://support.microsoft.com/servicing/os/windows-server/2026/05/end-of-updates-statement",
        "https://endoflife.date/kubernetes",
        f"https://github.com/kubernetes/website/blob/{SHA}/content/en/docs/concepts/windows/intro.md",
        f"https://github.com/kubernetes/enhancements/tree/{SHA}/keps/sig-windows/1981-windows-privileged-container-support",
        f"https://github.com/kubernetes-sigs/sig-windows-tools/blob/{SHA}/README.md",
        f"https://github.com/kubernetes-csi/csi-proxy/blob/{SHA}/README.md",
        f"https://github.com/kubernetes-client/python/blob/{SHA}/README.md",
        f"https://github.com/MicrosoftDocs/Virtualization-Documentation/blob/{SHA}/virtualization/index.md",
        "https://github.com/microsoft/Windows-Containers/issues/1",
        f"https://github.com/Microsoft/hcsshim/blob/{SHA}/osversion/windowsbuilds.go",
        f"https://github.com/endoflife-date/endoflife.date/commit/{SHA}",
        f"https://github.com/containerd/containerd/blob/{SHA}/RELEASES.md",
        "https://github.com/moby/moby/issues/25982",
        "https://github.com/Mirantis/cri-dockerd",
        f"https://github.com/containernetworking/plugins/tree/{SHA}/plugins/main/windows",
        "https://github.com/kubernetes/website/pull/44401",
        "https://github.com/kubernetes/kubernetes/issues/99044",
        "https://github.com/kubernetes",
        "https://pkg.go.dev/github.com/Microsoft/hcsshim@v0.9.6/osversion",
        "https://pkg.go.dev/k8s.io/api@v0.30.0/core/v1",
    ],
)
def test_official_pinned_or_dated_sources_are_accepted(url):
    assert source_problem(url) is None


@pytest.mark.parametrize(
    "url,why",
    [
        (
            f"https://github.com/marosset/website/blob/{SHA}/content/en/docs/concepts/windows/intro.md",
            "marosset/website is not an official repository",
        ),
        ("https://medium.com/some-blog/windows-on-kubernetes", "medium.com is not an official publisher"),
        ("https://docs.example.org/kubernetes.io/", "docs.example.org is not an official publisher"),
        ("https://kubernetes.io.example.org/docs/", "kubernetes.io.example.org is not an official publisher"),
        (f"https://raw.githubusercontent.com/kubernetes/website/{SHA}/README.md", "raw.githubusercontent.com is not"),
        (
            "https://github.com/Mirantis/mcr-docs/blob/0000000000000000000000000000000000000000/x.md",
            "Mirantis/mcr-docs is not",
        ),
        ("https://github.com/someone", "someone is not an official publisher"),
        ("https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.24.md", "not 'master'"),
        ("https://github.com/kubernetes/website/blob/main/content/en/docs/concepts/windows/intro.md", "not 'main'"),
        (
            "https://github.com/kubernetes/enhancements/tree/master/keps/sig-windows",
            "/tree/ link must name a 40-hex commit",
        ),
        ("https://github.com/kubernetes/api/blob/v0.23.0/core/v1/types.go", "not 'v0.23.0'"),
        ("https://github.com/kubernetes/website/blob/release-1.26/content/en/docs/x.md", "not 'release-1.26'"),
        (
            "https://github.com/kubernetes/website/commits/main/content/en/docs/concepts/windows/intro.md",
            "/commits/ link",
        ),
        ("https://github.com/kubernetes/website/raw/main/README.md", "/raw/ link"),
        ("https://github.com/kubernetes/website/blob/9953899/README.md", "not '9953899'"),
        ("https://github.com/kubernetes/website/tree", "not the default branch"),
        ("https://pkg.go.dev/github.com/Microsoft/hcsshim/osversion", "must name a module version"),
        ("https://pkg.go.dev/github.com/someone/tool@v1.0.0", "official only for a module of an official repository"),
    ],
)
def test_unofficial_or_unpinned_sources_are_refused_with_why(url, why):
    problem = source_problem(url)
    assert problem is not None
    assert problem.startswith(url) and why in problem
