// A wide table scrolls sideways on a phone; the region takes keyboard focus so it can be scrolled
// without a mouse, and its label says what it holds.
import type { ReactNode } from 'react';

export function ScrollRegion({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div className="employer-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
