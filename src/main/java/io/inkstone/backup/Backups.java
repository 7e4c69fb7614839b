package io.inkstone.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.inkstone.media.MediaProperties;
import io.inkstone.shared.InkstoneProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/**
 * The backups in {@code inkstone.backup.dir} for {@code /admin/backups}, and a backup or
 * a checksum check started from there, one at a time, on a background thread (the same
 * code as the {@code backup} command).
 */
@Service
@Profile("!import")
public class Backups implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	static final Pattern NAME = Pattern.compile("inkstone-\\d{8}-\\d{6}(-\\d{1,4})?");

	private final BackupProperties backup;

	private final BackupWriter writer;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "inkstone-backup");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	/** The last run's failure (a bundle key and its arguments), or null. */
	private volatile Failure lastFailure;

	/**
	 * Results of checks started from the page: backup name → null when it passed, else
	 * the failure.
	 */
	private final Map<String, Failure> checks = new ConcurrentHashMap<>();

	private static final Failure PASSED = new Failure("", new Object[0]);

	record Failure(String key, Object[] args) {
	}

	/**
	 * One backup as the page lists it; {@code complete} is false for a directory being
	 * written or left by an interrupted run, {@code checked} is null until a check from
	 * the page finished.
	 */
	record Listed(String name, Instant createdAt, long bytes, long articles, long comments, long follows,
			long mediaFiles, boolean complete, boolean verified, String database, Failure problem, Boolean checked) {
	}

	Backups(InkstoneProperties properties, MediaProperties media, BackupProperties backup, Clock clock) {
		this.backup = backup;
		this.writer = new BackupWriter(properties, media, clock);
	}

	Path dir() {
		return backup.dir().toAbsolutePath().normalize();
	}

	boolean running() {
		return running.get();
	}

	Failure lastFailure() {
		return lastFailure;
	}

	/** Starts a backup in the background; false when one is already running. */
	boolean start() {
		if (!running.compareAndSet(false, true)) {
			return false;
		}
		lastFailure = null;
		worker.execute(() -> {
			try {
				Path written = writer.create(dir(), step -> log.debug("Backup: {}", step));
				log.info("Backup written to {}", written);
			}
			catch (BackupException ex) {
				lastFailure = new Failure(ex.key(), ex.args());
				log.warn("Backup failed: {}", ex.getMessage());
			}
			catch (Exception ex) {
				lastFailure = new Failure("backup.cli.failed", new Object[] { String.valueOf(ex.getMessage()) });
				log.warn("Backup failed", ex);
			}
			finally {
				running.set(false);
			}
		});
		return true;
	}

	/**
	 * Re-reads a backup against its manifest in the background; false when busy or there
	 * is no such backup.
	 */
	boolean check(String name) {
		if (!NAME.matcher(name).matches() || !Files.isDirectory(dir().resolve(name))
				|| !running.compareAndSet(false, true)) {
			return false;
		}
		checks.remove(name);
		worker.execute(() -> {
			try {
				BackupRestorer.verify(dir().resolve(name));
				checks.put(name, PASSED);
			}
			catch (BackupException ex) {
				checks.put(name, new Failure(ex.key(), ex.args()));
			}
			catch (Exception ex) {
				checks.put(name, new Failure("backup.cli.failed", new Object[] { String.valueOf(ex.getMessage()) }));
			}
			finally {
				running.set(false);
			}
		});
		return true;
	}

	/** The newest backups first, at most {@code limit}. */
	List<Listed> list(int limit) throws IOException {
		Path dir = dir();
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Path> candidates;
		try (Stream<Path> entries = Files.list(dir)) {
			candidates = entries.filter(Files::isDirectory)
				.filter(p -> NAME.matcher(p.getFileName().toString().replace(BackupWriter.PARTIAL, "")).matches())
				.sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
				.limit(limit)
				.toList();
		}
		List<Listed> listed = new ArrayList<>();
		for (Path path : candidates) {
			String name = path.getFileName().toString();
			Failure check = checks.get(name);
			Boolean checked = check == null ? null : check == PASSED;
			Failure problem = check == null || check == PASSED ? null : check;
			if (name.endsWith(BackupWriter.PARTIAL)) {
				listed.add(new Listed(name, null, BackupFiles.size(path), 0, 0, 0, 0, false, false, "", null, null));
				continue;
			}
			try {
				BackupManifest manifest = BackupManifest.read(path);
				if (manifest == null) {
					listed.add(new Listed(name, null, BackupFiles.size(path), 0, 0, 0, 0, false, false, "",
							new Failure("backup.error.noManifest", new Object[] { path.resolve(BackupManifest.FILE) }),
							checked));
					continue;
				}
				long mediaFiles = manifest.files().stream().filter(f -> f.path().startsWith("media/")).count();
				listed.add(new Listed(name, Instant.parse(manifest.createdAt()), manifest.totalBytes(),
						manifest.rows("articles"), manifest.rows("comments"), manifest.rows("follows"), mediaFiles,
						true, "ok".equals(manifest.verified()) && !Boolean.FALSE.equals(checked), manifest.database(),
						problem, checked));
			}
			catch (IOException | RuntimeException ex) {
				listed.add(new Listed(name, null, BackupFiles.size(path), 0, 0, 0, 0, false, false, "",
						new Failure("backup.error.badManifest",
								new Object[] { path.resolve(BackupManifest.FILE), ex.getMessage() }),
						checked));
			}
		}
		return listed;
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}

}
