import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth-card";
import { getCurrentOperator } from "@/lib/auth/session";
import { hasAnyOperator } from "@/lib/auth/queries";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (!(await hasAnyOperator())) redirect("/setup");
  if (await getCurrentOperator()) redirect("/admin");
  return (
    <AuthCard title="Sign in" intro="Operators only. Customers read the public status page.">
      <SignInForm />
    </AuthCard>
  );
}
