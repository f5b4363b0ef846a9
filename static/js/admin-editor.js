// The content edit forms: a Markdown toolbar (markdown-toolbar-element) and a live preview for each Markdown field,
// and the reading grade of each prose field and of the whole page as the editor types. The server renders the
// preview with the page's own Markdown and sanitiser, and computes the grade (textstat): what the editor sees here
// is what the page and the procedure list will say. A text longer than its field holds (data-max-length), or whose
// formatting would take the renderer too long, gets the server's message in place of its preview.
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

    // The server answers 400 with {error} when it will not preview a text (too long, too slow to format).
    function measure(text, extra) {
      var data = new FormData();
      data.append("text", text);
      Object.keys(extra).forEach(function (name) { data.append(name, extra[name]); });
      return fetch(url, {method: "POST", body: data, credentials: "same-origin", headers: {"X-CSRFToken": token.value}})
        .then(function (response) { return response.ok || response.status === 400 ? response.json() : null; });
    }

    function previewOf(field) {
      var preview = field.parentNode.querySelector("div.md-preview");
      if (!preview) {
        preview = document.createElement("div");
        preview.className = "md-preview";
        preview.setAttribute("role", "region");
        preview.setAttribute("aria-label", "Preview: " + labelOf(field));
        field.insertAdjacentElement("afterend", preview);
      }
      return preview;
    }

    function partOf(result) {
      return result.partial ? " of its first " + result.graded_chars.toLocaleString("en-US") + " characters" : "";
    }

    function show(field, result) {
      if (!result) return;
      var markdown = field.hasAttribute("data-markdown");
      var output = isSpanish(field) ? null : outputAfter(field, "grade-live", "output");
      if (output) output.setAttribute("aria-live", "polite");
      if (result.error) {
        var note = markdown ? previewOf(field) : output;
        if (!note) return;
        note.textContent = result.error;
        note.classList.add("grade-over");
        if (markdown && output) output.textContent = "";
        return;
      }
      if (markdown) {
        var preview = previewOf(field);
        preview.classList.remove("grade-over");
        preview.innerHTML = result.html;  // sanitised by the server (nh3), exactly as on the page
      }
      if (!output) return;
      if (result.grade === null) { output.textContent = ""; return; }
      output.textContent = "Reading grade " + result.grade + partOf(result) + " (target " + target + " or lower)";
      output.classList.toggle("grade-over", result.grade > target);
      if (result.hardest.length) output.textContent += ". Hardest: “" + result.hardest[0].sentence + "”";
    }

    form.querySelectorAll("textarea[data-markdown]").forEach(addToolbar);

    var timers = {};
    function update(field) {
      clearTimeout(timers[field.name]);
      timers[field.name] = setTimeout(function () {
        var limit = {max_length: field.dataset.maxLength || ""};
        measure(field.value, limit).then(function (result) { show(field, result); });
        if (!box || isSpanish(field)) return;
        var page = prose().map(function (el) { return el.value; }).join("\n\n");
        measure(page, {part: "page"}).then(function (result) {
          if (!result || result.grade === null) return;
          box.querySelector("[data-grade-of=page]").textContent = result.grade + partOf(result);
        });
      }, 400);
    }
    form.addEventListener("input", function (event) {
      var field = event.target;
      if (prose().indexOf(field) !== -1 || (isSpanish(field) && field.hasAttribute("data-markdown"))) update(field);
    });
  });
})();
