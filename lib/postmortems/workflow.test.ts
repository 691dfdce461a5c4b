import { describe, expect, it } from "vitest";
import { decideAction, refuseSave, type WorkflowFacts, type WorkflowRequest } from "./workflow";

const facts = (over: Partial<WorkflowFacts> = {}): WorkflowFacts => ({
  state: "in_review",
  currentRevision: 5,
  publishedRevision: null,
  submittedById: "ada",
  approvedRevision: null,
  requireApproval: false,
  summaryMissing: false,
  internalNoteMarks: 0,
  ...over,
});
const now = new Date("2026-11-23T12:00:00Z");
const request = (over: Partial<WorkflowRequest> = {}): WorkflowRequest => ({
  action: "publish",
  actorId: "ada",
  revision: 5,
  confirmInternalNotes: false,
  now,
  ...over,
});

describe("decideAction", () => {
  it("publishes the current revision from review, first time and again", () => {
    expect(decideAction(facts(), request())).toEqual({
      ok: true,
      change: { state: "published", publishedRevision: 5, publishedAt: now, firstPublished: true },
    });
    expect(decideAction(facts({ publishedRevision: 3 }), request())).toMatchObject({ ok: true, change: { firstPublished: false } });
  });

  it("refuses to publish a draft, an empty summary, an unapproved or stale revision, or unconfirmed internal notes", () => {
    expect(decideAction(facts({ state: "draft" }), request())).toMatchObject({ ok: false, kind: "conflict" });
    expect(decideAction(facts({ summaryMissing: true }), request())).toMatchObject({ ok: false, kind: "invalid", field: "summary" });
    expect(decideAction(facts({ requireApproval: true }), request())).toMatchObject({
      ok: false,
      message: expect.stringContaining("approve revision 5"),
    });
    expect(decideAction(facts({ requireApproval: true, approvedRevision: 4 }), request())).toMatchObject({ ok: false });
    expect(decideAction(facts({ requireApproval: true, approvedRevision: 5 }), request())).toMatchObject({ ok: true });
    expect(decideAction(facts(), request({ revision: 4 }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("Revision 5 was saved after"),
    });
    expect(decideAction(facts({ internalNoteMarks: 2 }), request())).toMatchObject({
      ok: false,
      field: "confirmInternalNotes",
      message: expect.stringContaining("2 lines imported from internal notes"),
    });
    expect(decideAction(facts({ internalNoteMarks: 2 }), request({ confirmInternalNotes: true }))).toMatchObject({ ok: true });
  });

  it("lets only another operator approve, and only in review", () => {
    expect(decideAction(facts(), request({ action: "approve" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("another operator"),
    });
    expect(decideAction(facts(), request({ action: "approve", actorId: "rich" }))).toEqual({
      ok: true,
      change: { state: "in_review", approvedRevision: 5, approvedById: "rich" },
    });
    expect(decideAction(facts({ state: "draft" }), request({ action: "approve", actorId: "rich" }))).toMatchObject({ ok: false });
  });

  it("keeps the published revision up while a new one is drafted, and takes it down on unpublish", () => {
    expect(decideAction(facts({ state: "published", publishedRevision: 5 }), request({ action: "reopen" }))).toEqual({
      ok: true,
      change: { state: "draft", submittedById: null, approvedRevision: null, approvedById: null },
    });
    expect(decideAction(facts({ state: "draft", publishedRevision: 5 }), request({ action: "unpublish" }))).toEqual({
      ok: true,
      change: { state: "draft", publishedRevision: null, publishedAt: null },
    });
    expect(decideAction(facts(), request({ action: "unpublish" }))).toMatchObject({ ok: false, message: "It is not published." });
  });
});

describe("refuseSave", () => {
  it("refuses a published postmortem and a stale base; allows the current one", () => {
    expect(refuseSave({ state: "published", currentRevision: 5, publishedRevision: 5 }, 5)).toMatchObject({
      kind: "published",
      message: expect.stringContaining("customers read revision 5"),
    });
    expect(refuseSave({ state: "draft", currentRevision: 5, publishedRevision: null }, 4)).toEqual({ kind: "stale" });
    expect(refuseSave({ state: "in_review", currentRevision: 5, publishedRevision: null }, 5)).toBeNull();
  });
});
