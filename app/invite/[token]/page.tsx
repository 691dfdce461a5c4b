import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/components/auth-card";
import { findOpenInvitation } from "@/lib/auth/queries";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { AcceptInvitationForm } from "./accept-form";

export const metadata: Metadata = { title: "Join", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length <= 100 ? await findOpenInvitation(token) : null;
  if (!invitation) {
    return (
      <AuthCard title="This invitation is no longer valid" intro="It was used, revoked or has expired. Ask an admin to invite you again.">
        <Link href="/sign-in" className="text-sm font-semibold text-blue-700 underline dark:text-blue-400">
          Go to sign-in
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Join your team on Candor"
      intro={
        <>
          You are invited as <strong>{ROLE_LABELS[invitation.role]}</strong> with the email <strong>{invitation.email}</strong>.
        </>
      }
    >
      <AcceptInvitationForm token={token} />
    </AuthCard>
  );
}
