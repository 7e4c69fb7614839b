package io.inkstone.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.ObjectMapper;

/** Test fixtures copied from the public-domain channels of the shared corpus. */
public final class Fixtures {

	/**
	 * 240 articles: 40 each of poetry-tang, poetry-song, poetry-pre-tang, ci, qu,
	 * classics.
	 */
	public static final String CLASSICS = "/fixtures/classics-240.jsonl";

	private Fixtures() {
	}

	/** One fixture article: its creator (the author) and body. */
	public record Item(String creator, String title, String body) {
	}

	/** The classics fixture, parsed (Jackson). */
	public static List<Item> classics() {
		ObjectMapper json = new ObjectMapper();
		try (var reader = new BufferedReader(new InputStreamReader(open(CLASSICS), StandardCharsets.UTF_8))) {
			return reader.lines()
				.filter(l -> !l.isBlank())
				.map(json::readTree)
				.map(n -> new Item(n.get("creator").asString(), n.get("title").asString(),
						n.get("body_markdown").asString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static InputStream open(String name) {
		InputStream in = Fixtures.class.getResourceAsStream(name);
		if (in == null) {
			throw new UncheckedIOException(new IOException("missing fixture " + name));
		}
		return in;
	}

}
