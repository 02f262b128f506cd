// Spinewise service worker, served at /sw.js by spinewise.web.site.pwa.
// - Static files: cache first (their names change with their content in production).
// - Exercise drawings: the kept copy at once, refreshed in the background.
// - Pages: the network first; the copy kept on this device when there is no network.
//   Only the pages a signed-in person's plan asks for are kept (see js/offline.js).
"use strict";
const CONFIG = {{ config|safe }};
{% verbatim %}
const STATIC = "spinewise-static-" + CONFIG.version;
const PAGES = "spinewise-pages";
const DRAWINGS = "spinewise-drawings";
const OWNER = "/offline-owner";  // which account the kept pages belong to

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(STATIC)
      .then((cache) => cache.addAll(CONFIG.precache.concat([CONFIG.offline_page])))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names
          .filter((name) => name.startsWith("spinewise-static-") && name !== STATIC)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

function sameOrigin(url) {
  try {
    return new URL(url, self.location.href).origin === self.location.origin;
  } catch (err) {
    return false;
  }
}

function isDrawing(path) {
  return /^\/exercises\/[\w-]+(\.svg|\/key-poses\.svg|\/thumbnail\.svg)$/.test(path);
}

async function ownerOf(pages) {
  const found = await pages.match(OWNER);
  return found ? found.text() : null;
}

// Keeps the pages and drawings a plan page lists, for the person it belongs to.
async function keep(urls, start, owner) {
  let pages = await caches.open(PAGES);
  if ((await ownerOf(pages)) !== owner) {
    // Another account's pages never show to this one.
    await caches.delete(PAGES);
    pages = await caches.open(PAGES);
    await pages.put(OWNER, new Response(owner));
  }
  const drawings = await caches.open(DRAWINGS);
  let kept = 0;
  await Promise.all(urls.filter(sameOrigin).map(async (url) => {
    const path = new URL(url, self.location.href).pathname;
    // A kept drawing is refreshed whenever it is shown; pages are fetched afresh each time.
    if (isDrawing(path) && (await drawings.match(url))) {
      kept += 1;
      return;
    }
    try {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok || response.redirected) { return; }
      if (isDrawing(path)) {
        await drawings.put(url, response);
      } else {
        if (url === start) { await pages.put(CONFIG.start, response.clone()); }
        await pages.put(url, response);
      }
      kept += 1;
    } catch (err) {
      // Offline or refused: the next visit online tries again.
    }
  }));
  return kept;
}

// A kept page whose content changed (an exercise ticked off): keep the new copy.
async function refresh(url) {
  if (!(await keptPage(url))) { return; }
  try {
    const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
    if (response.ok && !response.redirected) {
      const pages = await caches.open(PAGES);
      await pages.put(url, response);
    }
  } catch (err) {
    // Offline: the kept copy stays, and the outbox shows what is waiting.
  }
}

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "keep" && Array.isArray(data.urls)) {
    event.waitUntil(keep(data.urls, data.start, String(data.owner)).then((kept) => {
      if (event.source) { event.source.postMessage({ type: "kept", count: kept }); }
    }));
  } else if (data.type === "refresh" && sameOrigin(String(data.url))) {
    event.waitUntil(refresh(String(data.url)).then(() => {
      if (event.source) { event.source.postMessage({ type: "refreshed", url: data.url }); }
    }));
  } else if (data.type === "forget") {
    event.waitUntil(caches.delete(PAGES));
  }
});

async function cacheFirst(request, name) {
  const found = await caches.match(request);
  if (found) { return found; }
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(name);
    await cache.put(request, response.clone());
  }
  return response;
}

async function keptThenRefreshed(request) {
  const cache = await caches.open(DRAWINGS);
  const found = await cache.match(request);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) { await cache.put(request, response.clone()); }
    return response;
  });
  if (found) {
    fresh.catch(() => null);
    return found;
  }
  return fresh;
}

// Looks in the kept pages without creating their cache (logging out deletes it).
function keptPage(key) {
  return caches.match(key, { cacheName: PAGES, ignoreVary: true });
}

async function networkFirst(request) {
  const url = new URL(request.url);
  const key = url.pathname + url.search;
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && (await keptPage(key))) {
      const pages = await caches.open(PAGES);
      await pages.put(key, response.clone());  // a kept page stays up to date
    }
    return response;
  } catch (err) {
    const kept = await keptPage(key);
    if (kept) { return kept; }
    const offline = await caches.match(CONFIG.offline_page);
    return offline || Response.error();
  }
}

// A form sent when the network looked up but was not: say so plainly, instead of the
// browser's error page. Nothing was saved; going back keeps what was typed.
function notSent() {
  const page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" +
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
    "<title>Not sent · Spinewise</title></head><body><main>" +
    "<h1>Not sent: no connection</h1><p>Nothing was saved. Go back to keep what you typed, " +
    "then save it again: with no network a check-in waits on this device and is sent later." +
    "</p></main></body></html>";
  return new Response(page, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method === "POST" && request.mode === "navigate" && sameOrigin(request.url)) {
    event.respondWith(fetch(request).catch(() => notSent()));
    return;
  }
  if (request.method !== "GET" || !sameOrigin(request.url)) { return; }
  const url = new URL(request.url);
  if (url.pathname.startsWith("/api/") || url.pathname === "/sw.js") { return; }
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith(CONFIG.static_prefix)) {
    event.respondWith(cacheFirst(request, STATIC));
  } else if (isDrawing(url.pathname)) {
    event.respondWith(keptThenRefreshed(request));
  }
});
{% endverbatim %}
