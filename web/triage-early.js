// Unknot: keeps the answers a person gives to the warning-sign check before
// app.wasm has started (the pre-rendered /triage is a real form), so that the
// program takes them over when it starts (view: Platform.TakeEarlyAnswers).
// It records only while go-app's loader is in the page: once the program
// runs, the check keeps its own answers.
"use strict";

document.addEventListener("change", (event) => {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "radio" || !input.checked || !input.hasAttribute("data-answer")) {
    return;
  }
  const question = input.closest("[data-question]");
  if (!question || !document.getElementById("app-wasm-loader")) {
    return;
  }
  try {
    const key = "unknot.triage.early";
    const answers = JSON.parse(sessionStorage.getItem(key) || "{}");
    answers[question.getAttribute("data-question")] = input.value;
    sessionStorage.setItem(key, JSON.stringify(answers));
  } catch (e) {
    // Storage refused: the answers are still on the form.
  }
});
