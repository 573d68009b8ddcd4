// Prometheus metrics on a per-service registry (tests build many): request latency by route,
// decisions by suggestion, and flagged categories by severity.

import client from 'prom-client';
import type { Suggestion } from '../content/index.js';

export class Metrics {
  readonly registry = new client.Registry();
  readonly #latency = new client.Histogram({
    name: 'bulwark_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly #decisions = new client.Counter({
    name: 'bulwark_decisions_total',
    help: 'Decisions by content kind and suggestion.',
    labelNames: ['kind', 'suggestion'] as const,
    registers: [this.registry],
  });
  readonly #categories = new client.Counter({
    name: 'bulwark_decision_categories_total',
    help: 'Decisions in which a category was flagged (severity above none), by category and severity.',
    labelNames: ['category', 'severity'] as const,
    registers: [this.registry],
  });

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, prefix: 'bulwark_' });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.#latency.labels(method, route, String(status)).observe(seconds);
  }

  countDecision(kind: string, suggestion: Suggestion, categories: Record<string, { severity: string }>): void {
    this.#decisions.labels(kind, suggestion).inc();
    for (const [category, { severity }] of Object.entries(categories)) {
      if (severity !== 'none') this.#categories.labels(category, severity).inc();
    }
  }
}
