/**
 * Feed: the signed-in reader's 推荐 feed, mixed from followed creators, interest tags
 * derived from what they read, articles related to their latest read, and hot and fresh
 * items; every item says why it is shown. The reader sees and deletes their interest tags
 * and can switch personalisation off (then the feed uses no personal signal: newest and
 * hot only, and reading no longer records interests).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "accounts", "articles", "channels", "creators", "discovery", "engagement", "shared" })
package io.inkstone.feed;
