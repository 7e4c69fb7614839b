package io.inkstone.creators;

import java.util.Optional;

/** One follow of a creator: who (reader key) and since when. */
public record Follower(String readerKey, long createdAt) {

	/** The account behind the reader key, if the follower was signed in. */
	public Optional<Long> accountId() {
		if (readerKey.length() > 1 && readerKey.charAt(0) == 'u') {
			try {
				return Optional.of(Long.parseUnsignedLong(readerKey.substring(1), 16));
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

}
