// Rumbo's only script, and only an enhancement: everything works without it.
(function () {
  "use strict";
  var leaving = false;

  // Quick exit. Pressing Escape twice (within a second) leaves the site at once and replaces
  // the current history entry, so the Back button does not return here. Nothing may delay it:
  // it also switches off the unsaved-text question below. Inside a text box the first Escape
  // only leaves the box: two presses by accident while typing never throw the text away, and
  // three deliberate ones still leave.
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
    var typing = function (element) {
      return element && (element.tagName === "TEXTAREA" || (element.tagName === "INPUT" &&
        /^(text|password|search|email|tel|url|number)$/.test(element.type)));
    };
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      if (typing(event.target)) {
        event.target.blur();
        last = 0;
        return;
      }
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

  // Show or hide the passphrase (GOV.UK's password input). Hidden again as the form is sent,
  // so the browser never keeps it as ordinary form text.
  var toggle = document.querySelector("button.password-toggle");
  var secret = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
  if (secret) {
    var label = toggle.firstChild;
    var show = function (visible) {
      secret.type = visible ? "text" : "password";
      toggle.setAttribute("aria-pressed", visible ? "true" : "false");
      label.nodeValue = toggle.getAttribute(visible ? "data-hide" : "data-show");
    };
    toggle.hidden = false;
    toggle.addEventListener("click", function () { show(secret.type === "password"); });
    if (secret.form) { secret.form.addEventListener("submit", function () { show(false); }); }
  }

  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
})();
