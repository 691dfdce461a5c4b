import { renderMarkdown } from "@/lib/markdown/render";

/** Operator-written Markdown, through the one sanitising renderer. */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div
      className={`space-y-2 break-words [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 dark:[&_code]:bg-slate-800 [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 ${className}`}
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
