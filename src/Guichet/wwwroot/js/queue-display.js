// Guichet display board: listens to the office's Server-Sent Events and shows each call at once,
// with a visual cue and, once someone has turned it on (browsers block sound before a gesture),
// a short chime made with the Web Audio API. No library, nothing loaded from elsewhere.
(function () {
  "use strict";
  var root = document.getElementById("display");
  if (!root || !window.EventSource) return;

  var now = document.getElementById("display-now");
  var recent = document.getElementById("display-recent");
  var connection = document.getElementById("display-connection");
  var soundButton = document.getElementById("display-sound");
  var shown = parseInt(root.getAttribute("data-shown"), 10) || 8;
  var audio = null;
  var soundOn = false;
  var cueTimer = 0;

  function format(template, value) {
    return template.replace("{0}", value);
  }

  function callNode(tag, call, codeClass, deskClass) {
    var node = document.createElement(tag);
    var code = document.createElement("span");
    code.className = codeClass;
    code.textContent = call.ticket;
    var desk = document.createElement("span");
    desk.className = deskClass;
    desk.textContent = format(root.getAttribute("data-to-desk"), call.desk);
    node.appendChild(code);
    node.appendChild(document.createTextNode(" "));
    node.appendChild(desk);
    if (call.recall) {
      var again = document.createElement("span");
      again.className = "display-now__recall";
      again.textContent = " (" + root.getAttribute("data-recall") + ")";
      node.appendChild(again);
    }
    return node;
  }

  function chime() {
    if (!soundOn || !audio) return;
    // Two soft tones, like a counter bell: 660 Hz then 880 Hz, 0.35 s each.
    var start = audio.currentTime + 0.05;
    [660, 880].forEach(function (frequency, i) {
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.type = "sine";
      osc.frequency.value = frequency;
      var t = start + i * 0.4;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.4, t + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
      osc.connect(gain).connect(audio.destination);
      osc.start(t);
      osc.stop(t + 0.4);
    });
  }

  function show(call) {
    now.replaceChildren(callNode("p", call, "display-now__code", "display-now__desk"));
    recent.insertBefore(callNode("li", call, "display-recent__code", "display-recent__desk"), recent.firstChild);
    while (recent.children.length > shown) recent.removeChild(recent.lastChild);
    // The visual cue: the panel lights up for a few seconds (no flashing).
    root.classList.remove("display--called");
    void root.offsetWidth;
    root.classList.add("display--called");
    window.clearTimeout(cueTimer);
    cueTimer = window.setTimeout(function () { root.classList.remove("display--called"); }, 6000);
    chime();
  }

  soundButton.hidden = false;
  soundButton.addEventListener("click", function () {
    if (!audio) {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (Context) audio = new Context();
    }
    if (audio && audio.state === "suspended") audio.resume();
    soundOn = !soundOn;
    soundButton.setAttribute("aria-pressed", soundOn ? "true" : "false");
    soundButton.textContent = root.getAttribute(soundOn ? "data-sound-off" : "data-sound-on");
    if (soundOn) chime();
  });

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
