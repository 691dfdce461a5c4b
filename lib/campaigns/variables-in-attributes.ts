// A variable inside a link's address (or any other HTML attribute) is filled
// after the message was sanitised, so a customer named `javascript:…` would
// become a link's target. Such variables are refused when the campaign is
// saved. Pure.
import { renderMarkdown } from "../markdown/render";

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const MARKER = /candorvariable(\d+)x/g;

/** Names of the variables that end up inside an HTML attribute of the rendered message, once each. */
export function variablesInAttributes(markdown: string): string[] {
  const names: string[] = [];
  // Letters and digits only: a marker survives the renderer, the sanitiser and URL encoding unchanged.
  const marked = markdown.replace(VARIABLE, (_whole, name: string) => `candorvariable${names.push(name) - 1}x`);
  if (!names.length) return [];
  const found = new Set<string>();
  for (const tag of renderMarkdown(marked).match(/<[^>]*>/g) ?? []) {
    for (const match of tag.matchAll(MARKER)) found.add(names[Number(match[1])]!);
  }
  return [...found];
}
