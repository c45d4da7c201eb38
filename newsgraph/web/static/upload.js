// Upload form: sends the file as the body of POST /api/v1/articles with the bearer token.
// Results are written with textContent; the only link is the server's own /articles/ path.
"use strict";

const TYPES = { pdf: "application/pdf", html: "text/html", htm: "text/html", md: "text/markdown" };

function contentType(file) {
  const ext = (file.name.split(".").pop() || "").toLowerCase();
  return TYPES[ext] || (file.type && file.type !== "" ? file.type : "text/plain");
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("upload");
  const status = document.getElementById("upload-status");
  if (!form || !status) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) { status.textContent = "Choose a non-empty file."; return; }
    const params = new URLSearchParams({ name: file.name });
    for (const key of ["title", "outlet", "published", "url"]) {
      const value = String(data.get(key) || "").trim();
      if (value) params.set(key, value);
    }
    status.textContent = "Analysing… (the first upload loads the models)";
    form.querySelector("button").disabled = true;
    try {
      const response = await fetch("/api/v1/articles?" + params.toString(), {
        method: "POST",
        headers: { Authorization: "Bearer " + String(data.get("token") || ""), "Content-Type": contentType(file) },
        body: file,
      });
      const body = await response.json();
      status.replaceChildren();
      if (!response.ok) {
        status.textContent = "Failed (" + response.status + "): " + ((body.error && body.error.message) || "unknown error");
        return;
      }
      for (const done of body.articles || []) {
        const link = document.createElement("a");
        link.href = "/articles/" + encodeURIComponent(String(done.id));
        link.textContent = String(done.id);
        status.append(done.status === "unchanged" ? "Already stored: " : "Stored: ", link, " ");
      }
    } catch (err) {
      status.textContent = "Failed: " + err.message;
    } finally {
      form.querySelector("button").disabled = false;
    }
  });
});
