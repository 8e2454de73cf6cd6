import type { AppServices } from '../app-services';
import type { CheckAnswer } from '../checks/check-item';
import type { QuarterId } from '../reminders/quarter';
import type { ReportIndicatorsRepository } from './report-indicators-repository';
import type { YearlyReportData } from './yearly-report';

/** The repositories the yearly report reads. */
export type ReportServices = Pick<
  AppServices,
  'complaints' | 'trainingTypes' | 'trainingRecords' | 'people' | 'fraudSignals' | 'fraudVolumes' | 'actions' | 'checkItems' | 'checkAnswers'
> & { reportIndicators: ReportIndicatorsRepository };

/**
 * Reads what the report of `year` needs, the year before included for the previous-year columns: one partition
 * per year for complaints, fraud signals (per domain), indicators; the four quarters' check answers; the plan,
 * the training records and the directory whole (a prefecture's few hundred rows each).
 */
export async function loadReportData(app: ReportServices, year: number): Promise<YearlyReportData> {
  const quarters = [1, 2, 3, 4].map((q) => `${year}-Q${q}` as QuarterId);
  const [complaints, previousComplaints, trainingTypes, trainingRecords, people, signals, previousSignals, volumes, previousVolumes, actions, checkItems, answers, indicators, previousIndicators] =
    await Promise.all([
      app.complaints.listYear(year),
      app.complaints.listYear(year - 1),
      app.trainingTypes.list(),
      app.trainingRecords.listAll(),
      app.people.list(),
      app.fraudSignals.listYear(year),
      app.fraudSignals.listYear(year - 1),
      app.fraudVolumes.listYear(year),
      app.fraudVolumes.listYear(year - 1),
      app.actions.list(),
      app.checkItems.list(),
      Promise.all(quarters.map((quarter) => app.checkAnswers.listQuarter(quarter))),
      app.reportIndicators.listYear(year),
      app.reportIndicators.listYear(year - 1),
    ]);
  return {
    complaints: [...complaints, ...previousComplaints],
    trainingTypes,
    trainingRecords,
    people,
    fraudSignals: [...signals, ...previousSignals],
    fraudVolumes: [...volumes, ...previousVolumes],
    actions,
    checkItems,
    checkAnswers: answers.flat() satisfies CheckAnswer[],
    indicators: [...indicators, ...previousIndicators],
  };
}
