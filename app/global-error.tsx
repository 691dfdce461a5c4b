"use client";

// The root layout itself failed: this replaces it, so it brings its own html, body and styles.
import { ErrorPage } from "@/components/error-page";
import "./globals.css";

export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
