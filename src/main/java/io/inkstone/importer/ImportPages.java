package io.inkstone.importer;

import java.util.List;

import io.inkstone.web.Ui;

/** Page models of {@code /admin/import}. */
public final class ImportPages {

	private ImportPages() {
	}

	/**
	 * One import as the page shows it: state (queued, running, done, failed, interrupted
	 * by a restart), progress, and the summary when done.
	 */
	public record JobView(String id, String fileName, String state, long done, long total, int percent,
			String summary) {

		public boolean finished() {
			return "done".equals(state) || "failed".equals(state) || interrupted();
		}

		public boolean interrupted() {
			return "interrupted".equals(state);
		}

	}

	public record Index(List<JobView> jobs, String error) {
	}

	public record Show(JobView job) {
	}

	/** The job as a reader sees it: its summary in the reader's language. */
	static JobView view(ImportJobs.Job job, Ui ui) {
		return new JobView(job.id, job.fileName, job.state, job.done, job.total, job.percent(), summary(job, ui));
	}

	static String summary(ImportJobs.Job job, Ui ui) {
		ImportReport report = job.report;
		return report == null ? job.summary : report.summary(ui::t);
	}

}
