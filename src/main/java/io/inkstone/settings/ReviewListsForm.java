package io.inkstone.settings;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

	/** A host name in ASCII form: two or more labels of letters, digits and hyphens. */
	private static final Pattern HOST = Pattern
		.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	/**
	 * The first line of a domain list that is not a host name (a URL, a path, markup), or
	 * empty when every line is one; internationalised names are checked in their ASCII
	 * form.
	 */
	static Optional<String> badDomain(String domains) {
		for (String line : lines(domains).split("\n")) {
			if (line.isEmpty()) {
				continue;
			}
			String ascii;
			try {
				ascii = IDN.toASCII(line.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED);
			}
			catch (IllegalArgumentException ex) {
				return Optional.of(line);
			}
			if (!HOST.matcher(ascii).matches()) {
				return Optional.of(line);
			}
		}
		return Optional.empty();
	}

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
