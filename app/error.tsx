"use client";

// A page that failed (the database unreachable before Candor noticed, a bug): an explanation, not Next's bare 500.
import { ErrorPage } from "@/components/error-page";

export default ErrorPage;
