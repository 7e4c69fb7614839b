package io.inkstone.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The JSON shapes of the API (records, so the OpenAPI schema is generated from them). */
final class ApiViews {

	private ApiViews() {
	}

	static String iso(long millis) {
		return millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
	}

	static String iso(Long millis) {
		return millis == null ? null : iso(millis.longValue());
	}

	@Schema(description = "A creator as the API shows them")
	record CreatorRef(@Schema(example = "libai") String handle, @Schema(example = "李白") String displayName,
			String url) {
	}

	@Schema(description = "An article in a list")
	record ArticleItem(@Schema(example = "7402418392186880", description = "64-bit id, as a string") String id,
			@Schema(example = "静夜思") String title, String summary, @Schema(example = "poetry-tang") String channel,
			CreatorRef creator, @Schema(example = "2026-11-29T08:00:00Z") String publishedAt, String coverImage,
			boolean original, @Schema(allowableValues = { "none", "assisted", "generated" }) String aigc, String url) {
	}

	@Schema(description = "A page of articles; pass next as cursor to get the following page")
	record ArticlePage(List<ArticleItem> items, @Schema(description = "cursor of the next page, null on the last page",
			example = "1795939200000-7402418392186880") String next) {
	}

	@Schema(description = "One article. markdown is present only for its creator.")
	record ArticleDetail(String id, String title, String summary,
			@Schema(allowableValues = { "draft", "pending", "published", "rejected" }) String status, String channel,
			CreatorRef creator, List<String> tags, boolean original, String aigc, String source, String coverImage,
			String publishedAt, String modifiedAt, @Schema(description = "set on a scheduled draft") String scheduledAt,
			@Schema(description = "sanitized HTML, as the article page shows it") String html,
			@Schema(description = "the Markdown source (the creator only)") String markdown, String url) {
	}

	@Schema(description = "One of the caller's own articles")
	record OwnArticle(String id, String title, String status, String publishedAt, String updatedAt, String scheduledAt,
			String url) {
	}

	@Schema(description = "The fields of an article to create or change. On PATCH, absent fields keep their value.")
	record ArticleInput(@Schema(example = "静夜思", maxLength = 100) String title,
			@Schema(example = "床前明月光，疑是地上霜。", description = "Markdown, at most 100,000 characters") String body,
			@Schema(example = "poetry-tang", description = "channel slug") String channel,
			@Schema(example = "[\"唐诗\", \"月\"]", description = "at most 5 tags of at most 20 characters") List<String> tags,
			@Schema(description = "原创声明; default true") Boolean original,
			@Schema(allowableValues = { "none", "assisted", "generated" }, description = "AI-generation declaration") String aigc,
			@Schema(description = "where the text comes from; required when original is false") String source,
			@Schema(maxLength = 200) String summary,
			@Schema(description = "URL of one of your uploaded images, e.g. /media/<sha256>/full.jpg") String cover,
			@Schema(maxLength = 500, description = "public correction note, for edits of a published article") String correction) {
	}

	@Schema(description = "Publish now (empty body) or schedule a draft (publishAt, from now to a year ahead)")
	record PublishInput(@Schema(example = "2026-12-01T08:00:00Z") String publishAt) {
	}

	record ChannelView(@Schema(example = "poetry-tang") String slug, @Schema(example = "唐诗") String name, String url) {
	}

	record CreatorView(String handle, String displayName, String tagline, String avatarUrl, String accountType,
			boolean verified, String region, long articles, String url) {
	}

	record MediaView(String id, String url, String markdown, String srcset, int width, int height) {
	}

	@Schema(description = "The caller as the API sees them")
	record Me(String accountId, String displayName, String role, CreatorRef creator,
			@Schema(description = "scopes of the token used, or [read, write] for a browser session") List<String> scopes) {
	}

}
