package io.inkstone.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.inkstone.InkstoneApplication;
import io.inkstone.support.Databases;
import io.inkstone.support.Fixtures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * {@code java -jar inkstone.jar import FILE.jsonl}, run the way a user runs it (minus the
 * JVM exit).
 */
class ImportCommandIntegrationTests {

	record Run(int exitCode, String output) {
	}

	private static Run importCommand(Path dataDir, String... files) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			String[] args = new String[files.length + 1];
			args[0] = "--inkstone.data-dir=" + dataDir;
			System.arraycopy(files, 0, args, 1, files.length);
			int code = InkstoneApplication.runImport(args);
			return new Run(code, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
		}
	}

	@Test
	void importsTheCorpusFormatAndNeverImportsTwice() throws IOException, SQLException {
		Path dataDir = Databases.freshDataDir();
		Path file = dataDir.resolve("fixture.jsonl");
		Files.copy(Fixtures.open(Fixtures.CLASSICS), file);
		Run first = importCommand(dataDir, file.toString());
		assertThat(first.exitCode()).isZero();
		assertThat(first.output()).contains("Imported: 240, skipped as duplicate: 0, rejected: 0");
		Run second = importCommand(dataDir, file.toString());
		assertThat(second.output()).contains("Imported: 0, skipped as duplicate: 240, rejected: 0");
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles")).isEqualTo(240);
		// channels the import brought are named from configuration; the default set
		// exists too
		assertThat(count(dataDir, "SELECT COUNT(*) FROM channels WHERE slug = 'poetry-tang' AND name = '唐诗'"))
			.isEqualTo(1);
		assertThat(count(dataDir, "SELECT COUNT(*) FROM channels WHERE slug = 'military' AND name = '军事'"))
			.isEqualTo(1);
		// handles are slugged, display names kept: "两汉：刘彻" style creators
		assertThat(count(dataDir, "SELECT COUNT(*) FROM creators WHERE handle LIKE '%：%'")).isZero();
	}

	@Test
	void reportsAndSkipsMalformedLinesAndStoresNothingOfThem() throws IOException, SQLException {
		Path dataDir = Databases.freshDataDir();
		Path file = dataDir.resolve("mixed.jsonl");
		String good = "{\"id\":\"t-1\",\"creator\":\"李白\",\"creator_name\":\"李白\",\"channel\":\"poetry-tang\",\"title\":\"静夜思\","
				+ "\"body_markdown\":\"床前明月光，疑是地上霜。\",\"published_at\":\"2024-01-02T03:04:05+08:00\","
				+ "\"tags\":[\"思乡\",\"月\"],\"original\":false,\"aigc\":\"none\",\"source\":\"chinese-poetry\"}";
		Files.write(file,
				List.of(good, "{not json",
						"{\"creator\":\"李白\",\"channel\":\"poetry-tang\",\"body_markdown\":\"x\","
								+ "\"published_at\":\"2024-01-02T03:04:05+08:00\"}",
						"", good.replace("t-1", "t-2").replace("2024-01-02T03:04:05+08:00", "yesterday"),
						good.replace("t-1", "t-3").replace("\"aigc\":\"none\"", "\"aigc\":\"maybe\""),
						good.replace("t-1", "t-4").replace("poetry-tang", "Bad Slug!"), "[1,2,3]",
						good.replace("t-1", "t-5").replace("\"title\":\"静夜思\"", "\"title\":[\"数组\"]"),
						good.replace("t-1", "t-6").replace("\"title\":\"静夜思\"", "\"title\":42")));
		Run run = importCommand(dataDir, file.toString());
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("Imported: 1, skipped as duplicate: 0, rejected: 8")
			.contains("line 2: malformed JSON")
			.contains("line 3: missing or empty field: title")
			.contains("line 5: published_at is not an ISO-8601")
			.contains("line 6: aigc must be none, assisted or generated")
			.contains("line 7: invalid channel slug")
			.contains("line 8: not a JSON object")
			.contains("line 9: title must be a string, not an array")
			.contains("line 10: title must be a string, not a number");
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles")).isEqualTo(1);
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles WHERE tags = '思乡,月' AND source = 'chinese-poetry'"))
			.isEqualTo(1);
	}

	private static final String GOOD = "{\"id\":\"t-1\",\"creator\":\"李白\",\"channel\":\"poetry-tang\",\"title\":\"静夜思\","
			+ "\"body_markdown\":\"床前明月光，疑是地上霜。\",\"published_at\":\"2024-01-02T03:04:05+08:00\"}";

	/**
	 * Fuzzing the importer (jqwik generates the lines): any line — a valid one with a
	 * field swapped for a value of any JSON type, truncated, or with random text spliced
	 * in — is imported or rejected with a reason; the run never fails.
	 */
	@Test
	void anyLineIsImportedOrRejectedWithAReasonNeverCrashingTheRun() throws IOException, SQLException {
		Path dataDir = Databases.freshDataDir();
		Path file = dataDir.resolve("fuzz.jsonl");
		List<String> fields = List.of("id", "creator", "channel", "title", "body_markdown", "published_at", "tags",
				"source", "summary", "original", "aigc");
		Arbitrary<String> value = Arbitraries.oneOf(
				Arbitraries.of("null", "true", "1", "-1", "1e309", "[]", "{}", "[1,\"a\"]", "{\"a\":{\"b\":[]}}",
						"\"\"", "\"\\u0000\"", "\"<script>alert(1)</script>\"", "\"军事\"", "\"2024-13-45\""),
				Arbitraries.strings()
					.withCharRange(' ', '\u9fff')
					.ofMaxLength(40)
					.map(t -> "\"" + t.replace("\\", "").replace("\"", "") + "\""));
		Arbitrary<String> line = Arbitraries.integers()
			.between(0, 1000)
			.flatMap(n -> Arbitraries.oneOf(
					Combinators.combine(Arbitraries.of(fields), value)
						.as((field, v) -> GOOD.replace("t-1", "f-" + n)
							.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)",
									"\"" + field + "\":" + Matcher.quoteReplacement(v))),
					Arbitraries.integers()
						.between(0, GOOD.length())
						.map(cut -> GOOD.replace("t-1", "f-" + n).substring(0, cut)),
					Arbitraries.strings().withCharRange(' ', '\u9fff').ofMaxLength(60)));
		List<String> lines = line.sampleStream().limit(300).toList();
		Files.write(file, lines);
		Run run = importCommand(dataDir, file.toString());
		assertThat(run.exitCode()).as(run.output()).isIn(ImportCommand.CLEAN, ImportCommand.REJECTED_LINES);
		assertThat(run.output()).doesNotContain("Exception").doesNotContain("\tat ");
		Matcher summary = Pattern.compile("Imported: (\\d+), skipped as duplicate: (\\d+), rejected: (\\d+)")
			.matcher(run.output());
		assertThat(summary.find()).as(run.output()).isTrue();
		long accounted = Long.parseLong(summary.group(1)) + Long.parseLong(summary.group(2))
				+ Long.parseLong(summary.group(3));
		long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
		assertThat(accounted).as(run.output()).isEqualTo(nonBlank);
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles")).isEqualTo(Long.parseLong(summary.group(1)));
	}

	@Test
	void aLineWithAnObjectAsTagsCostsThatLineOnlyAndLeavesNoCreatorBehind() throws IOException, SQLException {
		Path dataDir = Databases.freshDataDir();
		Path file = dataDir.resolve("tags.jsonl");
		Files.write(file, List.of(GOOD,
				GOOD.replace("t-1", "t-2").replace("李白", "杜甫").replace("\"title\"", "\"tags\":{\"a\":1},\"title\""),
				GOOD.replace("t-1", "t-3").replace("李白", "王维").replace("\"title\"", "\"source\":[1],\"title\""),
				GOOD.replace("t-1", "t-4").replace("静夜思", "静夜思二")));
		Run run = importCommand(dataDir, file.toString());
		assertThat(run.exitCode()).isEqualTo(ImportCommand.REJECTED_LINES);
		assertThat(run.output()).contains("Imported: 2, skipped as duplicate: 0, rejected: 2")
			.contains("line 2: tags must be an array of strings or a comma-separated string")
			.contains("line 3: source must be a string");
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles")).isEqualTo(2);
		assertThat(count(dataDir, "SELECT COUNT(*) FROM creators WHERE handle IN ('杜甫', '王维')")).isZero();
	}

	@Test
	void nulCharactersAndInvalidUtf8RejectTheirLineWithAReason() throws IOException, SQLException {
		Path dataDir = Databases.freshDataDir();
		Path file = dataDir.resolve("bytes.jsonl");
		byte[] good = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] nul = (GOOD.replace("t-1", "t-2").replace("静夜思", "静\\u0000夜思") + "\n").getBytes(StandardCharsets.UTF_8);
		// "\u00c3(" is not UTF-8: a lead byte followed by ASCII
		byte[] broken = GOOD.replace("t-1", "t-3").replace("静夜思", "@@").getBytes(StandardCharsets.UTF_8);
		int at = new String(broken, StandardCharsets.ISO_8859_1).indexOf("@@");
		broken[at] = (byte) 0xC3;
		broken[at + 1] = (byte) 0x28;
		byte[] last = ("\r\n" + GOOD.replace("t-1", "t-4").replace("静夜思", "秋浦歌") + "\r\n")
			.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(good);
		bytes.write(nul);
		bytes.write(broken);
		bytes.write(last);
		// a JSON escape of half a surrogate pair is valid JSON but no character (it used
		// to be stored as "?")
		bytes.write((GOOD.replace("t-1", "t-5").replace("静夜思", "半个\\ud800字") + "\n").getBytes(StandardCharsets.UTF_8));
		Files.write(file, bytes.toByteArray());
		Run run = importCommand(dataDir, file.toString());
		assertThat(run.exitCode()).isEqualTo(ImportCommand.REJECTED_LINES);
		assertThat(run.output()).contains("Imported: 2, skipped as duplicate: 0, rejected: 3")
			.contains("line 2: title contains a NUL character (U+0000)")
			.contains("line 3: not valid UTF-8")
			.contains("title contains an unpaired surrogate escape");
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles")).isEqualTo(2);
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles WHERE title = '秋浦歌'")).isEqualTo(1);
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles WHERE title LIKE '%' || char(65533) || '%'")).isZero();
	}

	@Test
	void aChannelWrittenAsReadersSeeItMatchesTheExistingChannel() throws IOException, SQLException {
		Path dataDir = Databases.freshDataDir();
		Path file = dataDir.resolve("names.jsonl");
		Files.write(file, List.of(GOOD.replace("poetry-tang", "军事"),
				GOOD.replace("t-1", "t-2").replace("poetry-tang", "不存在的频道")));
		Run run = importCommand(dataDir, file.toString());
		// an unknown Chinese name creates the channel, its slug in pinyin
		assertThat(run.output()).contains("Imported: 2, skipped as duplicate: 0, rejected: 0");
		assertThat(count(dataDir, "SELECT COUNT(*) FROM channels WHERE name = '不存在的频道' AND slug = 'bucunzaidepindao'"))
			.isEqualTo(1);
		assertThat(count(dataDir,
				"SELECT COUNT(*) FROM articles a JOIN channels c ON c.id = a.channel_id WHERE c.slug = 'military'"))
			.isEqualTo(1);
		assertThat(count(dataDir, "SELECT COUNT(*) FROM channels WHERE name = '军事'")).isEqualTo(1);
	}

	@Test
	void aRunThatFailsMidwayHasItsOwnExitCodeAndKeepsWhatItStored() throws IOException, SQLException {
		Path dataDir = Databases.freshDataDir();
		Path file = dataDir.resolve("truncated.jsonl.gz");
		ByteArrayOutputStream gz = new ByteArrayOutputStream();
		try (var out = new GZIPOutputStream(gz)) {
			out.write(Fixtures.open(Fixtures.CLASSICS).readAllBytes());
		}
		byte[] whole = gz.toByteArray();
		Files.write(file, Arrays.copyOf(whole, whole.length * 2 / 3));
		Run run = importCommand(dataDir, file.toString());
		assertThat(run.exitCode()).isEqualTo(ImportCommand.FAILED);
		assertThat(count(dataDir, "SELECT COUNT(*) FROM articles")).isZero(); // 240
																				// lines:
																				// one
																				// batch,
																				// never
																				// reached
		assertThat(importCommand(dataDir, dataDir.toString()).exitCode()).isEqualTo(ImportCommand.USAGE);
	}

	@Test
	void missingFileIsAClearError() {
		Run run = importCommand(Databases.freshDataDir(), "/nonexistent/file.jsonl");
		assertThat(run.exitCode()).isEqualTo(2);
	}

	/**
	 * The arguments are checked before the application starts: no database is opened,
	 * created or migrated.
	 */
	@Test
	void badFileArgumentsAreOneLineUsageErrorsBeforeAnythingStarts() throws IOException {
		Path dataDir = Databases.freshDataDir();
		Path good = dataDir.resolve("good.jsonl");
		Files.writeString(good, GOOD + "\n");
		for (String[] files : List.of(new String[] { "/nonexistent/file.jsonl" },
				new String[] { good.toString(), "/nonexistent/second.jsonl" }, new String[] { dataDir.toString() },
				new String[0])) {
			PrintStream original = System.err;
			ByteArrayOutputStream captured = new ByteArrayOutputStream();
			System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
			Run run;
			try {
				run = importCommand(dataDir, files);
			}
			finally {
				System.setErr(original);
			}
			String err = captured.toString(StandardCharsets.UTF_8);
			assertThat(run.exitCode()).as(err).isEqualTo(ImportCommand.USAGE);
			assertThat(err.strip()).as("one line").doesNotContain("\n").isNotEmpty();
			assertThat(run.output()).as("nothing started").isEmpty();
			assertThat(dataDir.resolve("inkstone.db")).as("no database opened").doesNotExist();
		}
	}

	private static long count(Path dataDir, String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("inkstone.db"));
				ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Test
	void theReindexCommandRebuildsTheSearchIndexFromTheDatabaseWithProgress() throws IOException {
		Path dataDir = Databases.freshDataDir();
		Path file = dataDir.resolve("fixture.jsonl");
		Files.copy(Fixtures.open(Fixtures.CLASSICS), file);
		assertThat(importCommand(dataDir, file.toString()).exitCode()).isZero();
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		int code;
		try {
			code = InkstoneApplication.runReindex("--inkstone.data-dir=" + dataDir);
		}
		finally {
			System.setOut(original);
		}
		String output = captured.toString(StandardCharsets.UTF_8);
		assertThat(code).isZero();
		assertThat(output).contains("Rebuilding the search index:").contains("Search index rebuilt: 240 articles");
	}

}
