"use client";

// An admin page that failed while the layout (session, navigation) rendered: the same explanation as app/error.tsx.
import { ErrorPage } from "@/components/error-page";

export default ErrorPage;
