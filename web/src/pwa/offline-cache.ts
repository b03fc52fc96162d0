// The service worker keeps the last overview and JHT answers for offline reading. These helpers let the
// page register it and forget the saved answers on sign-out (they are personal data).

export const apiCacheName = 'lumbung-api-v1';

export async function clearOfflineCache(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(apiCacheName);
  } catch {
    // Storage blocked: nothing was saved either.
  }
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // The app works without it; only offline reading is lost.
    });
  });
}
