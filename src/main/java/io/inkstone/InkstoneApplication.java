package io.inkstone;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Inkstone (砚): a self-hostable self-media news platform.
 *
 * <p>{@code java -jar inkstone.jar} serves the site; {@code java -jar inkstone.jar import FILE.jsonl}
 * imports articles and exits (see {@code importer}); {@code java -jar inkstone.jar reindex} rebuilds the search
 * index from the database and exits; {@code backup [DIR]} and {@code restore DIR [--force]} back up and restore the
 * database and media without starting the server (see {@code backup}).
 */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class InkstoneApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "import".equals(args[0])) {
			System.exit(runImport(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "backup".equals(args[0])) {
			System.exit(io.inkstone.backup.BackupCommand.backup(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "restore".equals(args[0])) {
			System.exit(io.inkstone.backup.BackupCommand.restore(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "reindex".equals(args[0])) {
			System.exit(runReindex(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(InkstoneApplication.class, args);
	}

	/** Rebuilds the search index from the database without a web server (see ReindexCommand). */
	public static int runReindex(String... args) {
		SpringApplication app = new SpringApplication(InkstoneApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		String[] withFlag = Arrays.copyOf(args, args.length + 1);
		withFlag[args.length] = "--inkstone.reindex=true";
		return SpringApplication.exit(app.run(withFlag));
	}

	/**
	 * Runs the import command without a web server and returns its exit code. The files are checked before the
	 * application starts: a missing or unreadable file (or none) is a usage error (exit 2) with one line on
	 * standard error, and nothing is started, opened or migrated.
	 */
	public static int runImport(String... args) {
		String problem = importArgumentProblem(args);
		if (problem != null) {
			System.err.println(problem);
			return 2; // ImportCommand.USAGE
		}
		SpringApplication app = new SpringApplication(InkstoneApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("import");
		return SpringApplication.exit(app.run(args));
	}

	/** The one-line usage error of these import arguments, or null when every file argument is a readable file. */
	static String importArgumentProblem(String... args) {
		// file arguments: not options, and not the value of a WordPress option written apart (--uploads DIR)
		java.util.List<String> files = new java.util.ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--uploads") || args[i].equals("--channel-map")) {
				i++;
			}
			else if (!args[i].startsWith("--")) {
				files.add(args[i]);
			}
		}
		if (files.isEmpty()) {
			return "usage: java -jar inkstone.jar import FILE.jsonl[.gz] [FILE.jsonl …] (no file given)";
		}
		for (String file : files) {
			java.nio.file.Path path;
			try {
				path = java.nio.file.Path.of(file);
			}
			catch (java.nio.file.InvalidPathException ex) {
				return "import: not a valid file name: " + file;
			}
			if (!java.nio.file.Files.exists(path)) {
				return "import: no such file: " + path + " (nothing imported)";
			}
			if (!java.nio.file.Files.isRegularFile(path)) {
				return "import: not a regular file: " + path + " (nothing imported)";
			}
			if (!java.nio.file.Files.isReadable(path)) {
				return "import: cannot read " + path + " (permission denied; nothing imported)";
			}
		}
		return null;
	}

}
