// Rumbo's only script, and only an enhancement: everything works without it.
(function () {
  "use strict";
  var leaving = false;

  // Quick exit. Pressing Escape twice (within a second) leaves the site at once and replaces
  // the current history entry, so the Back button does not return here. Nothing may delay it:
  // it also switches off the unsaved-text question below.
  var exit = document.getElementById("quick-exit");
  if (exit) {
    var target = exit.getAttribute("data-exit");
    var leave = function (event) {
      if (event) { event.preventDefault(); }
      leaving = true;
      document.body.hidden = true;
      window.location.replace(target);
    };
    exit.addEventListener("click", leave);
    var last = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      if (now - last < 1000) { leave(event); }
      last = now;
    });
  }

  // Typed text is never lost by leaving a step: with text typed and not saved, the browser
  // asks its own "leave page?" question. Saving (any of the form's buttons) clears it.
  var form = document.querySelector("form[data-keeps-typed-text]");
  if (form) {
    var unsaved = false;
    var changed = function () { unsaved = true; };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function () { unsaved = false; });
    window.addEventListener("beforeunload", function (event) {
      if (!unsaved || leaving) { return; }
      event.preventDefault();
      event.returnValue = "";
    });
  }

  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
})();
