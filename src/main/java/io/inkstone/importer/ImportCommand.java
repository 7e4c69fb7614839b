package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar inkstone.jar import FILE.jsonl[.gz] …}: imports, prints the summary, exits with
 * {@value #CLEAN} when every line was imported (or already was), {@value #REJECTED_LINES} when some lines were
 * rejected (the others are imported), {@value #USAGE} for a usage error or an unreadable file, and
 * {@value #FAILED} when the run itself failed (I/O or database error: batches stored before it stay).
 */
@Component
@Profile("import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	static final int CLEAN = 0;

	static final int REJECTED_LINES = 1;

	static final int USAGE = 2;

	static final int FAILED = 3;

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	private final ArticleImporter importer;

	private int exitCode = CLEAN;

	ImportCommand(ArticleImporter importer) {
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> files = args.getNonOptionArgs();
		if (files.isEmpty()) {
			System.err.println("usage: java -jar inkstone.jar import FILE.jsonl [FILE.jsonl …]");
			exitCode = USAGE;
			return;
		}
		for (String file : files) {
			Path path = Path.of(file);
			if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
				System.err.println("cannot read " + path);
				exitCode = Math.max(exitCode, USAGE);
				continue;
			}
			System.out.println("Importing " + path);
			try (InputStream in = open(path)) {
				ImportReport report = importer.importLines(in, System.out);
				System.out.print(report.summary());
				if (report.rejected() > 0) {
					exitCode = Math.max(exitCode, REJECTED_LINES);
				}
			}
			catch (IOException | RuntimeException ex) {
				// one line on the console, the details in the log: the summary of what was stored is the database
				System.out.println();
				System.err.println("import of " + path + " failed: " + ex.getMessage());
				log.debug("Import of {} failed", path, ex);
				exitCode = FAILED;
			}
		}
	}

	static InputStream open(Path path) throws IOException {
		InputStream in = Files.newInputStream(path);
		return path.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
