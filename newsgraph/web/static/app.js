// newsgraph UI: progressive enhancement only; every page works without this file.
// Loaded from /static (the Content-Security-Policy forbids inline script).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const body = document.getElementById("body");
  document.querySelectorAll("#layers .layer").forEach((button) => {
    button.addEventListener("click", () => {
      const layer = button.dataset.layer;
      const on = !button.classList.contains("on");
      button.classList.toggle("on", on);
      button.setAttribute("aria-pressed", String(on));
      if (body) body.classList.toggle("show-" + layer, on);
    });
  });
});
