package io.inkstone.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** {@code java -jar inkstone.jar import FILE.jsonl[.gz] …}: imports, prints the summary, exits. */
@Component
@Profile("import")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	private final ArticleImporter importer;

	private int exitCode;

	ImportCommand(ArticleImporter importer) {
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		List<String> files = args.getNonOptionArgs();
		if (files.isEmpty()) {
			System.err.println("usage: java -jar inkstone.jar import FILE.jsonl [FILE.jsonl …]");
			exitCode = 2;
			return;
		}
		for (String file : files) {
			Path path = Path.of(file);
			if (!Files.isReadable(path)) {
				System.err.println("cannot read " + path);
				exitCode = 2;
				continue;
			}
			System.out.println("Importing " + path);
			try (InputStream in = open(path)) {
				ImportReport report = importer.importLines(in, System.out);
				System.out.print(report.summary());
				if (report.rejected() > 0) {
					exitCode = Math.max(exitCode, 1);
				}
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
