/* Unknot embed: put Unknot on a clinic's page with

     <script src="https://HOST/embed.js" data-clinic="…" async></script>
   (data-lang="fr" asks for the app in that language).

   It inserts a frame of the app (from the address this script came from,
   sub-path included) right after the script tag, at the end of the body
   when the tag is in the head, or inside the element named by
   data-target="#id" when there is one, and sizes the frame from
   the app's height reports. It accepts a message only from that frame's
   window and origin, and only of the shape {type: "unknot:height", height}.
   The app never sends the page anything else: no health data, ever.
   No dependencies; nothing is added to the page's global scope. */
(function () {
  "use strict";

  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 20000;

  // The script's own tag: document.currentScript while it runs, else the
  // last tag whose address ends in /embed.js that has no frame yet.
  function findScript() {
    if (document.currentScript) {
      return document.currentScript;
    }
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      var s = scripts[i];
      if (/\/embed\.js(\?|#|$)/.test(s.src || "") && !s.hasAttribute("data-unknot-embedded")) {
        return s;
      }
    }
    return null;
  }

  var script = findScript();
  if (!script || script.hasAttribute("data-unknot-embedded")) {
    return;
  }
  script.setAttribute("data-unknot-embedded", "");

  // The app lives where this script does: https://HOST/sub/path/embed.js
  // gives https://HOST/sub/path/.
  var src = new URL(script.src, document.baseURI);
  var appURL = new URL("./", src);
  var frameOrigin = appURL.origin;

  var config = script.getAttribute("data-clinic") || script.getAttribute("data-config") || "";
  // The configuration is base64url; anything else is left out rather than
  // passed on (the app validates what it gets again).
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(config)) {
    config = "";
  }
  var frameURL = new URL("./?embed=1", appURL);
  // data-lang="fr": the language for the clinic's patients, where the
  // configuration names none (a two-letter code; anything else is left out).
  var lang = script.getAttribute("data-lang") || "";
  if (/^[a-z]{2}$/.test(lang)) {
    frameURL.searchParams.set("lang", lang);
  }
  if (config) {
    frameURL.hash = "clinic=" + config;
  }

  var frame = document.createElement("iframe");
  frame.src = frameURL.href;
  frame.title = script.getAttribute("data-title") || "Unknot: back spasm help";
  frame.setAttribute("allow", "screen-wake-lock; autoplay");
  frame.setAttribute("loading", "lazy");
  frame.setAttribute("referrerpolicy", "no-referrer");
  frame.width = "100%";
  frame.height = "640";
  frame.style.border = "none";
  frame.style.width = "100%";
  frame.style.display = "block";
  frame.className = "unknot-embed";

  window.addEventListener("message", function (event) {
    if (event.origin !== frameOrigin || event.source !== frame.contentWindow) {
      return;
    }
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "unknot:height") {
      return;
    }
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < MIN_HEIGHT || height > MAX_HEIGHT) {
      return;
    }
    frame.style.height = Math.ceil(height) + "px";
    frame.height = String(Math.ceil(height));
  });

  place();

  // Where the frame goes: into the element the page names with
  // data-target="#id"; else right after this script when it stands in the
  // body; else, when the script is in the head (site builders' "add code
  // to header"), at the end of the body, where it can be seen.
  function place() {
    var target = script.getAttribute("data-target") || "";
    var named = /^#[A-Za-z][\w:.-]*$/.test(target) ? document.getElementById(target.slice(1)) : null;
    if (named) {
      named.appendChild(frame);
    } else if (target && document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", place);
    } else if (!inHead(script)) {
      script.parentNode.insertBefore(frame, script.nextSibling);
    } else if (document.body) {
      document.body.appendChild(frame);
    } else {
      document.addEventListener("DOMContentLoaded", place);
    }
  }

  function inHead(el) {
    for (var n = el.parentNode; n; n = n.parentNode) {
      if (n === document.head) {
        return true;
      }
    }
    return false;
  }
})();
