// docs/rules.md is generated from the core's rule tables so the documentation never drifts from code.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderRulesMarkdown } from '@lumbung/core';

export const RULES_DOC_PATH = fileURLToPath(new URL('../../../docs/rules.md', import.meta.url));

export async function writeRulesDoc(path: string = RULES_DOC_PATH): Promise<void> {
  await writeFile(path, renderRulesMarkdown(), 'utf8');
}

export async function isRulesDocFresh(path: string = RULES_DOC_PATH): Promise<boolean> {
  try {
    return (await readFile(path, 'utf8')) === renderRulesMarkdown();
  } catch {
    return false;
  }
}
