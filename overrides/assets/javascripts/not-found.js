/* GitHub Pages answers every missing address with the root 404.html (English). A reader whose address is
   in a language folder (/fr/..., /zh) is sent to that language's own 404 page. src/guide/offline/not_found.py loads
   this on 404 pages only, with the site's path, the page's own language folder and every language folder. */
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script || script.dataset.language) return; // already a language's own page
  const site = script.dataset.site;
  const path = decodeURI(window.location.pathname);
  if (!path.startsWith(site)) return;
  const rest = path.slice(site.length);
  const folder = script.dataset.folders
    .split(" ")
    .find((prefix) => prefix && (rest.startsWith(prefix) || rest + "/" === prefix));
  if (folder) window.location.replace(site + folder + "404.html");
})();
