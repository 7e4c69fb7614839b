package io.inkstone.importer;

import java.io.IOException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar inkstone.jar export --format=jsonl|wxr DIR}: writes the site into
 * {@code DIR} (which the launcher checked is absent or empty before anything started),
 * prints a summary, exits {@value #CLEAN} when done and {@value #FAILED} when the run
 * failed (the directory then holds a partial export). Usage errors ({@value #USAGE}) are
 * caught by the launcher ({@code InkstoneApplication.exportArgumentProblem}).
 */
@Component
@Profile("export")
class ExportCommand implements ApplicationRunner, ExitCodeGenerator {

	static final int CLEAN = 0;

	static final int USAGE = 2;

	static final int FAILED = 3;

	private static final Logger log = LoggerFactory.getLogger(ExportCommand.class);

	private final SiteExporter exporter;

	private int exitCode = CLEAN;

	ExportCommand(SiteExporter exporter) {
		this.exporter = exporter;
	}

	/**
	 * The format and directory of the arguments: {@code --format=F} or
	 * {@code --format F}, and one directory.
	 */
	record Arguments(String format, Path dir) {

		static Arguments parse(String... args) {
			String format = null;
			Path dir = null;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.equals("--format") && i + 1 < args.length) {
					format = args[++i];
				}
				else if (arg.startsWith("--format=")) {
					format = arg.substring("--format=".length());
				}
				else if (!arg.startsWith("--")) {
					if (dir != null) {
						throw new IllegalArgumentException("export: one directory only (" + dir + ", " + arg + ")");
					}
					dir = Path.of(arg);
				}
			}
			if (format == null || !(format.equals("jsonl") || format.equals("wxr"))) {
				throw new IllegalArgumentException(USAGE_TEXT + " (--format must be jsonl or wxr)");
			}
			if (dir == null) {
				throw new IllegalArgumentException(USAGE_TEXT + " (no directory given)");
			}
			return new Arguments(format, dir);
		}

	}

	static final String USAGE_TEXT = "usage: java -jar inkstone.jar export --format=jsonl|wxr DIR";

	@Override
	public void run(ApplicationArguments args) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args.getSourceArgs());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			exitCode = USAGE;
			return;
		}
		try {
			SiteExporter.Summary summary = arguments.format().equals("wxr")
					? exporter.exportWxr(arguments.dir(), System.out)
					: exporter.exportJsonl(arguments.dir(), System.out);
			System.out.print(summary.text());
		}
		catch (IOException | RuntimeException ex) {
			System.out.println();
			System.err.println("export to " + arguments.dir() + " failed: " + ex.getMessage());
			log.debug("Export to {} failed", arguments.dir(), ex);
			exitCode = FAILED;
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
