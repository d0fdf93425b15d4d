/* Offline reading: register this language's service worker, show whether the guide is saved on this
   device, offer to save it, and ask the reader before showing a newer version of the text.
   Embedded pages (inside another site's iframe) never register a service worker. */
(function () {
  "use strict";
  const bar = document.querySelector("[data-offline]");
  if (!bar || window.self !== window.top || document.documentElement.hasAttribute("data-embed")) return;
  if (!("serviceWorker" in navigator) || window.location.protocol === "file:") return;

  const show = (name, visible) => {
    const element = bar.querySelector(`[data-offline-${name}]`);
    if (element) element.hidden = !visible;
  };
  const ask = (worker, message) =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      worker.postMessage(message, [channel.port2]);
    });
  const showStatus = ({ missing }) => {
    bar.hidden = false;
    show("ready", missing === 0);
    show("save", missing !== 0);
    show("saving", false);
    show("failed", missing < 0);
  };

  // Reload only when the reader asked for the new version, not when the first worker takes control.
  let updateAccepted = false;
  function promptUpdate(registration) {
    const prompt = document.querySelector("[data-update]");
    if (!prompt || !registration.waiting) return;
    prompt.hidden = false;
    prompt.querySelector("button").addEventListener("click", () => {
      updateAccepted = true;
      registration.waiting.postMessage("skip-waiting");
    });
  }
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (updateAccepted) window.location.reload();
  });

  /* Offline, a link to an address no saved worker answers (another language not saved, the English page
     a translation points to) would show the browser's error: show this language's offline notice, which
     says how to save pages, instead. */
  const offlineNotice = new URL("offline/", new URL(bar.dataset.home, window.location.href)).href;
  document.addEventListener("click", async (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (navigator.onLine || !link || event.defaultPrevented || link.origin !== window.location.origin) return;
    if (link.hasAttribute("download") || link.pathname === window.location.pathname) return;
    event.preventDefault();
    const registration = await navigator.serviceWorker.getRegistration(link.href);
    window.location.href = registration && registration.active ? link.href : offlineNotice;
  });

  window.addEventListener("load", async () => {
    const registration = await navigator.serviceWorker.register(bar.dataset.sw, { scope: bar.dataset.scope });
    // A newer version exists only beside an active older one of this language's own worker: on a first
    // visit to a language, the page may be controlled by another language's worker, and nothing changed.
    if (registration.waiting && registration.active) promptUpdate(registration);
    registration.addEventListener("updatefound", () => {
      const installing = registration.installing;
      const replacing = Boolean(registration.active);
      installing.addEventListener("statechange", () => {
        if (installing.state === "installed" && replacing) promptUpdate(registration);
      });
    });

    const ready = await navigator.serviceWorker.ready;
    showStatus(await ask(ready.active, "status"));
    bar.querySelector("[data-offline-save]").addEventListener("click", async () => {
      show("save", false);
      show("saving", true);
      showStatus(await ask(ready.active, "save"));
    });
  });
})();
