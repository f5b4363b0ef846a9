// The content edit forms: a Markdown toolbar (markdown-toolbar-element) and a live preview for each Markdown field,
// and the reading grade of each prose field and of the whole page as the editor types. The server renders the
// preview with the page's own Markdown and sanitiser, and computes the grade (textstat): what the editor sees here
// is what the page and the procedure list will say.
(function () {
  "use strict";
  var BUTTONS = [["bold", "Bold"], ["italic", "Italic"], ["unordered-list", "List"],
    ["ordered-list", "Numbered list"], ["link", "Link"]];

  function labelOf(field) {
    var label = document.querySelector("label[for='" + field.id + "']");
    return label ? label.textContent.replace(/:\s*$/, "") : field.name;
  }

  function addToolbar(field) {
    var toolbar = document.createElement("markdown-toolbar");
    toolbar.setAttribute("for", field.id);
    toolbar.setAttribute("data-no-focus", "");
    toolbar.setAttribute("aria-label", "Formatting: " + labelOf(field));
    toolbar.className = "md-toolbar";
    BUTTONS.forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.setAttribute("data-md-button", pair[0]);
      button.textContent = pair[1];
      toolbar.appendChild(button);
    });
    field.insertAdjacentElement("beforebegin", toolbar);
  }

  function outputAfter(field, className, tag) {
    var found = field.parentNode.querySelector(tag + "." + className);
    if (found) return found;
    var element = document.createElement(tag);
    element.className = className;
    var anchor = field.parentNode.querySelector("div.md-preview") || field;
    anchor.insertAdjacentElement("afterend", element);
    return element;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("#content-main form[method=post]");
    var box = document.querySelector(".readability[data-url]");
    if (!form) return;
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    var url = box ? box.dataset.url : (form.querySelector("[data-text-url]") || {dataset: {}}).dataset.textUrl;
    if (!url || !token) return;
    var names = box ? box.dataset.fields.split(",") : [];
    var target = box ? parseFloat(box.dataset.target) : 8;

    // The Flesch-Kincaid grade measures English only: Spanish fields (lang="es") get a preview, never a grade.
    function isSpanish(field) { return field.lang === "es"; }

    function prose() {
      var found = names.map(function (name) { return form.querySelector("[name=" + name + "]"); });
      form.querySelectorAll("textarea[data-markdown]").forEach(function (el) {
        if (found.indexOf(el) === -1 && !isSpanish(el)) found.push(el);
      });
      return found.filter(Boolean);
    }

    function measure(text) {
      var data = new FormData();
      data.append("text", text);
      return fetch(url, {method: "POST", body: data, credentials: "same-origin", headers: {"X-CSRFToken": token.value}})
        .then(function (response) { return response.ok ? response.json() : null; });
    }

    function show(field, result) {
      if (!result) return;
      if (field.hasAttribute("data-markdown")) {
        var preview = field.parentNode.querySelector("div.md-preview");
        if (!preview) {
          preview = document.createElement("div");
          preview.className = "md-preview";
          preview.setAttribute("role", "region");
          preview.setAttribute("aria-label", "Preview: " + labelOf(field));
          field.insertAdjacentElement("afterend", preview);
        }
        preview.innerHTML = result.html;  // sanitised by the server (nh3), exactly as on the page
      }
      if (isSpanish(field)) return;
      var output = outputAfter(field, "grade-live", "output");
      output.setAttribute("aria-live", "polite");
      if (result.grade === null) { output.textContent = ""; return; }
      output.textContent = "Reading grade " + result.grade + " (target " + target + " or lower)";
      output.classList.toggle("grade-over", result.grade > target);
      if (result.hardest.length) output.textContent += ". Hardest: “" + result.hardest[0].sentence + "”";
    }

    form.querySelectorAll("textarea[data-markdown]").forEach(addToolbar);

    var timers = {};
    function update(field) {
      clearTimeout(timers[field.name]);
      timers[field.name] = setTimeout(function () {
        measure(field.value).then(function (result) { show(field, result); });
        if (!box || isSpanish(field)) return;
        var page = prose().map(function (el) { return el.value; }).join("\n\n");
        measure(page).then(function (result) {
          if (result && result.grade !== null) box.querySelector("[data-grade-of=page]").textContent = result.grade;
        });
      }, 400);
    }
    form.addEventListener("input", function (event) {
      var field = event.target;
      if (prose().indexOf(field) !== -1 || (isSpanish(field) && field.hasAttribute("data-markdown"))) update(field);
    });
  });
})();
