// Where focus goes after a search (the locator, the directory, the request form's center search), and "Use my
// location": a progressive enhancement of the locator form. Without JavaScript, or when the
// patient says no, the ZIP/city search works the same. The position goes only to our own server.
document.addEventListener("DOMContentLoaded", () => {
  // After a search, take keyboard and screen reader users to the results rather than the top of the page; after
  // a search that failed, to the search field with the error (it names the error through aria-describedby),
  // unless the page has its own error summary (the request form's), which takes focus itself. The move waits
  // until the page has painted once, so the browser measures the page as loaded before it scrolls.
  const invalid = document.querySelector('form[role="search"] [aria-invalid="true"], .center-search [aria-invalid="true"]');
  const heading = document.getElementById("results-heading");
  const target = invalid && !document.getElementById("problem") ? invalid : heading;
  if (target && (target === invalid || target.hasAttribute("tabindex"))) {
    window.addEventListener("load", () => requestAnimationFrame(() => requestAnimationFrame(() => target.focus())));
  }
  const button = document.getElementById("use-location");
  if (!button || !("geolocation" in navigator)) return;
  const form = button.form;
  const status = document.getElementById("location-status");
  button.hidden = false;
  // The messages come from the page, in its language (appointments/_location_status.html).
  const say = (name, english) => { status.textContent = status.dataset[name] || english; };
  button.addEventListener("click", () => {
    say("finding", "Finding your location…");
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        form.elements.lat.value = position.coords.latitude.toFixed(4);
        form.elements.lng.value = position.coords.longitude.toFixed(4);
        form.elements.q.value = "";
        say("searching", "Searching near your location…");
        // Inside the request form, the search is its "Find centers" button: the whole form goes, answers kept.
        const find = document.getElementById("find-centers");
        if (find && find.form === form && form.requestSubmit) form.requestSubmit(find);
        else if (find && find.form === form) find.click();
        else form.submit();
      },
      () => {
        say("failed", "We could not get your location. Enter a ZIP code or a city and state instead.");
        button.disabled = false;
        form.elements.q.focus();
      },
      { timeout: 10000, maximumAge: 600000 }
    );
  });
});
