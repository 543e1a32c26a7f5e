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
  });
})();
