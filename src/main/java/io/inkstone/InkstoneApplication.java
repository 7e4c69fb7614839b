package io.inkstone;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import io.inkstone.backup.BackupCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Inkstone (砚): a self-hostable self-media news platform.
 *
 * <p>
 * {@code java -jar inkstone.jar} serves the site;
 * {@code java -jar inkstone.jar import FILE.jsonl} imports articles and exits (see
 * {@code importer}); {@code java -jar inkstone.jar reindex} rebuilds the search index
 * from the database and exits; {@code export --format=jsonl|wxr DIR} writes the site out
 * (see {@code importer}); {@code backup [DIR]} and {@code restore DIR [--force]} back up
 * and restore the database and media without starting the server (see {@code backup}).
 */
@SpringBootApplication(
		excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class InkstoneApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "import".equals(args[0])) {
			System.exit(runImport(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "export".equals(args[0])) {
			System.exit(runExport(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "backup".equals(args[0])) {
			System.exit(BackupCommand.backup(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "restore".equals(args[0])) {
			System.exit(BackupCommand.restore(Arrays.copyOfRange(args, 1, args.length)));
		}
		if (args.length > 0 && "reindex".equals(args[0])) {
			System.exit(runReindex(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(InkstoneApplication.class, args);
	}

	/**
	 * Rebuilds the search index from the database without a web server (see
	 * ReindexCommand).
	 */
	public static int runReindex(String... args) {
		SpringApplication app = new SpringApplication(InkstoneApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		String[] withFlag = Arrays.copyOf(args, args.length + 1);
		withFlag[args.length] = "--inkstone.reindex=true";
		return SpringApplication.exit(app.run(withFlag));
	}

	/**
	 * Runs the import command without a web server and returns its exit code. The files
	 * are checked before the application starts: a missing or unreadable file (or none)
	 * is a usage error (exit 2) with one line on standard error, and nothing is started,
	 * opened or migrated.
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

	/**
	 * Runs the export command without a web server (and, like the import, without the
	 * search index and the scheduled jobs) and returns its exit code. The arguments are
	 * checked first: an unknown format, no directory, or a directory that exists and is
	 * not empty is a usage error (exit 2) and nothing is started or written.
	 */
	public static int runExport(String... args) {
		String problem = exportArgumentProblem(args);
		if (problem != null) {
			System.err.println(problem);
			return 2; // ExportCommand.USAGE
		}
		SpringApplication app = new SpringApplication(InkstoneApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("import", "export");
		return SpringApplication.exit(app.run(args));
	}

	/** The one-line usage error of these export arguments, or null. */
	static String exportArgumentProblem(String... args) {
		String format = null;
		List<String> dirs = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--format")) {
				format = i + 1 < args.length ? args[++i] : "";
			}
			else if (args[i].startsWith("--format=")) {
				format = args[i].substring("--format=".length());
			}
			else if (!args[i].startsWith("--")) {
				dirs.add(args[i]);
			}
		}
		String usage = "usage: java -jar inkstone.jar export --format=jsonl|wxr DIR";
		if (format == null || !(format.equals("jsonl") || format.equals("wxr"))) {
			return usage + " (--format must be jsonl or wxr; nothing exported)";
		}
		if (dirs.size() != 1) {
			return usage + " (give one directory; nothing exported)";
		}
		Path dir;
		try {
			dir = Path.of(dirs.get(0));
		}
		catch (InvalidPathException ex) {
			return "export: not a valid directory name: " + dirs.get(0);
		}
		if (Files.exists(dir)) {
			if (!Files.isDirectory(dir)) {
				return "export: not a directory: " + dir + " (nothing exported)";
			}
			try (var entries = Files.list(dir)) {
				if (entries.findAny().isPresent()) {
					return "export: " + dir + " is not empty (choose a new or empty directory; nothing exported)";
				}
			}
			catch (IOException ex) {
				return "export: cannot read " + dir + " (" + ex.getMessage() + "; nothing exported)";
			}
			if (!Files.isWritable(dir)) {
				return "export: cannot write to " + dir + " (permission denied; nothing exported)";
			}
		}
		return null;
	}

	/**
	 * The one-line usage error of these import arguments, or null when every file
	 * argument is a readable file.
	 */
	static String importArgumentProblem(String... args) {
		// file arguments: not options, and not the value of a WordPress option written
		// apart (--uploads DIR)
		List<String> files = new ArrayList<>();
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
			Path path;
			try {
				path = Path.of(file);
			}
			catch (InvalidPathException ex) {
				return "import: not a valid file name: " + file;
			}
			if (!Files.exists(path)) {
				return "import: no such file: " + path + " (nothing imported)";
			}
			if (!Files.isRegularFile(path)) {
				return "import: not a regular file: " + path + " (nothing imported)";
			}
			if (!Files.isReadable(path)) {
				return "import: cannot read " + path + " (permission denied; nothing imported)";
			}
		}
		return null;
	}

}
