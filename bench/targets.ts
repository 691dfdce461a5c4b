// The targets a benchmark's output reports, for npm run bench's summary (scripts/bench.ts).

export interface Target {
  bench: string;
  text: string;
  met: boolean;
}

/** The benches report a target as "target: … — met|NOT met" or as a line ending in ✓ or ✗. */
export function parseTargets(bench: string, output: string): Target[] {
  const targets: Target[] = [];
  for (const line of output.split("\n").map((text) => text.trim())) {
    const labelled = /^target: (.*) — (met|NOT met)\b(.*)$/.exec(line);
    if (labelled) targets.push({ bench, text: `${labelled[1]}${labelled[3]}`.trim(), met: labelled[2] === "met" });
    else if (/[✓✗]$/.test(line)) targets.push({ bench, text: line.slice(0, -1).trim(), met: line.endsWith("✓") });
  }
  return targets;
}
