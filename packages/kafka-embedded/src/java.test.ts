import { describe, expect, it } from 'vitest';
import { resolveJava, parseJavaMajor } from './java.js';

describe('kafka-embedded > java', () => {
  it('reads the feature release from java -version output', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_402"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('nonsense')).toBeUndefined();
  });

  it('names JAVA_HOME when it points at no java', async () => {
    await expect(resolveJava({ JAVA_HOME: '/nonexistent/jdk', PATH: '' })).rejects.toThrow(/JAVA_HOME is \/nonexistent\/jdk/);
  });

  it('says how to get Java when none is on PATH', async () => {
    await expect(resolveJava({ PATH: '/nonexistent' })).rejects.toMatchObject({ code: 'EMBEDDED_KAFKA', message: expect.stringMatching(/Java not found.*17/) });
  });
});
