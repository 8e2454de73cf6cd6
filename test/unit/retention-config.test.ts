import { ConfigurationError, loadConfig } from '../../bot/config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('retention settings', () => {
  it('defaults to 5 years for confirmed frauds and complaints, 6 months for signals never confirmed', () => {
    expect(loadConfig({}).retention).toEqual({ fraudClosedMonths: 60, fraudUnqualifiedMonths: 6, complaintsClosedMonths: 60 });
  });

  it('reads each period in months from its variable', () => {
    const config = loadConfig({ RETENTION_FRAUD_CLOSED_MONTHS: '72', RETENTION_FRAUD_UNQUALIFIED_MONTHS: '3', RETENTION_COMPLAINTS_CLOSED_MONTHS: ' 36 ' });
    expect(config.retention).toEqual({ fraudClosedMonths: 72, fraudUnqualifiedMonths: 3, complaintsClosedMonths: 36 });
    expect(loadConfig({ RETENTION_FRAUD_CLOSED_MONTHS: '' }).retention.fraudClosedMonths).toBe(60);
  });

  it.each(['0', '-6', '6.5', 'six', '1201'])('refuses %p months, naming the variable and what it expects', (value) => {
    for (const name of ['RETENTION_FRAUD_CLOSED_MONTHS', 'RETENTION_FRAUD_UNQUALIFIED_MONTHS', 'RETENTION_COMPLAINTS_CLOSED_MONTHS']) {
      const problems = problemsOf({ [name]: value });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name}: .*1 to 1200`));
    }
  });

  it('refuses an alert never confirmed kept longer than a confirmed fraud', () => {
    expect(problemsOf({ RETENTION_FRAUD_CLOSED_MONTHS: '12', RETENTION_FRAUD_UNQUALIFIED_MONTHS: '24' })).toEqual([
      expect.stringMatching(/^RETENTION_FRAUD_UNQUALIFIED_MONTHS: longer than RETENTION_FRAUD_CLOSED_MONTHS/),
    ]);
    expect(loadConfig({ RETENTION_FRAUD_CLOSED_MONTHS: '6', RETENTION_FRAUD_UNQUALIFIED_MONTHS: '6' }).retention.fraudClosedMonths).toBe(6);
  });
});
