"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { buttonClasses, FormMessage } from "@/components/form-controls";
import { Panel } from "@/components/page-header";
import { useActionForm } from "@/components/use-action-form";
import type { CampaignProgress } from "@/lib/campaigns/progress";
import { controlAction, progressAction } from "../actions";

function eta(seconds: number | null): string {
  if (seconds === null) return "";
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.ceil(seconds / 60)} min left`;
}

/** Live sending progress (polled every second while sending) and the controls. */
export function CampaignProgressPanel({
  campaignId,
  canControl,
  renderedDone,
}: {
  campaignId: string;
  canControl: boolean;
  renderedDone: number;
}) {
  const [progress, setProgress] = useState<CampaignProgress | null>(null);
  const control = useActionForm(controlAction);
  const router = useRouter();
  const shown = useRef({ at: 0, done: renderedDone });

  // The recipients table below is rendered by the server: refresh it when the counts move (at most every 2 s while sending).
  useEffect(() => {
    if (!progress) return;
    const done = progress.sent + progress.failed + progress.cancelled;
    const now = Date.now();
    if (done !== shown.current.done && (progress.state !== "sending" || now - shown.current.at > 2_000)) {
      shown.current = { at: now, done };
      router.refresh();
    }
  }, [progress, router]);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const next = await progressAction(campaignId).catch(() => null);
      if (stopped) return;
      if (next) setProgress(next);
      timer = setTimeout(poll, next && (next.state === "sending" || next.pending > 0) ? 1_000 : 5_000);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [campaignId, control.state]);

  if (!progress)
    return (
      <Panel title="Progress">
        <p className="text-sm">Loading…</p>
      </Panel>
    );
  const done = progress.sent + progress.failed + progress.cancelled;
  const percent = progress.total ? Math.floor((done / progress.total) * 100) : 100;
  return (
    <Panel title="Progress">
      <div
        role="progressbar"
        aria-label="Sent"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %: ${progress.sent} sent, ${progress.failed} failed, ${progress.pending} pending`}
        className="flex h-4 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div className="bg-green-600" style={{ width: `${progress.total ? (progress.sent / progress.total) * 100 : 0}%` }} />
        <div className="bg-red-600" style={{ width: `${progress.total ? (progress.failed / progress.total) * 100 : 0}%` }} />
      </div>
      <p className="mt-2 text-sm" aria-live="polite">
        <strong>{percent} %</strong> · ✓ {progress.sent.toLocaleString("en")} sent · ✕ {progress.failed.toLocaleString("en")} failed ·{" "}
        {progress.pending.toLocaleString("en")} pending
        {progress.cancelled > 0 && ` · ${progress.cancelled.toLocaleString("en")} cancelled`} · {progress.state}
        {progress.waiting > 0 && ` · ${progress.waiting.toLocaleString("en")} waiting to retry`}
        {progress.pending > 0 &&
          progress.etaSeconds !== null &&
          ` · ${progress.rate > 0 ? `${progress.rate.toFixed(1)} a second, ` : ""}${eta(progress.etaSeconds)}`}
      </p>
      {progress.unconfirmed > 0 && (
        <p className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          {progress.unconfirmed.toLocaleString("en")} {progress.unconfirmed === 1 ? "message was" : "messages were"} sent again after a
          worker stopped mid-send without recording the result: those recipients may have received it twice.
        </p>
      )}
      {canControl && (
        <form action={control.formAction} className="mt-4 flex flex-wrap items-center gap-2">
          <input type="hidden" name="campaignId" value={campaignId} />
          {progress.state === "sending" && (
            <button type="submit" name="control" value="pause" className={buttonClasses.secondary}>
              Pause
            </button>
          )}
          {progress.state === "paused" && (
            <button type="submit" name="control" value="resume" className={buttonClasses.primary}>
              Resume
            </button>
          )}
          {(progress.state === "sending" || progress.state === "paused") && (
            <button type="submit" name="control" value="cancel" className={buttonClasses.danger}>
              Cancel the rest
            </button>
          )}
          {progress.failed > 0 && progress.state !== "cancelled" && (
            <button type="submit" name="control" value="retry_failed" className={buttonClasses.secondary}>
              Retry {progress.failed} failed
            </button>
          )}
          <FormMessage state={control.state} />
        </form>
      )}
    </Panel>
  );
}
