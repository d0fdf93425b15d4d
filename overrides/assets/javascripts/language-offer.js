/* The front door's offer of another language (overrides/partials/language-offer.html): "No, thank you" hides
   it and keeps that on the device, so it is never offered again. */
(function () {
  "use strict";
  for (const button of document.querySelectorAll(".language-offer__dismiss")) {
    button.addEventListener("click", () => {
      try { window.localStorage.setItem("spine-guide:language-offer", "dismissed"); } catch (error) { /* private mode */ }
      const style = document.getElementById("language-offer-style");
      if (style) style.remove();
      document.documentElement.removeAttribute("data-language-offer");
    });
  }
})();
