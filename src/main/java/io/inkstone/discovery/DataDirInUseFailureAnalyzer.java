package io.inkstone.discovery;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.store.LockObtainFailedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A second Inkstone started on a data directory another one uses fails on the search
 * index's lock; the operator is told that in one line instead of Lucene's stack trace
 * (Spring Boot then exits with a non-zero status).
 */
public class DataDirInUseFailureAnalyzer extends AbstractFailureAnalyzer<LockObtainFailedException> {

	private static final Pattern LOCK_FILE = Pattern.compile("(/\\S+|[A-Za-z]:\\\\\\S+)write\\.lock");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LockObtainFailedException cause) {
		return new FailureAnalysis(description(cause.getMessage()),
				"Stop the other Inkstone first, or give this one its own INKSTONE_DATA_DIR.", cause);
	}

	static String description(String lockMessage) {
		Matcher m = LOCK_FILE.matcher(lockMessage == null ? "" : lockMessage);
		String dataDir = "its data directory";
		if (m.find()) {
			Path lock = Path.of(m.group(1) + "write.lock");
			// <data dir>/index/write.lock, or a folder below index/ (suggestions,
			// spelling)
			Path dir = lock.getParent();
			while (dir != null && !"index".equals(String.valueOf(dir.getFileName()))) {
				dir = dir.getParent();
			}
			dataDir = (dir != null && dir.getParent() != null ? dir.getParent() : lock.getParent()).toString();
		}
		return "another Inkstone is already running on " + dataDir;
	}

}
