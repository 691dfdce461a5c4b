import { prisma } from "../db";

export async function listMailbox() {
  return prisma.mailboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export async function findMailboxMessage(id: string) {
  const message = await prisma.mailboxMessage.findUnique({ where: { id } });
  return message ? { ...message, headers: message.headers as Record<string, string> } : null;
}
