package io.inkstone.site;

import java.util.List;

import io.inkstone.articles.ArticleSummary;
import io.inkstone.creators.Creator;

/**
 * The creator card: profile, true counts, follow state and 往期回顾 (recent articles).
 * {@code self}: the signed-in reader is this creator (no follow button, no 举报).
 */
public record CreatorCard(Creator creator, long articleCount, long followerCount, boolean following,
		List<ArticleSummary> recent, String ipRegion, boolean self) {

	public CreatorCard(Creator creator, long articleCount, long followerCount, boolean following,
			List<ArticleSummary> recent, String ipRegion) {
		this(creator, articleCount, followerCount, following, recent, ipRegion, false);
	}

}
