/* The site's behaviour: the lookup box, the compare and upgrade pages, the feature grid's filter and cell
   details. Answers are the engine's, read from the static export (api/v1/...) or, for the upgrade check,
   from the API next to the site; this file only shows them and keeps each question in the address.
   Runs on every page load, instant navigation included. No inline script: the pages carry data only. */
(function () {
  "use strict";

  /* Every word this file shows, in one table per language (the page's <html lang> chooses; English
     otherwise). The sentences of an answer are not here: they are the engine's, in the page's language,
     from the static export and the lookup data (kb.i18n words them). */
  var TEXTS = {};
  TEXTS.en = {
    supported: "supported", notSupported: "not supported",
    subject: function (name, minor, windows) {
      return name + " on Kubernetes " + minor + (windows ? " with " + windows : "");
    },
    statusSince: "Status since", firstUsable: "first usable", ga: "GA", never: "never usable",
    inferred: "inferred, not read in a source",
    provisional: function (minor) {
      return "Kubernetes " + minor + " is provisional: the data has no release date for it yet, so its facts may change.";
    },
    noFeature: function (text) { return "No feature called \u201c" + text + "\u201d."; },
    didYouMean: function (names) { return " Did you mean: " + names.join(", ") + "?"; },
    sources: "Sources", json: "JSON",
    history: function (name) { return "full history of " + name; },
    requirements: "Requirements", unknownVersion: function (v) { return "Kubernetes " + v + " is not in the data."; },
    unknownWindows: function (w) { return "No Windows Server release called \u201c" + w + "\u201d."; },
    loadFailed: "The data could not be loaded: ",
    sameMinor: "Pick two different minors.",
    swapped: function (a, b) { return "'from' (" + a + ") is newer than 'to' (" + b + "); swap them."; },
    changes: function (n, a, b) { return n + " change" + (n === 1 ? "" : "s") + " for Windows nodes from Kubernetes " + a + " to " + b + "."; },
    noChanges: function (a, b) { return "Nothing changed for Windows nodes from Kubernetes " + a + " to " + b + "."; },
    nodeOs: function (name, a, okA, b, okB) {
      function said(ok) { return ok ? "a supported node OS" : "not listed as a node OS"; }
      return okA === okB ? name + " is " + said(okA) + " on both " + a + " and " + b + "."
        : name + " is " + said(okA) + " on " + a + " and " + said(okB) + " on " + b + ".";
    },
    concerns: function (name) { return "Changes that concern " + name; },
    inMinor: function (minor) { return "In Kubernetes " + minor; },
    columns: ["Change", "Subject", "What", "What to do", "Sources"],
    checkUpgrade: "Check this upgrade for your nodes' runtime too",
    needsApi: "The upgrade check asks the API, which is not served next to this site. Run the same check with: ",
    severity: {error: "blocker", warning: "warning", info: "info"},
    yes: "yes", no: "no", unknown: "not given",
    step: function (minor, w, r) { return "Kubernetes " + minor + " (Windows supported: " + w + ", runtime supported: " + r + ")"; },
    planOk: function (c) { return "No blocker: " + c; },
    planBlocked: function (c) { return "Blocked: " + c; },
    counts: function (c) {
      return (c.error || 0) + " blocker" + (c.error === 1 ? "" : "s") + ", " + (c.warning || 0) + " warning" +
        (c.warning === 1 ? "" : "s") + ", " + (c.info || 0) + " for information";
    },
    todo: "Do: "
  };
  TEXTS.zh = {
    supported: "支持", notSupported: "不支持",
    subject: function (name, minor, windows) {
      return name + " 在 Kubernetes " + minor + " 上" + (windows ? "（" + windows + "）" : "");
    },
    statusSince: "状态始于", firstUsable: "首次可用", ga: "GA", never: "从未可用",
    inferred: "推断所得，并非直接读自来源",
    provisional: function (minor) {
      return "Kubernetes " + minor + " 是暂定版本：数据中还没有它的发布日期，其内容可能变化。";
    },
    noFeature: function (text) { return "没有名为\u201c" + text + "\u201d的特性。"; },
    didYouMean: function (names) { return "你是否想找：" + names.join("、") + "？"; },
    sources: "来源", json: "JSON",
    history: function (name) { return name + " 的完整历史"; },
    requirements: "要求", unknownVersion: function (v) { return "数据中没有 Kubernetes " + v + "。"; },
    unknownWindows: function (w) { return "没有名为\u201c" + w + "\u201d的 Windows Server 版本。"; },
    loadFailed: "无法加载数据：",
    sameMinor: "请选择两个不同的次要版本。",
    swapped: function (a, b) { return "\u201c从\u201d（" + a + "）比\u201c到\u201d（" + b + "）更新；请对调两者。"; },
    changes: function (n, a, b) { return "从 Kubernetes " + a + " 到 " + b + "，Windows 节点共有 " + n + " 项变化。"; },
    noChanges: function (a, b) { return "从 Kubernetes " + a + " 到 " + b + "，Windows 节点没有变化。"; },
    nodeOs: function (name, a, okA, b, okB) {
      function said(ok) { return ok ? "是受支持的节点操作系统" : "未被列为节点操作系统"; }
      return okA === okB ? name + " 在 " + a + " 和 " + b + " 上都" + said(okA) + "。"
        : name + " 在 " + a + " 上" + said(okA) + "，在 " + b + " 上" + said(okB) + "。";
    },
    concerns: function (name) { return "与 " + name + " 有关的变化"; },
    inMinor: function (minor) { return "Kubernetes " + minor + " 中"; },
    columns: ["变化", "对象", "内容", "应对措施", "来源"],
    checkUpgrade: "再针对节点的运行时检查这次升级",
    needsApi: "升级检查要询问 API，而本站旁边没有提供 API。可以用以下命令运行同样的检查：",
    severity: {error: "阻碍", warning: "警告", info: "信息"},
    yes: "是", no: "否", unknown: "未指定",
    step: function (minor, w, r) { return "Kubernetes " + minor + "（Windows 受支持：" + w + "，运行时受支持：" + r + "）"; },
    planOk: function (c) { return "没有阻碍：" + c; },
    planBlocked: function (c) { return "有阻碍：" + c; },
    counts: function (c) {
      return (c.error || 0) + " 个阻碍，" + (c.warning || 0) + " 个警告，" + (c.info || 0) + " 条信息";
    },
    todo: "措施："
  };
  var LANG = (document.documentElement.lang || "en").split("-")[0];
  var TEXT = TEXTS[LANG] || TEXTS.en;
  var MARKS = {"not-supported": "\u2716", alpha: "\u03b1", beta: "\u03b2", stable: "\u2714",
               deprecated: "\u26a0", removed: "\u2298"};

  function $(id) { return document.getElementById(id); }
  /* A name as the lookup data keys it (kb.pages.home.lookup_key): lower case, letters, digits and Chinese. */
  function norm(text) { return String(text).toLowerCase().replace(/[^a-z0-9\u3400-\u9fff\uf900-\ufaff]/g, ""); }
  /* An engine sentence of the lookup data with its {slots} filled. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (slot, name) { return values[name]; });
  }
  function buildNumber(build) { return parseInt(String(build).split(".").pop(), 10); }
  function minorKey(text) { var p = String(text).split("."); return parseInt(p[0], 10) * 1000 + parseInt(p[1], 10); }
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  var cache = {};
  function getJSON(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(url + " answered " + r.status); }
        return r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }
  function chip(status, label, inferred) {
    return '<span class="kb-chip kb-' + status + (inferred ? " kb-inferred" : "") + '">' + MARKS[status] + " " +
      esc(label) + (inferred ? '<abbr class="kb-mark" title="' + TEXT.inferred + '">?</abbr>' : "") + "</span>";
  }
  function sourceLinks(urls) {
    return urls.map(function (s, i) { return '<a href="' + esc(s) + '">' + (i + 1) + "</a>"; }).join(" ");
  }
  function errorBox(out, message) { out.innerHTML = '<p class="kb-error">' + esc(message) + "</p>"; }

  /* The question in the address: the form's fields under the API's parameter names. */
  function asked() { return new URLSearchParams(window.location.search); }
  function questionOf(form, names) {
    var params = new URLSearchParams();
    names.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) { params.set(name, value); }
    });
    return params;
  }
  function remember(params) {
    var search = "?" + params.toString();
    if (search !== window.location.search) {
      window.history.pushState({kb: search}, "", search + window.location.hash);
    }
  }
  function setSelect(select, value) {
    if (!value) { return true; }
    var found = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
    if (found) { select.value = value; }
    return found;
  }
  /* A Kubernetes version as the API reads the common forms: 1.22, v1.22.3, 1.22.0-rc.1, latest. */
  function minorOf(text, select) {
    if (!text) { return select.value; }
    if (text.toLowerCase() === "latest") { return select.querySelector("option[selected]").value; }
    var match = /^v?(\d+)\.(\d+)/.exec(text.trim());
    return match ? match[1] + "." + match[2] : text;
  }
  var onPop = null;
  window.addEventListener("popstate", function () { if (onPop) { onPop(); } });

  /* ---- The lookup box ---- */
  function setupSuggestions(input, names, list) {
    var active = -1;
    function hide() { list.hidden = true; list.innerHTML = ""; active = -1; input.setAttribute("aria-expanded", "false"); }
    function choose(option) { input.value = option.dataset.name; hide(); input.focus(); }
    input.addEventListener("input", function () {
      var typed = norm(input.value);
      if (typed.length < 2) { hide(); return; }
      var seen = {}, first = [], later = [];
      names.forEach(function (pair) {
        var key = norm(pair[0]), at = key.indexOf(typed);
        if (at < 0 || seen[pair[1]]) { return; }
        seen[pair[1]] = true;
        (at === 0 ? first : later).push(pair);
      });
      var shown = first.concat(later).slice(0, 8);
      if (!shown.length) { hide(); return; }
      var byId = {};
      names.forEach(function (pair) { if (!byId[pair[1]]) { byId[pair[1]] = pair[0]; } });
      list.innerHTML = shown.map(function (pair, i) {
        var name = byId[pair[1]];
        var text = pair[0] === name ? esc(name) : esc(pair[0]) + ' <small>\u2192 ' + esc(name) + "</small>";
        return '<span role="option" class="kb-suggestion" id="kb-suggestion-' + i + '" data-name="' + esc(name) +
          '" tabindex="-1">' + text + "</span>";
      }).join("");
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    });
    input.addEventListener("keydown", function (event) {
      var options = list.querySelectorAll("[role=option]");
      if (list.hidden || !options.length) { return; }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = (active + (event.key === "ArrowDown" ? 1 : options.length - 1)) % options.length;
        options.forEach(function (o, i) { o.setAttribute("aria-selected", String(i === active)); });
        input.setAttribute("aria-activedescendant", options[active].id);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === "Escape") {
        hide();
      }
    });
    list.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) { event.preventDefault(); choose(option); }
    });
    input.addEventListener("blur", function () { window.setTimeout(hide, 150); });
  }

  function setupLookup(form) {
    var api = new URL(form.dataset.api, document.baseURI).href;
    var root = new URL(form.dataset.root, document.baseURI).href;
    var out = $("kb-lookup-answer");
    var keys = {}, names = [], minimums = {}, words = {};
    var releases = getJSON(api + "kubernetes.json");
    var ready = Promise.all([getJSON(new URL(form.dataset.lookup, document.baseURI).href), releases]).then(function (data) {
      keys = data[0].keys; names = data[0].names; minimums = data[0].minimums; words = data[0].words;
      setupSuggestions(form.elements.feature, names, $("kb-lookup-suggestions"));
    });

    function answer() {
      var text = form.elements.feature.value.trim();
      var id = keys[norm(text)];
      if (!id) {
        var typed = norm(text), ids = {};
        names.forEach(function (pair) { if (typed && norm(pair[0]).indexOf(typed) >= 0) { ids[pair[1]] = true; } });
        var close = Object.keys(ids).slice(0, 5);
        errorBox(out, TEXT.noFeature(text) + (close.length ? TEXT.didYouMean(close) : ""));
        return Promise.resolve();
      }
      var minor = form.elements.kubernetes.value;
      var select = form.elements.windows;
      var windows = select.value ? select.options[select.selectedIndex] : null;
      return Promise.all([getJSON(api + "support/" + encodeURIComponent(id) + "/" + minor + ".json"), releases])
        .then(function (data) { show(data[0], data[1], windows); });
    }

    function show(support, all, windows) {
      var release = all.find(function (r) { return r.version === support.kubernetes; });
      var supported = support.supported;
      var notes = support.notes.slice();
      var name = windows ? windows.text.replace(/ \(.*\)$/, "") : null;
      var subject = TEXT.subject("<strong>" + esc(support.feature.name) + "</strong>", esc(support.kubernetes), name && esc(name));
      if (windows) {
        // The engine's two node checks, on its own answers: the release is listed for the minor
        // (kubernetes.json) and its build reaches the minimum the step requires (the page's data).
        // An empty list means the data has no list for that minor: nothing is ruled out then.
        if (release.windows.length && !release.windows.some(function (w) { return w.id === windows.value; })) {
          supported = false;
          var listed = release.windows.map(function (w) { return w.name; }).join(words.or);
          notes.unshift(fill(words.notListed, {windows: name, minor: support.kubernetes, names: listed}));
        }
        var minimum = (minimums[support.feature.id] || {})[support.kubernetes];
        if (minimum && buildNumber(windows.dataset.build) < buildNumber(minimum.build)) {
          supported = false;
          notes.push(fill(words.requires, {requirement: minimum.text, have: name}));
        }
      }
      var dates = [TEXT.statusSince + " " + (support.since || "\u2013")];
      dates.push(support.first_usable ? TEXT.firstUsable + " " + support.first_usable : TEXT.never);
      if (support.ga) { dates.push(TEXT.ga + " " + support.ga); }
      var requirements = support.requirements.map(function (r) { return esc(r.text); });
      var page = root + "features/" + encodeURIComponent(support.feature.id) + "/";
      var json = new URL("support/" + support.feature.id + "/" + support.kubernetes + ".json", api).href;
      out.innerHTML =
        '<p class="kb-answer-line">' + subject + words.colon +
        chip(support.status, words.statuses[support.status], support.confidence === "inferred") +
        ' \u2014 <strong class="kb-verdict">' + (supported ? TEXT.supported : TEXT.notSupported) + "</strong></p>" +
        '<p class="kb-dates">' + esc(dates.join(" \u00b7 ")) + "</p>" +
        (support.confidence === "inferred" ? '<p class="kb-inferred-note"><abbr class="kb-mark">?</abbr> ' + esc(TEXT.inferred) + "</p>" : "") +
        (requirements.length ? "<p>" + TEXT.requirements + words.colon + requirements.join(esc(words.clauses)) + "</p>" : "") +
        "<ul>" + notes.map(function (n) { return "<li>" + esc(n) + "</li>"; }).join("") + "</ul>" +
        "<p>" + TEXT.sources + words.colon + sourceLinks(support.sources.slice(0, 3)) + ' \u00b7 <a href="' + esc(page) + '">' +
        esc(TEXT.history(support.feature.name)) + '</a> \u00b7 <a href="' + esc(json) + '">' + TEXT.json + "</a></p>";
    }

    function fromAddress() {
      var params = asked();
      var feature = params.get("feature");
      if (!feature) { out.innerHTML = ""; return; }
      form.elements.feature.value = feature;
      var minor = minorOf(params.get("kubernetes"), form.elements.kubernetes);
      if (!setSelect(form.elements.kubernetes, minor)) { errorBox(out, TEXT.unknownVersion(minor)); return; }
      if (!setSelect(form.elements.windows, params.get("windows") || "")) {
        errorBox(out, TEXT.unknownWindows(params.get("windows")));
        return;
      }
      answer().catch(function (error) { errorBox(out, error.message); });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      remember(questionOf(form, ["feature", "kubernetes", "windows"]));
      ready.then(answer).catch(function (error) { errorBox(out, error.message); });
    });
    onPop = fromAddress;
    ready.then(function () { fromAddress(); form.classList.add("kb-ready"); }, function (error) {
      errorBox(out, TEXT.loadFailed + error.message);
    });
  }

  /* ---- Compare two releases: /v1/diff, strung together from each minor's changes ---- */
  function changeRows(changes, labels, root) {
    return changes.map(function (c) {
      var s = c.subject, pages = {feature: "features/", windows: "windows/", kubernetes: "kubernetes/"};
      var subject = pages[s.type] ? '<a href="' + esc(root + pages[s.type] + encodeURIComponent(s.id) + "/") + '">' +
        esc(s.name) + "</a>" : esc(s.name);
      var cells = [esc(labels[c.kind] || c.kind), subject, esc(c.text), esc(c.action || "\u2013"), sourceLinks(c.sources)];
      return "<tr>" + cells.map(function (v, i) {
        return '<td data-label="' + TEXT.columns[i] + '">' + v + "</td>";
      }).join("") + "</tr>";
    }).join("");
  }
  function changeTable(changes, labels, root, kind) {
    return '<div class="kb-stack kb-changes ' + kind + '"><table><thead><tr>' +
      TEXT.columns.map(function (c) { return "<th>" + c + "</th>"; }).join("") + "</tr></thead><tbody>" +
      changeRows(changes, labels, root) + "</tbody></table></div>";
  }
  function labelsOf(form) {
    var labels = {};
    form.dataset.labels.split(";").forEach(function (pair) { var kv = pair.split("="); labels[kv[0]] = kv[1]; });
    return labels;
  }

  function setupCompare(form) {
    var api = new URL(form.dataset.api, document.baseURI).href;
    var root = new URL(form.dataset.root, document.baseURI).href;
    var out = $("kb-compare-answer");
    var labels = labelsOf(form);
    var releases = getJSON(api + "kubernetes.json");

    function compare() {
      var from = form.elements.from.value, to = form.elements.to.value;
      var select = form.elements.windows;
      var windows = select.value ? {id: select.value, name: select.options[select.selectedIndex].text.replace(/ \(.*\)$/, "")} : null;
      if (from === to) { errorBox(out, TEXT.sameMinor); return Promise.resolve(); }
      if (minorKey(from) > minorKey(to)) { errorBox(out, TEXT.swapped(from, to)); return Promise.resolve(); }
      return releases.then(function (all) {
        var inRange = all.filter(function (r) { return minorKey(r.version) > minorKey(from) && minorKey(r.version) <= minorKey(to); })
          .sort(function (a, b) { return minorKey(a.version) - minorKey(b.version); });
        var changes = [];
        inRange.forEach(function (r) { changes = changes.concat(r.changes); });
        var html = '<p class="kb-answer-line">' + esc(changes.length ? TEXT.changes(changes.length, from, to) : TEXT.noChanges(from, to)) + "</p>";
        var last = all.find(function (r) { return r.version === to; });
        if (last.provisional) { html += '<p class="kb-provisional-note">' + esc(TEXT.provisional(to)) + "</p>"; }
        if (windows) {
          var first = all.find(function (r) { return r.version === from; });
          var listed = function (r) { return r.windows.some(function (w) { return w.id === windows.id; }); };
          html += '<p class="kb-node-os">' + esc(TEXT.nodeOs(windows.name, from, listed(first), to, listed(last))) + "</p>";
          var mine = changes.filter(function (c) { return c.subject.type === "windows" && c.subject.id === windows.id; });
          if (mine.length) { html += "<h3>" + esc(TEXT.concerns(windows.name)) + "</h3>" + changeTable(mine, labels, root, "kb-changes-concern"); }
        }
        inRange.forEach(function (r) {
          if (r.changes.length) { html += "<h3>" + esc(TEXT.inMinor(r.version)) + "</h3>" + changeTable(r.changes, labels, root, "kb-changes-minor"); }
        });
        var upgrade = new URLSearchParams({from: from, to: to});
        if (windows) { upgrade.set("windows", windows.id); }
        html += '<p><a href="' + esc(root + "upgrade/?" + upgrade) + '">' + TEXT.checkUpgrade + "</a></p>";
        out.innerHTML = html;
        fitTables();
      });
    }
    function fromAddress() {
      var params = asked();
      if (!params.get("from") && !params.get("to")) { out.innerHTML = ""; return; }
      var ok = ["from", "to"].every(function (name) {
        var minor = minorOf(params.get(name), form.elements[name]);
        if (!setSelect(form.elements[name], minor)) { errorBox(out, TEXT.unknownVersion(minor)); return false; }
        return true;
      });
      if (!ok) { return; }
      if (!setSelect(form.elements.windows, params.get("windows") || "")) { errorBox(out, TEXT.unknownWindows(params.get("windows"))); return; }
      compare().catch(function (error) { errorBox(out, error.message); });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      remember(questionOf(form, ["from", "to", "windows"]));
      compare().catch(function (error) { errorBox(out, error.message); });
    });
    onPop = fromAddress;
    releases.then(function () { fromAddress(); form.classList.add("kb-ready"); }, function (error) {
      errorBox(out, TEXT.loadFailed + error.message);
    });
  }

  /* ---- Upgrade check: /v1/upgrade, the plan `kb upgrade` prints, in the page's language ---- */
  function setupUpgrade(form) {
    var server = new URL(form.dataset.server || form.dataset.root, document.baseURI).href;
    var out = $("kb-upgrade-answer");
    var labels = labelsOf(form);
    var names = ["from", "to", "windows", "runtime"];

    function command(params) {
      return "kb " + (LANG === "en" ? "" : "--lang " + LANG + " ") + "upgrade --from " + params.get("from") + " --to " + params.get("to") +
        (params.get("windows") ? " --windows " + params.get("windows") : "") +
        (params.get("runtime") ? " --runtime '" + params.get("runtime") + "'" : "");
    }
    function yesNo(value) { return value === null ? TEXT.unknown : value ? TEXT.yes : TEXT.no; }
    function show(plan) {
      var counts = TEXT.counts(plan.counts);
      var html = '<p class="kb-answer-line"><strong class="kb-verdict">' + esc(plan.ok ? TEXT.planOk(counts) : TEXT.planBlocked(counts)) + "</strong></p>";
      plan.steps.forEach(function (step) {
        html += '<section class="kb-step"><h3>' + esc(TEXT.step(step.kubernetes, yesNo(step.windows_supported), yesNo(step.runtime_supported))) + "</h3><ul>";
        step.actions.forEach(function (a) {
          html += '<li class="kb-action kb-' + a.severity + '"><span class="kb-severity">' + esc(TEXT.severity[a.severity]) + "</span> " +
            esc(labels[a.kind] || a.kind) + ": " + esc(a.text) +
            (a.action ? '<br><span class="kb-do">' + esc(TEXT.todo + a.action) + "</span>" : "") +
            (a.sources.length ? " " + sourceLinks(a.sources) : "") + "</li>";
        });
        html += "</ul></section>";
      });
      out.innerHTML = html;
    }
    function check() {
      var params = questionOf(form, names);
      var url = new URL("v1/upgrade?" + params + (LANG === "en" ? "" : "&lang=" + LANG), server).href;
      return fetch(url, {headers: {Accept: "application/json"}}).then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
        if (!json) { throw new Error("no API"); }
        return response.json().then(function (body) {
          if (!response.ok) { errorBox(out, body.error ? body.error.message : response.status); return; }
          show(body);
        });
      }).catch(function () {
        out.innerHTML = '<p class="kb-error">' + esc(TEXT.needsApi) + "<code>" + esc(command(params)) + "</code></p>";
      });
    }
    function fromAddress() {
      var params = asked();
      if (!params.get("from") && !params.get("to")) { out.innerHTML = ""; return; }
      ["from", "to"].forEach(function (name) { setSelect(form.elements[name], minorOf(params.get(name), form.elements[name])); });
      setSelect(form.elements.windows, params.get("windows") || "");
      form.elements.runtime.value = params.get("runtime") || "";
      check();
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      remember(questionOf(form, names));
      check();
    });
    onPop = fromAddress;
    fromAddress();
    form.classList.add("kb-ready");
  }

  /* ---- The feature grid: category filter, and a cell's details on tap ---- */
  function setupFilter(select) {
    select.addEventListener("change", function () {
      document.querySelectorAll(".kb-grid tbody tr").forEach(function (row) {
        var marker = row.dataset.category ? row : row.querySelector("[data-category]");
        row.hidden = Boolean(select.value && marker && marker.dataset.category !== select.value);
      });
    });
  }

  var box = null;
  function closeDetails() { if (box) { box.remove(); box = null; } }
  document.addEventListener("click", function (event) { if (box && !box.contains(event.target)) { closeDetails(); } });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { closeDetails(); } });

  function setupCellDetails(grid) {
    grid.addEventListener("click", function (event) {
      var found = event.target.closest(".kb-chip[title]");
      if (!found) { return; }
      closeDetails();
      var cell = found.closest("td"), row = found.closest("tr"), table = found.closest("table");
      var heading = table.tHead.rows[0].cells[cell.cellIndex];
      var name = row.cells[0];
      var minor = (heading.querySelector("abbr") || heading).firstChild.textContent.trim();
      var lines = ["<p>" + TEXT.subject("<strong>" + esc(name.textContent.trim()) + "</strong>", esc(minor)) + "</p>",
                   "<p>" + esc(found.title) + "</p>"];
      var dates = [];
      if (row.dataset.first) { dates.push(TEXT.firstUsable + " " + row.dataset.first); }
      if (row.dataset.ga) { dates.push(TEXT.ga + " " + row.dataset.ga); }
      if (dates.length) { lines.push("<p>" + esc(dates.join(" \u00b7 ")) + "</p>"); }
      var link = name.querySelector("a");
      if (link) { lines.push('<p><a href="' + esc(link.href) + '">' + esc(TEXT.history(link.textContent)) + "</a></p>"); }
      box = document.createElement("div");
      box.className = "kb-popover";
      box.setAttribute("role", "dialog");
      box.innerHTML = lines.join("");
      document.body.appendChild(box);
      var place = found.getBoundingClientRect();
      var right = window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8;
      box.style.left = Math.max(window.scrollX + 8, Math.min(window.scrollX + place.left, right)) + "px";
      box.style.top = (window.scrollY + place.bottom + 4) + "px";
      event.stopPropagation();
    });
  }

  /* ---- Tables that do not fit: each row becomes a card labelled by the column names (the big grids
     scroll instead, with their first column in view) ---- */
  function overflows(node) { return node && node.scrollWidth > node.clientWidth + 1; }
  function fitTables() {
    document.querySelectorAll(".md-content table:not([class])").forEach(function (table) {
      if (table.closest(".kb-grid")) { return; }
      var headings = table.tHead ? Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); }) : [];
      Array.prototype.forEach.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (!cell.dataset.label && headings[i]) { cell.dataset.label = headings[i]; }
        });
      });
      delete table.dataset.kbStacked;
      var wrap = table.closest(".md-typeset__scrollwrap") || table.parentElement;
      if (overflows(table) || overflows(wrap)) { table.dataset.kbStacked = ""; }
    });
  }
  var resizing = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(fitTables, 150);
  });

  function init() {
    closeDetails();
    onPop = null;
    var forms = {"kb-lookup": setupLookup, "kb-compare": setupCompare, "kb-upgrade": setupUpgrade};
    Object.keys(forms).forEach(function (id) { if ($(id)) { forms[id]($(id)); } });
    var filter = $("kb-category-filter");
    if (filter) { setupFilter(filter); }
    document.querySelectorAll(".kb-grid").forEach(setupCellDetails);
    fitTables();
  }

  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
