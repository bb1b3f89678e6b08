// Unknot: keeps the answers a person gives to the warning-sign check before
// app.wasm has taken over the page (the pre-rendered /triage is a real
// form), so that the program takes them over when it builds the check (view:
// Platform.TakeEarlyAnswers). It records only answers given on the
// pre-rendered page: go-app builds its own page in place of it, and from
// then on the check keeps its own answers. The program's start is cut into
// short tasks (wasm/main.go), and go-app's loader leaves as it begins, so
// the loader cannot say when that happens.
"use strict";

(() => {
  // The script is deferred: the pre-rendered page has been read.
  const prerendered = document.querySelector("main");
  document.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "radio" || !input.checked || !input.hasAttribute("data-answer")) {
      return;
    }
    const question = input.closest("[data-question]");
    if (!question || !prerendered || !prerendered.isConnected || !prerendered.contains(input)) {
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
})();
