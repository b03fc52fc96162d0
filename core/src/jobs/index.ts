// Background jobs: which periodic jobs are due, and when a failed one is retried.
export * from './job-schedule';
export * from './job-retry';
