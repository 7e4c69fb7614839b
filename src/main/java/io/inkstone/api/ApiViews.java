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
	record CreatorRef(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "libai") String handle,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "李白") String displayName,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url) {
	}

	@Schema(description = "An article in a list")
	record ArticleItem(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "7402418392186880",
					description = "64-bit id, as a string") String id,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "静夜思") String title, String summary,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "poetry-tang") String channel,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) CreatorRef creator,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-29T08:00:00Z") String publishedAt,
			@Schema(description = "the article's picture, as pages, feeds and link previews show it: the cover when it is an"
					+ " image of the site's own of at least 300 px each way, else the body's first such image; absent"
					+ " when none") String coverImage,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean original,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
					"none", "assisted", "generated" }) String aigc,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url){
	}

	@Schema(description = "A page of articles; pass next as cursor to get the following page")
	record ArticlePage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ArticleItem> items,
			@Schema(description = "cursor of the next page, null on the last page",
					example = "1795939200000-7402418392186880") String next) {
	}

	@Schema(description = "One article. markdown is present only for its creator.")
	record ArticleDetail(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title, String summary,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {
					"draft", "pending", "published", "rejected" }) String status,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String channel,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) CreatorRef creator,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> tags,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean original, String aigc, String source,
			@Schema(description = "the article's picture, as pages, feeds and link previews show it: the cover when it is an"
					+ " image of the site's own of at least 300 px each way, else the body's first such image; absent"
					+ " when none") String coverImage,
			String publishedAt, String modifiedAt, @Schema(description = "set on a scheduled draft") String scheduledAt,
			@Schema(description = "sanitized HTML, as the article page shows it") String html,
			@Schema(description = "the Markdown source (the creator only)") String markdown,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url){
	}

	@Schema(description = "One of the caller's own articles")
	record OwnArticle(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String status, String publishedAt, String updatedAt,
			String scheduledAt, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url) {
	}

	@Schema(description = "The fields of an article to create or change. On PATCH, absent fields keep their value.")
	record ArticleInput(@Schema(example = "静夜思", maxLength = 100) String title,
			@Schema(example = "床前明月光，疑是地上霜。", description = "Markdown, at most 100,000 characters") String body,
			@Schema(example = "poetry-tang", description = "channel slug") String channel,
			@Schema(example = "[\"唐诗\", \"月\"]",
					description = "at most 5 tags of at most 20 characters") List<String> tags,
			@Schema(description = "原创声明; default true") Boolean original, @Schema(allowableValues = {
					"none", "assisted", "generated" }, description = "AI-generation declaration") String aigc,
			@Schema(description = "where the text comes from; required when original is false") String source,
			@Schema(maxLength = 200) String summary,
			@Schema(description = "URL of one of your uploaded images, e.g. /media/<sha256>/full.jpg") String cover,
			@Schema(maxLength = 500,
					description = "public correction note, for edits of a published article") String correction){
	}

	@Schema(description = "Publish now (empty body) or schedule a draft (publishAt, from now to a year ahead)")
	record PublishInput(@Schema(example = "2026-12-01T08:00:00Z") String publishAt) {
	}

	record ChannelView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "poetry-tang") String slug,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "唐诗") String name,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url) {
	}

	record CreatorView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String handle,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String displayName, String tagline, String avatarUrl,
			String accountType, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean verified, String region,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long articles,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String url) {
	}

	@Schema(description = "An uploaded image: url and srcset are absolute; markdown names the image by the path the"
			+ " site keeps, to paste into a body (the absolute url works there too)")
	record MediaView(String id, @Schema(example = "https://news.example/media/9f2c…/full.jpg") String url,
			String markdown, String srcset, int width, int height) {
	}

	@Schema(description = "The caller as the API sees them")
	record Me(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String accountId, String displayName, String role,
			CreatorRef creator, @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "scopes of the token used, or [read, write] for a browser session") List<String> scopes) {
	}

	@Schema(description = "A list of articles (hot, related): the whole answer, no further pages")
	record ArticleList(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ArticleItem> items) {
	}

	@Schema(description = "A comment (跟帖) as readers see it, with its replies (one level)")
	record CommentView(
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "64-bit id, as a string") String id,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "读者甲") String author,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "plain text, not HTML") String body,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2026-11-29T08:00:00Z") String createdAt,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long likes,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "replies, oldest first; empty on replies") List<CommentView> replies) {
	}

	@Schema(description = "A page of an article's comments, oldest first; pass next as cursor to get the following page")
	record CommentPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<CommentView> items,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "visible comments and replies in all") long total,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
					description = "whether the article takes new comments") boolean open,
			@Schema(description = "cursor of the next page, null on the last page") String next) {
	}

}
