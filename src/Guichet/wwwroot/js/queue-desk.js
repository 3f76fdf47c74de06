// Guichet desk page: the waiting counts refresh by themselves (a small poll of the page's
// "waiting" handler every 10 s, which answers the counts' HTML). Without script, reloading the
// page shows the same counts.
(function () {
  "use strict";
  var section = document.getElementById("desk-waiting");
  if (!section || !window.fetch) return;
  var url = section.getAttribute("data-refresh-url");
  function refresh() {
    fetch(url, { headers: { "Accept": "text/html" }, cache: "no-store", credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) section.innerHTML = html; })
      .catch(function () { /* offline for a moment: the next round tries again */ });
  }
  window.setInterval(refresh, 10000);
})();
