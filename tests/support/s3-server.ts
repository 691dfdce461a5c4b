// A real S3-compatible server for tests: s3rver (npm), in this process, on
// loopback, storing objects in a temporary folder. It checks SigV4
// signatures against its one account (key and secret "S3RVER").
import { mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { AwsClient } from "aws4fetch";
// @ts-expect-error s3rver ships no types.
import S3rver from "s3rver";

export const S3_KEY = "S3RVER";
export const S3_SECRET = "S3RVER";

export interface S3Server {
  url: string;
  bucket: string;
  /** Stops answering (the port is freed; objects stay). */
  stop(): Promise<void>;
  /** Answers again on the same port, with the same objects. */
  start(): Promise<void>;
  /** An object as a client reads it, or null when it is not there. */
  get(key: string): Promise<{ body: string; contentType: string | null; cacheControl: string | null } | null>;
  /** Every key in the bucket. */
  keys(): Promise<string[]>;
  dispose(): Promise<void>;
}

export async function startS3Server(bucket = "status-mirror"): Promise<S3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "candor-s3-"));
  let port = 0;
  let instance: { run(): Promise<AddressInfo>; httpServer: Server } | null = null;
  const start = async () => {
    instance = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
    port = (await instance!.run()).port;
  };
  const stop = async () => {
    const server = instance?.httpServer;
    instance = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  };
  await start();
  const url = `http://127.0.0.1:${port}`;
  const client = new AwsClient({ accessKeyId: S3_KEY, secretAccessKey: S3_SECRET, service: "s3", region: "us-east-1", retries: 0 });
  return {
    url,
    bucket,
    start,
    stop,
    async get(key) {
      const response = await client.fetch(`${url}/${bucket}/${key}`);
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`GET ${key}: ${response.status}`);
      return {
        body: await response.text(),
        contentType: response.headers.get("content-type"),
        cacheControl: response.headers.get("cache-control"),
      };
    },
    async keys() {
      const response = await client.fetch(`${url}/${bucket}?list-type=2&max-keys=1000`);
      return [...(await response.text()).matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1]!).sort();
    },
    async dispose() {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
