// The reading grade of each prose field and of the whole page, updated as the editor types (procedure edit form).
// The grade is computed by the server (textstat), so the figures here are the same as in the list and on save.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector(".readability[data-url]");
    var form = document.getElementById("procedure_form");
    if (!box || !form) return;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var names = box.dataset.fields.split(",");
    var target = parseFloat(box.dataset.target);

    function fields() {
      var found = names.map(function (name) { return form.querySelector("[name=" + name + "]"); });
      form.querySelectorAll("textarea[name^=sections-][name$=-body]").forEach(function (el) { found.push(el); });
      return found.filter(Boolean);
    }

    function measure(text) {
      var data = new FormData();
      data.append("text", text);
      return fetch(box.dataset.url, {
        method: "POST", body: data, credentials: "same-origin", headers: {"X-CSRFToken": token.value},
      }).then(function (response) { return response.ok ? response.json() : null; });
    }

    function show(output, result) {
      if (!result || result.grade === null) { output.textContent = ""; return; }
      output.textContent = "Reading grade " + result.grade + " (target " + target + " or lower)";
      output.classList.toggle("grade-over", result.grade > target);
      if (result.hardest.length) output.textContent += ". Hardest: “" + result.hardest[0].sentence + "”";
    }

    function outputFor(field) {
      var output = field.parentNode.querySelector("output.grade-live");
      if (!output) {
        output = document.createElement("output");
        output.className = "grade-live";
        output.setAttribute("aria-live", "polite");
        field.insertAdjacentElement("afterend", output);
      }
      return output;
    }

    var timer = null;
    function update(field) {
      clearTimeout(timer);
      timer = setTimeout(function () {
        measure(field.value).then(function (result) { show(outputFor(field), result); });
        var page = fields().map(function (el) { return el.value; }).join("\n\n");
        measure(page).then(function (result) {
          if (result && result.grade !== null) box.querySelector("[data-grade-of=page]").textContent = result.grade;
        });
      }, 400);
    }

    form.addEventListener("input", function (event) {
      if (fields().indexOf(event.target) !== -1) update(event.target);
    });
  });
})();
