// Saves a questionnaire page's answers as they are given, so a reload or a closed tab loses
// nothing. Progressive enhancement: without this script the buttons still save everything.
(function () {
  "use strict";
  // After a refused submit, move the focus to the list of problems so it is read out first.
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.FormData) return;
  var status = form.querySelector("[data-save-status]");
  var answered = document.querySelector("[data-answered]");
  var pending = null;

  // Reloading should come back to this page, whatever URL brought us here.
  if (window.history && window.history.replaceState) {
    var url = new URL(window.location.href);
    url.searchParams.set("page", form.getAttribute("data-page"));
    window.history.replaceState(null, "", url.toString());
  }

  function save() {
    pending = null;
    if (submitting) return;
    var data = new FormData(form);
    data.delete("action");
    fetch(form.getAttribute("data-autosave"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (!status) return;
      var token = form.querySelector("[data-draft]");
      if (result.ok && token && result.body.draft) token.value = String(result.body.draft);
      if (result.ok) {
        status.textContent = "Saved.";
        if (answered && typeof result.body.answered === "number") {
          answered.textContent = String(result.body.answered);
        }
      } else if (result.body.stale) {
        status.textContent = result.body.message;
      } else {
        status.textContent = "Not saved: " + (result.body.problems || []).map(function (p) {
          return p.where + ": " + p.message;
        }).join("; ");
      }
    }).catch(function () {
      if (status) status.textContent = "Could not save just now; your answers are saved when you press Next.";
    });
  }

  // Once a button submits the form, it saves everything itself: a late autosave must not
  // race it (and must not recreate a draft the submit has just completed).
  var submitting = false;
  form.addEventListener("submit", function () {
    submitting = true;
    if (pending) window.clearTimeout(pending);
  });

  form.addEventListener("change", function (event) {
    if (submitting) return;
    if (event.target && event.target.type === "radio") {
      if (pending) window.clearTimeout(pending);
      pending = window.setTimeout(save, 150);
    }
  });
})();
