// deploy/kubernetes/ as data, for the deploy tests: each kustomization with the manifests it
// builds (following directory resources like `../common`), parsed with `yaml`. No kustomize
// here: only `resources` is followed, which is all these kustomizations use.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PACKAGE_ROOT } from '../../src/package-root.ts';

export const DEPLOY_DIR = join(PACKAGE_ROOT, 'deploy', 'kubernetes');

export interface Manifest {
  /** Relative to deploy/kubernetes, e.g. common/prometheusrule.yaml. */
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { name: string; labels?: Record<string, string> };
  readonly [field: string]: unknown;
}

export interface Kustomization {
  readonly resources: string[];
  readonly [field: string]: unknown;
}

export const shown = (path: string) => relative(DEPLOY_DIR, path) || '.';

export function readKustomization(dir: string): Kustomization {
  const doc = parseAllDocuments(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
  if (doc.length !== 1) throw new Error(`${shown(dir)}/kustomization.yaml: expected one document`);
  return doc[0]!.toJS() as Kustomization;
}

export function readManifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((d) => {
    if (d.errors.length > 0) throw new Error(`${shown(file)}: ${d.errors[0]!.message}`);
    return { ...(d.toJS() as object), file: shown(file) } as Manifest;
  });
}

/** The manifests `kubectl apply -k dir` would apply, before kustomize's transformations. */
export function build(dir: string): Manifest[] {
  return readKustomization(dir).resources.flatMap((resource) => {
    const path = join(dir, resource);
    if (!existsSync(path)) throw new Error(`${shown(dir)}/kustomization.yaml lists ${resource}, which does not exist`);
    return statSync(path).isDirectory() ? build(path) : readManifests(path);
  });
}

/** Every file under deploy/kubernetes, relative to it. */
export function allFiles(dir = DEPLOY_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [shown(join(dir, e.name))],
  );
}

/** The directories holding a kustomization.yaml: the entry points and the shared part. */
export function kustomizationDirs(): string[] {
  return allFiles()
    .filter((f) => f === 'kustomization.yaml' || f.endsWith('/kustomization.yaml'))
    .map((f) => join(DEPLOY_DIR, f, '..'));
}
