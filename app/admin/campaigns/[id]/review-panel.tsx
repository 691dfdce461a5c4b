"use client";

import { useEffect, useState } from "react";
import { ConfirmSubmitButton } from "@/components/confirm-submit";
import { buttonClasses, FormMessage } from "@/components/form-controls";
import { Panel } from "@/components/page-header";
import { useActionForm } from "@/components/use-action-form";
import { previewAction, sendAction, testSendAction } from "../actions";

const WIDTHS = { desktop: 680, mobile: 375 } as const;

/** A draft's last step: the message as a chosen recipient gets it, a test to yourself, then send. */
export function ReviewPanel({
  campaignId,
  recipients,
  members,
  canSend,
}: {
  campaignId: string;
  recipients: number;
  members: { id: string; label: string }[];
  canSend: boolean;
}) {
  const [customerId, setCustomerId] = useState(members[0]?.id ?? "");
  const [width, setWidth] = useState<keyof typeof WIDTHS>("desktop");
  const [preview, setPreview] = useState<{ subject: string; html: string; text: string; to: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const test = useActionForm(testSendAction);
  const send = useActionForm(sendAction);
  const recipientCount = `${recipients.toLocaleString("en")} ${recipients === 1 ? "recipient" : "recipients"}`;
  const sendLabel = `Send to ${recipientCount}`;

  useEffect(() => {
    const formData = new FormData();
    formData.set("campaignId", campaignId);
    if (customerId) formData.set("customerId", customerId);
    void previewAction(formData).then((result) => (result.ok ? (setPreview(result.data), setProblem(null)) : setProblem(result.message)));
  }, [campaignId, customerId]);

  return (
    <Panel title="Review and send">
      <div className="flex flex-wrap items-end gap-4">
        <div className="text-sm">
          <label htmlFor="preview-recipient" className="block font-medium">
            Preview for
          </label>
          <select
            id="preview-recipient"
            value={customerId}
            onChange={(event) => setCustomerId(event.target.value)}
            className="mt-1 max-w-md rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900"
          >
            {members.length === 0 && <option value="">A sample person (the audience is empty)</option>}
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.label}
              </option>
            ))}
          </select>
        </div>
        <div role="group" aria-label="Preview width" className="flex gap-1">
          {(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={width === option}
              onClick={() => setWidth(option)}
              className={width === option ? buttonClasses.primary : buttonClasses.secondary}
            >
              {option === "desktop" ? "Desktop" : "Mobile"}
            </button>
          ))}
        </div>
      </div>
      {problem && (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {problem}
        </p>
      )}
      {preview && (
        <div className="mt-4">
          <p className="text-sm">
            <span className="font-semibold">To:</span> {preview.to} · <span className="font-semibold">Subject:</span> {preview.subject}
          </p>
          <div className="mt-2 overflow-x-auto rounded-md border border-slate-300 bg-slate-100 p-3 dark:border-slate-700 dark:bg-slate-950">
            {/* sandbox without allow-scripts: the message's HTML cannot run anything in the admin. */}
            <iframe
              title="Email preview"
              sandbox=""
              srcDoc={preview.html}
              style={{ width: WIDTHS[width] }}
              className="mx-auto block h-[36rem] max-w-full rounded bg-white"
            />
          </div>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer font-medium">Plain-text part</summary>
            <pre className="mt-2 rounded bg-slate-100 p-3 text-xs whitespace-pre-wrap dark:bg-slate-800">{preview.text}</pre>
          </details>
        </div>
      )}
      {canSend && (
        <div className="mt-6 flex flex-wrap items-start gap-6">
          <form action={test.formAction} className="space-y-2">
            <input type="hidden" name="campaignId" value={campaignId} />
            <button type="submit" className={buttonClasses.secondary} disabled={test.isPending}>
              {test.isPending ? "Sending the test…" : "Send me a test"}
            </button>
            <FormMessage state={test.state} />
          </form>
          <form action={send.formAction} className="space-y-2">
            <input type="hidden" name="campaignId" value={campaignId} />
            <ConfirmSubmitButton
              label={send.isPending ? "Queuing…" : sendLabel}
              title={`${sendLabel}?`}
              confirmLabel={sendLabel}
              className={buttonClasses.danger}
              disabled={send.isPending || recipients === 0}
              isDanger
            >
              <p>
                Email goes out to {recipientCount} now, through the outbox. It cannot be unsent; you can pause or cancel the rest while it
                sends.
              </p>
            </ConfirmSubmitButton>
            <FormMessage state={send.state} />
          </form>
        </div>
      )}
    </Panel>
  );
}
