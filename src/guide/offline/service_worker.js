/* Service worker for one language of the guide. guidelib/service_workers.py writes a copy per language
   at the site root (sw.js, sw-<lang>.js) with the constants below filled in from the build. */
"use strict";

const PRECACHE = __PRECACHE__; // [{url, revision}], URLs relative to this file (the site root)
const CACHE_PREFIX = __CACHE_PREFIX__; // one prefix per language and site path
const VERSION = __VERSION__; // changes whenever any precached file changes
const OFFLINE_PAGE = __OFFLINE_PAGE__; // this language's offline notice
// Only the root worker, whose scope holds every language folder: {folder: that language's offline page}.
const LANGUAGE_OFFLINE_PAGES = __LANGUAGE_OFFLINE_PAGES__;

const CACHE = CACHE_PREFIX + VERSION;
const REVISIONS = "__revisions__"; // a JSON entry in each cache: url -> revision
const absolute = (url) => new URL(url, self.location).href;

async function revisionsIn(cache) {
  const stored = await cache.match(REVISIONS);
  return stored ? stored.json() : {};
}

/* Fill the cache: copy unchanged files from the previous version, download only changed ones. */
async function fillCache() {
  const cache = await caches.open(CACHE);
  const have = await revisionsIn(cache);
  const previous = [];
  for (const name of await caches.keys()) {
    if (name.startsWith(CACHE_PREFIX) && name !== CACHE) {
      const old = await caches.open(name);
      previous.push({ cache: old, revisions: await revisionsIn(old) });
    }
  }
  for (const { url, revision } of PRECACHE) {
    const key = absolute(url);
    if (have[key] === revision) continue;
    let response;
    for (const old of previous) {
      if (old.revisions[key] === revision) {
        response = await old.cache.match(key);
        if (response) break;
      }
    }
    if (!response) {
      // "no-cache": revalidate what the page itself just downloaded (304, no body) instead of fetching it twice.
      response = await fetch(key, { cache: "no-cache" });
      if (!response.ok) throw new Error(`precache ${key}: HTTP ${response.status}`);
    }
    await cache.put(key, response);
    have[key] = revision;
    await cache.put(REVISIONS, new Response(JSON.stringify(have)));
  }
}

async function missingCount() {
  const have = await revisionsIn(await caches.open(CACHE));
  return PRECACHE.filter(({ url, revision }) => have[absolute(url)] !== revision).length;
}

self.addEventListener("install", (event) => {
  // No skipWaiting here: a reader with an open page is asked before the new version takes over.
  event.waitUntil(fillCache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })()
  );
});

self.addEventListener("message", (event) => {
  const reply = (message) => event.ports[0] && event.ports[0].postMessage(message);
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "status") missingCount().then((missing) => reply({ missing }));
  if (event.data === "save") {
    fillCache()
      .then(missingCount)
      .then((missing) => reply({ missing }))
      .catch(() => reply({ missing: -1 }));
  }
});

/* The address a saved page is stored under: no query or fragment, "index.html" and a missing final
   slash (`symptoms`, `/zh`) lead to the folder URL. */
function savedAddress(url) {
  const address = new URL(url);
  address.search = "";
  address.hash = "";
  if (address.pathname.endsWith("/index.html")) address.pathname = address.pathname.slice(0, -"index.html".length);
  else if (!address.pathname.endsWith("/") && !address.pathname.split("/").pop().includes(".")) address.pathname += "/";
  return address.href;
}

/* The offline notice in the language of the address (another language's folder, under the root worker). */
function offlinePage(url) {
  const path = new URL(url).href.slice(absolute("./").length);
  const folder = Object.keys(LANGUAGE_OFFLINE_PAGES).find((prefix) => path.startsWith(prefix) || path + "/" === prefix);
  return absolute(folder ? LANGUAGE_OFFLINE_PAGES[folder] : OFFLINE_PAGE);
}

/* Pages: network first, bypassing the HTTP cache, so an online reader always gets the newest medical text;
   the saved copy only when the network fails (from any language's cache of this site: a language switch
   offline), and the offline notice only for a page never saved. A 404 or other answer from the server is
   passed through as it is. */
async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(new Request(request, { cache: "no-cache" }));
    if (response.ok && response.type === "basic") cache.put(savedAddress(request.url), response.clone());
    return response;
  } catch (error) {
    const address = savedAddress(request.url);
    // "/ar/symptoms" or ".../index.html": to the saved page's own address, where its relative links work.
    if (new URL(address).pathname !== new URL(request.url).pathname) return Response.redirect(address, 301);
    const saved = (await cache.match(address)) || (await savedByAnotherLanguage(address));
    return saved || (await caches.match(offlinePage(request.url), { cacheName: CACHE })) || Response.error();
  }
}

async function savedByAnotherLanguage(address) {
  const sitePrefix = CACHE_PREFIX.split(":").slice(0, 2).join(":") + ":";
  for (const name of await caches.keys()) {
    if (name.startsWith(sitePrefix) && name !== CACHE) {
      const found = await (await caches.open(name)).match(address);
      if (found) return found;
    }
  }
  return undefined;
}

/* Everything else (CSS, scripts, search index, images): the precached copy, else the network. */
async function asset(request) {
  const cached = await caches.match(request, { ignoreSearch: true, cacheName: CACHE });
  return cached || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(request.mode === "navigate" ? page(request) : asset(request));
});
