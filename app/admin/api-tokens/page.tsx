import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { TableHead } from "@/components/table-head";
import { listApiTokens, type ApiTokenView } from "@/lib/api-tokens/queries";
import { requirePageAccess } from "@/lib/auth/session";
import { CreateApiTokenForm, RevokeApiTokenForm } from "./token-forms";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  await requirePageAccess("api-tokens:manage");
  const tokens = await listApiTokens();
  const now = new Date();
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            For the REST API, alert intake and MCP clients. See the{" "}
            <Link href="/api/v1/docs" className="underline">
              API reference
            </Link>
            . Changes made with a token are audited under its name.
          </>
        }
      />
      <div className="space-y-6">
        <Panel title="Create a token">
          <CreateApiTokenForm />
        </Panel>
        <Panel title="Tokens">
          {tokens.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">No tokens yet.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">API tokens</caption>
                <TableHead columns={["Name", "Role", "Starts with", "State", "Last used", "Created by", { hidden: "Actions" }]} />
                <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                  {tokens.map((token) => (
                    <tr key={token.id}>
                      <td className="py-2 pr-3 font-medium">{token.name}</td>
                      <td className="py-2 pr-3 capitalize">{token.role}</td>
                      <td className="py-2 pr-3 font-mono text-xs">{token.prefix}…</td>
                      <td className="py-2 pr-3">{describeState(token, now)}</td>
                      <td className="py-2 pr-3">{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt.toISOString()} /> : "Never"}</td>
                      <td className="py-2 pr-3">{token.createdByEmail}</td>
                      <td className="py-2">{!token.revokedAt && <RevokeApiTokenForm tokenId={token.id} name={token.name} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
      </div>
    </>
  );
}

function describeState(token: ApiTokenView, now: Date) {
  if (token.revokedAt) return "Revoked";
  if (token.expiresAt && token.expiresAt <= now) return "Expired";
  if (token.expiresAt)
    return (
      <>
        Active until <LocalTime iso={token.expiresAt.toISOString()} />
      </>
    );
  return "Active";
}
