// Shared input clean-up for identifiers: people type spaces, dashes and dots between digit groups.

/** Removes spaces (incl. non-breaking), dashes, dots and slashes; keeps everything else. */
export function stripSeparators(text: string): string {
  return text.replace(/[\s\u00a0\-–.·/]/g, '');
}

/** Longest raw input any identifier parser looks at; longer input is refused before work is done. */
export const MAX_IDENTIFIER_INPUT_LENGTH = 64;
