/*
 * Candor sign-in banner. Add to a login page:
 *   <script src="https://status.example.com/embed/banner.js" async></script>
 * Attributes: data-position="top" (default: first thing in <body>) or
 * "inline" (where the tag is, or inside data-target="#selector");
 * data-interval="60" (seconds between checks, at least 15, while the live
 * stream /api/v2/stream is unavailable; while it is open, a change shows at once).
 * It renders inside a Shadow DOM, needs no other code, never uses eval, and
 * does nothing at all when Candor is unreachable or answers nonsense.
 * The static mirror (lib/mirror) serves a copy with MIRRORED set to true: it
 * reads api/banner next to the folder the script was loaded from (the mirror
 * may sit under a bucket prefix) and polls, as a static host has no stream.
 */
(function () {
  "use strict";
  var MIRRORED = false;
  var script = document.currentScript;
  var base, position, interval, target;
  var DISMISSED = "candor-banner-dismissed";
  var COLORS = {
    info: ["#eff6ff", "#1e3a8a", "#93c5fd", "#172554", "#dbeafe", "#1d4ed8"],
    warning: ["#fffbeb", "#78350f", "#fcd34d", "#451a03", "#fef3c7", "#b45309"],
    critical: ["#fef2f2", "#7f1d1d", "#fca5a5", "#450a0a", "#fee2e2", "#b91c1c"]
  };
  var host = null;
  var shown = null;
  var live = false;

  function css(c) {
    return ":host{all:initial;display:block}" +
      ".b{box-sizing:border-box;display:flex;gap:12px;align-items:flex-start;padding:10px 14px;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;" +
      "background:" + c[0] + ";color:" + c[1] + ";border-bottom:2px solid " + c[5] + "}" +
      ".m{flex:1;min-width:0;overflow-wrap:anywhere}.m a,.l{color:inherit;font-weight:600;text-decoration:underline}" +
      ".l{margin-left:6px}button{all:unset;cursor:pointer;padding:0 6px;border-radius:4px;font-size:18px;line-height:20px}" +
      "a:focus-visible,button:focus-visible{outline:2px solid " + c[5] + ";outline-offset:2px}" +
      "@media (prefers-color-scheme:dark){.b{background:" + c[3] + ";color:" + c[4] + ";border-color:" + c[2] + "}a:focus-visible,button:focus-visible{outline-color:" + c[2] + "}}";
  }

  function dismissed() { try { return localStorage.getItem(DISMISSED); } catch { return null; } }

  // Only text, <strong>, <em>, <code> and http(s) links survive, even if the server were fooled.
  function copySafe(from, to) {
    for (var i = 0; i < from.childNodes.length; i++) {
      var node = from.childNodes[i];
      if (node.nodeType === 3) { to.appendChild(document.createTextNode(node.nodeValue)); continue; }
      if (node.nodeType !== 1) continue;
      var tag = node.tagName.toLowerCase();
      var el = null;
      if (tag === "strong" || tag === "em" || tag === "code") el = document.createElement(tag);
      if (tag === "a" && /^https?:\/\//i.test(node.getAttribute("href") || "")) {
        el = document.createElement("a");
        el.href = node.getAttribute("href");
        el.target = "_blank";
        el.rel = "noopener noreferrer";
      }
      copySafe(node, el || to);
      if (el) to.appendChild(el);
    }
  }

  function valid(b) {
    return b && typeof b.id === "string" && typeof b.message_html === "string" && COLORS.hasOwnProperty(b.severity) &&
      (b.link === null || (b.link && typeof b.link.url === "string" && /^https?:\/\//i.test(b.link.url) && typeof b.link.label === "string"));
  }

  function remove() { if (host && host.parentNode) host.parentNode.removeChild(host); host = null; shown = null; }

  function render(b, into) {
    var root = into.shadowRoot || into.attachShadow({ mode: "open" });
    root.innerHTML = "";
    var colors = COLORS[b.severity];
    if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css(colors));
      root.adoptedStyleSheets = [sheet];
    } else {
      var style = document.createElement("style");
      style.textContent = css(colors);
      root.appendChild(style);
    }
    var box = document.createElement("div");
    box.className = "b";
    box.setAttribute("role", b.severity === "critical" ? "alert" : "status");
    var message = document.createElement("div");
    message.className = "m";
    var parsed = document.createElement("template");
    parsed.innerHTML = b.message_html;
    copySafe(parsed.content, message);
    var link = b.link || (b.incident_url && /^https?:\/\//i.test(b.incident_url) ? { url: b.incident_url, label: "Status page" } : null);
    if (link) {
      var a = document.createElement("a");
      a.className = "l";
      a.href = link.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.textContent = link.label;
      message.appendChild(a);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.setAttribute("aria-label", "Dismiss this message");
    close.textContent = "\u00d7";
    close.addEventListener("click", function () {
      try { localStorage.setItem(DISMISSED, b.id); } catch { /* private mode: dismiss for this page only */ }
      remove();
    });
    box.appendChild(message);
    box.appendChild(close);
    root.appendChild(box);
  }

  function place() {
    var el = document.createElement("candor-banner");
    if (position === "inline") {
      var at = target && document.querySelector(target);
      if (at) at.appendChild(el); else script.parentNode.insertBefore(el, script.nextSibling);
    } else {
      document.body.insertBefore(el, document.body.firstChild);
    }
    return el;
  }

  function show(b) {
    if (!valid(b) || dismissed() === b.id) return remove();
    if (shown === b.id + b.updated_at) return;
    host = host || place();
    render(b, host);
    shown = b.id + b.updated_at;
  }

  function check() {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, 5000);
    // no-cache: revalidate with the ETag each time (a 304 is tiny), so a new wording shows at the next check.
    fetch(base + "api/banner", { credentials: "omit", cache: "no-cache", signal: controller && controller.signal })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && "banner" in data) { if (data.banner) show(data.banner); else remove(); } })
      .catch(function () { /* Candor unreachable: leave the page as it is */ })
      .then(function () { clearTimeout(timer); });
  }

  // Server-sent events: a banner change shows within a second. After three
  // errors in a row (or a refusal), back to polling every data-interval.
  function listen() {
    var failures = 0;
    var seen = null;
    var source;
    try { source = new EventSource(base + "api/v2/stream"); } catch { return; }
    source.addEventListener("snapshot", function (e) {
      var event;
      try { event = JSON.parse(e.data); } catch { return; }
      if (!event || typeof event.generation !== "number" || !event.changed || !event.changed.indexOf) return;
      failures = 0;
      live = true;
      var first = seen === null;
      var moved = event.changed.indexOf("banner") >= 0 || (event.changed.length === 0 && event.generation !== seen);
      seen = event.generation;
      if (moved && !first) check();
    });
    source.addEventListener("error", function () {
      live = false;
      failures++;
      if (source.readyState === 2 || failures >= 3) source.close();
    });
  }

  // Candor's admin draws its live preview with this same function.
  window.CandorBanner = { render: render };
  if (!script || script.getAttribute("data-preview") === "true" || !window.fetch || !document.body || !document.body.attachShadow) return;
  // Live: Candor's origin. Mirrored: the folder above embed/, wherever the copy is.
  try { base = MIRRORED ? new URL("..", script.src).href : new URL(script.src).origin + "/"; } catch { return; }
  position = script.getAttribute("data-position") === "inline" ? "inline" : "top";
  interval = Math.max(15, parseInt(script.getAttribute("data-interval") || "60", 10) || 60) * 1000;
  target = script.getAttribute("data-target");
  check();
  if (window.EventSource && !MIRRORED) listen();
  setInterval(function () { if (!live) check(); }, interval);
})();
