/* factcheck HTML report: builds the findings list and the document view from
 * the embedded findings JSON.
 *
 * Every string from the report is untrusted document text: it only ever
 * reaches the page through textContent / createTextNode / setAttribute, never
 * through innerHTML. The list renders in chunks and the evidence of a finding
 * (and the text of a document) is built the first time it is opened, so a
 * report with thousands of findings loads as fast as a small one.
 */
(function () {
  "use strict";

  var CHUNK = 200;
  var DEBOUNCE_MS = 150;
  var SEV_RANK = { error: 0, warning: 1, info: 2 };

  var data = JSON.parse(document.getElementById("data").textContent);
  var docs = arr(data.documents);
  var claims = arr(data.claims);
  var findings = arr(data.findings);
  var rulesByCode = {};
  arr(data.rules).forEach(function (r) { if (r && r.code) rulesByCode[r.code] = r; });

  function arr(x) { return Array.isArray(x) ? x : []; }
  function str(x) { return x === null || x === undefined ? "" : String(x); }
  function num(x) { return typeof x === "number" && isFinite(x) ? x : null; }

  // The same rule as html.ident()/anchor_id() on the server side.
  function ident(s) { return str(s).replace(/[^A-Za-z0-9_.-]/g, "_"); }
  function docAnchor(docId, line) {
    return "doc-" + ident(docId) + (line === undefined || line === null ? "" : "-L" + line);
  }

  // Hidden characters (bidi overrides, controls, line separators) are shown
  // as escapes, like factcheck.report.sanitize.terminal_safe does.
  var HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]/gu; // with /u, only lone surrogates match
  function visible(s) {
    return str(s).replace(HIDDEN, function (c) {
      var code = c.charCodeAt(0);
      return code < 0x100 ? "\\x" + ("0" + code.toString(16)).slice(-2) : "\\u" + ("000" + code.toString(16)).slice(-4);
    });
  }

  // Small DOM builder: attributes via setAttribute, children as text nodes.
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (Object.prototype.hasOwnProperty.call(attrs, k) && attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) {
          node.setAttribute(k, attrs[k] === true ? "" : str(attrs[k]));
        }
      }
    }
    for (var i = 2; i < arguments.length; i++) add(node, arguments[i]);
    return node;
  }
  function add(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(visible(child)));
  }

  function fmtNum(v) {
    if (num(v) === null) return str(v);
    var a = Math.abs(v);
    var units = [[1e12, " tn"], [1e9, " bn"], [1e6, " M"]];
    for (var i = 0; i < units.length; i++) {
      if (a >= units[i][0]) return (v / units[i][0]).toLocaleString("en-US", { maximumSignificantDigits: 4 }) + units[i][1];
    }
    return v.toLocaleString("en-US", { maximumFractionDigits: a >= 1000 ? 1 : 4 });
  }

  // ---------------------------------------------------------------- indices
  var docById = {};
  var parasByDoc = {};
  docs.forEach(function (d) {
    if (!d || typeof d !== "object") return;
    docById[str(d.id)] = d;
    parasByDoc[str(d.id)] = arr(d.paragraphs).filter(function (p) { return p && typeof p === "object"; })
      .slice().sort(function (a, b) { return (num(a.start) || 0) - (num(b.start) || 0) || (num(a.line) || 0) - (num(b.line) || 0); });
  });
  var claimById = {};
  var claimsByDoc = {};
  claims.forEach(function (c) {
    if (!c || typeof c !== "object") return;
    claimById[str(c.id)] = c;
    (claimsByDoc[str(c.doc)] = claimsByDoc[str(c.doc)] || []).push(c);
  });
  Object.keys(claimsByDoc).forEach(function (k) {
    claimsByDoc[k].sort(function (a, b) { return (num(a.start) || 0) - (num(b.start) || 0); });
  });
  var flaggedClaims = {};
  findings.forEach(function (f) { arr(f && f.claims).forEach(function (id) { flaggedClaims[str(id)] = true; }); });

  // The paragraph holding a claim: by offset, else by line (same as html._claim_anchor).
  function paragraphOf(docId, start, line) {
    var paras = parasByDoc[str(docId)] || [];
    if (num(start) !== null) {
      var lo = 0, hi = paras.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if ((num(paras[mid].start) || 0) <= start) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      // Offsets may be shared by a zero-length paragraph; walk back to one that contains start.
      for (var i = found; i >= 0 && i > found - 3; i--) {
        if ((num(paras[i].start) || 0) <= start && start < (num(paras[i].end) || 0)) return paras[i];
      }
    }
    if (num(line) !== null) {
      var best = null;
      paras.forEach(function (p) {
        if (num(p.line) !== null && p.line <= line && (!best || p.line > best.line)) best = p;
      });
      return best;
    }
    return null;
  }
  function claimAnchor(docId, claim, line) {
    var p = paragraphOf(docId, claim ? claim.start : null, line);
    return p ? docAnchor(docId, p.line) : docAnchor(docId);
  }

  // ---------------------------------------------------------------- findings
  var items = findings.map(function (f, i) {
    f = f && typeof f === "object" ? f : {};
    var evs = arr(f.evidence).filter(function (e) { return e && typeof e === "object"; });
    var first = evs[0] || {};
    var docSet = {};
    evs.forEach(function (e) { docSet[str(e.doc)] = true; });
    arr(f.claims).forEach(function (id) { var c = claimById[str(id)]; if (c) docSet[str(c.doc)] = true; });
    return {
      f: f, i: i, evs: evs, domId: "finding-" + ident(f.id),
      sev: SEV_RANK.hasOwnProperty(f.severity) ? SEV_RANK[f.severity] : 3,
      doc: str(first.doc), line: num(first.line) || 0,
      // "?" for a missing value, as the server-side counts and filter options do.
      sevName: str(f.severity) || "?", kind: str(f.kind) || "?", rule: str(f.rule) || "?",
      docs: docSet, hay: null, node: null, built: false
    };
  });
  var itemByDomId = {};
  items.forEach(function (it) { itemByDomId[it.domId] = it; });

  function haystack(it) {
    if (it.hay === null) {
      var f = it.f;
      var parts = [f.id, f.rule, f.name, f.kind, f.severity, f.status, f.message, f.arithmetic, f.resolution, f.cluster, f.fingerprint];
      it.evs.forEach(function (e) { parts.push(e.doc, e.quote, e.sentence, e.value, e.claim); });
      it.hay = parts.map(str).join("\n").toLowerCase();
    }
    return it.hay;
  }

  var listEl = document.getElementById("findings-list");
  var statusEl = document.getElementById("findings-status");
  var moreBtn = document.getElementById("show-more");
  var sentinel = document.getElementById("findings-sentinel");
  var form = document.getElementById("filters");
  var controls = {
    q: document.getElementById("f-search"),
    severity: document.getElementById("f-severity"),
    kind: document.getElementById("f-kind"),
    rule: document.getElementById("f-rule"),
    doc: document.getElementById("f-doc"),
    status: document.getElementById("f-status"),
    sort: document.getElementById("f-sort")
  };
  var expandBtn = document.getElementById("f-expand");

  var matches = [];
  var shown = 0;

  var SORTS = {
    severity: function (a, b) { return a.sev - b.sev || cmp(a.doc, b.doc) || a.line - b.line || a.i - b.i; },
    rule: function (a, b) { return cmp(a.rule, b.rule) || a.sev - b.sev || cmp(a.doc, b.doc) || a.line - b.line || a.i - b.i; },
    document: function (a, b) { return cmp(a.doc, b.doc) || a.line - b.line || a.sev - b.sev || cmp(a.rule, b.rule) || a.i - b.i; }
  };
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function val(c) { return c ? c.value : ""; }

  function clearControls() {
    ["q", "severity", "kind", "rule", "doc", "status"].forEach(function (k) { if (controls[k]) controls[k].value = ""; });
  }

  function applyFilters(fromUser) {
    if (!listEl) return;
    var sev = val(controls.severity), kind = val(controls.kind), rule = val(controls.rule);
    var doc = val(controls.doc), status = val(controls.status);
    var terms = val(controls.q).toLowerCase().split(/\s+/).filter(Boolean);
    matches = items.filter(function (it) {
      var f = it.f;
      if (sev && it.sevName !== sev) return false;
      if (kind && it.kind !== kind) return false;
      if (rule && it.rule !== rule) return false;
      if (status && f.status !== status) return false;
      if (doc && !it.docs[doc]) return false;
      if (terms.length) {
        var h = haystack(it);
        for (var i = 0; i < terms.length; i++) if (h.indexOf(terms[i]) < 0) return false;
      }
      return true;
    });
    matches.sort(SORTS[val(controls.sort)] || SORTS.severity);
    expandBtn.setAttribute("aria-pressed", "false");
    expandBtn.textContent = "Expand shown";
    listEl.replaceChildren();
    shown = 0;
    appendChunk();
    // After a change made far down the list, show the start of the new results.
    if (fromUser === true && listEl.getBoundingClientRect().top < 0) document.getElementById("findings").scrollIntoView();
  }

  function onControl() { applyFilters(true); }

  function appendChunk() {
    var end = Math.min(shown + CHUNK, matches.length);
    var frag = document.createDocumentFragment();
    var expandAll = expandBtn.getAttribute("aria-pressed") === "true";
    for (var i = shown; i < end; i++) {
      frag.appendChild(findingNode(matches[i]));
      if (expandAll) toggle(matches[i], true);
    }
    listEl.appendChild(frag);
    shown = end;
    updateStatus();
  }

  function updateStatus() {
    var total = items.length;
    var text;
    if (!matches.length) text = "No finding matches the filters (" + total + " in total).";
    else if (matches.length === total) text = total + " finding" + (total === 1 ? "" : "s") + (shown < total ? ", showing the first " + shown + "." : ".");
    else text = matches.length + " of " + total + " findings match" + (shown < matches.length ? ", showing the first " + shown + "." : ".");
    statusEl.textContent = text;
    moreBtn.hidden = shown >= matches.length;
    if (shown < matches.length) moreBtn.textContent = "Show " + Math.min(CHUNK, matches.length - shown) + " more findings";
  }

  function findingNode(it) {
    if (it.node) return it.node;
    var f = it.f;
    var panelId = "ev-" + ident(f.id) + "-" + it.i;
    var first = it.evs[0];
    var loc = first ? str(first.doc) + (num(first.line) ? ":" + first.line : "") + (it.evs.length > 1 ? " +" + (it.evs.length - 1) : "") : "";
    var btn = el("button", { type: "button", "class": "f-toggle", "aria-expanded": "false", "aria-controls": panelId },
      el("span", { "class": "f-tags" },
        el("span", { "class": "badge sev-" + ident(f.severity) }, f.severity || "?"),
        f.status ? el("span", { "class": "badge status-" + ident(f.status) }, f.status) : null,
        el("span", { "class": "f-rule" }, str(f.rule) + (f.name ? " " + f.name : "")),
        el("span", { "class": "f-kind" }, f.kind),
        el("span", { "class": "f-loc" }, loc),
        el("span", { "class": "f-id" }, f.id)),
      el("span", { "class": "f-msg" }, f.message));
    var panel = el("div", { "class": "evidence", id: panelId, role: "region", "aria-label": "Evidence for " + str(f.id), hidden: true });
    var li = el("li", { "class": "finding sev-" + ident(f.severity) + (f.status ? " status-" + ident(f.status) : ""), id: it.domId, "data-id": f.id },
      el("h3", { "class": "f-head" }, btn), panel);
    btn.addEventListener("click", function () { toggle(it, btn.getAttribute("aria-expanded") !== "true"); });
    it.node = li;
    it.btn = btn;
    it.panel = panel;
    return li;
  }

  function toggle(it, open) {
    findingNode(it);
    if (open && !it.built) { buildEvidence(it); it.built = true; }
    it.panel.hidden = !open;
    it.btn.setAttribute("aria-expanded", open ? "true" : "false");
  }

  // The sentence with the quote marked; falls back to a case-insensitive and
  // then a whitespace-insensitive search, and says so when it cannot find it.
  function highlighted(sentence, quote) {
    var p = el("p");
    sentence = str(sentence);
    quote = str(quote);
    if (!sentence) { add(p, el("mark", null, quote)); return p; }
    var start = quote ? sentence.indexOf(quote) : -1, len = quote.length;
    if (start < 0 && quote) start = sentence.toLowerCase().indexOf(quote.toLowerCase());
    if (start < 0 && quote.trim()) {
      var words = quote.trim().split(/\s+/).map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
      var m = new RegExp(words.join("\\s+"), "i").exec(sentence);
      if (m) { start = m.index; len = m[0].length; }
    }
    if (start < 0) {
      add(p, sentence);
      return [p, el("p", { "class": "quote-missing" }, "Quote (not found in the sentence): ", el("mark", null, quote))];
    }
    add(p, [sentence.slice(0, start), el("mark", null, sentence.slice(start, start + len)), sentence.slice(start + len)]);
    return p;
  }

  function claimValue(c) {
    if (!c) return null;
    var parts = [];
    var v = c.value;
    if (v && typeof v === "object") {
      var s = str(v.display || fmtNum(v.magnitude));
      if (v.unit) s += " " + v.unit;
      if (num(v.low) !== null && num(v.high) !== null && v.low !== v.high) s += " [" + fmtNum(v.low) + "–" + fmtNum(v.high) + "]";
      if (v.approx) s += " (approximate)";
      parts.push(s);
    }
    var t = c.time;
    if (t && typeof t === "object" && t.date) parts.push(str(t.date) + (t.granularity ? " (" + t.granularity + ")" : "") + (t.relative ? ", relative" : ""));
    if (c.modality && c.modality !== "asserted") parts.push(str(c.modality));
    if (c.negated) parts.push("negated");
    return parts.join(" · ");
  }

  function buildEvidence(it) {
    var f = it.f;
    var quotes = el("div", { "class": "quotes" });
    it.evs.forEach(function (e, n) {
      var claim = claimById[str(e.claim)];
      var anchor = claimAnchor(e.doc, claim, num(e.line));
      var where = str(e.doc) + (num(e.line) ? " · line " + e.line + (num(e.column) ? ", column " + e.column : "") : "");
      var facts = el("dl", { "class": "facts" });
      if (e.value) add(facts, [el("dt", null, "Value"), el("dd", null, e.value)]);
      var norm = claimValue(claim);
      if (norm) add(facts, [el("dt", null, "Normalized"), el("dd", null, norm)]);
      if (claim && (claim.subject || claim.property)) add(facts, [el("dt", null, "Key"), el("dd", null, str(claim.subject) + " · " + str(claim.property))]);
      if (claim && num(claim.confidence) !== null) add(facts, [el("dt", null, "Confidence"), el("dd", null, String(claim.confidence))]);
      add(quotes, el("article", { "class": "quote-card", "aria-label": "Quote " + (n + 1) + " of " + it.evs.length },
        el("h4", null, el("a", { href: "#" + anchor, "class": "doc-jump", "data-claim": claim ? claim.id : null }, where)),
        el("blockquote", null, highlighted(e.sentence, e.quote)),
        facts));
    });
    var details = el("dl", { "class": "facts" });
    if (f.arithmetic) add(details, [el("dt", null, "Arithmetic"), el("dd", null, el("code", { "class": "arith" }, f.arithmetic))]);
    if (f.match && f.match.explanation) add(details, [el("dt", null, "Why the same quantity"), el("dd", null, el("code", { "class": "arith" }, f.match.explanation))]);
    if (f.resolution) add(details, [el("dt", null, "To resolve"), el("dd", null, f.resolution)]);
    var sup = f.support;
    if (sup && typeof sup === "object" && arr(sup.values).length) {
      var rows = arr(sup.values).map(function (s) {
        return el("tr", null, el("td", null, s.value), el("td", { "class": "num" }, s.claims), el("td", { "class": "num" }, s.documents), el("td", { "class": "num" }, s.independent));
      });
      add(details, [el("dt", null, "Support"), el("dd", null,
        el("table", { "class": "support" },
          el("thead", null, el("tr", null, el("th", { scope: "col" }, "Value"), el("th", { scope: "col" }, "Claims"), el("th", { scope: "col" }, "Documents"), el("th", { scope: "col" }, "Independent"))),
          el("tbody", null, rows)),
        el("p", null, sup.stronger ? "Better supported: " + str(sup.stronger) + ". " : "Neither value is better supported. ",
          "“Independent” counts sources that do not repeat one another; two documents citing the same source count once."))]);
    }
    if (f.cluster) add(details, [el("dt", null, "Cluster"), el("dd", null, el("a", { href: "#cluster-" + ident(f.cluster) }, f.cluster))]);
    if (f.status) add(details, [el("dt", null, "Status"), el("dd", null, f.status)]);
    if (f.waiver && typeof f.waiver === "object") add(details, [el("dt", null, "Waiver"), el("dd", null, str(f.waiver.reason) + (f.waiver.expires ? " (expires " + f.waiver.expires + ")" : ""))]);
    var rule = rulesByCode[str(f.rule)];
    if (rule && (rule.description || rule.help)) add(details, [el("dt", null, "Rule"), el("dd", null, str(rule.code) + " " + str(rule.name) + ": " + str(rule.description) + (rule.help ? " " + rule.help : ""))]);
    if (f.fingerprint) add(details, [el("dt", null, "Fingerprint"), el("dd", null, el("code", null, f.fingerprint))]);
    it.panel.replaceChildren(quotes, details);
  }

  // ---------------------------------------------------------------- documents
  var ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/;
  function claimTitle(c) {
    var parts = [str(c.id)];
    var norm = claimValue(c);
    if (norm) parts.push(norm);
    if (c.subject || c.property) parts.push(str(c.subject) + " · " + str(c.property));
    if (flaggedClaims[str(c.id)]) parts.push("in a finding");
    return visible(parts.join(" — "));
  }

  function buildDocument(details) {
    if (details.getAttribute("data-built")) return;
    details.setAttribute("data-built", "1");
    var docId = details.getAttribute("data-doc");
    var body = details.querySelector(".doc-body");
    var paras = parasByDoc[docId] || [];
    var dc = claimsByDoc[docId] || [];
    var j = 0;
    var used = {};
    var lastPage = null;
    var frag = document.createDocumentFragment();
    if (!paras.length) frag.appendChild(el("p", { "class": "missing" }, "No paragraphs in the report for this document."));
    paras.forEach(function (p) {
      // Offsets in the report count code points (Python); JS strings count
      // UTF-16 units, so text with astral characters is sliced as an array.
      var raw = str(p.text);
      var text = ASTRAL.test(raw) ? Array.from(raw) : raw;
      var slice = typeof text === "string" ? function (a, b) { return text.slice(a, b); } : function (a, b) { return text.slice(a, b).join(""); };
      var pStart = num(p.start) || 0, pEnd = pStart + text.length;
      var id = docAnchor(docId, p.line);
      var page = num(p.page);
      if (page !== null && page !== lastPage) {
        frag.appendChild(el("div", { "class": "page-break", role: "separator" }, "page " + page));
        lastPage = page;
      }
      var where = page !== null ? "page " + page + " · L" + str(num(p.page_line) || "?") : "L" + str(p.line);
      var box = el("div", { "class": "para seg-" + ident(p.segment), id: used[id] ? null : id, tabindex: "-1" },
        el("span", { "class": "seg-label" }, str(p.segment || "text") + " · " + where));
      used[id] = true;
      var para = el("p");
      var pos = 0;
      while (j < dc.length && (num(dc[j].start) || 0) < pStart) j++;
      for (; j < dc.length && (num(dc[j].start) || 0) < pEnd; j++) {
        var c = dc[j];
        var s = c.start - pStart, e = Math.min((num(c.end) || c.start) - pStart, text.length);
        if (s < pos || e <= s) continue; // overlapping or empty: the first mark wins
        add(para, slice(pos, s));
        para.appendChild(el("mark", { "class": "claim" + (flaggedClaims[str(c.id)] ? " flagged" : ""), id: "claim-" + ident(c.id), title: claimTitle(c) }, slice(s, e)));
        pos = e;
      }
      add(para, slice(pos, text.length));
      box.appendChild(para);
      frag.appendChild(box);
    });
    body.appendChild(frag);
  }

  var docViews = Array.prototype.slice.call(document.querySelectorAll("details.doc-view"));
  docViews.forEach(function (d) {
    d.addEventListener("toggle", function () { if (d.open) buildDocument(d); });
  });

  // ---------------------------------------------------------------- navigation
  function flash(node) {
    node.classList.remove("target");
    void node.offsetWidth;
    node.classList.add("target");
  }

  function revealFinding(domId) {
    var it = itemByDomId[domId];
    if (!it || !listEl) return false;
    var idx = matches.indexOf(it);
    if (idx < 0) {
      clearControls();
      applyFilters();
      idx = matches.indexOf(it);
    }
    while (shown <= idx) appendChunk();
    toggle(it, true);
    it.node.scrollIntoView({ block: "center" }); // "start" would put it under the sticky filters
    it.btn.focus({ preventScroll: true });
    flash(it.node);
    return true;
  }

  function revealDocAnchor(id) {
    var best = null;
    docViews.forEach(function (d) {
      var base = d.id;
      if ((id === base || id.indexOf(base + "-L") === 0) && (!best || base.length > best.id.length)) best = d;
    });
    if (!best) return false;
    buildDocument(best);
    best.open = true;
    var target = document.getElementById(id) || best;
    target.scrollIntoView({ block: "center" });
    if (target !== best) { target.focus({ preventScroll: true }); flash(target); }
    var mark = pendingClaim && document.getElementById("claim-" + ident(pendingClaim));
    if (mark && target.contains(mark)) flash(mark);
    pendingClaim = null;
    return true;
  }

  function reveal(hash) {
    var id;
    try { id = decodeURIComponent(str(hash).replace(/^#/, "")); } catch (e) { return; }
    if (!id) return;
    if (id.indexOf("finding-") === 0 && revealFinding(id)) return;
    if (id.indexOf("doc-") === 0) revealDocAnchor(id);
  }

  // The claim an evidence link was followed for, marked once its paragraph is shown.
  var pendingClaim = null;
  window.addEventListener("hashchange", function () { reveal(location.hash); });
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#']") : null;
    if (!a) return;
    pendingClaim = a.getAttribute("data-claim");
    // A click on a link to the current hash fires no hashchange; reveal anyway.
    if (a.getAttribute("href") === location.hash) { ev.preventDefault(); reveal(location.hash); }
  });

  // ---------------------------------------------------------------- controls
  if (listEl) {
    var timer = null;
    controls.q.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(onControl, DEBOUNCE_MS);
    });
    ["severity", "kind", "rule", "doc", "status", "sort"].forEach(function (k) {
      if (controls[k]) controls[k].addEventListener("change", onControl);
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); clearTimeout(timer); onControl(); });
    form.addEventListener("reset", function () { clearTimeout(timer); setTimeout(onControl, 0); });
    moreBtn.addEventListener("click", appendChunk);
    expandBtn.addEventListener("click", function () {
      var open = expandBtn.getAttribute("aria-pressed") !== "true";
      for (var i = 0; i < shown; i++) toggle(matches[i], open);
      expandBtn.setAttribute("aria-pressed", open ? "true" : "false");
      expandBtn.textContent = open ? "Collapse shown" : "Expand shown";
    });
    document.addEventListener("keydown", function (ev) {
      var tag = ev.target && ev.target.tagName;
      if (ev.key === "/" && !ev.ctrlKey && !ev.metaKey && !ev.altKey && tag !== "INPUT" && tag !== "SELECT" && tag !== "TEXTAREA") {
        ev.preventDefault();
        controls.q.focus();
      }
    });
    if ("IntersectionObserver" in window) {
      new IntersectionObserver(function (entries) {
        if (entries[0].isIntersecting && shown < matches.length) appendChunk();
      }, { rootMargin: "800px 0px" }).observe(sentinel);
    }
    applyFilters();
  }

  // Print everything: all matching findings with their evidence, all documents.
  window.addEventListener("beforeprint", function () {
    if (listEl) {
      while (shown < matches.length) appendChunk();
      for (var i = 0; i < matches.length; i++) toggle(matches[i], true);
    }
    docViews.forEach(function (d) { buildDocument(d); d.open = true; });
  });

  if (location.hash) reveal(location.hash);
  document.documentElement.setAttribute("data-ready", "1");
  if (window.performance && performance.mark) performance.mark("factcheck-ready");
})();
