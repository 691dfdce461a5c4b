import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { PageHeader, Panel } from "@/components/page-header";
import { listOperators, listPendingInvitations } from "@/lib/auth/queries";
import { hasPermission, ROLE_DESCRIPTIONS, ROLE_LABELS, OPERATOR_ROLES } from "@/lib/auth/roles";
import { requirePageAccess } from "@/lib/auth/session";
import { ChangeRoleForm, InviteOperatorForm, RemoveOperatorForm, RevokeInvitationForm } from "./operator-forms";

export const metadata: Metadata = { title: "Operators" };

export default async function OperatorsPage() {
  const current = await requirePageAccess("admin:read");
  const canManage = hasPermission(current.role, "operators:manage");
  const [operators, invitations] = await Promise.all([listOperators(), canManage ? listPendingInvitations() : []]);
  return (
    <>
      <PageHeader title="Operators" description="The people who can sign in to this admin, and what each may do." />
      <div className="space-y-6">
        <Panel>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Operators</caption>
              <thead className="border-b border-slate-200 text-xs uppercase text-slate-500 dark:text-slate-400 dark:border-slate-700">
                <tr>
                  <th scope="col" className="py-2 pr-4">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Email
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Role
                  </th>
                  <th scope="col" className="py-2 pr-4">
                    Last active
                  </th>
                  {canManage && (
                    <th scope="col" className="py-2">
                      <span className="sr-only">Actions</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {operators.map((operator) => (
                  <tr key={operator.id}>
                    <td className="py-2 pr-4 font-medium">
                      {operator.name}
                      {operator.id === current.id && <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">(you)</span>}
                    </td>
                    <td className="py-2 pr-4">{operator.email}</td>
                    <td className="py-2 pr-4">
                      {canManage && operator.id !== current.id ? (
                        <ChangeRoleForm operatorId={operator.id} role={operator.role} name={operator.name} />
                      ) : (
                        ROLE_LABELS[operator.role]
                      )}
                    </td>
                    <td className="py-2 pr-4 text-slate-600 dark:text-slate-300">
                      {operator.lastSeenAt ? <LocalTime iso={operator.lastSeenAt.toISOString()} /> : "Never"}
                    </td>
                    {canManage && (
                      <td className="py-2">
                        {operator.id !== current.id && <RemoveOperatorForm operatorId={operator.id} name={operator.name} />}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Panel>
        {canManage && (
          <>
            <Panel title="Invite an operator">
              <InviteOperatorForm />
              <dl className="mt-4 grid gap-1 text-xs text-slate-600 dark:text-slate-400">
                {OPERATOR_ROLES.map((role) => (
                  <div key={role}>
                    <dt className="inline font-semibold">{ROLE_LABELS[role]}:</dt> <dd className="inline">{ROLE_DESCRIPTIONS[role]}</dd>
                  </div>
                ))}
              </dl>
            </Panel>
            {invitations.length > 0 && (
              <Panel title="Pending invitations">
                <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
                  {invitations.map((invitation) => (
                    <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        {invitation.email} · {ROLE_LABELS[invitation.role]} · expires <LocalTime iso={invitation.expiresAt.toISOString()} />
                      </span>
                      <RevokeInvitationForm invitationId={invitation.id} email={invitation.email} />
                    </li>
                  ))}
                </ul>
              </Panel>
            )}
          </>
        )}
      </div>
    </>
  );
}
