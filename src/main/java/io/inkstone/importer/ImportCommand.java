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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar inkstone.jar import FILE.jsonl[.gz] …}: imports, prints the summary,
 * exits with {@value #CLEAN} when every line was imported (or already was),
 * {@value #REJECTED_LINES} when some lines were rejected (the others are imported),
 * {@value #USAGE} for a usage error or an unreadable file, and {@value #FAILED} when the
 * run itself failed (I/O or database error: batches stored before it stay).
 */
@Component
@Profile("import & !export")
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	static final int CLEAN = 0;

	static final int REJECTED_LINES = 1;

	static final int USAGE = 2;

	static final int FAILED = 3;

	private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

	private final ArticleImporter importer;

	private final WxrImporter wxr;

	private int exitCode = CLEAN;

	ImportCommand(ArticleImporter importer, WxrImporter wxr) {
		this.importer = importer;
		this.wxr = wxr;
	}

	static final String USAGE_TEXT = "usage: java -jar inkstone.jar import FILE.jsonl [FILE.jsonl …]\n"
			+ "       java -jar inkstone.jar import export.xml [--uploads DIR] [--channel-map FILE] [--no-fetch]   (a WordPress export)";

	@Override
	public void run(ApplicationArguments args) {
		List<String> files = new ArrayList<>();
		Path uploads = null;
		Path channelMapFile = null;
		boolean fetch = true;
		String[] raw = args.getSourceArgs();
		for (int i = 0; i < raw.length; i++) {
			String arg = raw[i];
			String value = null;
			String name = null;
			if (arg.startsWith("--uploads") || arg.startsWith("--channel-map")) {
				int eq = arg.indexOf('=');
				name = eq < 0 ? arg : arg.substring(0, eq);
				if (eq >= 0) {
					value = arg.substring(eq + 1);
				}
				else if (i + 1 < raw.length) {
					value = raw[++i];
				}
				if (value == null || value.isBlank() || !(name.equals("--uploads") || name.equals("--channel-map"))) {
					System.err.println(USAGE_TEXT);
					exitCode = USAGE;
					return;
				}
				if (name.equals("--uploads")) {
					uploads = Path.of(value);
				}
				else {
					channelMapFile = Path.of(value);
				}
			}
			else if (arg.equals("--no-fetch")) {
				fetch = false;
			}
			else if (!arg.startsWith("--")) {
				files.add(arg);
			}
		}
		if (files.isEmpty()) {
			System.err.println(USAGE_TEXT);
			exitCode = USAGE;
			return;
		}
		if (uploads != null && !Files.isDirectory(uploads)) {
			System.err.println("--uploads: not a directory: " + uploads);
			exitCode = USAGE;
			return;
		}
		Map<String, String> channelMap = Map.of();
		if (channelMapFile != null) {
			try {
				channelMap = channelMap(channelMapFile);
			}
			catch (IOException | IllegalArgumentException ex) {
				System.err.println("--channel-map: " + ex.getMessage());
				exitCode = USAGE;
				return;
			}
		}
		WxrImporter.Options options = new WxrImporter.Options(uploads, channelMap, fetch);
		for (String file : files) {
			Path path = Path.of(file);
			if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
				System.err.println("cannot read " + path);
				exitCode = Math.max(exitCode, USAGE);
				continue;
			}
			System.out.println("Importing " + path);
			try (InputStream in = open(path)) {
				ImportReport report = isXml(path) ? wxr.importFile(() -> {
					try {
						return open(path);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}, options, System.out) : importer.importLines(in, System.out, path.toAbsolutePath().getParent());
				System.out.print(report.summary());
				if (report.rejected() > 0) {
					exitCode = Math.max(exitCode, REJECTED_LINES);
				}
			}
			catch (IOException | RuntimeException ex) {
				// one line on the console, the details in the log: the summary of what
				// was stored is the database
				System.out.println();
				System.err.println("import of " + path + " failed: " + ex.getMessage());
				log.debug("Import of {} failed", path, ex);
				exitCode = FAILED;
			}
		}
	}

	/** WordPress exports are recognised by content (XML), whatever the file is called. */
	static boolean isXml(Path path) throws IOException {
		try (InputStream in = open(path)) {
			byte[] head = in.readNBytes(64);
			return WxrImporter.looksLikeXml(head, head.length);
		}
	}

	/**
	 * {@code --channel-map FILE}: lines {@code wordpress-category = channel} (slug or
	 * name on either side), {@code #} comments and blank lines ignored.
	 */
	static Map<String, String> channelMap(Path file) throws IOException {
		Map<String, String> map = new HashMap<>();
		int n = 0;
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			n++;
			String l = line.strip();
			if (l.isEmpty() || l.startsWith("#")) {
				continue;
			}
			int eq = l.indexOf('=');
			if (eq <= 0 || eq == l.length() - 1) {
				throw new IllegalArgumentException(file + " line " + n + ": expected 'category = channel'");
			}
			map.put(WxrImporter.decode(l.substring(0, eq).strip()), l.substring(eq + 1).strip());
		}
		return map;
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
