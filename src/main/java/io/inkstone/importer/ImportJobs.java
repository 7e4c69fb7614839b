package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import java.nio.file.StandardCopyOption;

/**
 * WordPress imports started from {@code /admin/import}: one at a time, in the background,
 * with progress the page polls. The uploaded file is deleted when the import ends. Each
 * job is a row of {@code import_jobs}, so every node of a cluster shows its progress and
 * summary and refuses a second import while one runs; the import itself runs on the node
 * that took the upload.
 */
@Component
class ImportJobs {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** One import; fields are written by the worker and read by page requests. */
	static final class Job {

		final String id;

		final String fileName;

		volatile String state = "queued";

		volatile long done;

		volatile long total;

		volatile String summary = "";

		/** The report of an import this node ran (rendered in the reader's language). */
		volatile ImportReport report;

		Job(String id, String fileName) {
			this.id = id;
			this.fileName = fileName;
		}

		Job(String id, String fileName, String state, long done, long total, String summary) {
			this(id, fileName);
			this.state = state;
			this.done = done;
			this.total = total;
			this.summary = summary;
		}

		boolean finished() {
			return "done".equals(state) || "failed".equals(state) || "interrupted".equals(state);
		}

		int percent() {
			return total <= 0 ? (finished() ? 100 : 0) : (int) Math.min(100, done * 100 / total);
		}

	}

	/**
	 * A running import whose row has not moved for this long was interrupted (its node
	 * stopped): it shows as interrupted and no longer blocks a new one.
	 */
	static final Duration STALE = Duration.ofMinutes(10);

	private static final String SELECT = "SELECT id, file_name, state, done, total, summary, updated_at FROM import_jobs";

	/** Progress is written to the row at most this often. */
	private static final long PROGRESS_EVERY_MS = 500;

	private final WxrImporter importer;

	private final JdbcClient jdbc;

	/**
	 * Reports of the imports this node ran, by job id (the last few): the page renders
	 * them in the reader's language; other nodes show the stored English summary.
	 */
	private final Map<String, ImportReport> reports = Collections.synchronizedMap(new LinkedHashMap<>());

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "wxr-import");
		thread.setDaemon(true);
		return thread;
	});

	private final Clock clock;

	ImportJobs(WxrImporter importer, JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.importer = importer;
		this.jdbc = jdbc;
	}

	/** Starts importing an uploaded export; refuses while another import runs. */
	synchronized Job start(InputStream upload, String fileName) {
		if (recent().stream().anyMatch(j -> !j.finished())) {
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
		jdbc.sql("INSERT INTO import_jobs (id, file_name, state, done, total, summary, created_at, updated_at)"
				+ " VALUES (:id, :name, 'queued', 0, 0, '', :now, :now)")
			.param("id", Long.parseLong(job.id))
			.param("name", job.fileName)
			.param("now", now)
			.update();
		worker.execute(() -> run(job, file));
		return job;
	}

	/** Writes the job's state to its row, which every node reads. */
	private void save(Job job) {
		jdbc.sql("UPDATE import_jobs SET state = :state, done = :done, total = :total, summary = :summary,"
				+ " updated_at = :now WHERE id = :id")
			.param("id", Long.parseLong(job.id))
			.param("state", job.state)
			.param("done", job.done)
			.param("total", job.total)
			.param("summary", job.summary)
			.param("now", clock.millis())
			.update();
	}

	private void run(Job job, Path file) {
		job.state = "running";
		save(job);
		long[] saved = { clock.millis() };
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
				long now = clock.millis();
				if (now - saved[0] >= PROGRESS_EVERY_MS) {
					saved[0] = now;
					save(job);
				}
			});
			job.summary = report.summary();
			job.report = report;
			reports.put(job.id, report);
			while (reports.size() > 10) {
				reports.remove(reports.keySet().iterator().next());
			}
			job.state = "done";
		}
		catch (IOException | RuntimeException ex) {
			log.warn("WordPress import {} failed", job.id, ex);
			job.summary = "import failed: " + ex.getMessage();
			job.state = "failed";
		}
		finally {
			try {
				save(job);
			}
			catch (RuntimeException ex) {
				log.warn("Could not record the end of import {}", job.id, ex);
			}
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.debug("Could not delete {}", file, ex);
			}
		}
	}

	/** The import, whichever node runs it. */
	Optional<Job> find(String id) {
		long value;
		try {
			value = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " WHERE id = :id").param("id", value).query(this::job).optional();
	}

	/** The last ten imports of the site, newest first. */
	List<Job> recent() {
		return jdbc.sql(SELECT + " ORDER BY created_at DESC, id DESC LIMIT 10").query(this::job).list();
	}

	private Job job(ResultSet rs, int row) throws SQLException {
		String state = rs.getString("state");
		String summary = rs.getString("summary");
		boolean unfinished = "queued".equals(state) || "running".equals(state);
		if (unfinished && rs.getLong("updated_at") < clock.millis() - STALE.toMillis()) {
			// the page says how far it came and that the same file finishes it
			state = "interrupted";
		}
		Job job = new Job(Long.toString(rs.getLong("id")), rs.getString("file_name"), state, rs.getLong("done"),
				rs.getLong("total"), summary);
		job.report = reports.get(job.id);
		return job;
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}
