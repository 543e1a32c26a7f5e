// carematch: small improvements on pages that work without JavaScript.
(function () {
  "use strict";
  var KEY = "carematch_shortlist";

  function cookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : null;
  }

  // Keep the shortlist in localStorage too, and bring it back if the cookie has gone.
  try {
    var fromCookie = cookie(KEY);
    if (fromCookie !== null) {
      window.localStorage.setItem(KEY, fromCookie);
    } else {
      var kept = window.localStorage.getItem(KEY);
      if (kept && /^[cp0-9,]+$/.test(kept)) {
        document.cookie = KEY + "=" + encodeURIComponent(kept) + "; path=/; max-age=7776000; samesite=lax" +
          (window.location.protocol === "https:" ? "; secure" : "");
      }
    }
  } catch (e) { /* storage disabled: the cookie alone keeps the list */ }

  document.addEventListener("DOMContentLoaded", function () {
    var print = document.getElementById("print");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm") + "?")) { event.preventDefault(); }
      });
    });
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
    // An upload's report opens the agency console: take the reader (and screen reader) there.
    var report = document.getElementById("upload-report");
    if (report && !summary) { report.focus(); }
  });
})();

// "Listen": read a part of the page aloud with the browser's own speech synthesis. The buttons
// come hidden and are shown only when the browser has a voice for the page's language, so
// nobody meets a button that would read Urdu with an English voice, or nothing at all.
(function () {
  "use strict";
  if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") { return; }
  var synth = window.speechSynthesis;

  // The page's language as voices name theirs: Traditional Chinese is read by Hong Kong or
  // Taiwan voices, Simplified by mainland ones; other languages by their primary subtag.
  function wanted(tag) {
    var lower = tag.toLowerCase();
    if (lower === "zh-hant") { return ["zh-hk", "yue", "zh-tw"]; }
    if (lower === "zh-hans") { return ["zh-cn", "cmn", "zh-sg"]; }
    return [lower.split("-")[0]];
  }

  function voiceFor(tag) {
    var voices = synth.getVoices();
    var prefixes = wanted(tag);
    for (var i = 0; i < prefixes.length; i++) {
      for (var j = 0; j < voices.length; j++) {
        var lang = (voices[j].lang || "").toLowerCase().replace("_", "-");
        if (lang === prefixes[i] || lang.indexOf(prefixes[i] + "-") === 0) { return voices[j]; }
      }
    }
    return null;
  }

  function setUp() {
    var buttons = document.querySelectorAll("button[data-listen]");
    if (!buttons.length) { return; }
    var voice = voiceFor(document.documentElement.lang || "en");
    if (!voice) { return; }
    buttons.forEach(function (button) {
      if (button.getAttribute("data-ready")) { return; }
      button.setAttribute("data-ready", "1");
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        var speaking = button.getAttribute("aria-pressed") === "true";
        synth.cancel();
        document.querySelectorAll("button[data-listen][aria-pressed=true]").forEach(function (other) {
          other.setAttribute("aria-pressed", "false");
          other.textContent = other.getAttribute("data-label") || other.textContent;
        });
        if (speaking) { return; }
        var target = document.getElementById(button.getAttribute("data-listen"));
        if (!target) { return; }
        // What a sighted reader sees, without the buttons' own labels.
        var text = Array.prototype.filter.call(target.querySelectorAll("h1, h2, h3, p, li, dt, dd, blockquote, caption"),
          function (node) { return !node.closest("button, .no-print, .visually-hidden"); })
          .map(function (node) { return node.innerText; }).join(". ");
        var utterance = new window.SpeechSynthesisUtterance(text || target.innerText);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.onend = function () {
          button.setAttribute("aria-pressed", "false");
          button.textContent = label;
        };
        button.setAttribute("data-label", label);
        button.setAttribute("aria-pressed", "true");
        button.textContent = button.getAttribute("data-stop");
        synth.speak(utterance);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", setUp);
  // Many browsers load their voices after the page: try again when they arrive.
  if (typeof synth.addEventListener === "function") { synth.addEventListener("voiceschanged", setUp); }
})();
