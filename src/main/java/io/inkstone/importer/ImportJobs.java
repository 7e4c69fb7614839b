package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * WordPress imports started from {@code /admin/import}: one at a time, in the background,
 * with progress the page polls. The uploaded file is deleted when the import ends. Each
 * job is a row of {@code import_jobs} (state, progress, summary), written as it goes and
 * kept alive by a heartbeat: a job whose process stopped (a restart, kill -9) is shown as
 * interrupted at the item it had reached, on any node, instead of vanishing.
 */
@Component
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** A running job whose row has not been touched for this long is interrupted. */
	static final long STALE_MILLIS = 30_000;

	private static final long HEARTBEAT_MILLIS = 5_000;

	private static final int KEPT = 10;

	/** One import; fields are written by the worker and read by page requests. */
	static final class Job {

		final String id;

		final String fileName;

		volatile String state = "queued";

		volatile long done;

		volatile long total;

		volatile String summary = "";

		/** The report of a finished import (rendered in the reader's language). */
		volatile ImportReport report;

		/** When progress was last written to the row. */
		volatile long written;

		Job(String id, String fileName) {
			this.id = id;
			this.fileName = fileName;
		}

		boolean finished() {
			return "done".equals(state) || "failed".equals(state) || "interrupted".equals(state);
		}

		int percent() {
			return total <= 0 ? ("done".equals(state) || "failed".equals(state) ? 100 : 0)
					: (int) Math.min(100, done * 100 / total);
		}

	}

	private final WxrImporter importer;

	private final JdbcClient jdbc;

	private final Clock clock;

	/** This process: a row owned by another whose heartbeat stopped is interrupted. */
	private final String owner = UUID.randomUUID().toString();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "wxr-import");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "wxr-import-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Job> jobs = new LinkedHashMap<>();

	ImportJobs(WxrImporter importer, JdbcClient jdbc, ObjectProvider<Clock> clock) {
		this.importer = importer;
		this.jdbc = jdbc;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
	}

	/** Starts importing an uploaded export; refuses while another import runs. */
	synchronized Job start(InputStream upload, String fileName) {
		if (jobs.values().stream().anyMatch(j -> !j.finished())) {
			throw new BadRequestException("problem.importer.anImportIsAlreadyRunning");
		}
		Path file;
		try {
			file = Files.createTempFile("inkstone-wxr-", ".xml");
			Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
			byte[] head;
			try (InputStream in = Files.newInputStream(file)) {
				head = in.readNBytes(64);
			}
			if (!WxrImporter.looksLikeXml(head, head.length)) {
				Files.deleteIfExists(file);
				throw new BadRequestException("problem.importer.notAWordpressExportWxr");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String name = fileName == null || fileName.isBlank() ? "export.xml" : fileName;
		Job job = new Job(Long.toString(Ids.next()), name.length() > 300 ? name.substring(0, 300) : name);
		long now = clock.millis();
		jdbc.sql("INSERT INTO import_jobs (id, file_name, state, done, total, summary, owner, created_at, updated_at)"
				+ " VALUES (:id, :name, :state, 0, 0, '', :owner, :now, :now)")
			.param("id", Long.parseLong(job.id))
			.param("name", job.fileName)
			.param("state", job.state)
			.param("owner", owner)
			.param("now", now)
			.update();
		jobs.put(job.id, job);
		while (jobs.size() > KEPT) {
			jobs.remove(jobs.keySet().iterator().next());
		}
		worker.execute(() -> run(job, file));
		return job;
	}

	private void run(Job job, Path file) {
		job.state = "running";
		write(job);
		try {
			ImportReport report = importer.importFile(() -> {
				try {
					return Files.newInputStream(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, WxrImporter.Options.none(), null, (done, total) -> {
				job.total = total;
				job.done = done;
				if (clock.millis() - job.written >= 2_000) {
					write(job);
				}
			});
			job.summary = report.summary();
			job.report = report;
			job.state = "done";
		}
		catch (IOException | RuntimeException ex) {
			log.warn("WordPress import {} failed", job.id, ex);
			job.summary = "import failed: " + ex.getMessage();
			job.state = "failed";
		}
		finally {
			write(job);
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.debug("Could not delete {}", file, ex);
			}
		}
	}

	/** Writes the job's state and progress to its row (and so shows it is alive). */
	private void write(Job job) {
		job.written = clock.millis();
		try {
			jdbc.sql("UPDATE import_jobs SET state = :state, done = :done, total = :total, summary = :summary,"
					+ " updated_at = :now WHERE id = :id")
				.param("state", job.state)
				.param("done", job.done)
				.param("total", job.total)
				.param("summary", job.report != null ? job.report.toJson() : job.summary)
				.param("now", job.written)
				.param("id", Long.parseLong(job.id))
				.update();
		}
		catch (DataAccessException ex) {
			// the page falls back to this node's memory; the next write retries
			log.debug("Could not record import {}", job.id, ex);
		}
	}

	/** Keeps the rows of this process' unfinished jobs alive between progress writes. */
	private void beat() {
		List<Job> running;
		synchronized (this) {
			running = jobs.values().stream().filter(j -> !j.finished()).toList();
		}
		running.forEach(this::write);
	}

	synchronized Optional<Job> find(String id) {
		Job job = jobs.get(id);
		if (job != null) {
			return Optional.of(job);
		}
		if (!id.matches("\\d{1,19}")) {
			return Optional.empty();
		}
		return jdbc
			.sql("SELECT id, file_name, state, done, total, summary, owner, updated_at FROM import_jobs WHERE id = :id")
			.param("id", Long.parseLong(id))
			.query((rs, n) -> fromRow(rs.getLong("id"), rs.getString("file_name"), rs.getString("state"),
					rs.getLong("done"), rs.getLong("total"), rs.getString("summary"), rs.getString("owner"),
					rs.getLong("updated_at")))
			.optional();
	}

	/**
	 * The job of a row: an unfinished job of another process that has shown no sign of
	 * life for {@link #STALE_MILLIS} was interrupted.
	 */
	private Job fromRow(long id, String fileName, String state, long done, long total, String summary, String rowOwner,
			long updatedAt) {
		Job job = new Job(Long.toString(id), fileName);
		job.done = done;
		job.total = total;
		job.summary = summary == null ? "" : summary;
		if (job.summary.startsWith("{")) {
			try {
				job.report = ImportReport.fromJson(job.summary);
				job.summary = job.report.summary();
			}
			catch (RuntimeException ex) {
				log.debug("Unreadable summary of import {}", id, ex);
			}
		}
		boolean unfinished = "queued".equals(state) || "running".equals(state);
		job.state = unfinished && (owner.equals(rowOwner) || clock.millis() - updatedAt > STALE_MILLIS) ? "interrupted"
				: state;
		return job;
	}

	synchronized List<Job> recent() {
		List<Job> list = new ArrayList<>();
		try {
			jdbc.sql("SELECT id, file_name, state, done, total, summary, owner, updated_at FROM import_jobs"
					+ " ORDER BY created_at DESC, id DESC LIMIT " + KEPT)
				.query((rs, n) -> {
					String id = Long.toString(rs.getLong("id"));
					Job mine = jobs.get(id);
					return mine != null ? mine
							: fromRow(rs.getLong("id"), rs.getString("file_name"), rs.getString("state"),
									rs.getLong("done"), rs.getLong("total"), rs.getString("summary"),
									rs.getString("owner"), rs.getLong("updated_at"));
				})
				.list()
				.forEach(list::add);
		}
		catch (DataAccessException ex) {
			log.debug("Could not list imports", ex);
			List<Job> mine = new ArrayList<>(jobs.values());
			Collections.reverse(mine);
			return mine;
		}
		return list;
	}

	@PreDestroy
	void stop() {
		heartbeat.shutdownNow();
		worker.shutdownNow();
	}

}
