// Typed client of the provisioning simulator: task reads, the operator's fallout actions, fault-injection rules
// (the caller needs scope admin for those) and the TMF640 view, parsed with the provisioning contracts.
import { provisioning } from '@bss/contracts';
import { createHttpClient, type ClientOptions, type Page } from './http-client.ts';

const TASKS = '/provisioning-api/v1/task';
const FAULTS = '/provisioning-api/v1/fault-injection';
const TMF640 = provisioning.TMF640_BASE;
const enc = encodeURIComponent;

export interface TaskFilter {
  state?: provisioning.TaskState;
  serviceOrderId?: string;
  serviceId?: string;
  taskType?: provisioning.TaskType;
  offset?: number;
  limit?: number;
}

export interface ProvisioningClient {
  listTasks(filter?: TaskFilter): Promise<Page<provisioning.Task>>;
  getTask(taskId: string): Promise<provisioning.Task>;
  /** A failed, retryable task runs again (same row, fresh attempts); answers it pending. */
  retryTask(taskId: string): Promise<provisioning.Task>;
  /** A stuck task runs again; the note is required. */
  resolveTask(taskId: string, note: string): Promise<provisioning.Task>;
  /** A failed (retryable) or stuck task fails permanently; the note is required. */
  abandonTask(taskId: string, note: string): Promise<provisioning.Task>;
  createFaultRule(body: provisioning.FaultRuleCreate): Promise<provisioning.FaultRule>;
  listFaultRules(page?: { offset?: number; limit?: number }): Promise<Page<provisioning.FaultRule>>;
  getFaultRule(faultId: string): Promise<provisioning.FaultRule>;
  updateFaultRule(faultId: string, patch: provisioning.FaultRulePatch): Promise<provisioning.FaultRule>;
  deleteFaultRule(faultId: string): Promise<void>;
  getTmf640Service(id: string): Promise<provisioning.Tmf640Service>;
  getTmf640Monitor(id: string): Promise<provisioning.Tmf640Monitor>;
}

export function createProvisioningClient(opts: ClientOptions): ProvisioningClient {
  const http = createHttpClient('provisioning-sim', opts);
  return {
    listTasks: (filter = {}) => http.requestPage(provisioning.Task, { method: 'GET', path: TASKS, query: { ...filter } }),
    getTask: (id) => http.request(provisioning.Task, { method: 'GET', path: `${TASKS}/${enc(id)}` }),
    retryTask: (id) => http.request(provisioning.Task, { method: 'POST', path: `${TASKS}/${enc(id)}/retry` }),
    resolveTask: (id, note) => http.request(provisioning.Task, { method: 'POST', path: `${TASKS}/${enc(id)}/resolve`, body: { note } }),
    abandonTask: (id, note) => http.request(provisioning.Task, { method: 'POST', path: `${TASKS}/${enc(id)}/abandon`, body: { note } }),
    createFaultRule: (body) => http.request(provisioning.FaultRule, { method: 'POST', path: FAULTS, body }),
    listFaultRules: (page = {}) => http.requestPage(provisioning.FaultRule, { method: 'GET', path: FAULTS, query: { ...page } }),
    getFaultRule: (id) => http.request(provisioning.FaultRule, { method: 'GET', path: `${FAULTS}/${enc(id)}` }),
    updateFaultRule: (id, patch) => http.request(provisioning.FaultRule, { method: 'PATCH', path: `${FAULTS}/${enc(id)}`, body: patch }),
    deleteFaultRule: (id) => http.requestNoContent({ method: 'DELETE', path: `${FAULTS}/${enc(id)}` }),
    getTmf640Service: (id) => http.request(provisioning.Tmf640Service, { method: 'GET', path: `${TMF640}/service/${enc(id)}` }),
    getTmf640Monitor: (id) => http.request(provisioning.Tmf640Monitor, { method: 'GET', path: `${TMF640}/monitor/${enc(id)}` }),
  };
}
