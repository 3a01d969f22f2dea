// The spec diff must see what is missing: an operation, a query parameter, a response code — and nothing else.
import { describe, expect, it } from 'vitest';
import { diffAgainstSpec } from './tmf-spec-diff.ts';

const SPEC = 'TMF629-CustomerManagement-v4.swagger.json';
const base = '/tmf-api/customerManagement/v4';
const codes = (...c: number[]) => Object.fromEntries(c.map((n) => [String(n), {}]));
const query = (...names: string[]) => names.map((name) => ({ name, in: 'query' }));

/** A document covering TMF629's customer operations exactly, with our own path-parameter name. */
function complete() {
  return {
    paths: {
      [`${base}/customer`]: {
        get: { parameters: query('fields', 'offset', 'limit'), responses: codes(200, 400, 401, 403, 404, 405, 409, 500) },
        post: { responses: codes(201, 400, 401, 403, 405, 409, 500) },
      },
      [`${base}/customer/{customerId}`]: {
        get: { parameters: [{ name: 'customerId', in: 'path' }, ...query('fields')], responses: codes(200, 400, 401, 403, 404, 405, 409, 500) },
        patch: { responses: codes(200, 400, 401, 403, 404, 405, 409, 500) },
        delete: { responses: codes(204, 400, 401, 403, 404, 405, 409, 500) },
      },
    },
  };
}

describe('diffAgainstSpec', () => {
  it('finds nothing when every operation, query parameter and code is there', () => {
    expect(diffAgainstSpec(complete(), SPEC, { resources: ['customer'] })).toEqual([]);
  });

  it('names a missing operation, a missing query parameter and an undocumented code', () => {
    const doc = complete();
    delete (doc.paths[`${base}/customer/{customerId}`] as Record<string, unknown>).delete;
    doc.paths[`${base}/customer`]!.get!.parameters = query('offset', 'limit');
    doc.paths[`${base}/customer`]!.post!.responses = codes(201, 400, 401, 403, 409, 500);
    expect(diffAgainstSpec(doc, SPEC, { resources: ['customer'] }).sort()).toEqual(
      [
        `DELETE ${base}/customer/{id}: operation missing`,
        `GET ${base}/customer: query parameter 'fields' missing`,
        `POST ${base}/customer: response 405 not documented`,
      ].sort(),
    );
  });

  it('compares under a deliberate base path and rejects an unknown resource', () => {
    expect(diffAgainstSpec(complete(), SPEC, { resources: ['customer'], basePath: '/elsewhere/v4/' })).toContain('GET /elsewhere/v4/customer: operation missing');
    expect(diffAgainstSpec(complete(), SPEC, { resources: ['widget'] })).toEqual([`widget: not a resource of ${SPEC}`]);
  });
});
