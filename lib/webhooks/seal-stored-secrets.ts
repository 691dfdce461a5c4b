// Webhooks added before secrets were sealed (secret-box.ts) hold them as
// they are: sealed at start, once, by whichever instance gets there first.
import { prisma } from "../db";
import { secretKey } from "../env";
import { sealSecret } from "./secret-box";

/** Returns how many secrets it sealed. */
export async function sealStoredWebhookSecrets(): Promise<number> {
  const plain = await prisma.webhook.findMany({ where: { secret: { startsWith: "whsec_" } }, select: { id: true, secret: true } });
  const key = secretKey("webhooks");
  let sealed = 0;
  for (const { id, secret } of plain) {
    // Only if still plain: another instance starting at the same moment may have sealed it.
    const { count } = await prisma.webhook.updateMany({ where: { id, secret }, data: { secret: sealSecret(secret, key) } });
    sealed += count;
  }
  return sealed;
}
