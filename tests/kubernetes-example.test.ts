import { readFileSync } from 'node:fs';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const EXAMPLE = 'docs/kubernetes/tischwechsel.yaml';

/** The kinds the example uses, each with the model that checks it against the Kubernetes API schema. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1 Secret': Secret,
  'v1 Service': Service,
  'apps/v1 Deployment': Deployment,
  'networking.k8s.io/v1 Ingress': Ingress,
};

type Manifest = { apiVersion: string; kind: string } & Record<string, unknown>;

function manifests(): Manifest[] {
  return parseAllDocuments(readFileSync(EXAMPLE, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw doc.errors[0];
    return doc.toJS() as Manifest;
  });
}

function validate(manifest: Manifest): void {
  const Model = MODELS[`${manifest.apiVersion} ${manifest.kind}`];
  if (!Model) throw new Error(`no model for ${manifest.apiVersion} ${manifest.kind}`);
  new Model(manifest as never).validate();
}

describe('the Kubernetes example (docs/kubernetes)', () => {
  it('is valid against the Kubernetes API schemas, object by object', () => {
    const all = manifests();
    expect(all.map((m) => m.kind)).toEqual(['Secret', 'Deployment', 'Service', 'Ingress']);
    for (const manifest of all) validate(manifest);
  });

  it('runs two replicas of the service on the database secret, probed on /readyz and /healthz', () => {
    const deployment = manifests().find((m) => m.kind === 'Deployment') as unknown as {
      spec: { replicas: number; template: { spec: { containers: Record<string, unknown>[] } } };
    };
    expect(deployment.spec.replicas).toBe(2);
    const [container] = deployment.spec.template.spec.containers;
    expect(container).toMatchObject({
      envFrom: [{ secretRef: { name: 'tischwechsel-database' } }],
      readinessProbe: { httpGet: { path: '/readyz' } },
      livenessProbe: { httpGet: { path: '/healthz' } },
    });
  });

  it('would catch a wrong manifest: the check is not a formality', () => {
    const deployment = manifests().find((m) => m.kind === 'Deployment')!;
    expect(() =>
      validate({ ...deployment, spec: { ...(deployment.spec as object), replicas: 'two' } }),
    ).toThrow();
    expect(() => validate({ ...deployment, spec: { template: {} } })).toThrow();
  });
});
