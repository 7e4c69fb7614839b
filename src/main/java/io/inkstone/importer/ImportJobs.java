package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import io.inkstone.shared.BadRequestException;
import io.inkstone.shared.Ids;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import java.nio.file.StandardCopyOption;
import java.util.Collections;

/**
 * WordPress imports started from {@code /admin/import}: one at a time, in the background,
 * with progress the page polls. The uploaded file is deleted when the import ends. The
 * last few jobs are kept in memory (this node).
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

		Job(String id, String fileName) {
			this.id = id;
			this.fileName = fileName;
		}

		boolean finished() {
			return "done".equals(state) || "failed".equals(state);
		}

		int percent() {
			return total <= 0 ? (finished() ? 100 : 0) : (int) Math.min(100, done * 100 / total);
		}

	}

	private final WxrImporter importer;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "wxr-import");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, Job> jobs = new LinkedHashMap<>();

	ImportJobs(WxrImporter importer) {
		this.importer = importer;
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
		Job job = new Job(Long.toString(Ids.next()), fileName == null ? "export.xml" : fileName);
		jobs.put(job.id, job);
		while (jobs.size() > 10) {
			jobs.remove(jobs.keySet().iterator().next());
		}
		worker.execute(() -> run(job, file));
		return job;
	}

	private void run(Job job, Path file) {
		job.state = "running";
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
			});
			job.summary = report.summary();
			job.state = "done";
		}
		catch (IOException | RuntimeException ex) {
			log.warn("WordPress import {} failed", job.id, ex);
			job.summary = "import failed: " + ex.getMessage();
			job.state = "failed";
		}
		finally {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.debug("Could not delete {}", file, ex);
			}
		}
	}

	synchronized Optional<Job> find(String id) {
		return Optional.ofNullable(jobs.get(id));
	}

	synchronized List<Job> recent() {
		List<Job> list = new ArrayList<>(jobs.values());
		Collections.reverse(list);
		return list;
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}
