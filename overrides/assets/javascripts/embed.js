/* Embedded pages: report the page height to the host (our snippet, and WordPress's oEmbed iframe
   protocol), show the hospital's own phone numbers, and keep those numbers on links inside the guide.
   Uses no storage or cookies: sandboxed iframes forbid them. */
(function () {
  "use strict";
  const params = new URLSearchParams(window.location.search);
  // Digits, spaces, +, -, and brackets only, with at least two digits; anything else is ignored.
  const valid = (value) => value && /^[0-9+\-() ]{2,24}$/.test(value) && /[0-9].*[0-9]/.test(value) ? value.trim() : null;
  // Numbers are the embedding hospital's: only inside a frame. On a top-level visit, anyone could send a
  // link that shows their number under our name. A frame we may not inspect is still a frame.
  const framed = (() => { try { return window.top !== window.self; } catch (error) { return true; } })();
  const numbers = framed
    ? { emergency: valid(params.get("emergency")), team: valid(params.get("team")) }
    : { emergency: null, team: null };
  const main = document.querySelector("main.embed");

  function addNumber(selector, number, label) {
    if (!number) return;
    document.querySelectorAll(selector).forEach((box) => {
      const line = document.createElement("p");
      line.className = "hospital-number";
      line.append(label + ": ");
      const link = document.createElement("a");
      link.href = "tel:" + number.replace(/[^0-9+]/g, "");
      link.textContent = number;
      line.append(link);
      // Say where the number comes from: the site showing this page, not the guide.
      const source = document.createElement("small");
      source.className = "hospital-number__source";
      source.textContent = " " + main.dataset.hospitalNumberSource;
      line.append(source);
      const title = box.querySelector(".admonition-title");
      title ? title.after(line) : box.prepend(line);
    });
  }
  addNumber("div.admonition.emergency", numbers.emergency, main.dataset.hospitalEmergencyLabel);
  addNumber("div.admonition.urgent", numbers.team, main.dataset.hospitalTeamLabel);

  // Links to other guide pages keep the hospital's numbers.
  const kept = new URLSearchParams();
  if (numbers.emergency) kept.set("emergency", numbers.emergency);
  if (numbers.team) kept.set("team", numbers.team);
  document.querySelectorAll("a[href]").forEach((link) => {
    const href = link.getAttribute("href");
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("#")) return;
    if (kept.toString()) {
      const [path, hash] = href.split("#");
      link.setAttribute("href", path + "?" + kept + (hash ? "#" + hash : ""));
    }
  });

  // Height reporting: our host snippet listens for "spine-guide:height"; WordPress for "height".
  const secret = new URLSearchParams(window.location.hash.slice(1).replace(/^\?/, "")).get("secret");
  function report() {
    // The content's own height, not the viewport's (Material's CSS gives html a height of 100%).
    const height = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY);
    window.parent.postMessage({ type: "spine-guide:height", height: height }, "*");
    if (secret) window.parent.postMessage({ message: "height", value: height, secret: secret }, "*");
  }
  new ResizeObserver(report).observe(main);
  window.addEventListener("load", report);
})();
