// "Support this instead" on the post form's offer of similar contributions (decision 051) lets go
// of the photos kept for the person's own post (decision 061): she will not post it now, so
// nothing of hers waits on the server. Only her own kept photos go; she is taken to the one she supports.
import { beforeAll, describe, expect, it, vi } from "vitest";

const PUBLIC_URL = "https://mitreden.example";
process.env.PUBLIC_URL = PUBLIC_URL;
vi.mock("next/headers", () => import("@/tests/support/next-request"));

import sharp from "sharp";
import { supportInsteadAction } from "@/lib/actions/supports/support-instead";
import { createSession, sessionCookieName } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { keepPendingPhotos } from "@/lib/images/pending-photos";
import { createContribution, type DialogueWithThemes } from "@/tests/support/factories";
import { request } from "@/tests/support/next-request";
import { dialogueIn, participant } from "@/tests/support/participation";

let dialogue: DialogueWithThemes;
beforeAll(async () => {
  dialogue = await dialogueIn("COLLECTING");
  request.headers = new Headers({ host: "mitreden.example", origin: PUBLIC_URL });
});

const photo = async () => ({ index: 0, bytes: new Uint8Array(await sharp({ create: { width: 80, height: 60, channels: 3, background: "#456" } }).jpeg().toBuffer()), altText: "Die Rampe" });

describe("support this instead", () => {
  it("supports the chosen one and lets go of the sender's kept photos, and no one else's", async () => {
    const writer = await participant(dialogue.id);
    const neighbour = await participant(dialogue.id);
    const existing = await createContribution({ dialogueId: dialogue.id, authorId: neighbour.id });
    await keepPendingPhotos(writer, dialogue.id, [await photo()]);
    const [neighbours] = await keepPendingPhotos(neighbour, dialogue.id, [await photo()]);
    request.cookies.set(sessionCookieName(), (await createSession(writer.id)).sessionToken);

    const form = new FormData();
    form.set("supportInstead", existing.id);
    const redirected = await supportInsteadAction({ locale: "de", municipality: "musterstadt", dialogue: dialogue.slug, view: "newContribution" }, form).then(
      () => null,
      (error: unknown) => error as { digest?: string },
    );
    expect(redirected?.digest).toContain(`/c/${existing.id}#supports`);
    expect(await db.support.count({ where: { contributionId: existing.id, userId: writer.id } })).toBe(1);
    expect(await db.pendingPhoto.count({ where: { ownerId: writer.id } })).toBe(0);
    expect(await db.pendingPhoto.count({ where: { id: neighbours!.id } })).toBe(1);
  });
});
