package io.inkstone.creators;

/** One follow of a creator: who (reader key) and since when. */
public record Follower(String readerKey, long createdAt) {

	/** The account behind the reader key, if the follower was signed in. */
	public java.util.Optional<Long> accountId() {
		if (readerKey.length() > 1 && readerKey.charAt(0) == 'u') {
			try {
				return java.util.Optional.of(Long.parseUnsignedLong(readerKey.substring(1), 16));
			}
			catch (NumberFormatException ex) {
				return java.util.Optional.empty();
			}
		}
		return java.util.Optional.empty();
	}

}
