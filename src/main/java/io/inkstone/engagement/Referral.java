package io.inkstone.engagement;

/**
 * Where one reader came from: the category and the referring host ({@code ""} when there
 * is none worth keeping: direct reads and this site's own pages).
 */
public record Referral(ReadSource source, String host) {

	public static final Referral DIRECT = new Referral(ReadSource.DIRECT, "");

	public Referral {
		host = host == null ? "" : host;
	}

}
