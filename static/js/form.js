// Move focus to the summary of problems after a failed submission, so screen readers read it first and
// keyboard users start from the list of links to the fields. Without JavaScript the summary is at the top.
document.addEventListener("DOMContentLoaded", () => {
  const problem = document.getElementById("problem");
  if (problem) problem.focus();

  // Questions that apply only after an answer (someone asking for the patient; "Other" language) are hidden
  // until then. Without JavaScript they are all shown, each label saying when it applies. A question with an
  // error is never hidden.
  const form = document.querySelector("form.request-form");
  if (!form) return;
  const dependents = [
    ["requester", "someone_else", ["requester_name", "requester_relationship", "requester_phone", "call_back"]],
    ["preferred_language", "other", ["preferred_language_other"]],
  ];
  // When someone else asks, the browser must not fill the patient's questions with the asker's own details.
  const patientAutofill = {
    first_name: "section-patient given-name",
    last_name: "section-patient family-name",
    date_of_birth: "section-patient bday",
    phone: "section-patient tel",
    email: "section-patient email",
  };
  const update = () => {
    for (const [name, shownFor, fields] of dependents) {
      const control = form.elements[name];
      const applies = control && control.value === shownFor;
      for (const field of fields) {
        const wrapper = document.getElementById(`div_id_${field}`);
        if (wrapper) wrapper.hidden = !applies && !wrapper.querySelector(".invalid-feedback, [aria-invalid=true]");
      }
    }
    const someoneElse = form.elements.requester && form.elements.requester.value === "someone_else";
    for (const [name, token] of Object.entries(patientAutofill)) {
      if (form.elements[name]) form.elements[name].setAttribute("autocomplete", someoneElse ? "off" : token);
    }
  };
  form.addEventListener("change", update);
  update();

  // The header's language switch sends the form (its answers are kept), as the form's own language button does.
  const languageButton = document.getElementById("form-language");
  const headerSwitch = document.querySelector("a.language-switch");
  if (languageButton && headerSwitch) {
    headerSwitch.addEventListener("click", (event) => {
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit(languageButton);
      else languageButton.click();
    });
  }
});
