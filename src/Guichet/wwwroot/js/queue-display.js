// Guichet display board: listens to the office's Server-Sent Events and shows each call at once,
// with a visual cue (no sound control on a public screen), refreshes the waiting list, and shows
// the board's words in each of the office's languages in turn. No library, nothing loaded from elsewhere.
(function () {
  "use strict";
  var root = document.getElementById("display");
  if (!root) return;

  var now = document.getElementById("display-now");
  var recent = document.getElementById("display-recent");
  var waiting = document.getElementById("display-waiting");
  var waitingNone = document.getElementById("display-waiting-none");
  var connection = document.getElementById("display-connection");
  var shown = parseInt(root.getAttribute("data-shown"), 10) || 8;
  var cueTimer = 0;

  var languages = (root.getAttribute("data-languages") || "").split(",").filter(Boolean);
  var pageLanguage = root.getAttribute("data-language");
  var words = {};
  try { words = JSON.parse(root.getAttribute("data-words") || "{}"); } catch (err) { words = {}; }
  var current = languages.indexOf(pageLanguage) >= 0 ? pageLanguage : (languages[0] || pageLanguage);

  function word(key) {
    var set = words[current];
    return set && set[key] !== undefined ? set[key] : null;
  }

  function format(template, value) {
    return template.replace("{0}", value);
  }

  function deskText(desk) {
    return format(word("queue.display.to-desk") || root.getAttribute("data-to-desk"), desk);
  }

  // Every word of the board in the current language, marked with its language when it is not the page's.
  function applyLanguage() {
    root.querySelectorAll("[data-word]").forEach(function (node) {
      var text = word(node.getAttribute("data-word"));
      if (text !== null) node.textContent = text;
    });
    root.querySelectorAll("[data-desk]").forEach(function (node) {
      node.textContent = deskText(node.getAttribute("data-desk"));
    });
    if (current === pageLanguage) root.removeAttribute("lang"); else root.setAttribute("lang", current);
  }

  if (languages.length > 1) {
    var seconds = parseInt(root.getAttribute("data-language-seconds"), 10) || 8;
    window.setInterval(function () {
      current = languages[(languages.indexOf(current) + 1) % languages.length];
      applyLanguage();
    }, seconds * 1000);
  }

  function callNode(tag, call, codeClass, deskClass) {
    var node = document.createElement(tag);
    var code = document.createElement("span");
    code.className = codeClass;
    code.textContent = call.ticket;
    var desk = document.createElement("span");
    desk.className = deskClass;
    desk.setAttribute("data-desk", call.desk);
    desk.textContent = deskText(call.desk);
    node.appendChild(code);
    node.appendChild(document.createTextNode(" "));
    node.appendChild(desk);
    if (call.recall) {
      var again = document.createElement("span");
      again.className = "display-now__recall";
      again.textContent = " (" + (word("queue.display.recall") || root.getAttribute("data-recall")) + ")";
      node.appendChild(again);
    }
    return node;
  }

  function showWaiting(codes) {
    waiting.replaceChildren.apply(waiting, codes.map(function (code) {
      var li = document.createElement("li");
      li.textContent = code;
      return li;
    }));
    waitingNone.hidden = codes.length > 0;
  }

  function refreshWaiting() {
    if (!window.fetch) return;
    fetch(root.getAttribute("data-waiting-url"), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (codes) { if (Array.isArray(codes)) showWaiting(codes); })
      .catch(function () { /* the next round tries again */ });
  }
  window.setInterval(refreshWaiting, 15000);

  function show(call) {
    now.replaceChildren(callNode("p", call, "display-now__code", "display-now__desk"));
    recent.insertBefore(callNode("li", call, "display-recent__code", "display-recent__desk"), recent.firstChild);
    while (recent.children.length > shown) recent.removeChild(recent.lastChild);
    // The called ticket leaves the waiting list at once; the list is read again soon after.
    Array.prototype.slice.call(waiting.children).forEach(function (li) { if (li.textContent === call.ticket) waiting.removeChild(li); });
    waitingNone.hidden = waiting.children.length > 0;
    // The visual cue: the panel lights up for a few seconds (no flashing).
    root.classList.remove("display--called");
    void root.offsetWidth;
    root.classList.add("display--called");
    window.clearTimeout(cueTimer);
    cueTimer = window.setTimeout(function () { root.classList.remove("display--called"); }, 6000);
  }

  if (!window.EventSource) return;
  var source = new EventSource(root.getAttribute("data-events-url"));
  source.addEventListener("open", function () {
    connection.textContent = root.getAttribute("data-live");
    root.setAttribute("data-connected", "true");
  });
  source.addEventListener("error", function () {
    // EventSource reconnects by itself (and sends Last-Event-ID, so no call is missed).
    connection.textContent = root.getAttribute("data-offline");
    root.setAttribute("data-connected", "false");
  });
  source.addEventListener("call", function (e) {
    try { show(JSON.parse(e.data)); } catch (err) { /* a malformed message is skipped */ }
  });
})();
