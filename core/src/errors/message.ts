// A human message for a stable error code, in Bahasa Indonesia (default) and English.
export type Language = 'id' | 'en';
export type Message = { readonly id: string; readonly en: string };
export type MessageTable<C extends string> = { readonly [K in C]: Message };

/** Replaces {name} placeholders with params; unknown placeholders stay visible so tests catch them. */
export function interpolate(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
