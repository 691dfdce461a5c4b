import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createComponent } from "@/lib/components/save-component";
import { addInternalNote } from "@/lib/incidents/add-note";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { postIncidentUpdate } from "@/lib/incidents/post-update";
import { findIncidentForOperators } from "@/lib/incidents/queries";
import { renderMarkdown } from "@/lib/markdown/render";
import { changePostmortemState } from "@/lib/postmortems/change-state";
import { compareContents } from "@/lib/postmortems/compare";
import { internalNoteLine } from "@/lib/postmortems/prefill";
import { findPostmortem, findRevision } from "@/lib/postmortems/queries";
import { RevisionConflictError, restorePostmortemRevision, savePostmortemRevision } from "@/lib/postmortems/save-revision";
import type { PostmortemContent, SectionKey } from "@/lib/postmortems/sections";
import type { PostmortemAction } from "@/lib/postmortems/schemas";
import { startPostmortem } from "@/lib/postmortems/start-postmortem";
import { buildPublicSnapshot, readSnapshotVersion } from "@/lib/public-snapshot/build-snapshot";
import { readPublicIncident, withIncident } from "@/lib/public-snapshot/pages";
import type { PublicSnapshot } from "@/lib/public-snapshot/types";
import { updatePageSettings } from "@/lib/settings/update-settings";
import { answerV2 } from "@/lib/statuspage-api/to-v2";
import { addOperator, createAdmin } from "../support/factories";

const t = (iso: string) => new Date(iso);
let admin: { id: string; email: string };
let responder: { id: string; email: string };
let appId: string;
let signInId: string;
let seedIncidentId: string;

const snapshot = async () => buildPublicSnapshot(await readSnapshotVersion());
/** The published postmortem as the public pages read it (an incident from 2016 is read on its own, not from the snapshot). */
const findPublishedPostmortem = async (read: PublicSnapshot | Promise<PublicSnapshot>, incidentId: string) =>
  (await readPublicIncident(await read, incidentId))?.postmortem ?? null;
const withSection = (content: PostmortemContent, key: SectionKey, body: string): PostmortemContent => ({
  ...content,
  sections: content.sections.map((section) => (section.key === key ? { ...section, body } : section)),
});
const current = async (incidentId: string) => (await findPostmortem(incidentId))!;
const act = (
  actor: { id: string; email: string },
  incidentId: string,
  action: PostmortemAction,
  revision: number,
  confirmInternalNotes = false,
) => changePostmortemState(actor, { incidentId, action, revision, confirmInternalNotes });

beforeAll(async () => {
  admin = await createAdmin();
  responder = await addOperator(admin, "rich@example.com", "responder");
  appId = (await createComponent(admin, { name: "Web app", isVisible: true })).id;
  signInId = (await createComponent(admin, { name: "Sign-in", isVisible: true })).id;
  await prisma.componentStatusInterval.updateMany({ data: { startedAt: t("2016-09-01T00:00:00Z") } });
  await updatePageSettings(admin, {
    pageName: "LeaveWizard status",
    brandColor: "#2563eb",
    timeZone: "Europe/London",
    requirePostmortemApproval: false,
  });
  // Seed 002, entered after the fact: 01:00 GMT on 27 September until 09:00 the next day.
  seedIncidentId = (
    await declareIncident(admin, {
      title: "Users asked to reset passwords; some data lost",
      impact: "critical",
      status: "investigating",
      message: "Some users **cannot sign in** after last night's deployment.",
      startedAt: t("2016-09-27T01:00:00Z"),
      components: [
        { componentId: appId, status: "major_outage" },
        { componentId: signInId, status: "partial_outage" },
      ],
    })
  ).id;
  await postIncidentUpdate(admin, {
    incidentId: seedIncidentId,
    status: "identified",
    message: "The production environment pointed at the wrong database.",
    publishedAt: t("2016-09-28T08:30:00Z"),
    components: [],
  });
  await addInternalNote(admin, {
    incidentId: seedIncidentId,
    message: "SECRET: the staging password was in the env file",
    publishedAt: t("2016-09-28T08:32:00Z"),
  });
  await postIncidentUpdate(admin, {
    incidentId: seedIncidentId,
    status: "resolved",
    message: "Fixed at 08:35; please re-enter changes made in the window.",
    publishedAt: t("2016-09-28T09:00:00Z"),
    components: [],
  });
});

describe("drafting from an incident", () => {
  it("pre-fills the impact window in UTC and the page's zone, the components and the public timeline, and leaves internal notes out", async () => {
    expect(await startPostmortem(admin, { incidentId: seedIncidentId })).toEqual({ incidentId: seedIncidentId, created: true });
    const postmortem = await current(seedIncidentId);
    expect(postmortem).toMatchObject({ state: "draft", currentRevision: 1, publishedRevision: null });
    expect(postmortem.revisions).toEqual([
      expect.objectContaining({ number: 1, authorName: "Ada", note: "Drafted from the incident's timeline" }),
    ]);
    const { content } = postmortem.current;
    const body = (key: SectionKey) => content.sections.find((section) => section.key === key)!.body;
    expect(content.title).toBe("Postmortem: Users asked to reset passwords; some data lost");
    expect(body("impact")).toBe(
      [
        "From **27 Sep 2016, 01:00 UTC** to **28 Sep 2016, 09:00 UTC** (1 day 8 h).",
        "In Europe/London time: 27 Sep 2016, 02:00 BST to 28 Sep 2016, 10:00 BST.",
        "Affected: Web app, Sign-in.",
        "Impact: critical.",
      ].join("\n\n"),
    );
    expect(body("timeline").split("\n")).toEqual([
      "- **27 Sep 2016, 02:00 BST** — Investigating: Some users cannot sign in after last night's deployment.",
      "- **28 Sep 2016, 09:30 BST** — Identified: The production environment pointed at the wrong database.",
      "- **28 Sep 2016, 10:00 BST** — Resolved: Fixed at 08:35; please re-enter changes made in the window.",
    ]);
    expect(JSON.stringify(content)).not.toContain("SECRET");
    for (const key of ["summary", "root_cause", "detection", "resolution", "customer_actions", "prevention", "closing"] as const)
      expect(body(key)).toBe("");
  });

  it("opens the same postmortem when drafted twice, and refuses maintenance", async () => {
    expect(await startPostmortem(responder, { incidentId: seedIncidentId })).toEqual({ incidentId: seedIncidentId, created: false });
    expect(await prisma.postmortemRevision.count({ where: { postmortem: { incidentId: seedIncidentId } } })).toBe(1);
    const maintenance = await prisma.incident.create({
      data: { kind: "MAINTENANCE", title: "DB upgrade", impact: "NONE", status: "SCHEDULED", startedAt: t("2016-10-01T00:00:00Z") },
    });
    await expect(startPostmortem(admin, { incidentId: maintenance.id })).rejects.toThrow(/maintenance has none/);
  });

  it("writes an unresolved incident's window as still open", async () => {
    const open = await declareIncident(admin, {
      title: "Slow API",
      impact: "minor",
      status: "investigating",
      message: "Looking.",
      startedAt: t("2016-10-02T10:00:00Z"),
      components: [],
    });
    await startPostmortem(admin, { incidentId: open.id });
    const impact = (await current(open.id)).current.content.sections.find((section) => section.key === "impact")!.body;
    expect(impact).toContain("From **2 Oct 2016, 10:00 UTC**; not resolved when this draft was written.");
    expect(impact).toContain("No specific component was marked as affected.");
  });
});

describe("revisions", () => {
  it("makes every save a revision, refuses a save based on an older one, and restores any", async () => {
    const first = (await current(seedIncidentId)).current.content;
    const summaryA = withSection(first, "summary", "A configuration setting pointed production at the wrong database.");
    const summaryB = withSection(
      first,
      "summary",
      "A deployment setting pointed production at a temporary database, which was reset overnight.",
    );
    expect(await savePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: 1, content: summaryA })).toEqual({
      revision: 2,
      saved: true,
    });
    expect(await savePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: 2, content: summaryA })).toEqual({
      revision: 2,
      saved: false,
    });
    expect(await savePostmortemRevision(responder, { incidentId: seedIncidentId, baseRevision: 2, content: summaryB })).toEqual({
      revision: 3,
      saved: true,
    });

    // Ada still had revision 2 open: her save does not overwrite Rich's.
    const stale = savePostmortemRevision(admin, {
      incidentId: seedIncidentId,
      baseRevision: 2,
      content: withSection(first, "summary", "Ada's words"),
    });
    await expect(stale).rejects.toBeInstanceOf(RevisionConflictError);
    await expect(stale).rejects.toMatchObject({
      latestRevision: 3,
      message: expect.stringMatching(/^rich saved revision 3 at \d\d:\d\d UTC, after the revision you started from \(2\)/),
    });
    expect((await current(seedIncidentId)).currentRevision).toBe(3);

    const diff = compareContents((await findRevision(seedIncidentId, 2))!.content, (await findRevision(seedIncidentId, 3))!.content);
    const summary = diff.find((field) => field.label === "Summary")!;
    expect(summary.changed).toBe(true);
    expect(summary.parts.filter((part) => part.kind === "removed").map((part) => part.text.trim())).toContain("configuration");
    expect(summary.parts.filter((part) => part.kind === "added").map((part) => part.text.trim())).toContain("a temporary");
    expect(diff.filter((field) => field.changed).map((field) => field.label)).toEqual(["Summary"]);

    expect(await restorePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: 3, revision: 2 })).toEqual({
      revision: 4,
      saved: true,
    });
    const restored = await current(seedIncidentId);
    expect(restored.current.content).toEqual(summaryA);
    expect(restored.revisions.map((revision) => [revision.number, revision.note])).toEqual([
      [4, "Restored from revision 2"],
      [3, null],
      [2, null],
      [1, "Drafted from the incident's timeline"],
    ]);
    await expect(restorePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: 4, revision: 99 })).rejects.toThrow(
      "There is no revision 99 of this postmortem.",
    );
  });

  it("lets exactly one of two simultaneous saves from the same revision win", async () => {
    const base = await current(seedIncidentId);
    const results = await Promise.allSettled(
      ["Version one", "Version two"].map((text) =>
        savePostmortemRevision(admin, {
          incidentId: seedIncidentId,
          baseRevision: base.currentRevision,
          content: withSection(base.current.content, "closing", text),
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((result) => result.status === "rejected" && result.reason instanceof RevisionConflictError)).toHaveLength(1);
    expect((await current(seedIncidentId)).currentRevision).toBe(base.currentRevision + 1);
  });

  it("does not move the public snapshot while a draft is saved", async () => {
    const before = await readSnapshotVersion();
    const { current: latest, currentRevision } = await current(seedIncidentId);
    await savePostmortemRevision(admin, {
      incidentId: seedIncidentId,
      baseRevision: currentRevision,
      content: withSection(latest.content, "detection", "A customer told us at 08:30."),
    });
    expect((await readSnapshotVersion()).version).toBe(before.version);
  });
});

describe("workflow and publishing", () => {
  it("goes draft → in review → published, with a second operator's approval when the page requires it", async () => {
    let postmortem = await current(seedIncidentId);
    await expect(act(admin, seedIncidentId, "publish", postmortem.currentRevision)).rejects.toThrow(/Ask for a review first/);
    await expect(act(admin, seedIncidentId, "submit", postmortem.currentRevision - 1)).rejects.toThrow(
      /was saved after the one you are looking at/,
    );
    await act(admin, seedIncidentId, "submit", postmortem.currentRevision);
    await updatePageSettings(admin, {
      pageName: "LeaveWizard status",
      brandColor: "#2563eb",
      timeZone: "Europe/London",
      requirePostmortemApproval: true,
    });

    await expect(act(admin, seedIncidentId, "publish", postmortem.currentRevision)).rejects.toThrow(
      `Ask another operator to approve revision ${postmortem.currentRevision}.`,
    );
    await expect(act(admin, seedIncidentId, "approve", postmortem.currentRevision)).rejects.toThrow(
      "You asked for this review, so another operator must approve it.",
    );
    await act(responder, seedIncidentId, "approve", postmortem.currentRevision);

    // An edit after the approval needs approving again: the approval was for the text as it was.
    await savePostmortemRevision(admin, {
      incidentId: seedIncidentId,
      baseRevision: postmortem.currentRevision,
      content: withSection(postmortem.current.content, "closing", "We are sorry. Write to support@leavewizard.test."),
    });
    postmortem = await current(seedIncidentId);
    expect(postmortem.state).toBe("in_review");
    await expect(act(admin, seedIncidentId, "publish", postmortem.currentRevision)).rejects.toThrow(/approve revision/);
    await act(responder, seedIncidentId, "approve", postmortem.currentRevision);

    const before = await readSnapshotVersion();
    await act(admin, seedIncidentId, "publish", postmortem.currentRevision);
    postmortem = await current(seedIncidentId);
    expect(postmortem).toMatchObject({ state: "published", publishedRevision: postmortem.currentRevision, approvedBy: { name: "rich" } });
    expect((await readSnapshotVersion()).version).not.toBe(before.version);

    const published = (await findPublishedPostmortem(snapshot(), seedIncidentId))!;
    expect(published.title).toBe("Postmortem: Users asked to reset passwords; some data lost");
    expect(published.sections.map((section) => section.key)).toEqual(["summary", "impact", "timeline", "detection", "closing"]);
    const audit = await prisma.auditLog.findMany({
      where: { entityType: "postmortem", entityId: postmortem.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        "postmortem.drafted",
        "postmortem.revised",
        "postmortem.restored",
        "postmortem.submit",
        "postmortem.approve",
        "postmortem.publish",
      ]),
    );
    await updatePageSettings(admin, {
      pageName: "LeaveWizard status",
      brandColor: "#2563eb",
      timeZone: "Europe/London",
      requirePostmortemApproval: false,
    });
  });

  it("shows the incident as `postmortem` in the Statuspage API while published", async () => {
    const incident = await answerV2(await withIncident(await snapshot(), seedIncidentId), `incidents/${seedIncidentId}.json`);
    expect(incident.body).toMatchObject({ incident: { status: "postmortem" } });
  });

  it("refuses edits to the published text; a new revision is written after “Edit as a new revision” while customers keep the published one", async () => {
    let postmortem = await current(seedIncidentId);
    const edit = withSection(postmortem.current.content, "root_cause", "The production connection string pointed at a temporary database.");
    await expect(
      savePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: postmortem.currentRevision, content: edit }),
    ).rejects.toThrow(/is published \(customers read revision \d+\)\. Choose “Edit as a new revision”/);
    await expect(
      restorePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: postmortem.currentRevision, revision: 1 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const publishedRevision = postmortem.publishedRevision;
    await act(admin, seedIncidentId, "reopen", postmortem.currentRevision);
    await savePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: postmortem.currentRevision, content: edit });
    postmortem = await current(seedIncidentId);
    expect(postmortem).toMatchObject({ state: "draft", publishedRevision });
    const published = (await findPublishedPostmortem(snapshot(), seedIncidentId))!;
    expect(published.sections.some((section) => section.key === "root_cause")).toBe(false);
  });

  it("refuses to publish without a Summary", async () => {
    const incident = await declareIncident(admin, {
      title: "Emails delayed",
      impact: "minor",
      status: "investigating",
      message: "Queued.",
      startedAt: t("2016-10-05T10:00:00Z"),
      components: [],
    });
    await startPostmortem(admin, { incidentId: incident.id });
    const error = await act(admin, incident.id, "submit", 1).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      message: "Write the Summary before asking for a review: it is what customers read first.",
      fieldErrors: { summary: [expect.any(String)] },
    });
    expect((await current(incident.id)).state).toBe("draft");
  });

  it("publishes an internal note only when it was imported and the operator confirmed it", async () => {
    let postmortem = await current(seedIncidentId);
    const note = (await findIncidentForOperators(seedIncidentId))!.updates.find((update) => update.isInternal)!;
    const timeline = postmortem.current.content.sections.find((section) => section.key === "timeline")!.body;
    const imported = withSection(postmortem.current.content, "timeline", `${timeline}\n${internalNoteLine(note, "Europe/London")}`);
    expect(JSON.stringify(await findPublishedPostmortem(snapshot(), seedIncidentId))).not.toContain("SECRET");
    await savePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: postmortem.currentRevision, content: imported });
    postmortem = await current(seedIncidentId);
    await act(admin, seedIncidentId, "submit", postmortem.currentRevision);
    const refused = await act(admin, seedIncidentId, "publish", postmortem.currentRevision).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({
      message: expect.stringContaining("1 line imported from an internal note"),
      fieldErrors: { confirmInternalNotes: [expect.any(String)] },
    });
    expect(JSON.stringify(await findPublishedPostmortem(snapshot(), seedIncidentId))).not.toContain("SECRET");
    await act(admin, seedIncidentId, "publish", postmortem.currentRevision, true);
    const published = (await findPublishedPostmortem(snapshot(), seedIncidentId))!;
    expect(published.sections.find((section) => section.key === "timeline")!.body).toContain(
      "(internal note) SECRET: the staging password was in the env file",
    );
  });

  it("sanitises what it publishes: no script, iframe, event handler or javascript: link reaches a reader", async () => {
    let postmortem = await current(seedIncidentId);
    await act(admin, seedIncidentId, "reopen", postmortem.currentRevision);
    const hostile = withSection(
      postmortem.current.content,
      "closing",
      'Thanks.<script>alert("x")</script> <iframe src="https://evil.test"></iframe> [support](javascript:alert(1)) <img src=x onerror="alert(2)"> [ok](https://example.com)',
    );
    await savePostmortemRevision(admin, { incidentId: seedIncidentId, baseRevision: postmortem.currentRevision, content: hostile });
    postmortem = await current(seedIncidentId);
    await act(admin, seedIncidentId, "submit", postmortem.currentRevision);
    await act(admin, seedIncidentId, "publish", postmortem.currentRevision, true);
    const closing = (await findPublishedPostmortem(snapshot(), seedIncidentId))!.sections.find((section) => section.key === "closing")!;
    const html = renderMarkdown(closing.body);
    expect(html).not.toMatch(/<script|<iframe|<img|javascript:|onerror=/i);
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">ok</a>');
  });

  it("unpublishes, audited, and the API shows the incident as resolved again", async () => {
    const postmortem = await current(seedIncidentId);
    await act(responder, seedIncidentId, "unpublish", postmortem.currentRevision);
    expect(await current(seedIncidentId)).toMatchObject({ state: "draft", publishedRevision: null });
    const read = await snapshot();
    expect(await findPublishedPostmortem(read, seedIncidentId)).toBeNull();
    expect((await answerV2(await withIncident(read, seedIncidentId), `incidents/${seedIncidentId}.json`)).body).toMatchObject({
      incident: { status: "resolved" },
    });
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "postmortem.unpublish" } });
    expect(entry).toMatchObject({
      actorEmail: "rich@example.com",
      before: { state: "published" },
      after: { state: "draft", publishedRevision: null },
    });
  });
});
