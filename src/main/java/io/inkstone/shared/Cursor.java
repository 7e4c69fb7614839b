package io.inkstone.shared;

/**
 * Keyset pagination position: the (published_at, id) of the last item shown. Encoded as
 * {@code <millis>-<id>} in URLs so deep pages stay as fast as the first.
 */
public record Cursor(long publishedAt, long id) {

	public static final Cursor START = new Cursor(Long.MAX_VALUE, Long.MAX_VALUE);

	public static Cursor parse(String value) {
		if (value == null || value.isBlank()) {
			return START;
		}
		int dash = value.indexOf('-');
		try {
			if (dash <= 0 || value.length() > 40) {
				throw new NumberFormatException(value);
			}
			return new Cursor(Long.parseLong(value.substring(0, dash)), Long.parseLong(value.substring(dash + 1)));
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("problem.shared.invalidPageCursor");
		}
	}

	public String encode() {
		return publishedAt + "-" + id;
	}

}
