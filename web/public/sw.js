/* global self, caches */
// Lumbung service worker: keeps the app shell for offline start, and the LAST overview and JHT answers
// so a member can still read their balance offline. Those saved answers carry x-lumbung-saved-at; the
// app shows them as "not live". The page deletes the API cache on sign-out.
const SHELL_CACHE = 'lumbung-shell-v1';
const API_CACHE = 'lumbung-api-v1';
const SAVED_API_PATHS = ['/api/v1/me/overview', '/api/v1/me/jht'];
const SHELL_URLS = ['/', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(SHELL_URLS);
      // The built index names its hashed scripts and styles; keep them too so the shell starts offline.
      const index = await cache.match('/');
      const html = index ? await index.text() : '';
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
      await cache.addAll(assets);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, API_CACHE]);
      for (const key of await caches.keys()) if (!keep.has(key)) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

async function savedApi(request) {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const headers = new Headers(response.headers);
      headers.set('x-lumbung-saved-at', new Date().toISOString());
      const body = await response.clone().arrayBuffer();
      await cache.put(request.url, new Response(body, { status: 200, headers }));
    } else if (response.status === 401 || response.status === 403) {
      await cache.delete(request.url);
    }
    return response;
  } catch (error) {
    const saved = await cache.match(request.url);
    if (saved) return saved;
    throw error;
  }
}

async function navigation(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match('/', { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw error;
  }
}

async function asset(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (SAVED_API_PATHS.includes(url.pathname)) {
    event.respondWith(savedApi(request));
  } else if (url.pathname.startsWith('/api/')) {
    return;
  } else if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
  } else if (
    url.pathname.startsWith('/assets/') ||
    url.pathname.startsWith('/icons/') ||
    url.pathname === '/manifest.webmanifest'
  ) {
    event.respondWith(asset(request));
  }
});
