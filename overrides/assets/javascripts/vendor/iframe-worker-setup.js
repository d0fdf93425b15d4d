/* The set-up of the frame in which iframe-worker-shim.js runs the search worker (from iframe-worker 1.0.4,
   MIT licence, (c) Martin Donath): a worker's postMessage and importScripts, and its errors reported to
   the page. An external file, because the page's Content-Security-Policy allows no unhashed inline script. */
"use strict";
(function () {
  const worker = document.currentScript.dataset.worker;
  // Material's search worker finds its own address as the frame's first script[src]: leave it that.
  document.currentScript.remove();
  self.postMessage = function (message, origin) {
    parent.postMessage(message, origin || "*");
  };
  self.importScripts = function (...urls) {
    return urls.reduce(
      (previous, url) =>
        previous.then(
          () =>
            new Promise((resolve) => {
              const script = document.createElement("script");
              script.src = url;
              script.onload = resolve;
              document.body.appendChild(script);
            })
        ),
      Promise.resolve()
    );
  };
  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error }));
  });
})();
