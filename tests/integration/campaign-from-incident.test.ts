import { beforeAll, describe, expect, it } from "vitest";
import { suggestedDraft } from "@/lib/campaigns/form-options";
import { createComponent } from "@/lib/components/save-component";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { postIncidentUpdate } from "@/lib/incidents/post-update";
import { addInternalNote } from "@/lib/incidents/add-note";
import { createAdmin } from "../support/factories";

let actor: { id: string; email: string };

beforeAll(async () => {
  actor = await createAdmin();
});

describe("Email affected customers, from an incident", () => {
  it("prefills the subject, the latest public update as the body and the affected components as the audience", async () => {
    const leave = (await createComponent(actor, { name: "Leave requests", isVisible: true })).id;
    const now = new Date();
    const { id } = await declareIncident(
      actor,
      {
        title: "Data from 27–28 September lost",
        impact: "critical",
        status: "investigating",
        message: "Some data is missing.",
        startedAt: new Date(now.getTime() - 3_600_000),
        components: [{ componentId: leave, status: "major_outage" }],
      },
      now,
    );
    await postIncidentUpdate(
      actor,
      { incidentId: id, status: "identified", message: "Please re-enter changes made between 01:00 and 08:30.", components: [] },
      now,
    );
    // Written later, about an earlier time: not the latest news.
    await postIncidentUpdate(
      actor,
      {
        incidentId: id,
        status: "investigating",
        message: "Earlier: reports of missing data.",
        publishedAt: new Date(now.getTime() - 1_800_000),
        components: [],
      },
      now,
    );
    await addInternalNote(actor, { incidentId: id, message: "Env file had the staging host." }, now);
    const draft = await suggestedDraft(id, "incident_notice");
    expect(draft).toMatchObject({
      subject: "Data from 27–28 September lost",
      body: "Dear {{first_name}},\n\nPlease re-enter changes made between 01:00 and 08:30.",
      incidentId: id,
      audience: { componentIds: [leave] },
    });
  });
});
