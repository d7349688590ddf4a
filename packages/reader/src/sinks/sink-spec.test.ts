import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';
import { sinkFromSpec } from './sink-spec.js';

describe('reader > sinks > spec', () => {
  it('builds the sink a spec names, describing it without the password', () => {
    expect(sinkFromSpec('sqlite:/tmp/x.db').description).toBe('sqlite:/tmp/x.db');
    const pg = sinkFromSpec('postgres:postgres://app:hunter2@db:5432/orders');
    expect(pg.kind).toBe('postgres');
    expect(pg.description).toBe('postgres:postgres://app:***@db:5432/orders');
    expect(sinkFromSpec('postgresql://app@db/orders').kind).toBe('postgres');
  });

  it('refuses unknown schemes without echoing the rest of the spec', () => {
    expect(() => sinkFromSpec('mysql://u:hunter2@h/db')).toThrow(/unknown sink scheme mysql:/);
    expect(() => sinkFromSpec('mysql://u:hunter2@h/db')).not.toThrow(/hunter2/);
    expect(() => sinkFromSpec('sqlite:')).toThrow(/needs a file path/);
  });

  it('redacts passwords in URLs and secret-looking query parameters', () => {
    expect(redactUrl('postgres://u:p@h:1/d?sslpassword=x&application_name=a')).toBe('postgres://u:***@h:1/d?sslpassword=***&application_name=a');
    expect(redactUrl('not a url with secret')).toBe('<unparseable url>');
  });
});
