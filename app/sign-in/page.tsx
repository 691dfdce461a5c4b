import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { DatabaseOutage } from "@/components/database-outage";
import { getCurrentOperator } from "@/lib/auth/session";
import { hasAnyOperator } from "@/lib/auth/queries";
import { loadUnlessDatabaseDown } from "@/lib/health/database-outage";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

async function loadSignIn() {
  return { hasOperator: await hasAnyOperator(), current: await getCurrentOperator() };
}

export default async function SignInPage() {
  const loaded = await loadUnlessDatabaseDown(loadSignIn);
  if ("outage" in loaded) return <DatabaseOutage outage={loaded.outage} retryHref="/sign-in" />;
  if (!loaded.value.hasOperator) redirect("/setup");
  if (loaded.value.current) redirect("/admin");
  return (
    <AuthCard title="Sign in" intro="Operators only. Customers read the public status page.">
      <SignInForm />
    </AuthCard>
  );
}
