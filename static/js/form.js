// Move focus to the summary of problems after a failed submission, so screen readers read it first and
// keyboard users start from the list of links to the fields. Without JavaScript the summary is at the top.
document.addEventListener("DOMContentLoaded", () => {
  const problem = document.getElementById("problem");
  if (problem) problem.focus();
});
