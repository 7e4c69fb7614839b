package io.inkstone.settings;

import jakarta.validation.constraints.Size;

/**
 * The sensitive-word list and the bad link domains as posted, one entry per line (a file
 * uploaded with the form replaces the word list).
 */
public record ReviewListsForm(
		@Size(max = ReviewListsForm.MAX_WORDS, message = "siteSettings.error.wordsLength") String words,
		@Size(max = ReviewListsForm.MAX_DOMAINS, message = "siteSettings.error.domainsLength") String domains) {

	static final int MAX_WORDS = 200_000;

	static final int MAX_DOMAINS = 20_000;

	/** One entry per line: trimmed, blank lines dropped, Windows line ends folded. */
	static String lines(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
			String entry = line.strip();
			if (!entry.isEmpty()) {
				out.append(entry).append('\n');
			}
		}
		return out.toString();
	}

}
