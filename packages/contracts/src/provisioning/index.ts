// Wire shapes of the provisioning simulator: its own task API (/provisioning-api, camelCase), the operator's
// fault-injection rules and the TMF640 Service Activation and Configuration view of the same tasks.
export * from './task.ts';
export * from './fault-rule.ts';
export * from './tmf640.ts';
