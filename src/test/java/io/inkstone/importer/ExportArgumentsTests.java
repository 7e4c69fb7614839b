package io.inkstone.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.inkstone.InkstoneApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import io.inkstone.InkstoneApplicationAccess;

/**
 * {@code java -jar inkstone.jar export}: usage errors are caught before anything starts —
 * exit 2, one line on standard error, nothing written — for a missing or unknown format,
 * no directory or two, and a directory that is a file or not empty.
 */
class ExportArgumentsTests {

	@TempDir
	Path tmp;

	record Result(int code, String err) {
	}

	static Result export(String... args) {
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			return new Result(InkstoneApplication.runExport(args), captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setErr(err);
		}
	}

	@Test
	void refusesBadArgumentsBeforeStarting() throws IOException {
		Path fresh = tmp.resolve("fresh");
		Path full = Files.createDirectories(tmp.resolve("full"));
		Files.writeString(full.resolve("keep.txt"), "mine");
		Path file = Files.writeString(tmp.resolve("a-file"), "x");
		assertThat(export(fresh.toString()).err()).contains("--format must be jsonl or wxr");
		assertThat(export("--format=csv", fresh.toString()).err()).contains("--format must be jsonl or wxr");
		assertThat(export("--format").err()).contains("--format must be jsonl or wxr");
		assertThat(export("--format=jsonl").err()).contains("give one directory");
		assertThat(export("--format=wxr", fresh.toString(), tmp.resolve("other").toString()).err())
			.contains("give one directory");
		assertThat(export("--format=jsonl", full.toString()).err()).contains("is not empty");
		assertThat(export("--format", "jsonl", file.toString()).err()).contains("not a directory");
		for (String[] args : new String[][] { { fresh.toString() }, { "--format=csv", fresh.toString() },
				{ "--format=jsonl", full.toString() } }) {
			assertThat(export(args).code()).isEqualTo(ExportCommand.USAGE);
		}
		assertThat(fresh).doesNotExist();
		assertThat(Files.list(full).toList()).containsExactly(full.resolve("keep.txt"));
	}

	@Test
	void acceptsANewOrEmptyDirectory() throws IOException {
		assertThat(InkstoneApplicationAccess.exportProblem("--format=jsonl", tmp.resolve("new").toString())).isNull();
		assertThat(InkstoneApplicationAccess.exportProblem("--format", "wxr",
				Files.createDirectories(tmp.resolve("empty")).toString(), "--inkstone.data-dir=/tmp/x"))
			.isNull();
	}

}
