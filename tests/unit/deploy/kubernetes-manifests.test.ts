// deploy/kubernetes/: every manifest validated against its schema (kubernetes-models for the
// core kinds, @kubernetes-models/prometheus-operator for ServiceMonitor and PrometheusRule),
// every file reached by a kustomization, and the properties a cluster relies on: a restricted
// pod security context, probes on /healthz, credentials only by Secret reference, and the
// Service, ServiceMonitor and alert rules agreeing on names and ports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { PrometheusRule, ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { CronJob } from 'kubernetes-models/batch/v1';
import { ConfigMap, Service } from 'kubernetes-models/v1';
import { PACKAGE_ROOT } from '../../../src/package-root.ts';
import {
  DEPLOY_DIR,
  allFiles,
  build,
  kustomizationDirs,
  readKustomization,
  readManifests,
  shown,
  type Manifest,
} from '../../support/kubernetes-manifests.ts';

/** apiVersion/kind → the model whose JSON schema validates it. A kind missing here fails the test. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'batch/v1/CronJob': CronJob,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
};

const SERVICE_DIR = DEPLOY_DIR;
const CRONJOB_DIR = join(DEPLOY_DIR, 'cronjob');
const CREDENTIALS_SECRET = 'trackers-contract-credentials';
const CREDENTIAL = /PASSWORD|SECRET|TOKEN|USERNAME|OAUTH/;

const manifestFiles = allFiles().filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('kustomization.yaml'));
const manifests = manifestFiles.flatMap((f) => readManifests(join(DEPLOY_DIR, f)));
const one = (kind: string, from: Manifest[] = manifests) => {
  const found = from.filter((m) => m.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind}, found ${found.length}`);
  return found[0]! as Manifest & { spec: any; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

interface Container {
  name: string;
  image: string;
  args?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: any }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  envFrom?: unknown[];
  livenessProbe?: { httpGet?: { path?: string; port?: string | number } };
  readinessProbe?: { httpGet?: { path?: string; port?: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
interface PodSpec {
  securityContext?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  containers: Container[];
  restartPolicy?: string;
}

const podSpecs = (): [string, PodSpec][] => [
  ['Deployment', one('Deployment').spec.template.spec],
  ['CronJob', one('CronJob').spec.jobTemplate.spec.template.spec],
];

describe('schemas', () => {
  test('there are manifests to check', () => assert.ok(manifests.length >= 6, `${manifests.length} manifests`));
  for (const m of manifests) {
    test(`${m.file}: ${m.kind} ${m.metadata?.name} is valid against its schema`, () => {
      const Model = MODELS[`${m.apiVersion}/${m.kind}`];
      assert.ok(Model, `${m.file}: no schema for ${m.apiVersion} ${m.kind}; add its model to MODELS`);
      const { file: _file, ...data } = m;
      new Model(data as never).validate();
    });
  }

  test('the schema check catches a wrong type and a missing required field', () => {
    const deployment = structuredClone(one('Deployment'));
    deployment.spec.replicas = 'one';
    const { file: _f, ...broken } = deployment;
    assert.throws(() => new Deployment(broken as never).validate(), /replicas must be integer/);
    const rule = structuredClone(one('PrometheusRule'));
    delete rule.spec.groups[0].rules[0].expr;
    const { file: _g, ...noExpr } = rule;
    assert.throws(() => new PrometheusRule(noExpr as never).validate(), /must have required property expr/);
  });
});

describe('kustomizations', () => {
  test('every manifest file is listed by exactly one kustomization, and every listed resource exists', () => {
    const listedBy = new Map<string, string[]>();
    for (const dir of kustomizationDirs()) {
      for (const resource of readKustomization(dir).resources) {
        const path = shown(join(dir, resource));
        listedBy.set(path, [...(listedBy.get(path) ?? []), shown(dir)]);
        assert.ok(
          allFiles().some((f) => f === path || f.startsWith(`${path}/`)),
          `${shown(dir)}/kustomization.yaml lists ${resource}: no such file`,
        );
      }
    }
    for (const file of manifestFiles) {
      assert.equal(listedBy.get(file)?.length, 1, `${file} is listed by ${listedBy.get(file)?.join(', ') ?? 'no'} kustomization`);
    }
  });

  const ENTRY_POINTS = [
    { dir: SERVICE_DIR, kinds: ['ConfigMap', 'Deployment', 'PrometheusRule', 'Service', 'ServiceMonitor'] },
    { dir: CRONJOB_DIR, kinds: ['ConfigMap', 'CronJob', 'PrometheusRule'] },
  ];
  for (const { dir, kinds } of ENTRY_POINTS) {
    test(`kubectl apply -k deploy/kubernetes/${shown(dir)} applies ${kinds.join(', ')}`, () => {
      assert.deepEqual(
        build(dir)
          .map((m) => m.kind)
          .sort(),
        kinds,
      );
    });
  }

  test('both entry points set the image by name, so one images: entry retargets the registry', () => {
    for (const dir of [SERVICE_DIR, CRONJOB_DIR]) {
      const images = ((readKustomization(dir).images ?? []) as { name: string }[]).map((i) => i.name);
      const pods = build(dir).filter((m) => m.kind === 'Deployment' || m.kind === 'CronJob');
      for (const c of pods.flatMap((m) => podOf(m).containers)) {
        assert.ok(images.includes(c.image), `${shown(dir)}: image ${c.image} has no images: entry`);
      }
    }
  });
});

function podOf(m: Manifest): PodSpec {
  const spec = m.spec as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  return m.kind === 'CronJob' ? spec.jobTemplate.spec.template.spec : spec.template.spec;
}

describe('pod security and resources', () => {
  for (const [kind, pod] of podSpecs()) {
    test(`${kind}: a restricted pod (non-root, RuntimeDefault seccomp, read-only root, no privilege escalation, no capabilities)`, () => {
      assert.equal(pod.securityContext?.runAsNonRoot, true);
      assert.equal(pod.securityContext?.seccompProfile?.type, 'RuntimeDefault');
      assert.notEqual(pod.securityContext?.runAsUser, 0);
      for (const c of pod.containers) {
        assert.equal(c.securityContext?.allowPrivilegeEscalation, false, c.name);
        assert.equal(c.securityContext?.readOnlyRootFilesystem, true, c.name);
        assert.deepEqual(c.securityContext?.capabilities?.drop, ['ALL'], c.name);
        assert.notEqual(c.securityContext?.privileged, true, c.name);
      }
    });

    test(`${kind}: the pod runs as the Dockerfile's USER`, () => {
      const user = readFileSync(join(PACKAGE_ROOT, 'Dockerfile'), 'utf8').match(/^USER\s+(\d+)/m)?.[1];
      assert.equal(String(pod.securityContext?.runAsUser), user);
    });

    test(`${kind}: every container requests and limits CPU and memory`, () => {
      for (const c of pod.containers) {
        for (const side of ['requests', 'limits'] as const) {
          for (const resource of ['cpu', 'memory'])
            assert.ok(c.resources?.[side]?.[resource], `${c.name}: no ${side}.${resource}`);
        }
      }
    });

    test(`${kind}: credentials come only from the Secret ${CREDENTIALS_SECRET}, and every ConfigMap key exists`, () => {
      const config = one('ConfigMap');
      for (const c of pod.containers) {
        assert.equal(c.envFrom, undefined, `${c.name}: envFrom hides which variables it sets`);
        const names = (c.env ?? []).map((e) => e.name);
        for (const needed of ['CAP_USERNAME', 'CAP_PASSWORD']) assert.ok(names.includes(needed), `${c.name}: no ${needed}`);
        for (const e of c.env ?? []) {
          const secret = e.valueFrom?.secretKeyRef;
          const configMap = e.valueFrom?.configMapKeyRef;
          if (CREDENTIAL.test(e.name)) {
            assert.equal(e.value, undefined, `${e.name} has a literal value`);
            assert.equal(secret?.name, CREDENTIALS_SECRET, `${e.name} is not from the Secret`);
          }
          if (configMap) {
            assert.equal(configMap.name, config.metadata.name, e.name);
            assert.ok(configMap.key in config.data, `${e.name}: the ConfigMap has no key ${configMap.key}`);
          }
        }
      }
    });
  }

  test('no manifest is a Secret, and the ConfigMap holds no credential', () => {
    assert.deepEqual(
      manifests.filter((m) => m.kind === 'Secret').map((m) => m.file),
      [],
    );
    const data = one('ConfigMap').data as Record<string, string>;
    assert.deepEqual(
      Object.keys(data).filter((k) => CREDENTIAL.test(k)),
      [],
    );
  });

  test('every variable the manifests set is one .env.example documents', () => {
    const documented = readFileSync(join(PACKAGE_ROOT, '.env.example'), 'utf8');
    for (const [kind, pod] of podSpecs()) {
      for (const e of pod.containers.flatMap((c) => c.env ?? [])) {
        assert.match(
          documented,
          new RegExp(`\\b${e.name}=`),
          `${kind}: ${e.name} is not in .env.example (a typo is ignored silently)`,
        );
      }
    }
  });
});

describe('the monitor service', () => {
  const deployment = one('Deployment');
  const container = (deployment.spec.template.spec as PodSpec).containers[0]!;
  const metricsPort = container.ports?.find((p) => p.name === 'metrics');

  test('listens on 0.0.0.0:9464, on the port named metrics', () => {
    assert.equal(metricsPort?.containerPort, 9464);
    const env = new Map((container.env ?? []).map((e) => [e.name, e.value]));
    assert.equal(env.get('MONITOR_HOST'), '0.0.0.0', 'the default 127.0.0.1 is unreachable for the kubelet and Prometheus');
    assert.equal(env.get('MONITOR_PORT'), String(metricsPort?.containerPort));
    assert.deepEqual(container.args, ['monitor']);
  });

  test('liveness and readiness probe /healthz on the metrics port', () => {
    for (const probe of [container.livenessProbe, container.readinessProbe]) {
      assert.equal(probe?.httpGet?.path, '/healthz');
      assert.ok([metricsPort?.name, metricsPort?.containerPort].includes(probe?.httpGet?.port as never));
    }
  });

  test('the Service selects the pods and exposes metrics on 9464', () => {
    const service = one('Service');
    const podLabels = deployment.spec.template.metadata.labels as Record<string, string>;
    for (const [k, v] of Object.entries(service.spec.selector as Record<string, string>)) assert.equal(podLabels[k], v, k);
    assert.deepEqual(
      deployment.spec.selector.matchLabels,
      Object.fromEntries(Object.keys(deployment.spec.selector.matchLabels).map((k) => [k, podLabels[k]])),
    );
    const port = (service.spec.ports as { name: string; port: number; targetPort: string | number }[]).find(
      (p) => p.name === 'metrics',
    );
    assert.equal(port?.port, 9464);
    assert.ok([metricsPort?.name, metricsPort?.containerPort].includes(port?.targetPort as never));
  });

  test('the ServiceMonitor selects the Service and scrapes its metrics port at /metrics', () => {
    const service = one('Service');
    const monitor = one('ServiceMonitor');
    for (const [k, v] of Object.entries(monitor.spec.selector.matchLabels as Record<string, string>)) {
      assert.equal(service.metadata.labels?.[k], v, k);
    }
    assert.deepEqual(
      (monitor.spec.endpoints as { port: string; path: string }[]).map((e) => [e.port, e.path]),
      [['metrics', '/metrics']],
    );
  });

  test('the scrape job is the one TrackersMonitorDown watches (a ServiceMonitor names the job after the Service)', () => {
    const monitor = one('ServiceMonitor');
    assert.equal(monitor.spec.jobLabel, undefined);
    const rules = JSON.stringify(one('PrometheusRule').spec.groups);
    const jobs = [...rules.matchAll(/up\{job=\\"([^\\"]+)\\"\}/g)].map((m) => m[1]);
    assert.ok(jobs.length > 0, 'no up{job=...} in the rules');
    for (const job of jobs) assert.equal(job, one('Service').metadata.name);
  });
});

describe('the CronJob variant', () => {
  const cronJob = one('CronJob');
  const pod = cronJob.spec.jobTemplate.spec.template.spec as PodSpec;

  test('probes once and pushes, with a fixed instance, to the configured Pushgateway', () => {
    const args = pod.containers[0]!.args ?? [];
    assert.deepEqual(args.slice(0, 3), ['monitor', '--once', '--push']);
    assert.ok(args[args.indexOf('--instance') + 1], 'no --instance: every pod would push its own group');
    const env = pod.containers[0]!.env ?? [];
    assert.ok(env.some((e) => e.name === 'PUSHGATEWAY_URL'));
  });

  test('never stacks runs, never retries a probe, never restarts in place', () => {
    assert.equal(cronJob.spec.concurrencyPolicy, 'Forbid');
    assert.equal(cronJob.spec.jobTemplate.spec.backoffLimit, 0);
    assert.equal(pod.restartPolicy, 'Never');
  });
});
