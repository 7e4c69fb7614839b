package io.inkstone.discovery;

/**
 * One line of the 热榜 page.
 *
 * @param heat the ranking score now, scaled for display
 * @param trend the move since the previous hour's list
 */
public record HotEntry(ArticleCard card, int rank, long heat, Trend trend) {

	/**
	 * @param direction {@code up}, {@code down}, {@code same}, {@code new} (not on the
	 * previous list) or {@code none} (no previous list yet)
	 * @param places how many places up or down
	 */
	public record Trend(String direction, int places) {
	}

}
