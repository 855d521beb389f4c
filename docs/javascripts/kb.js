/* The site's two bits of behaviour: the quick lookup on the home page, read from the static API export,
   and the category filter of the feature grid. Runs on every page load, instant navigation included. */
(function () {
  "use strict";
  var LABELS = {"not-supported": "not supported", alpha: "alpha", beta: "beta", stable: "stable",
                deprecated: "deprecated", removed: "removed"};
  var ICONS = {"not-supported": "\u2716", alpha: "\u03b1", beta: "\u03b2", stable: "\u2714",
               deprecated: "\u26a0", removed: "\u2298"};

  function buildNumber(build) { return parseInt(build.split(".").pop(), 10); }
  function norm(text) { return text.toLowerCase().replace(/[^a-z0-9]/g, ""); }
  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  function getJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + " answered " + r.status); }
      return r.json();
    });
  }
  function option(value, label) {
    var o = document.createElement("option");
    o.value = value; o.textContent = label;
    return o;
  }
  function badge(status, partial) {
    return '<span class="kb-status kb-' + status + '">' + ICONS[status] + " " + LABELS[status] +
      (partial ? " (partial)" : "") + "</span>";
  }

  function setupLookup(form) {
    var api = new URL(form.dataset.api, document.baseURI).href;
    var out = document.getElementById("kb-lookup-answer");
    var keys = JSON.parse(document.getElementById("kb-feature-keys").textContent);
    var state = {features: [], releases: [], builds: {},
                 minimums: JSON.parse(document.getElementById("kb-windows-minimums").textContent)};
    var ready = Promise.all([getJSON(api + "features.json"), getJSON(api + "kubernetes.json")]).then(function (data) {
      state.features = data[0]; state.releases = data[1];
      var list = document.getElementById("kb-lookup-features");
      var kube = document.getElementById("kb-lookup-kubernetes");
      var win = document.getElementById("kb-lookup-windows");
      state.features.forEach(function (f) {
        list.appendChild(option(f.name, f.id));
        keys[norm(f.name)] = f.id; keys[norm(f.id)] = f.id;
        f.feature_gates.forEach(function (g) { keys[norm(g)] = f.id; });
      });
      state.releases.forEach(function (r) { kube.appendChild(option(r.version, "Kubernetes " + r.version)); });
      var seen = {}, windows = [];
      state.releases.forEach(function (r) {
        r.windows.forEach(function (w) { if (!seen[w.id]) { seen[w.id] = w; windows.push(w); } });
      });
      windows.sort(function (a, b) { return b.build.localeCompare(a.build) || a.name.localeCompare(b.name); });
      windows.forEach(function (w) {
        state.builds[w.id] = w.build;
        win.appendChild(option(w.id, w.name + " (" + w.build + ")"));
      });
      var asked = new URLSearchParams(window.location.search);
      if (asked.get("feature")) { form.feature.value = asked.get("feature"); }
      if (asked.get("kubernetes")) { kube.value = asked.get("kubernetes"); }
      if (asked.get("windows")) { win.value = asked.get("windows"); }
      form.classList.add("kb-ready");
      if (asked.get("feature")) { form.requestSubmit(); }
    }).catch(function (error) {
      out.innerHTML = '<p class="kb-error">The lookup data could not be loaded: ' + esc(error.message) + "</p>";
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      ready.then(function () { return answer(form, api, keys, state, out); }).catch(function (error) {
        out.innerHTML = '<p class="kb-error">' + esc(error.message) + "</p>";
      });
    });
  }

  function answer(form, api, keys, state, out) {
    var text = form.feature.value.trim();
    var id = keys[norm(text)];
    if (!id) {
      var words = norm(text);
      var close = state.features.filter(function (f) {
        return words && (norm(f.name).indexOf(words) >= 0 || norm(f.id).indexOf(words) >= 0);
      }).slice(0, 5);
      out.innerHTML = '<p class="kb-error">No feature called \u201c' + esc(text) + "\u201d." +
        (close.length ? " Did you mean: " + close.map(function (f) { return esc(f.name); }).join(", ") + "?" : "") +
        "</p>";
      return null;
    }
    var version = form.kubernetes.value;
    var windowsId = form.windows.value;
    return getJSON(api + "features/" + encodeURIComponent(id) + ".json").then(function (detail) {
      var entry = detail.timeline.find(function (e) { return e.kubernetes === version; });
      var step = detail.history.find(function (s) { return s.since === entry.since; });
      var release = state.releases.find(function (r) { return r.version === version; });
      var supported = entry.supported;
      var notes = [];
      var subject = "<strong>" + esc(detail.name) + "</strong> on Kubernetes " + esc(version);
      if (windowsId) {
        var listed = release.windows.find(function (w) { return w.id === windowsId; });
        var name = form.windows.options[form.windows.selectedIndex].text;
        subject += " with " + esc(name);
        if (!listed) {
          supported = false;
          notes.push(name + " is not a supported Windows node OS on Kubernetes " + version + ".");
        }
        // The same rule as kb.query.requirement_met: the release's build must reach the required one.
        var minimum = entry.since && (state.minimums[id] || {})[entry.since];
        if (minimum && buildNumber(state.builds[windowsId]) < buildNumber(minimum.build)) {
          supported = false;
          notes.push("Requires " + minimum.text + ": " + name + " does not meet it.");
        }
      }
      if (!entry.recorded) { notes.push("Nothing is recorded before Kubernetes " + detail.history[0].since + "."); }
      if (step && step.note) { notes.push(step.note); }
      if (entry.enabled_by_default === false && detail.feature_gates.length) {
        notes.push("Off by default: turn on the " + detail.feature_gates[0] + " feature gate.");
      }
      if (step && step.requirements.length) { notes.push("Requires: " + step.requirements.join("; ") + "."); }
      if (entry.since) { notes.push("This status since Kubernetes " + entry.since + "."); }
      var sources = (step ? step.sources : detail.sources).slice(0, 3);
      var page = new URL("features/" + encodeURIComponent(id) + "/", document.baseURI).href;
      out.innerHTML =
        '<p class="kb-answer-line">' + subject + ": " + badge(entry.status, entry.partial) + " \u2014 " +
        '<strong class="kb-verdict">' + (supported ? "supported" : "not supported") + "</strong></p>" +
        "<ul>" + notes.map(function (n) { return "<li>" + esc(n) + "</li>"; }).join("") + "</ul>" +
        "<p>Sources: " + sources.map(function (s, i) {
          return '<a href="' + esc(s) + '">' + (i + 1) + "</a>";
        }).join(" ") + ' \u00b7 <a href="' + esc(page) + '">full history of ' + esc(detail.name) + "</a></p>";
    });
  }

  function setupFilter(select) {
    select.addEventListener("change", function () {
      document.querySelectorAll(".kb-grid tbody tr").forEach(function (row) {
        var marker = row.querySelector("[data-category]");
        row.hidden = Boolean(select.value && marker && marker.dataset.category !== select.value);
      });
    });
  }

  function init() {
    var form = document.getElementById("kb-lookup");
    if (form) { setupLookup(form); }
    var filter = document.getElementById("kb-category-filter");
    if (filter) { setupFilter(filter); }
  }

  if (typeof document$ !== "undefined") { document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();
