import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { hasAnyOperator } from "@/lib/auth/queries";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  // Set-up exists only until the first admin does.
  if (await hasAnyOperator()) notFound();
  return (
    <AuthCard
      title="Create the first admin"
      intro="This account can invite your team and change every setting. This page disappears once it exists."
    >
      <SetupForm />
    </AuthCard>
  );
}
