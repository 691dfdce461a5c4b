import { TextField } from "./form-controls";

/** Choose-a-password and repeat-it fields, as the set-up and invitation forms ask for them. */
export function NewPasswordFields({ label, errors }: { label: string; errors?: Record<string, string[]> }) {
  return (
    <>
      <TextField
        name="password"
        label={label}
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        errors={errors?.password}
      />
      <TextField
        name="confirmPassword"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        errors={errors?.confirmPassword}
      />
    </>
  );
}
