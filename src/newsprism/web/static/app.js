// newsprism serve: progressive touches. Every page works without this file.
// Text from the server is set with textContent, never parsed as HTML.
(function () {
  "use strict";

  function csrfToken(form) {
    var field = form && form.querySelector("input[name=csrf]");
    return field ? field.value : "";
  }

  // Search filters: changing a select or a date submits the form at once.
  var search = document.getElementById("search-form");
  if (search) {
    search.querySelectorAll("select, input[type=date]").forEach(function (el) {
      el.addEventListener("change", function () { search.submit(); });
    });
  }

  function poll(url, show) {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        show(job);
        if (job.state !== "done" && job.state !== "failed") {
          setTimeout(function () { poll(url, show); }, 700);
        }
      })
      .catch(function () { setTimeout(function () { poll(url, show); }, 2000); });
  }

  function describe(job) {
    var words = { queued: "Waiting to start", ingesting: "Reading", analyzing: "Analysing",
                  done: "Done", failed: "Failed" }[job.state] || job.state;
    var count = job.total ? " (" + job.done + " of " + job.total + ")" : "";
    return words + count + (job.stage && job.state !== "done" ? ": " + job.stage : "") +
      (job.state === "done" ? ": " + job.ingested.length + " added, " + job.duplicates.length +
       " already stored, " + job.failed.length + " failed" : "") + (job.error ? ": " + job.error : "");
  }

  // Add page: send the form with fetch, then follow the job on the page.
  var add = document.getElementById("add-form");
  if (add) {
    add.addEventListener("submit", function (event) {
      event.preventDefault();
      var box = document.getElementById("progress"), bar = document.getElementById("progress-bar");
      var text = document.getElementById("progress-text"), failed = document.getElementById("progress-failed");
      var done = document.getElementById("progress-done"), link = document.getElementById("progress-link");
      box.hidden = false; done.hidden = true; failed.textContent = ""; text.textContent = "Sending…";
      bar.removeAttribute("value");
      fetch(add.action, { method: "POST", body: new FormData(add), credentials: "same-origin",
                          headers: { "Accept": "application/json", "X-CSRF-Token": csrfToken(add) } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (answer) {
          if (!answer.ok) { text.textContent = "Refused: " + answer.body.error; bar.value = 0; bar.max = 1; return; }
          link.href = answer.body.page;
          poll(answer.body.status_url, function (job) {
            text.textContent = describe(job);
            if (job.total) { bar.max = job.total; bar.value = job.done; } else { bar.removeAttribute("value"); }
            failed.textContent = "";
            job.failed.forEach(function (f) {
              var li = document.createElement("li"); li.textContent = f.input + ": " + f.reason; failed.appendChild(li);
            });
            if (job.state === "done" || job.state === "failed") {
              bar.max = 1; bar.value = 1; done.hidden = false;
              if (job.state === "done") { add.reset(); }
            }
          });
        })
        .catch(function (e) { text.textContent = "Could not send: " + e; });
    });
  }

  // Job page: follow the job, reload once it has finished (the page then lists what was added).
  var job = document.getElementById("job");
  if (job && job.dataset.state !== "done" && job.dataset.state !== "failed") {
    poll(job.dataset.statusUrl, function (state) {
      var label = document.getElementById("job-state");
      if (label) { label.textContent = describe(state); }
      if (state.state === "done" || state.state === "failed") { window.location.reload(); }
    });
  }
})();
