// Refreshes the progress bar of a notice being sent every few seconds; without script the page
// shows the progress when it is loaded.
(function () {
  var bar = document.getElementById('notice-progress');
  var text = document.getElementById('notice-progress-text');
  if (!bar || !text) return;
  function tick() {
    fetch(bar.getAttribute('data-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p) return;
        bar.max = p.total; bar.value = p.done; bar.textContent = p.done + ' / ' + p.total;
        if (text.textContent !== p.text) text.textContent = p.text;
        if (p.state !== 'sent') setTimeout(tick, 3000);
      })
      .catch(function () { setTimeout(tick, 10000); });
  }
  setTimeout(tick, 3000);
})();
