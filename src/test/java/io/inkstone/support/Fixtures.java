package io.inkstone.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test fixtures copied from the public-domain channels of the shared corpus. */
public final class Fixtures {

	/** 240 articles: 40 each of poetry-tang, poetry-song, poetry-pre-tang, ci, qu, classics. */
	public static final String CLASSICS = "/fixtures/classics-240.jsonl";

	private Fixtures() {
	}

	public static InputStream open(String name) {
		InputStream in = Fixtures.class.getResourceAsStream(name);
		if (in == null) {
			throw new UncheckedIOException(new IOException("missing fixture " + name));
		}
		return in;
	}

}
