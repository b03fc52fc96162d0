// A page's heading and body. After an in-app navigation, focus moves to the heading so keyboard and
// screen-reader users land on the new content (the first page load leaves focus alone).
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';

/** The history entry whose heading already received focus, so data loading does not steal it again. */
let focusedKey: string | null = null;

export function Page({
  title,
  lead,
  back,
  children,
  actions,
}: {
  readonly title: string;
  readonly lead?: ReactNode;
  readonly back?: { readonly to: string; readonly label: string };
  readonly children: ReactNode;
  readonly actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    if (key !== 'default' && focusedKey !== key) heading.current?.focus();
    focusedKey = key;
  }, [key]);
  useEffect(() => {
    document.title = `${title} · Lumbung`;
  }, [title]);
  return (
    <div className="page">
      {back ? (
        <Link className="back-link" to={back.to}>
          <span aria-hidden="true">← </span>
          {back.label}
        </Link>
      ) : null}
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </div>
      {lead ? <p className="page-lead">{lead}</p> : null}
      {children}
    </div>
  );
}
