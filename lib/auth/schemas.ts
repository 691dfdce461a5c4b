import { z } from "zod";
import { OPERATOR_ROLES } from "./roles";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter an email address like ada@example.com.").max(254, "Keep the email under 254 characters."));

const name = z.string().trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters.");

const password = z.string().min(10, "Use at least 10 characters.").max(128, "Use at most 128 characters.");

const role = z.enum(OPERATOR_ROLES, { error: "Choose admin, responder or viewer." });

export const newOperatorSchema = z
  .object({ name, email, password, confirmPassword: z.string() })
  .refine((input) => input.password === input.confirmPassword, {
    message: "The two passwords differ.",
    path: ["confirmPassword"],
  });
export type NewOperatorInput = z.infer<typeof newOperatorSchema>;

export const inviteOperatorSchema = z.object({ email, role });
export type InviteOperatorInput = z.infer<typeof inviteOperatorSchema>;

export const acceptInvitationSchema = z
  .object({ token: z.string().min(20).max(100), name, password, confirmPassword: z.string() })
  .refine((input) => input.password === input.confirmPassword, {
    message: "The two passwords differ.",
    path: ["confirmPassword"],
  });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const changeRoleSchema = z.object({ operatorId: z.string().min(1).max(64), role });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const operatorIdSchema = z.object({ operatorId: z.string().min(1).max(64) });
export const invitationIdSchema = z.object({ invitationId: z.string().min(1).max(64) });
