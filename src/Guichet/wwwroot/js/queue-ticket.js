// Guichet queue ticket: keeps the status up to date on the customer's phone (a small JSON poll
// every 5 s: the page's live region announces changes), and at the kiosk offers printing and
// goes back to the start after a minute, so that the next customer does not see this ticket.
(function () {
  "use strict";
  var root = document.getElementById("ticket");
  if (!root) return;
  var headline = document.getElementById("ticket-headline");
  var detail = document.getElementById("ticket-detail");
  var kiosk = root.getAttribute("data-kiosk") === "true";

  if (kiosk) {
    var print = document.getElementById("ticket-print");
    if (print && window.print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
    window.setTimeout(function () { window.location.href = root.getAttribute("data-kiosk-url"); }, 60000);
    return;
  }

  var last = null;
  function refresh() {
    fetch(root.getAttribute("data-status-url"), { headers: { "Accept": "application/json" }, cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return;
        var text = s.headline + "|" + (s.detail || "");
        if (text === last) return;
        last = text;
        headline.textContent = s.headline;
        detail.textContent = s.detail || "";
        if (s.status === "called" && navigator.vibrate) navigator.vibrate([300, 150, 300]);
        if (s.status === "served" || s.status === "noShow") window.clearInterval(timer);
      })
      .catch(function () { /* offline for a moment: the next round tries again */ });
  }
  var timer = window.setInterval(refresh, 5000);
})();
