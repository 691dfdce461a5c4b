// The affected accounts pasted (or loaded from a file) into a campaign's
// audience: the same CSV parser as the customer import (papaparse), so quoted
// values, a header row and any of the usual separators read as people expect.
import Papa from "papaparse";

/** Every email or account id in the text, once each, in order: the cells of a CSV; within a cell, anything between separators (a list mixing commas and semicolons, or spaces). */
export function parseAccountList(text: string): string[] {
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t", "|"] });
  const items = data.flatMap((row) => row.flatMap((cell) => cell.split(/[\s,;|]+/))).map((item) => item.trim());
  return [...new Set(items.filter(Boolean))];
}
