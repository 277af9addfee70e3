// Rumbo's only script, and only an enhancement: everything works without it.
// Pressing Escape twice (within a second) leaves the site at once and replaces the current
// history entry, so the Back button does not return here.
(function () {
  "use strict";
  var exit = document.getElementById("quick-exit");
  if (!exit) { return; }
  var target = exit.getAttribute("data-exit");
  var leave = function (event) {
    if (event) { event.preventDefault(); }
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
  var summary = document.querySelector(".error-summary");
  if (summary) { summary.focus(); }
})();
